package testshared

import (
	"os"
	"sort"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
)

// VOAPath is the VOA corpus inside ../shared.
const VOAPath = "corpus/voa_stories.jsonl"

// VOAStories reads every story of ../shared/corpus/voa_stories.jsonl with
// docio, as egret code reads the file (the publication time is the date),
// sorted by id. Each call returns fresh documents the caller may change.
// The test is skipped when ../shared is absent (failed under CI=true) and
// fails on a bad record.
func VOAStories(tb testing.TB) []*egret.Document {
	tb.Helper()
	path := Path(tb, VOAPath)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []*egret.Document
	rd := &docio.Reader{Name: path, Format: docio.FormatJSONL, Bad: func(b docio.BadRecord) { tb.Errorf("%v", b) }}
	if err := rd.Read(f, func(d *egret.Document) error { docs = append(docs, d); return nil }); err != nil {
		tb.Fatal(err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs
}

// VOAStory returns one story of the VOA corpus by its id, failing the test
// when the corpus has no such story.
func VOAStory(tb testing.TB, id string) *egret.Document {
	tb.Helper()
	for _, d := range VOAStories(tb) {
		if d.ID == id {
			return d
		}
	}
	tb.Fatalf("%s: no VOA story %s", VOAPath, id)
	return nil
}
