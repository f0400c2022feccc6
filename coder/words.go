package coder

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/egret-events/egret/nlp"
)

// Word classes the coder's rules consult live in embedded data files
// (words/*.txt), one class a file, one entry a line, "#" comments: word
// knowledge is data, so adding a disaster noun or a speech verb is a data
// change, not a code change.

//go:embed words/*.txt
var wordFiles embed.FS

// wordClasses are the coder's word lists, upper case.
type wordClasses struct {
	claimNouns      map[string]bool      // "claimed responsibility for an attack"
	particles       map[string]bool      // "took over the village"
	backerParts     map[string]bool      // "militiamen backed by X attacked": who stands behind a group, no act
	pairMarkers     map[string]bool      // "both", "the two", "the warring" before a pair noun (pairRef)
	tollVerbs       map[string]bool      // "killing 20 civilians" after an attack: its toll (mergeTolls)
	lightVerbs      map[string]string    // "took place", "was held": the word each needs beside it, or "" (light.go)
	lightNouns      map[string]lightNoun // "the signing of the accord by A and B" (light.go)
	audienceVerbs   map[string]bool      // "speaking to reporters"
	aliasNouns      map[string]bool      // "known by his abbreviation MBS"
	countries       map[string]bool      // ISO 3166-1 alpha-3 codes: the country part of an actor code
	agencies        map[string]bool      // news agencies named in datelines
	disasters       map[string]bool      // natural and accidental causes (nouns): no political event
	disasterV       map[string]bool      // verbs of accidents and natural events
	intent          map[string]bool      // words whose infinitive is an intention ("plans to")
	people          map[string]bool      // head nouns naming people by a place ("the population of")
	documents       map[string]bool      // decisions and texts that act ("an order imposing tariffs")
	places          map[string]string    // places and things attacked: "MIL" a military place, "AREA" a populated place or territory
	unreal          map[string]string    // verbs whose complement did not happen: FAIL, DENY, ALLEGE
	recip           map[string]bool      // CAMEO code prefixes of mutual acts; true: also with a "with" partner
	nouns           map[string]eventNoun // event nouns
	intents         map[string]string    // act code prefix → code of intending the act
	refusals        map[string]string    // act code prefix → code of refusing it (refusal-codes.txt)
	acceptVerbs     map[string]bool      // "accept", "allow": negated on themselves they refuse
	implicative     map[string]bool      // "force": the act of their object's infinitive happens
	accidentSites   map[string]bool      // "plant", "factory": an unclaimed explosion there is an accident
	nounVerbs       map[string]bool      // "call", "appeal": their -s form may be read as a plural noun
	institutions    map[string]bool      // "Council", "Commission": a body named in full before
	backingNouns    map[string]bool      // "with the support of X": a helper, never a target
	releaseWords    map[string]bool      // "release", "free": whose release is at issue was detained before
	alienWords      map[string]bool      // "nationals", "tourists": people in a country not their own
	appealModals    map[string]string    // "should" → the appeal a speaker makes by saying an actor should act
	perpetrators    map[string]string    // "suicide bomber" → the code of a generic attack they make
	blameVerbs      map[string]string    // "blamed on", "attributed to": the preposition naming an act's doer
	betweenNouns    map[string]string    // "talks" → the code of a mutual act named with "between A and B"
	crowdWords      map[string]bool      // "thousands": a protesting crowd named by its size
	namingVerbs     map[string]bool      // "call", "describe": naming something as something
	coagentPreps    map[string]bool      // "along with": those acting alongside the subject, never targets
	gerundMarks     map[string]bool      // "by", "after": a participle adjunct they introduce shares the main subject
	pursuitVerbs    map[string]bool      // "secure", "push for": their object is an act still to come
	witnessVerbs    map[string]bool      // "confirm", "welcome": their subject speaks of an act, never does it
	warningVerbs    map[string]bool      // "warn": a hypothetical act of the speaker's side they name is threatened
	requestNouns    map[string]bool      // "pressure", "calls": their to-infinitive is asked for, not done
	backgroundPreps map[string]bool      // "after", "following": an act they mark has happened
	domesticRoles   map[string]string    // "GOV" → "STATE", "CVL" → "PEOPLE": a country's own institutions and people
	missionNouns    map[string]bool      // "embassy": its "in X" names the host
	civilOps        map[string]bool      // "search", "rescue": an operation they modify is no armed act
	affilParts      map[string]bool      // "led" of "Saudi-led": a hyphenated affiliation adjective, never a verb
	attribIng       map[string]bool      // "leading" of "six leading figures": describes the noun after a determiner
	speakerActs     map[string]bool      // "accuse": conjoined to what a speaker said, the speaker's own act
	carrierVerbs    map[string]bool      // "carrying": a thing attacked names the people in it
	answerNouns     map[string][]string  // "the attack": the CAMEO roots of an earlier act a reaction names
	factReporters   map[string]bool      // roles whose report of an attack accuses no one
	pairNouns       map[string]bool      // "the two countries": the two actors named last (true: their countries)
	affiliation     map[string]bool      // "gunmen linked to al-Shabab": the phrase is the actor's
	requestCodes    map[string][2]string // requested act → its appeal and demand codes
	epistemic       map[string]bool      // "suspected", "alleged": opening a sentence, they describe its subject
	infinitiveHeads map[string]bool      // "ruled to", "voted to": their infinitive is no purpose
	holderSuffix    map[string]bool      // "RSF-held", "rebel-held": the phrase is the holder's
	deployVerbs     map[string]bool      // "sent police officers": the subject's own forces
	venueNouns      map[string]bool      // "on the sidelines of the summit": a venue, no party
	participleMods  map[string]bool      // "protesting", "fleeing": before a noun, they describe it
	reversalWords   map[string]bool      // "lifting", "waiver": an act under them is undone or held back
	reproachVerbs   map[string]bool      // "attack", "slam": with "for" and a reason, verbal
	foreignWords    []string             // "foreign", "Western": an agent not of the story's country
	epithets        []string             // beginnings: what something is called criticizes it

	// calendar words, from nlp's calendar.txt
	months    map[string]bool // month names and abbreviations ("Dec 5" in a dateline)
	timeWords map[string]bool // weekdays and today, tomorrow ...: adverbials that end a name

	// prepositions and subordinators
	targetRank    []string        // target prepositions, best first
	targetPreps   map[string]bool // the same as a set
	sourcePreps   map[string]bool // "withdrew from X"
	summoning     map[string]bool // "was summoned to the foreign ministry": the to-phrase is the doer
	harmClause    map[string]bool // "were killed when Maoists triggered an IED": the clause's subject is the doer
	memberNouns   map[string]bool // "observers from the OSCE": the from- or of-phrase's actor
	instrumental  map[string]bool // "used a drone to drop ...": the object's infinitive is the verb's purpose
	topicPreps    map[string]bool // "on Syria": what a statement is about
	eventPreps    map[string]bool // event noun to target, linear coder
	locativePreps map[string]bool // "near Kharkiv"
	subordinators map[string]bool // IN words that open a clause ("after", "if")
	asPhraseHeads map[string]bool // "such as", "known as": no clause after "as"
	idiomTails    map[string]bool // "take issue": a compound verb only with its noun bare
	gunfire       map[string]bool // "exchange of fire", "sniper fire": fire that is shooting
	commitVerbs   map[string]bool // "pledged to send troops": the pledge is the event, not the sending

	// nouns
	notActorHead   map[string]bool // "military support": an agent word before them names no actor
	collective     map[string]bool // "the militant group": keep the agent modifier's actor
	quantity       map[string]bool // "hundreds of", "a group of"
	periods        map[string]bool // "last week"
	talkNouns      map[string]bool // "open to dialogue": intent to negotiate
	pactNouns      map[string]bool // "signed a deal in Jeddah": the venue, no party
	statementNouns map[string]bool // "Comment by ... Zakharova": a header naming its speaker
	reportNouns    map[string]bool // "claims by X that"

	// verbs and other words
	catenative     map[string]bool   // "tried to attack"
	speech         map[string]bool   // "said", "told"
	reportVerbs    map[string]bool   // "said that", "believes that"
	objectControl  map[string]bool   // "asked NATO to supply"
	linearIntent   map[string]bool   // "plans to", linear coder
	openWords      map[string]bool   // "open to", "ready for"
	sponsorSuffix  map[string]bool   // "Saudi-led"
	allegedAdverbs map[string]bool   // "allegedly"
	allegedMarkers []string          // "without evidence": reported content unproven
	accuseWords    []string          // beginnings: reported content accuses its subject
	criticizeWords []string          // beginnings: reported content criticizes its subject
	linearNouns    map[string]string // event noun forms the linear coder codes → code
}

// loadWordClasses parses the embedded word lists once per process; they
// are immutable afterwards.
var loadWordClasses = sync.OnceValues(func() (*wordClasses, error) {
	return (&wordReader{fsys: wordFiles, read: map[string]bool{}}).load()
})

// wordReader reads word lists from words/ in fsys and records which.
type wordReader struct {
	fsys fs.FS
	read map[string]bool // file names read
}

// load reads every word list of the coder, and the calendar words from
// nlp.
func (r *wordReader) load() (*wordClasses, error) {
	w := &wordClasses{}
	cal, err := nlp.LoadCalendar()
	if err != nil {
		return nil, err
	}
	w.months = cal.Words(nlp.Month, nlp.MonthAbbr)
	w.timeWords = cal.Words(nlp.Weekday, nlp.NearDay, nlp.ComingDay)
	for _, f := range []struct {
		set  *map[string]bool
		name string
	}{{&w.countries, "countries.txt"}, {&w.agencies, "agencies.txt"}, {&w.disasters, "disasters.txt"},
		{&w.disasterV, "disaster-verbs.txt"},
		{&w.intent, "intent.txt"}, {&w.people, "people.txt"}, {&w.documents, "documents.txt"},
		{&w.sourcePreps, "source-preps.txt"}, {&w.summoning, "summoning-verbs.txt"}, {&w.harmClause, "harm-clause-verbs.txt"}, {&w.memberNouns, "member-nouns.txt"}, {&w.instrumental, "instrument-verbs.txt"}, {&w.topicPreps, "topic-preps.txt"}, {&w.eventPreps, "event-preps.txt"},
		{&w.locativePreps, "locative-preps.txt"}, {&w.subordinators, "subordinators.txt"}, {&w.asPhraseHeads, "as-phrase-heads.txt"}, {&w.idiomTails, "idiom-tails.txt"}, {&w.gunfire, "gunfire-words.txt"}, {&w.commitVerbs, "commitment-verbs.txt"},
		{&w.notActorHead, "not-actor-heads.txt"}, {&w.collective, "collective-nouns.txt"}, {&w.quantity, "quantity-words.txt"},
		{&w.periods, "period-nouns.txt"}, {&w.talkNouns, "talk-nouns.txt"}, {&w.pactNouns, "pact-nouns.txt"}, {&w.statementNouns, "statement-nouns.txt"},
		{&w.reportNouns, "report-nouns.txt"},
		{&w.catenative, "catenative-verbs.txt"}, {&w.speech, "speech-verbs.txt"}, {&w.reportVerbs, "report-verbs.txt"},
		{&w.objectControl, "object-control-verbs.txt"}, {&w.linearIntent, "linear-intent.txt"}, {&w.openWords, "open-words.txt"},
		{&w.sponsorSuffix, "sponsor-suffixes.txt"}, {&w.allegedAdverbs, "alleged-adverbs.txt"}, {&w.aliasNouns, "alias-nouns.txt"},
		{&w.audienceVerbs, "audience-verbs.txt"}, {&w.particles, "particles.txt"},
		{&w.claimNouns, "claim-nouns.txt"}, {&w.crowdWords, "crowd-words.txt"}, {&w.namingVerbs, "naming-verbs.txt"}, {&w.coagentPreps, "coagent-preps.txt"}, {&w.gerundMarks, "gerund-marks.txt"}, {&w.pursuitVerbs, "pursuit-verbs.txt"}, {&w.witnessVerbs, "witness-verbs.txt"}, {&w.warningVerbs, "warning-verbs.txt"}, {&w.requestNouns, "request-nouns.txt"}, {&w.acceptVerbs, "acceptance-verbs.txt"}, {&w.implicative, "implicative-verbs.txt"}, {&w.accidentSites, "accident-sites.txt"}, {&w.nounVerbs, "noun-verbs.txt"}, {&w.institutions, "institution-nouns.txt"}, {&w.backingNouns, "backing-nouns.txt"}, {&w.releaseWords, "release-words.txt"}, {&w.alienWords, "alien-words.txt"}, {&w.backgroundPreps, "background-preps.txt"}, {&w.missionNouns, "mission-nouns.txt"}, {&w.civilOps, "civil-operations.txt"}, {&w.affilParts, "affiliation-participles.txt"}, {&w.attribIng, "attributive-participles.txt"}, {&w.speakerActs, "speaker-acts.txt"}, {&w.carrierVerbs, "carrier-verbs.txt"}, {&w.participleMods, "participle-modifiers.txt"}, {&w.reversalWords, "reversal-words.txt"}, {&w.reproachVerbs, "reproach-verbs.txt"},
		{&w.factReporters, "fact-reporters.txt"}, {&w.affiliation, "affiliation-words.txt"}, {&w.epistemic, "epistemic-participles.txt"},
		{&w.infinitiveHeads, "infinitive-heads.txt"}, {&w.holderSuffix, "holder-suffixes.txt"},
		{&w.deployVerbs, "deploy-verbs.txt"}, {&w.venueNouns, "venue-nouns.txt"}, {&w.tollVerbs, "toll-verbs.txt"}, {&w.pairMarkers, "pair-markers.txt"}, {&w.backerParts, "backer-participles.txt"}} {
		if *f.set, err = r.set(f.name); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		list *[]string
		name string
	}{{&w.targetRank, "target-preps.txt"}, {&w.allegedMarkers, "alleged-markers.txt"}, {&w.accuseWords, "accuse-words.txt"},
		{&w.criticizeWords, "criticize-words.txt"}, {&w.epithets, "epithets.txt"}, {&w.foreignWords, "foreign-words.txt"}} {
		if *f.list, err = r.list(f.name); err != nil {
			return nil, err
		}
	}
	w.targetPreps = make(map[string]bool, len(w.targetRank))
	for _, p := range w.targetRank {
		w.targetPreps[p] = true
	}
	if w.places, err = readWordMap(r, "places.txt", func(v string) (string, bool) { return v, v == "" || v == "MIL" || v == "AREA" }); err != nil {
		return nil, err
	}
	if w.unreal, err = readWordMap(r, "unreal.txt", func(v string) (string, bool) {
		return v, v == "FAIL" || v == "DENY" || v == "ALLEGE" || v == "LITOTES" || v == "DOUBT"
	}); err != nil {
		return nil, err
	}
	if w.lightVerbs, err = readWordMap(r, "light-verbs.txt", func(v string) (string, bool) { return v, true }); err != nil {
		return nil, err
	}
	if w.lightNouns, err = r.lightNouns("light-nouns.txt"); err != nil {
		return nil, err
	}
	if w.nouns, err = r.eventNouns("event-nouns.txt"); err != nil {
		return nil, err
	}
	if w.linearNouns, err = r.nounForms("linear-event-nouns.txt", w.nouns); err != nil {
		return nil, err
	}
	digits := func(v string) (string, bool) { return v, len(v) >= 3 && strings.Trim(v, "0123456789") == "" }
	if w.intents, err = readWordMap(r, "intent-codes.txt", digits); err != nil {
		return nil, err
	}
	if w.refusals, err = readWordMap(r, "refusal-codes.txt", digits); err != nil {
		return nil, err
	}
	if w.betweenNouns, err = readWordMap(r, "between-nouns.txt", digits); err != nil {
		return nil, err
	}
	if w.requestCodes, err = r.requestCodes("request-codes.txt"); err != nil {
		return nil, err
	}
	if w.pairNouns, err = readWordMap(r, "pair-nouns.txt", func(v string) (bool, bool) { return v == "COUNTRY", v == "" || v == "COUNTRY" }); err != nil {
		return nil, err
	}
	if w.perpetrators, err = readWordMap(r, "perpetrator-codes.txt", digits); err != nil {
		return nil, err
	}
	if w.domesticRoles, err = readWordMap(r, "domestic-roles.txt", func(v string) (string, bool) {
		return v, v == "STATE" || v == "PEOPLE"
	}); err != nil {
		return nil, err
	}
	if w.blameVerbs, err = readWordMap(r, "blame-verbs.txt", func(v string) (string, bool) {
		return v, v != "" && strings.ToUpper(v) == v
	}); err != nil {
		return nil, err
	}
	if w.answerNouns, err = readWordMap(r, "answer-nouns.txt", func(v string) ([]string, bool) {
		if v == "*" {
			return []string{"04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}, true
		}
		roots := strings.Split(v, ",")
		for _, r := range roots {
			if len(r) != 2 || strings.Trim(r, "0123456789") != "" {
				return nil, false
			}
		}
		return roots, v != ""
	}); err != nil {
		return nil, err
	}
	if w.appealModals, err = readWordMap(r, "appeal-modals.txt", digits); err != nil {
		return nil, err
	}
	if w.recip, err = readWordMap(r, "reciprocal.txt", func(v string) (bool, bool) { return v == "WITH", v == "" || v == "WITH" }); err != nil {
		return nil, err
	}
	return w, nil
}

// set reads words/<name> as a set: one entry a line.
func (r *wordReader) set(name string) (map[string]bool, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(lines))
	for _, l := range lines {
		set[l.text] = true
	}
	return set, nil
}

// list reads words/<name> as a list in file order: one entry a line.
func (r *wordReader) list(name string) ([]string, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	list := make([]string, len(lines))
	for i, l := range lines {
		list[i] = l.text
	}
	return list, nil
}

// readWordMap reads words/<name> lines "WORDS [VALUE]": the value is the
// last field when parse accepts it, else the line is an error naming it.
func readWordMap[V any](r *wordReader, name string, parse func(string) (V, bool)) (map[string]V, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]V, len(lines))
	for _, l := range lines {
		key, val := l.text, ""
		if i := strings.LastIndexByte(l.text, ' '); i > 0 {
			if _, ok := parse(l.text[i+1:]); ok && l.text[i+1:] != "" {
				key, val = l.text[:i], l.text[i+1:]
			}
		}
		v, ok := parse(val)
		if !ok {
			return nil, l.errorf(name, "bad value")
		}
		if _, dup := m[key]; dup {
			return nil, l.errorf(name, "%s listed twice", key)
		}
		m[key] = v
	}
	return m, nil
}

// wordLine is an entry of a word list and its line number.
type wordLine struct {
	text string
	line int
}

func (l wordLine) errorf(name, format string, args ...any) error {
	return fmt.Errorf("coder word list %s:%d: %q: %s", name, l.line, l.text, fmt.Sprintf(format, args...))
}

// lines reads the entries of words/<name>: blank lines and "#" comments
// are ignored, an entry is upper case and stands once.
func (r *wordReader) lines(name string) ([]wordLine, error) {
	b, err := fs.ReadFile(r.fsys, "words/"+name)
	if err != nil {
		return nil, fmt.Errorf("coder word list %s: %w", name, err)
	}
	r.read[name] = true
	var out []wordLine
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		l := wordLine{text: t, line: n}
		if t != strings.ToUpper(t) {
			return nil, l.errorf(name, "not upper case")
		}
		if first, dup := seen[t]; dup {
			return nil, l.errorf(name, "listed twice (line %d)", first)
		}
		seen[t] = n
		out = append(out, l)
	}
	return out, sc.Err()
}

// country returns the country part of an actor code ("KENCOP" → "KEN"),
// or "" when the code does not start with a country.
func (w *wordClasses) country(code string) string {
	if len(code) < 3 || !w.countries[code[:3]] {
		return ""
	}
	return code[:3]
}

// place reports whether a noun (key or lemma) is an attacked place or
// thing, and whether a military one.
func (w *wordClasses) place(key, lemma string) (mil, ok bool) {
	k, ok := w.places[key]
	if !ok {
		k, ok = w.places[lemma]
	}
	return k == "MIL", ok
}

// populated reports a place that is territory: a town, village or region
// ("seized the village" occupies it).
func (w *wordClasses) populated(key string) bool {
	return w.places[key] == "AREA"
}

// reciprocal reports whether a CAMEO code is a mutual act between
// coordinated parties (mutual) and with a "with" partner (with).
func (w *wordClasses) reciprocal(code string) (mutual, with bool) {
	for p, wi := range w.recip {
		if strings.HasPrefix(code, p) {
			return true, wi
		}
	}
	return false, false
}

// intentCode returns the code of intending the act coded code ("0874" →
// "0356"), or "" when intending it is no event of its own.
func (w *wordClasses) intentCode(code string) string {
	for n := len(code); n >= 2; n-- {
		if ic, ok := w.intents[code[:n]]; ok {
			return ic
		}
	}
	return ""
}

// refusalCode returns the code of refusing the act coded code ("0841" →
// "1243"); "120" for an act without a listed code.
func (w *wordClasses) refusalCode(code string) string {
	if rc, ok := w.refusalOf(code); ok {
		return rc
	}
	return "120"
}

// refusalListed reports a code whose refusal refusal-codes.txt names
// (the cooperative families), not the fallback 120.
func (w *wordClasses) refusalListed(code string) bool {
	_, ok := w.refusalOf(code)
	return ok
}

// refusalOf returns the refusal refusal-codes.txt gives the longest
// prefix of code, and whether it gives one.
func (w *wordClasses) refusalOf(code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if rc, ok := w.refusals[code[:n]]; ok {
			return rc, true
		}
	}
	return "", false
}

// eventNoun is a noun naming an event: its CAMEO code, and whether its
// possessor suffers the act ("their abduction") rather than does it
// ("Russia's attack").
type eventNoun struct {
	code    string
	patient bool
}

// requestCodes reads "ACT APPEAL DEMAND" lines of CAMEO codes.
// lightNouns reads words/<name> lines "NOUN CODE PREP [OF]".
func (r *wordReader) lightNouns(name string) (map[string]lightNoun, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]lightNoun, len(lines))
	for _, l := range lines {
		f := strings.Fields(l.text)
		if len(f) < 3 || len(f) > 4 || len(f) == 4 && f[3] != "OF" || len(f[1]) < 3 || strings.Trim(f[1], "0123456789") != "" {
			return nil, l.errorf(name, "want NOUN CODE PREP [OF]")
		}
		if _, dup := m[f[0]]; dup {
			return nil, l.errorf(name, "%s listed twice", f[0])
		}
		m[f[0]] = lightNoun{code: f[1], prep: f[2], ofDoer: len(f) == 4}
	}
	return m, nil
}

func (r *wordReader) requestCodes(name string) (map[string][2]string, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string][2]string, len(lines))
	for _, l := range lines {
		f := strings.Fields(l.text)
		if len(f) != 3 {
			return nil, l.errorf(name, "want ACT APPEAL DEMAND")
		}
		for _, c := range f {
			if len(c) < 2 || strings.Trim(c, "0123456789") != "" {
				return nil, l.errorf(name, "%q is no CAMEO code", c)
			}
		}
		if _, dup := m[f[0]]; dup {
			return nil, l.errorf(name, "%s listed twice", f[0])
		}
		m[f[0]] = [2]string{f[1], f[2]}
	}
	return m, nil
}

// requestCode returns the appeal (demand when demand is set) that asks
// for an act of code act, or "".
func (w *wordClasses) requestCode(act string, demand bool) string {
	for n := len(act); n >= 2; n-- {
		if rc, ok := w.requestCodes[act[:n]]; ok {
			if demand {
				return rc[1]
			}
			return rc[0]
		}
	}
	return ""
}

// eventNouns reads "NOUN WORDS CODE [PATIENT]" lines.
func (r *wordReader) eventNouns(name string) (map[string]eventNoun, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]eventNoun, len(lines))
	for _, l := range lines {
		f := strings.Fields(l.text)
		var e eventNoun
		if len(f) > 2 && f[len(f)-1] == "PATIENT" {
			e.patient, f = true, f[:len(f)-1]
		}
		if len(f) < 2 || len(f[len(f)-1]) < 3 || strings.Trim(f[len(f)-1], "0123456789") != "" {
			return nil, l.errorf(name, "want NOUN CODE [PATIENT]")
		}
		e.code = f[len(f)-1]
		key := strings.Join(f[:len(f)-1], " ")
		if _, dup := m[key]; dup {
			return nil, l.errorf(name, "%s listed twice", key)
		}
		m[key] = e
	}
	return m, nil
}

// nounForms reads word forms of event nouns, each an entry of nouns or its
// plural (the entry plus "S"), and returns each form's code.
func (r *wordReader) nounForms(name string, nouns map[string]eventNoun) (map[string]string, error) {
	lines, err := r.lines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(lines))
	for _, l := range lines {
		e, ok := nouns[l.text]
		if !ok {
			e, ok = nouns[strings.TrimSuffix(l.text, "S")]
		}
		if !ok {
			return nil, l.errorf(name, "no event noun, nor the plural of one")
		}
		m[l.text] = e.code
	}
	return m, nil
}
