package codes

import (
	"cmp"
	"embed"
	"fmt"
	"slices"
	"strings"
)

// The classifier's phrase knowledge is data: rules/*.tsv, embedded in the binary. Each row is one
// phrase of one rule in one named tier:
//
//	tier  rule  reason  kind  text  example  source
//
// The tier says when the rule is tried (see Classify and ruleTiers); rows of the same tier and
// rule form one rule, in the order their first row appears; kind is "phrase" (the text contains
// it; whole words in the word tiers), "aligned" (fragments separated by " … " that follow each
// other closely) or "unless" (the rule does not apply when the text contains it). The example is a
// text that must classify to the rule's reason (empty: the phrase itself, in the tier's
// template); the source says where the phrase comes from. Lines starting with '#' are comments.
// TestRuleData checks every example and lints the data.

//go:embed rules/*.tsv
var ruleFiles embed.FS

// ruleFileNames are the rule files in the order they are read: a row that names a rule of an
// earlier file joins it, so the language file adds phrases to the English rules.
var ruleFileNames = []string{"rules/phrases.tsv", "rules/languages.tsv", "rules/lists.tsv", "rules/providers.tsv"}

// ruleRow is one row of a rule file.
type ruleRow struct {
	file                  string
	line                  int
	tier, id, kind, text  string
	reason                Reason
	example, source       string
	provider              Provider
	reasonName, ruleIndex int
}

// ruleTier is the rules of one tier, in order, with the rows they came from.
type ruleTier struct {
	rules []rule
	ids   []string
	rows  []ruleRow
}

// ruleData is every tier, by name.
type ruleData map[string]*ruleTier

var rules = mustLoadRules()

func mustLoadRules() ruleData {
	d, err := loadRules()
	if err != nil {
		panic("codes: " + err.Error())
	}
	return d
}

// loadRules reads the embedded rule files.
func loadRules() (ruleData, error) {
	d := ruleData{}
	for _, name := range ruleFileNames {
		b, err := ruleFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := d.add(name, string(b)); err != nil {
			return nil, err
		}
	}
	for _, t := range d {
		for i := range t.rules {
			t.rules[i].sortPhrases()
		}
	}
	return d, nil
}

// sortPhrases puts the phrases written in ASCII first and counts them: a text in ASCII cannot
// contain the others, so Classify skips them there.
func (r *rule) sortPhrases() {
	slices.SortStableFunc(r.phrases, func(a, b string) int {
		return cmp.Compare(nonASCII(a), nonASCII(b))
	})
	r.ascii = 0
	for r.ascii < len(r.phrases) && nonASCII(r.phrases[r.ascii]) == 0 {
		r.ascii++
	}
	r.keys = make([]uint16, 0, 2*len(r.phrases))
	for _, p := range r.phrases {
		mid, last := keysOf(p)
		r.keys = append(r.keys, mid, last)
	}
}

// nonASCII is 1 if s has a byte outside ASCII, else 0.
func nonASCII(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return 1
		}
	}
	return 0
}

// add reads one rule file into d.
func (d ruleData) add(name, content string) error {
	for i, line := range strings.Split(content, "\n") {
		if i == 0 || line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return fmt.Errorf("%s:%d: %d fields, want 7 (tier rule reason kind text example source)", name, i+1, len(f))
		}
		row := ruleRow{file: name, line: i + 1, tier: f[0], id: f[1], kind: f[3], text: f[4], example: f[5], source: f[6]}
		if f[2] != "" {
			r, err := ParseReason(f[2])
			if err != nil {
				return fmt.Errorf("%s:%d: %v", name, i+1, err)
			}
			row.reason = r
		}
		if row.tier == "" || row.id == "" || row.text == "" || row.source == "" {
			return fmt.Errorf("%s:%d: tier, rule, text and source must not be empty", name, i+1)
		}
		t := d[row.tier]
		if t == nil {
			t = &ruleTier{}
			d[row.tier] = t
		}
		k := -1
		for j, id := range t.ids {
			if id == row.id {
				k = j
			}
		}
		if k < 0 {
			t.ids = append(t.ids, row.id)
			t.rules = append(t.rules, rule{reason: row.reason})
			k = len(t.rules) - 1
		}
		r := &t.rules[k]
		if r.reason != row.reason {
			return fmt.Errorf("%s:%d: rule %s/%s has reason %v, this row says %v", name, i+1, row.tier, row.id, r.reason, row.reason)
		}
		switch row.kind {
		case "phrase":
			r.phrases = append(r.phrases, row.text)
		case "aligned":
			parts := strings.Split(row.text, " … ")
			if len(parts) < 2 {
				return fmt.Errorf("%s:%d: an aligned text has fragments separated by \" … \"", name, i+1)
			}
			r.aligned = append(r.aligned, parts)
		case "unless":
			r.unless = append(r.unless, row.text)
		default:
			return fmt.Errorf("%s:%d: unknown kind %q (want phrase, aligned or unless)", name, i+1, row.kind)
		}
		row.ruleIndex = k
		t.rows = append(t.rows, row)
	}
	return nil
}

// tier returns the rules of the named tier (none if the data has no such tier).
func (d ruleData) tier(name string) []rule {
	if t := d[name]; t != nil {
		return t.rules
	}
	return nil
}

// list returns the phrases of a tier whose rules are plain lists (vacation, temporary...).
func (d ruleData) list(name string) []string {
	var ps []string
	for _, r := range d.tier(name) {
		ps = append(ps, r.phrases...)
	}
	return ps
}
