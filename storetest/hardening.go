package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

// runHardening holds the cases of issue 13: input both stores must accept
// or reject alike, and the bounds that keep queries cheap.
func runHardening(t *testing.T, open func(t *testing.T) egret.Store) {
	ctx := context.Background()

	t.Run("bad records are skipped, not the batch", func(t *testing.T) {
		s := open(t)
		bad := []egret.CodedDocument{
			Doc("nul-text", day("2020-01-02"), "Russia\x00 accused Syria.", Ev("RUS", "SYR", "112", "ACCUSE", 3, -2, "", "Russia\x00 accused Syria.")),
			Doc("nul-\x00-id", day("2020-01-02"), "Russia accused Syria."),
			Doc("bad-utf8-title", day("2020-01-02"), "Russia accused Syria."),
			Doc("year-10000", time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -12*3600)), "Russia accused Syria."),
			Doc("year-0", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), "Russia accused Syria."),
			Doc("event-year-10000", day("2020-01-02"), "Russia accused Syria.", Ev("RUS", "SYR", "112", "ACCUSE", 3, -2, "10000-01-01", "Russia accused Syria.")),
			Doc("nul-source", day("2020-01-02"), "Russia accused Syria.", Ev("RUS\x00", "SYR", "112", "ACCUSE", 3, -2, "", "Russia accused Syria.")),
		}
		bad[2].Document.Title = "Syria \xff"
		docs := append(Fixture()[:2], bad...)
		docs = append(docs, Fixture()[2])
		err := s.PutDocuments(ctx, docs)
		if egret.ErrorCode(err) != egret.EINVALID {
			t.Fatalf("PutDocuments with bad records: %v, want an invalid error", err)
		}
		var be *egret.BatchError
		if !errors.As(err, &be) || len(be.Skipped) != len(bad) {
			t.Fatalf("PutDocuments: %v, want a BatchError skipping the %d bad records", err, len(bad))
		}
		for i, b := range bad {
			r := be.Skipped[i]
			if r.ID != b.Document.ID || r.Index != 2+i || !strings.Contains(r.Err.Error(), "document "+strconv.Quote(b.Document.ID)) {
				t.Errorf("skipped record %d: %+v, want %q at index %d named in the error", i, r, b.Document.ID, 2+i)
			}
		}
		st, serr := s.Stats(ctx)
		if serr != nil || st.Documents != 3 || st.Events != 6 {
			t.Errorf("stats %+v %v: want the 3 good documents and their 6 events stored", st, serr)
		}
	})

	t.Run("bad query input is invalid", func(t *testing.T) {
		s := load(t, open)
		for _, f := range []egret.EventFilter{
			{Source: "RU\x00"}, {Target: "\xff"}, {Source: "ÄÖÜ"}, {CAMEO: "1\x00"}, {PLOVER: "ASSAULT\x00"}, {DocID: "d1\x00"}, {DocID: "\xffd"},
			{Query: "Moscow\x00"}, {Query: "Moscow \xff"}, {Cursor: "\x00"}, {From: "0000-01-01"}, {To: "9999-12-31"}, {From: "1799-12-31"},
			{Query: strings.Repeat("moscow ", 1000)}, {Query: strings.Repeat("x", 300)},
		} {
			if _, err := s.Events(ctx, f); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Events(%#v) = %v, want an invalid error", f, err)
			}
			if _, err := s.Series(ctx, egret.SeriesQuery{Filter: f}); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Series(%#v) = %v, want an invalid error", f, err)
			}
			if err := s.EachEvent(ctx, f, func(*egret.StoredEvent) error { return nil }); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("EachEvent(%#v) = %v, want an invalid error", f, err)
			}
		}
		if _, err := s.Events(ctx, egret.EventFilter{Query: strings.Repeat("moscow ", egret.MaxQueryTerms)}); err != nil {
			t.Errorf("%d terms: %v", 32, err)
		}
		for _, q := range []egret.ActorQuery{{Limit: 10001}, {Limit: -1}, {Prefix: "RU\x00"}, {Prefix: "\xff"}, {Role: "both"}} {
			if _, err := s.Actors(ctx, q); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Actors(%#v) = %v, want an invalid error", q, err)
			}
		}
		if acts, err := s.Actors(ctx, egret.ActorQuery{Limit: 10000}); err != nil || len(acts) == 0 {
			t.Errorf("Actors(limit 10000) = %d actors, %v", len(acts), err)
		}
		for _, id := range []string{"d1\x00", "\xff", strings.Repeat("d", egret.MaxIDBytes+1)} {
			if _, err := s.Document(ctx, egret.DocumentQuery{ID: id}); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Document(%q) = %v, want an invalid error", id, err)
			}
		}
	})

	t.Run("document pages", func(t *testing.T) {
		s := open(t)
		const n = 2345
		var text strings.Builder
		evs := make([]egret.Event, n)
		for i := range evs {
			sent := fmt.Sprintf("Russia accused Syria %d. ", i)
			evs[i] = Ev("RUS", "SYR", "112", "ACCUSE", 3, -2, "", sent)
			evs[i].Sentence = i
			text.WriteString(sent)
		}
		if err := s.PutDocuments(ctx, []egret.CodedDocument{Doc("big", day("2020-01-02"), text.String(), evs...)}); err != nil {
			t.Fatal(err)
		}
		pg, err := s.Document(ctx, egret.DocumentQuery{ID: "big"})
		if err != nil {
			t.Fatal(err)
		}
		if len(pg.Events) != egret.DefaultDocumentEvents || pg.Total != n || pg.NextCursor == "" || pg.Document.Text != text.String() {
			t.Fatalf("first page: %d events of %d, cursor %q", len(pg.Events), pg.Total, pg.NextCursor)
		}
		var got []int
		for q := (egret.DocumentQuery{ID: "big", Limit: 1000}); ; {
			pg, err := s.Document(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(pg.Events) > 1000 {
				t.Fatalf("page of %d events, limit 1000", len(pg.Events))
			}
			for _, e := range pg.Events {
				got = append(got, e.Sentence)
			}
			if pg.NextCursor == "" {
				break
			}
			q.Cursor = pg.NextCursor
		}
		if len(got) != n || got[0] != 0 || got[n-1] != n-1 || !sort.IntsAreSorted(got) {
			t.Errorf("paging through: %d events, want %d in coding order", len(got), n)
		}
		// The page holding an event: pages are aligned to the limit.
		all, _ := s.Events(ctx, egret.EventFilter{DocID: "big", Query: "1234", Limit: 5})
		if len(all.Events) != 1 {
			t.Fatalf("finding event 1234: %+v", all.Events)
		}
		pg, err = s.Document(ctx, egret.DocumentQuery{ID: "big", Event: all.Events[0].ID, Limit: 100})
		if err != nil || len(pg.Events) != 100 || pg.Events[0].Sentence != 1200 || pg.Events[34].ID != all.Events[0].ID {
			t.Errorf("page of event 1234: %d events from %d, %v", len(pg.Events), pg.Events[0].Sentence, err)
		}
		for _, q := range []egret.DocumentQuery{{ID: "big", Limit: egret.MaxDocumentEvents + 1}, {ID: "big", Limit: -1}, {ID: "big", Cursor: "!!"}, {ID: "big", Event: -3}} {
			if _, err := s.Document(ctx, q); egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Document(%+v) = %v, want an invalid error", q, err)
			}
		}
		if _, err := s.Document(ctx, egret.DocumentQuery{ID: "big", Event: 1 << 40}); egret.ErrorCode(err) != egret.ENOTFOUND {
			t.Errorf("event of another document: %v, want not found", err)
		}
	})
}
