package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/sqlstore"
)

// PostgreSQL's full-text index is the generated tsvector column tsv over
// events.sentence, with a GIN index.

func (dialect) SentenceColumn() string { return "sentence" }

// IndexText has nothing to do: the tsvector follows the sentence column.
func (dialect) IndexText(context.Context, sqlstore.Querier, []sqlstore.TextRow, int) error {
	return nil
}

func (dialect) TextCond(q *sqlstore.Query, terms []string) string {
	return "e.tsv @@ plainto_tsquery('english', " + q.Arg(strings.Join(terms, " ")) + ")"
}

// TextPage chooses between two plans from the planner's estimate of the
// matches (from the tsvector statistics, no scan): few matches are
// collected from the GIN index and sorted; many are found sooner by
// walking a page-ordered index and testing each event.
func (d dialect) TextPage(ctx context.Context, db sqlstore.Querier, q *sqlstore.Query, f egret.EventFilter, terms []string) (string, error) {
	words := strings.Join(terms, " ")
	var plan string
	err := sqlstore.QueryRow(ctx, db, `EXPLAIN (FORMAT JSON) SELECT 1 FROM events WHERE tsv @@ plainto_tsquery('english', $1::text)`, []any{words}, &plan)
	if err != nil {
		return "", fmt.Errorf("postgres: full text: %w", err)
	}
	var est []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := json.Unmarshal([]byte(plan), &est); err != nil || len(est) == 0 {
		return "", fmt.Errorf("postgres: full text: reading the plan %q: %v", plan, err)
	}
	if est[0].Plan.Rows <= float64(d.ftsScan) {
		return sqlstore.PageSQL(q, &f)
	}
	rest := f
	rest.Query = ""
	// Concatenating makes the condition unindexable, so the planner walks
	// a page-ordered index instead of the GIN index.
	return sqlstore.PageSQL(q, &rest, "(e.tsv || ''::tsvector) @@ plainto_tsquery('english', "+q.Arg(words)+")")
}
