// Package postgres implements egret.Store in PostgreSQL for multi-user and multi-process deployments.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// writeLock is the advisory lock key serialising writers, so concurrent
// replacements of the same documents and aggregate rows never deadlock.
const writeLock = 0x65677265 // "egre"

// Store is an egret.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

var _ egret.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithClock sets the clock used for ingested_at.
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// IsDSN reports whether s names a PostgreSQL database rather than a file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn and applies pending migrations.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "postgres: bad DSN: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{pool: pool, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	// Several processes may start at once: migrate under a lock.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, writeLock+1); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, writeLock+1)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
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
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, v).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		body, _ := migrations.ReadFile(name)
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			tx.Rollback(ctx)
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES ($1, $2)`, v, s.now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback(ctx)
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// Close closes the connection pool.
func (s *Store) Close() error { s.pool.Close(); return nil }

// Ping checks the server answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Optimize refreshes the planner's statistics; call it after a large load.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `ANALYZE`)
	return err
}

type aggKey struct {
	src3, tgt3, date, plover string
	quad                     int
}

// PutDocuments stores the documents and replaces their events in one
// transaction, sent to the server as one pipelined batch.
func (s *Store) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	if len(docs) == 0 {
		return nil
	}
	for i := range docs {
		if docs[i].Document.ID == "" {
			return egret.Errorf(egret.EINVALID, "document %d: missing id", i+1)
		}
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	b := &pgx.Batch{}
	b.Queue(`SELECT pg_advisory_xact_lock($1)`, writeLock)
	for i := range docs {
		d := &docs[i].Document
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.UTC().Format(time.RFC3339)
		}
		b.Queue(`INSERT INTO documents(id, title, body, date, source, url, author, ingested_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
			ON CONFLICT(id) DO UPDATE SET title=excluded.title, body=excluded.body, date=excluded.date, source=excluded.source, url=excluded.url, author=excluded.author, ingested_at=excluded.ingested_at`,
			d.ID, d.Title, d.Text, date, d.Source, d.URL, d.Author, now)
		b.Queue(`INSERT INTO daily AS t (src3, tgt3, date, plover, quad_class, n, goldstein)
			SELECT src3, tgt3, date, plover, quad_class, -count(*), -sum(goldstein) FROM events WHERE doc_id = $1 GROUP BY 1,2,3,4,5
			ON CONFLICT (src3, tgt3, date, plover, quad_class) DO UPDATE SET n = t.n + excluded.n, goldstein = t.goldstein + excluded.goldstein`, d.ID)
		b.Queue(`INSERT INTO actors AS t (code, as_source, as_target)
			SELECT code, sum(s), sum(tt) FROM (SELECT source AS code, -1 AS s, 0 AS tt FROM events WHERE doc_id = $1 UNION ALL SELECT target, 0, -1 FROM events WHERE doc_id = $1) x GROUP BY code
			ON CONFLICT (code) DO UPDATE SET as_source = t.as_source + excluded.as_source, as_target = t.as_target + excluded.as_target`, d.ID)
		b.Queue(`DELETE FROM events WHERE doc_id = $1`, d.ID)
		daily := map[aggKey][2]float64{}
		actors := map[string][2]int64{}
		for seq := range docs[i].Events {
			ev := docs[i].Events[seq]
			ev.DocID = d.ID
			ev.Date = egret.EventDate(d, &ev)
			body, err := json.Marshal(&ev)
			if err != nil {
				return fmt.Errorf("postgres: event %d of %q: %w", seq, d.ID, err)
			}
			var lat, lon *float64
			if ev.Location != nil {
				lat, lon = &ev.Location.Lat, &ev.Location.Lon
			}
			s3, t3 := egret.ActorCountry(ev.Source), egret.ActorCountry(ev.Target)
			b.Queue(`INSERT INTO events(doc_id, seq, date, source, target, src3, tgt3, cameo, plover, quad_class, goldstein, lat, lon, sentence, body)
				VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
				d.ID, seq, ev.Date, ev.Source, ev.Target, s3, t3, ev.CAMEO, ev.PLOVER, ev.QuadClass, ev.Goldstein, lat, lon, ev.Text, string(body))
			k := aggKey{s3, t3, ev.Date, ev.PLOVER, ev.QuadClass}
			a := daily[k]
			a[0]++
			a[1] += ev.Goldstein
			daily[k] = a
			c := actors[ev.Source]
			c[0]++
			actors[ev.Source] = c
			c = actors[ev.Target]
			c[1]++
			actors[ev.Target] = c
		}
		for k, a := range daily {
			b.Queue(`INSERT INTO daily AS t (src3, tgt3, date, plover, quad_class, n, goldstein) VALUES ($1,$2,$3,$4,$5,$6,$7)
				ON CONFLICT (src3, tgt3, date, plover, quad_class) DO UPDATE SET n = t.n + excluded.n, goldstein = t.goldstein + excluded.goldstein`,
				k.src3, k.tgt3, k.date, k.plover, k.quad, int64(a[0]), a[1])
		}
		for code, c := range actors {
			b.Queue(`INSERT INTO actors AS t (code, as_source, as_target) VALUES ($1,$2,$3)
				ON CONFLICT (code) DO UPDATE SET as_source = t.as_source + excluded.as_source, as_target = t.as_target + excluded.as_target`, code, c[0], c[1])
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.Background())
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("postgres: store %d documents: %w", len(docs), err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// query accumulates SQL conditions with numbered placeholders.
type query struct {
	conds []string
	args  []any
}

func (q *query) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// where adds the conditions of an event filter over table alias e.
func (q *query) where(f *egret.EventFilter, withCursor bool) (string, error) {
	var conds []string
	actor := func(col3, col, v string) {
		if v == "" {
			return
		}
		if len(v) >= 3 {
			conds = append(conds, "e."+col3+" = "+q.arg(v[:3]))
			if len(v) > 3 {
				conds = append(conds, "left(e."+col+", "+q.arg(len(v))+") = "+q.arg(v))
			}
			return
		}
		conds = append(conds, "e."+col3+" >= "+q.arg(v)+" AND e."+col3+" < "+q.arg(v+"\U0010FFFF"))
	}
	actor("src3", "source", f.Source)
	actor("tgt3", "target", f.Target)
	if f.CAMEO != "" {
		conds = append(conds, "e.cameo >= "+q.arg(f.CAMEO)+" AND e.cameo < "+q.arg(f.CAMEO+"\U0010FFFF"))
	}
	if f.PLOVER != "" {
		conds = append(conds, "e.plover = "+q.arg(strings.ToUpper(f.PLOVER)))
	}
	if f.QuadClass != 0 {
		conds = append(conds, "e.quad_class = "+q.arg(f.QuadClass))
	}
	if f.From != "" {
		conds = append(conds, "e.date >= "+q.arg(f.From))
	}
	if f.To != "" {
		conds = append(conds, "e.date <= "+q.arg(f.To))
	}
	if f.DocID != "" {
		conds = append(conds, "e.doc_id = "+q.arg(f.DocID))
	}
	if f.Query != "" {
		terms := egret.FTSTerms(f.Query)
		if len(terms) == 0 {
			return "", egret.Errorf(egret.EINVALID, "q: %q has no words to search for", f.Query)
		}
		conds = append(conds, "e.tsv @@ plainto_tsquery('english', "+q.arg(strings.Join(terms, " "))+")")
	}
	if withCursor && f.Cursor != "" {
		day, id, err := egret.DecodeCursor(f.Cursor)
		if err != nil {
			return "", err
		}
		conds = append(conds, "(e.date, e.id) < ("+q.arg(day)+", "+q.arg(id)+")")
	}
	return strings.Join(conds, " AND "), nil
}

func whereClause(c string) string {
	if c == "" {
		return ""
	}
	return " WHERE " + c
}

// Events returns one page of events matching f, by (date, id) descending.
func (s *Store) Events(ctx context.Context, f egret.EventFilter) (egret.EventPage, error) {
	if err := f.Validate(); err != nil {
		return egret.EventPage{}, err
	}
	var q query
	c, err := q.where(&f, true)
	if err != nil {
		return egret.EventPage{}, err
	}
	sql := `SELECT e.id, e.body FROM events e` + whereClause(c) + ` ORDER BY e.date DESC, e.id DESC LIMIT ` + q.arg(f.Limit+1)
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return egret.EventPage{}, fmt.Errorf("postgres: events: %w", err)
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
		return egret.EventPage{}, fmt.Errorf("postgres: events: %w", err)
	}
	if len(page.Events) > f.Limit {
		page.Events = page.Events[:f.Limit]
		last := page.Events[f.Limit-1]
		page.NextCursor = egret.EncodeCursor(last.Date, last.ID)
	}
	return page, nil
}

func scanEvent(rows pgx.Rows, se *egret.StoredEvent) error {
	var body string
	if err := rows.Scan(&se.ID, &body); err != nil {
		return fmt.Errorf("postgres: scan event: %w", err)
	}
	if err := json.Unmarshal([]byte(body), &se.Event); err != nil {
		return fmt.Errorf("postgres: event %d: corrupt body: %w", se.ID, err)
	}
	return nil
}

// EachEvent streams every event matching f to fn.
func (s *Store) EachEvent(ctx context.Context, f egret.EventFilter, fn func(*egret.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	var q query
	c, err := q.where(&f, false)
	if err != nil {
		return err
	}
	rows, err := s.pool.Query(ctx, `SELECT e.id, e.body FROM events e`+whereClause(c)+` ORDER BY e.date DESC, e.id DESC`, q.args...)
	if err != nil {
		return fmt.Errorf("postgres: export: %w", err)
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

// Series returns per-period counts, from the daily table when the filter allows.
func (s *Store) Series(ctx context.Context, sq egret.SeriesQuery) ([]egret.SeriesPoint, error) {
	if err := sq.Validate(); err != nil {
		return nil, err
	}
	f := sq.Filter
	key := "''"
	switch sq.Split {
	case egret.SplitPLOVER:
		key = "e.plover"
	case egret.SplitQuadClass:
		key = "e.quad_class::text"
	}
	table, count := "events", "count(*)"
	if len(f.Source) <= 3 && len(f.Target) <= 3 && f.CAMEO == "" && f.Query == "" && f.DocID == "" {
		table, count = "daily", "sum(e.n)"
	}
	var q query
	var cond string
	if sq.Dyad {
		b := f
		b.Source, b.Target = f.Target, f.Source
		ca, err := q.where(&f, false)
		if err != nil {
			return nil, err
		}
		cb, _ := q.where(&b, false)
		cond = "((" + ca + ") OR (" + cb + ")) AND "
	} else {
		c, err := q.where(&f, false)
		if err != nil {
			return nil, err
		}
		if c != "" {
			cond = c + " AND "
		}
	}
	sql := fmt.Sprintf(`SELECT e.date, %s, %s::bigint, coalesce(sum(e.goldstein), 0)::float8 FROM %s e WHERE %se.date <> '' GROUP BY 1, 2 HAVING %s <> 0 ORDER BY 1, 2`, key, count, table, cond, count)
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: series: %w", err)
	}
	defer rows.Close()
	days := []egret.SeriesPoint{}
	for rows.Next() {
		var p egret.SeriesPoint
		if err := rows.Scan(&p.Period, &p.Key, &p.Count, &p.Goldstein); err != nil {
			return nil, fmt.Errorf("postgres: series: %w", err)
		}
		days = append(days, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: series: %w", err)
	}
	return egret.BucketSeries(days, sq.Interval), nil
}

// Actors returns actor codes by number of events.
func (s *Store) Actors(ctx context.Context, aq egret.ActorQuery) ([]egret.ActorCount, error) {
	if aq.Limit <= 0 || aq.Limit > 10000 {
		aq.Limit = 100
	}
	order := "as_source + as_target"
	cond := "code <> '' AND as_source + as_target > 0"
	switch aq.Role {
	case "":
	case "source":
		order, cond = "as_source", cond+" AND as_source > 0"
	case "target":
		order, cond = "as_target", cond+" AND as_target > 0"
	default:
		return nil, egret.Errorf(egret.EINVALID, "role: %q is not source or target", aq.Role)
	}
	var q query
	if aq.Prefix != "" {
		cond += " AND code >= " + q.arg(aq.Prefix) + " AND code < " + q.arg(aq.Prefix+"\U0010FFFF")
	}
	rows, err := s.pool.Query(ctx, `SELECT code, as_source, as_target FROM actors WHERE `+cond+` ORDER BY `+order+` DESC, code LIMIT `+q.arg(aq.Limit), q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: actors: %w", err)
	}
	defer rows.Close()
	out := []egret.ActorCount{}
	for rows.Next() {
		var a egret.ActorCount
		if err := rows.Scan(&a.Code, &a.AsSource, &a.AsTarget); err != nil {
			return nil, fmt.Errorf("postgres: actors: %w", err)
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
	err := s.pool.QueryRow(ctx, `SELECT id, title, body, date, source, url, author FROM documents WHERE id = $1`, id).
		Scan(&d.ID, &d.Title, &d.Text, &date, &d.Source, &d.URL, &d.Author)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, egret.Errorf(egret.ENOTFOUND, "document %q not found", id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: document %q: %w", id, err)
	}
	if date != "" {
		d.Date, _ = time.Parse(time.RFC3339, date)
	}
	rows, err := s.pool.Query(ctx, `SELECT id, body FROM events WHERE doc_id = $1 ORDER BY seq`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: document %q: %w", id, err)
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
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(n), 0)::bigint FROM daily)`).Scan(&st.Documents, &st.Events)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}
