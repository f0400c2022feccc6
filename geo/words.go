package geo

import (
	"embed"
	"fmt"
	"strings"
)

// Word classes the geolocation rules consult live in embedded data files,
// words/*.txt: one class a file, one lower-case word or phrase a line
// (directions.txt: word and region), "#" comments. Word knowledge is
// data, so teaching geo a new locative cue or person title is a data
// change. The sets are built once when the package loads and never change.

//go:embed words/*.txt
var wordFiles embed.FS

// The word classes, by the stage that reads them.
var (
	// Stage locate.

	// physicalVerb before a capital makes it the place acted on.
	physicalVerb = wordSet("physical-verbs")

	// phraseAfter ends a "City, Country" phrase ("Paris, Texas, on Sunday").
	phraseAfter = wordSet("phrase-after")

	// clauseWord after a comma opens a clause: events are placed in their own.
	clauseWord = wordSet("clause-words")
	// relativeWord opens a relative clause even without a comma.
	relativeWord = wordSet("relative-words")

	// actorObjectVerb before a capital makes it a government ("accused Moscow").
	actorObjectVerb = wordSet("actor-object-verbs")

	// partnerWord before a capital or country makes it a party, not a place:
	// "realigning with Cairo", "talks between Moscow and Kyiv".
	partnerWord = wordSet("partner-words")

	// governmentNoun after a capital makes it one ("the Damascus government").
	governmentNoun = wordSet("government-nouns")

	// localInstitution after a city name makes it that city's local body,
	// which is still a place ("the Islamabad police").
	localInstitution = wordSet("local-institutions")

	// speechVerb after a capital makes it one ("Moscow said").
	speechVerb = wordSet("speech-verbs")

	// activeAux after a capital or country makes it the subject of an action.
	activeAux = wordSet("active-aux")

	// passiveNext after activeAux keeps the place a patient ("has been hit").
	passiveNext = wordSet("passive-next")

	// auxiliary may stand between a capital and its verb ("Moscow has also said").
	auxiliary = wordSet("auxiliaries")

	// Stage mentions.

	// placeNoun before "of" makes a locative phrase by itself: "the outskirts
	// of Damascus", "the town of Crawley".
	placeNoun = wordSet("place-nouns")

	// apposNoun before a comma and a name makes the name a place: "the Somali
	// capital, Mogadishu", "her hometown, Kismayo".
	apposNoun = wordSet("appos-nouns")

	// neverPlace are capitalised words and phrases that name places only in
	// gazetteers (keys as Fold makes them).
	neverPlace = wordSet("never-place")

	// caselessHead after a name of case-less text ends a longer proper name
	// (an organisation, a natural feature): "cato institute", "boni forest".
	// In ordinary case the capital says so, and "the Idlib council" is a
	// council in Idlib.
	caselessHead = wordSet("caseless-heads")

	// caselessOf before "of" and a name of case-less text makes it part of a
	// longer name ("university of melbourne", "gulf of guinea").
	caselessOf = wordSet("caseless-of")

	// personTitle before a name of case-less text makes it a person's:
	// "president hassan", "chief minister yogi".
	personTitle = wordSet("person-titles")

	// orgNoun after a place name makes it part of an organisation's name.
	orgNoun = wordSet("org-nouns")

	// spacedParticle joins name parts without a hyphen ("Croix des Bouquets");
	// Arabic articles do so only hyphenated ("Bab al-Tabbaneh"), as "as" and
	// "at" are English words.
	spacedParticle = wordSet("spaced-particles")

	// sentenceOpener may open a sentence before a place name without being part
	// of it; any other capitalised first word is taken for a first name
	// ("Arnel Joseph", "Sun Lijun").
	sentenceOpener = wordSet("sentence-openers")

	// particle joins the parts of a name ("Deir ez-Zor", "Ras al-Ain").
	particle = wordSet("particles")

	// directions narrow a place to a region ("northern Idlib").
	directions = wordMap("directions")

	// adminWord follows a name of an administrative area.
	adminWord = wordSet("admin-words")

	// geoWord follows a place name in a geographic term that is still that place ("Gaza Strip").
	geoWord = wordSet("geo-words")

	// titleWord may stand before a place name without joining a person's name.
	titleWord = wordSet("title-words")

	// locative before a name makes it a place (a cue: "in", "near").
	locative = wordSet("locatives")

	// cueFiller may stand between a locative and a name ("in the rebel-held town of").
	cueFiller = wordSet("cue-fillers")
)

// wordLines returns the entries of words/<name>.txt, each split into
// fields; it panics on a bad file: the files are fixed at build time and
// TestWordFiles reads every one.
func wordLines(name string) [][]string {
	path := "words/" + name + ".txt"
	b, err := wordFiles.ReadFile(path)
	if err != nil {
		panic(fmt.Sprintf("geo: %v", err))
	}
	var out [][]string
	seen := map[string]bool{}
	for n, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if l != strings.ToLower(l) {
			panic(fmt.Sprintf("geo: %s:%d: %q is not lower case", path, n+1, l))
		}
		if seen[l] {
			panic(fmt.Sprintf("geo: %s:%d: %q twice", path, n+1, l))
		}
		seen[l] = true
		out = append(out, strings.Fields(l))
	}
	return out
}

// wordSet reads a class of words and phrases.
func wordSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, fs := range wordLines(name) {
		m[strings.Join(fs, " ")] = true
	}
	return m
}

// wordMap reads a class of words with one value each.
func wordMap(name string) map[string]string {
	m := map[string]string{}
	for _, fs := range wordLines(name) {
		if len(fs) != 2 {
			panic(fmt.Sprintf("geo: words/%s.txt: %q: want a word and its value", name, strings.Join(fs, " ")))
		}
		m[fs[0]] = fs[1]
	}
	return m
}
