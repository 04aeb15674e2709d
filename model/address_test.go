package model

import "testing"

func TestAddress(t *testing.T) {
	tests := []struct {
		cell, want string
		ok         bool
	}{
		{"ann@example.com", "ann@example.com", true},
		{"  Ann.Lee+news@Example.COM \t", "Ann.Lee+news@Example.COM", true},
		{"\u00a0bob@example.com\u00a0", "bob@example.com", true},
		{"o'neil@example.ie", "o'neil@example.ie", true},
		{"jörg@bücher.de", "jörg@bücher.de", true},
		{"用户@例子.中国", "用户@例子.中国", true},
		{"-bob@example.com", "-bob@example.com", true}, // valid; exports hold it back as formula-like
		{"", "", false},
		{"NULL", "NULL", false},
		{"n/a", "n/a", false},
		{"ann@example.com\nevil@attacker.example", "ann@example.com\nevil@attacker.example", false},
		{"ann@example.com,bob@example.com", "ann@example.com,bob@example.com", false},
		{"ann @example.com", "ann @example.com", false},
		{"ann@localhost", "ann@localhost", false},
		{"@example.com", "@example.com", false},
		{"ann@", "ann@", false},
		{"ann..lee@example.com", "ann..lee@example.com", false},
		{".ann@example.com", ".ann@example.com", false},
		{"ann@-example.com", "ann@-example.com", false},
		{"ann@example..com", "ann@example..com", false},
		{`"ann lee"@example.com`, `"ann lee"@example.com`, false},
		{"=HYPERLINK(\"http://x.example\")@example.com", "=HYPERLINK(\"http://x.example\")@example.com", false},
		{"ann\x1b[31m@example.com", "ann\x1b[31m@example.com", false},
		{"ann\u202e@example.com", "ann\u202e@example.com", false},
		{"ann@exa\xffmple.com", "ann@exa\xffmple.com", false},
	}
	for _, tt := range tests {
		got, ok := Address(tt.cell)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Address(%q) = %q, %v; want %q, %v", tt.cell, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormulaish(t *testing.T) {
	for cell, want := range map[string]bool{
		"=1+2": true, "+1": true, "-1": true, "@SUM(A1)": true, "\tx": true, "\rx": true,
		"  =1+2": true, "\u00a0=cmd|' /C calc'!A0": true, " \u00a0 @x": true,
		"\ufeff=1+1": true, "\u200b@SUM(1)": true, "\u2060-1": true,
		"ann": false, "": false, "   ": false, "a=b": false, "1-2": false,
	} {
		if got := Formulaish(cell); got != want {
			t.Errorf("Formulaish(%q) = %v, want %v", cell, got, want)
		}
	}
}
