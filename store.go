package egret

import (
	"context"
	"encoding/base64"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Store keeps coded documents and their events and answers the queries of
// the HTTP API. The sqlite and postgres packages implement it with the same
// schema and behaviour.
type Store interface {
	// PutDocuments stores documents with their events in one transaction.
	// Storing a document ID again replaces its text and all its events, so
	// re-ingesting is idempotent and never duplicates events.
	PutDocuments(ctx context.Context, docs []CodedDocument) error
	// Events returns one page of events matching f, newest first.
	Events(ctx context.Context, f EventFilter) (EventPage, error)
	// EachEvent calls fn for every event matching f (ignoring Cursor and
	// Limit), newest first, without holding them all in memory.
	EachEvent(ctx context.Context, f EventFilter, fn func(*StoredEvent) error) error
	// Series returns event counts and Goldstein sums per period.
	Series(ctx context.Context, q SeriesQuery) ([]SeriesPoint, error)
	// Actors returns the actor codes seen, most frequent first.
	Actors(ctx context.Context, q ActorQuery) ([]ActorCount, error)
	// Document returns a stored document and its events; ENOTFOUND if absent.
	Document(ctx context.Context, id string) (*Document, []StoredEvent, error)
	// Stats returns totals for /metrics and /healthz.
	Stats(ctx context.Context) (StoreStats, error)
	// Ping checks the store is reachable.
	Ping(ctx context.Context) error
	Close() error
}

// CodedDocument is a document and the events coded from it: the unit a
// Store writes atomically.
type CodedDocument struct {
	Document Document
	Events   []Event
}

// StoredEvent is an event as kept by a Store, with its store-assigned ID.
type StoredEvent struct {
	ID int64 `json:"id"`
	Event
}

// EventPage is one page of events; NextCursor is empty on the last page.
type EventPage struct {
	Events     []StoredEvent `json:"events"`
	NextCursor string        `json:"next_cursor,omitempty"`
}

// Series intervals and splits.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week"
	IntervalMonth = "month"

	SplitNone      = ""
	SplitPLOVER    = "plover"
	SplitQuadClass = "quad_class"
)

// SeriesQuery selects events with Filter and groups them by period (day,
// week starting Monday, month) and optionally by PLOVER type or quad class.
// With Dyad set, Source and Target match in both directions (A→B and B→A).
type SeriesQuery struct {
	Filter   EventFilter
	Interval string
	Split    string
	Dyad     bool
}

// SeriesPoint is the count and Goldstein sum of one period and key; Period
// is the first day of the period (YYYY-MM-DD).
type SeriesPoint struct {
	Period    string  `json:"period"`
	Key       string  `json:"key,omitempty"`
	Count     int64   `json:"count"`
	Goldstein float64 `json:"goldstein"`
}

// ActorQuery selects actor codes; Role is "source", "target" or "" for both.
type ActorQuery struct {
	Prefix string
	Role   string
	Limit  int
}

// ActorCount is how often an actor code was the source and the target of an event.
type ActorCount struct {
	Code     string `json:"code"`
	AsSource int64  `json:"as_source"`
	AsTarget int64  `json:"as_target"`
	Total    int64  `json:"total"`
}

// StoreStats are store-wide totals.
type StoreStats struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
}

// Default and maximum page sizes of Store.Events.
const (
	DefaultEventLimit = 50
	MaxEventLimit     = 1000
)

// Validate checks the filter's fields and normalises its page size, so
// both stores reject the same input with the same message.
func (f *EventFilter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return Errorf(EINVALID, "%s: %q is not a date (want YYYY-MM-DD)", d.name, d.v)
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return Errorf(EINVALID, "from %s is after to %s", f.From, f.To)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return Errorf(EINVALID, "quad_class: %d is not 1-4", f.QuadClass)
	}
	for _, c := range []struct{ name, v string }{{"source", f.Source}, {"target", f.Target}, {"cameo", f.CAMEO}} {
		if strings.ContainsAny(c.v, "%_\\ \t\n") {
			return Errorf(EINVALID, "%s: %q is not a code or code prefix", c.name, c.v)
		}
	}
	if f.Limit < 0 {
		return Errorf(EINVALID, "limit: %d is negative", f.Limit)
	}
	if f.Limit == 0 {
		f.Limit = DefaultEventLimit
	}
	if f.Limit > MaxEventLimit {
		f.Limit = MaxEventLimit
	}
	return nil
}

// Validate checks the series query and fills in the default interval.
func (q *SeriesQuery) Validate() error {
	if err := q.Filter.Validate(); err != nil {
		return err
	}
	switch q.Interval {
	case "":
		q.Interval = IntervalDay
	case IntervalDay, IntervalWeek, IntervalMonth:
	default:
		return Errorf(EINVALID, "interval: %q is not day, week or month", q.Interval)
	}
	switch q.Split {
	case SplitNone, SplitPLOVER, SplitQuadClass:
	default:
		return Errorf(EINVALID, "split: %q is not plover or quad_class", q.Split)
	}
	if q.Dyad && (q.Filter.Source == "" || q.Filter.Target == "") {
		return Errorf(EINVALID, "dyad needs both source and target")
	}
	return nil
}

// PeriodStart returns the first day of the period of interval holding day
// (YYYY-MM-DD); weeks start on Monday. Stores group by day and call it so
// week and month boundaries are the same everywhere.
func PeriodStart(day, interval string) string {
	switch interval {
	case IntervalMonth:
		if len(day) >= 7 {
			return day[:7] + "-01"
		}
	case IntervalWeek:
		t, err := time.Parse("2006-01-02", day)
		if err != nil {
			return day
		}
		off := (int(t.Weekday()) + 6) % 7 // days since Monday
		return t.AddDate(0, 0, -off).Format("2006-01-02")
	}
	return day
}

// BucketSeries sums points into periods of interval (day keeps the
// days), drops zero counts and sorts by period and key.
func BucketSeries(days []SeriesPoint, interval string) []SeriesPoint {
	type k struct{ p, key string }
	idx := make(map[k]int, len(days))
	out := make([]SeriesPoint, 0, len(days))
	for _, d := range days {
		p := d.Period
		if interval != IntervalDay && interval != "" {
			p = PeriodStart(d.Period, interval)
		}
		i, ok := idx[k{p, d.Key}]
		if !ok {
			i = len(out)
			idx[k{p, d.Key}] = i
			out = append(out, SeriesPoint{Period: p, Key: d.Key})
		}
		out[i].Count += d.Count
		out[i].Goldstein += d.Goldstein
	}
	kept := out[:0]
	for _, p := range out {
		if p.Count != 0 {
			kept = append(kept, p)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Period != kept[j].Period {
			return kept[i].Period < kept[j].Period
		}
		return kept[i].Key < kept[j].Key
	})
	return kept
}

// ActorCountry returns the first three letters of an actor code, its
// country or group part, which stores index for fast prefix filters.
func ActorCountry(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// EventDate returns the day an event is stored under: the event's own date,
// else the document's, else "" (undated).
func EventDate(doc *Document, ev *Event) string {
	if len(ev.Date) >= 10 {
		return ev.Date[:10]
	}
	if !doc.Date.IsZero() {
		return doc.Date.UTC().Format("2006-01-02")
	}
	return ""
}

// FTSTerms splits a free-text query into its words, dropping punctuation,
// so both stores search for all the words whatever the query syntax.
func FTSTerms(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && r != '\u00a0' && r != '\u2019' && r != '\u2018' && r != '\u201c' && r != '\u201d')
	})
}

// EncodeCursor returns the opaque cursor pointing after the event stored
// under day with id; events are paged by (date, id) descending.
func EncodeCursor(day string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(day + "|" + strconv.FormatInt(id, 10)))
}

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(c string) (day string, id int64, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", 0, Errorf(EINVALID, "cursor: %q is not a cursor from next_cursor", c)
	}
	day, n, ok := strings.Cut(string(b), "|")
	if !ok {
		return "", 0, Errorf(EINVALID, "cursor: %q is not a cursor from next_cursor", c)
	}
	id, err = strconv.ParseInt(n, 10, 64)
	if err != nil {
		return "", 0, Errorf(EINVALID, "cursor: %q is not a cursor from next_cursor", c)
	}
	return day, id, nil
}

// Rollup grains kept by the stores' aggregate table: per day, per week
// (starting Monday), per month, and all time ("a", for totals).
const (
	GrainDay   = "d"
	GrainWeek  = "w"
	GrainMonth = "m"
	GrainAll   = "a"
)

// AnyActor stands for "any actor" in rollup keys; it sorts before letters.
const AnyActor = "*"

// RollupKey is one row of a store's aggregate table: events of a period
// of a grain between two actor countries (or AnyActor) of one PLOVER type
// and quad class.
type RollupKey struct {
	Grain, Period, Src3, Tgt3, PLOVER string
	QuadClass                         int
}

// RollupVal is the count and Goldstein sum of a rollup row.
type RollupVal struct {
	N int64
	G float64
}

// Rollups accumulates the aggregate-table changes of a write, so a store
// applies them once per transaction. Counts are sums, so the order in
// which events are added and removed does not matter.
type Rollups map[RollupKey]RollupVal

// Add counts one event stored on day (sign 1) or removed (sign -1) into
// every grain and every actor combination (dyad, source only, target only,
// any), so series of any of those shapes read few rows.
func (r Rollups) Add(day, src3, tgt3, plover string, quad int, g float64, sign int64) {
	for _, grain := range []string{GrainDay, GrainWeek, GrainMonth, GrainAll} {
		period := ""
		switch grain {
		case GrainDay:
			period = day
		case GrainWeek:
			period = PeriodStart(day, IntervalWeek)
		case GrainMonth:
			period = PeriodStart(day, IntervalMonth)
		}
		if day == "" && grain != GrainAll {
			continue // undated events count in totals only
		}
		for _, st := range [][2]string{{src3, tgt3}, {src3, AnyActor}, {AnyActor, tgt3}, {AnyActor, AnyActor}} {
			if grain == GrainAll && st != [2]string{AnyActor, AnyActor} {
				continue
			}
			k := RollupKey{grain, period, st[0], st[1], plover, quad}
			v := r[k]
			v.N += sign
			v.G += float64(sign) * g
			r[k] = v
		}
	}
}

// DayRange is an inclusive range of days; empty ends are unbounded.
type DayRange struct{ From, To string }

// SeriesPlan says which rollup rows answer a series query: whole periods
// of Grain within Whole, plus day rows for the partial periods at either
// end (Days), so the sums stay exact for any from and to.
type SeriesPlan struct {
	Grain string
	Whole *DayRange
	Days  []DayRange
}

func nextDay(day string, n int) string {
	t, _ := time.Parse("2006-01-02", day)
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// PlanSeries splits [from, to] for interval into whole periods and
// partial days.
func PlanSeries(interval, from, to string) SeriesPlan {
	if interval == IntervalDay || interval == "" {
		return SeriesPlan{Grain: GrainDay, Whole: &DayRange{from, to}}
	}
	grain := GrainWeek
	next := func(p string) string { return nextDay(p, 7) }
	if interval == IntervalMonth {
		grain = GrainMonth
		next = func(p string) string {
			t, _ := time.Parse("2006-01-02", p)
			return t.AddDate(0, 1, 0).Format("2006-01-02")
		}
	}
	var plan SeriesPlan
	plan.Grain = grain
	gFrom, gTo := from, to
	if from != "" && to != "" && PeriodStart(from, interval) == PeriodStart(to, interval) &&
		(PeriodStart(from, interval) != from || nextDay(next(PeriodStart(to, interval)), -1) != to) {
		return SeriesPlan{Grain: grain, Days: []DayRange{{from, to}}}
	}
	if from != "" && PeriodStart(from, interval) != from {
		gFrom = next(PeriodStart(from, interval))
		plan.Days = append(plan.Days, DayRange{from, nextDay(gFrom, -1)})
	}
	if to != "" {
		start := PeriodStart(to, interval)
		if nextDay(next(start), -1) != to {
			gTo = nextDay(start, -1)
			plan.Days = append(plan.Days, DayRange{start, to})
		} else {
			gTo = start
		}
	}
	if gFrom == "" || gTo == "" || gFrom <= gTo {
		plan.Whole = &DayRange{gFrom, gTo}
	}
	return plan
}

// RollupAnswers reports whether a series query can be read from the
// rollups: actor filters of at most three letters (a country or group),
// PLOVER type, quad class and dates, with dyad prefixes that cannot both
// match one event.
func RollupAnswers(q SeriesQuery) bool {
	f := q.Filter
	if len(f.Source) > 3 || len(f.Target) > 3 || f.CAMEO != "" || f.Query != "" || f.DocID != "" {
		return false
	}
	if q.Dyad && f.Source != f.Target && (strings.HasPrefix(f.Source, f.Target) || strings.HasPrefix(f.Target, f.Source)) {
		return false
	}
	return true
}
