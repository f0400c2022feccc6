// Package postgres implements egret.Store in PostgreSQL, for multi-user and multi-process deployments, on internal/sqlstore.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// writeLock is the advisory lock key serialising writers, so concurrent
// replacements of the same documents and aggregate rows never deadlock.
const writeLock = 0x65677265 // "egre"

// Store is an egret.Store in a PostgreSQL database.
type Store struct {
	*sqlstore.Store
	pool *pgxpool.Pool
}

var _ egret.Store = (*Store)(nil)

type options struct {
	now     func() time.Time
	ftsScan int
}

// Option configures a Store.
type Option func(*options)

// WithFTSScanAbove sets the number of full-text matches above which a
// page of events is found by walking events newest first and testing each
// against the query, instead of collecting the matches from the GIN index
// and sorting them (default 5,000; 0 always walks).
func WithFTSScanAbove(n int) Option { return func(o *options) { o.ftsScan = n } }

// WithClock sets the clock used for ingested_at.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// IsDSN reports whether s names a PostgreSQL database rather than a file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at dsn and applies pending migrations.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	o := options{now: time.Now, ftsScan: 5000}
	for _, f := range opts {
		f(&o)
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "postgres: bad DSN: %v", err)
	}
	p, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &Store{Store: sqlstore.New(pool{p}, dialect{ftsScan: o.ftsScan}, o.now), pool: p}
	if err := s.Migrate(ctx, migrations); err != nil {
		p.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// Optimize refreshes the planner's statistics and the visibility map
// (so covering indexes serve index-only scans); call it after a large load.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `VACUUM ANALYZE`)
	return err
}

// pool is sqlstore.DB over a pgx connection pool.
type pool struct{ p *pgxpool.Pool }

func (p pool) Query(ctx context.Context, sql string, args ...any) (sqlstore.Rows, error) {
	return p.p.Query(ctx, sql, args...)
}

func (p pool) Exec(ctx context.Context, sql string, args ...any) error {
	_, err := p.p.Exec(ctx, sql, args...)
	return err
}

// Write runs fn in a transaction holding the writers' advisory lock.
func (p pool) Write(ctx context.Context, fn func(sqlstore.Querier) error) error {
	tx, err := p.p.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
		return fmt.Errorf("postgres: lock: %w", err)
	}
	if err := fn(pgTx{tx}); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

func (p pool) Ping(ctx context.Context) error { return p.p.Ping(ctx) }
func (p pool) Close() error                   { p.p.Close(); return nil }

type pgTx struct{ tx pgx.Tx }

func (t pgTx) Query(ctx context.Context, sql string, args ...any) (sqlstore.Rows, error) {
	return t.tx.Query(ctx, sql, args...)
}

func (t pgTx) Exec(ctx context.Context, sql string, args ...any) error {
	_, err := t.tx.Exec(ctx, sql, args...)
	return err
}

// dialect is PostgreSQL's sqlstore.Dialect; its full-text index is in text.go.
type dialect struct{ ftsScan int }

func (dialect) Name() string             { return "postgres" }
func (dialect) Placeholder(n int) string { return "$" + strconv.Itoa(n) }
func (dialect) MaxArgs() int             { return 65535 }

func (dialect) Schema() sqlstore.Schema {
	return sqlstore.Schema{Key: `TEXT COLLATE "C"`, Float: "DOUBLE PRECISION", BigInt: "BIGINT", EventID: "BIGSERIAL PRIMARY KEY"}
}

// ReserveIDs takes a block of n ids from the events id sequence, so
// writers that let the column default number their rows never collide.
func (dialect) ReserveIDs(ctx context.Context, tx sqlstore.Querier, n int) (int64, error) {
	var last int64
	err := sqlstore.QueryRow(ctx, tx, `SELECT setval(s, nextval(s) + $1 - 1) FROM (SELECT pg_get_serial_sequence('events', 'id')::regclass AS s) q`, []any{n}, &last)
	return last - int64(n) + 1, err
}

// Insert sends each column as one array and unnests them: one statement
// of fixed text (prepared once) whatever the number of rows.
func (dialect) Insert(ctx context.Context, tx sqlstore.Querier, ins sqlstore.Insert) error {
	if len(ins.Rows) == 0 {
		return nil
	}
	args := make([]any, len(ins.Columns))
	casts := make([]string, len(ins.Columns))
	for j := range ins.Columns {
		var err error
		if args[j], casts[j], err = column(ins.Rows, j); err != nil {
			return fmt.Errorf("column %s of %s: %w", ins.Columns[j], ins.Table, err)
		}
		casts[j] = "$" + strconv.Itoa(j+1) + "::" + casts[j]
	}
	return tx.Exec(ctx, "INSERT INTO "+ins.Table+" ("+strings.Join(ins.Columns, ", ")+") SELECT * FROM unnest("+strings.Join(casts, ", ")+")"+ins.Conflict, args...)
}

// column gathers column j of rows into a typed slice and names its array type.
func column(rows [][]any, j int) (any, string, error) {
	switch rows[0][j].(type) {
	case string:
		return gather[string](rows, j), "text[]", nil
	case int:
		return gather[int](rows, j), "int8[]", nil
	case int64:
		return gather[int64](rows, j), "int8[]", nil
	case float64:
		return gather[float64](rows, j), "float8[]", nil
	case *float64:
		return gather[*float64](rows, j), "float8[]", nil
	}
	return nil, "", fmt.Errorf("values of type %T", rows[0][j])
}

func gather[T any](rows [][]any, j int) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = r[j].(T)
	}
	return out
}
