package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

// runQueue checks what queue workers rely on: content hashes and
// revisions (a redelivered document replaces, an older version never
// overwrites a newer one) and the dead-letter record.
func runQueue(t *testing.T, open func(t *testing.T) egret.Store) {
	ctx := context.Background()
	versions := func(t *testing.T, s egret.Store) egret.DocumentVersions {
		v, ok := s.(egret.DocumentVersions)
		if !ok {
			t.Fatalf("%T does not implement egret.DocumentVersions", s)
		}
		return v
	}
	events := func(t *testing.T, s egret.Store, id string) []string {
		t.Helper()
		p, err := s.Events(ctx, egret.EventFilter{DocID: id, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range p.Events {
			out = append(out, e.CAMEO)
		}
		return out
	}
	stats := func(t *testing.T, s egret.Store) egret.StoreStats {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	v1 := Doc("q1", day("2024-05-01"), "Iran accused Israel.", Ev("IRN", "ISR", "112", "ACCUSE", 3, -2, "", "Iran accused Israel."))
	v2 := Doc("q1", day("2024-05-01"), "Iran threatened Israel. Israel met Iran.",
		Ev("IRN", "ISR", "138", "THREATEN", 3, -7, "", "Iran threatened Israel."),
		Ev("ISR", "IRN", "036", "CONSULT", 1, 4, "", "Israel met Iran."))

	t.Run("versions", func(t *testing.T) {
		s := open(t)
		a, b := v1, v2
		a.Revision = 10
		if err := s.PutDocuments(ctx, []egret.CodedDocument{a}); err != nil {
			t.Fatal(err)
		}
		got, err := versions(t, s).DocumentVersions(ctx, []string{"q1", "absent"})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]egret.DocumentVersion{"q1": {Hash: egret.ContentHash(&a.Document), Revision: 10}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("versions %v, want %v", got, want)
		}
		if egret.ContentHash(&a.Document) == egret.ContentHash(&b.Document) || len(want["q1"].Hash) != 64 {
			t.Fatalf("content hashes %q and %q", egret.ContentHash(&a.Document), egret.ContentHash(&b.Document))
		}
		// The same message delivered again replaces: nothing doubles.
		before := stats(t, s)
		if err := s.PutDocuments(ctx, []egret.CodedDocument{a}); err != nil {
			t.Fatal(err)
		}
		if after := stats(t, s); after != before {
			t.Errorf("stored again: stats %+v, before %+v", after, before)
		}
		// A newer version replaces; an older one coded late is skipped.
		b.Revision = 20
		if err := s.PutDocuments(ctx, []egret.CodedDocument{b}); err != nil {
			t.Fatal(err)
		}
		a.Revision = 15
		if err := s.PutDocuments(ctx, []egret.CodedDocument{a}); err != nil {
			t.Fatal(err)
		}
		if got := events(t, s, "q1"); !reflect.DeepEqual(got, []string{"036", "138"}) && !reflect.DeepEqual(got, []string{"138", "036"}) {
			t.Errorf("after an older version: events %v, want the newer version's", got)
		}
		if st := stats(t, s); st.Documents != 1 || st.Events != 2 {
			t.Errorf("after an older version: %+v, want 1 document, 2 events", st)
		}
		acts, err := s.Actors(ctx, egret.ActorQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range acts {
			if a.Total != 2 {
				t.Errorf("actor %+v: counts not those of the newer version alone", a)
			}
		}
		// In one batch the higher revision wins whatever the order.
		a.Revision, b.Revision = 40, 30
		if err := s.PutDocuments(ctx, []egret.CodedDocument{a, b}); err != nil {
			t.Fatal(err)
		}
		if got := events(t, s, "q1"); !reflect.DeepEqual(got, []string{"112"}) {
			t.Errorf("batch of revisions 40 and 30: events %v, want revision 40's", got)
		}
		// A newer copy of the stored content raises the stored revision,
		// so an older version (revision 45) then yields; another content
		// is not raised.
		raised, err := versions(t, s).RaiseRevisions(ctx, map[string]egret.DocumentVersion{
			"q1": {Hash: egret.ContentHash(&a.Document), Revision: 50}, "absent": {Hash: "x", Revision: 9}})
		if err != nil || !reflect.DeepEqual(raised, map[string]bool{"q1": true}) {
			t.Fatalf("RaiseRevisions: %v %v", raised, err)
		}
		b.Revision = 45
		if err := s.PutDocuments(ctx, []egret.CodedDocument{b}); err != nil {
			t.Fatal(err)
		}
		if got := events(t, s, "q1"); !reflect.DeepEqual(got, []string{"112"}) {
			t.Errorf("revision 45 after raising to 50: events %v, want revision 40's content", got)
		}
		if raised, _ := versions(t, s).RaiseRevisions(ctx, map[string]egret.DocumentVersion{"q1": {Hash: egret.ContentHash(&b.Document), Revision: 60}}); len(raised) != 0 {
			t.Errorf("raised %v for another content", raised)
		}
		// Revision 0 (an in-order writer such as a local ingest) always replaces.
		b.Revision = 0
		if err := s.PutDocuments(ctx, []egret.CodedDocument{b}); err != nil {
			t.Fatal(err)
		}
		got, _ = versions(t, s).DocumentVersions(ctx, []string{"q1"})
		if got["q1"] != (egret.DocumentVersion{Hash: egret.ContentHash(&b.Document)}) {
			t.Errorf("after revision 0: %+v", got["q1"])
		}
	})

	t.Run("dead letters", func(t *testing.T) {
		s := open(t)
		dls, ok := s.(egret.DeadLetters)
		if !ok {
			t.Fatalf("%T does not implement egret.DeadLetters", s)
		}
		t0 := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
		for i := range 5 {
			dl := egret.DeadLetter{ID: fmt.Sprintf("EGRET_DOCS:%d", i+1), Subject: "egret.docs.voa", Stream: "EGRET_DOCS", Seq: uint64(i + 1),
				Deliveries: 1, Error: "bad JSON", Excerpt: "{not json", Worker: "w1", FailedAt: t0.Add(time.Duration(i/2) * time.Second)}
			if err := dls.PutDeadLetter(ctx, dl); err != nil {
				t.Fatal(err)
			}
		}
		// Recorded again (a second worker, more deliveries): replaced.
		again := egret.DeadLetter{ID: "EGRET_DOCS:1", DocID: "d", Subject: "egret.docs.voa", Stream: "EGRET_DOCS", Seq: 1, Deliveries: 5,
			Error: "store refused", Excerpt: "bad \xff\x00 bytes" + strings.Repeat("x", 10000), Worker: "w2", FailedAt: t0.Add(time.Minute)}
		if err := dls.PutDeadLetter(ctx, again); err != nil {
			t.Fatal(err)
		}
		var seen []string
		var first egret.DeadLetter
		q := egret.DeadLetterQuery{Limit: 2}
		for {
			p, err := dls.DeadLetters(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != 5 {
				t.Errorf("total %d, want 5", p.Total)
			}
			for _, dl := range p.DeadLetters {
				if len(seen) == 0 {
					first = dl
				}
				seen = append(seen, dl.ID)
			}
			if p.NextCursor == "" {
				break
			}
			q.Cursor = p.NextCursor
		}
		want := []string{"EGRET_DOCS:1", "EGRET_DOCS:5", "EGRET_DOCS:4", "EGRET_DOCS:3", "EGRET_DOCS:2"}
		if !reflect.DeepEqual(seen, want) {
			t.Errorf("pages %v, want %v", seen, want)
		}
		if first.Deliveries != 5 || first.Error != "store refused" || first.Worker != "w2" || first.DocID != "d" || !first.FailedAt.Equal(again.FailedAt) {
			t.Errorf("replaced dead letter %+v", first)
		}
		if !strings.HasPrefix(first.Excerpt, "bad \uFFFD\uFFFD bytes") || len(first.Excerpt) > 4200 {
			t.Errorf("excerpt %.40q… (%d bytes): want valid text, cut", first.Excerpt, len(first.Excerpt))
		}
		if _, err := dls.DeadLetters(ctx, egret.DeadLetterQuery{Cursor: "garbage"}); egret.ErrorCode(err) != egret.EINVALID {
			t.Errorf("bad cursor: %v", err)
		}
		if err := dls.PutDeadLetter(ctx, egret.DeadLetter{}); egret.ErrorCode(err) != egret.EINVALID {
			t.Errorf("dead letter without id: %v", err)
		}
	})
}
