package codes

import (
	"strings"
	"testing"
)

// tierOrder is the order in which Classify tries the phrase tiers; a phrase of a later tier can
// be shadowed by a rule of an earlier one.
var tierOrder = []string{"suppression", "strong", "context", "keyword", "generic", "late"}

// wordTiers match their phrases as whole words.
var wordTiers = map[string]bool{"keyword": true, "mailbox-state": true, "block-subject": true}

// exampleText returns the text a row's example stands for: the example, else the phrase itself
// (aligned fragments joined by spaces) in the tier's template.
func exampleText(row ruleRow) string {
	if row.example != "" {
		return row.example
	}
	text := row.text
	if row.kind == "aligned" {
		text = "x " + strings.ReplaceAll(text, " … ", " x ")
	}
	switch row.tier {
	case "provider-code":
		scheme, code, _ := strings.Cut(row.id, ":")
		return map[string]string{
			"cox": "554 AUP#" + code, "godaddy": "554 refused IB" + code, "france": "550 OFR_" + code,
			"facebook": "550 " + code, "iua": "550 see mail.i.ua/err/" + code + "/",
		}[scheme]
	case "mailbox-state":
		return "550 5.1.1 " + text
	case "block-subject":
		return "554 banned: " + text
	}
	return text
}

// TestRuleData checks the rule files: every row's example classifies to its rule's reason (or
// provider), and the lint finds no duplicate phrase, no phrase made redundant by a shorter phrase
// of its own rule, and no phrase shadowed by an earlier rule of another reason.
func TestRuleData(t *testing.T) {
	for name, tier := range rules {
		for _, row := range tier.rows {
			if row.kind == "unless" {
				continue
			}
			text := exampleText(row)
			b := Classify(text)
			switch {
			case name == "provider":
				if b.Provider.String() != row.id {
					t.Errorf("%s:%d: example %q has provider %q, want %s", row.file, row.line, text, b.Provider, row.id)
				}
			case name == "contentless":
				if b.Reason != OnHold {
					t.Errorf("%s:%d: example %q classifies to %v, want onhold", row.file, row.line, text, b.Reason)
				}
			case row.reason != Undefined:
				if b.Reason != row.reason {
					t.Errorf("%s:%d: example %q classifies to %v, want %v", row.file, row.line, text, b.Reason, row.reason)
				}
			}
		}
	}
}

// TestRuleLint is the lint of TestRuleData's doc comment.
func TestRuleLint(t *testing.T) {
	for name, tier := range rules {
		seen := map[string]ruleRow{}
		for _, row := range tier.rows {
			key := row.id + "\x00" + row.kind + "\x00" + row.text
			if prev, ok := seen[key]; ok {
				t.Errorf("%s:%d: %q repeats %s:%d", row.file, row.line, row.text, prev.file, prev.line)
			}
			seen[key] = row
			if row.kind != "phrase" || name == "contentless" {
				continue // contentless phrases must be the whole text: none makes another redundant
			}
			for _, other := range tier.rows {
				if other.id != row.id || other.kind != "phrase" || other.text == row.text {
					continue
				}
				if contains(name, row.text, other.text) {
					t.Errorf("%s:%d: %q is redundant: %q (line %d) of the same rule matches whenever it does", row.file, row.line, row.text, other.text, other.line)
					break
				}
			}
		}
	}
	for ti, name := range tierOrder {
		for _, row := range rules[name].rows {
			if row.kind != "phrase" {
				continue
			}
			text := " " + row.text + " "
			low := string(lowerText(make([]byte, 0, 2048), text))
			m := matcher{s: low, tg: new(trigrams)}
			m.tg.fill(low)
			if by, line := shadowedBy(&m, tierOrder[:ti+1], name, row); by != "" {
				t.Errorf("%s:%d: %q (%v) is shadowed by %s (line %d)", row.file, row.line, row.text, row.reason, by, line)
			}
		}
	}
}

// contains reports whether phrase p contains phrase q in the way tier name matches phrases.
func contains(name, p, q string) bool {
	if !wordTiers[name] {
		return strings.Contains(p, q)
	}
	m := matcher{s: p, tg: new(trigrams)}
	m.tg.fill(p)
	return m.hasWord(q)
}

// shadowedBy returns the rule of an earlier tier (or earlier in row's own tier) with another
// reason that applies to row's phrase on its own, and the line of its first row; "" if none.
func shadowedBy(m *matcher, tiers []string, own string, row ruleRow) (string, int) {
	for _, name := range tiers {
		t := rules[name]
		for k, r := range t.rules {
			if name == own && k >= row.ruleIndex {
				break
			}
			if r.reason == row.reason {
				continue
			}
			applies := m.matches(&r)
			if wordTiers[name] {
				applies = m.anyWord(r.phrases) && !m.any(r.unless)
			}
			if applies {
				for _, other := range t.rows {
					if other.ruleIndex == k {
						return name + "/" + t.ids[k], other.line
					}
				}
			}
		}
	}
	return "", 0
}
