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
	pool    *pgxpool.Pool
	now     func() time.Time
	ftsScan int
}

var _ egret.Store = (*Store)(nil)

// Option configures a Store.
type Option func(*Store)

// WithFTSScanAbove sets the number of full-text matches above which a
// page of events is found by walking events newest first and testing each
// against the query, instead of collecting the matches from the GIN index
// and sorting them (default 5,000; 0 always walks).
func WithFTSScanAbove(n int) Option { return func(s *Store) { s.ftsScan = n } }

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
	s := &Store{pool: pool, now: time.Now, ftsScan: 5000}
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

// Optimize refreshes the planner's statistics and the visibility map
// (so covering indexes serve index-only scans); call it after a large load.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `VACUUM ANALYZE`)
	return err
}

// PutDocuments stores the documents and replaces their events in one
// transaction: a handful of array-valued statements (unnest) sent as one
// pipelined batch, so the cost per document is small.
func (s *Store) PutDocuments(ctx context.Context, docs []egret.CodedDocument) error {
	if len(docs) == 0 {
		return nil
	}
	// The last copy of a document in the batch wins, as if stored in order.
	last := map[string]int{}
	var ids []string
	for i := range docs {
		id := docs[i].Document.ID
		if id == "" {
			return egret.Errorf(egret.EINVALID, "document %d: missing id", i+1)
		}
		if _, seen := last[id]; !seen {
			ids = append(ids, id)
		}
		last[id] = i
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
		return fmt.Errorf("postgres: lock: %w", err)
	}
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
	// Take the replaced events out of the rollups; under the lock no other
	// writer changes them.
	var replaced []string
	seen := map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT doc_id, date, src3, tgt3, plover, quad_class, goldstein, source, target FROM events WHERE doc_id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("postgres: read replaced events: %w", err)
	}
	for rows.Next() {
		var id, day, s3, t3, pl, src, tgt string
		var quad int
		var g float64
		if err := rows.Scan(&id, &day, &s3, &t3, &pl, &quad, &g, &src, &tgt); err != nil {
			rows.Close()
			return fmt.Errorf("postgres: read replaced events: %w", err)
		}
		rollups.Add(day, s3, t3, pl, quad, g, -1)
		count(src, tgt, -1)
		if !seen[id] {
			seen[id] = true
			replaced = append(replaced, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: read replaced events: %w", err)
	}

	now := s.now().UTC().Format(time.RFC3339Nano)
	var dID, dTitle, dBody, dDate, dSource, dURL, dAuthor []string
	var eDoc, eDate, eSrc, eTgt, eS3, eT3, eCameo, ePlover, eSent, eBody []string
	var eSeq, eQuad []int32
	var eG []float64
	var eLat, eLon []*float64
	for _, id := range ids {
		c := &docs[last[id]]
		d := &c.Document
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.UTC().Format(time.RFC3339)
		}
		dID, dTitle, dBody, dDate = append(dID, d.ID), append(dTitle, d.Title), append(dBody, d.Text), append(dDate, date)
		dSource, dURL, dAuthor = append(dSource, d.Source), append(dURL, d.URL), append(dAuthor, d.Author)
		for seq := range c.Events {
			ev := c.Events[seq]
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
			eDoc, eSeq, eDate, eSrc, eTgt = append(eDoc, d.ID), append(eSeq, int32(seq)), append(eDate, ev.Date), append(eSrc, ev.Source), append(eTgt, ev.Target)
			eS3, eT3, eCameo, ePlover = append(eS3, s3), append(eT3, t3), append(eCameo, ev.CAMEO), append(ePlover, ev.PLOVER)
			eQuad, eG, eLat, eLon = append(eQuad, int32(ev.QuadClass)), append(eG, ev.Goldstein), append(eLat, lat), append(eLon, lon)
			eSent, eBody = append(eSent, ev.Text), append(eBody, string(body))
			rollups.Add(ev.Date, s3, t3, ev.PLOVER, ev.QuadClass, ev.Goldstein, 1)
			count(ev.Source, ev.Target, 1)
		}
	}
	var aGrain, aS3, aT3, aPeriod, aPlover []string
	var aQuad []int32
	var aN []int64
	var aG []float64
	for k, v := range rollups {
		if v.N == 0 && v.G == 0 {
			continue
		}
		aGrain, aS3, aT3, aPeriod, aPlover = append(aGrain, k.Grain), append(aS3, k.Src3), append(aT3, k.Tgt3), append(aPeriod, k.Period), append(aPlover, k.PLOVER)
		aQuad, aN, aG = append(aQuad, int32(k.QuadClass)), append(aN, v.N), append(aG, v.G)
	}
	var cCode []string
	var cS, cT []int64
	for code, c := range actors {
		if c != [2]int64{} {
			cCode, cS, cT = append(cCode, code), append(cS, c[0]), append(cT, c[1])
		}
	}
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO documents(id, title, body, date, source, url, author, ingested_at)
		SELECT id, title, body, date, source, url, author, $8 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, title, body, date, source, url, author)
		ON CONFLICT(id) DO UPDATE SET title=excluded.title, body=excluded.body, date=excluded.date, source=excluded.source, url=excluded.url, author=excluded.author, ingested_at=excluded.ingested_at`,
		dID, dTitle, dBody, dDate, dSource, dURL, dAuthor, now)
	if len(replaced) > 0 {
		b.Queue(`DELETE FROM events WHERE doc_id = ANY($1)`, replaced)
	}
	if len(eDoc) > 0 {
		b.Queue(`INSERT INTO events(doc_id, seq, date, source, target, src3, tgt3, cameo, plover, quad_class, goldstein, lat, lon, sentence, body)
			SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::float8[], $12::float8[], $13::float8[], $14::text[], $15::text[])`,
			eDoc, eSeq, eDate, eSrc, eTgt, eS3, eT3, eCameo, ePlover, eQuad, eG, eLat, eLon, eSent, eBody)
	}
	if len(aGrain) > 0 {
		b.Queue(`INSERT INTO agg AS t (grain, src3, tgt3, period, plover, quad_class, n, goldstein)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::float8[])
			ON CONFLICT (grain, src3, tgt3, period, plover, quad_class) DO UPDATE SET n = t.n + excluded.n, goldstein = t.goldstein + excluded.goldstein`,
			aGrain, aS3, aT3, aPeriod, aPlover, aQuad, aN, aG)
	}
	if len(cCode) > 0 {
		b.Queue(`INSERT INTO actors AS t (code, as_source, as_target) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
			ON CONFLICT (code) DO UPDATE SET as_source = t.as_source + excluded.as_source, as_target = t.as_target + excluded.as_target`, cCode, cS, cT)
	}
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
	// scanText tests the text condition row by row (no GIN index), for
	// common words where walking events in page order finds a page sooner.
	scanText bool
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
		col := "e.tsv"
		if q.scanText {
			col = "(e.tsv || ''::tsvector)" // not indexable: the planner walks a page-ordered index
		}
		conds = append(conds, col+" @@ plainto_tsquery('english', "+q.arg(strings.Join(terms, " "))+")")
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
	if terms := egret.FTSTerms(f.Query); len(terms) > 0 {
		// The planner's estimate of the matches (from the tsvector
		// statistics) is enough to choose, and costs no scan.
		var plan string
		err := s.pool.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM events WHERE tsv @@ plainto_tsquery('english', $1::text)`,
			strings.Join(terms, " ")).Scan(&plan)
		if err != nil {
			return egret.EventPage{}, fmt.Errorf("postgres: full text: %w", err)
		}
		var est []struct {
			Plan struct {
				Rows float64 `json:"Plan Rows"`
			} `json:"Plan"`
		}
		if err := json.Unmarshal([]byte(plan), &est); err != nil || len(est) == 0 {
			return egret.EventPage{}, fmt.Errorf("postgres: full text: reading the plan %q: %v", plan, err)
		}
		q.scanText = est[0].Plan.Rows > float64(s.ftsScan)
	}
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

// Series returns per-period counts, from the rollups when the filter allows.
func (s *Store) Series(ctx context.Context, sq egret.SeriesQuery) ([]egret.SeriesPoint, error) {
	if err := sq.Validate(); err != nil {
		return nil, err
	}
	var q query
	var sql string
	if egret.RollupAnswers(sq) {
		sql = rollupSQL(&q, sq)
	} else {
		var err error
		if sql, err = eventSeriesSQL(&q, sq); err != nil {
			return nil, err
		}
	}
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

func seriesKey(split string) string {
	switch split {
	case egret.SplitPLOVER:
		return "e.plover"
	case egret.SplitQuadClass:
		return "e.quad_class::text"
	}
	return "''"
}

// rollupSQL reads whole periods and partial days from agg, one UNION ALL
// arm per direction and range so each arm is a primary-key range scan.
func rollupSQL(q *query, sq egret.SeriesQuery) string {
	f := sq.Filter
	key := seriesKey(sq.Split)
	plan := egret.PlanSeries(sq.Interval, f.From, f.To)
	dirs := [][2]string{{f.Source, f.Target}}
	if sq.Dyad && f.Source != f.Target {
		dirs = append(dirs, [2]string{f.Target, f.Source})
	}
	type part struct{ grain, from, to string }
	var parts []part
	if plan.Whole != nil {
		parts = append(parts, part{plan.Grain, plan.Whole.From, plan.Whole.To})
	}
	for _, d := range plan.Days {
		parts = append(parts, part{egret.GrainDay, d.From, d.To})
	}
	var arms []string
	for _, d := range dirs {
		for _, p := range parts {
			conds := []string{"e.grain = " + q.arg(p.grain)}
			for _, a := range []struct{ col, v string }{{"e.src3", d[0]}, {"e.tgt3", d[1]}} {
				switch {
				case a.v == "":
					conds = append(conds, a.col+" = "+q.arg(egret.AnyActor))
				case len(a.v) == 3:
					conds = append(conds, a.col+" = "+q.arg(a.v))
				default:
					conds = append(conds, a.col+" >= "+q.arg(a.v)+" AND "+a.col+" < "+q.arg(a.v+"\U0010FFFF"))
				}
			}
			if p.from != "" {
				conds = append(conds, "e.period >= "+q.arg(p.from))
			}
			if p.to != "" {
				conds = append(conds, "e.period <= "+q.arg(p.to))
			}
			if f.PLOVER != "" {
				conds = append(conds, "e.plover = "+q.arg(f.PLOVER))
			}
			if f.QuadClass != 0 {
				conds = append(conds, "e.quad_class = "+q.arg(f.QuadClass))
			}
			arms = append(arms, "SELECT e.period, "+key+", e.n, e.goldstein FROM agg e WHERE "+strings.Join(conds, " AND "))
		}
	}
	// Rows are summed in Go (BucketSeries), as in the SQLite store.
	return strings.Join(arms, " UNION ALL ")
}

// eventSeriesSQL groups matching events by day.
func eventSeriesSQL(q *query, sq egret.SeriesQuery) (string, error) {
	f := sq.Filter
	var cond string
	if sq.Dyad {
		b := f
		b.Source, b.Target = f.Target, f.Source
		ca, err := q.where(&f, false)
		if err != nil {
			return "", err
		}
		cb, _ := q.where(&b, false)
		cond = "((" + ca + ") OR (" + cb + ")) AND "
	} else {
		c, err := q.where(&f, false)
		if err != nil {
			return "", err
		}
		if c != "" {
			cond = c + " AND "
		}
	}
	return `SELECT e.date, ` + seriesKey(sq.Split) + `, count(*)::bigint, coalesce(sum(e.goldstein), 0)::float8 FROM events e WHERE ` + cond + `e.date <> '' GROUP BY 1, 2 ORDER BY 1, 2`, nil
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
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT coalesce(sum(n), 0)::bigint FROM agg WHERE grain = 'a')`).Scan(&st.Documents, &st.Events)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}
