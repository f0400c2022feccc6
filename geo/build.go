package geo

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
)

// builder collects places and their names while a gazetteer is read from
// text (egret's text format or a GeoNames dump); freeze packs it into a
// Gazetteer.
type builder struct {
	places    []Place
	head      map[string]int32 // folded name → first entry
	entries   []entry
	common    map[string]bool   // folded names that are also common English words
	demonyms  map[string]string // folded demonym → ISO-3
	countries map[string]int32  // ISO-3 → place
	iso2      map[string]string // ISO-2 → ISO-3
	admin1    map[string]int32  // "SY.12" → place
	regions   []int32
}

type entry struct {
	place int32
	next  int32 // next entry under the same key, -1 ends
	alt   bool  // matched by an alternate, not the primary name
}

func newBuilder(n int) *builder {
	return &builder{
		places:    make([]Place, 0, n),
		head:      make(map[string]int32, n*2),
		entries:   make([]entry, 0, n*2),
		common:    map[string]bool{},
		demonyms:  map[string]string{},
		countries: map[string]int32{},
		iso2:      map[string]string{},
		admin1:    map[string]int32{},
	}
}

// Load reads a gazetteer in egret's compiled format (format 3, as in
// geo/gazetteer.bin) or its gzip'd text format (format 2), both written by
// geo/internal/gen.
func Load(r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(binaryMagic)); string(head) == binaryMagic {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		return decode(data, true)
	}
	b, err := readText(br)
	if err != nil {
		return nil, err
	}
	return b.freeze()
}

// readText reads the gzip'd text format: one record a line, by type
// (C country, A admin-1 area, P place, R region, W common word).
func readText(r io.Reader) (*builder, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	b := buf.Bytes()
	data := string(b)
	g := newBuilder(bytes.Count(b, []byte{'\n'}))
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
		// measures reads a record's coordinates and population.
		measures := func(lat, lon, pop string) (float32, float32, int64, error) {
			la, lo, ok := latlon(lat, lon)
			if !ok {
				return 0, 0, 0, bad("bad coordinates")
			}
			p, ok := population(pop)
			if !ok {
				return 0, 0, 0, bad("bad population")
			}
			return la, lo, p, nil
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
			lat, lon, pop, err := measures(f[3], f[4], f[5])
			if err != nil {
				return nil, err
			}
			g.admin1[f[1]] = g.add(Place{Name: f[2], Lat: lat, Lon: lon, Country: iso3, Admin1: f[2], Feature: Admin1, Code: "ADM1", Pop: pop}, f[6])
		case "P":
			if n < 10 {
				return nil, bad("place record needs 10 fields")
			}
			id, ok := geonameID(f[1])
			if !ok {
				return nil, bad("bad geonameid")
			}
			lat, lon, pop, err := measures(f[3], f[4], f[8])
			if err != nil {
				return nil, err
			}
			iso3 := g.iso2[f[5]]
			if iso3 == "" {
				return nil, bad("unknown country code " + f[5])
			}
			p := g.addKeys(Place{ID: id, Name: f[2], Lat: lat, Lon: lon, Country: iso3, Feature: City, Code: f[7], Pop: pop}, f[9])
			cities = append(cities, pending{p, f[5], f[6]})
		case "R":
			if n < 7 {
				return nil, bad("region record needs 7 fields")
			}
			if _, ok := g.countries[f[2]]; !ok {
				return nil, bad("unknown country " + f[2])
			}
			lat, lon, pop, err := measures(f[3], f[4], f[5])
			if err != nil {
				return nil, err
			}
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
			g.places[c.place].Admin1 = g.places[a].Name
		}
	}
	if len(g.countries) == 0 {
		return nil, fmt.Errorf("gazetteer: no countries")
	}
	return g, nil
}

// add appends a place and indexes its primary name and its alternates
// (separated by '|').
func (g *builder) add(p Place, alts string) int32 {
	i := int32(len(g.places))
	g.places = append(g.places, p)
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
// folding per name.
func (g *builder) addKeys(p Place, keys string) int32 {
	i := int32(len(g.places))
	g.places = append(g.places, p)
	alt := false
	for len(keys) > 0 {
		var k string
		k, keys, _ = strings.Cut(keys, "|")
		g.index(k, i, alt)
		alt = true
	}
	return i
}

// index files place under key, ahead of the places already there.
func (g *builder) index(key string, place int32, alt bool) {
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
	g := newBuilder(1 << 16)
	alts := base.keep(g)
	for _, i := range sortedPlaces(base.countries) {
		g.countries[base.Place(int(i)).Country] = g.add(*base.Place(int(i)), alts[i])
	}
	for _, a := range base.admin1 {
		g.admin1[a.code] = g.add(*base.Place(int(a.place)), alts[a.place])
	}
	for _, i := range base.regions {
		g.regions = append(g.regions, g.add(*base.Place(int(i)), alts[i]))
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
		id, ok := geonameID(f[0])
		if !ok {
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
		pop, ok := population(f[14])
		if !ok {
			return nil, fmt.Errorf("geonames line %d: population %q out of range", line, f[14])
		}
		alts := geonamesAlts(f[1], f[2], f[3], f[7], pop)
		code := f[8] + "." + f[10]
		switch {
		case f[6] == "P":
			p := g.add(Place{ID: id, Name: strings.Clone(f[1]), Lat: lat, Lon: lon, Country: iso3, Feature: City, Code: strings.Clone(f[7]), Pop: pop}, alts)
			cities = append(cities, pending{p, code})
		case f[6] == "A" && f[7] == "ADM1":
			if i, ok := g.admin1[code]; ok {
				// The dump knows the area's centre better than the embedded seat.
				g.places[i].Lat, g.places[i].Lon, g.places[i].ID = lat, lon, id
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
			g.places[c.place].Admin1 = g.places[a].Name
		}
	}
	return g.freeze()
}

// sortedPlaces lists a map's places in place order.
func sortedPlaces(m map[string]int32) []int32 {
	out := make([]int32, 0, len(m))
	for _, i := range m {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

// keep copies the common words, demonyms and country codes of g into b and
// lists, for each country, admin-1 area and region, the keys it is indexed
// under besides its primary name, '|'-separated.
func (g *Gazetteer) keep(b *builder) map[int32]string {
	out := map[int32]string{}
	for iso2, iso3 := range g.iso2 {
		b.iso2[iso2] = iso3
	}
	g.eachKey(func(key []byte, nm names) {
		if nm.flags&flagCommon != 0 {
			b.common[string(key)] = true
		}
		if nm.flags&flagDemonym != 0 {
			b.demonyms[string(key)] = g.ctryTab[nm.demonym]
		}
		for nm.count > 0 {
			var p int32
			var alt bool
			p, alt, nm = nm.next()
			if alt && g.kindTab[g.kinds[p]].feature != City {
				out[p] += string(key) + "|"
			}
		}
	})
	return out
}

// geonamesAlts picks the alternate names of a dump's place ('|'-separated).
func geonamesAlts(name, ascii, alts, fcode string, pop int64) string {
	return strings.Join(Alternates(name, ascii, strings.Split(alts, ","), fcode, pop, nil), "|")
}

// Alternates picks the alternate names of a GeoNames place worth indexing,
// for the generator of the embedded gazetteer and for LoadGeoNames alike:
// English-looking (ASCII letters, spaces, hyphens, apostrophes),
// capitalised, not codes, not folding as the name or one of have does;
// the ASCII name and those sharing the name's initial first ("Jenin" for
// "Janīn" before "Dschenin"); more for bigger places and administrative
// seats.
func Alternates(name, ascii string, alts []string, fcode string, pop int64, have []string) []string {
	max := 0
	switch {
	case pop >= 100000:
		max = 8
	case pop >= 5000 || fcode == "PPLA" || fcode == "PPLA2" || fcode == "PPLC":
		max = 4
	}
	primary := Fold(name)
	seen := map[string]bool{primary: true}
	for _, a := range have {
		seen[Fold(a)] = true
	}
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
	for _, a := range alts {
		try(a)
	}
	out := append(same, other...)
	if len(out) > max {
		out = out[:max]
	}
	return out
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

// geonameID reads a GeoNames id; the compiled format holds it in 32 bits.
func geonameID(s string) (int, bool) {
	id, err := strconv.Atoi(s)
	return id, err == nil && id >= 0 && id <= math.MaxUint32
}

// population reads a population (empty or unreadable is 0: GeoNames leaves
// it blank); the compiled format holds it in 32 bits, so a negative or
// larger number is an error.
func population(s string) (int64, bool) {
	pop, _ := strconv.ParseInt(s, 10, 64) // 0 when unreadable, the int64 limit when too long
	return pop, pop >= 0 && pop <= math.MaxUint32
}

// freeze packs the builder into a Gazetteer (the compiled format's
// sections, in memory).
func (b *builder) freeze() (*Gazetteer, error) {
	n := len(b.places)
	g := &Gazetteer{n: n, iso2: b.iso2, regions: b.regions, countries: b.countries}
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("gazetteer: %d places, at most %d", n, math.MaxInt32)
	}

	// Small tables: kinds, countries, admin-1 names, in sorted order so a
	// rebuild gives the same bytes.
	kinds := map[kind]int{}
	ctrys := map[string]int{}
	adms := map[string]int{"": 0}
	for i := range b.places {
		p := &b.places[i]
		kinds[kind{p.Feature, p.Code}] = 0
		ctrys[p.Country] = 0
		adms[p.Admin1] = 0
	}
	for _, iso3 := range b.demonyms {
		ctrys[iso3] = 0
	}
	for k := range kinds {
		g.kindTab = append(g.kindTab, k)
	}
	sort.Slice(g.kindTab, func(i, j int) bool {
		a, b := g.kindTab[i], g.kindTab[j]
		return a.feature < b.feature || a.feature == b.feature && a.code < b.code
	})
	for i, k := range g.kindTab {
		kinds[k] = i
	}
	g.ctryTab = sortedKeys(ctrys)
	g.admTab = sortedKeys(adms) // "" sorts first
	if len(g.kindTab) > 256 || len(g.ctryTab) > 256 || len(g.admTab) > 1<<16 {
		return nil, fmt.Errorf("gazetteer: %d feature codes, %d countries, %d admin-1 names: at most 256, 256 and 65536", len(g.kindTab), len(g.ctryTab), len(g.admTab))
	}
	for i, s := range g.ctryTab {
		ctrys[s] = i
	}
	for i, s := range g.admTab {
		adms[s] = i
	}
	for code, p := range b.admin1 {
		g.admin1 = append(g.admin1, admin1Ref{code, p})
	}
	sort.Slice(g.admin1, func(i, j int) bool { return g.admin1[i].code < g.admin1[j].code })

	// Place columns.
	g.ids = make([]byte, 4*n)
	g.lats = make([]byte, 4*n)
	g.lons = make([]byte, 4*n)
	g.pops = make([]byte, 4*n)
	g.kinds = make([]byte, n)
	g.ctry = make([]byte, n)
	g.adm = make([]byte, 2*n)
	g.nameIdx = make([]byte, 4*((n+nameStride-1)/nameStride))
	var names []byte
	le := binary.LittleEndian
	for i := range b.places {
		p := &b.places[i]
		if p.ID < 0 || p.ID > math.MaxUint32 || p.Pop < 0 || p.Pop > math.MaxUint32 {
			return nil, fmt.Errorf("gazetteer: place %q: id %d or population %d out of range", p.Name, p.ID, p.Pop)
		}
		le.PutUint32(g.ids[4*i:], uint32(p.ID))
		le.PutUint32(g.lats[4*i:], math.Float32bits(p.Lat))
		le.PutUint32(g.lons[4*i:], math.Float32bits(p.Lon))
		le.PutUint32(g.pops[4*i:], uint32(p.Pop))
		g.kinds[i] = byte(kinds[kind{p.Feature, p.Code}])
		g.ctry[i] = byte(ctrys[p.Country])
		le.PutUint16(g.adm[2*i:], uint16(adms[p.Admin1]))
		if i%nameStride == 0 {
			le.PutUint32(g.nameIdx[4*(i/nameStride):], uint32(len(names)))
		}
		names = binary.AppendUvarint(names, uint64(len(p.Name)))
		names = append(names, p.Name...)
	}
	g.names = names

	// Name table: every key with places, or that is a common word or a
	// demonym, in buckets by hash.
	keys := map[string]struct{}{}
	for k := range b.head {
		keys[k] = struct{}{}
	}
	for k, ok := range b.common {
		if ok {
			keys[k] = struct{}{}
		}
	}
	for k := range b.demonyms {
		keys[k] = struct{}{}
	}
	nb := 1
	for nb*4 < len(keys) {
		nb *= 2
	}
	g.shift = 64
	for x := nb; x > 1; x /= 2 {
		g.shift--
	}
	type hk struct {
		bucket uint64
		key    string
	}
	order := make([]hk, 0, len(keys))
	for k := range keys {
		order = append(order, hk{keyHash([]byte(k)) >> g.shift, k})
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		return a.bucket < b.bucket || a.bucket == b.bucket && a.key < b.key
	})
	g.dir = make([]byte, 4*(nb+1))
	var recs, tail []byte
	next := 0 // next bucket whose start is unwritten
	for _, o := range order {
		for ; next <= int(o.bucket); next++ {
			le.PutUint32(g.dir[4*next:], uint32(len(recs)))
		}
		var flags, count uint64
		tail = tail[:0]
		h, ok := b.head[o.key]
		for e := h; ok && e >= 0; e = b.entries[e].next {
			en := b.entries[e]
			v := uint64(en.place) << 1
			if en.alt {
				v |= 1
			}
			tail = binary.AppendUvarint(tail, v)
			count++
		}
		if ok {
			g.maxWords = max(g.maxWords, strings.Count(o.key, " ")+1)
		}
		var dem []byte
		if b.common[o.key] {
			flags |= flagCommon
		}
		if iso3, ok := b.demonyms[o.key]; ok {
			flags |= flagDemonym
			dem = binary.AppendUvarint(nil, uint64(ctrys[iso3]))
		}
		head := binary.AppendUvarint(nil, count<<flagBits|flags)
		recs = binary.AppendUvarint(recs, uint64(len(o.key)))
		recs = append(recs, o.key...)
		recs = binary.AppendUvarint(recs, uint64(len(head)+len(dem)+len(tail)))
		recs = append(append(append(recs, head...), dem...), tail...)
		if len(recs) > math.MaxUint32 {
			return nil, fmt.Errorf("gazetteer: name table over 4 GB")
		}
	}
	for ; next <= nb; next++ {
		le.PutUint32(g.dir[4*next:], uint32(len(recs)))
	}
	g.recs = recs
	g.cache = make([]atomic.Pointer[Place], n)
	return g, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
