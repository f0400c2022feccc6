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
}
