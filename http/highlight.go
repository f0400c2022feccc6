package http

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"github.com/egret-events/egret"
)

// Mark says that a segment is part of an event's source, target or verb.
type Mark struct {
	Event int    `json:"event"` // index into the events list
	Role  string `json:"role"`  // source, target or event
}

// Segment is a run of document text covered by the same marks. Segments
// tile the text in order, so a client renders highlights without doing
// byte-offset arithmetic on UTF-16 strings.
type Segment struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Marks []Mark `json:"marks,omitempty"`
}

// span is one highlighted source, target or verb, in byte offsets.
type span struct {
	s, e int
	m    Mark
}

// spansOf returns the events' non-empty spans in event and role order,
// clipped to text; offsets inside a UTF-8 sequence move to the next
// character.
func spansOf(text string, events []egret.Event) []span {
	fix := func(o int) int {
		o = max(0, min(o, len(text)))
		for o < len(text) && !utf8.RuneStart(text[o]) {
			o++
		}
		return o
	}
	spans := make([]span, 0, 3*len(events))
	for i := range events {
		for _, r := range []struct {
			role string
			sp   egret.Span
		}{{"source", events[i].SourceSpan}, {"target", events[i].TargetSpan}, {"event", events[i].EventSpan}} {
			if s, e := fix(r.sp.Start), fix(r.sp.End); e > s {
				spans = append(spans, span{s, e, Mark{Event: i, Role: r.role}})
			}
		}
	}
	return spans
}

// Highlight splits text at the boundaries of the events' source, target
// and event spans (byte offsets into text; see spansOf). It sweeps the
// cut points once, so its cost is the spans' sorting plus the marks it
// writes (a segment lists its marks in event and role order).
func Highlight(text string, events []egret.Event) []Segment {
	spans := spansOf(text, events)
	cuts := make([]int, 0, 2*len(spans)+2)
	cuts = append(cuts, 0, len(text))
	for _, sp := range spans {
		cuts = append(cuts, sp.s, sp.e)
	}
	slices.Sort(cuts)
	// byStart lists span indexes (which are in event and role order) by
	// start, for the sweep to open them in turn.
	byStart := make([]int, len(spans))
	for i := range byStart {
		byStart[i] = i
	}
	slices.SortFunc(byStart, func(a, b int) int { return cmp.Or(cmp.Compare(spans[a].s, spans[b].s), cmp.Compare(a, b)) })
	segs := []Segment{}
	var open []int // spans covering the current segment
	next := 0
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		kept := open[:0]
		for _, k := range open {
			if spans[k].e > s {
				kept = append(kept, k)
			}
		}
		open = kept
		for next < len(byStart) && spans[byStart[next]].s <= s {
			open = append(open, byStart[next])
			next++
		}
		seg := Segment{Start: s, End: e, Text: text[s:e]}
		if len(open) > 0 {
			slices.Sort(open)
			seg.Marks = make([]Mark, len(open))
			for j, k := range open {
				seg.Marks[j] = spans[k].m
			}
		}
		segs = append(segs, seg)
	}
	return segs
}
