package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/egret-events/egret"
)

// Synthetic data for benchmarks: realistic skew (a few countries and
// types dominate), ten years of dates, sentences with searchable words.
var (
	genCountries = []struct{ code, name string }{
		{"USA", "Washington"}, {"RUS", "Moscow"}, {"CHN", "Beijing"}, {"SYR", "Damascus"}, {"UKR", "Kyiv"}, {"ISR", "Israel"},
		{"IRN", "Tehran"}, {"TUR", "Ankara"}, {"GBR", "London"}, {"FRA", "Paris"}, {"DEU", "Berlin"}, {"IND", "New Delhi"},
		{"PAK", "Islamabad"}, {"AFG", "Kabul"}, {"IRQ", "Baghdad"}, {"EGY", "Cairo"}, {"SAU", "Riyadh"}, {"JPN", "Tokyo"},
		{"PRK", "Pyongyang"}, {"KOR", "Seoul"}, {"NGA", "Abuja"}, {"BRA", "Brasilia"}, {"MEX", "Mexico City"}, {"VEN", "Caracas"},
		{"LBY", "Tripoli"}, {"YEM", "Sanaa"}, {"SDN", "Khartoum"}, {"ETH", "Addis Ababa"}, {"POL", "Warsaw"}, {"BLR", "Minsk"},
	}
	genSuffixes = []string{"", "", "GOV", "GOV", "MIL", "REB", "COP", "BUS", "MED", "OPP"}
	genVerbs    = []struct {
		cameo, plover, verb string
		quad                int
		g                   float64
	}{
		{"010", "CONSULT", "made a statement about", 1, 0}, {"036", "CONSULT", "expressed intent to meet", 1, 4}, {"042", "CONSULT", "visited", 1, 1.9},
		{"043", "CONSULT", "hosted", 1, 2.8}, {"051", "SUPPORT", "praised", 1, 3.4}, {"057", "AGREE", "signed an agreement with", 1, 8},
		{"061", "COOPERATE", "cooperated economically with", 2, 6.4}, {"071", "AID", "sent economic aid to", 2, 7.4}, {"0874", "RETREAT", "withdrew troops from", 2, 5},
		{"020", "REQUEST", "appealed to", 1, 3}, {"111", "REJECT", "criticized", 3, -2}, {"112", "ACCUSE", "accused", 3, -2},
		{"120", "REJECT", "rejected a proposal from", 3, -4}, {"130", "THREATEN", "threatened", 3, -4.4}, {"141", "PROTEST", "demonstrated against", 3, -6.5},
		{"163", "SANCTION", "imposed an embargo on", 4, -8}, {"150", "MOBILIZE", "put troops on alert against", 4, -7.2}, {"173", "COERCE", "arrested citizens of", 4, -5},
		{"190", "ASSAULT", "attacked", 4, -10}, {"195", "ASSAULT", "bombed positions of", 4, -10},
	}
	genTopics = []string{"grain exports", "the border", "nuclear talks", "refugees", "gas prices", "terrorism", "elections", "cyber attacks", "fishing rights", "the ceasefire"}
	genPlaces = []struct {
		name, country string
		lat, lon      float64
	}{
		{"Idlib", "SYR", 35.93, 36.63}, {"Kharkiv", "UKR", 49.99, 36.23}, {"Gaza", "PSE", 31.5, 34.47}, {"Mosul", "IRQ", 36.34, 43.13},
		{"Kabul", "AFG", 34.53, 69.17}, {"Tripoli", "LBY", 32.89, 13.19}, {"Aden", "YEM", 12.78, 45.04}, {"Donetsk", "UKR", 48.0, 37.8},
	}
)

// zipf picks an index in [0, n) with the first ones much more likely.
func zipf(r *rand.Rand, n int) int {
	for {
		i := int(float64(n) * r.Float64() * r.Float64())
		if i < n {
			return i
		}
	}
}

// GenDocuments returns n synthetic documents of perDoc events each,
// deterministically from seed, dated at random over 2015-2024.
func GenDocuments(seed uint64, first, n, perDoc int) []egret.CodedDocument {
	return gen(seed, first, n, perDoc, 0)
}

// GenArchive is like GenDocuments but dates documents in order, perDay
// documents a day from 2015-01-01 (give or take a day), as an archive
// of news is ingested.
func GenArchive(seed uint64, first, n, perDoc, perDay int) []egret.CodedDocument {
	return gen(seed, first, n, perDoc, perDay)
}

func gen(seed uint64, first, n, perDoc, perDay int) []egret.CodedDocument {
	r := rand.New(rand.NewPCG(seed, uint64(first)))
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]egret.CodedDocument, n)
	for i := range docs {
		id := fmt.Sprintf("gen-%d", first+i)
		date := start.AddDate(0, 0, r.IntN(3650))
		if perDay > 0 {
			date = start.AddDate(0, 0, (first+i)/perDay+r.IntN(3)-1)
		}
		var text strings.Builder
		evs := make([]egret.Event, perDoc)
		for j := range evs {
			a, b := genCountries[zipf(r, len(genCountries))], genCountries[zipf(r, len(genCountries))]
			for b.code == a.code {
				b = genCountries[r.IntN(len(genCountries))]
			}
			v := genVerbs[r.IntN(len(genVerbs))]
			topic := genTopics[r.IntN(len(genTopics))]
			off := text.Len()
			sent := a.name + " " + v.verb + " " + b.name + " over " + topic + "."
			text.WriteString(sent + " ")
			ev := egret.Event{
				Sentence: j, Source: a.code + genSuffixes[r.IntN(len(genSuffixes))], Target: b.code + genSuffixes[r.IntN(len(genSuffixes))],
				CAMEO: v.cameo, PLOVER: v.plover, QuadClass: v.quad, Goldstein: v.g,
				SourceText: a.name, TargetText: b.name, EventText: v.verb, Text: sent,
				SentenceSpan: egret.Span{Start: off, End: off + len(sent)},
				SourceSpan:   egret.Span{Start: off, End: off + len(a.name)},
				EventSpan:    egret.Span{Start: off + len(a.name) + 1, End: off + len(a.name) + 1 + len(v.verb)},
			}
			ev.TargetSpan = egret.Span{Start: ev.EventSpan.End + 1, End: ev.EventSpan.End + 1 + len(b.name)}
			if r.IntN(5) == 0 {
				p := genPlaces[r.IntN(len(genPlaces))]
				ev.Location = &egret.Location{Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon, Feature: "city"}
			}
			evs[j] = ev
		}
		docs[i] = egret.CodedDocument{Document: egret.Document{ID: id, Title: "Synthetic " + id, Text: text.String(), Date: date, Source: "synthetic"}, Events: evs}
	}
	return docs
}

// Fill stores a synthetic ten-year archive (55 five-event documents a
// day) until the store holds at least events events, in batches of 1,000
// documents.
func Fill(ctx context.Context, s egret.Store, events int, progress func(done int)) error {
	const perDoc, batch = 5, 1000
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	for done := int(st.Documents); done*perDoc < events; done += batch {
		if err := s.PutDocuments(ctx, GenArchive(1, done, batch, perDoc, 55)); err != nil {
			return err
		}
		if progress != nil {
			progress((done + batch) * perDoc)
		}
	}
	return nil
}
