package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/postgres/pgtest"
)

// storyLines returns n JSON Lines stories, each coding to at least one
// event, numbered from first.
func storyLines(first, n int) string {
	var b strings.Builder
	for i := first; i < first+n; i++ {
		json.NewEncoder(&b).Encode(map[string]string{"id": fmt.Sprintf("s%03d", i), "date": "2024-03-01",
			"text": fmt.Sprintf("Russian troops attacked Ukrainian positions near Kharkiv for the %d time.", i)})
	}
	return b.String()
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCodeFlushesWhenALaterInputFails (issue 13.5): events coded before a
// bad input are all written, whole; the bad input is reported and the
// exit status says something failed.
func TestCodeFlushesWhenALaterInputFails(t *testing.T) {
	dir := t.TempDir()
	ok := writeFile(t, dir, "ok.jsonl", storyLines(0, 40))
	missing := filepath.Join(dir, "missing.txt")
	want, errs, code := run(t, "", "code", "--no-geo", ok)
	if code != 0 || len(events(t, want)) < 40 {
		t.Fatalf("ok.jsonl alone: exit %d, %d events: %s", code, len(events(t, want)), errs)
	}
	for _, args := range [][]string{{ok, missing}, {missing, ok}} {
		out, errs, code := run(t, "", append([]string{"code", "--no-geo"}, args...)...)
		if code == 0 {
			t.Errorf("%v: exit 0 though missing.txt cannot be read", args)
		}
		if !strings.Contains(errs, "missing.txt") || strings.Count(errs, "missing.txt") != 1 {
			t.Errorf("%v: stderr does not name missing.txt once:\n%s", args, errs)
		}
		if out != want {
			t.Errorf("%v: %d bytes of output, want the %d of ok.jsonl alone (last line %q)", args, len(out), len(want), out[strings.LastIndexByte(strings.TrimSuffix(out, "\n"), '\n')+1:])
		}
	}
}

// TestExitStatusWhenNothingIsCoded (issue 13.8): every record bad, or an
// XML file without records, is a failure, not exit 0.
func TestExitStatusWhenNothingIsCoded(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.jsonl", "{oops\n{\"id\":\"a\"}\n{\"id\":\"b\",\"text\":\"x\",\"date\":\"0000-01-01\"}\n")
	empty := writeFile(t, dir, "empty.xml", "<Sentences>\n</Sentences>\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"code", bad}, "skipped 3"},
		{[]string{"code", empty}, "empty.xml:1: no <Sentence> records"},
		{[]string{"ingest", "--db", filepath.Join(dir, "a.db"), bad}, "skipped 3"},
		{[]string{"ingest", "--db", filepath.Join(dir, "b.db"), empty}, "no <Sentence> records"},
	} {
		_, errs, code := run(t, "", tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "no document") {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant failure with %q and 'no document'", tc.args, code, errs, tc.want)
		}
	}
	// Some bad records among good ones are reported, and the run succeeds.
	mixed := writeFile(t, dir, "mixed.jsonl", storyLines(0, 2)+"{oops\n")
	if _, errs, code := run(t, "", "code", "--no-geo", mixed); code != 0 || !strings.Contains(errs, "skipped 1") {
		t.Errorf("mixed: exit %d %s", code, errs)
	}
}

// ingestNUL ingests good stories with a NUL-bearing one among them into
// db, in small batches: only the bad record is skipped (issue 13.4).
func ingestNUL(t *testing.T, db string) {
	dir := t.TempDir()
	in := writeFile(t, dir, "stories.jsonl", storyLines(0, 12)+`{"id":"nul","date":"2024-03-01","text":"Iran\u0000 threatened Israel."}`+"\n"+storyLines(12, 13))
	_, errs, code := run(t, "", "ingest", "--no-geo", "--batch", "4", "--db", db, in)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, `stories.jsonl:13: document "nul": field "text" contains a NUL byte`) || !strings.Contains(errs, "stored 25 documents") {
		t.Errorf("stderr:\n%s\nwant the NUL record named by file and line, and 25 documents stored", errs)
	}
	out, errs, code := run(t, "", "export", "--db", db, "--format", "jsonl")
	docs := map[string]bool{}
	for _, e := range events(t, out) {
		docs[e.DocID] = true
	}
	if code != 0 || len(docs) != 25 || docs["nul"] {
		t.Errorf("export: exit %d, %d documents with events: %s", code, len(docs), errs)
	}
}

func TestIngestSkipsOnlyTheBadRecordSQLite(t *testing.T) {
	ingestNUL(t, filepath.Join(t.TempDir(), "egret.db"))
}

func TestIngestSkipsOnlyTheBadRecordPostgres(t *testing.T) {
	ingestNUL(t, pgtest.Start(t).NewDatabase(t))
}

// failingStore is a real store whose writes fail after the first few
// batches, as on a disk that fills up.
type failingStore struct {
	egret.Store
	ok  int
	err error
}

func (s *failingStore) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	if s.ok == 0 {
		return s.err
	}
	s.ok--
	return s.Store.PutDocuments(ctx, docs)
}

// TestIngestReportsAFullDiskOnce (issue 13.8): a store that fails stops
// the run with one clear error, not a line per pending document.
func TestIngestReportsAFullDiskOnce(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "stories.jsonl", storyLines(0, 60))
	m, _, errb := testMain(nil)
	m.OpenStore = func(ctx context.Context, db string) (egret.Store, error) {
		st, err := openStore(ctx, db)
		if err != nil {
			return nil, err
		}
		return &failingStore{Store: st, ok: 2, err: fmt.Errorf("sqlite: commit: %w", &os.PathError{Op: "write", Path: db, Err: syscall.ENOSPC})}, nil
	}
	code := m.Run(context.Background(), []string{"ingest", "--no-geo", "--batch", "5", "--workers", "4", "--db", filepath.Join(dir, "egret.db"), in})
	errs := errb.String()
	if code == 0 || strings.Count(errs, "no space left on device") != 1 || strings.Contains(errs, "context canceled") {
		t.Errorf("exit %d, stderr:\n%s\nwant one line naming the full disk and no 'context canceled'", code, errs)
	}
	if !strings.Contains(errs, "10 stored before the error") {
		t.Errorf("stderr does not say what was stored:\n%s", errs)
	}
}

// corruptingStore corrupts one document's events before a real store sees
// them, as a coder bug would: the store skips that document only.
type corruptingStore struct{ egret.Store }

func (s corruptingStore) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	for i := range docs {
		if docs[i].Document.ID == "s003" && len(docs[i].Events) > 0 {
			docs[i].Events[0].Date = "10000-01-01"
		}
	}
	return s.Store.PutDocuments(ctx, docs)
}

// TestIngestSkipsWhatTheStoreRefuses: the store's last-defence check
// skips one record of a batch, and ingest reports it and goes on.
func TestIngestSkipsWhatTheStoreRefuses(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "stories.jsonl", storyLines(0, 8))
	m, _, errb := testMain(nil)
	m.OpenStore = func(ctx context.Context, db string) (egret.Store, error) {
		st, err := openStore(ctx, db)
		return corruptingStore{st}, err
	}
	code := m.Run(context.Background(), []string{"ingest", "--no-geo", "--batch", "3", "--db", filepath.Join(dir, "egret.db"), in})
	errs := errb.String()
	if code != 0 || !strings.Contains(errs, `document "s003": event 0: field "date"`) || !strings.Contains(errs, "stored 7 documents") || !strings.Contains(errs, "skipped 1") {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
}
