// Package sqlite implements egret.Store in an embedded SQLite file (pure Go, WAL, FTS5) on internal/sqlstore.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an egret.Store in one SQLite file.
type Store struct {
	*sqlstore.Store
	db *pool
}

var _ egret.Store = (*Store)(nil)

type options struct{ now func() time.Time }

// Option configures a Store.
type Option func(*options)

// WithClock sets the clock used for ingested_at.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// Open opens (creating if needed) the SQLite database at path and applies
// pending migrations.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if path == "" {
		return nil, egret.Errorf(egret.EINVALID, "sqlite: empty database path")
	}
	o := options{now: time.Now}
	for _, f := range opts {
		f(&o)
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
	// Writes go through a single connection (SQLite has one writer anyway)
	// so they queue in Go instead of failing with SQLITE_BUSY; reads use a
	// pool. A large page cache keeps big write transactions from spilling
	// pages to disk before commit; temp_store keeps statement journals in
	// memory.
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
	p := &pool{w: w, r: r}
	s := &Store{Store: sqlstore.New(p, dialect{}, o.now), db: p}
	if err := s.Migrate(ctx, migrations); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// Optimize refreshes the query planner's statistics; call it after a large load.
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.db.w.ExecContext(ctx, `ANALYZE`)
	return err
}

// pool is sqlstore.DB over a writer connection and a pool of readers.
type pool struct{ w, r *sql.DB }

func (p *pool) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := p.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (p *pool) Exec(ctx context.Context, q string, args ...any) error {
	_, err := p.w.ExecContext(ctx, q, args...)
	return err
}

// Write runs fn in an immediate transaction on the one writer connection.
func (p *pool) Write(ctx context.Context, fn func(sqlstore.Querier) error) error {
	tx, err := p.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(sqlTx{tx}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

func (p *pool) Ping(ctx context.Context) error { return p.r.PingContext(ctx) }

// Close closes both pools, checkpointing the WAL.
func (p *pool) Close() error {
	err := p.r.Close()
	if e := p.w.Close(); err == nil {
		err = e
	}
	return err
}

type sqlTx struct{ tx *sql.Tx }

func (t sqlTx) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	rows, err := t.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (t sqlTx) Exec(ctx context.Context, q string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, q, args...)
	return err
}

// sqlRows drops the error of Close, which Err reports.
type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// dialect is SQLite's sqlstore.Dialect; its full-text index is in text.go.
type dialect struct{}

func (dialect) Name() string           { return "sqlite" }
func (dialect) Placeholder(int) string { return "?" }

// MaxArgs keeps statements small enough for SQLite to prepare quickly.
func (dialect) MaxArgs() int { return 2000 }

func (dialect) Schema() sqlstore.Schema {
	return sqlstore.Schema{Key: "TEXT", Float: "REAL", BigInt: "INTEGER", EventID: "INTEGER PRIMARY KEY", Compact: " WITHOUT ROWID"}
}

// Insert writes multi-row VALUES statements.
func (d dialect) Insert(ctx context.Context, tx sqlstore.Querier, ins sqlstore.Insert) error {
	return sqlstore.InsertValues(ctx, tx, d, ins)
}

// ReserveIDs numbers new events after the largest id; the write
// transaction excludes other writers.
func (dialect) ReserveIDs(ctx context.Context, tx sqlstore.Querier, n int) (int64, error) {
	var last int64
	err := sqlstore.QueryRow(ctx, tx, `SELECT coalesce(max(id), 0) FROM events`, nil, &last)
	return last + 1, err
}
