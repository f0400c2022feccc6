// Package egret holds the domain types of the egret event data system: documents, events, actors and places, and the interfaces its adapters implement.
package egret

import (
	"context"
	"time"
)

// Document is one text to be coded: a news story, a statement or a single sentence record.
type Document struct {
	ID     string    `json:"id"`
	Title  string    `json:"title,omitempty"`
	Text   string    `json:"text"`
	Date   time.Time `json:"date"`
	Source string    `json:"source,omitempty"`
	URL    string    `json:"url,omitempty"`
	Author string    `json:"author,omitempty"`
}

// Span is a half-open byte range [Start, End) in Document.Text, so every
// coded field can be traced back to its exact text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Empty reports whether the span covers no text.
func (s Span) Empty() bool { return s.End <= s.Start }

// Ref points at an earlier mention an actor was resolved from (coreference, speaker).
type Ref struct {
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Span     Span   `json:"span"`
}

// Location is where an event happened, resolved from a gazetteer.
type Location struct {
	Name      string  `json:"name"`
	GeonameID int     `json:"geonameid,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-3
	Admin1    string  `json:"admin1,omitempty"`
	Feature   string  `json:"feature"` // city, admin1, country, region
	Region    string  `json:"region,omitempty"`
	Span      Span    `json:"span"`
	Text      string  `json:"text,omitempty"`
	Score     float64 `json:"score,omitempty"`
}

// Event is one coded "who did what to whom" record. JSON field names are
// fixed: other tools read them.
type Event struct {
	DocID     string  `json:"doc_id"`
	Sentence  int     `json:"sentence"`
	Date      string  `json:"date"`
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	CAMEO     string  `json:"cameo"`
	PLOVER    string  `json:"plover"`
	Mode      string  `json:"mode,omitempty"`
	Context   string  `json:"context,omitempty"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`

	SourceText string `json:"source_text"`
	TargetText string `json:"target_text"`
	EventText  string `json:"event_text"`
	Text       string `json:"text"`

	SentenceSpan Span `json:"sentence_span"`
	SourceSpan   Span `json:"source_span"`
	TargetSpan   Span `json:"target_span"`
	EventSpan    Span `json:"event_span"`

	Issues     []string  `json:"issues,omitempty"`
	Modality   string    `json:"modality,omitempty"`  // asserted (empty), negated, hypothetical, intended, questioned
	Certainty  string    `json:"certainty,omitempty"` // empty (asserted), reported, alleged
	ReportedBy string    `json:"reported_by,omitempty"`
	SourceRef  *Ref      `json:"source_ref,omitempty"`
	TargetRef  *Ref      `json:"target_ref,omitempty"`
	Sentences  []int     `json:"sentences,omitempty"` // every sentence restating this event
	Location   *Location `json:"location,omitempty"`
	Pattern    string    `json:"pattern,omitempty"` // dictionary file:line of the verb pattern that fired
	// Flags qualify how the event was coded (Flag* constants).
	Flags []string `json:"flags,omitempty"`
}

// Event flags.
const (
	// FlagSourceInferred: the source is an agent the text gives no country
	// ("police"); its country is the one the story is about.
	FlagSourceInferred = "source_country_inferred"
	// FlagTargetInferred: the same for the target.
	FlagTargetInferred = "target_country_inferred"
	// FlagNoSource: the text does not name who acted ("a village was
	// shelled"); Source is empty. PLOVER and ACLED users count such
	// events; PETRARCH-style output drops them (--require-source).
	FlagNoSource = "no_source"
	// FlagSourceClaimed: the text names no doer where the act is told;
	// the source is who claimed responsibility for it later ("A car bomb
	// exploded ... Islamic State claimed responsibility").
	FlagSourceClaimed = "source_claimed"
)

// HasFlag reports whether the event carries flag f.
func (e *Event) HasFlag(f string) bool {
	for _, x := range e.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// Coder turns a document into events.
type Coder interface {
	Code(ctx context.Context, doc *Document) ([]Event, error)
}

// Geocoder attaches locations to the events of a document.
type Geocoder interface {
	Locate(doc *Document, events []Event)
}

// EventFilter selects stored events; zero fields do not filter.
type EventFilter struct {
	Source    string // code or prefix
	Target    string // code or prefix
	CAMEO     string // prefix
	PLOVER    string
	QuadClass int
	From, To  string // YYYY-MM-DD inclusive
	Query     string // full text over sentences
	DocID     string
	Cursor    string
	Limit     int
}
