package sqlite

import (
	"context"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/sqlstore"
)

// SQLite's full-text index is the FTS5 table events_fts, kept apart from
// events and keyed by ftsKey.

func (dialect) SentenceColumn() string { return "" }

// ftsKey is an event's rowid in events_fts: its day number in the high
// bits and its id in the low 32, so full-text matches come out of the
// index already in the (date, id) order pages are in, and a page of a
// common word reads a page's worth of matches instead of all of them.
func ftsKey(day string, id int64) int64 {
	var n int64
	if t, err := time.Parse("2006-01-02", day); err == nil {
		n = (t.Unix()-ftsEpoch)/86400 + 1 // 0 is undated
	}
	return n<<32 | id&0xffffffff
}

var ftsEpoch = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

func (d dialect) IndexText(ctx context.Context, tx sqlstore.Querier, evs []sqlstore.TextRow, sign int) error {
	if sign < 0 {
		keys := make([]any, len(evs))
		for i, e := range evs {
			keys[i] = ftsKey(e.Day, e.ID)
		}
		return sqlstore.DeleteIn(ctx, tx, d, `DELETE FROM events_fts WHERE rowid IN `, keys)
	}
	rows := make([][]any, len(evs))
	for i, e := range evs {
		rows[i] = []any{ftsKey(e.Day, e.ID), e.Text}
	}
	return d.Insert(ctx, tx, sqlstore.Insert{Table: "events_fts", Columns: []string{"rowid", "sentence"}, Rows: rows})
}

// ftsMatch quotes each word so FTS5 syntax in a query is searched for, not obeyed.
func ftsMatch(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = `"` + t + `"`
	}
	return strings.Join(q, " AND ")
}

func (dialect) TextCond(q *sqlstore.Query, terms []string) string {
	return "e.id IN (SELECT rowid & 4294967295 FROM events_fts WHERE events_fts MATCH " + q.Arg(ftsMatch(terms)) + ")"
}

// TextPage walks the full-text index newest first (its keys are in page
// order) and stops at the page end.
func (dialect) TextPage(ctx context.Context, db sqlstore.Querier, q *sqlstore.Query, f egret.EventFilter, terms []string) (string, error) {
	conds := []string{"events_fts MATCH " + q.Arg(ftsMatch(terms))}
	if f.Cursor != "" {
		day, id, err := sqlstore.DecodeCursor(f.Cursor)
		if err != nil {
			return "", err
		}
		conds = append(conds, "f.rowid < "+q.Arg(ftsKey(day, id)))
	}
	if f.From != "" {
		conds = append(conds, "f.rowid >= "+q.Arg(ftsKey(f.From, 0)))
	}
	if f.To != "" {
		conds = append(conds, "f.rowid < "+q.Arg(ftsKey(f.To, 0)+1<<32))
	}
	rest := f
	rest.Query, rest.Cursor = "", ""
	more, err := q.Filter(&rest, false)
	if err != nil {
		return "", err
	}
	return `SELECT e.id, e.body FROM events_fts f CROSS JOIN events e ON e.id = (f.rowid & 4294967295)` +
		sqlstore.Where(append(conds, more...)) + ` ORDER BY f.rowid DESC`, nil
}
