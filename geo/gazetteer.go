// Package geo finds place names in event text and resolves them against an embedded GeoNames gazetteer to geolocate events.
package geo

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"
)

//go:embed gazetteer.tsv.gz
var embedded []byte

// Feature is the kind of place a gazetteer entry is.
type Feature uint8

// Feature kinds, from most to least specific.
const (
	City Feature = iota
	Admin1
	Country
	Region // an area that is neither: "Donbas", "Darfur", "Sinai"
)

func (f Feature) String() string {
	switch f {
	case City:
		return "city"
	case Admin1:
		return "admin1"
	case Country:
		return "country"
	case Region:
		return "region"
	}
	return "?"
}

// Place is one gazetteer entry.
type Place struct {
	ID      int     // GeoNames id; 0 for countries and admin-1 areas of the embedded table
	Name    string  // primary name
	Lat     float32 // degrees north
	Lon     float32 // degrees east
	Country string  // ISO 3166-1 alpha-3
	Admin1  string  // admin-1 name (for cities and admin-1 areas)
	Feature Feature
	Code    string // GeoNames feature code (PPLC, PPLA, …; ADM1, PCLI)
	Pop     int64
	prior   float32 // baseScore, computed once at load
}

// Capital reports whether the place is a national capital or a country,
// whose names stand for governments in news text ("Moscow said").
func (p *Place) Capital() bool { return p.Code == "PPLC" || p.Feature == Country }

type entry struct {
	place int32
	next  int32 // next entry under the same key, -1 ends
	alt   bool  // matched by an alternate, not the primary name
}

// Gazetteer is an in-memory name index over places. It is read-only after
// loading and safe for concurrent use.
type Gazetteer struct {
	Places    []Place
	head      map[string]int32 // folded name → first entry
	entries   []entry
	common    map[string]bool   // folded names that are also common English words
	demonyms  map[string]string // folded demonym → ISO-3
	countries map[string]int32  // ISO-3 → place
	iso2      map[string]string // ISO-2 → ISO-3
	admin1    map[string]int32  // "SY.12" → place
	regions   []int32
	maxWords  int
}

// LoadDefault loads the gazetteer embedded in the binary (GeoNames cities
// of 1,000+ people and administrative seats, admin-1 areas, countries).
func LoadDefault() (*Gazetteer, error) {
	return Load(bytes.NewReader(embedded))
}

// Load reads egret's compact gazetteer format (gzip'd TSV written by
// geo/internal/gen).
func Load(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var buf bytes.Buffer
	if s, ok := r.(interface{ Size() int64 }); ok {
		buf.Grow(int(s.Size()) * 3) // the text is about 3 times its gzip'd size
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	b := buf.Bytes()
	data := string(b)
	g := newGazetteer(bytes.Count(b, []byte{'\n'}))
	type pending struct {
		place int32
		cc    string
		adm   string
	}
	var cities []pending
	line := 0
	for len(data) > 0 {
		line++
		var l string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, ""
		}
		if line == 1 && !strings.HasPrefix(l, "#egret-gazetteer\t2\t") {
			return nil, fmt.Errorf("gazetteer line 1: not an egret gazetteer of format 2 (rebuild it with make gazetteer): %.40q", l)
		}
		if l == "" || l[0] == '#' {
			continue
		}
		var f [11]string
		n := split(l, f[:])
		bad := func(what string) error {
			return fmt.Errorf("gazetteer line %d: %s: %q", line, what, l)
		}
		switch f[0] {
		case "C":
			if n < 9 {
				return nil, bad("country record needs 9 fields")
			}
			lat, lon, ok := latlon(f[4], f[5])
			if !ok {
				return nil, bad("bad coordinates")
			}
			p := g.add(Place{Name: f[3], Lat: lat, Lon: lon, Country: f[1], Feature: Country, Code: "PCLI"}, f[7])
			g.countries[f[1]] = p
			g.iso2[f[2]] = f[1]
			for _, d := range splitBar(f[8]) {
				g.demonyms[Fold(d)] = f[1]
			}
		case "A":
			if n < 7 {
				return nil, bad("admin-1 record needs 7 fields")
			}
			cc, _, ok := strings.Cut(f[1], ".")
			iso3 := g.iso2[cc]
			if !ok || iso3 == "" {
				return nil, bad("unknown country in admin-1 code")
			}
			lat, lon, ok := latlon(f[3], f[4])
			if !ok {
				return nil, bad("bad coordinates")
			}
			pop, _ := strconv.ParseInt(f[5], 10, 64)
			g.admin1[f[1]] = g.add(Place{Name: f[2], Lat: lat, Lon: lon, Country: iso3, Admin1: f[2], Feature: Admin1, Code: "ADM1", Pop: pop}, f[6])
		case "P":
			if n < 10 {
				return nil, bad("place record needs 10 fields")
			}
			id, err := strconv.Atoi(f[1])
			if err != nil {
				return nil, bad("bad geonameid")
			}
			lat, lon, ok := latlon(f[3], f[4])
			if !ok {
				return nil, bad("bad coordinates")
			}
			iso3 := g.iso2[f[5]]
			if iso3 == "" {
				return nil, bad("unknown country code " + f[5])
			}
			pop, _ := strconv.ParseInt(f[8], 10, 64)
			p := g.addKeys(Place{ID: id, Name: f[2], Lat: lat, Lon: lon, Country: iso3, Feature: City, Code: f[7], Pop: pop}, f[9])
			cities = append(cities, pending{p, f[5], f[6]})
		case "R":
			if n < 7 {
				return nil, bad("region record needs 7 fields")
			}
			if _, ok := g.countries[f[2]]; !ok {
				return nil, bad("unknown country " + f[2])
			}
			lat, lon, ok := latlon(f[3], f[4])
			if !ok {
				return nil, bad("bad coordinates")
			}
			pop, _ := strconv.ParseInt(f[5], 10, 64)
			g.regions = append(g.regions, g.add(Place{Name: f[1], Lat: lat, Lon: lon, Country: f[2], Feature: Region, Code: "RGN", Pop: pop}, f[6]))
		case "W":
			if n < 2 {
				return nil, bad("word record needs 2 fields")
			}
			g.common[f[1]] = true
		default:
			return nil, bad("unknown record type")
		}
	}
	for _, c := range cities {
		if a, ok := g.admin1[c.cc+"."+c.adm]; ok {
			g.Places[c.place].Admin1 = g.Places[a].Name
		}
	}
	if len(g.countries) == 0 {
		return nil, fmt.Errorf("gazetteer: no countries")
	}
	return g, nil
}

func newGazetteer(n int) *Gazetteer {
	return &Gazetteer{
		Places:    make([]Place, 0, n),
		head:      make(map[string]int32, n*2),
		entries:   make([]entry, 0, n*2),
		common:    map[string]bool{},
		demonyms:  map[string]string{},
		countries: map[string]int32{},
		iso2:      map[string]string{},
		admin1:    map[string]int32{},
	}
}

// add appends a place and indexes its primary name and its alternates
// (separated by '|').
func (g *Gazetteer) add(p Place, alts string) int32 {
	i := int32(len(g.Places))
	p.prior = float32(baseScore(&p))
	g.Places = append(g.Places, p)
	g.index(Fold(p.Name), i, false)
	for len(alts) > 0 {
		var a string
		a, alts, _ = strings.Cut(alts, "|")
		if a != "" {
			g.index(Fold(a), i, true)
		}
	}
	return i
}

// addKeys appends a place with its lookup keys already folded by the
// generator ('|'-separated, primary name first): loading then needs no
// folding or allocation per name.
func (g *Gazetteer) addKeys(p Place, keys string) int32 {
	i := int32(len(g.Places))
	p.prior = float32(baseScore(&p))
	g.Places = append(g.Places, p)
	alt := false
	for len(keys) > 0 {
		var k string
		k, keys, _ = strings.Cut(keys, "|")
		g.index(k, i, alt)
		alt = true
	}
	return i
}

func (g *Gazetteer) index(key string, place int32, alt bool) {
	if key == "" {
		return
	}
	h, ok := g.head[key]
	for e := h; ok && e >= 0; e = g.entries[e].next {
		if g.entries[e].place == place {
			return
		}
	}
	next := int32(-1)
	if ok {
		next = h
	}
	g.head[key] = int32(len(g.entries))
	g.entries = append(g.entries, entry{place: place, next: next, alt: alt})
	if w := strings.Count(key, " ") + 1; w > g.maxWords {
		g.maxWords = w
	}
}

// Lookup returns the places a name may refer to.
func (g *Gazetteer) Lookup(name string) []*Place {
	var out []*Place
	h, ok := g.head[Fold(name)]
	for e := h; ok && e >= 0; e = g.entries[e].next {
		out = append(out, &g.Places[g.entries[e].place])
	}
	return out
}

// Country returns the country with ISO-3 code iso3.
func (g *Gazetteer) Country(iso3 string) (*Place, bool) {
	i, ok := g.countries[iso3]
	if !ok {
		return nil, false
	}
	return &g.Places[i], true
}

// LoadGeoNames reads a GeoNames dump (allCountries.txt, citiesN.txt or a
// country file: 19 tab-separated columns) for users who need villages. Its
// populated places (class P) and first-order divisions (ADM1) join the
// countries and admin-1 areas of the embedded gazetteer, which a citiesN
// file lacks; the embedded cities are not kept.
func LoadGeoNames(r io.Reader) (*Gazetteer, error) {
	base, err := LoadDefault()
	if err != nil {
		return nil, err
	}
	g := newGazetteer(1 << 16)
	g.common, g.demonyms, g.iso2 = base.common, base.demonyms, base.iso2
	alts := base.altNames()
	for iso3, i := range base.countries {
		g.countries[iso3] = g.add(base.Places[i], alts[i])
	}
	for code, i := range base.admin1 {
		g.admin1[code] = g.add(base.Places[i], alts[i])
	}
	for _, i := range base.regions {
		g.regions = append(g.regions, g.add(base.Places[i], alts[i]))
	}
	type pending struct {
		place int32
		code  string
	}
	var cities []pending
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		var f [20]string
		n := split(l, f[:])
		if n < 15 {
			return nil, fmt.Errorf("geonames line %d: %d tab-separated fields, want 19", line, n)
		}
		if f[6] != "P" && f[7] != "ADM1" {
			continue // rivers, mountains, roads: most of allCountries.txt
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("geonames line %d: geonameid %q is not a number", line, f[0])
		}
		lat, lon, ok := latlon(f[4], f[5])
		if !ok {
			return nil, fmt.Errorf("geonames line %d: bad coordinates %q, %q", line, f[4], f[5])
		}
		iso3 := g.iso2[f[8]]
		if iso3 == "" {
			continue // no country (undersea features, Antarctica stations)
		}
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		alts := geonamesAlts(f[1], f[2], f[3], f[7], pop)
		code := f[8] + "." + f[10]
		switch {
		case f[6] == "P":
			p := g.add(Place{ID: id, Name: strings.Clone(f[1]), Lat: lat, Lon: lon, Country: iso3, Feature: City, Code: strings.Clone(f[7]), Pop: pop}, alts)
			cities = append(cities, pending{p, code})
		case f[6] == "A" && f[7] == "ADM1":
			if i, ok := g.admin1[code]; ok {
				// The dump knows the area's centre better than the embedded seat.
				g.Places[i].Lat, g.Places[i].Lon, g.Places[i].ID = lat, lon, id
				for a := range strings.SplitSeq(alts, "|") {
					g.index(Fold(a), i, true)
				}
				continue
			}
			g.admin1[code] = g.add(Place{ID: id, Name: strings.Clone(f[1]), Lat: lat, Lon: lon, Country: iso3, Admin1: strings.Clone(f[1]), Feature: Admin1, Code: "ADM1", Pop: pop}, alts)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("geonames line %d: %w", line+1, err)
	}
	for _, c := range cities {
		if a, ok := g.admin1[c.code]; ok {
			g.Places[c.place].Admin1 = g.Places[a].Name
		}
	}
	return g, nil
}

// altNames lists, for each country and admin-1 area, the keys it is
// indexed under besides its primary name, '|'-separated.
func (g *Gazetteer) altNames() map[int32]string {
	out := map[int32]string{}
	for k, h := range g.head {
		for e := h; e >= 0; e = g.entries[e].next {
			en := g.entries[e]
			if en.alt && g.Places[en.place].Feature != City {
				out[en.place] += k + "|"
			}
		}
	}
	return out
}

// geonamesAlts picks the alternate names worth indexing, as the generator
// does: English-looking (ASCII letters, spaces, hyphens, apostrophes),
// capitalised, not codes; those sharing the primary name's initial first;
// more for bigger places and administrative seats.
func geonamesAlts(name, ascii, alts, fcode string, pop int64) string {
	max := 0
	switch {
	case pop >= 100000:
		max = 8
	case pop >= 5000 || fcode == "PPLA" || fcode == "PPLA2" || fcode == "PPLC":
		max = 4
	}
	primary := Fold(name)
	seen := map[string]bool{primary: true}
	var same, other []string
	try := func(a string) {
		k := Fold(a)
		if seen[k] || len(k) < 3 || !englishLooking(a) || strings.ToUpper(a) == a {
			return
		}
		seen[k] = true
		if a == ascii || primary != "" && k[0] == primary[0] {
			same = append(same, a)
		} else {
			other = append(other, a)
		}
	}
	try(ascii)
	for a := range strings.SplitSeq(alts, ",") {
		try(a)
	}
	out := append(same, other...)
	if len(out) > max {
		out = out[:max]
	}
	return strings.Join(out, "|")
}

func englishLooking(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

func split(l string, f []string) int {
	n := 0
	for n < len(f)-1 {
		i := strings.IndexByte(l, '\t')
		if i < 0 {
			break
		}
		f[n], l = l[:i], l[i+1:]
		n++
	}
	f[n] = l
	return n + 1
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func latlon(a, b string) (float32, float32, bool) {
	lat, err1 := strconv.ParseFloat(a, 32)
	lon, err2 := strconv.ParseFloat(b, 32)
	if err1 != nil || err2 != nil || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return 0, 0, false
	}
	return float32(lat), float32(lon), true
}

// Fold normalises a name for lookup: lower case, diacritics and dots and
// apostrophes dropped, hyphens and runs of spaces made one space. The
// generator (geo/internal/gen) folds the same way.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	b := make([]byte, 0, len(s))
	return string(foldAppend(b, s))
}

// foldAppend appends the folded form of s (already NFD if not ASCII) to b.
func foldAppend(b []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '.' || c == '\'' || c == '`':
			case c == '-' || c == ' ' || c == '\t' || c == '\n':
				space = true
			default:
				if space && len(b) > 0 {
					b = append(b, ' ')
				}
				space = false
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsMark(r) || r == '’' || r == 'ʻ' || r == 'ʼ' || r == '‘':
		case r == '‐' || r == '–' || unicode.IsSpace(r):
			space = true
		default:
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// LoadFile loads a gazetteer for `--gazetteer FILE`: egret's own gzip'd
// format, or a GeoNames dump (allCountries.txt, citiesN.txt, a country
// file; unzipped). Errors name the file.
func LoadFile(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	head, _ := br.Peek(4)
	var g *Gazetteer
	switch {
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		g, err = Load(br)
	case len(head) >= 4 && string(head) == "PK\x03\x04":
		return nil, fmt.Errorf("%s: a zip archive; unzip it and pass the .txt file", path)
	default:
		g, err = LoadGeoNames(br)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}
