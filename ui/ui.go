// Package ui is the bounce browser: every Bubble Tea model lives here.
package ui

import (
	"github.com/bouncelens/bouncelens/model"
)

// Options say what the browser opens.
type Options struct {
	Files  []string      // exports to open; none opens the embedded sample; "-" is stdin
	Load   model.Options // how to load them (Progress is set by the browser)
	Filter model.Filter  // filters given on the command line
}

// Run opens the browser in the terminal and returns when the user quits.
func Run(opts Options) error {
	return nil // TODO(ui): implement
}
