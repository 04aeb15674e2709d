package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/model"
)

// exportChoices are what e offers, in order: the three jobs, then the plain CSV of every lead.
var exportChoices = append(model.Presets(), model.NoPreset)

// plainAdvice is what the prompt says about the plain CSV, which leaves no lead out.
const plainAdvice = "Every selected lead, one row each, in Marketo's import columns: nothing is left out, " +
	"whatever its verdict. For a list to re-add or to suppress, choose that job instead."

// exportStage is where the export prompt is.
type exportStage uint8

const (
	exportChoosing   exportStage = iota // which export: a job or the plain CSV
	exportNaming                        // the file name, with what the job will write
	exportConfirming                    // the file exists: waiting for y or n
)

// exportPrompt asks which export, then the file's name with what it will hold, then for
// confirmation before overwriting.
type exportPrompt struct {
	sh       *shared
	input    textinput.Model
	stage    exportStage
	choice   int // index into exportChoices
	count    int
	label    string
	slug     string
	date     string
	sel      []int32
	planned  bool
	plan     model.PresetReport
	planning bool
}

func newExportPrompt(sh *shared) exportPrompt { return exportPrompt{sh: sh, input: newInput()} }

// Open starts the prompt for sel, described by label, suggesting the job preset; slug and date
// make the default file name.
func (p *exportPrompt) Open(sel []int32, label, slug, date string, preset model.Preset) {
	p.sel, p.count, p.label, p.slug, p.date = sel, len(sel), label, slug, date
	p.stage = exportChoosing
	p.choice = 0
	for i, c := range exportChoices {
		if c == preset {
			p.choice = i
		}
	}
}

// Preset is the export chosen.
func (p *exportPrompt) Preset() model.Preset { return exportChoices[p.choice] }

func (p *exportPrompt) defaultName() string {
	job := "leads"
	if pr := p.Preset(); pr != model.NoPreset {
		job = pr.String()
	}
	if p.slug == job || strings.HasPrefix(p.slug, job+"-") {
		return "bouncelens-" + p.slug + "-" + p.date + ".csv" // readd ▸ blocked: no readd twice
	}
	return "bouncelens-" + p.slug + "-" + job + "-" + p.date + ".csv"
}

// exportPlanAction asks the root to count what the chosen preset will write, in a command.
type exportPlanAction struct{ preset model.Preset }

// Update picks the export, edits the name (enter asks to export, esc cancels), and answers the
// overwrite question with y or n.
func (p exportPrompt) Update(msg tea.Msg) (exportPrompt, any) {
	k, isKey := msg.(tea.KeyPressMsg)
	km := p.sh.keys
	switch p.stage {
	case exportConfirming:
		if !isKey {
			return p, nil
		}
		switch k.String() {
		case "y", "Y":
			p.stage = exportNaming
			return p, exportAction{path: p.path(), preset: p.Preset(), force: true}
		case "n", "N", "esc":
			p.stage = exportNaming
		}
		return p, nil
	case exportChoosing:
		if !isKey {
			return p, nil
		}
		switch {
		case key.Matches(k, km.Up):
			p.choice = max(p.choice-1, 0)
		case key.Matches(k, km.Down):
			p.choice = min(p.choice+1, len(exportChoices)-1)
		case key.Matches(k, km.Cancel):
			return p, exportCancelAction{}
		case key.Matches(k, km.Enter):
			return p.choose()
		default:
			for i, c := range exportChoices {
				if k.Text != "" && k.Text == choiceKey(c) {
					p.choice = i
					return p.choose()
				}
			}
		}
		return p, nil
	}
	if isKey {
		switch k.String() {
		case "enter":
			if p.path() == "" || p.planning {
				return p, nil
			}
			return p, exportAction{path: p.path(), preset: p.Preset()}
		case "esc":
			return p, exportCancelAction{}
		}
	}
	updateInput(&p.input, msg)
	return p, nil
}

// choose moves on to the file name, and asks for the chosen job's counts.
func (p exportPrompt) choose() (exportPrompt, any) {
	p.stage = exportNaming
	p.input.SetValue(p.defaultName())
	p.input.Focus()
	p.input.CursorEnd()
	p.planned = false
	if pr := p.Preset(); pr != model.NoPreset {
		p.planning = true
		return p, exportPlanAction{preset: pr}
	}
	p.planning = false
	return p, nil
}

// choiceKey is the letter that picks an export at once.
func choiceKey(p model.Preset) string {
	switch p {
	case model.PresetReadd:
		return "r"
	case model.PresetSuppress:
		return "s"
	case model.PresetHandoff:
		return "h"
	}
	return "c"
}

// SetPlan takes the counts of the chosen job.
func (p *exportPrompt) SetPlan(r model.PresetReport) {
	p.plan, p.planned, p.planning = r, true, false
}

func (p *exportPrompt) path() string { return strings.TrimSpace(p.input.Value()) }

// View draws the panel in w cells.
func (p exportPrompt) View(w int) string {
	st := p.sh.styles
	title := "Export " + plural(p.count, "lead", "leads") + " (" + p.label + ")"
	lines := []string{st.Label.Render(fit(title, w))}
	if p.stage == exportChoosing {
		for i, c := range exportChoices {
			name, about := "plain CSV", "every lead as it is, in Marketo's import columns"
			if c != model.NoPreset {
				name, about = c.String(), c.Describe()
			}
			line := "  " + choiceKey(c) + "  " + fit(name, 10) + " " + about
			if i == p.choice {
				lines = append(lines, st.Selected.Render(fit("▶"+line[1:], w)))
			} else {
				lines = append(lines, fit(line, w))
			}
		}
		lines = append(lines, st.Dim.Render(fit("  ↑/↓ and enter, or the letter · esc cancel", w)))
		return strings.Join(lines, "\n")
	}
	pr := p.Preset()
	job := "plain CSV"
	if pr != model.NoPreset {
		job = pr.String()
	}
	var second string
	if p.stage == exportConfirming {
		second = st.Error.Render(p.sh.text.Line(p.path())+" exists. Overwrite it?") + st.Prompt.Render(" y/n")
	} else {
		prompt := st.Prompt.Render(job + " file: ")
		hint := st.Dim.Render("  enter save · esc cancel")
		iw := w - lipgloss.Width(prompt) - lipgloss.Width(hint)
		if iw < 12 {
			hint, iw = "", w-lipgloss.Width(prompt)
		}
		second = prompt + inputView(p.input, st, iw) + hint
	}
	lines = append(lines, fit(second, w))
	advice := plainAdvice
	switch {
	case pr == model.NoPreset:
	case p.planning:
		lines = append(lines, st.Dim.Render(fit("Counting what the "+job+" list will hold…", w)))
		advice = pr.Advice()
	case p.planned:
		for _, s := range wrap("Will write "+p.plan.Summary()+".", w) {
			lines = append(lines, fit(s, w))
		}
		advice = pr.Advice()
	}
	for _, s := range wrap(advice, w) {
		lines = append(lines, st.Dim.Render(fit(s, w)))
	}
	return strings.Join(lines, "\n")
}
