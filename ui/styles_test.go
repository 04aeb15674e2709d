package ui

import (
	"image/color"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG 2's contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	if got := contrast(lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF")); math.Abs(got-21) > 0.01 {
		t.Fatalf("black on white = %.2f, want 21", got)
	}
	if got := contrast(lipgloss.Color("#777777"), lipgloss.Color("#FFFFFF")); math.Abs(got-4.48) > 0.01 {
		t.Fatalf("#777 on white = %.2f, want 4.48", got)
	}
}

// Key hints and text keep WCAG AA contrast (4.5:1) against every background each palette is for.
func TestPalettesKeepContrast(t *testing.T) {
	for _, dark := range []bool{false, true} {
		name := map[bool]string{false: "light", true: "dark"}[dark]
		p := newPalette(dark)
		st := NewStyles(dark)
		fg := map[string]color.Color{
			"help short key": st.Help.ShortKey.GetForeground(), "help short desc": st.Help.ShortDesc.GetForeground(),
			"help separator": st.Help.ShortSeparator.GetForeground(), "help ellipsis": st.Help.Ellipsis.GetForeground(),
			"help full key": st.Help.FullKey.GetForeground(), "help full desc": st.Help.FullDesc.GetForeground(),
			"help full separator": st.Help.FullSeparator.GetForeground(),
			"dim":                 p.dim, "status": st.Status.GetForeground(), "prompt": st.Prompt.GetForeground(),
			"accent": p.accent, "hard": p.hard, "soft": p.soft, "ok": p.ok, "unknown": p.unknown,
			"match": p.match, "search hit": st.Hit.GetForeground(), "text": p.text,
		}
		if len(p.backgrounds) == 0 {
			t.Fatalf("%s palette names no background", name)
		}
		for what, c := range fg {
			if _, none := c.(lipgloss.NoColor); none || c == nil {
				t.Errorf("%s palette: %s has no colour", name, what)
				continue
			}
			for _, bg := range p.backgrounds {
				if r := contrast(c, bg); r < 4.5 {
					t.Errorf("%s palette: %s %v on %v has contrast %.2f:1, want at least 4.5:1", name, what, c, bg, r)
				}
			}
		}
	}
}

func TestThemeOptionFixesThePalette(t *testing.T) {
	for _, tt := range []struct {
		theme string
		dark  bool
	}{{"light", false}, {"dark", true}} {
		a := newApp(Options{Theme: tt.theme}, nil, 0, 0)
		want := NewStyles(tt.dark).Title.Render("x")
		if got := a.sh.styles.Title.Render("x"); got != want {
			t.Fatalf("--theme %s: title %q, want the %s palette's %q", tt.theme, got, tt.theme, want)
		}
		bg := color.Color(color.White)
		if !tt.dark {
			bg = color.Black
		}
		a.Update(tea.BackgroundColorMsg{Color: bg})
		if got := a.sh.styles.Title.Render("x"); got != want {
			t.Fatalf("--theme %s: the terminal's background changed the palette", tt.theme)
		}
	}
	a := newApp(Options{Theme: "auto"}, nil, 0, 0)
	before := a.sh.styles.Title.Render("x")
	a.Update(tea.BackgroundColorMsg{Color: color.White})
	if a.sh.styles.Title.Render("x") == before {
		t.Fatal("--theme auto: a light background did not switch to the light palette")
	}
}

func TestRunRefusesAnUnknownTheme(t *testing.T) {
	if err := Run(Options{Theme: "solarized"}); err == nil || !strings.Contains(err.Error(), "unknown theme") {
		t.Fatalf("Run with theme solarized: %v", err)
	}
}
