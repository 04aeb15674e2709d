package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/bouncelens/bouncelens/codes"
	"github.com/bouncelens/bouncelens/model"
)

// pickKind is what a picker item filters on.
type pickKind uint8

const (
	pickAction pickKind = iota
	pickClass
	pickReason
	pickCode     // the command line's --code: can only be cleared
	pickEnhanced // the command line's enhanced code: can only be cleared
	pickDomain   // the command line's --domain: can only be cleared
	pickPeriod   // --since/--until or the timeline's period: can only be cleared
	pickRepeat   // repeat offenders: addresses that bounced at least value times
)

var pickSections = [...]string{"Action", "Class", "Reason", "Code", "Enhanced", "Domain", "Period", "History"}

// repeatBounces is how many bounces make a repeat offender: the figure practitioners give
// before a blocked address is worth no further try.
const repeatBounces = 3

// pickItem is one line of the picker.
type pickItem struct {
	kind  pickKind
	value int // the action, class or reason
	name  string
	about string
	on    bool
	count int // leads in the file; -1 when not counted
}

// fileCountsMsg is how many leads of the whole file have each class, action and reason, for
// the picker, counted once after loading.
type fileCountsMsg struct {
	gen     int
	classes [codes.Success + 1]int
	actions [model.NumActions]int
	reasons map[codes.Reason]int
	bounces []int32 // per lead, its address's bounces (model.Dataset.BounceCounts)
	repeats int     // leads whose address bounced at least repeatBounces times
	most    int32   // the most bounces of one address
}

// countFile counts the file's leads per class, action and reason in a command.
func countFile(gen int, ds *model.Dataset) tea.Cmd {
	return func() tea.Msg {
		all := ds.All()
		m := fileCountsMsg{gen: gen, classes: ds.ClassCounts(all), actions: ds.ActionCounts(all), reasons: map[codes.Reason]int{}}
		for _, g := range ds.GroupsBy(all, model.ByReasons, model.ByCount) {
			m.reasons[g.Reason] = g.Count
		}
		m.bounces = ds.BounceCounts()
		for _, n := range m.bounces {
			if n >= repeatBounces {
				m.repeats++
			}
			m.most = max(m.most, n)
		}
		return m
	}
}

// pickerPane picks actions, classes and reasons to filter on, several at once: space toggles,
// enter applies, esc cancels. The command line's code and domain filters show too, to clear.
type pickerPane struct {
	sh     *shared
	items  []pickItem
	counts *fileCountsMsg // nil until counted
	win    window
	width  int
}

// Open fills the picker from the filter in force. Once the file is counted, each item says
// how many of its leads it holds, and reasons none of them has are left out unless checked.
func (p *pickerPane) Open(f model.Filter, text *textCache) {
	p.items = p.items[:0]
	n := func(k pickKind, v int) int {
		switch {
		case p.counts == nil:
			return -1
		case k == pickAction:
			return p.counts.actions[v]
		case k == pickClass:
			return p.counts.classes[v]
		}
		return p.counts.reasons[codes.Reason(v)]
	}
	for _, a := range codes.Actions() {
		p.items = append(p.items, pickItem{kind: pickAction, value: int(a), name: a.String(), about: a.Explain(),
			on: slices.Contains(f.Actions, a), count: n(pickAction, int(a))})
	}
	for _, c := range []codes.Class{codes.Hard, codes.Soft, codes.Unknown, codes.Success} {
		p.items = append(p.items, pickItem{kind: pickClass, value: int(c), name: c.String(),
			on: slices.Contains(f.Classes, c), count: n(pickClass, int(c))})
	}
	for _, r := range codes.Reasons() {
		it := pickItem{kind: pickReason, value: int(r), name: r.String(), about: codes.Describe(r),
			on: slices.Contains(f.Reasons, r), count: n(pickReason, int(r))}
		if it.count != 0 || it.on {
			p.items = append(p.items, it)
		}
	}
	if f.Basic != 0 {
		p.items = append(p.items, pickItem{kind: pickCode, name: itoa(int(f.Basic)), about: "from the command line: uncheck to clear", on: true, count: -1})
	}
	if !f.Enhanced.IsZero() {
		p.items = append(p.items, pickItem{kind: pickEnhanced, name: f.Enhanced.String(), about: "from the command line: uncheck to clear", on: true, count: -1})
	}
	if f.Domain != "" {
		p.items = append(p.items, pickItem{kind: pickDomain, name: text.Line(f.Domain), about: "from the command line: uncheck to clear", on: true, count: -1})
	}
	if p.counts != nil && p.counts.most > 1 || f.MinBounces > 1 {
		n := max(f.MinBounces, repeatBounces)
		it := pickItem{kind: pickRepeat, value: n, name: itoa(n) + "+ bounces", on: f.MinBounces > 1, count: -1,
			about: "repeat offenders: addresses that bounced " + itoa(n) + " times or more in the files loaded"}
		if p.counts != nil && n == repeatBounces {
			it.count = p.counts.repeats
		}
		p.items = append(p.items, it)
	}
	if !f.Since.IsZero() || !f.Until.IsZero() {
		name := strings.TrimSpace(sinceUntil(f.History))
		p.items = append(p.items, pickItem{kind: pickPeriod, name: name, about: "bounce date: uncheck to clear", on: true, count: -1})
	}
	p.win.setLen(len(p.items))
	p.win.top()
}

// SetSize gives the pane its width and height, its title line included.
func (p *pickerPane) SetSize(w, h int) {
	p.width = w
	p.win.setHeight(h - 1)
}

// pickedAction applies the picker's choices; clear* drop the command line's filters.
type pickedAction struct {
	actions                           []codes.Action
	classes                           []codes.Class
	reasons                           []codes.Reason
	clearCode, clearEnhanced, clearDo bool
	clearPeriod                       bool
	minBounces                        int // 0: any number of bounces
}

// pickCancelAction closes the picker and keeps the filters as they were.
type pickCancelAction struct{}

// Update moves and toggles; enter asks to apply, esc to cancel; c unchecks everything.
func (p pickerPane) Update(msg tea.Msg) (pickerPane, any) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	km := p.sh.keys
	switch {
	case p.win.navigate(k, km):
	case key.Matches(k, km.Toggle):
		if p.win.cursor < len(p.items) {
			it := &p.items[p.win.cursor]
			it.on = !it.on
		}
	case key.Matches(k, km.ClearAll):
		for i := range p.items {
			p.items[i].on = false
		}
	case key.Matches(k, km.Apply):
		return p, p.picked()
	case key.Matches(k, km.Cancel), key.Matches(k, km.Pick):
		return p, pickCancelAction{}
	}
	return p, nil
}

func (p *pickerPane) picked() pickedAction {
	var out pickedAction
	for _, it := range p.items {
		switch {
		case it.kind == pickAction && it.on:
			out.actions = append(out.actions, codes.Action(it.value))
		case it.kind == pickClass && it.on:
			out.classes = append(out.classes, codes.Class(it.value))
		case it.kind == pickReason && it.on:
			out.reasons = append(out.reasons, codes.Reason(it.value))
		case it.kind == pickCode && !it.on:
			out.clearCode = true
		case it.kind == pickEnhanced && !it.on:
			out.clearEnhanced = true
		case it.kind == pickDomain && !it.on:
			out.clearDo = true
		case it.kind == pickPeriod && !it.on:
			out.clearPeriod = true
		case it.kind == pickRepeat && it.on:
			out.minBounces = it.value
		}
	}
	return out
}

// View draws the title line and the visible items, exactly height lines.
func (p pickerPane) View() string {
	st := p.sh.styles
	var b strings.Builder
	b.WriteString(st.ColumnHead.Render(fit("  "+fit("Filter by", 10)+fit("(several at once)", 20)+" "+fitRight("In file", 9), p.width)))
	from, to := p.win.visible()
	for i := from; i < to; i++ {
		it := p.items[i]
		selected := i == p.win.cursor
		marker := "  "
		if selected {
			marker = "▶ "
		}
		section := ""
		if i == 0 || p.items[i-1].kind != it.kind {
			section = pickSections[it.kind]
		}
		box := "[ ] "
		if it.on {
			box = "[x] "
		}
		name := fit(it.name, 16)
		count := ""
		if it.count >= 0 {
			count = commas(it.count)
		}
		count = fitRight(count, 9)
		about := fit(it.about, max(p.width-2-10-4-16-1-9-1, 0))
		if selected {
			b.WriteString("\n" + st.Selected.Render(fit(marker+fit(section, 10)+box+name+" "+count+" "+about, p.width)))
			continue
		}
		if it.kind == pickAction {
			name = st.Action(codes.Action(it.value)).Render(name)
		} else if it.kind == pickClass {
			name = st.Class(codes.Class(it.value)).Render(name)
		}
		if it.on {
			box = st.Marked.Render(box)
		}
		b.WriteString("\n" + marker + st.Label.Render(fit(section, 10)) + box + name + " " + count + " " + st.Dim.Render(about))
	}
	for i := to - from; i < p.win.height; i++ {
		b.WriteString("\n")
	}
	return b.String()
}
