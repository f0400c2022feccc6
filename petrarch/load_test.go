package petrarch

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const testVerbs = `&CURRENCY
+DOLLARS
+SWISS FRANCS
+GOLDEN_GOBLIN_GALLEONS_
+EURO

&MONEY_
+&CURRENCY
+CASH

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP {WIRE_+TAPPED}
- * TREATY  [161]
- + * IN $  [075]
- * &MONEY [071]

--- DEPART [032:033] ---
DEPART   # comment
LEAVE [012] ; old comment
~ a (a b ATTACK) SAY = a b 015
`

const testActors = `<!-- header -->
GOLLUM  # pas
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
THE_SHIRE  [FRO/BIL/SAM]
ARGENTIN  [ARG]
ENT
	[ENT]
CARAS GALADHON [ELF]
BOROMIR [---]
`

const testAgents = `!PERSON! = MAN, WOMAN
CONGRESS!PERSON! [~LEG]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {}  [NGO~]
PRESIDENT [~GOV]
`

const testDiscards = `MONTHS LATER
+TYPHOON   # story
BASEBALL_
`

const testIssues = `<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:teacher [TEACHERS]
pre+n:school [EARLY]
~a head start
</ISSUE>
`

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"t.verbs.txt":    {Data: []byte(testVerbs)},
		"t.actors.txt":   {Data: []byte(testActors)},
		"t.agents.txt":   {Data: []byte(testAgents)},
		"t.discards.txt": {Data: []byte(testDiscards)},
		"t.Issues.txt":   {Data: []byte(testIssues)},
	}
}

func loadTest(t *testing.T) *Dictionaries {
	t.Helper()
	var names []string
	for n := range testFS() {
		names = append(names, n)
	}
	f, err := Classify(names)
	if err != nil {
		t.Fatal(err)
	}
	d, err := LoadFS(testFS(), f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func words(s string) []string { return strings.Fields(s) }

func TestLoadVerbs(t *testing.T) {
	d := loadTest(t)
	v := d.Verbs
	if len(v.Blocks) != 2 || v.Patterns != 3 || len(v.Transforms) != 1 {
		t.Fatalf("blocks=%d patterns=%d transforms=%d", len(v.Blocks), v.Patterns, len(v.Transforms))
	}
	for _, f := range []string{"BREAK", "BROKE", "BROKEN", "TAP", "TAPPED", "DEPART", "DEPARTS", "DEPARTED", "DEPARTING", "LEAVE", "LEAVES"} {
		if v.Forms[f] == nil {
			t.Errorf("form %s missing", f)
		}
	}
	if v.Forms["BREAKS"] != nil {
		t.Errorf("BREAKS generated although irregular forms were given")
	}
	var down *Verb
	for _, vf := range v.Forms["BROKEN"] {
		if len(vf.Post) == 1 {
			down = vf.Verb
		}
	}
	if down == nil || down.Post[0] != "DOWN" {
		t.Errorf("BROKEN DOWN not indexed as a multi-word verb")
	}
	if tap := v.Forms["TAPPED"][0]; !reflect.DeepEqual(tap.Pre, []string{"WIRE"}) {
		t.Errorf("WIRE_+TAP pre = %v", tap.Pre)
	}
	leave := v.Forms["LEAVE"][0].Verb
	if leave.EffectiveCode() != (Code{Active: "012"}) || v.Forms["DEPART"][0].Verb.EffectiveCode() != (Code{Active: "032", Reverse: "033"}) {
		t.Errorf("codes: leave %v depart %v", leave.EffectiveCode(), v.Forms["DEPART"][0].Verb.EffectiveCode())
	}
	money := v.Synsets["MONEY"]
	var got []string
	for _, p := range money.Phrases {
		got = append(got, strings.Join(p.Words, " "))
	}
	// nested synset inlined with plurals; the _ label suppresses plurals of its own phrases
	want := "DOLLARS|SWISS FRANCS|GOLDEN GOBLIN GALLEONS|EURO|EUROS|CASH"
	if strings.Join(got, "|") != want {
		t.Errorf("MONEY = %s, want %s", strings.Join(got, "|"), want)
	}
}

func TestLoadActorsAgents(t *testing.T) {
	d := loadTest(t)
	match := func(s string) (*Actor, int) {
		e, n := d.Actors.Index.Match(words(s), 0)
		return e.Value, n
	}
	g, n := match("SMEAGOL SAID")
	if n != 1 || g.Name != "GOLLUM" {
		t.Fatalf("SMEAGOL → %v %d", g, n)
	}
	for date, want := range map[int]string{19950101: "HOB", 19950601: "HOBGOV", 19990815: "HOBGOV", 20010101: "HOBREB", 0: "HOBREB"} {
		if got := g.CodesAt(date); len(got) != 1 || got[0] != want {
			t.Errorf("GOLLUM at %d = %v, want %s", date, got, want)
		}
	}
	if s, _ := match("THE SHIRE"); !reflect.DeepEqual(s.CodesAt(20000101), []string{"FRO", "BIL", "SAM"}) {
		t.Errorf("THE SHIRE codes = %v", s.CodesAt(20000101))
	}
	if a, n := match("ARGENTINA"); n != 1 || a.CodesAt(0)[0] != "ARG" {
		t.Errorf("stem ARGENTIN did not match ARGENTINA")
	}
	if _, n := match("ENTIRE"); n != 0 {
		t.Errorf("short stem ENT matched ENTIRE")
	}
	if _, n := match("ENTS"); n != 1 {
		t.Errorf("short stem ENT did not match ENTS")
	}
	if _, n := match("CARAS OF GALADHON"); n != 3 {
		t.Errorf("space-separated actor phrase did not allow a gap: %d", n)
	}
	if b, _ := match("BOROMIR"); b.CodesAt(20000101) != nil {
		t.Errorf("null code [---] should resolve to nil")
	}
	agent := func(s string) string {
		e, n := d.Agents.Index.Match(words(s), 0)
		if n == 0 {
			return ""
		}
		return e.Value.Code
	}
	for in, want := range map[string]string{"CONGRESSWOMAN": "~LEG", "POLICE": "~COP", "POLICES": "", "GOLDEN GEESE": "~GGS", "PRESIDENTS": "~GOV", "MSF": "NGO~"} {
		if got := agent(in); got != want {
			t.Errorf("agent %s = %q, want %q", in, got, want)
		}
	}
	if c, app := d.Agents.List[3].Suffix(); c != "NGO" || app {
		t.Errorf("MSF suffix = %s %v", c, app)
	}
}

func TestLoadDiscardsIssues(t *testing.T) {
	d := loadTest(t)
	for in, want := range map[string]int{"MONTHS LATER": 2, "TYPHOONS": 1, "BASEBALL": 1, "BASEBALLS": 0} {
		if _, n := d.Discards.Index.Match(words(in), 0); n != want {
			t.Errorf("discard %s matched %d words, want %d", in, n, want)
		}
	}
	if e, _ := d.Discards.Index.Match(words("TYPHOON"), 0); !e.Value.Story {
		t.Errorf("+TYPHOON is a story discard")
	}
	for in, want := range map[string]string{"TEACHERS": "TEACHERS", "PRE SCHOOLS": "EARLY", "PRE-SCHOOL": "EARLY", "PRESCHOOL": "EARLY"} {
		e, n := d.Issues.Index.Match(words(in), 0)
		if n == 0 || e.Value.Code != want {
			t.Errorf("issue %s → %v", in, e.Value)
		}
	}
	if e, n := d.Issues.Index.Match(words("A HEAD START"), 0); n != 3 || !e.Value.Negative {
		t.Errorf("negative issue phrase not loaded")
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"pattern outside block", "x.verbs.txt", "- * FOO [010]\n", "x.verbs.txt:1: pattern outside a verb block"},
		{"unterminated block code", "x.verbs.txt", "\n--- FOO [010 ---\nFOO\n", "x.verbs.txt:2: unterminated code"},
		{"undefined nested synset", "x.verbs.txt", "&A\n+&B\n", "synset &A uses undefined &B"},
		{"synonym without actor", "x.actors.txt", "+FOO\n", "x.actors.txt:1: synonym"},
		{"code line without actor", "x.actors.txt", "\t[FOO]\n", "x.actors.txt:1: code line without an actor"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := testFS()
			f := Files{Verbs: "t.verbs.txt", Actors: []string{"t.actors.txt"}, Agents: "t.agents.txt"}
			fs[tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			if strings.HasSuffix(tc.file, "verbs.txt") {
				f.Verbs = tc.file
			} else {
				f.Actors = []string{tc.file}
			}
			_, err := LoadFS(fs, f)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
	// bad pattern lines and dates are skipped and reported, not fatal
	fs := testFS()
	fs["t.verbs.txt"] = &fstest.MapFile{Data: []byte("--- FOO [010] ---\nFOO\n- * (A B [011]\n- * &NOPE [012]\n")}
	fs["t.actors.txt"] = &fstest.MapFile{Data: []byte("FOO [FOO 9O08223-951231]\n")}
	d, err := LoadFS(fs, Files{Verbs: "t.verbs.txt", Actors: []string{"t.actors.txt"}, Agents: "t.agents.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range Check(d) {
		msgs = append(msgs, p.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"t.verbs.txt:3: pattern skipped", "t.verbs.txt:4: pattern skipped: undefined synset &NOPE", "t.actors.txt:1: code FOO: ill-formed date"} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
}

// TestLenientRestrictionDates reads the published dictionaries' typing
// slips in date restrictions as PETRARCH reads them, and reports each.
func TestLenientRestrictionDates(t *testing.T) {
	fs := testFS()
	fs["t.actors.txt"] = &fstest.MapFile{Data: []byte("IRAQ\n\t[IRQ <20030320]\n\t[IRQOCC 1920030320-20060520]\n\t[IRQ >20060520]\n" +
		"ARMENIA\n\t[ARMUNR >9008223]\n\t[ARM]\nBURNS\n\t[USAELI 740101-090120]\n\t[USAGOV 19820101] # entered Foreign Service\n")}
	d, err := LoadFS(fs, Files{Verbs: "t.verbs.txt", Actors: []string{"t.actors.txt"}, Agents: "t.agents.txt"})
	if err != nil {
		t.Fatal(err)
	}
	codes := func(name string, date int) string {
		t.Helper()
		for _, a := range d.Actors.List {
			if a.Phrases[0].Words[0] == name {
				return strings.Join(a.CodesAt(date), "/")
			}
		}
		t.Fatalf("no actor %s", name)
		return ""
	}
	for _, tc := range []struct {
		name string
		date int
		want string
	}{
		{"IRAQ", 20010101, "IRQ"},
		{"IRAQ", 20040502, "IRQOCC"}, // "1920030320": its first eight digits
		{"IRAQ", 20070101, "IRQ"},
		{"ARMENIA", 19900823, "ARMUNR"}, // "9008223": yymmdd and a stray digit
		{"ARMENIA", 19900101, "ARM"},
		{"BURNS", 20000101, "USAELI"},
		{"BURNS", 20120101, "USAGOV"}, // a date with no operator: undated
	} {
		if got := codes(tc.name, tc.date); got != tc.want {
			t.Errorf("%s on %d = %q, want %q", tc.name, tc.date, got, tc.want)
		}
	}
	var msgs []string
	for _, p := range d.Problems {
		msgs = append(msgs, p.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`t.actors.txt:3: code IRQOCC: date "1920030320" is not yymmdd or yyyymmdd: read as 19200303`,
		`t.actors.txt:6: code ARMUNR: date "9008223" is not yymmdd or yyyymmdd: read as 19900822`,
		`t.actors.txt:10: code USAGOV: restriction "19820101" has no <, > or range: the code is read as undated`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("problems lack %q:\n%s", want, all)
		}
	}
}

func TestCheckFindsDuplicatesAndOverlaps(t *testing.T) {
	fs := testFS()
	fs["t.actors.txt"] = &fstest.MapFile{Data: []byte("FOO [FOOGOV]\nBAR\n+FOO\n\t[BAR]\nBAZ\n\t[BAZGOV 19950101-19991231]\n\t[BAZELI 19980101-20051231]\nQUX [qx]\n")}
	fs["t.verbs.txt"] = &fstest.MapFile{Data: []byte("--- FOO [010] ---\nFOO\n- * BAR [011]\n- * BAR [012]\n- * BAR [011]\n")}
	d, err := LoadFS(fs, Files{Verbs: "t.verbs.txt", Actors: []string{"t.actors.txt"}, Agents: "t.agents.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range Check(d) {
		msgs = append(msgs, p.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"t.actors.txt:2", "FOO", "overlap", "t.verbs.txt:4", "t.verbs.txt:5", "QX"} {
		if !strings.Contains(all, want) {
			t.Errorf("Check output lacks %q:\n%s", want, all)
		}
	}
	st := Count(d)
	if st.Actors != 4 || st.Patterns != 3 || st.Verbs != 1 {
		t.Errorf("Count = %+v", st)
	}
}

func TestReadRecordsMalformed(t *testing.T) {
	in := `<Validation>
<Environment>
    <Verbfile>v.verbs.txt</Verbfile>
    <Actorfile>a.actors.txt</Actorfile>
</Environment>
<Sentence date="19950101" id="OK-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restores &amp; renews ties
with Gondor.
</Text>
<Parse>(ROOT (S ...))
</Parse>
</Sentence>
<Sentence date="1995" id="BAD-DATE" category="DEMO">
<Text>x</Text>
</Sentence>
<Sentence date="19950101" id="BAD-EV" category="DEMO">
<EventCoding sourcecode="ARN"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date = "19950102" id ="OK-2" category="DATE">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happens.</Text>
</Sentence>
</Validation>
`
	recs, env, probs, err := ReadRecords(strings.NewReader(in), "r.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "OK-1" || recs[1].ID != "OK-2" {
		t.Fatalf("records = %+v", recs)
	}
	if recs[0].Text != "Arnor restores & renews ties with Gondor." || recs[0].Events[0] != (Expected{"ARN", "GON", "064"}) {
		t.Errorf("record 0 = %+v", recs[0])
	}
	if !recs[1].NoEvents || recs[1].Date != "19950102" {
		t.Errorf("record 1 = %+v", recs[1])
	}
	if env.Verbs != "v.verbs.txt" || env.Actors != "a.actors.txt" {
		t.Errorf("env = %+v", env)
	}
	if len(probs) != 2 || probs[0].Line != 15 || !strings.Contains(probs[0].Message, "ill-formed date") || probs[1].Line != 18 {
		t.Errorf("problems = %v", probs)
	}
}

// shared finds ../shared beside the module root.
func shared(tb testing.TB) string {
	tb.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found")
		}
		dir = parent
	}
	sh := filepath.Join(dir, "..", "shared", "petrarch")
	if _, err := os.Stat(sh); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("../shared/petrarch is missing: %v", err)
		}
		tb.Skip("../shared/petrarch is missing")
	}
	return sh
}

func TestLoadRealDictionaries(t *testing.T) {
	sh := shared(t)
	d, err := LoadDir(filepath.Join(sh, "phoenix"))
	if err != nil {
		t.Fatal(err)
	}
	st := Count(d)
	if d.Verbs.Format != FormatCAMEO2 || st.Actors < 20000 || st.Patterns < 4000 || st.Agents < 2000 || d.Issues == nil {
		t.Fatalf("phoenix stats = %+v", st)
	}
	e, n := d.Actors.Index.Match([]string{"RUSSIA"}, 0)
	if n != 1 || !strings.HasPrefix(e.Value.CodesAt(20190101)[0], "RUS") {
		t.Errorf("RUSSIA → %v", e.Value)
	}
	// every pattern of both real verb files survives the String round trip
	v, err := LoadDir(filepath.Join(sh, "validate"))
	if err != nil {
		t.Fatal(err)
	}
	if v.Verbs.Format != FormatTABARI {
		t.Errorf("validate verbs format = %d", v.Verbs.Format)
	}
	for _, dd := range []*Dictionaries{d, v} {
		for _, b := range dd.Verbs.Blocks {
			for _, p := range b.Patterns {
				q, err := ParsePattern(p.String())
				if err != nil || !reflect.DeepEqual(p.Elems, q.Elems) || p.Code != q.Code {
					t.Fatalf("%s: round trip of %q failed: %v", p.Pos, p.String(), err)
				}
			}
		}
	}
}

// BenchmarkLoadPhoenix loads the full Phoenix dictionary set.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := filepath.Join(shared(b), "phoenix")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}
