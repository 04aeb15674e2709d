package model

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestNoUIImports keeps codes/ and model/ free of the terminal UI libraries.
func TestNoUIImports(t *testing.T) {
	for _, pkg := range []string{"github.com/bouncelens/bouncelens/codes", "github.com/bouncelens/bouncelens/model"} {
		out, err := exec.Command("go", "list", "-deps", "-json=ImportPath", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		n := 0
		for dec.More() {
			var p struct{ ImportPath string }
			if err := dec.Decode(&p); err != nil {
				t.Fatal(err)
			}
			n++
			if strings.HasPrefix(p.ImportPath, "charm.land/") || strings.Contains(p.ImportPath, "charmbracelet") {
				t.Errorf("%s depends on %s", pkg, p.ImportPath)
			}
		}
		if n < 2 {
			t.Fatalf("go list %s listed %d packages", pkg, n)
		}
	}
}
