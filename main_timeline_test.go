package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// timelineCSV is a People export: Microsoft's four kinds of domain on Nov 3, Gmail on Nov 4 and
// Nov 5, a company on Google Workspace (the reply says gsmtp), one lead without a date, and a
// domain that reads as a spreadsheet formula.
const timelineCSV = `Email Address,Email Invalid Cause,Email Suspended At,Updated At
a@hotmail.com,550 5.7.1 blocked,,2026-11-03T09:00:00Z
b@outlook.com,550 5.7.1 blocked,2026-11-03T10:00:00Z,2025-01-01T00:00:00Z
c@live.com,550 5.7.1 blocked,,2026-11-03T11:00:00Z
d@contoso.onmicrosoft.com,550 5.1.1 user unknown,,2026-11-03T23:59:00Z
e@gmail.com,550 5.1.1 user unknown,,2026-11-04T08:00:00Z
f@acme.com,550-5.1.1 The email account that you tried to reach does not exist. gsmtp,,2026-11-05T08:00:00Z
g@undated.com,550 5.1.1 user unknown,,
h@=cmd.com,550 5.1.1 user unknown,,2026-11-05T09:00:00Z
`

func timelineFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(path, []byte(timelineCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTimelineTable(t *testing.T) {
	path := timelineFile(t)
	code, out, errOut := runCLI(t, "", "timeline", "--every", "day", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var microsoft string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Microsoft") {
			microsoft = line
		}
	}
	fields := strings.Fields(microsoft)
	if len(fields) != 4 || fields[0] != "2026-11-03" || fields[2] != "4" || fields[3] != strings.Repeat("█", 40) {
		t.Errorf("Microsoft line %q: want 2026-11-03, 4 leads and the longest bar\n%s", microsoft, out)
	}
	if !strings.Contains(out, "Google") || strings.Count(out, "\n2026-11-05") != 1 {
		t.Errorf("Nov 5 should be written once, on its first bucket:\n%s", out)
	}
	if !strings.Contains(errOut, "1 of 8 lead(s) have no bounce date") {
		t.Errorf("stderr does not count the undated lead: %q", errOut)
	}
}

func TestTimelineJSON(t *testing.T) {
	path := timelineFile(t)
	code, out, errOut := runCLI(t, "", "timeline", "--every", "day", "--by", "provider", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	total := 0
	var rows []timelineRow
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r timelineRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		rows = append(rows, r)
		total += r.Count
	}
	if total != 7 {
		t.Errorf("%d leads in buckets, want the 7 dated ones", total)
	}
	if rows[0] != (timelineRow{"2026-11-03", "Microsoft", 4}) {
		t.Errorf("first row %+v", rows[0])
	}
	google := 0
	for _, r := range rows {
		if r.Key == "Google" {
			google += r.Count
		}
	}
	if google != 2 {
		t.Errorf("Google: %d leads, want gmail.com and the Workspace company", google)
	}

	// Hours are written as RFC 3339 times.
	_, out, _ = runCLI(t, "", "timeline", "--every", "hour", "--format", "json", path)
	if !strings.Contains(out, `"period":"2026-11-03T09:00:00Z"`) {
		t.Errorf("hour periods:\n%s", out)
	}
}

func TestTimelineCSVGuardsFormulas(t *testing.T) {
	path := timelineFile(t)
	code, out, errOut := runCLI(t, "", "timeline", "--by", "domain", "--format", "csv", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "period,key,count\n") {
		t.Errorf("header: %q", out)
	}
	// h@=cmd.com is not one valid address: it has no domain, and nothing formula-like is written.
	if !strings.Contains(out, ",no domain,1") || strings.Contains(out, ",=") {
		t.Errorf("a formula-like domain reaches the CSV:\n%s", out)
	}
}

func TestTimelineSinceUntil(t *testing.T) {
	path := timelineFile(t)
	code, out, errOut := runCLI(t, "", "timeline", "--every", "day", "--by", "action", "--format", "json", "--since", "2026-11-04", "--until", "2026-11-04", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], `"period":"2026-11-04"`) || !strings.Contains(lines[0], `"count":1`) {
		t.Errorf("--since/--until Nov 4 (the whole day): %q", out)
	}
	// The same range filters the summary too.
	code, out, _ = runCLI(t, "", "summary", "--format", "json", "--since", "2026-11-05T00:00:00Z", path)
	if code != 0 || !strings.Contains(out, `"leads": 2,`) {
		t.Errorf("summary --since: exit %d\n%s", code, out)
	}
	for _, bad := range [][]string{
		{"--since", "2026-13-01"},
		{"--until", "yesterday"},
		{"--since", "2026-11-05", "--until", "2026-11-04"},
		{"--every", "month"},
		{"--by", "colour"},
	} {
		args := append([]string{"timeline"}, bad...)
		if code, _, errOut := runCLI(t, "", append(args, path)...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage): %s", bad, code, errOut)
		}
	}
}

func TestTimelineAutoPeriod(t *testing.T) {
	path := filepath.Join(t.TempDir(), "day.csv")
	data := "Email Address,Email Invalid Cause,Updated At\na@gmail.com,550 5.1.1 unknown,2026-11-03T09:10:00Z\nb@gmail.com,550 5.1.1 unknown,2026-11-03T15:00:00Z\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "", "timeline", "--format", "json", path)
	if !strings.Contains(out, `"period":"2026-11-03T09:00:00Z"`) || !strings.Contains(out, `"period":"2026-11-03T15:00:00Z"`) {
		t.Errorf("six hours of bounces are not counted per hour:\n%s", out)
	}
}

func TestTimelineActivityExtract(t *testing.T) {
	path := filepath.Join("model", "testdata", "marketo-activities.csv")
	code, out, errOut := runCLI(t, "", "timeline", "--every", "week", "--by", "reason", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "5 bounce(s)") || !strings.Contains(errOut, "skipped 3 row(s) of other activity types") || !strings.Contains(errOut, ":9:") {
		t.Errorf("stderr does not report the extract: %q", errOut)
	}
	if !strings.Contains(out, `{"period":"2026-11-02","key":"userunknown","count":1}`) || !strings.Contains(out, `{"period":"2026-11-09","key":"blocked","count":1}`) {
		t.Errorf("weeks:\n%s", out)
	}
}

func TestSummaryJoinsActivityLogWithPeopleExport(t *testing.T) {
	acts := filepath.Join("model", "testdata", "marketo-activity-log.csv")
	people := filepath.Join("model", "testdata", "people-join.csv")
	code, out, errOut := runCLI(t, "", "summary", "--format", "json", acts, people)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "Marketo activity log: 5 bounce(s)") || !strings.Contains(errOut, "people-join.csv: 3 lead row(s) joined to their activity bounces") {
		t.Errorf("stderr does not report the log and the join: %q", errOut)
	}
	if !strings.Contains(out, `"joined": 3`) || !strings.Contains(out, `"all_leads": 6`) {
		t.Errorf("summary:\n%s", out)
	}
}

func TestMinBounces(t *testing.T) {
	path := filepath.Join("model", "testdata", "marketo-activities.csv")
	code, out, errOut := runCLI(t, "", "export", "--format", "emails", "--min-bounces", "2", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := strings.Fields(out); len(got) != 2 || got[0] != "ann.lee@gmail.com" || got[1] != "ann.lee@gmail.com" {
		t.Errorf("--min-bounces 2: %q, want ann's two bounces", out)
	}
	if code, _, _ := runCLI(t, "", "timeline", "--min-bounces", "-1", path); code != 2 {
		t.Errorf("--min-bounces -1: exit %d, want 2", code)
	}
}

// TestTimelineListsBursts: on the embedded sample, the table ends with the bursts, the
// Microsoft block first; JSON and CSV stay one bucket per line.
func TestTimelineListsBursts(t *testing.T) {
	path := sampleFile(t)
	code, out, stderr := runCLI(t, "", "timeline", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, tail, ok := strings.Cut(out, "\nBursts: ")
	if !ok {
		t.Fatalf("no bursts under the table:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(tail), "\n")
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[1]), "Microsoft blocked: ") || !strings.Contains(lines[1], "2026-11-10 to 2026-11-11") {
		t.Errorf("bursts:\n%s", tail)
	}
	code, out, _ = runCLI(t, "", "timeline", "--format", "csv", path)
	if code != 0 || strings.Contains(out, "Burst") {
		t.Errorf("csv: exit %d, bursts in it", code)
	}
}
