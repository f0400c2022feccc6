package coder

import (
	"sort"
	"strings"

	"github.com/egret-events/egret"
)

// Within-document duplicates: statements and news stories restate their
// main events ("has accused Moscow and Damascus" after "a statement ... to
// the effect that Russia and the Assad regime are aggravating ..."). An
// event restated in a later sentence is emitted once, at its first
// mention, with every sentence it occurs in (Event.Sentences).

// dupKey identifies an event for merging: same source, the same
// three-digit CAMEO code (1123 restates 112) and modality. Targets are
// compared separately, since "Damascus" (SYR) restates "the Assad regime"
// (SYRGOV).
type dupKey struct {
	src, code, modality string
}

func baseCode(c string) string {
	if len(c) > 3 {
		return c[:3]
	}
	return c
}

// sameActor reports whether two codes name the same actor: equal, or a
// country and its government (a capital standing for its government:
// "Damascus" restates "the Assad regime"). A country and another of its
// sectors (UKR, UKRCVLHLH) may be two events and are not merged.
func sameActor(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 3 && strings.HasPrefix(b, a) && strings.HasPrefix(b[3:], "GOV")
}

// mergeDuplicates merges restated events; events keep their order.
func mergeDuplicates(evs []egret.Event) []egret.Event {
	if len(evs) < 2 {
		return evs
	}
	byKey := map[dupKey][]int{}
	out := evs[:0]
	for _, e := range evs {
		if e.Source == "" || e.Target == "" {
			out = append(out, e) // an unknown actor may be a different one each time
			continue
		}
		k := dupKey{src: e.Source, code: baseCode(e.CAMEO), modality: e.Modality}
		merged := false
		for _, oi := range byKey[k] {
			o := &out[oi]
			if !sameActor(o.Target, e.Target) {
				continue
			}
			if o.Sentence == e.Sentence && o.Target != e.Target {
				continue // two targets of one sentence are two events
			}
			if len(o.Sentences) == 0 {
				o.Sentences = []int{o.Sentence}
			}
			o.Sentences = appendInt(o.Sentences, e.Sentence)
			if len(e.Target) > len(o.Target) {
				o.Target, o.TargetText, o.TargetSpan, o.TargetRef = e.Target, e.TargetText, e.TargetSpan, e.TargetRef
			}
			merged = true
			break
		}
		if merged {
			continue
		}
		byKey[k] = append(byKey[k], len(out))
		out = append(out, e)
	}
	for i := range out {
		if len(out[i].Sentences) == 1 {
			out[i].Sentences = nil
		}
		sort.Ints(out[i].Sentences)
	}
	return out
}

func appendInt(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
