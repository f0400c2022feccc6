package sqlstore

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/egret-events/egret"
)

// Store is egret.Store over an adapter's DB and Dialect.
type Store struct {
	db  DB
	d   Dialect
	now func() time.Time
}

var _ egret.Store = (*Store)(nil)

// New returns a store over db; now stamps ingested_at. Call Migrate
// before using it.
func New(db DB, d Dialect, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{db: db, d: d, now: now}
}

// DB returns the store's connection pool, for adapter-specific statements.
func (s *Store) DB() DB { return s.db }

// errorf prefixes an error with the adapter's name.
func (s *Store) errorf(format string, args ...any) error {
	return fmt.Errorf(s.d.Name()+": "+format, args...)
}

//go:embed migrations/*.sql
var shared embed.FS

// Migrate applies the schema versions not yet recorded in
// schema_migrations, each in one write transaction: first the shared
// migrations/NNNN_*.sql (a template over the dialect's Schema), then the
// adapter's own file of the same version in own (indexes, full-text
// index), so a table is defined once for both databases.
func (s *Store) Migrate(ctx context.Context, own fs.FS) error {
	versions := map[int][]string{}
	for _, src := range []fs.FS{shared, own} {
		names, err := fs.Glob(src, "migrations/*.sql")
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
			body, err := fs.ReadFile(src, name)
			if err != nil {
				return err
			}
			if src == fs.FS(shared) {
				t, err := template.New(base).Option("missingkey=error").Parse(string(body))
				if err != nil {
					return fmt.Errorf("migration %s: %w", base, err)
				}
				var b bytes.Buffer
				if err := t.Execute(&b, s.d.Schema()); err != nil {
					return fmt.Errorf("migration %s: %w", base, err)
				}
				body = b.Bytes()
			}
			versions[v] = append(versions[v], string(body))
		}
	}
	order := make([]int, 0, len(versions))
	for v := range versions {
		order = append(order, v)
	}
	sort.Ints(order)
	for _, v := range order {
		err := s.db.Write(ctx, func(tx Querier) error {
			if err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
				return fmt.Errorf("create schema_migrations: %w", err)
			}
			q := NewQuery(s.d)
			var n int
			if err := QueryRow(ctx, tx, `SELECT count(*) FROM schema_migrations WHERE version = `+q.Arg(v), q.Args(), &n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, body := range versions[v] {
				if err := tx.Exec(ctx, body); err != nil {
					return fmt.Errorf("migration %d: %w", v, err)
				}
			}
			q = NewQuery(s.d)
			return tx.Exec(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (`+q.Arg(v)+`, `+q.Arg(s.now().UTC().Format(time.RFC3339))+`)`, q.Args()...)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// Close closes the connection pool.
func (s *Store) Close() error { return s.db.Close() }

// Stats returns the number of documents and events (from the all-time rollup).
func (s *Store) Stats(ctx context.Context) (egret.StoreStats, error) {
	var st egret.StoreStats
	q := NewQuery(s.d)
	err := QueryRow(ctx, s.db, `SELECT (SELECT count(*) FROM documents), (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM agg WHERE grain = `+q.Arg(GrainAll)+`)`,
		q.Args(), &st.Documents, &st.Events)
	if err != nil {
		return st, s.errorf("stats: %w", err)
	}
	return st, nil
}
