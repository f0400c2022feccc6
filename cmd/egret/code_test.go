package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/testshared"
)

// run executes one egret command line in-process.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	m, out, errb := testMain(nil)
	m.Stdin = strings.NewReader(stdin)
	code = m.Run(context.Background(), args)
	return out.String(), errb.String(), code
}

func events(t *testing.T, out string) []egret.Event {
	t.Helper()
	var evs []egret.Event
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e egret.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("output line is not an event: %v: %s", err, sc.Text())
		}
		evs = append(evs, e)
	}
	return evs
}

func TestCodeExampleStatement(t *testing.T) {
	path := testshared.Path(t, "examples/zakharova-syria-comment.txt")
	out, errs, code := run(t, "", "code", "--date", "2020-11-24", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	evs := events(t, out)
	text, _ := os.ReadFile(path)
	var accuse, assault bool
	for _, e := range evs {
		if e.DocID != "zakharova-syria-comment" || e.Date != "2020-11-24" {
			t.Errorf("event %+v: wrong doc id or date", e)
		}
		// every span points back at its text in the document
		for _, sp := range []struct {
			s    egret.Span
			want string
		}{{e.SentenceSpan, e.Text}, {e.EventSpan, ""}} {
			if sp.s.End > len(text) || sp.s.Start > sp.s.End {
				t.Fatalf("span %+v outside the document", sp.s)
			}
			if sp.want != "" && string(text[sp.s.Start:sp.s.End]) != sp.want {
				t.Errorf("sentence span %+v gives %q, want %q", sp.s, text[sp.s.Start:sp.s.End], sp.want)
			}
		}
		if e.SourceText != "" && e.SourceRef == nil && string(text[e.SourceSpan.Start:e.SourceSpan.End]) != e.SourceText {
			t.Errorf("source span %+v gives %q, want %q", e.SourceSpan, text[e.SourceSpan.Start:e.SourceSpan.End], e.SourceText)
		}
		accuse = accuse || e.Source == "USAGOV" && e.PLOVER == "ACCUSE" && strings.HasPrefix(e.Target, "RUS")
		assault = assault || e.Source == "SYRMIL" && e.PLOVER == "ASSAULT"
		if strings.HasPrefix(e.Source, "RUS") && strings.HasPrefix(e.Target, "USA") && e.PLOVER == "ASSAULT" {
			t.Errorf("contradicting event: %+v", e)
		}
	}
	if !accuse || !assault {
		t.Errorf("want USAGOV accusing Russia and SYRMIL assault; got %d events:\n%s", len(evs), out)
	}
	if !strings.Contains(errs, "documents 1, sentences ") || !strings.Contains(errs, "sentences/s") {
		t.Errorf("no summary on stderr: %q", errs)
	}
}

func TestCodeSkipsBadRecordsAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "stories.jsonl")
	body := `{"id":"a","text":"Russian troops attacked Ukrainian positions near Kharkiv.","date":"2024-03-01"}
{"id":"broken", "text": 
{"id":"empty","text":""}
{"id":"bad-utf8","text":"Israel \udc00 condemned Iran."}
{"id":"c","text":"Israel condemned Iran on Tuesday.","date":"2024-03-02"}
`
	if err := os.WriteFile(in, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "code", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"stories.jsonl:2: malformed JSON", `stories.jsonl:3: empty field "text"`, "skipped 2"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	ids := map[string]bool{}
	for _, e := range events(t, out) {
		ids[e.DocID] = true
	}
	if !ids["a"] || !ids["c"] {
		t.Errorf("events of good records lost; got docs %v\n%s", ids, out)
	}
}

func TestCodeStdinTSV(t *testing.T) {
	out, errs, code := run(t, "Israeli forces shelled Hamas positions in Gaza.\n", "code", "--format", "tsv", "--date", "2023-11-24", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || lines[0] == "" {
		t.Fatalf("no events: %s", errs)
	}
	f := strings.Split(lines[0], "\t")
	if f[0] != "20231124" || !strings.HasPrefix(f[1], "ISR") || f[4] != "stdin" || !strings.HasPrefix(f[3], "19") {
		t.Errorf("tsv row = %q", lines[0])
	}
}

func TestCodeOutputOrderDoesNotDependOnWorkers(t *testing.T) {
	var b strings.Builder
	for i, s := range []string{"Russia accused Ukraine of shelling.", "China condemned Japan.", "Iran threatened Israel.",
		"Turkey met Greece in Ankara.", "Egypt hosted Qatar.", "India criticized Pakistan."} {
		for j := range 5 {
			json.NewEncoder(&b).Encode(map[string]string{"id": strings.Repeat("x", i+1) + string(rune('a'+j)), "text": s, "date": "2024-01-01"})
		}
	}
	one, _, _ := run(t, b.String(), "code", "--workers", "1", "--format-in", "jsonl", "-")
	four, _, _ := run(t, b.String(), "code", "--workers", "4", "--format-in", "jsonl", "-")
	if one == "" || one != four {
		t.Errorf("--workers 1 and 4 differ or are empty:\n%s\n---\n%s", one, four)
	}
}

func TestCodeErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"code", "/nonexistent/x.txt"}, "no such file"},
		{"bad output format", []string{"code", "--format", "xml", "-"}, "unknown output format"},
		{"bad input format", []string{"code", "--format-in", "csv", "-"}, "--format-in"},
		{"bad date", []string{"code", "--date", "someday", "-"}, "--date"},
		{"bad dicts", []string{"code", "--dicts", "/nonexistent", "-"}, "--dicts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := run(t, "x", tt.args...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want failure naming %q", code, errs, tt.want)
			}
		})
	}
}

func TestValidateCommand(t *testing.T) {
	recs := testshared.Path(t, "petrarch/validate/PETR.UnitTest.records.xml")
	out, errs, code := run(t, "", "validate", "--min", "85", recs)
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"DEMO", "COMPOUND", "expected", "284"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	_, errs, code = run(t, "", "validate", "--min", "100.1", recs)
	if code != 2 || !strings.Contains(errs, "below --min") {
		t.Errorf("--min above the rate: exit %d, %q", code, errs)
	}
}

func TestDictCommands(t *testing.T) {
	out, errs, code := run(t, "", "dict", "stats")
	if code != 0 || !strings.Contains(out, "actors") || !strings.Contains(out, "patterns") {
		t.Fatalf("dict stats: exit %d %s %s", code, out, errs)
	}
	dir := testshared.Path(t, "petrarch/validate")
	out, _, code = run(t, "", "dict", "check", dir)
	// the unit-test dictionaries carry deliberate oddities (lower-case and WEIS codes)
	if code != 1 || !strings.Contains(out, "PETR.Validate.actors.txt:") || !strings.Contains(out, "ill-formed code") {
		t.Errorf("dict check on the unit-test set: exit %d\n%s", code, out)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "x.verbs.txt"), []byte("--- ATTACK [190] ---\nATTACK\n- * FOO [19x\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "x.actors.txt"), []byte("GONDOR_ [GON]\nGONDOR_ [ARN]\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "x.agents.txt"), []byte("ARMY [~MIL]\n"), 0o644)
	out, _, code = run(t, "", "dict", "check", bad)
	if code != 1 || !strings.Contains(out, "x.actors.txt:2: conflicting actor phrase GONDOR_") || !strings.Contains(out, "x.verbs.txt:3") {
		t.Errorf("dict check on a broken set: exit %d\n%s", code, out)
	}
}

func TestExplainCommand(t *testing.T) {
	out, errs, code := run(t, "", "explain", "--date", "2020-11-24", "Syrian troops shelled rebel positions near Idlib on Monday.")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"SHELLED", "egret.verbs.txt:", "SYR"} {
		if !strings.Contains(strings.ToUpper(out), strings.ToUpper(want)) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	if _, _, code := run(t, "", "explain", "  "); code == 0 {
		t.Error("explain of an empty sentence succeeded")
	}
}

// TestExplainShowsCodeOutput: explain ends with the events exactly as
// code writes them, after geolocation gave "the attackers" Mali's code.
func TestExplainShowsCodeOutput(t *testing.T) {
	text := "Suspected jihadists attacked a village in central Mali on Sunday. The attackers stormed the village and torched homes."
	dir := t.TempDir()
	path := filepath.Join(dir, "mali.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	coded, errs, code := run(t, "", "code", "--date", "2025-03-01", path)
	if code != 0 {
		t.Fatalf("code: exit %d: %s", code, errs)
	}
	out, errs, code := run(t, text, "explain", "--date", "2025-03-01", "-")
	if code != 0 {
		t.Fatalf("explain: exit %d: %s", code, errs)
	}
	_, tail, ok := strings.Cut(out, "Output events (as egret code writes them")
	if !ok {
		t.Fatalf("explain output lacks the output events:\n%s", out)
	}
	evs := events(t, coded)
	if len(evs) == 0 {
		t.Fatal("code gave no events")
	}
	for _, e := range evs {
		line := fmt.Sprintf("  %s %s %s sentence %d", e.Source, e.Target, e.CAMEO, e.Sentence)
		if !strings.Contains(tail, line) {
			t.Errorf("explain's output events lack %q (as code wrote it):\n%s", line, tail)
		}
	}
	if !strings.Contains(coded, `"MLIUAF"`) {
		t.Errorf("code did not give the attackers Mali's code: %s", coded)
	}
}

func TestGeoCommand(t *testing.T) {
	out, errs, code := run(t, "", "geo", "Fighting continued near Idlib in northern Syria.")
	if code != 0 || !strings.Contains(out, "Idlib") {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
}

func TestCodeNoContextCodesFewerStatementEvents(t *testing.T) {
	path := testshared.Path(t, "examples/zakharova-syria-comment.txt")
	with, _, _ := run(t, "", "code", "--date", "2020-11-24", path)
	without, _, _ := run(t, "", "code", "--no-context", "--date", "2020-11-24", path)
	speaker := func(out string) bool {
		for _, e := range events(t, out) {
			if e.Source == "RUSGOV" && strings.HasPrefix(e.CAMEO, "03") && e.Target == "USA" {
				return true
			}
		}
		return false
	}
	if !speaker(with) || speaker(without) {
		t.Errorf("\"We reaffirm our readiness to cooperate ... with the United States\": with context %v, without %v; want only with",
			speaker(with), speaker(without))
	}
}

// TestCodeGeolocation: events are located with the embedded gazetteer
// (loaded by the first document with events), with a compiled gazetteer
// given by --gazetteer alike, and not at all with --no-geo; a damaged
// --gazetteer stops the run before it starts.
func TestCodeGeolocation(t *testing.T) {
	path := testshared.Path(t, "examples/zakharova-syria-comment.txt")
	located := func(args ...string) (string, int) {
		t.Helper()
		out, errs, code := run(t, "", append([]string{"code", "-q", "--date", "2020-11-24"}, append(args, path)...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		n := 0
		for _, e := range events(t, out) {
			if e.Location != nil {
				n++
			}
		}
		return out, n
	}
	out, n := located()
	if n == 0 || !strings.Contains(out, `"country":"SYR"`) {
		t.Errorf("no event located in Syria:\n%s", out)
	}
	if out2, _ := located("--gazetteer", filepath.Join("..", "..", "geo", "gazetteer.bin")); out2 != out {
		t.Errorf("--gazetteer geo/gazetteer.bin locates differently from the embedded gazetteer")
	}
	if _, n := located("--no-geo"); n != 0 {
		t.Errorf("--no-geo: %d events located", n)
	}
	bad := filepath.Join(t.TempDir(), "bad.bin")
	os.WriteFile(bad, []byte("#egret-gazetteer\t3\n\x0c"), 0o644)
	if _, errs, code := run(t, "", "code", "--gazetteer", bad, path); code == 0 || !strings.Contains(errs, "--gazetteer") || !strings.Contains(errs, bad) {
		t.Errorf("damaged --gazetteer: exit %d, stderr %q", code, errs)
	}
}

// TestCPUProfile checks --cpuprofile writes a profile pprof reads (a
// gzipped protocol buffer) and that an unwritable path is a clear error.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	_, errs, code := run(t, "Russia accused Ukraine of shelling the plant.\n", "code", "-q", "--date", "2025-06-01", "--cpuprofile", prof, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Fatalf("profile is not gzipped pprof data: % x", b[:min(len(b), 8)])
	}
	_, errs, code = run(t, "", "code", "-q", "--cpuprofile", filepath.Join(dir, "no", "such", "dir", "p"), "-")
	if code == 0 || !strings.Contains(errs, "--cpuprofile") {
		t.Fatalf("unwritable profile path: exit %d, stderr %q", code, errs)
	}
	// a failed command still ends its profile, so the next can start one
	_, errs, code = run(t, "", "code", "-q", "--cpuprofile", prof, "/no/such/input.txt")
	if code == 0 {
		t.Fatalf("missing input: exit 0")
	}
	_, errs, code = run(t, "Russia accused Ukraine.\n", "code", "-q", "--date", "2025-06-01", "--cpuprofile", prof, "-")
	if code != 0 {
		t.Fatalf("profile after a failed command: exit %d: %s", code, errs)
	}
}
