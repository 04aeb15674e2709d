package codes

import "testing"

func TestClassifyWith(t *testing.T) {
	tests := []struct {
		text, column string
		basic        uint16
		enhanced     string
		class        Class
	}{
		{"The email account that you tried to reach does not exist", "5.1.1", 0, "5.1.1", Hard},
		{"mailbox unavailable", "550", 550, "", Hard},
		{"550 5.1.1 user unknown", "5.0.0", 550, "5.1.1", Hard}, // the text's codes first
		{"550 user unknown", "5.1.1", 550, "5.1.1", Hard},       // the column fills the enhanced code
		{"5.2.2 mailbox full", "452", 452, "5.2.2", Hard},       // and the basic one
		{"", "4.4.7", 0, "4.4.7", Soft},
		{"try later", "", 0, "", Soft},
		{"user unknown", "Permanent", 0, "", Hard}, // a column without a code adds none
		{"user unknown", "256", 0, "", Hard},       // not a reply code
	}
	for _, tt := range tests {
		b := ClassifyWith(tt.text, tt.column)
		if b.Basic != tt.basic || b.Enhanced.String() != tt.enhanced || b.Class != tt.class {
			t.Errorf("ClassifyWith(%q, %q) = %d %s %v; want %d %s %v", tt.text, tt.column, b.Basic, b.Enhanced, b.Class, tt.basic, tt.enhanced, tt.class)
		}
		if tt.column == "" || Parse(tt.column) == (Code{}) {
			if want := Classify(tt.text); b != want {
				t.Errorf("ClassifyWith(%q, %q) = %+v; want Classify's %+v", tt.text, tt.column, b, want)
			}
		}
	}
}
