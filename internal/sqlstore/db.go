// Package sqlstore is egret's one SQL store: the schema, filter builder, write planner and queries behind egret.Store, run by the sqlite and postgres adapters through a connection pool and a small Dialect.
package sqlstore

import (
	"context"
	"errors"

	"github.com/egret-events/egret"
)

// Querier runs statements: a connection pool, or a write transaction.
type Querier interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	Exec(ctx context.Context, sql string, args ...any) error
}

// Rows iterates over a result set; pgx.Rows is one as it is.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// DB is an adapter's connection pool.
type DB interface {
	Querier
	// Write runs fn in a transaction that excludes every other writer of
	// the database (SQLite's single writer, a PostgreSQL advisory lock)
	// and commits it when fn returns nil, so a write plan computed from
	// what the transaction reads stays true until it commits.
	Write(ctx context.Context, fn func(tx Querier) error) error
	Ping(ctx context.Context) error
	Close() error
}

// Dialect is what differs between the databases' SQL. Everything else
// (tables, filters, write plans, queries) is written once in this package.
type Dialect interface {
	// Name prefixes error messages: "sqlite", "postgres".
	Name() string
	// Placeholder is the n-th (from 1) bind parameter: ? or $n.
	Placeholder(n int) string
	// MaxArgs is the most bind parameters one statement may carry.
	MaxArgs() int
	// Schema names the column types of the shared migrations.
	Schema() Schema
	// Insert writes rows, in as few statements as the database allows.
	Insert(ctx context.Context, tx Querier, ins Insert) error
	// ReserveIDs allocates n consecutive event ids in the write
	// transaction tx and returns the first.
	ReserveIDs(ctx context.Context, tx Querier, n int) (int64, error)
	TextIndex
}

// TextIndex is a database's full-text index over event sentences.
type TextIndex interface {
	// SentenceColumn names the events column the index reads sentences
	// from, or "" when the index is kept apart by IndexText.
	SentenceColumn() string
	// IndexText adds (sign 1) or removes (sign -1) the sentences of
	// events in the write transaction tx.
	IndexText(ctx context.Context, tx Querier, evs []TextRow, sign int) error
	// TextCond is the condition that event e's sentence holds every term.
	TextCond(q *Query, terms []string) string
	// TextPage returns the statement, ordered and without LIMIT, that
	// selects (id, body) of the events matching f, whose Query holds
	// terms, newest first from f.Cursor: each database has its own
	// fastest way to page through text matches.
	TextPage(ctx context.Context, db Querier, q *Query, f egret.EventFilter, terms []string) (string, error)
}

// Insert is a multi-row INSERT of Rows into Columns of Table (which may
// carry an alias: "agg AS t"), with an optional ON CONFLICT clause. Values
// are string, int, int64, float64 or *float64 (nil for NULL), the same
// type down each column.
type Insert struct {
	Table    string
	Columns  []string
	Conflict string
	Rows     [][]any
}

// TextRow is an event's sentence as the full-text index keeps it.
type TextRow struct {
	ID   int64
	Day  string // the event's stored date, "" when undated
	Text string
}

// Schema holds the type names the shared migrations (migrations/*.sql,
// Go templates) use where the databases differ.
type Schema struct {
	Key     string // text compared byte by byte: TEXT / TEXT COLLATE "C"
	Float   string // REAL / DOUBLE PRECISION
	BigInt  string // INTEGER / BIGINT
	EventID string // events.id: INTEGER PRIMARY KEY / BIGSERIAL PRIMARY KEY
	Compact string // option of tables read by primary key only: WITHOUT ROWID / ""
}

// ErrNoRows is what QueryRow returns when the statement selects nothing.
var ErrNoRows = errors.New("sqlstore: no rows")

// QueryRow scans the first row of a statement into dest.
func QueryRow(ctx context.Context, q Querier, sql string, args []any, dest ...any) error {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Err()
}
