package coder

import (
	"strings"

	"github.com/egret-events/egret/nlp"
)

// Modality: negated events are never coded as the positive event (the
// clause coder drops them); hypothetical ("would", "if"), intended ("will",
// "plans to", "readiness to") and questioned events are marked, and
// intended events are coded as CAMEO practice wants: an expressed intent
// (03x) or a threat (13x), not the material event itself.

const (
	modHypothetical = "hypothetical"
	modIntended     = "intended"
	modQuestioned   = "questioned"
	modNegated      = "negated"
)

// intentWords before "to" + verb express intent ("plans to", "vowed to",
// "readiness to", "ready to").
var intentWords = map[string]bool{"PLAN": true, "PLANS": true, "INTEND": true, "WANT": true, "SEEK": true, "HOPE": true, "PREPARE": true,
	"AIM": true, "VOW": true, "PROMISE": true, "PLEDGE": true, "OFFER": true, "THREATEN": true, "READINESS": true, "READY": true,
	"WILLING": true, "WILLINGNESS": true, "PREPARED": true, "INTENTION": true, "DETERMINED": true, "DETERMINATION": true, "COMMITTED": true,
	"COMMITMENT": true, "RESOLVE": true, "RESOLVED": true, "EAGER": true, "DESIRE": true, "PLANNING": true, "INTENDS": true, "WANTS": true}

// intentCode maps a CAMEO root to the code of the intent to do it.
var intentCode = map[string]string{
	"04": "036", // consult → intent to meet or negotiate
	"05": "032", // diplomatic cooperation
	"06": "031", // material cooperation
	"07": "033", // provide aid
	"08": "035", // yield
	"16": "131", // reduce relations → threaten non-force
	"17": "137", // coerce → threaten with repression
	"18": "138", // assault → threaten military force
	"19": "138",
	"20": "138",
}

// modalityOf reads the modality of verb v from its verb group and clause.
func (s *state) modalityOf(v *verbCand) string {
	if n := len(s.words); n > 0 && s.words[n-1].key == "?" {
		return modQuestioned
	}
	mod := ""
	for k := v.gs; k < v.vs; k++ {
		x := &s.words[k]
		if x.key == "NO" && k+1 < v.vs && s.words[k+1].key == "LONGER" {
			return modNegated // "will no longer recognize"
		}
		switch {
		case intended[x.key]:
			mod = modIntended
		case hypothetical[x.key] && mod == "":
			mod = modHypothetical
		case intentWords[x.lemma] || intentWords[x.key]:
			mod = modIntended
		}
	}
	// "vowed to retaliate", "our readiness to cooperate": the intent word
	// stands right before the verb group's "to"
	if g := v.gs; g > 0 && s.words[g].tag == nlp.TO {
		p := &s.words[g-1]
		if intentWords[p.key] || intentWords[p.lemma] {
			mod = modIntended
		}
	}
	if mod == "" {
		// a conditional clause: "if X attacks, ..."
		for k := v.gs - 1; k >= 0 && k >= v.gs-12; k-- {
			if s.words[k].key == "IF" || s.words[k].key == "UNLESS" {
				return modHypothetical
			}
			if s.words[k].key == ";" || s.words[k].key == "." {
				break
			}
		}
	}
	return mod
}

// applyModality sets each event's modality and recodes intended material
// events to the express-intent (03) or threaten (13) family.
func (c *Coder) applyModality(s *state, raw []rawEvent) []rawEvent {
	for k := range raw {
		r := &raw[k]
		if strings.HasPrefix(r.pattern, "context:") {
			continue
		}
		var v *verbCand
		for vi := range s.verbs {
			if s.verbs[vi].vs == r.verbI {
				v = &s.verbs[vi]
				break
			}
		}
		if v == nil {
			continue
		}
		r.modality = s.modalityOf(v)
		if r.modality == modNegated {
			r.code = "" // not coded as the positive event; dropped below
			continue
		}
		if strings.HasPrefix(r.code, "03") || strings.HasPrefix(r.code, "13") {
			r.modality = modIntended // expressed intent is what these codes say
			continue
		}
		if r.modality == modIntended && len(r.code) >= 2 {
			if ic := intentCode[r.code[:2]]; ic != "" {
				if r.code == "060" {
					ic = "030" // plain "cooperate": intent to cooperate
				}
				r.code = ic
			}
		}
	}
	out := raw[:0]
	for _, r := range raw {
		if r.code != "" {
			out = append(out, r)
		}
	}
	return dedupRaw(out)
}
