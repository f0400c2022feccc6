package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/egret-events/egret"
)

// writePlan is everything one PutDocuments call changes, computed in Go
// from the documents and the events they replace, so the database sees a
// few multi-row statements per table instead of one per row.
type writePlan struct {
	docs     [][]any
	replaced []any // ids of documents whose old events go
	oldText  []TextRow
	events   [][]any
	newText  []TextRow
	rollups  Rollups
	actors   map[string][2]int64 // code → (as source, as target) change
}

func (p *writePlan) count(source, target string, sign int64) {
	c := p.actors[source]
	c[0] += sign
	p.actors[source] = c
	c = p.actors[target]
	c[1] += sign
	p.actors[target] = c
}

// PutDocuments stores the documents and replaces their events in one
// transaction. Only the last copy of a document in the batch counts, as
// if the copies were stored one after the other; a copy whose Revision is
// below the stored one's (or an earlier copy's) is skipped, the newer
// version staying whole. Documents that fail
// CodedDocument.Validate are skipped and reported in an
// *egret.BatchError; the others are stored.
func (s *Store) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	if len(docs) == 0 {
		return nil
	}
	var bad *egret.BatchError
	last := map[string]int{}
	var ids []any
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			if bad == nil {
				bad = &egret.BatchError{Total: len(docs)}
			}
			bad.Skipped = append(bad.Skipped, egret.RecordError{Index: i, ID: docs[i].Document.ID, Err: err})
			continue
		}
		id := docs[i].Document.ID
		j, seen := last[id]
		if !seen {
			ids = append(ids, id)
		} else if docs[j].Revision > docs[i].Revision && docs[i].Revision != 0 {
			continue // an older version after a newer one: the newer stays
		}
		last[id] = i
	}
	if err := s.put(ctx, docs, ids, last); err != nil {
		return err
	}
	if bad != nil {
		return bad
	}
	return nil
}

// put writes the last copies of the documents ids names.
func (s *Store) put(ctx context.Context, docs []egret.CodedDocument, ids []any, last map[string]int) error {
	if len(ids) == 0 {
		return nil
	}
	return s.db.Write(ctx, func(tx Querier) error {
		// Versions are read under the write lock, so no writer stores a
		// newer one between this check and the commit.
		stored, err := s.versions(ctx, tx, ids)
		if err != nil {
			return err
		}
		kept := ids[:0:0]
		for _, id := range ids {
			c := &docs[last[id.(string)]]
			if v, ok := stored[id.(string)]; ok && c.Revision != 0 && v.Revision > c.Revision {
				continue
			}
			kept = append(kept, id)
		}
		ids = kept
		if len(ids) == 0 {
			return nil
		}
		p := &writePlan{rollups: Rollups{}, actors: map[string][2]int64{}}
		if err := s.planReplaced(ctx, tx, p, ids); err != nil {
			return err
		}
		n := 0
		for _, id := range ids {
			n += len(docs[last[id.(string)]].Events)
		}
		var next int64
		if n > 0 {
			var err error
			if next, err = s.d.ReserveIDs(ctx, tx, n); err != nil {
				return s.errorf("event ids: %w", err)
			}
		}
		now := s.now().UTC().Format(time.RFC3339Nano)
		for _, id := range ids {
			c := &docs[last[id.(string)]]
			if err := s.planDocument(p, c, now, &next); err != nil {
				return err
			}
		}
		return s.apply(ctx, tx, p)
	})
}

// planReplaced takes the events the documents had out of the rollups,
// actor counts and text index; the write transaction keeps them still.
func (s *Store) planReplaced(ctx context.Context, tx Querier, p *writePlan, ids []any) error {
	seen := map[string]bool{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		q := NewQuery(s.d)
		rows, err := tx.Query(ctx, `SELECT doc_id, id, date, src3, tgt3, plover, quad_class, goldstein, source, target FROM events WHERE doc_id IN `+q.In(chunk), q.Args()...)
		if err != nil {
			return s.errorf("read replaced events: %w", err)
		}
		for rows.Next() {
			var doc, day, s3, t3, pl, src, tgt string
			var id int64
			var quad int
			var g float64
			if err := rows.Scan(&doc, &id, &day, &s3, &t3, &pl, &quad, &g, &src, &tgt); err != nil {
				rows.Close()
				return s.errorf("read replaced events: %w", err)
			}
			p.rollups.Add(day, s3, t3, pl, quad, g, -1)
			p.count(src, tgt, -1)
			p.oldText = append(p.oldText, TextRow{ID: id, Day: day})
			if !seen[doc] {
				seen[doc] = true
				p.replaced = append(p.replaced, doc)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s.errorf("read replaced events: %w", err)
		}
	}
	return nil
}

// planDocument adds a document and its events, numbered from *next.
func (s *Store) planDocument(p *writePlan, c *egret.CodedDocument, now string, next *int64) error {
	d := &c.Document
	date := ""
	if !d.Date.IsZero() {
		date = d.Date.UTC().Format(time.RFC3339)
	}
	p.docs = append(p.docs, []any{d.ID, d.Title, d.Text, date, d.Source, d.URL, d.Author, now, egret.ContentHash(d), c.Revision})
	sentence := s.d.SentenceColumn() != ""
	for seq := range c.Events {
		ev := c.Events[seq]
		ev.DocID = d.ID
		ev.Date = egret.EventDate(d, &ev)
		body, err := json.Marshal(&ev)
		if err != nil {
			return s.errorf("event %d of %q: %w", seq, d.ID, err)
		}
		var lat, lon *float64
		if ev.Location != nil {
			lat, lon = &ev.Location.Lat, &ev.Location.Lon
		}
		s3, t3 := ActorCountry(ev.Source), ActorCountry(ev.Target)
		id := *next
		*next++
		row := []any{id, d.ID, seq, ev.Date, ev.Source, ev.Target, s3, t3, ev.CAMEO, ev.PLOVER, ev.QuadClass, ev.Goldstein, lat, lon, string(body)}
		if sentence {
			row = append(row, ev.Text)
		}
		p.events = append(p.events, row)
		p.newText = append(p.newText, TextRow{ID: id, Day: ev.Date, Text: ev.Text})
		p.rollups.Add(ev.Date, s3, t3, ev.PLOVER, ev.QuadClass, ev.Goldstein, 1)
		p.count(ev.Source, ev.Target, 1)
	}
	return nil
}

// apply writes a plan. Replaced events go before the new ones take their
// (doc_id, seq); documents go first, as events refer to them.
func (s *Store) apply(ctx context.Context, tx Querier, p *writePlan) error {
	err := s.d.Insert(ctx, tx, Insert{Table: "documents", Columns: documentColumns, Rows: p.docs,
		Conflict: ` ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, date = excluded.date, source = excluded.source, url = excluded.url, author = excluded.author, ingested_at = excluded.ingested_at, content_hash = excluded.content_hash, revision = excluded.revision`})
	if err != nil {
		return s.errorf("documents: %w", err)
	}
	if err := s.d.IndexText(ctx, tx, p.oldText, -1); err != nil {
		return s.errorf("replace full-text rows: %w", err)
	}
	if err := DeleteIn(ctx, tx, s.d, `DELETE FROM events WHERE doc_id IN `, p.replaced); err != nil {
		return s.errorf("replace events: %w", err)
	}
	cols := eventColumns
	if c := s.d.SentenceColumn(); c != "" {
		cols = append(cols[:len(cols):len(cols)], c)
	}
	if err := s.d.Insert(ctx, tx, Insert{Table: "events", Columns: cols, Rows: p.events}); err != nil {
		return s.errorf("events: %w", err)
	}
	if err := s.d.IndexText(ctx, tx, p.newText, 1); err != nil {
		return s.errorf("full-text index: %w", err)
	}
	var agg [][]any
	for k, v := range p.rollups {
		if v.N != 0 || v.G != 0 {
			agg = append(agg, []any{k.Grain, k.Src3, k.Tgt3, k.Period, k.PLOVER, k.QuadClass, v.N, v.G})
		}
	}
	err = s.d.Insert(ctx, tx, Insert{Table: "agg AS t", Columns: []string{"grain", "src3", "tgt3", "period", "plover", "quad_class", "n", "goldstein"}, Rows: agg,
		Conflict: ` ON CONFLICT (grain, src3, tgt3, period, plover, quad_class) DO UPDATE SET n = t.n + excluded.n, goldstein = t.goldstein + excluded.goldstein`})
	if err != nil {
		return s.errorf("rollups: %w", err)
	}
	var actors [][]any
	for code, c := range p.actors {
		if c != [2]int64{} {
			actors = append(actors, []any{code, c[0], c[1]})
		}
	}
	err = s.d.Insert(ctx, tx, Insert{Table: "actors AS t", Columns: []string{"code", "as_source", "as_target"}, Rows: actors,
		Conflict: ` ON CONFLICT (code) DO UPDATE SET as_source = t.as_source + excluded.as_source, as_target = t.as_target + excluded.as_target`})
	if err != nil {
		return s.errorf("actor counts: %w", err)
	}
	return nil
}

var (
	documentColumns = []string{"id", "title", "body", "date", "source", "url", "author", "ingested_at", "content_hash", "revision"}
	eventColumns    = []string{"id", "doc_id", "seq", "date", "source", "target", "src3", "tgt3", "cameo", "plover", "quad_class", "goldstein", "lat", "lon", "body"}
)

// DocumentVersions returns the stored versions of the documents ids names.
func (s *Store) DocumentVersions(ctx context.Context, ids []string) (map[string]egret.DocumentVersion, error) {
	vs := make([]any, len(ids))
	for i, id := range ids {
		vs[i] = id
	}
	return s.versions(ctx, s.db, vs)
}

// RaiseRevisions raises the revisions of stored documents whose content
// is that of vs (a republished copy), under the write lock.
func (s *Store) RaiseRevisions(ctx context.Context, vs map[string]egret.DocumentVersion) (map[string]bool, error) {
	raised := map[string]bool{}
	if len(vs) == 0 {
		return raised, nil
	}
	ids := make([]any, 0, len(vs))
	for id := range vs {
		ids = append(ids, id)
	}
	err := s.db.Write(ctx, func(tx Querier) error {
		stored, err := s.versions(ctx, tx, ids)
		if err != nil {
			return err
		}
		for id, v := range vs {
			cur, ok := stored[id]
			if !ok || cur.Hash != v.Hash {
				continue
			}
			raised[id] = true
			if cur.Revision >= v.Revision {
				continue
			}
			q := NewQuery(s.d)
			if err := tx.Exec(ctx, `UPDATE documents SET revision = `+q.Arg(v.Revision)+` WHERE id = `+q.Arg(id), q.Args()...); err != nil {
				return s.errorf("raise revision of %q: %w", id, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return raised, nil
}

// versions reads the content hash and revision of documents, 500 at a time.
func (s *Store) versions(ctx context.Context, q Querier, ids []any) (map[string]egret.DocumentVersion, error) {
	out := make(map[string]egret.DocumentVersion, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		qb := NewQuery(s.d)
		rows, err := q.Query(ctx, `SELECT id, content_hash, revision FROM documents WHERE id IN `+qb.In(chunk), qb.Args()...)
		if err != nil {
			return nil, s.errorf("document versions: %w", err)
		}
		for rows.Next() {
			var id string
			var v egret.DocumentVersion
			if err := rows.Scan(&id, &v.Hash, &v.Revision); err != nil {
				rows.Close()
				return nil, s.errorf("document versions: %w", err)
			}
			out[id] = v
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.errorf("document versions: %w", err)
		}
	}
	return out, nil
}

// InsertValues writes ins as INSERT ... VALUES (...), (...) statements,
// as many rows a statement as the dialect's bind parameter limit allows.
func InsertValues(ctx context.Context, tx Querier, d Dialect, ins Insert) error {
	if len(ins.Rows) == 0 {
		return nil
	}
	head := "INSERT INTO " + ins.Table + " (" + strings.Join(ins.Columns, ", ") + ") VALUES "
	rows := ins.Rows
	chunk := max(1, d.MaxArgs()/len(ins.Columns))
	for len(rows) > 0 {
		n := min(chunk, len(rows))
		q := NewQuery(d)
		var b strings.Builder
		b.WriteString(head)
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(q.In(r))
		}
		b.WriteString(ins.Conflict)
		if err := tx.Exec(ctx, b.String(), q.Args()...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// DeleteIn runs head (v1, v2, ...) over values, 500 at a time.
func DeleteIn(ctx context.Context, tx Querier, d Dialect, head string, values []any) error {
	for len(values) > 0 {
		n := min(500, len(values))
		q := NewQuery(d)
		if err := tx.Exec(ctx, head+q.In(values[:n]), q.Args()...); err != nil {
			return err
		}
		values = values[n:]
	}
	return nil
}

// Document returns one document and a page of its events in coding
// order, read by (doc_id, seq), which the events' unique key indexes.
func (s *Store) Document(ctx context.Context, dq egret.DocumentQuery) (egret.DocumentPage, error) {
	if err := dq.Validate(); err != nil {
		return egret.DocumentPage{}, err
	}
	fail := func(err error) (egret.DocumentPage, error) {
		return egret.DocumentPage{}, s.errorf("document %q: %w", dq.ID, err)
	}
	var d egret.Document
	var date string
	q := NewQuery(s.d)
	err := QueryRow(ctx, s.db, `SELECT id, title, body, date, source, url, author FROM documents WHERE id = `+q.Arg(dq.ID), q.Args(),
		&d.ID, &d.Title, &d.Text, &date, &d.Source, &d.URL, &d.Author)
	if errors.Is(err, ErrNoRows) {
		return egret.DocumentPage{}, egret.Errorf(egret.ENOTFOUND, "document %q not found", dq.ID)
	}
	if err != nil {
		return fail(err)
	}
	if date != "" {
		d.Date, _ = time.Parse(time.RFC3339, date)
	}
	page := egret.DocumentPage{Document: &d}
	q = NewQuery(s.d)
	if err := QueryRow(ctx, s.db, `SELECT count(*) FROM events WHERE doc_id = `+q.Arg(dq.ID), q.Args(), &page.Total); err != nil {
		return fail(err)
	}
	var from int64 // first seq of the page
	switch {
	case dq.Event != 0:
		q = NewQuery(s.d)
		err := QueryRow(ctx, s.db, `SELECT seq FROM events WHERE doc_id = `+q.Arg(dq.ID)+` AND id = `+q.Arg(dq.Event), q.Args(), &from)
		if errors.Is(err, ErrNoRows) {
			return egret.DocumentPage{}, egret.Errorf(egret.ENOTFOUND, "event %d is not in document %q", dq.Event, dq.ID)
		}
		if err != nil {
			return fail(err)
		}
		from -= from % int64(dq.Limit)
	case dq.Cursor != "":
		day, seq, err := DecodeCursor(dq.Cursor)
		if err != nil || day != "" || seq < 0 {
			return egret.DocumentPage{}, egret.Errorf(egret.EINVALID, "cursor: %q is not a cursor from next_cursor", dq.Cursor)
		}
		from = seq
	}
	q = NewQuery(s.d)
	rows, err := s.db.Query(ctx, `SELECT id, body FROM events WHERE doc_id = `+q.Arg(dq.ID)+` AND seq >= `+q.Arg(from)+` ORDER BY seq LIMIT `+q.Arg(dq.Limit+1), q.Args()...)
	if err != nil {
		return fail(err)
	}
	if page.Events, err = s.scanEvents(rows); err != nil {
		return fail(err)
	}
	if len(page.Events) > dq.Limit {
		page.Events = page.Events[:dq.Limit]
		page.NextCursor = EncodeCursor("", from+int64(dq.Limit))
	}
	return page, nil
}
