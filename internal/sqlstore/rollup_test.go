package sqlstore

import (
	"reflect"
	"testing"
)

func TestPlanSeries(t *testing.T) {
	for _, tc := range []struct {
		name, interval, from, to string
		want                     SeriesPlan
	}{
		{"day", "day", "2020-01-05", "2020-02-01", SeriesPlan{Grain: "d", Whole: &DayRange{"2020-01-05", "2020-02-01"}}},
		{"unbounded month", "month", "", "", SeriesPlan{Grain: "m", Whole: &DayRange{"", ""}}},
		{"aligned months", "month", "2020-01-01", "2020-03-31", SeriesPlan{Grain: "m", Whole: &DayRange{"2020-01-01", "2020-03-01"}}},
		{"ragged months", "month", "2020-01-15", "2020-03-10", SeriesPlan{Grain: "m", Whole: &DayRange{"2020-02-01", "2020-02-29"},
			Days: []DayRange{{"2020-01-15", "2020-01-31"}, {"2020-03-01", "2020-03-10"}}}},
		{"adjacent partial months", "month", "2020-01-15", "2020-02-10", SeriesPlan{Grain: "m",
			Days: []DayRange{{"2020-01-15", "2020-01-31"}, {"2020-02-01", "2020-02-10"}}}},
		{"inside one month", "month", "2020-02-03", "2020-02-20", SeriesPlan{Grain: "m", Days: []DayRange{{"2020-02-03", "2020-02-20"}}}},
		{"whole single month", "month", "2020-02-01", "2020-02-29", SeriesPlan{Grain: "m", Whole: &DayRange{"2020-02-01", "2020-02-01"}}},
		{"weeks from a wednesday", "week", "2020-01-08", "", SeriesPlan{Grain: "w", Whole: &DayRange{"2020-01-13", ""},
			Days: []DayRange{{"2020-01-08", "2020-01-12"}}}},
		{"weeks to a sunday", "week", "", "2020-01-12", SeriesPlan{Grain: "w", Whole: &DayRange{"", "2020-01-06"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PlanSeries(tc.interval, tc.from, tc.to)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v %+v\nwant %+v %+v", got, got.Whole, tc.want, tc.want.Whole)
			}
		})
	}
}

func TestRollupsCancel(t *testing.T) {
	r := Rollups{}
	r.Add("2020-01-15", "RUS", "USA", "ACCUSE", 3, -2, 1)
	if len(r) != 13 { // 3 grains × 4 actor combinations + all-time total
		t.Errorf("%d rollup rows, want 13", len(r))
	}
	if v := r[RollupKey{GrainWeek, "2020-01-13", AnyActor, "USA", "ACCUSE", 3}]; v != (RollupVal{1, -2}) {
		t.Errorf("week row %+v", v)
	}
	r.Add("2020-01-15", "RUS", "USA", "ACCUSE", 3, -2, -1)
	for k, v := range r {
		if v.N != 0 || v.G != 0 {
			t.Errorf("%+v = %+v after removing the event", k, v)
		}
	}
	r = Rollups{}
	r.Add("", "RUS", "USA", "ACCUSE", 3, -2, 1)
	if len(r) != 1 {
		t.Errorf("undated event: %v", r)
	}
}
