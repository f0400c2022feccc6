package http_test

import (
	"context"
	"regexp"
	"strings"

	"github.com/egret-events/egret"
)

// fakeCoder codes "A accused B" and "A attacked B" sentences between a few
// known actor names. The real coder is exercised by cmd/egret's end-to-end
// tests; these tests are about the server and the store.
type fakeCoder struct{}

var (
	actorRe    = regexp.MustCompile(`\b(Russia|Moscow|the United States|Washington|Syria|Damascus|Turkey|Ankara)\b`)
	verbRe     = regexp.MustCompile(`\b(accused|attacked|praised)\b`)
	actorCodes = map[string]string{"Russia": "RUS", "Moscow": "RUSGOV", "the United States": "USA", "Washington": "USAGOV",
		"Syria": "SYR", "Damascus": "SYRGOV", "Turkey": "TUR", "Ankara": "TURGOV"}
	verbCodes = map[string][4]string{"accused": {"112", "ACCUSE", "3", "-2"}, "attacked": {"190", "ASSAULT", "4", "-10"}, "praised": {"051", "SUPPORT", "1", "3.4"}}
)

func (fakeCoder) Code(ctx context.Context, doc *egret.Document) ([]egret.Event, error) {
	if strings.Contains(doc.Text, "CODER-FAILS") {
		return nil, egret.Errorf(egret.EINVALID, "text asks the coder to fail")
	}
	var evs []egret.Event
	start := 0
	for i, sent := range splitSentences(doc.Text) {
		off := strings.Index(doc.Text[start:], sent) + start
		start = off + len(sent)
		v := verbRe.FindStringIndex(sent)
		if v == nil {
			continue
		}
		acts := actorRe.FindAllStringIndex(sent, -1)
		var src, tgt []int
		for _, a := range acts {
			if a[1] <= v[0] {
				src = a
			} else if tgt == nil && a[0] >= v[1] {
				tgt = a
			}
		}
		if src == nil || tgt == nil {
			continue
		}
		vc := verbCodes[sent[v[0]:v[1]]]
		quad := int(vc[2][0] - '0')
		g := map[string]float64{"-2": -2, "-10": -10, "3.4": 3.4}[vc[3]]
		evs = append(evs, egret.Event{
			DocID: doc.ID, Sentence: i, Source: actorCodes[sent[src[0]:src[1]]], Target: actorCodes[sent[tgt[0]:tgt[1]]],
			CAMEO: vc[0], PLOVER: vc[1], QuadClass: quad, Goldstein: g,
			SourceText: sent[src[0]:src[1]], TargetText: sent[tgt[0]:tgt[1]], EventText: sent[v[0]:v[1]], Text: sent,
			SentenceSpan: egret.Span{Start: off, End: off + len(sent)},
			SourceSpan:   egret.Span{Start: off + src[0], End: off + src[1]},
			TargetSpan:   egret.Span{Start: off + tgt[0], End: off + tgt[1]},
			EventSpan:    egret.Span{Start: off + v[0], End: off + v[1]},
		})
	}
	return evs, nil
}

func splitSentences(text string) []string {
	var out []string
	for _, s := range regexp.MustCompile(`[^.!?]+[.!?]?`).FindAllString(text, -1) {
		if t := strings.TrimSpace(s); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// fakeGeocoder puts events whose sentence names Idlib or Ankara there.
type fakeGeocoder struct{}

func (fakeGeocoder) Locate(doc *egret.Document, evs []egret.Event) {
	for i := range evs {
		switch {
		case strings.Contains(evs[i].Text, "Idlib"):
			evs[i].Location = &egret.Location{Name: "Idlib", Lat: 35.93, Lon: 36.63, Country: "SYR", Feature: "city"}
		case strings.Contains(evs[i].Text, "Ankara"):
			evs[i].Location = &egret.Location{Name: "Ankara", Lat: 39.92, Lon: 32.85, Country: "TUR", Feature: "city"}
		}
	}
}
