package docio

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

func readAll(t *testing.T, format, input string) ([]*egret.Document, []BadRecord) {
	t.Helper()
	var docs []*egret.Document
	var bad []BadRecord
	rd := &Reader{Name: "in." + format, Format: format, Date: time.Date(2020, 11, 24, 0, 0, 0, 0, time.UTC),
		Bad: func(b BadRecord) { bad = append(bad, b) }}
	if err := rd.Read(strings.NewReader(input), func(d *egret.Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs, bad
}

func TestReadJSONL(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		ids     []string
		badLine []int
	}{
		{"two docs", `{"id":"a","text":"Russia attacked."}` + "\n" + `{"id":"b","text":"Syria fought."}`, []string{"a", "b"}, nil},
		{"numeric id and blank lines", "\n{\"id\":17,\"text\":\"x y\"}\n\n", []string{"17"}, nil},
		{"malformed line in the middle", "{\"id\":\"a\",\"text\":\"x\"}\n{oops\n{\"id\":\"c\",\"text\":\"z\"}\n", []string{"a", "c"}, []int{2}},
		{"missing text", "{\"id\":\"a\"}\n{\"id\":\"b\",\"text\":\"ok\"}", []string{"b"}, []int{1}},
		{"empty text", `{"id":"a","text":"  "}`, nil, []int{1}},
		{"bad date", `{"id":"a","text":"x","date":"yesterday"}`, nil, []int{1}},
		{"crlf", "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r\n", []string{"a", "b"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, bad := readAll(t, FormatJSONL, tt.input)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("ids = %v, want %v", ids, tt.ids)
			}
			if len(bad) != len(tt.badLine) {
				t.Fatalf("bad = %v, want lines %v", bad, tt.badLine)
			}
			for i, b := range bad {
				if b.Line != tt.badLine[i] || b.File != "in.jsonl" {
					t.Errorf("bad[%d] = %v, want in.jsonl:%d", i, b, tt.badLine[i])
				}
			}
		})
	}
}

func TestReadJSONLDates(t *testing.T) {
	docs, bad := readAll(t, FormatJSONL, `{"id":"a","text":"x","date":"2021-03-04"}
{"id":"b","text":"x","date":"2021-03-04T23:30:00-02:00"}
{"id":"c","text":"x","published":"2025-01-02 10:00:00Z"}
{"id":"d","text":"x"}`)
	if len(bad) != 0 {
		t.Fatal(bad)
	}
	want := []string{"2021-03-04", "2021-03-05", "2025-01-02", "2020-11-24"}
	for i, d := range docs {
		if got := FormatDate(d.Date); got != want[i] {
			t.Errorf("%s: date %s, want %s", d.ID, got, want[i])
		}
	}
}

func TestReadText(t *testing.T) {
	docs, _ := readAll(t, FormatText, "Comment by the ministry\n\nRussia rejected the claims.\n")
	if len(docs) != 1 || docs[0].Title != "Comment by the ministry" || !strings.HasPrefix(docs[0].Text, "Comment") || docs[0].ID != "in" {
		t.Fatalf("got %+v", docs[0])
	}
	docs, _ = readAll(t, FormatText, "Russia rejected the claims.\nSyria agreed.")
	if docs[0].Title != "" {
		t.Errorf("title %q from a line not followed by a blank line", docs[0].Title)
	}
	docs, bad := readAll(t, FormatText, " \n\t")
	if len(docs) != 0 || len(bad) != 1 {
		t.Errorf("empty text: docs %v bad %v", docs, bad)
	}
	docs, _ = readAll(t, FormatText, "Russia \xff\xfe attacked.")
	if !strings.Contains(docs[0].Text, "\uFFFD") || !json.Valid(mustJSON(t, docs[0].Text)) {
		t.Errorf("invalid UTF-8 not replaced: %q", docs[0].Text)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadLongLine(t *testing.T) {
	text := strings.Repeat("Russia attacked Ukraine. ", 10<<20/25)
	line := string(mustJSON(t, map[string]string{"id": "big", "text": text}))
	docs, bad := readAll(t, FormatJSONL, line+"\n{\"id\":\"after\",\"text\":\"x\"}\n")
	if len(bad) != 0 || len(docs) != 2 || len(docs[0].Text) != len(text) || docs[1].ID != "after" {
		t.Fatalf("docs %d bad %v", len(docs), bad)
	}
}

func TestReadXML(t *testing.T) {
	in := `<Sentences>
<!-- <Sentence id="commented" date="19950101"><Text>no</Text></Sentence> -->
<Sentence date="19950101" id="DEMO-00" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950101" id="BROKEN"><Text>unclosed <b></Text></Sentence>
<Sentence date="nodate" id="BADDATE"><Text>x</Text></Sentence>
<Sentence date="20080804" id="AFP-1"><Text>Gondor &amp; Arnor met.</Text></Sentence>
</Sentences>`
	docs, bad := readAll(t, FormatXML, in)
	if len(docs) != 2 || docs[0].ID != "DEMO-00" || docs[1].ID != "AFP-1" {
		t.Fatalf("docs = %+v", docs)
	}
	if docs[0].Text != "Arnor is about to restore full diplomatic ties with Gondor." || FormatDate(docs[0].Date) != "1995-01-01" {
		t.Errorf("doc 0 = %q %v", docs[0].Text, docs[0].Date)
	}
	if docs[1].Text != "Gondor & Arnor met." {
		t.Errorf("entity not decoded: %q", docs[1].Text)
	}
	if len(bad) != 2 || bad[0].Line != 11 || bad[1].Line != 12 {
		t.Errorf("bad = %v, want lines 11 and 12", bad)
	}
}

func TestWriters(t *testing.T) {
	ev := &egret.Event{DocID: "d1", Sentence: 2, Date: "2020-11-24", Source: "USAGOV", Target: "RUS", CAMEO: "112",
		PLOVER: "ACCUSE", QuadClass: 3, Goldstein: -2, SourceText: "US\tenvoy", EventText: "accused", Issues: []string{"TERRORISM"},
		Location: &egret.Location{Name: "Idlib", Lat: 35.93, Lon: 36.63, Country: "SYR"}}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, "tsv")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(ev)
	w.Flush()
	want := "20201124\tUSAGOV\tRUS\t112\td1\t2\tACCUSE\t3\t-2\tTERRORISM\t35.9300\t36.6300\tIdlib\tSYR\tUS envoy\t\taccused\n"
	if buf.String() != want {
		t.Errorf("tsv = %q\nwant  %q", buf.String(), want)
	}
	if n := strings.Count(want, "\t") + 1; n != len(TSVColumns) {
		t.Errorf("%d tsv fields, %d column names", n, len(TSVColumns))
	}
	buf.Reset()
	w, _ = NewWriter(&buf, "jsonl")
	w.Write(ev)
	w.Flush()
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"doc_id", "sentence", "date", "source", "target", "cameo", "plover", "quad_class", "goldstein", "source_text", "target_text", "event_text", "text", "sentence_span", "event_span"} {
		if _, ok := m[k]; !ok {
			t.Errorf("jsonl lacks field %q: %s", k, buf.String())
		}
	}
	if _, err := NewWriter(&buf, "xml"); egret.ErrorCode(err) != egret.EINVALID {
		t.Errorf("unknown format error = %v", err)
	}
}

// TestReadRejectsUnstorableRecords (issue 13.4, 13.7): records no store
// can keep are reported with their line and skipped; the rest are read.
func TestReadRejectsUnstorableRecords(t *testing.T) {
	in := `{"id":"a","text":"Iran threatened Israel."}
{"id":"nul","text":"Iran\u0000 threatened Israel."}
{"id":"year-10000","text":"x","date":"9999-12-31T23:59:59-12:00"}
{"id":"year-0","text":"x","date":"0000-01-01"}
{"id":"` + strings.Repeat("i", 600) + `","text":"x"}
{"id":"nul-title","title":"\u0000","text":"x"}
{"id":"b","text":"Israel condemned Iran.","date":"2200-12-31"}
`
	docs, bad := readAll(t, FormatJSONL, in)
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" {
		t.Errorf("docs %v, want a and b", docs)
	}
	want := []string{`in.jsonl:2: document "nul": field "text" contains a NUL byte`, "in.jsonl:3:", "in.jsonl:4:", "in.jsonl:5: document id", `in.jsonl:6: document "nul-title": field "title"`}
	if len(bad) != len(want) {
		t.Fatalf("bad %v, want %d", bad, len(want))
	}
	for i, w := range want {
		if !strings.Contains(bad[i].Error(), w) {
			t.Errorf("bad[%d] = %s, want %q", i, bad[i], w)
		}
	}
	for _, b := range bad[1:3] {
		if !strings.Contains(b.Err, "outside the years 1800-2200") {
			t.Errorf("%s does not give the date range", b)
		}
	}
	docs, bad = readAll(t, FormatText, "Iran threatened\x00 Israel.")
	if len(docs) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Err, "NUL byte") {
		t.Errorf("text with a NUL byte: docs %v bad %v", docs, bad)
	}
	docs, bad = readAll(t, FormatXML, `<Sentence date="99991231" id="far"><Text>x</Text></Sentence>`)
	if len(docs) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Err, "outside the years") {
		t.Errorf("xml year 9999: docs %v bad %v", docs, bad)
	}
}

// TestReadXMLUnclosedSentence (issue 13.6): a record whose </Sentence> is
// missing is reported with its line, and the next record is still read.
func TestReadXMLUnclosedSentence(t *testing.T) {
	in := `<Sentences>
<Sentence date="19950101" id="A"><Text>Arnor met Gondor.</Text></Sentence>
<Sentence date="19950101" id="BROKEN"><Text>never closed</Text>
<Sentence date="19950101" id="C">
<Text>Gondor thanked Arnor.</Text>
</Sentence>
<Sentence date="19950101" id="LAST"><Text>also never closed</Text>
</Sentences>`
	docs, bad := readAll(t, FormatXML, in)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, ",") != "A,C" {
		t.Errorf("ids %v, want A,C", ids)
	}
	if len(bad) != 2 || bad[0].Line != 3 || bad[1].Line != 7 || !strings.Contains(bad[0].Err, `<Sentence id="BROKEN"> is not closed`) || !strings.Contains(bad[1].Err, "LAST") {
		t.Errorf("bad %v, want BROKEN at line 3 and LAST at line 7 reported unclosed", bad)
	}
}

// TestReadXMLWithoutRecords (issue 13.8): an XML input with no <Sentence>
// record is reported, not silently empty.
func TestReadXMLWithoutRecords(t *testing.T) {
	for _, in := range []string{"", "<Sentences>\n</Sentences>\n", "<doc><p>Not PETRARCH at all.</p></doc>"} {
		docs, bad := readAll(t, FormatXML, in)
		if len(docs) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Err, "no <Sentence> records") {
			t.Errorf("%q: docs %v bad %v", in, docs, bad)
		}
	}
}
