package egret

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// ContentHash is the hex SHA-256 of a document's fields (id, title, text,
// date, source, URL, author): two copies of a document with the same hash
// code to the same events. Stores keep it beside the document; the queue
// uses it as the message id, so a document published twice is queued once.
func ContentHash(d *Document) string {
	h := sha256.New()
	var n [8]byte
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.UTC().Format(time.RFC3339Nano)
	}
	// Each field is length-prefixed, so no two documents hash alike by
	// moving text from one field into the next.
	for _, f := range []string{d.ID, d.Title, d.Text, date, d.Source, d.URL, d.Author} {
		binary.BigEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// DocumentVersion is what a store holds of a document's version: its
// ContentHash and the revision it was written with (0: none).
type DocumentVersion struct {
	Hash     string
	Revision int64
}

// DocumentVersions tells which versions of documents a store holds, so a
// queue worker acknowledges a redelivered document already stored
// without coding it again. The sqlite and postgres stores implement it.
type DocumentVersions interface {
	// DocumentVersions returns the stored version of each of ids that is
	// stored; ids not stored are absent from the map.
	DocumentVersions(ctx context.Context, ids []string) (map[string]DocumentVersion, error)
	// RaiseRevisions lets stored documents stand for newer copies of the
	// same content: for each id whose stored hash is vs[id].Hash, the
	// stored revision becomes at least vs[id].Revision, in one write
	// transaction. It returns the ids it did so for; the others changed
	// meanwhile and must be coded.
	RaiseRevisions(ctx context.Context, vs map[string]DocumentVersion) (map[string]bool, error)
}

// DeadLetter is a queued document that could not be coded or stored —
// it failed for good, or as many times as the queue delivers a message —
// kept with why instead of being dropped or retried forever.
type DeadLetter struct {
	// ID keys the record: the message's id (the document's ContentHash
	// when egret published it), else "stream:sequence".
	ID         string    `json:"id"`
	DocID      string    `json:"doc_id"` // "" when the message held no readable document
	Subject    string    `json:"subject"`
	Stream     string    `json:"stream"`
	Seq        uint64    `json:"stream_seq"`
	Deliveries int       `json:"deliveries"`
	Error      string    `json:"error"`
	Excerpt    string    `json:"excerpt"` // the start of the message body, as valid UTF-8
	Worker     string    `json:"worker"`
	FailedAt   time.Time `json:"failed_at"`
}

// DeadLetterQuery asks for one page of dead letters, newest first.
type DeadLetterQuery struct {
	Cursor string
	Limit  int
}

// Default and maximum dead letters in a page.
const (
	DefaultDeadLetters = 50
	MaxDeadLetters     = 1000
)

// Validate checks the query and fills in the default page size.
func (q *DeadLetterQuery) Validate() error {
	if msg := checkText(q.Cursor); msg != "" {
		return Errorf(EINVALID, "cursor: %q %s", q.Cursor, msg)
	}
	return pageLimit(&q.Limit, DefaultDeadLetters, MaxDeadLetters)
}

// DeadLetterPage is one page of dead letters and how many there are.
type DeadLetterPage struct {
	DeadLetters []DeadLetter `json:"dead_letters"`
	Total       int64        `json:"total"`
	NextCursor  string       `json:"next_cursor,omitempty"`
}

// DeadLetters keeps the record of dead letters. Recording one again (the
// same ID) replaces it. The sqlite and postgres stores implement it.
type DeadLetters interface {
	PutDeadLetter(ctx context.Context, dl DeadLetter) error
	DeadLetters(ctx context.Context, q DeadLetterQuery) (DeadLetterPage, error)
}

// QueueStats describes the work queue of a scaled-out deployment.
type QueueStats struct {
	Stream   string `json:"stream"`
	Consumer string `json:"consumer"`
	// Depth is the documents queued and not yet stored; Pending, those
	// of them no worker has taken yet; AckPending, those taken and not
	// yet acknowledged; Redelivered, those being delivered again.
	Depth       uint64 `json:"depth"`
	Pending     uint64 `json:"pending"`
	AckPending  int    `json:"ack_pending"`
	Redelivered int    `json:"redelivered"`
	// Lag is how long the oldest queued document has waited.
	LagSeconds float64 `json:"lag_seconds"`
	Bytes      uint64  `json:"bytes"`
	// DeadLetters counts messages on the dead-letter subject.
	DeadLetters uint64        `json:"dead_letters"`
	Workers     []WorkerStats `json:"workers"`
}

// WorkerStats are one queue worker's running totals, as it last reported
// them.
type WorkerStats struct {
	Worker      string    `json:"worker"`
	Started     time.Time `json:"started"`
	Updated     time.Time `json:"updated"`
	Received    int64     `json:"received"`    // messages taken from the queue
	Redelivered int64     `json:"redelivered"` // of those, deliveries after the first
	Stored      int64     `json:"stored"`      // documents coded and stored
	Unchanged   int64     `json:"unchanged"`   // acknowledged without coding: already stored
	Events      int64     `json:"events"`
	Sentences   int64     `json:"sentences"`
	Retried     int64     `json:"retried"`      // handed back for another delivery
	DeadLetters int64     `json:"dead_letters"` // sent to the dead-letter subject
	// CPUSeconds is the worker process's CPU time so far.
	CPUSeconds float64 `json:"cpu_seconds"`
}
