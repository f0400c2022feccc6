// Package storetest is the conformance suite every egret.Store passes, so the SQLite and PostgreSQL stores behave the same.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

// Doc builds a coded document with events from compact specs
// "SOURCE TARGET CAMEO PLOVER QUAD GOLDSTEIN DATE sentence words".
func Doc(id string, date time.Time, text string, evs ...egret.Event) egret.CodedDocument {
	for i := range evs {
		evs[i].DocID = id
	}
	return egret.CodedDocument{Document: egret.Document{ID: id, Title: "Title " + id, Text: text, Date: date, Source: "test"}, Events: evs}
}

// Ev builds one event.
func Ev(source, target, cameo, plover string, quad int, g float64, date, sentence string) egret.Event {
	return egret.Event{
		Source: source, Target: target, CAMEO: cameo, PLOVER: plover, QuadClass: quad, Goldstein: g, Date: date,
		Text: sentence, SentenceSpan: egret.Span{Start: 0, End: len(sentence)},
		SourceSpan: egret.Span{Start: 0, End: 3}, TargetSpan: egret.Span{Start: 4, End: 7}, EventSpan: egret.Span{Start: 8, End: 10},
		SourceText: source, TargetText: target, EventText: "did",
	}
}

func pt(period, key string, n int64, g float64) egret.SeriesPoint {
	return egret.SeriesPoint{Period: period, Key: key, Count: n, Goldstein: g}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Fixture is the data every store test starts from.
func Fixture() []egret.CodedDocument {
	return []egret.CodedDocument{
		Doc("d1", day("2020-01-06"), "Russia accused the United States of aggression.",
			Ev("RUSGOV", "USAGOV", "112", "ACCUSE", 3, -2, "", "Russia accused the United States of aggression."),
			Ev("USA", "RUS", "036", "CONSULT", 1, 4, "2020-01-07", "Washington wants to meet Moscow about grain.")),
		Doc("d2", day("2020-01-15"), "Syria and Russia signed an agreement.",
			Ev("SYR", "RUS", "057", "AGREE", 1, 8, "", "Syria and Russia signed an agreement on terrorism."),
			Ev("RUSMIL", "SYRREB", "190", "ASSAULT", 4, -10, "", "Russian jets bombed rebels in Idlib."),
			Ev("USAGOV", "RUSGOV", "163", "SANCTION", 4, -8, "2020-02-03", "Washington imposed sanctions on Moscow.")),
		Doc("d3", time.Time{}, "Undated text.",
			Ev("IMGMUSISI", "SYRMIL", "190", "ASSAULT", 4, -10, "2021-03-01", "ISIS attacked the Syrian army.")),
	}
}

// bruteSeries computes a series from the documents directly.
func bruteSeries(docs map[string]egret.CodedDocument, q egret.SeriesQuery) []egret.SeriesPoint {
	if err := q.Validate(); err != nil {
		panic(err)
	}
	f := q.Filter
	has := func(code, prefix string) bool { return len(code) >= len(prefix) && code[:len(prefix)] == prefix }
	var out []egret.SeriesPoint
	idx := map[[2]string]int{}
	for _, d := range docs {
		for _, ev := range d.Events {
			day := egret.EventDate(&d.Document, &ev)
			ok := (has(ev.Source, f.Source) && has(ev.Target, f.Target)) || (q.Dyad && has(ev.Source, f.Target) && has(ev.Target, f.Source))
			if !ok || day == "" || !has(ev.CAMEO, f.CAMEO) || f.PLOVER != "" && ev.PLOVER != f.PLOVER || f.QuadClass != 0 && ev.QuadClass != f.QuadClass ||
				f.From != "" && day < f.From || f.To != "" && day > f.To {
				continue
			}
			key := ""
			switch q.Split {
			case "plover":
				key = ev.PLOVER
			case "quad_class":
				key = fmt.Sprint(ev.QuadClass)
			}
			period := egret.PeriodStart(day, q.Interval)
			i, seen := idx[[2]string{period, key}]
			if !seen {
				i = len(out)
				idx[[2]string{period, key}] = i
				out = append(out, egret.SeriesPoint{Period: period, Key: key})
			}
			out[i].Count++
			out[i].Goldstein += ev.Goldstein
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Period < out[j].Period || out[i].Period == out[j].Period && out[i].Key < out[j].Key
	})
	return out
}

// Opener adapts a store constructor to Run: the store it opens for a test
// fails the test when it cannot be opened and is closed when it ends.
func Opener[S egret.Store](open func(t *testing.T) (S, error)) func(t *testing.T) egret.Store {
	return func(t *testing.T) egret.Store {
		t.Helper()
		s, err := open(t)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// load opens a store holding the Fixture.
func load(t *testing.T, open func(t *testing.T) egret.Store) egret.Store {
	t.Helper()
	s := open(t)
	if err := s.PutDocuments(context.Background(), Fixture()); err != nil {
		t.Fatalf("PutDocuments: %v", err)
	}
	return s
}

// Run runs the conformance suite; open returns a new empty store.
func Run(t *testing.T, open func(t *testing.T) egret.Store) {
	ctx := context.Background()
	load := func(t *testing.T) egret.Store { return load(t, open) }
	ids := func(t *testing.T, s egret.Store, f egret.EventFilter) []string {
		t.Helper()
		var out []string
		for {
			p, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", f, err)
			}
			for _, e := range p.Events {
				out = append(out, e.DocID+"/"+e.CAMEO)
			}
			if p.NextCursor == "" {
				return out
			}
			f.Cursor = p.NextCursor
		}
	}

	t.Run("filters", func(t *testing.T) {
		s := load(t)
		for _, tc := range []struct {
			name string
			f    egret.EventFilter
			want []string
		}{
			{"all newest first", egret.EventFilter{}, []string{"d3/190", "d2/163", "d2/190", "d2/057", "d1/036", "d1/112"}},
			{"source country prefix", egret.EventFilter{Source: "RUS"}, []string{"d2/190", "d1/112"}},
			{"source full code", egret.EventFilter{Source: "RUSMIL"}, []string{"d2/190"}},
			{"source short prefix", egret.EventFilter{Source: "US"}, []string{"d2/163", "d1/036"}},
			{"target", egret.EventFilter{Target: "SYR"}, []string{"d3/190", "d2/190"}},
			{"cameo prefix", egret.EventFilter{CAMEO: "1"}, []string{"d3/190", "d2/163", "d2/190", "d1/112"}},
			{"plover", egret.EventFilter{PLOVER: "assault"}, []string{"d3/190", "d2/190"}},
			{"quad class", egret.EventFilter{QuadClass: 1}, []string{"d2/057", "d1/036"}},
			{"date range", egret.EventFilter{From: "2020-01-07", To: "2020-01-31"}, []string{"d2/190", "d2/057", "d1/036"}},
			{"full text stemmed", egret.EventFilter{Query: "bombing"}, []string{"d2/190"}},
			{"full text all words", egret.EventFilter{Query: "Moscow sanctions"}, []string{"d2/163"}},
			{"full text paged", egret.EventFilter{Query: "Moscow", Limit: 1}, []string{"d2/163", "d1/036"}},
			{"full text with dates and actors", egret.EventFilter{Query: "Moscow", From: "2020-01-07", To: "2020-01-07", Source: "US"}, []string{"d1/036"}},
			{"full text after to", egret.EventFilter{Query: "Moscow", To: "2020-01-06"}, nil},
			{"doc id", egret.EventFilter{DocID: "d1"}, []string{"d1/036", "d1/112"}},
			{"combined", egret.EventFilter{Source: "USA", Target: "RUS", QuadClass: 4}, []string{"d2/163"}},
			{"paged by one", egret.EventFilter{Limit: 1}, []string{"d3/190", "d2/163", "d2/190", "d2/057", "d1/036", "d1/112"}},
			{"paged by two filtered", egret.EventFilter{Limit: 2, CAMEO: "1"}, []string{"d3/190", "d2/163", "d2/190", "d1/112"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := ids(t, s, tc.f)
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
	})

	t.Run("event round trip", func(t *testing.T) {
		s := load(t)
		p, err := s.Events(ctx, egret.EventFilter{DocID: "d1", CAMEO: "112"})
		if err != nil || len(p.Events) != 1 {
			t.Fatalf("Events: %v %v", p, err)
		}
		want := Fixture()[0].Events[0]
		want.Date = "2020-01-06" // from the document
		got := p.Events[0].Event
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
		if p.Events[0].ID == 0 {
			t.Error("stored event has no id")
		}
	})

	t.Run("invalid filters", func(t *testing.T) {
		s := open(t)
		for _, f := range []egret.EventFilter{{From: "2020-13-01"}, {From: "2021-01-01", To: "2020-01-01"}, {QuadClass: 7}, {Cursor: "!!"}, {Source: "RU%"}, {Query: "!!!"}} {
			_, err := s.Events(ctx, f)
			if egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("Events(%+v) = %v, want an invalid error", f, err)
			}
		}
	})

	t.Run("replace is idempotent", func(t *testing.T) {
		s := load(t)
		if err := s.PutDocuments(ctx, Fixture()); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Documents != 3 || st.Events != 6 {
			t.Fatalf("after re-put: stats %+v %v, want 3 documents 6 events", st, err)
		}
		// d2 now has one event: the others and their counts must go.
		d2 := Doc("d2", day("2020-01-15"), "Syria and Russia signed a new agreement.",
			Ev("SYR", "RUS", "057", "AGREE", 1, 8, "", "Syria and Russia signed a new agreement."))
		if err := s.PutDocuments(ctx, []egret.CodedDocument{d2}); err != nil {
			t.Fatal(err)
		}
		if got := ids(t, s, egret.EventFilter{DocID: "d2"}); !reflect.DeepEqual(got, []string{"d2/057"}) {
			t.Errorf("d2 events %v", got)
		}
		if got := ids(t, s, egret.EventFilter{Query: "bombed"}); len(got) != 0 {
			t.Errorf("full text still finds replaced events: %v", got)
		}
		st, _ = s.Stats(ctx)
		if st.Events != 4 {
			t.Errorf("events %d, want 4", st.Events)
		}
		pts, err := s.Series(ctx, egret.SeriesQuery{Filter: egret.EventFilter{Source: "USA"}})
		if err != nil {
			t.Fatal(err)
		}
		if want := []egret.SeriesPoint{{Period: "2020-01-07", Count: 1, Goldstein: 4}}; !reflect.DeepEqual(pts, want) {
			t.Errorf("series after replace %+v, want %+v", pts, want)
		}
		acts, _ := s.Actors(ctx, egret.ActorQuery{Prefix: "RUS"})
		got := fmt.Sprint(acts)
		if want := "[{RUS 0 2 2} {RUSGOV 1 0 1}]"; got != want {
			t.Errorf("actors after replace %s, want %s", got, want)
		}
		pg, err := s.Document(ctx, egret.DocumentQuery{ID: "d2"})
		if err != nil || pg.Document.Text != "Syria and Russia signed a new agreement." || len(pg.Events) != 1 || pg.Total != 1 {
			t.Errorf("Document(d2) = %+v %v", pg, err)
		}
	})

	t.Run("same document twice in a batch", func(t *testing.T) {
		s := open(t)
		a := Fixture()[0]
		b := Fixture()[0]
		b.Events = b.Events[:1]
		if err := s.PutDocuments(ctx, []egret.CodedDocument{a, b}); err != nil {
			t.Fatal(err)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 1 || st.Events != 1 {
			t.Errorf("stats %+v, want 1 document 1 event", st)
		}
	})

	t.Run("series", func(t *testing.T) {
		s := load(t)
		for _, tc := range []struct {
			name string
			q    egret.SeriesQuery
			want []egret.SeriesPoint
		}{
			{"dyad by quad class per month", egret.SeriesQuery{Filter: egret.EventFilter{Source: "RUS", Target: "USA"}, Dyad: true, Interval: "month", Split: "quad_class"},
				[]egret.SeriesPoint{pt("2020-01-01", "1", 1, 4), pt("2020-01-01", "3", 1, -2), pt("2020-02-01", "4", 1, -8)}},
			{"one direction per day", egret.SeriesQuery{Filter: egret.EventFilter{Source: "RUS", Target: "USA"}},
				[]egret.SeriesPoint{pt("2020-01-06", "", 1, -2)}},
			{"weeks start monday by plover", egret.SeriesQuery{Filter: egret.EventFilter{To: "2020-01-31"}, Interval: "week", Split: "plover"},
				[]egret.SeriesPoint{pt("2020-01-06", "ACCUSE", 1, -2), pt("2020-01-06", "CONSULT", 1, 4), pt("2020-01-13", "AGREE", 1, 8), pt("2020-01-13", "ASSAULT", 1, -10)}},
			{"cameo filter reads events", egret.SeriesQuery{Filter: egret.EventFilter{CAMEO: "19"}, Interval: "month"},
				[]egret.SeriesPoint{pt("2020-01-01", "", 1, -10), pt("2021-03-01", "", 1, -10)}},
			{"long actor code reads events", egret.SeriesQuery{Filter: egret.EventFilter{Source: "RUSMIL"}},
				[]egret.SeriesPoint{pt("2020-01-15", "", 1, -10)}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.Series(ctx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %+v\nwant %+v", got, tc.want)
				}
			})
		}
		if _, err := s.Series(ctx, egret.SeriesQuery{Interval: "year"}); egret.ErrorCode(err) != egret.EINVALID {
			t.Errorf("interval year: %v, want invalid", err)
		}
	})

	t.Run("actors", func(t *testing.T) {
		s := load(t)
		acts, err := s.Actors(ctx, egret.ActorQuery{Role: "source", Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(acts) != 2 || acts[0].AsSource != 1 {
			t.Errorf("actors %+v", acts)
		}
		all, _ := s.Actors(ctx, egret.ActorQuery{})
		var total int64
		for _, a := range all {
			total += a.Total
		}
		if total != 12 {
			t.Errorf("actor mentions %d, want 12 (6 events × 2)", total)
		}
	})

	t.Run("document", func(t *testing.T) {
		s := load(t)
		pg, err := s.Document(ctx, egret.DocumentQuery{ID: "d2"})
		if err != nil {
			t.Fatal(err)
		}
		d, evs := pg.Document, pg.Events
		if d.Title != "Title d2" || !d.Date.Equal(day("2020-01-15")) || d.Source != "test" {
			t.Errorf("document %+v", d)
		}
		var cameos []string
		for _, e := range evs {
			cameos = append(cameos, e.CAMEO)
		}
		if !reflect.DeepEqual(cameos, []string{"057", "190", "163"}) {
			t.Errorf("events in coding order %v", cameos)
		}
		if _, err := s.Document(ctx, egret.DocumentQuery{ID: "nope"}); egret.ErrorCode(err) != egret.ENOTFOUND {
			t.Errorf("missing document: %v", err)
		}
	})

	t.Run("each event", func(t *testing.T) {
		s := load(t)
		var got []string
		err := s.EachEvent(ctx, egret.EventFilter{From: "2020-01-01", To: "2020-12-31", Limit: 1}, func(e *egret.StoredEvent) error {
			got = append(got, e.CAMEO)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, []string{"036", "057", "112", "163", "190"}) {
			t.Errorf("got %v", got)
		}
		stop := fmt.Errorf("stop")
		if err := s.EachEvent(ctx, egret.EventFilter{}, func(*egret.StoredEvent) error { return stop }); err != stop {
			t.Errorf("callback error not returned: %v", err)
		}
	})

	t.Run("series agree with brute force", func(t *testing.T) {
		s := open(t)
		docs := GenDocuments(3, 0, 300, 5)
		if err := s.PutDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
		// Replace a third of them with other events: rollups must follow.
		repl := GenDocuments(4, 0, 100, 3)
		if err := s.PutDocuments(ctx, repl); err != nil {
			t.Fatal(err)
		}
		all := map[string]egret.CodedDocument{}
		for _, d := range append(docs, repl...) {
			all[d.Document.ID] = d
		}
		for _, q := range []egret.SeriesQuery{
			{Interval: "month", Split: "quad_class"},
			{Interval: "week", Split: "plover", Filter: egret.EventFilter{From: "2017-03-15", To: "2019-11-20"}},
			{Interval: "month", Filter: egret.EventFilter{Source: "RUS", Target: "USA", From: "2016-02-29", To: "2016-03-01"}, Dyad: true},
			{Interval: "month", Split: "plover", Filter: egret.EventFilter{Source: "RUS", Target: "USA"}, Dyad: true},
			{Interval: "day", Filter: egret.EventFilter{Source: "US", From: "2018-01-01", QuadClass: 4}},
			{Interval: "week", Filter: egret.EventFilter{Target: "CHN", To: "2020-06-03", PLOVER: "ASSAULT"}},
			{Interval: "month", Split: "quad_class", Filter: egret.EventFilter{Source: "USAGOV"}},
			{Interval: "month", Filter: egret.EventFilter{CAMEO: "1", Target: "RUS"}},
			{Interval: "week", Split: "plover", Filter: egret.EventFilter{Source: "U", Target: "US"}, Dyad: true},
		} {
			got, err := s.Series(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			want := bruteSeries(all, q)
			if fmt.Sprintf("%.6v", got) != fmt.Sprintf("%.6v", want) {
				t.Errorf("%+v:\n got %v\nwant %v", q, got, want)
			}
		}
	})

	runHardening(t, open)
	t.Run("queue", func(t *testing.T) { runQueue(t, open) })

	t.Run("missing id", func(t *testing.T) {
		s := open(t)
		err := s.PutDocuments(ctx, []egret.CodedDocument{{Document: egret.Document{Text: "x"}}})
		if egret.ErrorCode(err) != egret.EINVALID {
			t.Errorf("got %v", err)
		}
	})
}
