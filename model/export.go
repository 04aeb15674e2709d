package model

import (
	"github.com/bouncelens/bouncelens/codes"

	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/gocarina/gocsv"
)

// ExportOptions shape an export.
type ExportOptions struct {
	Format  string        // "csv" (default) or "emails"
	Columns []string      // columns beyond Marketo's import columns, by name
	Preset  Preset        // an export for a job (ExportPreset); Format and Columns are then ignored
	Report  *PresetReport // when not nil, receives what a preset wrote and left out
}

// importColumns are the columns Marketo's list import matches on, in order.
var importColumns = []string{"Email Address", "First Name", "Last Name", "Company Name"}

// exportColumn is one column of an export and how to read it from a lead.
type exportColumn struct {
	name string
	get  func(l *Lead) string
}

// derivedColumns are what bouncelens worked out, exportable by these names (which a load
// never takes for a reason column).
var derivedColumns = []exportColumn{
	{"bouncelens class", func(l *Lead) string { return l.Bounce.Class.String() }},
	{"bouncelens code", func(l *Lead) string {
		if l.Bounce.Basic == 0 {
			return ""
		}
		return strconv.Itoa(int(l.Bounce.Basic))
	}},
	{"bouncelens enhanced", func(l *Lead) string { return l.Bounce.Enhanced.String() }},
	{"bouncelens reason", func(l *Lead) string { return l.Bounce.Reason.String() }},
	{"bouncelens text", func(l *Lead) string { return l.Reason }},
}

// ExportColumns lists the column names Export accepts in ExportOptions.Columns: Lead's fields,
// the dataset's other columns, and what bouncelens derived.
func (ds *Dataset) ExportColumns() []string {
	var names []string
	for _, f := range leadFields() {
		names = append(names, f.tag)
	}
	names = append(names, ds.ExtraColumns...)
	for _, d := range derivedColumns {
		names = append(names, d.name)
	}
	return names
}

// column resolves a column name (matched ignoring case, spaces and punctuation).
func (ds *Dataset) column(name string) (exportColumn, error) {
	n := normalize(name)
	if a, ok := aliases[n]; ok {
		n = a
	}
	for _, f := range leadFields() {
		if f.norm != n {
			continue
		}
		off := f.offset
		switch f.kind {
		case kindBool:
			return exportColumn{f.tag, func(l *Lead) string {
				return strconv.FormatBool(*(*bool)(unsafe.Add(unsafe.Pointer(l), off)))
			}}, nil
		case kindTime:
			return exportColumn{f.tag, func(l *Lead) string {
				t := *(*time.Time)(unsafe.Add(unsafe.Pointer(l), off))
				if t.IsZero() {
					return ""
				}
				return t.Format(time.RFC3339)
			}}, nil
		default:
			return exportColumn{f.tag, func(l *Lead) string {
				return *(*string)(unsafe.Add(unsafe.Pointer(l), off))
			}}, nil
		}
	}
	for k, c := range ds.ExtraColumns {
		if normalize(c) == n {
			return exportColumn{c, func(l *Lead) string {
				if k < len(l.Extra) {
					return l.Extra[k]
				}
				return ""
			}}, nil
		}
	}
	for _, d := range derivedColumns {
		if normalize(d.name) == n {
			return d, nil
		}
	}
	return exportColumn{}, fmt.Errorf("unknown column %q (known: %s)", name, strings.Join(ds.ExportColumns(), ", "))
}

// guard defuses a cell a spreadsheet would run as a formula (see Formulaish): it gets a
// leading single quote. Bidirectional overrides and isolates are dropped too: in a spreadsheet
// they reorder what the cell shows (a name or a reason that reads as something else).
func guard(s string) string {
	s = dropBidi(s)
	if Formulaish(s) {
		return "'" + s
	}
	return s
}

// dropBidi drops the direction controls (codes.IsBidiControl) from an exported cell, as
// codes.SafeText does on the screen.
func dropBidi(s string) string {
	if !strings.ContainsFunc(s, codes.IsBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if codes.IsBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// Export writes the selected leads: by default as CSV with Marketo's import columns (Email
// Address, First Name, Last Name, Company Name), cells guarded against formula injection.
// Format "emails" writes one email address per line, trimmed. Either way a lead whose email
// cell is not one valid address (see Address: empty, NULL, two addresses), or that a
// spreadsheet would run as a formula, is left out (EmailsLeftOut counts them).
func (ds *Dataset) Export(w io.Writer, sel []int32, opts ExportOptions) error {
	if opts.Preset != NoPreset {
		r, err := ds.ExportPreset(w, sel, opts.Preset)
		if opts.Report != nil {
			*opts.Report = r
		}
		return err
	}
	switch opts.Format {
	case "emails":
		bw := bufio.NewWriter(w)
		for _, i := range sel {
			if e, ok := exportableAddress(ds.Leads[i].Email); ok {
				bw.WriteString(e)
				bw.WriteByte('\n')
			}
		}
		return bw.Flush()
	case "", "csv":
	default:
		return fmt.Errorf("unknown export format %q (want csv or emails)", opts.Format)
	}
	var cols []exportColumn
	for _, name := range append(importColumns[:len(importColumns):len(importColumns)], opts.Columns...) {
		c, err := ds.column(name)
		if err != nil {
			return err
		}
		cols = append(cols, c)
	}
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	row := make([]string, len(cols))
	for k, c := range cols {
		row[k] = guard(c.name) // extra column names come from the file too
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for _, i := range sel {
		l := &ds.Leads[i]
		addr, ok := exportableAddress(l.Email)
		if !ok {
			continue // counted by EmailsLeftOut: never written as an address
		}
		for k, c := range cols {
			row[k] = guard(c.get(l))
		}
		row[0] = addr // importColumns[0]: the address as it leaves, trimmed and otherwise exact
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportableAddress returns the address of an email cell and whether an emails export may
// write it.
func exportableAddress(cell string) (string, bool) {
	e, ok := Address(cell)
	return e, ok && !Formulaish(e)
}

// EmailsLeftOut counts the selected leads an export leaves out because their email cell is
// not one valid address (blank and NULL cells included).
func (ds *Dataset) EmailsLeftOut(sel []int32) int {
	n := 0
	for _, i := range sel {
		if _, ok := exportableAddress(ds.Leads[i].Email); !ok {
			n++
		}
	}
	return n
}

// ExportFile writes Export's output to path atomically; it refuses an existing file unless
// force is set (the error then wraps fs.ErrExist).
func (ds *Dataset) ExportFile(path string, sel []int32, opts ExportOptions, force bool) error {
	return ds.ExportFileContext(context.Background(), path, sel, opts, force)
}

// ExportFileContext is ExportFile that stops when ctx is done. The file gets the mode a new
// file gets under the umask (0666 less the umask), or with force the mode of the file it
// replaces; the temporary file it writes first is removed on every error, cancellation
// included.
func (ds *Dataset) ExportFileContext(ctx context.Context, path string, sel []int32, opts ExportOptions, force bool) error {
	mode := fs.FileMode(0o666) &^ umask()
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("exporting to %s: is a directory", path)
		case !force:
			return fmt.Errorf("exporting to %s: %w", path, fs.ErrExist)
		default:
			mode = fi.Mode().Perm()
		}
	} else if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("exporting to %s: %w", path, fs.ErrExist)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("exporting to %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(ctxWriter{ctx, tmp}, 256<<10)
	err = ctx.Err()
	if err == nil {
		err = ds.Export(bw, sel, opts)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("exporting to %s: %w", path, err)
	}
	if force {
		err = os.Rename(tmp.Name(), path)
	} else if err = os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		// No hard links on this file system: fall back to a checked rename.
		if _, serr := os.Lstat(path); serr == nil {
			err = fs.ErrExist
		} else {
			err = os.Rename(tmp.Name(), path)
		}
	}
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("exporting to %s: %w", path, fs.ErrExist)
		}
		return fmt.Errorf("exporting to %s: %w", path, err)
	}
	return nil
}

// ctxWriter fails its writes once ctx is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
