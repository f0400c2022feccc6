package coder

import (
	"testing"

	"github.com/egret-events/egret"
)

// TestInferFromLocations gives a country-less agent its event's located
// country, unless the phrase says the agent is foreign to it.
func TestInferFromLocations(t *testing.T) {
	c := loadDefault(t, Options{})
	loc := &egret.Location{Country: "IND"}
	evs := []egret.Event{
		{Source: "---COP", SourceText: "police", Target: "---CVL", TargetText: "two men", CAMEO: "173", Location: loc},
		{Source: "---PTY", SourceText: "Western politicians", Target: "---GOV", TargetText: "the government", CAMEO: "020", Location: loc},
	}
	c.InferFromLocations(evs)
	if evs[0].Source != "INDCOP" || evs[0].Target != "INDCVL" || !evs[0].HasFlag(egret.FlagSourceInferred) {
		t.Errorf("local agents: got %s %s %v", evs[0].Source, evs[0].Target, evs[0].Flags)
	}
	if evs[1].Source != "---PTY" || evs[1].Target != "INDGOV" {
		t.Errorf("Western politicians: got %s %s, want ---PTY INDGOV", evs[1].Source, evs[1].Target)
	}
	// in a story located in several countries, a place named in another
	// sentence (the main place) gives the agents no country
	far := []egret.Event{
		{Source: "PAK", Target: "---MIL", TargetText: "three soldiers", CAMEO: "190",
			SentenceSpan: egret.Span{Start: 100, End: 180}, Location: &egret.Location{Country: "QAT", Span: egret.Span{Start: 10, End: 14}}},
		{Source: "PAK", Target: "AFGGOV", CAMEO: "161",
			SentenceSpan: egret.Span{Start: 0, End: 60}, Location: &egret.Location{Country: "PAK", Span: egret.Span{Start: 0, End: 9}}},
	}
	c.InferFromLocations(far)
	if far[0].Target != "---MIL" {
		t.Errorf("place of another sentence: target %s, want ---MIL", far[0].Target)
	}
}
