package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/egret-events/egret"
)

// eventOrder is the order pages and exports come in: newest first.
const eventOrder = ` ORDER BY e.date DESC, e.id DESC`

// Events returns one page of events matching f, by (date, id) descending.
func (s *Store) Events(ctx context.Context, f egret.EventFilter) (egret.EventPage, error) {
	if err := f.Validate(); err != nil {
		return egret.EventPage{}, err
	}
	q := NewQuery(s.d)
	var sql string
	if f.Query != "" {
		var err error
		if sql, err = s.d.TextPage(ctx, s.db, q, f, egret.FTSTerms(f.Query)); err != nil {
			return egret.EventPage{}, err
		}
	} else {
		conds, err := q.Filter(&f, true)
		if err != nil {
			return egret.EventPage{}, err
		}
		sql = `SELECT e.id, e.body FROM events e` + Where(conds) + eventOrder
	}
	rows, err := s.db.Query(ctx, sql+` LIMIT `+q.Arg(f.Limit+1), q.Args()...)
	if err != nil {
		return egret.EventPage{}, s.errorf("events: %w", err)
	}
	page := egret.EventPage{}
	if page.Events, err = s.scanEvents(rows); err != nil {
		return egret.EventPage{}, s.errorf("events: %w", err)
	}
	if len(page.Events) > f.Limit {
		page.Events = page.Events[:f.Limit]
		last := page.Events[f.Limit-1]
		page.NextCursor = EncodeCursor(last.Date, last.ID)
	}
	return page, nil
}

// PageSQL is the plain statement for a page of events matching f: the
// filter's conditions plus extra ones, newest first from the cursor.
func PageSQL(q *Query, f *egret.EventFilter, extra ...string) (string, error) {
	conds, err := q.Filter(f, true)
	if err != nil {
		return "", err
	}
	return `SELECT e.id, e.body FROM events e` + Where(append(conds, extra...)) + eventOrder, nil
}

// scanEvents reads and closes a result of (id, body) rows.
func (s *Store) scanEvents(rows Rows) ([]egret.StoredEvent, error) {
	defer rows.Close()
	evs := []egret.StoredEvent{}
	for rows.Next() {
		var se egret.StoredEvent
		if err := s.scanEvent(rows, &se); err != nil {
			return nil, err
		}
		evs = append(evs, se)
	}
	return evs, rows.Err()
}

// scanEvent reads an (id, body) row; callers name the query in errors.
func (s *Store) scanEvent(rows Rows, se *egret.StoredEvent) error {
	var body string
	if err := rows.Scan(&se.ID, &body); err != nil {
		return fmt.Errorf("scan event: %w", err)
	}
	if err := json.Unmarshal([]byte(body), &se.Event); err != nil {
		return fmt.Errorf("event %d: corrupt body: %w", se.ID, err)
	}
	return nil
}

// EachEvent streams every event matching f to fn, newest first.
func (s *Store) EachEvent(ctx context.Context, f egret.EventFilter, fn func(*egret.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	q := NewQuery(s.d)
	conds, err := q.Filter(&f, false)
	if err != nil {
		return err
	}
	rows, err := s.db.Query(ctx, `SELECT e.id, e.body FROM events e`+Where(conds)+eventOrder, q.Args()...)
	if err != nil {
		return s.errorf("export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var se egret.StoredEvent
		if err := s.scanEvent(rows, &se); err != nil {
			return s.errorf("export: %w", err)
		}
		if err := fn(&se); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.errorf("export: %w", err)
	}
	return nil
}
