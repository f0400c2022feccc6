package egret

import (
	"context"
	"strings"
	"time"
)

// Store keeps coded documents and their events and answers the queries of
// the HTTP API. The sqlite and postgres packages implement it with the same
// schema and behaviour.
type Store interface {
	// PutDocuments stores documents with their events in one transaction.
	// Storing a document ID again replaces its text and all its events, so
	// re-ingesting is idempotent and never duplicates events — unless the
	// stored copy has a higher Revision, when the older one is skipped.
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
	// Document returns a stored document and one page of its events in
	// coding order; ENOTFOUND if absent.
	Document(ctx context.Context, q DocumentQuery) (DocumentPage, error)
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
	// Revision orders versions of a document written by concurrent
	// writers (queue workers: the time the queue stored the message): a
	// store keeps the version with the highest revision and skips an
	// older one. 0, a writer that writes in order, always replaces.
	Revision int64
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

// Default and maximum numbers of actors Store.Actors returns.
const (
	DefaultActorLimit = 100
	MaxActorLimit     = 10000
)

// Validate checks the actor query and fills in the default limit.
func (q *ActorQuery) Validate() error {
	if msg := checkText(q.Prefix); msg != "" {
		return Errorf(EINVALID, "prefix: %q %s", q.Prefix, msg)
	}
	if err := checkCode("prefix", q.Prefix); err != nil {
		return err
	}
	switch q.Role {
	case "", "source", "target":
	default:
		return Errorf(EINVALID, "role: %q is not source or target", q.Role)
	}
	return pageLimit(&q.Limit, DefaultActorLimit, MaxActorLimit)
}

// pageLimit fills in the default page size and refuses one out of range.
func pageLimit(limit *int, def, most int) error {
	switch {
	case *limit == 0:
		*limit = def
	case *limit < 0 || *limit > most:
		return Errorf(EINVALID, "limit: %d is not 1-%d", *limit, most)
	}
	return nil
}

// ActorCount is how often an actor code was the source and the target of an event.
type ActorCount struct {
	Code     string `json:"code"`
	AsSource int64  `json:"as_source"`
	AsTarget int64  `json:"as_target"`
	Total    int64  `json:"total"`
}

// DocumentQuery asks for a stored document and one page of its events.
// Pages are aligned to Limit, so Event (an event id) starts the page
// holding that event instead of the first one.
type DocumentQuery struct {
	ID     string
	Cursor string // from DocumentPage.NextCursor
	Event  int64
	Limit  int
}

// Default and maximum events in a DocumentPage.
const (
	DefaultDocumentEvents = 200
	MaxDocumentEvents     = 1000
)

// Validate checks the query and fills in the default page size.
func (q *DocumentQuery) Validate() error {
	if err := CheckID(q.ID); err != nil {
		return err
	}
	if msg := checkText(q.Cursor); msg != "" {
		return Errorf(EINVALID, "cursor: %q %s", q.Cursor, msg)
	}
	if q.Event < 0 {
		return Errorf(EINVALID, "event: %d is not an event id", q.Event)
	}
	return pageLimit(&q.Limit, DefaultDocumentEvents, MaxDocumentEvents)
}

// DocumentPage is a document with one page of its events; NextCursor is
// empty on the last page.
type DocumentPage struct {
	Document   *Document
	Events     []StoredEvent
	Total      int // events of the whole document
	NextCursor string
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
// every store rejects the same input with the same message.
func (f *EventFilter) Validate() error {
	for _, p := range []struct{ name, v string }{{"source", f.Source}, {"target", f.Target}, {"cameo", f.CAMEO}, {"plover", f.PLOVER},
		{"from", f.From}, {"to", f.To}, {"q", f.Query}, {"doc_id", f.DocID}, {"cursor", f.Cursor}} {
		if msg := checkText(p.v); msg != "" {
			return Errorf(EINVALID, "%s: %q %s", p.name, p.v, msg)
		}
	}
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v == "" {
			continue
		}
		if err := CheckDay(d.v); err != nil {
			return Errorf(EINVALID, "%s: %s", d.name, ErrorMessage(err))
		}
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return Errorf(EINVALID, "from %s is after to %s", f.From, f.To)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return Errorf(EINVALID, "quad_class: %d is not 1-4", f.QuadClass)
	}
	for _, c := range []struct{ name, v string }{{"source", f.Source}, {"target", f.Target}, {"cameo", f.CAMEO}, {"plover", f.PLOVER}} {
		if err := checkCode(c.name, c.v); err != nil {
			return err
		}
	}
	if len(f.DocID) > MaxIDBytes {
		return Errorf(EINVALID, "doc_id: %d bytes, more than %d", len(f.DocID), MaxIDBytes)
	}
	if f.Query != "" {
		terms := FTSTerms(f.Query)
		if len(terms) == 0 {
			return Errorf(EINVALID, "q: %q has no words to search for", f.Query)
		}
		if len(terms) > MaxQueryTerms {
			return Errorf(EINVALID, "q: %d words; search for at most %d", len(terms), MaxQueryTerms)
		}
		for _, t := range terms {
			if len(t) > MaxTermBytes {
				return Errorf(EINVALID, "q: the word %.20q… is %d bytes; words are at most %d", t, len(t), MaxTermBytes)
			}
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
