package model

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// summaryRow is one line of a summary: a group or a subgroup.
type summaryRow struct {
	Basic     uint16       `json:"basic"`
	Enhanced  string       `json:"enhanced"`
	Count     int          `json:"count"`
	Share     float64      `json:"share"`
	Class     string       `json:"class"`
	Name      string       `json:"name"`
	Subgroups []summaryRow `json:"subgroups,omitempty"`
}

func toRow(g *Group) summaryRow {
	r := summaryRow{Basic: g.Basic, Enhanced: g.Enhanced.String(), Count: g.Count,
		Share: float64(int(g.Share*1e4+0.5)) / 1e4, Class: g.Class.String(), Name: g.Name}
	for k := range g.Subgroups {
		r.Subgroups = append(r.Subgroups, toRow(&g.Subgroups[k]))
	}
	return r
}

// WriteSummary writes groups as "table" (fits 80 columns), "csv" or "json".
func (ds *Dataset) WriteSummary(w io.Writer, groups []Group, format string) error {
	switch format {
	case "json":
		rows := make([]summaryRow, 0, len(groups))
		for k := range groups {
			rows = append(rows, toRow(&groups[k]))
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"basic", "enhanced", "count", "share", "class", "name"})
		line := func(g *Group, enhanced string) {
			basic := ""
			if g.Basic != 0 {
				basic = strconv.Itoa(int(g.Basic))
			}
			cw.Write([]string{basic, enhanced, strconv.Itoa(g.Count),
				strconv.FormatFloat(g.Share, 'f', 4, 64), g.Class.String(), guard(g.Name)})
		}
		for k := range groups {
			g := &groups[k]
			line(g, "")
			for s := range g.Subgroups {
				sg := &g.Subgroups[s]
				if sg.Enhanced.IsZero() {
					if len(g.Subgroups) == 1 {
						continue
					}
					line(sg, "none")
					continue
				}
				line(sg, sg.Enhanced.String())
			}
		}
		cw.Flush()
		return cw.Error()
	case "table", "":
		return writeTable(w, groups)
	}
	return fmt.Errorf("unknown summary format %q (want table, csv or json)", format)
}

// writeTable writes the groups as an aligned table that fits 80 columns: a basic code's line,
// then one indented line per enhanced code under it.
func writeTable(w io.Writer, groups []Group) error {
	const nameWidth = 80 - 45
	total := 0
	for k := range groups {
		total += groups[k].Count
	}
	if _, err := fmt.Fprintf(w, "%-5s %-9s %9s %7s %-8s  %s\n", "CODE", "ENHANCED", "COUNT", "SHARE", "CLASS", "NAME"); err != nil {
		return err
	}
	row := func(code, enhanced string, g *Group) error {
		_, err := fmt.Fprintf(w, "%-5s %-9s %9d %6.1f%% %-8s  %s\n", code, enhanced, g.Count, g.Share*100, g.Class, truncate(g.Name, nameWidth))
		return err
	}
	for k := range groups {
		g := &groups[k]
		code := "-"
		if g.Basic != 0 {
			code = strconv.Itoa(int(g.Basic))
		}
		if err := row(code, "", g); err != nil {
			return err
		}
		if len(g.Subgroups) == 1 && g.Subgroups[0].Enhanced.IsZero() {
			continue
		}
		for s := range g.Subgroups {
			sg := &g.Subgroups[s]
			e := sg.Enhanced.String()
			if e == "" {
				e = "-"
			}
			if err := row("", e, sg); err != nil {
				return err
			}
		}
	}
	share := 0.0
	if total > 0 {
		share = 100
	}
	_, err := fmt.Fprintf(w, "%-15s %9d %6.1f%%\n", "total", total, share)
	return err
}

// truncate shortens s to at most n runes, ending with an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	out := make([]rune, 0, n)
	for _, r := range s {
		if len(out) == n-1 {
			break
		}
		out = append(out, r)
	}
	return string(out) + "…"
}
