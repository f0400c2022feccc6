package sqlstore

import (
	"context"
	"strings"

	"github.com/egret-events/egret"
)

// Series returns per-period counts. Filters on actor countries, type,
// quad class and dates read the rollup table; others group events.
func (s *Store) Series(ctx context.Context, sq egret.SeriesQuery) ([]egret.SeriesPoint, error) {
	if err := sq.Validate(); err != nil {
		return nil, err
	}
	q := NewQuery(s.d)
	var sql string
	if RollupAnswers(sq) {
		sql = rollupSQL(q, sq)
	} else {
		var err error
		if sql, err = eventSeriesSQL(q, sq); err != nil {
			return nil, err
		}
	}
	rows, err := s.db.Query(ctx, sql, q.Args()...)
	if err != nil {
		return nil, s.errorf("series: %w", err)
	}
	defer rows.Close()
	days := []egret.SeriesPoint{}
	for rows.Next() {
		var p egret.SeriesPoint
		if err := rows.Scan(&p.Period, &p.Key, &p.Count, &p.Goldstein); err != nil {
			return nil, s.errorf("series: %w", err)
		}
		days = append(days, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.errorf("series: %w", err)
	}
	// Rows are summed in Go: cheaper than the databases' sorters.
	return BucketSeries(days, sq.Interval), nil
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
func rollupSQL(q *Query, sq egret.SeriesQuery) string {
	f := sq.Filter
	key := seriesKey(sq.Split)
	plan := PlanSeries(sq.Interval, f.From, f.To)
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
		parts = append(parts, part{GrainDay, d.From, d.To})
	}
	var arms []string
	for _, d := range dirs {
		for _, p := range parts {
			conds := []string{"e.grain = " + q.Arg(p.grain)}
			for _, a := range []struct{ col, v string }{{"e.src3", d[0]}, {"e.tgt3", d[1]}} {
				switch {
				case a.v == "":
					conds = append(conds, a.col+" = "+q.Arg(AnyActor))
				case len(a.v) == 3:
					conds = append(conds, a.col+" = "+q.Arg(a.v))
				default:
					conds = append(conds, q.prefix(a.col, a.v))
				}
			}
			conds = q.and(conds, "e.period >= ", p.from)
			conds = q.and(conds, "e.period <= ", p.to)
			conds = q.and(conds, "e.plover = ", f.PLOVER)
			conds = q.and(conds, "e.quad_class = ", f.QuadClass)
			arms = append(arms, "SELECT e.period, "+key+", e.n, e.goldstein FROM agg e WHERE "+strings.Join(conds, " AND "))
		}
	}
	return strings.Join(arms, " UNION ALL ")
}

// eventSeriesSQL groups matching events by day.
func eventSeriesSQL(q *Query, sq egret.SeriesQuery) (string, error) {
	f := sq.Filter
	conds, err := q.Filter(&f, false)
	if err != nil {
		return "", err
	}
	if sq.Dyad {
		b := f
		b.Source, b.Target = f.Target, f.Source
		back, err := q.Filter(&b, false)
		if err != nil {
			return "", err
		}
		conds = []string{"((" + strings.Join(conds, " AND ") + ") OR (" + strings.Join(back, " AND ") + "))"}
	}
	conds = append(conds, "e.date <> ''")
	return `SELECT e.date, ` + seriesKey(sq.Split) + `, count(*), coalesce(sum(e.goldstein), 0) FROM events e` + Where(conds) + ` GROUP BY 1, 2 ORDER BY 1, 2`, nil
}
