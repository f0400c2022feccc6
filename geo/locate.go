package geo

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// Geocoder finds where events happened. It implements egret.Geocoder and is
// safe for concurrent use.
type Geocoder struct {
	g *Gazetteer
	p *nlp.Pipeline // splits text when the caller has no sentences; knows which words are English
}

var _ egret.Geocoder = (*Geocoder)(nil)

// New returns a geocoder over gazetteer g using the process's shared nlp
// pipeline. It panics only if the embedded lexicon does not parse, which
// nlp's tests rule out: it is fixed at build time.
func New(g *Gazetteer) *Geocoder {
	p, err := nlp.New()
	if err != nil {
		panic(err)
	}
	return NewWith(g, p)
}

// NewWith returns a geocoder over gazetteer g that uses p, the coder's
// pipeline, to split text it is given without sentences.
func NewWith(g *Gazetteer, p *nlp.Pipeline) *Geocoder { return &Geocoder{g: g, p: p} }

// Gazetteer returns the gazetteer the geocoder resolves against.
func (gc *Geocoder) Gazetteer() *Gazetteer { return gc.g }

// analysis is one text's tokens and resolved mentions.
type analysis struct {
	text     string
	toks     []token
	mentions []Mention
	weights  map[string]float64
	dominant int // index in mentions of the document's main place, -1 if none
	// the country the document is plainly about when a name was set
	// aside as a foreign homonym (foreignHomonyms), nil otherwise: where
	// events are placed when nothing else locates them
	about *Place
	g     *Gazetteer
}

// analyze finds and resolves every mention of text, whose sentences are
// sents (nil: split text here); hints are ISO-3 codes of countries the
// text is known to be about (the actors' countries).
func (gc *Geocoder) analyze(text string, sents []nlp.Sentence, hints []string, actors ...actorSpan) *analysis {
	f := &finder{g: gc.g, gc: gc, hints: hints, text: text, toks: gc.tokens(text, sents)}
	a := &analysis{text: text, toks: f.toks, mentions: dropActorNames(f.find(), actors), weights: map[string]float64{}, dominant: -1, g: gc.g}
	// Context is weighed on the names' own readings, before pairs
	// like "Paris, Texas" settle them.
	for _, h := range hints {
		if _, ok := gc.g.countries[h]; ok {
			a.weights[h]++
		}
	}
	nsent := 0
	if len(f.toks) > 0 {
		nsent = int(f.toks[len(f.toks)-1].sentence) + 1
	}
	local := make([]map[string]bool, nsent)
	for _, m := range a.mentions {
		b := m.Best()
		w := 1.0
		switch {
		case b.Place.Feature == Country && m.plainCountry():
			if m.Kind == Demonym {
				w = 0.5 // "Syrian"
			}
		case (b.Place.Feature == Admin1 || b.Place.Feature == Region) && m.plainCountry():
			w = 0.5 // "Gaza Strip", "Donbas"
		case b.Place.Feature == City && m.clearLead():
			w = 0.5 // "Moscow", "Aleppo"
		default:
			continue
		}
		a.weights[b.Place.Country] += w
		if b.Place.Feature == City {
			continue
		}
		if local[m.Sentence] == nil {
			local[m.Sentence] = map[string]bool{}
		}
		local[m.Sentence][b.Place.Country] = true
	}
	qualifiers(f, a.mentions)
	references(f, a.mentions)
	for k := range a.mentions {
		gc.metonym(f, a.mentions, k)
	}
	scoreHints(a.mentions, a.weights, local)
	a.foreignHomonyms()
	a.dominant = a.dominantPlace()
	return a
}

// foreignHomonyms sets aside a small town whose every reading lies in a
// country nothing else in the document points to, when the document is
// plainly about another country (its actors and places weigh two or
// more): "gopalganj" in a story about Bangladesh's Awami League has only
// the Indian town in the gazetteer, and placing the story in Bihar is
// worse than placing it in the country it is about.
func (a *analysis) foreignHomonyms() {
	top, topC := 0.0, ""
	for c, w := range a.weights {
		if w > top || w == top && c < topC {
			top, topC = w, c
		}
	}
	if top < 2 {
		return
	}
	for k := range a.mentions {
		m := &a.mentions[k]
		if m.Kind != Toponym || m.Qualifier || len(m.Candidates) == 0 {
			continue
		}
		foreign := true
		for _, c := range m.Candidates {
			if c.Place.Feature != City || c.Place.Pop >= 500000 || a.weights[c.Place.Country]-a.ownWeight(m, c.Place.Country) > 0 {
				foreign = false
				break
			}
		}
		m.foreign = foreign
		if foreign && a.about == nil {
			if pi, ok := a.g.countries[topC]; ok {
				a.about = a.g.Place(int(pi))
			}
		}
	}
}

// ownWeight is what the mentions of m's own name added to country c's
// weight in analyze (a city that leads its readings: 0.5 each).
func (a *analysis) ownWeight(m *Mention, c string) float64 {
	w := 0.0
	for k := range a.mentions {
		o := &a.mentions[k]
		if !strings.EqualFold(a.text[o.Span.Start:o.Span.End], a.text[m.Span.Start:m.Span.End]) {
			continue
		}
		if b := o.Best(); b != nil && b.Place.Country == c && b.Place.Feature == City && o.clearLead() {
			w += 0.5
		}
	}
	return w
}

// metonym marks capitals and countries that stand for their governments:
// subjects of speech and political verbs ("Moscow has taken note",
// "Damascus said"), objects of accusing and urging ("accused Moscow and
// Damascus"), heads of "X government", and possessors ("Russia's decisive
// contribution"). A locative cue ("in Moscow") always means the place.
func (gc *Geocoder) metonym(f *finder, ms []Mention, k int) {
	m := &ms[k]
	if m.Kind != Toponym || m.Cue != "" || m.Region != "" || m.Qualifier {
		return
	}
	top := m.Best().Place
	if !top.Capital() && top.Feature != Admin1 || f.dateline(m.ti, m.tj) {
		return // (a dateline's capital is where the story was filed: "ISLAMABAD (AP) —")
	}
	toks := f.toks
	// Coordinated with a metonym before it: "Moscow and Damascus".
	if k > 0 && ms[k-1].Kind == Metonym && ms[k-1].Sentence == m.Sentence {
		between := true
		for j := ms[k-1].tj; j < m.ti; j++ {
			if w := f.lower(j); !(toks[j].punct == ',' || w == "and" || w == "or") {
				between = false
			}
		}
		if between {
			m.Kind = Metonym
			return
		}
	}
	if m.ti > 0 && toks[m.ti-1].word && (actorObjectVerb[f.lower(m.ti-1)] || speechVerb[f.lower(m.ti-1)] || partnerWord[f.lower(m.ti-1)]) {
		m.Kind = Metonym // "accused Moscow", "said Washington had failed"
		return
	}
	last := toks[m.tj-1]
	if last.poss {
		// "Russia's contribution", "Russia's Defence Ministry"; but not
		// "Syria's Idlib province".
		if k+1 < len(ms) && ms[k+1].ti == m.tj {
			return
		}
		m.Kind = Metonym
		return
	}
	if m.tj < len(toks) && toks[m.tj].word && localInstitution[f.lower(m.tj)] {
		return // "the Islamabad police arrested": the city's own police, there
	}
	if politicalSubject(f, m.tj) {
		m.Kind = Metonym
		return
	}
	// A capital with no locative cue is a place only as the target of a
	// physical act ("missiles struck Kyiv", "Kyiv was hit"); otherwise it
	// is its government ("wrong-footed Ankara", "Ankara is threatening").
	if top.Code == "PPLC" && !targeted(f, m.ti, m.tj) {
		m.Kind = Metonym
	}
}

// politicalSubject reports whether the words from token j on make the name
// before them the subject of a speech or political verb, skipping
// coordinated names, auxiliaries and adverbs.
func politicalSubject(f *finder, j0 int) bool {
	toks := f.toks
	for j, steps := j0, 0; j < len(toks) && steps < 8; j, steps = j+1, steps+1 {
		t := toks[j]
		if !t.word {
			if t.punct == ',' && j+1 < len(toks) && f.lower(j+1) == "and" {
				continue
			}
			return false
		}
		w := f.lower(j)
		switch {
		case governmentNoun[w] && j == j0:
			return true
		case speechVerb[w]:
			return true
		case activeAux[w] && j+1 < len(toks) && toks[j+1].word && !passiveNext[f.lower(j+1)]:
			// "New Delhi would invest", "Moscow has decided"; but not
			// "Kyiv has been shelled".
			return true
		case auxiliary[w] || w == "and" || w == "or" || t.upper && j < j0+4:
			continue
		}
		return false
	}
	return false
}

// targeted reports whether the name at tokens [i, j) is the object of a
// physical act: after such a verb, or the subject of a passive or "came
// under".
func targeted(f *finder, i, j int) bool {
	toks := f.toks
	if i > 0 && toks[i-1].word && physicalVerb[f.lower(i-1)] {
		return true
	}
	if j+1 < len(toks) && toks[j].word && toks[j+1].word {
		switch f.lower(j) {
		case "was", "were", "is", "are", "been", "came", "comes", "has", "had":
			n := f.lower(j + 1)
			return physicalVerb[n] || n == "under" || n == "been" || strings.HasSuffix(n, "ed")
		}
	}
	return false
}

// qualifiers resolves "City, Country" and "City, State" pairs ("Paris,
// Texas", "Tripoli, Libya", "Bishnupur district of Manipur"): readings of
// the two that fit each other gain, and the second name only qualifies
// the first.
func qualifiers(f *finder, ms []Mention) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.Kind != Toponym || b.Kind != Toponym || !f.qualifierGap(a.tj, b.ti) || !f.phraseEnd(b.tj) {
			continue
		}
		fit := false
		for i := range a.Candidates {
			ca := &a.Candidates[i]
			for j := range b.Candidates {
				cb := &b.Candidates[j]
				if ca.Place.Feature != City || ca.Place.Country != cb.Place.Country {
					continue
				}
				if cb.Place.Feature == Country || cb.Place.Feature == Admin1 && ca.Place.Admin1 == cb.Place.Name {
					ca.Score += 3
					cb.Score += 3
					fit = true
				}
			}
		}
		if fit {
			b.Qualifier = true
			sortCandidates(a)
			sortCandidates(b)
			continue
		}
		// No reading of the town lies in the area named after it
		// ("Charlevoix, Quebec" when the gazetteer only knows a
		// Charlevoix in Michigan): the area is the place.
		if pa := a.Best().Place; pa.Feature != City || pa.Pop >= 100000 {
			continue
		}
		for j := range b.Candidates {
			if b.Candidates[j].Place.Feature != City {
				b.Candidates[j].Score += 3
				sortCandidates(b)
				a.Qualifier = true
				if b.Cue == "" {
					b.Cue = a.Cue
				}
				break
			}
		}
	}
}

// phraseEnd reports whether a name ending before token j ends its phrase
// ("Paris, Texas, on Sunday"), unlike "Mexico, U.S. officials said".
func (f *finder) phraseEnd(j int) bool {
	if j >= len(f.toks) || !f.toks[j].word || f.toks[j-1].poss {
		return true
	}
	return phraseAfter[f.lower(j)]
}

// references resolves "X in Y" and "X near Y" ("Kafr Nabl in southern
// Idlib", "Chornobaivka near Kherson"): the event is at X, Y only places it.
// With "in", Y must contain X.
func references(f *finder, ms []Mention) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.Kind != Toponym || b.Kind != Toponym || b.Qualifier || b.Cue == "" || b.ti <= a.tj {
			continue
		}
		in, near := false, false
		ok := true
		for j := a.tj; j < b.ti && ok; j++ {
			w := f.lower(j)
			switch {
			case w == "in":
				in = true
			case w == "near" || w == "outside" || w == "around":
				near = true
			case f.toks[j].punct == ',' || w == "the" || directions[w] != "" || cueFiller[w] || w == "of":
			default:
				ok = false
			}
		}
		if !ok || !in && !near {
			continue
		}
		if a.Best().Place.Feature != City {
			continue
		}
		if in {
			// The reading of X inside Y wins: "Hyderabad in Sindh".
			fit := -1
			for i, c := range a.Candidates {
				if c.Place.Feature == City && b.contains(c.Place) {
					fit = i
					break
				}
			}
			if fit < 0 {
				continue
			}
			a.Candidates[fit].Score += 3
			sortCandidates(a)
		}
		b.Qualifier = true
		if a.Cue == "" {
			a.Cue = b.Cue
		}
	}
}

// qualifierGap reports whether the tokens from i up to j join a place to
// the area that qualifies it: a comma ("Paris, Texas"), or "of" or "in"
// after an optional area word ("Bishnupur district of Manipur", "Ramgarh
// in Samba").
func (f *finder) qualifierGap(i, j int) bool {
	switch j - i {
	case 1:
		return f.toks[i].punct == ',' || f.lower(i) == "of" || f.lower(i) == "in" && i > 0 && adminWord[f.lower(i-1)]
	case 2:
		return adminWord[f.lower(i)] && (f.lower(i+1) == "of" || f.lower(i+1) == "in")
	}
	return false
}

// contains reports whether a reading of m is the country or admin-1 area p lies in.
func (m *Mention) contains(p *Place) bool {
	for _, c := range m.Candidates {
		q := c.Place
		if q.Country == p.Country && (q.Feature == Country || q.Feature == Region || q.Feature == Admin1 && q.Name == p.Admin1) {
			return true
		}
	}
	return false
}

// sortCandidates orders readings best first, stably (an insertion sort:
// lists are short and this runs for every mention).
func sortCandidates(m *Mention) {
	cs := m.Candidates
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Score > cs[j-1].Score; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// plainCountry reports whether the mention reads as a country with no
// admin-1 area or big city of another country sharing its name ("Georgia"
// is not plain), so it can steer the other names of the document.
func (m *Mention) plainCountry() bool {
	c := m.Best().Place.Country
	for _, cd := range m.Candidates {
		if cd.Place.Country != c && (cd.Place.Feature != City || cd.Place.Pop >= 100000) {
			return false
		}
	}
	return true
}

// clearLead reports whether the best reading leads every reading in
// another country by two points or more before context is counted (more
// than context can add), so the name itself tells the country ("Moscow",
// not "Tripoli").
func (m *Mention) clearLead() bool {
	b := m.Best()
	for _, c := range m.Candidates[1:] {
		if c.Place.Country != b.Place.Country && c.Score > b.Score-2 {
			return false
		}
	}
	return true
}

// dominantPlace picks the place the text is mostly about: most mentions,
// counting those with a locative cue double, more specific places first.
func (a *analysis) dominantPlace() int {
	type tally struct {
		first int
		w     float64
	}
	ts := map[*Place]*tally{}
	var order []*Place
	for k, m := range a.mentions {
		if m.Kind != Toponym || m.Qualifier && m.Cue == "" || m.foreign {
			continue
		}
		p := m.Best().Place
		w := 0.5
		if m.Cue != "" {
			w = 1
		}
		t := ts[p]
		if t == nil {
			t = &tally{first: k}
			ts[p] = t
			order = append(order, p)
		}
		t.w += w
	}
	best := -1
	bw := 0.0
	for _, p := range order {
		if t := ts[p]; t.w > bw {
			best, bw = t.first, t.w
		}
	}
	return best
}

// Mentions finds the place names of text with their scored readings, the
// document's own mentions serving as context.
func (gc *Geocoder) Mentions(text string) []Mention {
	return gc.analyze(text, nil, nil).mentions
}

// Locate fills events[i].Location: from the event's own clause, else its
// sentence, else the document's main place. Countries of the actors
// (CAMEO codes starting with an ISO-3 code) steer ambiguous names. It
// splits doc.Text into sentences itself: a caller that has the coder's
// sentences passes them to LocateSentences instead.
func (gc *Geocoder) Locate(doc *egret.Document, events []egret.Event) {
	gc.LocateSentences(doc, nil, events)
}

// LocateSentences is Locate over sents, the sentences the coder made of
// doc.Text (nlp.Pipeline.Sentences: tokens with byte offsets into
// doc.Text, tags): geolocation reads them instead of splitting the text
// again, and in lower-case or ALL-CAPS text their tags tell names from
// words. With nil sents, or sentences that do not fit doc.Text, it splits
// the text itself.
func (gc *Geocoder) LocateSentences(doc *egret.Document, sents []nlp.Sentence, events []egret.Event) {
	if len(events) == 0 {
		return
	}
	var hints []string
	var actors []actorSpan
	for _, e := range events {
		src, tgt := gc.actorCountry(e.Source), gc.actorCountry(e.Target)
		hints = append(hints, src, tgt)
		if src != "" && !e.SourceSpan.Empty() {
			actors = append(actors, actorSpan{e.SourceSpan, src})
		}
		if tgt != "" && !e.TargetSpan.Empty() {
			actors = append(actors, actorSpan{e.TargetSpan, tgt})
		}
	}
	a := gc.analyze(doc.Text, sents, hints, actors...)
	for i := range events {
		e := &events[i]
		e.Location = a.locate(e.SentenceSpan, e.EventSpan)
	}
}

// actorSpan is the text of an event's actor and the actor's country.
type actorSpan struct {
	span    egret.Span
	country string
}

// dropActorNames drops the names inside an actor's text that read as a
// place of another country: "Hamas" (PSE…) is no town in Germany, while
// "the court in Guyana" (GUYJUD) keeps Guyana.
func dropActorNames(ms []Mention, actors []actorSpan) []Mention {
	if len(actors) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		drop := false
		for _, a := range actors {
			if m.Span.Start < a.span.Start || m.Span.End > a.span.End {
				continue
			}
			drop = true
			for _, c := range m.Candidates {
				if c.Place.Country == a.country {
					drop = false
					break
				}
			}
			if drop {
				break
			}
		}
		if !drop {
			out = append(out, m)
		}
	}
	return out
}

// actorCountry returns the ISO-3 country of a CAMEO actor code, or "".
func (gc *Geocoder) actorCountry(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	if _, ok := gc.g.countries[c]; ok {
		return c
	}
	return ""
}

// LocateSentence locates the event at eventSpan within sentence (byte
// spans of doc.Text); countryHints are ISO-3 codes of the countries the
// document is about. It returns nil when nothing can be located.
func (gc *Geocoder) LocateSentence(doc *egret.Document, sentence, eventSpan egret.Span, countryHints []string) *egret.Location {
	return gc.analyze(doc.Text, nil, countryHints).locate(sentence, eventSpan)
}

func (a *analysis) locate(sentence, ev egret.Span) *egret.Location {
	if sentence.Empty() {
		sentence = egret.Span{Start: 0, End: len(a.text)}
	}
	if ev.Empty() || ev.Start < sentence.Start || ev.End > sentence.End {
		ev = sentence
	}
	// Clause: between the nearest clause boundaries around the event.
	cs, ce := sentence.Start, sentence.End
	for k := tokenAt(a.toks, sentence.Start); k < len(a.toks) && int(a.toks[k].start) < sentence.End; k++ {
		t := a.toks[k]
		if int(t.end) > sentence.End || !a.boundary(k) {
			continue
		}
		if int(t.end) <= ev.Start {
			cs = int(t.end)
		} else if int(t.start) >= ev.End && int(t.start) < ce {
			ce = int(t.start)
		}
	}
	if m := a.pick(cs, ce, ev); m >= 0 {
		return a.location(m)
	}
	if m := a.pick(sentence.Start, sentence.End, ev); m >= 0 {
		return a.location(m)
	}
	if a.dominant >= 0 {
		return a.location(a.dominant)
	}
	if p := a.about; p != nil {
		// the country the story is about: its only place name was a
		// foreign town's homonym
		return &egret.Location{Name: p.Name, GeonameID: p.ID, Lat: round4(p.Lat), Lon: round4(p.Lon), Country: p.Country, Admin1: p.Admin1, Feature: p.Feature.String()}
	}
	return nil
}

// boundary reports whether token k ends a clause: ; : dashes brackets, a
// comma before a conjunction or relative word, or a relative word right
// after a word ("a contractor that supplies air-defence systems to
// Ukraine": where the contractor's deliveries go is not where the
// arrest was made).
func (a *analysis) boundary(k int) bool {
	t := a.toks[k]
	if t.word && k > 0 && a.toks[k-1].word && relativeWord[strings.ToLower(a.text[t.start:t.end])] {
		return true
	}
	switch t.punct {
	case ';', ':', '-', '(', ')':
		return true
	case ',':
		if k+1 < len(a.toks) && a.toks[k+1].word {
			w := strings.ToLower(a.text[a.toks[k+1].start:a.toks[k+1].end])
			return clauseWord[w]
		}
	}
	return false
}

// pick returns the mention in [s, e) most likely to be where the event
// happened: a locative cue, then specificity, then closeness to the event.
func (a *analysis) pick(s, e int, ev egret.Span) int {
	best, bestRank := -1, -1e9
	k0 := sort.Search(len(a.mentions), func(i int) bool { return a.mentions[i].Span.Start >= s })
	for k := k0; k < len(a.mentions) && a.mentions[k].Span.Start < e; k++ {
		m := &a.mentions[k]
		if m.Kind != Toponym || m.Qualifier || m.foreign || m.Span.Start < s || m.Span.End > e {
			continue
		}
		p := m.Best().Place
		if m.Cue == "" && m.Region == "" && p.Feature == Country {
			continue // a bare country name is mostly an actor ("waged by the United States")
		}
		r := 0.5
		switch {
		case m.Cue == "":
		case strings.HasPrefix(m.Cue, "from") || strings.HasPrefix(m.Cue, "to ") || m.Cue == "to" || strings.HasPrefix(m.Cue, "of"):
			r = 1
		default:
			r = 2
		}
		switch {
		case p.Feature == City:
			r += 0.6 // "the Red Sea port city of Jeddah": the city
		case p.Feature != Country:
			r += 0.5
		case m.Region != "":
			r += 0.4
		}
		d := m.Span.Start - ev.End
		if d < 0 {
			d = ev.Start - m.Span.End
		}
		if d < 0 {
			d = 0
		}
		r -= float64(d) / 10000
		if r > bestRank {
			best, bestRank = k, r
		}
	}
	return best
}

func (a *analysis) location(k int) *egret.Location {
	m := &a.mentions[k]
	c := m.Best()
	p := c.Place
	feat := p.Feature.String()
	if m.Region != "" && p.Feature == Country {
		feat = "region"
	}
	return &egret.Location{
		Name:      p.Name,
		GeonameID: p.ID,
		Lat:       round4(p.Lat),
		Lon:       round4(p.Lon),
		Country:   p.Country,
		Admin1:    p.Admin1,
		Feature:   feat,
		Region:    m.Region,
		Span:      m.Span,
		Text:      m.Text,
		Score:     round4(float32(c.Score)),
	}
}

func round4(f float32) float64 {
	x := float64(f) * 1e4
	if x < 0 {
		return -float64(int64(-x+0.5)) / 1e4
	}
	return float64(int64(x+0.5)) / 1e4
}

// Explain writes, for `egret geo "text"`, every mention with its kind,
// context and best readings, then the place each sentence is located in.
func Explain(w io.Writer, gc *Geocoder, text string) {
	a := gc.analyze(text, nil, nil)
	if len(a.mentions) == 0 {
		fmt.Fprintln(w, "no place names found")
		return
	}
	var cs []string
	for c := range a.weights {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		return a.weights[cs[i]] > a.weights[cs[j]] || a.weights[cs[i]] == a.weights[cs[j]] && cs[i] < cs[j]
	})
	fmt.Fprintf(w, "countries in context:")
	for _, c := range cs {
		fmt.Fprintf(w, " %s=%.1f", c, a.weights[c])
	}
	fmt.Fprintln(w)
	for _, m := range a.mentions {
		fmt.Fprintf(w, "%q [%d:%d] sentence %d %s", m.Text, m.Span.Start, m.Span.End, m.Sentence+1, m.Kind)
		if m.Cue != "" {
			fmt.Fprintf(w, " cue=%q", m.Cue)
		}
		if m.Region != "" {
			fmt.Fprintf(w, " region=%s", m.Region)
		}
		if m.Qualifier {
			fmt.Fprint(w, " qualifier")
		}
		fmt.Fprintln(w)
		for i, c := range m.Candidates {
			if i == 5 {
				fmt.Fprintf(w, "    … %d more\n", len(m.Candidates)-5)
				break
			}
			p := c.Place
			fmt.Fprintf(w, "    %6.2f  %s (%s", c.Score, p.Name, p.Feature)
			if p.Admin1 != "" && p.Feature == City {
				fmt.Fprintf(w, ", %s", p.Admin1)
			}
			fmt.Fprintf(w, ", %s) %.4f %.4f", p.Country, p.Lat, p.Lon)
			if p.ID != 0 {
				fmt.Fprintf(w, " geonames:%d", p.ID)
			}
			fmt.Fprintln(w)
		}
	}
	if a.dominant >= 0 {
		fmt.Fprintf(w, "main place: %s\n", describe(a.location(a.dominant)))
	}
	for _, s := range a.sentences() {
		if l := a.locate(s, s); l != nil {
			fmt.Fprintf(w, "sentence %d: %s\n", a.toks[tokenAt(a.toks, s.Start)].sentence+1, describe(l))
		}
	}
}

func describe(l *egret.Location) string {
	s := fmt.Sprintf("%s (%s %s", l.Name, l.Feature, l.Country)
	if l.Region != "" {
		s += ", " + l.Region
	}
	return s + fmt.Sprintf(") %.4f %.4f from %q", l.Lat, l.Lon, l.Text)
}

// sentences returns the byte spans of the sentences of the analysed text.
func (a *analysis) sentences() []egret.Span {
	var out []egret.Span
	for k, t := range a.toks {
		if k == 0 || t.sentence != a.toks[k-1].sentence {
			out = append(out, egret.Span{Start: int(t.start), End: int(t.end)})
		}
		out[len(out)-1].End = int(t.end)
	}
	return out
}

func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return int(toks[i].start) >= off })
}
