// Package dictsuggest lists the most frequent actor-like phrases in a set of texts that a dictionary set does not code, to guide dictionary work (egret dict suggest).
package dictsuggest

import (
	"sort"
	"strings"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/petrarch"
)

// Kinds of suggestion.
const (
	KindName   = "name"   // a run of proper nouns ("Joint Operations Command")
	KindSector = "sector" // a common-noun group or people phrase ("village elders")
)

// Suggestion is one uncoded phrase with how often it occurred.
type Suggestion struct {
	Phrase  string // the phrase as written in its first occurrence
	Entry   string // a dictionary phrase for it: upper case, "_"-joined, stopped ("JOINT_OPERATIONS_COMMAND_")
	Kind    string // KindName or KindSector
	Count   int    // mentions
	Docs    int    // documents it occurred in
	Example string // the first sentence it occurred in
}

type tally struct {
	Suggestion
	lastDoc int
}

// Suggester accumulates uncoded phrases over texts; it is not safe for
// concurrent use.
type Suggester struct {
	d      *petrarch.Dictionaries
	p      *nlp.Pipeline
	counts map[string]*tally
	docs   int
	// capitalised words that never name an actor: notNames, weekdays
	// and months
	notNames map[string]bool
}

// New returns a Suggester that checks phrases against d, tokenizing with p.
func New(d *petrarch.Dictionaries, p *nlp.Pipeline) *Suggester {
	not := p.Calendar().Words(nlp.Weekday, nlp.Month)
	for w := range notNames {
		not[w] = true
	}
	return &Suggester{d: d, p: p, counts: map[string]*tally{}, notNames: not}
}

// Docs is the number of texts added.
func (s *Suggester) Docs() int { return s.docs }

// word is one token as the coder sees it ("'S" split off).
type word struct {
	key   string
	text  string
	tag   nlp.Tag
	start int
	end   int
}

// Add scans one text.
func (s *Suggester) Add(text string) {
	s.docs++
	for _, sent := range s.p.Sentences(text) {
		ws := splitWords(sent.Tokens, text)
		keys := make([]string, len(ws))
		for i, w := range ws {
			keys[i] = w.key
		}
		covered := s.cover(keys)
		sentText := strings.TrimSpace(text[sent.Start:sent.End])
		for _, c := range nameRuns(ws, covered, s.notNames) {
			s.count(ws, c[0], c[1], KindName, text, sentText)
		}
		for _, c := range sectorRuns(ws, covered) {
			s.count(ws, c[0], c[1], KindSector, text, sentText)
		}
	}
}

func splitWords(toks []nlp.Token, text string) []word {
	ws := make([]word, 0, len(toks)+2)
	for _, t := range toks {
		k := t.Upper
		if n := len(k); n > 2 && k[n-2:] == "'S" && t.Tag != nlp.VBZ {
			// split at the apostrophe in the source (a curly one is 3 bytes)
			cut := t.End - 2
			if i := strings.LastIndexAny(text[t.Start:t.End], "'’"); i > 0 {
				cut = t.Start + i
			}
			ws = append(ws, word{key: k[:n-2], text: text[t.Start:cut], tag: t.Tag, start: t.Start, end: cut})
			ws = append(ws, word{key: "'S", text: text[cut:t.End], tag: nlp.POS, start: cut, end: t.End})
			continue
		}
		ws = append(ws, word{key: k, text: t.Text, tag: t.Tag, start: t.Start, end: t.End})
	}
	return ws
}

// cover marks the words an actor or agent phrase matches.
func (s *Suggester) cover(keys []string) []bool {
	covered := make([]bool, len(keys))
	for i := 0; i < len(keys); {
		n := 0
		if _, m := s.d.Actors.Index.Match(keys, i); m > 0 {
			n = m
		}
		if s.d.Agents != nil {
			if _, m := s.d.Agents.Index.Match(keys, i); m > n {
				n = m
			}
		}
		if n == 0 {
			i++
			continue
		}
		for k := i; k < i+n; k++ {
			covered[k] = true
		}
		i += n
	}
	return covered
}

func (s *Suggester) count(ws []word, i, j int, kind, text, sentText string) {
	parts := make([]string, 0, j-i)
	for _, w := range ws[i:j] {
		parts = append(parts, w.key)
	}
	key := strings.Join(parts, " ")
	t := s.counts[key]
	if t == nil {
		t = &tally{Suggestion: Suggestion{
			Phrase:  text[ws[i].start:ws[j-1].end],
			Entry:   strings.Join(parts, "_") + "_",
			Kind:    kind,
			Example: sentText,
		}}
		s.counts[key] = t
	}
	t.Count++
	if t.lastDoc != s.docs {
		t.lastDoc = s.docs
		t.Docs++
	}
}

// Top returns up to n suggestions seen at least min times, most frequent
// first (ties: more documents, then alphabetical). n <= 0 means all.
func (s *Suggester) Top(n, min int) []Suggestion {
	var out []Suggestion
	for _, t := range s.counts {
		if t.Count >= min {
			out = append(out, t.Suggestion)
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		if out[a].Docs != out[b].Docs {
			return out[a].Docs > out[b].Docs
		}
		return out[a].Entry < out[b].Entry
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Suggest scans texts and returns the top n uncoded phrases seen at least
// min times.
func Suggest(d *petrarch.Dictionaries, p *nlp.Pipeline, texts []string, n, min int) []Suggestion {
	s := New(d, p)
	for _, t := range texts {
		s.Add(t)
	}
	return s.Top(n, min)
}

// connectors may join proper nouns inside one name ("Ministry of Defense",
// "Ansar al-Sharia", "Bosnia and Herzegovina").
var connectors = map[string]bool{"OF": true, "FOR": true, "AND": true, "DE": true, "DEL": true, "AL": true, "EL": true, "BIN": true, "'S": true}

// notNames are capitalised words that never name an actor, besides
// weekdays and months (nlp's calendar words).
var notNames = map[string]bool{
	"MR.": true, "MRS.": true, "MS.": true, "DR.": true, "MR": true, "MRS": true, "MS": true, "DR": true,
	"I": true, "AP": true, "VOA": true, "REUTERS": true, "AFP": true, "GMT": true, "UTC": true, "COVID-19": true,
	"CHRISTMAS": true, "EASTER": true, "RAMADAN": true, "EID": true, "OK": true, "AI": true, "TV": true,
	"JAN.": true, "FEB.": true, "AUG.": true, "SEPT.": true, "SEP.": true, "OCT.": true, "NOV.": true, "DEC.": true,
	"NORTH": true, "SOUTH": true, "EAST": true, "WEST": true, "NORTHEAST": true, "NORTHWEST": true, "SOUTHEAST": true,
	"SOUTHWEST": true, "SEA": true, "OCEAN": true, "RIVER": true, "CITY": true, "PROVINCE": true, "STREET": true,
}

// nameRuns returns [start, end) word ranges of uncovered proper-noun runs,
// not counting words in skip.
func nameRuns(ws []word, covered []bool, skip map[string]bool) [][2]int {
	var out [][2]int
	isName := func(k int) bool {
		w := ws[k]
		return !covered[k] && (w.tag == nlp.NNP || w.tag == nlp.NNPS) && !skip[w.key] && hasLetter(w.key)
	}
	for i := 0; i < len(ws); {
		if !isName(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) {
			if isName(j) {
				j++
				continue
			}
			// one connector between two names
			if j+1 < len(ws) && !covered[j] && connectors[ws[j].key] && isName(j+1) {
				j += 2
				continue
			}
			break
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// orgHeads are common nouns that head names of organisations and bodies.
var orgHeads = map[string]bool{
	"GROUP": true, "GROUPS": true, "COUNCIL": true, "COMMITTEE": true, "AGENCY": true, "AGENCIES": true,
	"OFFICE": true, "PARTY": true, "MOVEMENT": true, "FRONT": true, "BRIGADE": true, "BRIGADES": true,
	"BATTALION": true, "COMMISSION": true, "ASSOCIATION": true, "ORGANIZATION": true, "ORGANISATION": true,
	"ALLIANCE": true, "COALITION": true, "FACTION": true, "FACTIONS": true, "UNIT": true, "UNITS": true,
	"DIVISION": true, "DEPARTMENT": true, "BUREAU": true, "INSTITUTE": true, "FOUNDATION": true,
	"NETWORK": true, "CELL": true, "CELLS": true, "CLAN": true, "CLANS": true, "TRIBE": true, "TRIBES": true,
	"ELDERS": true, "SETTLERS": true, "DELEGATES": true, "NEGOTIATORS": true, "MEDIATORS": true,
	"INVESTIGATORS": true, "INSPECTORS": true, "MONITORS": true, "OBSERVERS": true, "EXPERTS": true,
	"ANALYSTS": true, "OFFICERS": true, "AGENTS": true, "GUARDS": true, "VOLUNTEERS": true, "RECRUITS": true,
	"MERCENARIES": true, "SUPPORTERS": true, "LOYALISTS": true, "ALLIES": true, "PARTNERS": true,
	"NATIONS": true, "COUNTRIES": true, "STATES": true, "GOVERNMENTS": true, "REGIME": true,
	"WORKERS": true, "EMPLOYEES": true, "MEMBERS": true, "OPERATIVES": true, "COMMANDERS": true,
	"PROVINCE": true, "ADMINISTRATION": true, "SECRETARIAT": true, "TRIBUNAL": true, "PANEL": true,
}

// sectorRuns returns uncovered common-noun groups headed by an
// organisation or people noun, with up to two modifiers ("village elders",
// "foreign fighters").
func sectorRuns(ws []word, covered []bool) [][2]int {
	var out [][2]int
	for k := range ws {
		w := ws[k]
		if covered[k] || (w.tag != nlp.NN && w.tag != nlp.NNS) || !orgHeads[w.key] {
			continue
		}
		if k+1 < len(ws) && !covered[k+1] && (ws[k+1].tag == nlp.NN || ws[k+1].tag == nlp.NNS) {
			continue // not the head: a noun follows
		}
		i := k
		for i > 0 && k-i < 2 && !covered[i-1] && (ws[i-1].tag == nlp.JJ || ws[i-1].tag == nlp.NN || ws[i-1].tag == nlp.NNP) && hasLetter(ws[i-1].key) {
			i--
		}
		if i == k {
			continue // a bare head ("group") names nobody
		}
		out = append(out, [2]int{i, k + 1})
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}
