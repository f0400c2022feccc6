package geo

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
	"golang.org/x/text/unicode/norm"
)

// Kind tells what a place-name mention is doing in its sentence.
type Kind uint8

// Mention kinds.
const (
	Toponym Kind = iota // a place where something happens or is
	Metonym             // a capital or country standing for its government ("Moscow said")
	Demonym             // a nationality adjective ("Syrian"): a country hint, never a location
)

func (k Kind) String() string {
	switch k {
	case Toponym:
		return "place"
	case Metonym:
		return "metonym"
	case Demonym:
		return "demonym"
	}
	return "?"
}

// Candidate is one gazetteer reading of a mention with its score.
type Candidate struct {
	Place *Place
	Score float64
}

// Mention is one place name found in text, with its readings best first.
type Mention struct {
	Span       egret.Span
	Text       string
	Kind       Kind
	Cue        string // locative context before it ("in", "on the border of"), if any; lower-cased in case-less text
	Region     string // direction that narrows it ("east" in "east Syria")
	AdminHint  bool   // followed by "province", "governorate", "oblast", …
	Sentence   int    // index of its sentence in the text
	Candidates []Candidate
	Qualifier  bool // only places another name ("Texas" in "Paris, Texas", "Idlib" in "Kafr Nabl in Idlib") or bounds an extent ("from Hong Kong to Borneo"): not where events happen
	common     bool // its name is also a common English word
	foreign    bool // a small town of a country the document does not point to (foreignHomonyms): no location
	ti, tj     int  // token range
}

// Best returns the top candidate.
func (m *Mention) Best() *Candidate {
	if len(m.Candidates) == 0 {
		return nil
	}
	return &m.Candidates[0]
}

// finder holds the per-call scratch state of mention finding.
type finder struct {
	g       *Gazetteer
	gc      *Geocoder
	hints   []string // ISO-3 codes of the actors' countries
	text    string
	toks    []token
	key     []byte
	persons map[string]bool // surnames seen after a first name ("Marco Rubio"), not places later
}

// lower returns the lower-cased word at token i in f.key's scratch (valid
// until the next call), for lookups in the small word-class maps.
func (f *finder) lower(i int) string {
	t := f.toks[i]
	s := f.text[t.start:t.end]
	if len(s) > 24 {
		return ""
	}
	var buf [24]byte
	b := buf[:0]
	for j := 0; j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b) // small; the compiler keeps map lookups of it cheap
}

func (f *finder) word(i int) string {
	t := f.toks[i]
	return f.text[t.start:t.end]
}

// appendKey appends token i, folded, to f.key.
func (f *finder) appendKey(i int) {
	s := f.word(i)
	for j := 0; j < len(s); j++ {
		if s[j] >= utf8.RuneSelf {
			f.key = foldAppend(f.key, norm.NFD.String(s))
			return
		}
	}
	f.key = foldAppend(f.key, s)
}

// find scans the text for gazetteer names and demonyms.
func (f *finder) find() []Mention {
	var out []Mention
	toks := f.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "al-Bab", "ad-Dana": an article hyphenated to a capitalised word
		// may open a name.
		articleStart := t.word && !t.upper && i+1 < len(toks) && toks[i+1].joined && toks[i+1].upper && particle[f.lower(i)]
		cl := t.caseless
		start, multi := false, false // a case-less start; a function word opening only longer names ("the hague")
		if cl && !t.upper && !articleStart && t.word {
			start, multi = f.mayStart(i)
		}
		if !t.word || !t.upper && !articleStart && !start {
			continue
		}
		// Longest gazetteer name starting here: words joined by spaces,
		// hyphens or lower-case name particles ("Deir ez-Zor", "Ras al-Ain").
		bestEnd, found := -1, false
		var bestHead names
		var first names // the first word's record, for its demonym
		firstLooked, firstOK := false, false
		f.key = f.key[:0]
		words := 0
		for j := i; j < len(toks) && words < f.g.maxWords; j++ {
			tj := toks[j]
			if !tj.word {
				break
			}
			if j > i {
				if !tj.joined && int(tj.start) != int(toks[j-1].end)+1 {
					break // two spaces or a line break
				}
				if !cl && !tj.upper && !particle[f.lower(j)] {
					break
				}
				if toks[j-1].poss {
					break
				}
				f.key = append(f.key, ' ')
			}
			f.appendKey(j)
			words++
			if tj.upper || cl && !(multi && j == i) {
				nm, ok := f.g.lookup(f.key)
				if j == i {
					first, firstLooked, firstOK = nm, true, ok
				}
				if ok && nm.count > 0 {
					bestEnd, bestHead, found = j+1, nm, true
				}
			}
			if tj.poss || cl && !f.g.mayExtend(f.key) {
				break
			}
		}
		if !found {
			if multi {
				continue
			}
			if iso3, end := f.demonymAt(i, first, firstLooked, firstOK); iso3 != "" {
				c, _ := f.g.Country(iso3)
				out = append(out, Mention{Span: span(toks[i], toks[end-1]), Kind: Demonym, Sentence: int(t.sentence), Candidates: []Candidate{{Place: c, Score: 1}}, ti: i, tj: end})
				i = end - 1
			}
			continue
		}
		if bestEnd == i+1 {
			if iso3, end := f.demonymAt(i, first, firstLooked, firstOK); iso3 != "" {
				// "Canadian", "Somali": a nationality before a town of that name.
				c, _ := f.g.Country(iso3)
				out = append(out, Mention{Span: span(toks[i], toks[end-1]), Kind: Demonym, Sentence: int(t.sentence), Candidates: []Candidate{{Place: c, Score: 1}}, ti: i, tj: end})
				continue
			}
		}
		f.key = f.key[:0]
		for j := i; j < bestEnd; j++ {
			if j > i {
				f.key = append(f.key, ' ')
			}
			f.appendKey(j)
		}
		m, ok := f.mention(i, bestEnd, bestHead)
		if ok {
			out = append(out, m)
		}
		i = bestEnd - 1
	}
	for k := range out {
		// "stretches from Hong Kong south to Borneo": an extent, not a place
		// where something happens.
		if strings.HasPrefix(out[k].Cue, "from") && f.extent(out[k].tj) {
			out[k].Cue, out[k].Qualifier = "", true
			if k+1 < len(out) && strings.HasPrefix(out[k+1].Cue, "to") {
				out[k+1].Cue, out[k+1].Qualifier = "", true
			}
		}
		out[k].Text = f.text[out[k].Span.Start:out[k].Span.End]
		if k > 0 && out[k].Cue == "" && out[k].Kind == Toponym && out[k-1].Cue != "" && f.coordinated(out[k-1].tj, out[k].ti) {
			out[k].Cue = out[k-1].Cue // "in northern Kherson and the Kherson region"
		}
	}
	return out
}

// extent reports whether "to" follows within three words of token j.
func (f *finder) extent(j int) bool {
	for k := j; k < len(f.toks) && k < j+3; k++ {
		if !f.toks[k].word {
			return false
		}
		if f.lower(k) == "to" {
			return true
		}
	}
	return false
}

// coordinated reports whether tokens [i, j) only join two names: "and the",
// ", or", ", and".
func (f *finder) coordinated(i, j int) bool {
	and := false
	for k := i; k < j; k++ {
		switch w := f.lower(k); {
		case w == "and" || w == "or":
			and = true
		case f.toks[k].punct == ',' || w == "the":
		default:
			return false
		}
	}
	return and
}

func span(a, b token) egret.Span { return egret.Span{Start: int(a.start), End: int(b.end)} }

// demonymAt returns the country whose nationality word token i is, and
// the end of it; rec is the record of its folded key when looked (ok: it
// has one), which spares looking it up again.
func (f *finder) demonymAt(i int, rec names, looked, ok bool) (string, int) {
	if t := f.toks[i]; t.caseless {
		if w := t.lex; w.first.IsVerb() || closedTag(w.first) || closedTag(t.tag) || w.never() {
			return "", 0 // "polish the shoes", "told us"
		}
	}
	if !looked {
		f.key = f.key[:0]
		f.appendKey(i)
		rec, ok = f.g.lookup(f.key)
	}
	if ok && rec.flags&flagDemonym != 0 {
		return f.g.ctryTab[rec.demonym], i + 1
	}
	return "", 0
}

// mention vets the name at tokens [i, end) against its neighbours and
// collects its readings.
func (f *finder) mention(i, end int, head names) (Mention, bool) {
	toks := f.toks
	key := string(f.key)
	m := Mention{Span: span(toks[i], toks[end-1]), Sentence: int(toks[i].sentence), common: head.flags&flagCommon != 0, ti: i, tj: end}
	cl := toks[i].caseless
	if cl {
		english, never := f.english(i, end)
		if never {
			return m, false // "police", "temple", "said": English words that never name a place
		}
		m.common = m.common || english
	}
	if !cl && toks[i].sentStart && m.common || neverPlace[key] {
		return m, false // "Split", "Police" opening a sentence; "August" anywhere
	}
	// A capitalised word before the name makes it part of a longer proper
	// name ("Joel Rayburn") unless it is a direction ("Northern Idlib").
	if p := i - 1; p >= 0 && toks[p].word && toks[p].upper && !toks[p].poss && int(toks[p].end)+1 == int(toks[i].start) {
		lw := f.lower(p)
		if d, ok := directions[lw]; ok {
			m.Region = d
			m.Span.Start = int(toks[p].start)
			if toks[p].joined && p > 0 {
				if d0, ok := directions[f.lower(p-1)]; ok && (d0 == "north" || d0 == "south") {
					m.Region = d0 + d // "North-East Syria"
					m.Span.Start = int(toks[p-1].start)
				}
			}
		} else if !(toks[p].sentStart && sentenceOpener[lw]) && !titleWord[lw] {
			if !f.g.countryName(head) {
				f.person(key) // (a country stays one later: "ISIS-Somalia ... (Bari, Somalia)")
			}
			return m, false
		}
	}
	// Case-less: "president hassan", "university of melbourne": a title
	// or an institution before the name, where case would have shown a
	// person or a longer name.
	if cl && i >= 1 && toks[i-1].word && personTitle[f.lower(i-1)] {
		f.person(key)
		return m, false
	}
	if cl && i >= 2 && toks[i-1].word && f.lower(i-1) == "of" && toks[i-2].word && (caselessOf[f.lower(i-2)] || caselessHead[f.lower(i-2)] || personTitle[f.lower(i-2)]) {
		return m, false
	}
	// "Lionel Bethune de Moro": a particle between capitalised words.
	// So does "of" after an institution or a title: "Alliance of Sahel
	// States", "Gulf of Guinea", "President of Ukraine"; not "Province of Idlib".
	if i >= 2 && toks[i-1].word && spacedParticle[f.lower(i-1)] && toks[i-2].word && toks[i-2].upper && !toks[i-2].sentStart && !(f.lower(i-1) == "of" && adminWord[f.lower(i-2)] || f.lower(i-2) == "city" || f.lower(i-2) == "republic" || f.lower(i-2) == "kingdom") {
		return m, false
	}
	// "anti-Balaka", "pro-Moscow": a prefix makes it an adjective.
	if toks[i].joined && i > 0 && toks[i-1].word && !toks[i-1].upper && !particle[f.lower(i-1)] {
		return m, false
	}
	// A lower-case direction before it: "east Syria", "northern Idlib".
	if m.Region == "" && i >= 1 && toks[i-1].word && !toks[i-1].upper && int(toks[i-1].end)+1 == int(toks[i].start) {
		if d, ok := directions[f.lower(i-1)]; ok {
			m.Region = d
			m.Span.Start = int(toks[i-1].start)
		}
	}
	// A particle and a capitalised word after it make it part of a longer
	// name ("Bab al-Tabbaneh").
	if n := end; n+1 < len(toks) && toks[n].word && !toks[n].upper && particle[f.lower(n)] && toks[n+1].word && toks[n+1].upper && (toks[n+1].joined || spacedParticle[f.lower(n)]) {
		return m, false
	}
	// "Xinhua news agency", "Damascus University": an organisation.
	if n := end; n < len(toks) && toks[n].word && orgNoun[f.lower(n)] {
		return m, false
	}
	// Case-less: "cato institute", "boni forest", where the capital of
	// the noun would have shown a longer name.
	if n := end; cl && n < len(toks) && toks[n].word && !toks[end-1].poss && caselessHead[f.lower(n)] {
		return m, false
	}
	// "the Obama administration": a person, unless the name is a capital,
	// area or country (then a metonym, settled later).
	if n := end; n < len(toks) && toks[n].word && governmentNoun[f.lower(n)] && f.g.minor(head) {
		return m, false
	}
	// "Western-dominated": an adjective.
	if n := end; n < len(toks) && toks[n].joined && !toks[n].upper && m.common {
		return m, false
	}
	// A capitalised word after it makes it part of an organisation or a
	// person ("Washington Post", "Moscow State University") unless it is an
	// administrative or geographic term ("Idlib Governorate").
	if n := end; n < len(toks) && toks[n].word && toks[n].upper && !toks[end-1].poss && int(toks[n].start) == int(toks[end-1].end)+1 {
		lw := f.lower(n)
		if adminWord[lw] {
			m.AdminHint = true
			m.Span.End = int(toks[n].end)
		} else if !geoWord[lw] && !(localInstitution[lw] && !f.g.minor(head)) {
			// (but a city's own body is still the city: "the Islamabad
			// High Court", "Karachi Police")
			if f.g.minor(head) {
				f.person(key) // "Kim Jong Un", "Lai Ching-te": Kim and Lai are not places later either
			}
			return m, false
		}
	} else if n < len(toks) && toks[n].word && !toks[n].upper && adminWord[f.lower(n)] {
		m.AdminHint = true
	}
	m.Cue = f.cue(i)
	if m.Region != "" && m.Cue == "" {
		m.Cue = f.cue(i - 1)
	}
	if m.Cue == "" && f.persons[key] {
		return m, false // "Rubio said", after "Marco Rubio"
	}
	// Acronyms ("EU", "UN", "BLA") name places only as country codes ("US", "UK").
	acronym := !cl && end-i == 1 && toks[i].end-toks[i].start <= 4 && allUpper(f.word(i))
	if cl && end-i == 1 && strings.IndexByte(f.word(i), '.') > 0 {
		acronym = true // "u.n.", "u.s.": dotted, as only abbreviations are
	}
	topical := m.Cue == "on" || m.Cue == "over" || m.Cue == "toward" || m.Cue == "towards"
	if topical && m.Region == "" && f.g.countryName(head) {
		m.Cue = "" // "talks on Syria", "pressure over Iran": a topic, not a place
	}
	if cl && m.common && !f.caselessWord(&m, head) {
		return m, false
	}
	if cl && (end-i == 1 || m.common) && !f.caselessSize(&m, head) {
		return m, false
	}
	if cl && end-i == 1 && (f.modifier(i) || f.bracketed(i) && !f.g.countryName(head)) {
		return m, false
	}
	for nm := head; nm.count > 0; {
		var pi int32
		var alt bool
		pi, alt, nm = nm.next()
		p := f.g.Place(int(pi))
		if acronym && p.Feature != Country {
			continue
		}
		if m.common && m.Cue == "" && (p.Feature == City && p.Pop < 100000 || p.Feature == Admin1) {
			continue // "Of" in Turkey, "Police" in Poland, "Centre" in France need "in …"
		}
		s := float64(p.prior)
		if !alt {
			s += 0.2
		}
		if m.AdminHint && p.Feature == Admin1 {
			s += 1
		}
		m.Candidates = append(m.Candidates, Candidate{Place: p, Score: s})
	}
	if len(m.Candidates) == 0 {
		return m, false
	}
	// A city and an admin-1 area of one name in one country ("Idlib",
	// "Kherson", "New York"): the city, unless "province" follows.
	if !m.AdminHint {
		for a := range m.Candidates {
			ca := &m.Candidates[a]
			if ca.Place.Feature != City {
				continue
			}
			for _, cb := range m.Candidates {
				if cb.Place.Feature == Admin1 && cb.Place.Country == ca.Place.Country {
					ca.Score += 0.5
					break
				}
			}
		}
	}
	sortCandidates(&m)
	return m, true
}

// countryName reports whether one of the places a name has is a country.
func (g *Gazetteer) countryName(nm names) bool {
	for nm.count > 0 {
		var p int32
		p, _, nm = nm.next()
		if g.kindTab[g.kinds[p]].feature == Country {
			return true
		}
	}
	return false
}

func (f *finder) person(key string) {
	if f.persons == nil {
		f.persons = map[string]bool{}
	}
	f.persons[key] = true
}

// minor reports whether every place a name has is a town of under a
// million people, not a capital, area or country.
func (g *Gazetteer) minor(nm names) bool {
	for nm.count > 0 {
		var i int32
		i, _, nm = nm.next()
		if p := g.Place(int(i)); p.Feature != City || p.Code == "PPLC" || p.Pop >= 1000000 {
			return false
		}
	}
	return true
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// baseScore ranks readings before context: countries over admin-1 areas
// and cities, bigger places first, capitals well ahead ("Moscow" is not
// Moscow, Idaho, unless the context says so).
func baseScore(p *Place) float64 {
	if p.Feature == Country {
		return 3.5 // above any capital read by an alternate name ("Mexico" is not Mexico City)
	}
	s := 0.25 * math.Log10(float64(p.Pop)+1)
	switch p.Code {
	case "PPLC":
		s += 1
	case "PPLA":
		s += 0.25
	case "PPLA2":
		s += 0.1
	}
	return s
}

// cue finds the locative context before token i: a preposition, possibly
// followed by "the … region/border/outskirts of" and adjectives.
func (f *finder) cue(i int) string {
	toks := f.toks
	of, noun := false, false // "of" and a place noun seen: "the outskirts of"
	first := -1              // earliest token of the context phrase
	for j, skipped := i-1, 0; j >= 0 && skipped < 8; j-- {
		t := toks[j]
		if !t.word {
			// Apposition: "the Somali capital, Mogadishu".
			if t.punct == ',' && j == i-1 && j > 0 && toks[j-1].word && apposNoun[f.lower(j-1)] {
				noun, of = true, true
				continue
			}
			break
		}
		lw := f.lower(j)
		if locative[lw] {
			if lw == "of" {
				of = true
				first = j
				skipped++
				continue // "the outskirts of": keep looking for "on"/"in"
			}
			return f.cueText(int(t.start), i)
		}
		compound := t.joined || j+1 < i && toks[j+1].joined // "Kurdish-held", "rebel-controlled"
		// A place noun needs no filler entry once "of" follows it: "the
		// streets of", "the heart of".
		if cueFiller[lw] || of && placeNoun[lw] || directions[lw] != "" || compound || (t.upper || t.caseless) && f.isDemonym(j) {
			noun = noun || placeNoun[lw] || apposNoun[lw]
			first = j
			skipped++
			continue
		}
		break
	}
	if of && noun && first >= 0 {
		return f.cueText(int(toks[first].start), i)
	}
	return ""
}

// cueText is the cue from byte start to the end of the token before i: as
// written, and in lower case in case-less text, where "IN" is "in".
func (f *finder) cueText(start, i int) string {
	s := f.text[start:f.toks[i-1].end]
	if f.toks[i-1].caseless {
		return strings.ToLower(s)
	}
	return s
}

// isDemonym reports whether token j is a nationality ("the Somali capital").
func (f *finder) isDemonym(j int) bool {
	f.key = f.key[:0]
	f.appendKey(j)
	_, ok := f.g.demonymOf(f.key)
	return ok
}

// scoreHints adds the context bonus: a reading in a country the document
// (weights) or the sentence (local) is about gains up to 2 points.
func scoreHints(ms []Mention, weights map[string]float64, local []map[string]bool) {
	max := 0.0
	for _, w := range weights {
		max = math.Max(max, w)
	}
	for k := range ms {
		m := &ms[k]
		if m.Kind == Demonym {
			continue
		}
		country := false
		for _, c := range m.Candidates {
			country = country || c.Place.Feature == Country
		}
		for c := range m.Candidates {
			cd := &m.Candidates[c]
			f := townFactor(cd.Place)
			if country && cd.Place.Feature == City {
				f = 0 // a town named after a country ("Mexico", Missouri) never outranks it
			}
			if max > 0 {
				cd.Score += 2 * f * weights[cd.Place.Country] / max
			}
			if m.Sentence < len(local) && local[m.Sentence][cd.Place.Country] && cd.Place.Feature != Country {
				cd.Score += 0.5 * f
			}
		}
		sortCandidates(m)
	}
}

// townFactor scales context for a small town that is not an administrative
// seat: US context alone must not turn "Cuba" into Cuba, Missouri.
func townFactor(p *Place) float64 {
	if p.Feature != City || p.Code == "PPLA" || p.Code == "PPLA2" || p.Code == "PPLC" {
		return 1
	}
	f := (math.Log10(float64(p.Pop)+1) - 2) / 3
	return math.Max(0.2, math.Min(1, f))
}

// mayStart reports whether word i of a case-less sentence may open a
// name: not the second part of a hyphenated word or a number; a function
// word ("the", "in", "us") only a name of several words ("the hague").
func (f *finder) mayStart(i int) (start, multiOnly bool) {
	t := f.toks[i]
	if t.joined || t.tag == nlp.CD {
		return false, false
	}
	if closedTag(t.tag) || t.tag == nlp.X && closedTag(t.lex.first) || t.lex.never() {
		return true, true // "police" is never a name, but "police station" might be
	}
	return true, false
}

// english reports, for the name at tokens [i, end) of a case-less
// sentence, whether every word of it is an English word the lexicon knows
// mainly as such ("reading", "united states"; not "delhi", "lucknow"), and
// whether it is one word the lexicon never knows as a name ("police").
func (f *finder) english(i, end int) (english, never bool) {
	for j := i; j < end; j++ {
		if particle[f.lower(j)] && j > i {
			continue
		}
		w := f.toks[j].lex
		if !w.known() || w.name() {
			return false, false
		}
		if end-i == 1 {
			return true, !w.nnp()
		}
	}
	return true, false
}

// caselessWordPop is the least population of a town named by a word the
// lexicon knows that case-less text may mean ("in bath"): without a
// capital, a village called Reading, Eu or Nato is not worth the risk.
const caselessWordPop = 50000

// caselessTownPop is the least population of a town named by one word
// that case-less text may mean without a locative cue or a physical act
// on it: the capital that told "UN" from Un, India, and "Donald Trump"
// from Donald, Oregon, is gone.
const caselessTownPop = 100000

// dateline reports whether the name at tokens [i, j) opens the text
// followed by a dash, comma or an agency in brackets: "blantyre —
// rastafarian feniya mbewe …", "ISLAMABAD (AP) —"; or opens the sentence
// after a title, as wire copy writes it, in capitals or before its agency
// ("TEGUCIGALPA, March 26 (Reuters) -").
func (f *finder) dateline(i, j int) bool {
	if j >= len(f.toks) {
		return false
	}
	p := f.toks[j].punct
	if p != '-' && p != ',' && p != '(' {
		return false
	}
	if i == 0 {
		return true
	}
	t := f.toks[i]
	if !t.sentStart || t.sentence != 1 || f.toks[0].sentence != 0 {
		return false
	}
	name := f.text[t.start:f.toks[j-1].end]
	return p == '(' || strings.ToUpper(name) == name && strings.ToLower(name) != name
}

// caselessNamePop is the least population of a town named by a word the
// lexicon knows, a name of famous people and bodies too ("george",
// "michael", "pisa"), that case-less text may mean without a locative cue;
// capitals always may ("tripoli said").
const caselessNamePop = 1000000

// caselessSize decides on a one-word name of case-less text by its
// biggest reading: a word the lexicon knows ("pisa", "bath"; not "eu",
// "nato", "donald") needs a place as famous as the word, and a name with
// neither a locative cue nor a physical act on it ("captured bakhmut")
// a town of some size. All readings stay, for context to choose from
// ("paris, texas").
func (f *finder) caselessSize(m *Mention, head names) bool {
	need := int64(0)
	known := m.common || m.tj-m.ti == 1 && f.toks[m.ti].lex.known()
	if known {
		need = caselessWordPop
	}
	if m.tj-m.ti == 1 && m.Cue == "" && !targeted(f, m.ti, m.tj) && !f.dateline(m.ti, m.tj) {
		need = max(need, caselessTownPop)
		if known {
			need = caselessNamePop // "george", "pisa": a person or a body as often as a town
		}
	}
	if need == 0 {
		return true
	}
	for nm := head; nm.count > 0; {
		var pi int32
		pi, _, nm = nm.next()
		p := f.g.Place(int(pi))
		switch {
		case p.Feature == Country, p.Feature != City && p.Pop > 0: // not "michael", a parish of the Isle of Man
			return true
		case p.Feature == City && (p.Pop >= need || need == caselessNamePop && p.Code == "PPLC"):
			return true
		}
	}
	return false
}

// caselessWord decides on a name of case-less text that is also an English
// word: it is a place after a locative cue ("in bath", "in turkey") when
// tagged a noun and not a noun's modifier ("in china shops"); a country
// needs no cue when its name has two words ("united states"), is the
// country of an actor, or has no determiner or adjective before it
// ("turkey condemned", not "a roast turkey").
func (f *finder) caselessWord(m *Mention, head names) bool {
	if f.g.countryName(head) && (m.tj-m.ti > 1 || f.hinted(head) || !f.inNounPhrase(m.ti)) {
		return true
	}
	last := f.toks[m.tj-1]
	if m.Cue == "" {
		return false
	}
	if last.poss {
		return nounTag(last.tag) // "in turkey's south"
	}
	n := m.tj
	if n >= len(f.toks) || f.toks[n].sentence != last.sentence || !f.toks[n].word {
		// The phrase ends: "in nice." is the place even when tagged an
		// adjective, and "in reading, berkshire" when tagged a gerund.
		return nounTag(last.tag) || last.tag == nlp.JJ || last.tag == nlp.VBG || last.tag == nlp.VBN
	}
	next := f.toks[n].tag
	switch {
	case next.IsNoun() || next == nlp.JJ || next == nlp.DT || next == nlp.CD || next == nlp.PRPS || next == nlp.PRP:
		return false // "in china shops", "in nice weather", "in reading the report"
	case nounTag(last.tag):
		return true
	}
	// An adjective or gerund followed by a verb or a preposition ends a
	// noun phrase only as a name: "police in nice said".
	return (last.tag == nlp.JJ || last.tag == nlp.VBG) && (next.IsVerb() || next == nlp.MD || next == nlp.IN || next == nlp.TO || next == nlp.CC)
}

// bracketed reports whether token i stands alone in brackets, as
// abbreviations do: "the program for international student assessment
// (pisa)", "portland (ena)".
func (f *finder) bracketed(i int) bool {
	return i > 0 && i+1 < len(f.toks) && f.toks[i-1].punct == '(' && f.toks[i+1].punct == ')'
}

// inNounPhrase reports whether a determiner, adjective or possessive
// stands right before token i.
func (f *finder) inNounPhrase(i int) bool {
	if i == 0 || f.toks[i-1].sentence != f.toks[i].sentence {
		return false
	}
	switch f.toks[i-1].tag {
	case nlp.DT, nlp.JJ, nlp.JJR, nlp.JJS, nlp.PRPS, nlp.POS, nlp.CD:
		return true
	}
	return f.toks[i-1].poss
}

// modifier reports whether the one-word name at token i of a case-less
// sentence, a word that is also a common noun, modifies the noun after it
// at the start of a noun phrase: "the china shop", "fine china plates",
// "in china shops".
func (f *finder) modifier(i int) bool {
	if i+1 >= len(f.toks) || !f.toks[i+1].word || !f.toks[i+1].tag.IsNoun() || f.toks[i].poss || !f.toks[i].lex.noun() {
		return false
	}
	return f.inNounPhrase(i) || i > 0 && f.toks[i-1].tag == nlp.IN
}

// hinted reports whether a country reading of the name is an actor's country.
func (f *finder) hinted(head names) bool {
	for nm := head; nm.count > 0; {
		var pi int32
		pi, _, nm = nm.next()
		if p := f.g.Place(int(pi)); p.Feature == Country {
			for _, h := range f.hints {
				if h == p.Country {
					return true
				}
			}
		}
	}
	return false
}
