package sqlstore

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"github.com/egret-events/egret"
)

// maxExcerpt bounds the message body kept with a dead letter: enough to
// tell the document, not a copy of it (the dead-letter subject keeps the
// message whole).
const maxExcerpt = 4096

var deadLetterColumns = []string{"id", "doc_id", "subject", "stream", "stream_seq", "deliveries", "error", "excerpt", "worker", "failed_at"}

// excerpt is the start of a message body as text both databases keep:
// valid UTF-8 without NUL, at most maxExcerpt bytes.
func excerpt(s string) string {
	if len(s) > maxExcerpt {
		s = s[:maxExcerpt] // a character cut in two becomes U+FFFD below
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// PutDeadLetter records a dead letter, replacing one of the same ID.
func (s *Store) PutDeadLetter(ctx context.Context, dl egret.DeadLetter) error {
	if dl.ID == "" {
		return egret.Errorf(egret.EINVALID, "dead letter without an id")
	}
	row := []any{excerpt(dl.ID), excerpt(dl.DocID), excerpt(dl.Subject), dl.Stream, int64(dl.Seq), dl.Deliveries, excerpt(dl.Error),
		excerpt(dl.Excerpt), dl.Worker, formatTime(s.nowIfZero(dl.FailedAt))}
	err := s.db.Write(ctx, func(tx Querier) error {
		return s.d.Insert(ctx, tx, Insert{Table: "dead_letters", Columns: deadLetterColumns, Rows: [][]any{row}, Conflict: upsert("id", deadLetterColumns)})
	})
	if err != nil {
		return s.errorf("dead letter %s: %w", dl.ID, err)
	}
	return nil
}

// DeadLetters returns one page of dead letters, newest first, and their
// number.
func (s *Store) DeadLetters(ctx context.Context, dq egret.DeadLetterQuery) (egret.DeadLetterPage, error) {
	if err := dq.Validate(); err != nil {
		return egret.DeadLetterPage{}, err
	}
	page := egret.DeadLetterPage{DeadLetters: []egret.DeadLetter{}}
	if err := QueryRow(ctx, s.db, `SELECT count(*) FROM dead_letters`, nil, &page.Total); err != nil {
		return page, s.errorf("dead letters: %w", err)
	}
	q := NewQuery(s.d)
	where := ""
	if dq.Cursor != "" {
		at, id, ok := decodeTextCursor(dq.Cursor)
		if !ok {
			return page, egret.Errorf(egret.EINVALID, "cursor: %q is not a cursor from next_cursor", dq.Cursor)
		}
		where = ` WHERE failed_at < ` + q.Arg(at) + ` OR (failed_at = ` + q.Arg(at) + ` AND id < ` + q.Arg(id) + `)`
	}
	rows, err := s.db.Query(ctx, `SELECT `+strings.Join(deadLetterColumns, ", ")+` FROM dead_letters`+where+
		` ORDER BY failed_at DESC, id DESC LIMIT `+q.Arg(dq.Limit+1), q.Args()...)
	if err != nil {
		return page, s.errorf("dead letters: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var dl egret.DeadLetter
		var seq int64
		var at string
		if err := rows.Scan(&dl.ID, &dl.DocID, &dl.Subject, &dl.Stream, &seq, &dl.Deliveries, &dl.Error, &dl.Excerpt, &dl.Worker, &at); err != nil {
			return page, s.errorf("dead letters: %w", err)
		}
		dl.Seq, dl.FailedAt = uint64(seq), parseTime(at)
		page.DeadLetters = append(page.DeadLetters, dl)
	}
	if err := rows.Err(); err != nil {
		return page, s.errorf("dead letters: %w", err)
	}
	if len(page.DeadLetters) > dq.Limit {
		page.DeadLetters = page.DeadLetters[:dq.Limit]
		last := page.DeadLetters[dq.Limit-1]
		page.NextCursor = encodeTextCursor(formatTime(last.FailedAt), last.ID)
	}
	return page, nil
}

// encodeTextCursor is the opaque cursor after the row keyed (at, id).
func encodeTextCursor(at, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at + "\x00" + id))
}

func decodeTextCursor(c string) (at, id string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", "", false
	}
	return strings.Cut(string(b), "\x00")
}

// nowIfZero is t, or the store's clock when t is unset.
func (s *Store) nowIfZero(t time.Time) time.Time {
	if t.IsZero() {
		return s.now()
	}
	return t
}
