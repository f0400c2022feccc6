package nlp

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// calendarData is the hand-written calendar word list (calendar.txt), the
// one source of weekday and month names for the tagger and the coder.
//
//go:embed calendar.txt
var calendarData string

// CalendarClass is what a calendar word names.
type CalendarClass uint8

// The calendar classes, as calendar.txt spells them.
const (
	Weekday   CalendarClass = iota + 1 // WEEKDAY: MONDAY … SUNDAY
	NearDay                            // NEARDAY: TODAY, YESTERDAY
	ComingDay                          // COMINGDAY: TONIGHT, TOMORROW
	Month                              // MONTH: JANUARY … DECEMBER
	MonthAbbr                          // ABBR: JAN, SEPT, DEC …
)

var calendarClassNames = [...]string{Weekday: "WEEKDAY", NearDay: "NEARDAY", ComingDay: "COMINGDAY", Month: "MONTH", MonthAbbr: "ABBR"}

// String returns the class as calendar.txt spells it.
func (c CalendarClass) String() string {
	if int(c) < len(calendarClassNames) && calendarClassNames[c] != "" {
		return calendarClassNames[c]
	}
	return fmt.Sprintf("CalendarClass(%d)", c)
}

// Calendar holds the calendar words, upper case; it is immutable.
type Calendar struct {
	class map[string]CalendarClass
}

// Class returns the class of an upper-case word, or 0 when it is no
// calendar word.
func (c *Calendar) Class(upper string) CalendarClass { return c.class[upper] }

// Words returns a new set of the words of the given classes.
func (c *Calendar) Words(classes ...CalendarClass) map[string]bool {
	set := map[string]bool{}
	for w, cl := range c.class {
		for _, want := range classes {
			if cl == want {
				set[w] = true
			}
		}
	}
	return set
}

var loadCalendar = sync.OnceValues(func() (*Calendar, error) { return parseCalendar("calendar.txt", calendarData) })

// LoadCalendar returns the embedded calendar words, parsed once per
// process.
func LoadCalendar() (*Calendar, error) { return loadCalendar() }

// parseCalendar reads "WORD CLASS" lines ("#" comments, blank lines
// ignored); a bad line is an error naming the file and line.
func parseCalendar(name, data string) (*Calendar, error) {
	c := &Calendar{class: map[string]CalendarClass{}}
	for n, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		bad := func(why string) error {
			return fmt.Errorf("nlp %s:%d: %q: %s", name, n+1, strings.TrimSpace(line), why)
		}
		if len(f) != 2 {
			return nil, bad("want WORD CLASS")
		}
		if f[0] != strings.ToUpper(f[0]) {
			return nil, bad("not upper case")
		}
		cl := CalendarClass(0)
		for k, s := range calendarClassNames {
			if s != "" && s == f[1] {
				cl = CalendarClass(k)
			}
		}
		if cl == 0 {
			return nil, bad("unknown class")
		}
		if _, dup := c.class[f[0]]; dup {
			return nil, bad("listed twice")
		}
		c.class[f[0]] = cl
	}
	return c, nil
}
