package sqlstore

import (
	"context"

	"github.com/egret-events/egret"
)

// Actors returns actor codes by number of events, from the actors table.
func (s *Store) Actors(ctx context.Context, aq egret.ActorQuery) ([]egret.ActorCount, error) {
	if err := aq.Validate(); err != nil {
		return nil, err
	}
	order := "as_source + as_target"
	cond := "code <> '' AND as_source + as_target > 0"
	switch aq.Role {
	case "source":
		order, cond = "as_source", cond+" AND as_source > 0"
	case "target":
		order, cond = "as_target", cond+" AND as_target > 0"
	}
	q := NewQuery(s.d)
	if aq.Prefix != "" {
		cond += " AND " + q.prefix("code", aq.Prefix)
	}
	rows, err := s.db.Query(ctx, `SELECT code, as_source, as_target FROM actors WHERE `+cond+` ORDER BY `+order+` DESC, code LIMIT `+q.Arg(aq.Limit), q.Args()...)
	if err != nil {
		return nil, s.errorf("actors: %w", err)
	}
	defer rows.Close()
	out := []egret.ActorCount{}
	for rows.Next() {
		var a egret.ActorCount
		if err := rows.Scan(&a.Code, &a.AsSource, &a.AsTarget); err != nil {
			return nil, s.errorf("actors: %w", err)
		}
		a.Total = a.AsSource + a.AsTarget
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("actors: %w", err)
	}
	return out, nil
}
