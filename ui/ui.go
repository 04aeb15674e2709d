// Package ui is the bounce browser: every Bubble Tea model lives here.
package ui

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// Options say what the browser opens.
type Options struct {
	Files  []string      // exports to open; none opens the embedded sample; "-" is stdin
	Load   model.Options // how to load them (Progress is set by the browser)
	Filter model.Filter  // filters given on the command line
	Theme  string        // "light" or "dark" palette; "" or "auto" asks the terminal its background
}

// autoTheme says whether the palette follows the terminal's background.
func (o Options) autoTheme() bool { return o.Theme == "" || o.Theme == "auto" }

// Run opens the browser in the terminal and returns when the user quits. NO_COLOR set to any
// value turns colours off (selection stays visible as reverse video and a ▶ marker).
func Run(opts Options) error {
	if !opts.autoTheme() && opts.Theme != "light" && opts.Theme != "dark" {
		return fmt.Errorf("unknown theme %q: want light, dark or auto", codes.SafeText(opts.Theme))
	}
	var popts []tea.ProgramOption
	if _, set := os.LookupEnv("NO_COLOR"); set {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	app := New(opts)
	if _, err := tea.NewProgram(app, popts...).Run(); err != nil {
		return safeError(err)
	}
	return safeError(app.LoadErr())
}

// safeError wraps err so that its text is safe to print on the terminal the browser leaves: a
// load error quotes file names and cells, and a crafted one could set the window title or
// worse. errors.Is and errors.As still see err.
func safeError(err error) error {
	if err == nil {
		return nil
	}
	return cleanError{err}
}

type cleanError struct{ err error }

func (e cleanError) Error() string { return codes.SafeText(e.err.Error()) }
func (e cleanError) Unwrap() error { return e.err }
