package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// scroll moves the list in view by d rows (mouse wheel).
func (a *App) scroll(d int) {
	switch a.screen() {
	case scrGroups:
		a.groupsP.win.scroll(d)
	case scrDomains:
		a.domainsP.win.scroll(d)
	case scrLeads:
		a.leadsP.win.scroll(d)
	case scrDetail:
		a.detailP.scroll(d)
	case scrSkipped:
		a.skippedP.win.scroll(d)
	case scrPicker:
		a.pickerP.win.scroll(d)
	case scrHelp:
		a.helpP.scroll(d)
	case scrTimeline:
		a.timelineP.win.scroll(d)
	}
}

// click selects the row under the pointer; clicking the selected row opens it (in the
// picker, toggles it).
func (a *App) click(y int) tea.Cmd {
	row := y - headerLines - 1 // the body starts with the column titles
	var w *window
	switch a.screen() {
	case scrGroups:
		w = &a.groupsP.win
	case scrDomains:
		w = &a.domainsP.win
	case scrLeads:
		w = &a.leadsP.win
	case scrSkipped:
		w = &a.skippedP.win
	case scrPicker:
		w = &a.pickerP.win
	case scrTimeline:
		w = &a.timelineP.win
	default:
		return nil
	}
	before := w.cursor
	if !w.clickRow(row) || w.cursor != before {
		return nil
	}
	if a.screen() == scrPicker {
		return a.key(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	}
	return a.key(tea.KeyPressMsg{Code: tea.KeyEnter})
}

// bottom renders what sits between the body and the status line: the filter or export prompt.
func (a *App) bottom() string {
	switch {
	case a.exporting:
		return a.exportP.View(a.width)
	case a.filterP.active:
		return a.filterP.View(a.width)
	}
	return ""
}

// layout gives each pane the size left for the body.
func (a *App) layout() {
	h := a.bodyHeight()
	w := a.width
	a.groupsP.SetSize(w, h)
	a.leadsP.SetSize(w, h)
	a.detailP.SetSize(w, h)
	a.domainsP.SetSize(w, h)
	a.helpP.SetSize(w, h)
	a.skippedP.SetSize(w, h)
	a.pickerP.SetSize(w, h)
	a.timelineP.SetSize(w, h)
}

func (a *App) bodyHeight() int {
	h := a.height - headerLines - 1
	if b := a.bottom(); b != "" {
		h -= strings.Count(b, "\n") + 1
	}
	return max(h, 2)
}

// header draws the three header lines: files and counts, the leads per action, then where the
// user is and the filters.
func (a *App) header() string {
	st := a.sh.styles
	w := a.width
	files := a.loadingP.names
	if a.ds != nil && len(a.ds.Files) > 0 {
		files = a.ds.Files
	}
	names := a.fileNames(files)
	line1 := st.Header.Render(strings.Join(names, ", "))
	if a.ds != nil {
		total := len(a.ds.Leads)
		n := len(a.sel)
		count := plural(total, "lead", "leads")
		if n != total {
			count = commas(n) + " of " + count
		}
		if a.distinct > 0 && a.distinct < total {
			count += " (" + commas(a.distinct) + " distinct)"
		}
		line1 += st.Dim.Render(" · ") + count + st.Dim.Render(" · ") +
			st.Class(codes.Hard).Render("hard "+commas(a.counts[codes.Hard])) + st.Dim.Render(" · ") +
			st.Class(codes.Soft).Render("soft "+commas(a.counts[codes.Soft])) + st.Dim.Render(" · ") +
			st.Class(codes.Unknown).Render("unknown "+commas(a.counts[codes.Unknown]))
		if s := a.counts[codes.Success]; s > 0 {
			line1 += st.Dim.Render(" · ") + st.Class(codes.Success).Render("success "+commas(s))
		}
		if nb, na := a.ds.Uncounted(); nb > 0 || na > 0 {
			if nb > 0 {
				line1 += st.Dim.Render(" · " + commas(nb) + " not bounced")
			}
			if na > 0 {
				line1 += st.Dim.Render(" · ") + st.Error.Render(commas(na)+" without an address")
			}
		}
		if k := len(a.ds.Skipped); k > 0 {
			line1 += st.Dim.Render(" · ") + st.Error.Render(commas(k)+" skipped (!)")
		}
		if a.partial {
			line1 += st.Dim.Render(" · ") + st.Error.Render("partial: cancelled")
		}
	}
	if title := st.Title.Render("bouncelens") + " "; lipgloss.Width(title)+lipgloss.Width(line1) <= w {
		line1 = title + line1
	}
	line2 := ""
	if a.ds != nil {
		line2 = st.Dim.Render("Decide: ")
		for k, act := range codes.Actions() {
			if k > 0 {
				line2 += st.Dim.Render(" · ")
			}
			line2 += st.Action(act).Render(act.String() + " " + commas(a.actCounts[act]))
		}
	}
	right := "filter: none"
	if fs := a.filterTexts(); len(fs) > 0 {
		right = "filter: " + strings.Join(fs, " · ")
	}
	if a.marks != nil && a.marks.n > 0 {
		right += " · " + commas(a.marks.n) + " marked"
	}
	if a.selecting {
		right += " · filtering…"
	}
	if a.sorting {
		right += " · sorting…"
	}
	// The filters are never cut: the crumb gives way first.
	crumb := a.crumb()
	room := w - lipgloss.Width(right) - 4
	if lipgloss.Width(crumb) > room {
		crumb = fit(crumb, room)
	}
	line3 := st.Crumb.Render(crumb) + "   " + st.Dim.Render(right)
	if room < 8 {
		line3 = st.Dim.Render(right) // the filters matter more than where the user is
	}
	return fit(line1, w) + "\n" + fit(line2, w) + "\n" + fit(line3, w)
}

// filterTexts are the active filters in words, command line's and browser's alike.
func (a *App) filterTexts() []string {
	var filters []string
	names := func(label string, n int, name func(int) string) {
		if n == 0 {
			return
		}
		ns := make([]string, n)
		for i := range ns {
			ns[i] = name(i)
		}
		filters = append(filters, label+" "+strings.Join(ns, ","))
	}
	names("class", len(a.classes), func(i int) string { return a.classes[i].String() })
	names("action", len(a.actions), func(i int) string { return a.actions[i].String() })
	names("reason", len(a.reasons), func(i int) string { return a.reasons[i].String() })
	f := a.opts.Filter
	if f.Basic != 0 {
		filters = append(filters, "code "+itoa(int(f.Basic)))
	}
	if !f.Enhanced.IsZero() {
		filters = append(filters, "enhanced "+f.Enhanced.String())
	}
	if f.Domain != "" {
		filters = append(filters, "domain "+a.sh.text.Line(f.Domain))
	}
	if s := sinceUntil(f.History); s != "" {
		filters = append(filters, s)
	}
	if f.MinBounces > 1 {
		filters = append(filters, "min-bounces "+itoa(f.MinBounces))
	}
	if a.match != "" {
		filters = append(filters, "\""+a.sh.text.Line(a.match)+"\"")
	}
	return filters
}

// crumb says where the user is.
func (a *App) crumb() string {
	switch a.screen() {
	case scrLoading:
		return "Loading"
	case scrGroups:
		s := "By code ▸ enhanced"
		if a.grouping == model.ByActions {
			s = "By action ▸ reason"
		}
		if a.groupSort == model.ByCode {
			return s + " (in order)"
		}
		return s + " (most first)"
	case scrDomains:
		return "Domains"
	case scrLeads:
		return "Leads " + a.leadsP.title // the column titles show the sort
	case scrDetail:
		return "Lead " + a.leadsP.title
	case scrHelp:
		return "Help"
	case scrSkipped:
		return "Skipped rows"
	case scrPicker:
		return "Filters"
	case scrTimeline:
		by := "action"
		if a.timelineP.byProvider {
			by = "provider"
		}
		s := "Timeline per " + a.timelineP.msg.every.String() + " by " + by + " (UTC"
		if d := a.timelineP.msg.dated; d != "" {
			s += ", " + d
		}
		s += ")"
		if n := a.timelineP.msg.undated; n > 0 && len(a.timelineP.msg.periods) > 0 {
			s += " · " + plural(n, "lead", "leads") + " without a date left out"
		}
		return s
	}
	return ""
}

// shortHelp is the status line's help for the current screen.
func (a *App) shortHelp() bindings {
	km := a.sh.keys
	switch a.screen() {
	case scrGroups:
		return bindings{km.Grouping, km.Enter, km.Export, km.Pick, km.Filter, km.Class, km.Expand, km.Copy, km.Domains, km.Timeline, km.Sort, km.Quit}
	case scrDomains:
		return bindings{km.Enter, km.Expand, km.Reasons, km.Filter, km.Class, km.Copy, km.Export, km.Tab, km.Timeline, km.Sort, km.Quit}
	case scrLeads:
		return bindings{km.Enter, km.Back, km.Mark, km.MarkAll, km.Export, km.Sort, km.SortDir, km.Pick, km.Filter, km.Copy, km.Unmark, km.Quit}
	case scrDetail:
		return bindings{km.Back, km.Search, km.NextLead, km.PrevLead, km.Copy, km.CopyReason, km.Export, km.Quit}
	case scrPicker:
		return bindings{km.Toggle, km.Apply, km.Cancel, km.ClearAll, km.Up, km.Down}
	case scrTimeline:
		return bindings{km.Narrow, km.Stack, km.Burst, km.Back, km.Timeline, km.Pick, km.Class, km.Quit}
	}
	return bindings{km.Back, km.Quit}
}

// render draws the whole screen: header, body, prompt, status line.
func (a *App) render() string {
	if a.screen() == scrLoading {
		return a.loadingP.View(a.width, a.height)
	}
	var body string
	switch a.screen() {
	case scrGroups:
		body = a.groupsP.View()
	case scrDomains:
		body = a.domainsP.View()
	case scrLeads:
		body = a.leadsP.View()
	case scrDetail:
		body = a.detailP.View()
	case scrHelp:
		body = a.helpP.View()
	case scrSkipped:
		body = a.skippedP.View()
	case scrPicker:
		body = a.pickerP.View()
	case scrTimeline:
		body = a.timelineP.View()
	}
	parts := []string{a.header(), body}
	if b := a.bottom(); b != "" {
		parts = append(parts, b)
	}
	right := "? help"
	if a.screen() == scrLeads && len(a.leadsP.idx) > 0 {
		right = fmt.Sprintf("%s/%s  ? help", commas(a.leadsP.win.cursor+1), commas(len(a.leadsP.idx)))
	}
	parts = append(parts, a.statusP.View(a.width, a.shortHelp(), right))
	return strings.Join(parts, "\n")
}

// View is the frame: the alt screen with mouse reporting, and the load's progress in the
// terminal's own progress bar where it has one.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "bouncelens"
	if a.ds != nil && len(a.ds.Files) > 0 {
		v.WindowTitle += " - " + strings.Join(a.fileNames(a.ds.Files), ", ")
	}
	if a.screen() == scrLoading && a.loadingP.p.BytesTotal > 0 {
		v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault,
			int(100*a.loadingP.p.BytesRead/a.loadingP.p.BytesTotal))
	}
	return v
}

// fileNames are the names of files as the header shows them: safe, stdin spelled out.
func (a *App) fileNames(files []string) []string {
	names := make([]string, len(files))
	for i, f := range files {
		if f == "-" {
			names[i] = "(stdin)"
		} else {
			names[i] = a.sh.text.Line(f)
		}
	}
	return names
}

// sinceUntil spells the period filter, "since 2026-01-12 until 2026-01-19", or "" for none.
func sinceUntil(h model.History) string {
	var parts []string
	if !h.Since.IsZero() {
		parts = append(parts, "since "+dateText(h.Since))
	}
	if !h.Until.IsZero() {
		parts = append(parts, "until "+dateText(h.Until))
	}
	return strings.Join(parts, " ")
}

// dateText spells a bound of the period filter: the day, and the time when it is not midnight
// (UTC).
func dateText(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}
