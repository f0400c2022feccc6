// Package sqlite implements egret.Store in an embedded SQLite file (pure Go, WAL, FTS5).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/egret-events/egret"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an egret.Store in one SQLite file. Writes go through a single
// connection (SQLite has one writer anyway) so they queue in Go instead of
// failing with SQLITE_BUSY; reads use a pool.
type Store struct {
	w, r *sql.DB
	now  func() time.Time
}

var _ egret.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithClock sets the clock used for ingested_at.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open opens (creating if needed) the SQLite database at path and applies
// pending migrations.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" {
		return nil, egret.Errorf(egret.EINVALID, "sqlite: empty database path")
	}
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	dsn := func(pragmas ...string) string {
		q := url.Values{}
		for _, p := range append([]string{"busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"}, pragmas...) {
			q.Add("_pragma", p)
		}
		return "file:" + path + "?" + q.Encode()
	}
	// A large page cache keeps big write transactions from spilling pages
	// to disk before commit; temp_store keeps statement journals in memory.
	w, err := sql.Open("sqlite", dsn("journal_mode(WAL)", "cache_size(-65536)", "temp_store(MEMORY)", "wal_autocheckpoint(8000)")+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn("query_only(1)", "cache_size(-32768)", "temp_store(MEMORY)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	s := &Store{w: w, r: r, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// migrate applies the embedded migrations not yet recorded in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a version number", base)
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, v).Scan(&n); err != nil {
			tx.Rollback()
			return err
		}
		if n > 0 {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, v, s.now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Close closes the database, checkpointing the WAL.
func (s *Store) Close() error {
	err := s.r.Close()
	if e := s.w.Close(); err == nil {
		err = e
	}
	return err
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.r.PingContext(ctx) }

// Optimize refreshes the query planner's statistics; call it after a large load.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, `ANALYZE`)
	return err
}

// PutDocuments stores the documents and replaces their events in one transaction.
func (s *Store) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	if len(docs) == 0 {
		return nil
	}
	for i := range docs {
		if docs[i].Document.ID == "" {
			return egret.Errorf(egret.EINVALID, "document %d: missing id", i+1)
		}
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	stmts := []string{
		/*0*/ `INSERT INTO documents(id, title, body, date, source, url, author, ingested_at) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET title=excluded.title, body=excluded.body, date=excluded.date, source=excluded.source, url=excluded.url, author=excluded.author, ingested_at=excluded.ingested_at`,
		/*1*/ `SELECT id, date, src3, tgt3, plover, quad_class, goldstein, source, target FROM events WHERE doc_id = ?`,
	}
	ps := make([]*sql.Stmt, len(stmts))
	for i, q := range stmts {
		if ps[i], err = tx.PrepareContext(ctx, q); err != nil {
			return fmt.Errorf("sqlite: prepare: %w", err)
		}
		defer ps[i].Close()
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	rollups := egret.Rollups{}
	actors := map[string][2]int64{}
	count := func(source, target string, sign int64) {
		c := actors[source]
		c[0] += sign
		actors[source] = c
		c = actors[target]
		c[1] += sign
		actors[target] = c
	}
	// Only the last copy of a document in the batch counts, as if the
	// copies were stored one after the other.
	last := map[string]int{}
	for i := range docs {
		last[docs[i].Document.ID] = i
	}
	// Event ids are assigned here so events and their full-text rows go in
	// multi-row statements; the write transaction excludes other writers.
	var nextID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&nextID); err != nil {
		return fmt.Errorf("sqlite: next event id: %w", err)
	}
	var evRows, ftsRows, oldFTS, oldDocs [][]any
	for i := range docs {
		d := &docs[i].Document
		if last[d.ID] != i {
			continue
		}
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.UTC().Format(time.RFC3339)
		}
		if _, err := ps[0].ExecContext(ctx, d.ID, d.Title, d.Text, date, d.Source, d.URL, d.Author, now); err != nil {
			return fmt.Errorf("sqlite: document %q: %w", d.ID, err)
		}
		// Take the replaced events out of the rollups before deleting them.
		rows, err := ps[1].QueryContext(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("sqlite: document %q: %w", d.ID, err)
		}
		had := false
		for rows.Next() {
			var id int64
			var day, s3, t3, pl, src, tgt string
			var quad int
			var g float64
			if err := rows.Scan(&id, &day, &s3, &t3, &pl, &quad, &g, &src, &tgt); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: document %q: %w", d.ID, err)
			}
			rollups.Add(day, s3, t3, pl, quad, g, -1)
			count(src, tgt, -1)
			oldFTS = append(oldFTS, []any{ftsKey(day, id)})
			had = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: document %q: %w", d.ID, err)
		}
		if had {
			oldDocs = append(oldDocs, []any{d.ID})
		}
		for seq := range docs[i].Events {
			ev := docs[i].Events[seq]
			ev.DocID = d.ID
			ev.Date = egret.EventDate(d, &ev)
			body, err := json.Marshal(&ev)
			if err != nil {
				return fmt.Errorf("sqlite: event %d of %q: %w", seq, d.ID, err)
			}
			var lat, lon any
			if ev.Location != nil {
				lat, lon = ev.Location.Lat, ev.Location.Lon
			}
			s3, t3 := egret.ActorCountry(ev.Source), egret.ActorCountry(ev.Target)
			nextID++
			evRows = append(evRows, []any{nextID, d.ID, seq, ev.Date, ev.Source, ev.Target, s3, t3, ev.CAMEO, ev.PLOVER, ev.QuadClass, ev.Goldstein, lat, lon, string(body)})
			ftsRows = append(ftsRows, []any{ftsKey(ev.Date, nextID), ev.Text})
			rollups.Add(ev.Date, s3, t3, ev.PLOVER, ev.QuadClass, ev.Goldstein, 1)
			count(ev.Source, ev.Target, 1)
		}
	}
	// Replaced events go before the new ones take their (doc_id, seq).
	if err := deleteIn(ctx, tx, `DELETE FROM events_fts WHERE rowid IN `, oldFTS); err != nil {
		return fmt.Errorf("sqlite: replace full-text rows: %w", err)
	}
	if err := deleteIn(ctx, tx, `DELETE FROM events WHERE doc_id IN `, oldDocs); err != nil {
		return fmt.Errorf("sqlite: replace events: %w", err)
	}
	if err := upsertRows(ctx, tx, `INSERT INTO events(id, doc_id, seq, date, source, target, src3, tgt3, cameo, plover, quad_class, goldstein, lat, lon, body) VALUES `, ``, 15, evRows); err != nil {
		return fmt.Errorf("sqlite: events: %w", err)
	}
	if err := upsertRows(ctx, tx, `INSERT INTO events_fts(rowid, sentence) VALUES `, ``, 2, ftsRows); err != nil {
		return fmt.Errorf("sqlite: full-text index: %w", err)
	}
	// Rollup and actor rows go in multi-row statements: one statement per
	// row would cost more than all the event inserts.
	var aggRows [][]any
	for k, v := range rollups {
		if v.N != 0 || v.G != 0 {
			aggRows = append(aggRows, []any{k.Grain, k.Src3, k.Tgt3, k.Period, k.PLOVER, k.QuadClass, v.N, v.G})
		}
	}
	if err := upsertRows(ctx, tx, `INSERT INTO agg(grain, src3, tgt3, period, plover, quad_class, n, goldstein) VALUES `,
		` ON CONFLICT DO UPDATE SET n = n + excluded.n, goldstein = goldstein + excluded.goldstein`, 8, aggRows); err != nil {
		return fmt.Errorf("sqlite: rollups: %w", err)
	}
	var actorRows [][]any
	for code, c := range actors {
		if c != [2]int64{} {
			actorRows = append(actorRows, []any{code, c[0], c[1]})
		}
	}
	if err := upsertRows(ctx, tx, `INSERT INTO actors(code, as_source, as_target) VALUES `,
		` ON CONFLICT DO UPDATE SET as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target`, 3, actorRows); err != nil {
		return fmt.Errorf("sqlite: actor counts: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// upsertRows runs head VALUES (...),(...) tail for rows of width columns,
// up to 2,000 values a statement.
func upsertRows(ctx context.Context, tx *sql.Tx, head, tail string, width int, rows [][]any) error {
	chunk := max(1, 2000/width)
	tuple := "(?" + strings.Repeat(",?", width-1) + ")"
	for len(rows) > 0 {
		n := min(chunk, len(rows))
		args := make([]any, 0, n*width)
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		q := head + tuple + strings.Repeat(","+tuple, n-1) + tail
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// deleteIn runs head (?,?,...) over one-value rows, 500 at a time.
func deleteIn(ctx context.Context, tx *sql.Tx, head string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(500, len(rows))
		args := make([]any, n)
		for i, r := range rows[:n] {
			args[i] = r[0]
		}
		if _, err := tx.ExecContext(ctx, head+"(?"+strings.Repeat(",?", n-1)+")", args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// where builds the WHERE clause of an event filter over table events e.
func where(f *egret.EventFilter, withCursor bool) (string, []any, error) {
	var conds []string
	var args []any
	actor := func(col3, col, v string) {
		if v == "" {
			return
		}
		if len(v) >= 3 {
			conds = append(conds, "e."+col3+" = ?")
			args = append(args, v[:3])
			if len(v) > 3 {
				conds = append(conds, "substr(e."+col+", 1, ?) = ?")
				args = append(args, len(v), v)
			}
			return
		}
		conds = append(conds, "e."+col3+" >= ? AND e."+col3+" < ?")
		args = append(args, v, v+"\U0010FFFF")
	}
	actor("src3", "source", f.Source)
	actor("tgt3", "target", f.Target)
	if f.CAMEO != "" {
		conds = append(conds, "e.cameo >= ? AND e.cameo < ?")
		args = append(args, f.CAMEO, f.CAMEO+"\U0010FFFF")
	}
	if f.PLOVER != "" {
		conds = append(conds, "e.plover = ?")
		args = append(args, strings.ToUpper(f.PLOVER))
	}
	if f.QuadClass != 0 {
		conds = append(conds, "e.quad_class = ?")
		args = append(args, f.QuadClass)
	}
	if f.From != "" {
		conds = append(conds, "e.date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, "e.date <= ?")
		args = append(args, f.To)
	}
	if f.DocID != "" {
		conds = append(conds, "e.doc_id = ?")
		args = append(args, f.DocID)
	}
	if f.Query != "" {
		terms := egret.FTSTerms(f.Query)
		if len(terms) == 0 {
			return "", nil, egret.Errorf(egret.EINVALID, "q: %q has no words to search for", f.Query)
		}
		conds = append(conds, "e.id IN (SELECT rowid & 4294967295 FROM events_fts WHERE events_fts MATCH ?)")
		args = append(args, ftsMatch(terms))
	}
	if withCursor && f.Cursor != "" {
		day, id, err := egret.DecodeCursor(f.Cursor)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "(e.date < ? OR (e.date = ? AND e.id < ?))")
		args = append(args, day, day, id)
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

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

// ftsMatch quotes each word so FTS5 syntax in a query is searched for, not obeyed.
func ftsMatch(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = `"` + t + `"`
	}
	return strings.Join(q, " AND ")
}

// Events returns one page of events matching f, by (date, id) descending.
func (s *Store) Events(ctx context.Context, f egret.EventFilter) (egret.EventPage, error) {
	if err := f.Validate(); err != nil {
		return egret.EventPage{}, err
	}
	var q string
	var args []any
	if f.Query != "" {
		// Walk the full-text index newest first and stop at the page end.
		terms := egret.FTSTerms(f.Query)
		if len(terms) == 0 {
			return egret.EventPage{}, egret.Errorf(egret.EINVALID, "q: %q has no words to search for", f.Query)
		}
		rest := f
		rest.Query, rest.Cursor = "", ""
		w, a, err := where(&rest, false)
		if err != nil {
			return egret.EventPage{}, err
		}
		conds := []string{"events_fts MATCH ?"}
		args = append(args, ftsMatch(terms))
		if f.Cursor != "" {
			day, id, err := egret.DecodeCursor(f.Cursor)
			if err != nil {
				return egret.EventPage{}, err
			}
			conds = append(conds, "f.rowid < ?")
			args = append(args, ftsKey(day, id))
		}
		if f.From != "" {
			conds = append(conds, "f.rowid >= ?")
			args = append(args, ftsKey(f.From, 0))
		}
		if f.To != "" {
			conds = append(conds, "f.rowid < ?")
			args = append(args, ftsKey(f.To, 0)+1<<32)
		}
		if w != "" {
			conds = append(conds, strings.TrimPrefix(w, " WHERE "))
			args = append(args, a...)
		}
		q = `SELECT e.id, e.body FROM events_fts f CROSS JOIN events e ON e.id = (f.rowid & 4294967295) WHERE ` +
			strings.Join(conds, " AND ") + ` ORDER BY f.rowid DESC LIMIT ?`
	} else {
		w, a, err := where(&f, true)
		if err != nil {
			return egret.EventPage{}, err
		}
		q, args = `SELECT e.id, e.body FROM events e`+w+` ORDER BY e.date DESC, e.id DESC LIMIT ?`, a
	}
	rows, err := s.r.QueryContext(ctx, q, append(args, f.Limit+1)...)
	if err != nil {
		return egret.EventPage{}, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	page := egret.EventPage{Events: []egret.StoredEvent{}}
	for rows.Next() {
		var se egret.StoredEvent
		if err := scanEvent(rows, &se); err != nil {
			return egret.EventPage{}, err
		}
		page.Events = append(page.Events, se)
	}
	if err := rows.Err(); err != nil {
		return egret.EventPage{}, fmt.Errorf("sqlite: events: %w", err)
	}
	if len(page.Events) > f.Limit {
		page.Events = page.Events[:f.Limit]
		last := page.Events[f.Limit-1]
		page.NextCursor = egret.EncodeCursor(last.Date, last.ID)
	}
	return page, nil
}

func scanEvent(rows *sql.Rows, se *egret.StoredEvent) error {
	var body string
	if err := rows.Scan(&se.ID, &body); err != nil {
		return fmt.Errorf("sqlite: scan event: %w", err)
	}
	if err := json.Unmarshal([]byte(body), &se.Event); err != nil {
		return fmt.Errorf("sqlite: event %d: corrupt body: %w", se.ID, err)
	}
	return nil
}

// EachEvent streams every event matching f to fn.
func (s *Store) EachEvent(ctx context.Context, f egret.EventFilter, fn func(*egret.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	w, args, err := where(&f, false)
	if err != nil {
		return err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.body FROM events e`+w+` ORDER BY e.date DESC, e.id DESC`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var se egret.StoredEvent
		if err := scanEvent(rows, &se); err != nil {
			return err
		}
		if err := fn(&se); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Series returns per-period counts. Filters on actor countries, type,
// quad class and dates read the rollup table; others group events.
func (s *Store) Series(ctx context.Context, q egret.SeriesQuery) ([]egret.SeriesPoint, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var sqlq string
	var args []any
	if egret.RollupAnswers(q) {
		sqlq, args = rollupSQL(q)
	} else {
		var err error
		if sqlq, args, err = eventSeriesSQL(q); err != nil {
			return nil, err
		}
	}
	rows, err := s.r.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	defer rows.Close()
	days := []egret.SeriesPoint{}
	for rows.Next() {
		var p egret.SeriesPoint
		var g sql.NullFloat64
		if err := rows.Scan(&p.Period, &p.Key, &p.Count, &g); err != nil {
			return nil, fmt.Errorf("sqlite: series: %w", err)
		}
		p.Goldstein = g.Float64
		days = append(days, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: series: %w", err)
	}
	return egret.BucketSeries(days, q.Interval), nil
}

func seriesKey(split string) string {
	switch split {
	case egret.SplitPLOVER:
		return "e.plover"
	case egret.SplitQuadClass:
		return "CAST(e.quad_class AS TEXT)"
	}
	return "''"
}

// rollupSQL reads whole periods and partial days from agg, one UNION ALL
// arm per direction and range so each arm is a primary-key range scan.
func rollupSQL(q egret.SeriesQuery) (string, []any) {
	f := q.Filter
	key := seriesKey(q.Split)
	plan := egret.PlanSeries(q.Interval, f.From, f.To)
	dirs := [][2]string{{f.Source, f.Target}}
	if q.Dyad && f.Source != f.Target {
		dirs = append(dirs, [2]string{f.Target, f.Source})
	}
	type part struct {
		grain    string
		from, to string
	}
	var parts []part
	if plan.Whole != nil {
		parts = append(parts, part{plan.Grain, plan.Whole.From, plan.Whole.To})
	}
	for _, d := range plan.Days {
		parts = append(parts, part{egret.GrainDay, d.From, d.To})
	}
	var arms []string
	var args []any
	for _, d := range dirs {
		for _, p := range parts {
			conds := []string{"e.grain = ?"}
			args = append(args, p.grain)
			for _, a := range []struct{ col, v string }{{"e.src3", d[0]}, {"e.tgt3", d[1]}} {
				switch {
				case a.v == "":
					conds = append(conds, a.col+" = ?")
					args = append(args, egret.AnyActor)
				case len(a.v) == 3:
					conds = append(conds, a.col+" = ?")
					args = append(args, a.v)
				default:
					conds = append(conds, a.col+" >= ? AND "+a.col+" < ?")
					args = append(args, a.v, a.v+"\U0010FFFF")
				}
			}
			if p.from != "" {
				conds = append(conds, "e.period >= ?")
				args = append(args, p.from)
			}
			if p.to != "" {
				conds = append(conds, "e.period <= ?")
				args = append(args, p.to)
			}
			if f.PLOVER != "" {
				conds = append(conds, "e.plover = ?")
				args = append(args, f.PLOVER)
			}
			if f.QuadClass != 0 {
				conds = append(conds, "e.quad_class = ?")
				args = append(args, f.QuadClass)
			}
			arms = append(arms, "SELECT e.period AS period, "+key+" AS k, e.n AS n, e.goldstein AS g FROM agg e WHERE "+strings.Join(conds, " AND "))
		}
	}
	// Rows are summed in Go (BucketSeries): cheaper than SQLite's sorter.
	return strings.Join(arms, " UNION ALL "), args
}

// eventSeriesSQL groups matching events by day.
func eventSeriesSQL(q egret.SeriesQuery) (string, []any, error) {
	f := q.Filter
	var cond string
	var args []any
	if q.Dyad {
		b := f
		b.Source, b.Target = f.Target, f.Source
		wa, aa, err := where(&f, false)
		if err != nil {
			return "", nil, err
		}
		wb, ab, _ := where(&b, false)
		cond = "((" + strings.TrimPrefix(wa, " WHERE ") + ") OR (" + strings.TrimPrefix(wb, " WHERE ") + ")) AND "
		args = append(aa, ab...)
	} else {
		w, a, err := where(&f, false)
		if err != nil {
			return "", nil, err
		}
		if w != "" {
			cond = strings.TrimPrefix(w, " WHERE ") + " AND "
		}
		args = a
	}
	return `SELECT e.date, ` + seriesKey(q.Split) + `, count(*), sum(e.goldstein) FROM events e WHERE ` + cond + `e.date <> '' GROUP BY 1, 2 ORDER BY 1, 2`, args, nil
}

// Actors returns actor codes by number of events, from the actors table.
func (s *Store) Actors(ctx context.Context, q egret.ActorQuery) ([]egret.ActorCount, error) {
	if q.Limit <= 0 || q.Limit > 10000 {
		q.Limit = 100
	}
	order := "as_source + as_target"
	cond := "code <> '' AND as_source + as_target > 0"
	switch q.Role {
	case "":
	case "source":
		order, cond = "as_source", cond+" AND as_source > 0"
	case "target":
		order, cond = "as_target", cond+" AND as_target > 0"
	default:
		return nil, egret.Errorf(egret.EINVALID, "role: %q is not source or target", q.Role)
	}
	var args []any
	if q.Prefix != "" {
		cond += " AND code >= ? AND code < ?"
		args = append(args, q.Prefix, q.Prefix+"\U0010FFFF")
	}
	rows, err := s.r.QueryContext(ctx, `SELECT code, as_source, as_target FROM actors WHERE `+cond+` ORDER BY `+order+` DESC, code LIMIT ?`, append(args, q.Limit)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer rows.Close()
	out := []egret.ActorCount{}
	for rows.Next() {
		var a egret.ActorCount
		if err := rows.Scan(&a.Code, &a.AsSource, &a.AsTarget); err != nil {
			return nil, fmt.Errorf("sqlite: actors: %w", err)
		}
		a.Total = a.AsSource + a.AsTarget
		out = append(out, a)
	}
	return out, rows.Err()
}

// Document returns one document and its events in coding order.
func (s *Store) Document(ctx context.Context, id string) (*egret.Document, []egret.StoredEvent, error) {
	var d egret.Document
	var date string
	err := s.r.QueryRowContext(ctx, `SELECT id, title, body, date, source, url, author FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.Title, &d.Text, &date, &d.Source, &d.URL, &d.Author)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, egret.Errorf(egret.ENOTFOUND, "document %q not found", id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: document %q: %w", id, err)
	}
	if date != "" {
		d.Date, _ = time.Parse(time.RFC3339, date)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, body FROM events WHERE doc_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: document %q: %w", id, err)
	}
	defer rows.Close()
	evs := []egret.StoredEvent{}
	for rows.Next() {
		var se egret.StoredEvent
		if err := scanEvent(rows, &se); err != nil {
			return nil, nil, err
		}
		evs = append(evs, se)
	}
	return &d, evs, rows.Err()
}

// Stats returns the number of documents and events.
func (s *Store) Stats(ctx context.Context) (egret.StoreStats, error) {
	var st egret.StoreStats
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(n), 0) FROM agg WHERE grain = 'a')`).Scan(&st.Documents, &st.Events)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
