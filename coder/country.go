package coder

import (
	"sort"
	"strings"

	"github.com/egret-events/egret"
)

// Stage "country": agents the text gives no country ("police", "troops",
// "the ministry", "protesters") take the country the story is about when
// the document makes it plain, as expert coders do. It reads the actor
// mentions of every coded sentence (docContext.vote, from observe), the
// dateline and the title, and rewrites the "---" country part of the
// document's events once all sentences are coded, flagging the side it
// inferred (egret.FlagSourceInferred, egret.FlagTargetInferred).

// Evidence weights: a dateline names where the story happens; a title
// names what it is about; each body mention counts once.
const (
	datelineVotes = 4
	titleVotes    = 2
)

// vote counts one mention of country cc.
func (dc *docContext) vote(cc string, n int) {
	if dc == nil || cc == "" {
		return
	}
	if dc.votes == nil {
		dc.votes = map[string]int{}
	}
	dc.votes[cc] += n
}

// voteMentions counts the countries of the sentence's dictionary actor
// mentions (not those the context resolved: "we" would count the speaker
// again and again).
func (dc *docContext) voteMentions(c *Coder, s *state, n int) {
	if dc == nil {
		return
	}
	for k := range s.ments {
		m := &s.ments[k]
		if m.kind != mActor || m.actor == contextActor {
			continue
		}
		seen := ""
		for _, code := range m.codes {
			if cc := c.words.country(code); cc != "" && cc != seen {
				dc.vote(cc, n)
				seen = cc
			}
		}
	}
}

// storyCountry is the country the document is about: the one holding at
// least half of the votes and at least twice the next, with at least
// three votes; "" when the story is about several.
func (dc *docContext) storyCountry() string {
	if dc == nil || len(dc.votes) == 0 {
		return ""
	}
	type cv struct {
		cc string
		n  int
	}
	var all []cv
	total := 0
	for cc, n := range dc.votes {
		all = append(all, cv{cc, n})
		total += n
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].cc < all[j].cc })
	top := all[0]
	if top.n < 3 || 2*top.n < total {
		return ""
	}
	if len(all) > 1 && top.n < 2*all[1].n {
		return ""
	}
	return top.cc
}

// inferCountries gives the events' country-less actors ("---COP") the
// story's country.
func (dc *docContext) inferCountries(evs []egret.Event) {
	cc := dc.storyCountry()
	if cc == "" {
		return
	}
	for i := range evs {
		e := &evs[i]
		if dc.foreign(e.SourceText) && dc.foreign(e.TargetText) {
			continue
		}
		if len(e.Source) > 3 && strings.HasPrefix(e.Source, "---") && !dc.foreign(e.SourceText) {
			e.Source = cc + e.Source[3:]
			e.Flags = append(e.Flags, egret.FlagSourceInferred)
		}
		if (len(e.Target) > 3 && strings.HasPrefix(e.Target, "---") || e.Target == "---") && !dc.foreign(e.TargetText) {
			// (a bare "---" is an attacked place or thing whose country
			// the sentence did not say)
			e.Target = cc + e.Target[3:]
			e.Flags = append(e.Flags, egret.FlagTargetInferred)
		}
	}
	dropSelf(evs)
}

// foreign reports an actor phrase that says it is not of the story's
// country ("Western politicians", "foreign bloggers").
func (dc *docContext) foreign(text string) bool {
	if text == "" {
		return false
	}
	t := " " + strings.ToUpper(text) + " "
	for _, w := range dc.foreignWords {
		if strings.Contains(t, " "+w+" ") {
			return true
		}
	}
	return false
}

// dropSelf empties the code of events whose inferred source and target are
// one actor ("the Israeli leader told a cabinet meeting": ISRGOV to
// ISRGOV), which say nothing between actors; dropUncoded removes them.
func dropSelf(evs []egret.Event) {
	for i := range evs {
		if e := &evs[i]; e.Source != "" && e.Source == e.Target && len(e.Flags) > 0 {
			e.CAMEO = ""
		}
	}
}

// dropUncoded removes events whose code was emptied after coding.
func dropUncoded(evs []egret.Event) []egret.Event {
	out := evs[:0]
	for _, e := range evs {
		if e.CAMEO != "" {
			out = append(out, e)
		}
	}
	return out
}

// placeCountry returns the country of a dateline place through the actor
// dictionary, whose country entries hold capitals and major cities
// ("BEIRUT" → LBN, "Kyiv, Ukraine" → UKR); "" when unknown.
func (c *Coder) placeCountry(place string, date int) string {
	for _, part := range strings.Split(place, ",") {
		toks := c.p.Tokenize(strings.TrimSpace(part))
		if len(toks) == 0 {
			continue
		}
		keys := make([]string, len(toks))
		for i := range toks {
			keys[i] = toks[i].Upper
		}
		e, n := c.d.Actors.Index.Match(keys, 0)
		if n != len(keys) {
			continue
		}
		for _, code := range e.Value.CodesAt(date) {
			if cc := c.words.country(code); cc != "" {
				return cc
			}
		}
	}
	return ""
}

// InferFromLocations is the country stage's second pass, after
// geolocation: an agent still without a country ("police" in a story set
// in Lucknow, which no actor dictionary names) takes the country of the
// place the event was located in, flagged as inferred.
func (c *Coder) InferFromLocations(evs []egret.Event) {
	dc := &docContext{foreignWords: c.words.foreignWords}
	// the country of the places the events' own sentences name ("*" for
	// several): the story's main place gives an agent its country only
	// when it agrees ("killing three soldiers" in a story datelined
	// Islamabad, whose main place came out as Doha, is no Qatari act)
	one := ""
	for i := range evs {
		if l := evs[i].Location; l != nil && len(l.Country) == 3 && !elsewhere(&evs[i]) {
			if one == "" {
				one = l.Country
			} else if one != l.Country {
				one = "*"
			}
		}
	}
	for i := range evs {
		e := &evs[i]
		if e.Location == nil || len(e.Location.Country) != 3 || atVenue(e.CAMEO) {
			continue
		}
		if elsewhere(e) && one != "" && one != e.Location.Country {
			continue
		}
		cc := e.Location.Country
		if len(e.Source) > 3 && strings.HasPrefix(e.Source, "---") && !dc.foreign(e.SourceText) {
			e.Source = cc + e.Source[3:]
			e.Flags = append(e.Flags, egret.FlagSourceInferred)
		}
		if len(e.Target) >= 3 && strings.HasPrefix(e.Target, "---") && !dc.foreign(e.TargetText) {
			e.Target = cc + e.Target[3:]
			e.Flags = append(e.Flags, egret.FlagTargetInferred)
		}
	}
}

// atVenue reports codes of acts done where the parties meet (talks,
// visits, signing an agreement): their place is the meeting's venue, often
// a third country ("met rebel leaders in Havana"), so it gives the
// parties no country.
func atVenue(code string) bool {
	return strings.HasPrefix(code, "04") || code == "057" || code == "036"
}

// elsewhere reports an event located by a place named outside its own
// sentence (the document's main place).
func elsewhere(e *egret.Event) bool {
	sp := e.Location.Span
	return sp.End > sp.Start && (sp.Start < e.SentenceSpan.Start || sp.End > e.SentenceSpan.End)
}
