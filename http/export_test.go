package http_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	egrethttp "github.com/egret-events/egret/http"
)

// TestExportDedupDay: one row per (date, source, target, CAMEO code), the
// first stored event standing for the others, with the reports and
// documents behind it, in every format.
func TestExportDedupDay(t *testing.T) {
	s := newServer(t, "")
	s.do(t, "POST", "/api/v1/documents", "application/x-ndjson",
		`{"id":"a","text":"Russia accused Syria. Russia accused Syria again. Turkey attacked Syria.","date":"2020-01-02"}
{"id":"b","text":"Russia accused Syria.","date":"2020-01-02"}
{"id":"c","text":"Russia accused Syria.","date":"2020-01-03"}`, nil)
	get := func(q string) (int, []byte) {
		res, err := http.Get(s.url + "/api/v1/export?" + q)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, b
	}
	// Newest first: the 3rd of January, then the 2nd's groups by their
	// first event, newest first.
	want := []string{"c 0 2020-01-03 RUS SYR 112 1 1", "a 2 2020-01-02 TUR SYR 190 1 1", "a 0 2020-01-02 RUS SYR 112 3 2"}

	_, b := get("format=jsonl&dedup=day")
	var got []string
	dec := json.NewDecoder(bytes.NewReader(b))
	for dec.More() {
		var r struct {
			egrethttp.ExportRow
			ID int64 `json:"id"`
		}
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.TrimSpace(fmt.Sprintln(r.DocID, r.Sentence, r.Date, r.Source, r.Target, r.CAMEO, r.Reports, r.Documents)))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("jsonl rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	_, b = get("format=csv&dedup=day&source=RUS")
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0][22] != "reports" || recs[0][23] != "documents" || recs[2][1] != "a" || recs[2][22] != "3" || recs[2][23] != "2" {
		t.Errorf("csv %q", recs)
	}
	// Without dedup every row stands for one report.
	_, b = get("format=csv")
	recs, _ = csv.NewReader(bytes.NewReader(b)).ReadAll()
	if len(recs) != 6 || recs[1][22] != "1" || recs[1][23] != "1" {
		t.Errorf("plain csv %q", recs)
	}

	_, b = get("format=parquet&dedup=day")
	rows, err := parquet.Read[egrethttp.ExportRow](bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, r := range rows {
		sum += r.Reports
	}
	if len(rows) != 3 || sum != 5 || rows[2].Reports != 3 || rows[2].Documents != 2 {
		t.Errorf("parquet rows %+v", rows)
	}

	if code, b := get("format=jsonl&dedup=week"); code != 400 || !strings.Contains(string(b), `dedup: \"week\" is not day`) {
		t.Errorf("dedup=week: %d %s", code, b)
	}
}
