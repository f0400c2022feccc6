package coder

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/petrarch"
)

// RecordResult is the outcome of one validation record.
type RecordResult struct {
	Record   petrarch.Record
	Expected []string // "SRC TGT CODE", required events
	Optional []string // expected events naming actors absent from the dictionaries
	Produced []string
	OK       bool
	Panic    string
}

// CategoryResult counts one record category.
type CategoryResult struct {
	Name           string
	Total, Correct int
}

// Report is a validation run.
type Report struct {
	Results    []RecordResult
	Categories []CategoryResult
	Total      int
	Correct    int
}

// Rate is the share of records coded exactly right.
func (r *Report) Rate() float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Correct) / float64(r.Total)
}

func triple(s, t, c string) string {
	if t == "" {
		t = "---"
	}
	if s == "" {
		s = "---"
	}
	return s + " " + t + " " + c
}

// quoted reports PETRARCH's "new actor" output: a quoted noun phrase in
// place of a code ('"GRYFFINDOR HEAD MINERVA MCGONAGALL"'). egret codes only
// dictionary actors, so such events are optional: neither required nor
// counted against a record.
func quoted(code string) bool { return strings.HasPrefix(code, `"`) || strings.HasPrefix(code, `'`) }

// Validate codes every record as a one-sentence document and compares the
// events with the expected ones: a record is right when the set of (source,
// target, code) triples produced equals the set expected (records marked
// noevents or error expect none). A panic while coding a record is
// recovered and counted as a failure.
func Validate(ctx context.Context, c *Coder, recs []petrarch.Record) *Report {
	rep := &Report{}
	cats := map[string]*CategoryResult{}
	for _, rec := range recs {
		res := RecordResult{Record: rec}
		if !rec.NoEvents && rec.Error == "" {
			for _, e := range rec.Events {
				t := triple(e.Source, e.Target, e.Code)
				if quoted(e.Source) || quoted(e.Target) {
					res.Optional = append(res.Optional, t)
					continue
				}
				res.Expected = appendUniq(res.Expected, t)
			}
		}
		evs, panicMsg := codeRecord(ctx, c, rec)
		res.Panic = panicMsg
		for _, e := range evs {
			res.Produced = appendUniq(res.Produced, triple(e.Source, e.Target, e.CAMEO))
		}
		sort.Strings(res.Expected)
		sort.Strings(res.Produced)
		res.OK = panicMsg == "" && strings.Join(res.Expected, "|") == strings.Join(res.Produced, "|")
		rep.Results = append(rep.Results, res)
		rep.Total++
		cr := cats[rec.Category]
		if cr == nil {
			cr = &CategoryResult{Name: rec.Category}
			cats[rec.Category] = cr
		}
		cr.Total++
		if res.OK {
			rep.Correct++
			cr.Correct++
		}
	}
	for _, cr := range cats {
		rep.Categories = append(rep.Categories, *cr)
	}
	sort.Slice(rep.Categories, func(i, j int) bool { return rep.Categories[i].Name < rep.Categories[j].Name })
	return rep
}

func appendUniq(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func codeRecord(ctx context.Context, c *Coder, rec petrarch.Record) (evs []egret.Event, panicMsg string) {
	defer func() {
		if r := recover(); r != nil {
			panicMsg = fmt.Sprint(r)
		}
	}()
	date, err := time.Parse("20060102", rec.Date)
	if err != nil {
		return nil, ""
	}
	doc := &egret.Document{ID: rec.ID, Text: rec.Text, Date: date}
	evs, err = c.Code(ctx, doc)
	if err != nil {
		return nil, "error: " + err.Error()
	}
	return evs, ""
}

// Write prints the report: failures with expected and produced events (all
// records when verbose), per-category results and the total.
func (r *Report) Write(w io.Writer, verbose bool) {
	for _, res := range r.Results {
		if res.OK && !verbose {
			continue
		}
		mark := "FAIL"
		if res.OK {
			mark = "ok  "
		}
		fmt.Fprintf(w, "%s %s [%s] line %d: %s\n", mark, res.Record.ID, res.Record.Category, res.Record.Line, res.Record.Text)
		if res.Panic != "" {
			fmt.Fprintf(w, "     panic: %s\n", res.Panic)
		}
		fmt.Fprintf(w, "     expected: %s\n", listOrNone(res.Expected))
		if len(res.Optional) > 0 {
			fmt.Fprintf(w, "     optional (new actors): %s\n", strings.Join(res.Optional, "; "))
		}
		fmt.Fprintf(w, "     produced: %s\n", listOrNone(res.Produced))
	}
	fmt.Fprintf(w, "\n%-12s %7s %7s %7s\n", "category", "right", "total", "rate")
	for _, c := range r.Categories {
		fmt.Fprintf(w, "%-12s %7d %7d %6.1f%%\n", c.Name, c.Correct, c.Total, 100*float64(c.Correct)/float64(c.Total))
	}
	fmt.Fprintf(w, "%-12s %7d %7d %6.1f%%\n", "TOTAL", r.Correct, r.Total, 100*r.Rate())
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "(none)"
	}
	return strings.Join(xs, "; ")
}
