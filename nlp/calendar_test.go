package nlp

import (
	"strings"
	"testing"
)

func TestCalendarEmbedded(t *testing.T) {
	cal, err := LoadCalendar()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]CalendarClass{"MONDAY": Weekday, "SUNDAY": Weekday, "TODAY": NearDay, "YESTERDAY": NearDay,
		"TOMORROW": ComingDay, "TONIGHT": ComingDay, "MAY": Month, "DECEMBER": Month, "SEPT": MonthAbbr, "JAN": MonthAbbr, "MARCHES": 0, "monday": 0} {
		if got := cal.Class(w); got != want {
			t.Errorf("Class(%q) = %v, want %v", w, got, want)
		}
	}
	if n := len(cal.Words(Weekday)); n != 7 {
		t.Errorf("%d weekdays, want 7", n)
	}
	if n := len(cal.Words(Month)); n != 12 {
		t.Errorf("%d months, want 12", n)
	}
	days := cal.Words(Weekday, NearDay)
	if !days["FRIDAY"] || !days["YESTERDAY"] || days["TOMORROW"] || days["JUNE"] {
		t.Errorf("Words(Weekday, NearDay) = %v", days)
	}
}

func TestParseCalendar(t *testing.T) {
	for _, tc := range []struct {
		data string
		err  string // "" when the data parses
	}{
		{"# comment\n\nMONDAY WEEKDAY  # a day\nJAN ABBR\n", ""},
		{"MONDAY WEEKDAY\nmonday WEEKDAY\n", `cal.txt:2: "monday WEEKDAY": not upper case`},
		{"MONDAY WEEKDAY\nMONDAY NEARDAY\n", `cal.txt:2: "MONDAY NEARDAY": listed twice`},
		{"\n\nMONDAY\n", `cal.txt:3: "MONDAY": want WORD CLASS`},
		{"MONDAY WEEK DAY\n", `cal.txt:1: "MONDAY WEEK DAY": want WORD CLASS`},
		{"MONDAY weekday\n", `cal.txt:1: "MONDAY weekday": unknown class`},
		{"MONDAY CalendarClass(0)\n", `unknown class`},
	} {
		c, err := parseCalendar("cal.txt", tc.data)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.data, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.data, err, tc.err)
		case tc.err == "" && (c.Class("MONDAY") != Weekday || c.Class("JAN") != MonthAbbr):
			t.Errorf("%q: classes %v", tc.data, c.class)
		}
	}
}

func TestCalendarClassString(t *testing.T) {
	for c := Weekday; c <= MonthAbbr; c++ {
		cal, err := parseCalendar("x", "X "+c.String())
		if err != nil || cal.Class("X") != c {
			t.Errorf("%v does not read back: %v", c, err)
		}
	}
	if s := CalendarClass(9).String(); s != "CalendarClass(9)" {
		t.Errorf("String() = %q", s)
	}
}
