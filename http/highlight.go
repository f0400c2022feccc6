package http

import (
	"sort"
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

// Highlight splits text at the boundaries of the events' source, target
// and event spans (byte offsets into text). Spans out of range are clipped
// and offsets inside a UTF-8 sequence move to the next character.
func Highlight(text string, events []egret.Event) []Segment {
	fix := func(o int) int {
		o = max(0, min(o, len(text)))
		for o < len(text) && !utf8.RuneStart(text[o]) {
			o++
		}
		return o
	}
	type span struct {
		s, e int
		m    Mark
	}
	var spans []span
	cuts := map[int]bool{0: true, len(text): true}
	for i := range events {
		for _, r := range []struct {
			role string
			sp   egret.Span
		}{{"source", events[i].SourceSpan}, {"target", events[i].TargetSpan}, {"event", events[i].EventSpan}} {
			s, e := fix(r.sp.Start), fix(r.sp.End)
			if e <= s {
				continue
			}
			spans = append(spans, span{s, e, Mark{Event: i, Role: r.role}})
			cuts[s], cuts[e] = true, true
		}
	}
	bounds := make([]int, 0, len(cuts))
	for c := range cuts {
		bounds = append(bounds, c)
	}
	sort.Ints(bounds)
	segs := []Segment{}
	for i := 0; i+1 < len(bounds); i++ {
		s, e := bounds[i], bounds[i+1]
		if s == e {
			continue
		}
		seg := Segment{Start: s, End: e, Text: text[s:e]}
		for _, sp := range spans {
			if sp.s <= s && e <= sp.e {
				seg.Marks = append(seg.Marks, sp.m)
			}
		}
		segs = append(segs, seg)
	}
	return segs
}
