package sqlstore

import (
	"sort"
	"strings"
	"time"

	"github.com/egret-events/egret"
)

// Rollup grains kept in the agg table: per day, per week (starting
// Monday), per month, and all time ("a", for totals).
const (
	GrainDay   = "d"
	GrainWeek  = "w"
	GrainMonth = "m"
	GrainAll   = "a"
)

// AnyActor stands for "any actor" in rollup keys; it sorts before letters.
const AnyActor = "*"

// ActorCountry returns the first three letters of an actor code, its
// country or group part, which the events table indexes for prefix filters.
func ActorCountry(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// RollupKey is one row of the agg table: events of a period of a grain
// between two actor countries (or AnyActor) of one PLOVER type and quad class.
type RollupKey struct {
	Grain, Period, Src3, Tgt3, PLOVER string
	QuadClass                         int
}

// RollupVal is the count and Goldstein sum of a rollup row.
type RollupVal struct {
	N int64
	G float64
}

// Rollups accumulates the agg-table changes of a write, applied once per
// transaction. Counts are sums, so the order in which events are added
// and removed does not matter.
type Rollups map[RollupKey]RollupVal

// Add counts one event stored on day (sign 1) or removed (sign -1) into
// every grain and every actor combination (dyad, source only, target only,
// any), so series of any of those shapes read few rows.
func (r Rollups) Add(day, src3, tgt3, plover string, quad int, g float64, sign int64) {
	for _, grain := range []string{GrainDay, GrainWeek, GrainMonth, GrainAll} {
		period := ""
		switch grain {
		case GrainDay:
			period = day
		case GrainWeek:
			period = egret.PeriodStart(day, egret.IntervalWeek)
		case GrainMonth:
			period = egret.PeriodStart(day, egret.IntervalMonth)
		}
		if day == "" && grain != GrainAll {
			continue // undated events count in totals only
		}
		for _, st := range [][2]string{{src3, tgt3}, {src3, AnyActor}, {AnyActor, tgt3}, {AnyActor, AnyActor}} {
			if grain == GrainAll && st != [2]string{AnyActor, AnyActor} {
				continue
			}
			k := RollupKey{grain, period, st[0], st[1], plover, quad}
			v := r[k]
			v.N += sign
			v.G += float64(sign) * g
			r[k] = v
		}
	}
}

// DayRange is an inclusive range of days; empty ends are unbounded.
type DayRange struct{ From, To string }

// SeriesPlan says which rollup rows answer a series query: whole periods
// of Grain within Whole, plus day rows for the partial periods at either
// end (Days), so the sums stay exact for any from and to.
type SeriesPlan struct {
	Grain string
	Whole *DayRange
	Days  []DayRange
}

func nextDay(day string, n int) string {
	t, _ := time.Parse("2006-01-02", day)
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// PlanSeries splits [from, to] for interval into whole periods and
// partial days.
func PlanSeries(interval, from, to string) SeriesPlan {
	if interval == egret.IntervalDay || interval == "" {
		return SeriesPlan{Grain: GrainDay, Whole: &DayRange{from, to}}
	}
	grain := GrainWeek
	next := func(p string) string { return nextDay(p, 7) }
	if interval == egret.IntervalMonth {
		grain = GrainMonth
		next = func(p string) string {
			t, _ := time.Parse("2006-01-02", p)
			return t.AddDate(0, 1, 0).Format("2006-01-02")
		}
	}
	start := func(day string) string { return egret.PeriodStart(day, interval) }
	var plan SeriesPlan
	plan.Grain = grain
	gFrom, gTo := from, to
	if from != "" && to != "" && start(from) == start(to) &&
		(start(from) != from || nextDay(next(start(to)), -1) != to) {
		return SeriesPlan{Grain: grain, Days: []DayRange{{from, to}}}
	}
	if from != "" && start(from) != from {
		gFrom = next(start(from))
		plan.Days = append(plan.Days, DayRange{from, nextDay(gFrom, -1)})
	}
	if to != "" {
		s := start(to)
		if nextDay(next(s), -1) != to {
			gTo = nextDay(s, -1)
			plan.Days = append(plan.Days, DayRange{s, to})
		} else {
			gTo = s
		}
	}
	if gFrom == "" || gTo == "" || gFrom <= gTo {
		plan.Whole = &DayRange{gFrom, gTo}
	}
	return plan
}

// RollupAnswers reports whether a series query can be read from the
// rollups: actor filters of at most three letters (a country or group),
// PLOVER type, quad class and dates, with dyad prefixes that cannot both
// match one event.
func RollupAnswers(q egret.SeriesQuery) bool {
	f := q.Filter
	if len(f.Source) > 3 || len(f.Target) > 3 || f.CAMEO != "" || f.Query != "" || f.DocID != "" {
		return false
	}
	if q.Dyad && f.Source != f.Target && (strings.HasPrefix(f.Source, f.Target) || strings.HasPrefix(f.Target, f.Source)) {
		return false
	}
	return true
}

// BucketSeries sums points into periods of interval (day keeps the
// days), drops zero counts and sorts by period and key.
func BucketSeries(days []egret.SeriesPoint, interval string) []egret.SeriesPoint {
	type k struct{ p, key string }
	idx := make(map[k]int, len(days))
	out := make([]egret.SeriesPoint, 0, len(days))
	for _, d := range days {
		p := d.Period
		if interval != egret.IntervalDay && interval != "" {
			p = egret.PeriodStart(d.Period, interval)
		}
		i, ok := idx[k{p, d.Key}]
		if !ok {
			i = len(out)
			idx[k{p, d.Key}] = i
			out = append(out, egret.SeriesPoint{Period: p, Key: d.Key})
		}
		out[i].Count += d.Count
		out[i].Goldstein += d.Goldstein
	}
	kept := out[:0]
	for _, p := range out {
		if p.Count != 0 {
			kept = append(kept, p)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].Period != kept[j].Period {
			return kept[i].Period < kept[j].Period
		}
		return kept[i].Key < kept[j].Key
	})
	return kept
}
