// Package geo finds place names in the coder's sentences, in any letter case, and resolves them against an embedded GeoNames gazetteer to geolocate events.
package geo

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// embedded is the compiled gazetteer (format 3, written by `make
// gazetteer`). Its uncompressed sections are used in place, so loading
// costs only the compressed ones' decoding.
//
//go:embed gazetteer.bin
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
	prior   float32 // baseScore, computed when the place is materialised
}

// Capital reports whether the place is a national capital or a country,
// whose names stand for governments in news text ("Moscow said").
func (p *Place) Capital() bool { return p.Code == "PPLC" || p.Feature == Country }

// Gazetteer is a read-only name index over places, safe for concurrent use.
//
// It is held in the packed form of the compiled format (format.go): a name
// table hashed into buckets and one column per place field, all byte slices
// without pointers, so loading allocates almost nothing and the garbage
// collector never scans it. A Place value is built the first time a lookup
// returns it and then kept, so each place has one *Place.
type Gazetteer struct {
	n        int  // places
	maxWords int  // most words in a name with places
	shift    uint // bucket = keyHash >> shift
	dir      []byte
	recs     []byte
	ids      []byte // per place: uint32 GeoNames id
	lats     []byte // float32 bits
	lons     []byte
	pops     []byte // uint32
	kinds    []byte // index into kindTab
	ctry     []byte // index into ctryTab
	adm      []byte // uint16 index into admTab (0: none)
	nameIdx  []byte // uint32 per nameStride places: where their names start
	names    []byte // per place: uvarint length, name

	kindTab   []kind
	ctryTab   []string
	admTab    []string
	countries map[string]int32  // ISO-3 → place
	iso2      map[string]string // ISO-2 → ISO-3
	admin1    []admin1Ref       // admin-1 code → place, by code
	regions   []int32

	cache []atomic.Pointer[Place]

	prefixOnce sync.Once
	prefixes   []uint64 // bit set: word prefixes of multi-word names (prefix.go)
}

type kind struct {
	feature Feature
	code    string
}

type admin1Ref struct {
	code  string // "SY.12"
	place int32
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return g.n }

// Place returns place i (0 <= i < Len()); the same pointer every time.
func (g *Gazetteer) Place(i int) *Place {
	if p := g.cache[i].Load(); p != nil {
		return p
	}
	p := g.materialise(i)
	if g.cache[i].CompareAndSwap(nil, p) {
		return p
	}
	return g.cache[i].Load()
}

func (g *Gazetteer) materialise(i int) *Place {
	b := g.names[u32(g.nameIdx, i/nameStride):]
	for range i % nameStride {
		l, n := binary.Uvarint(b)
		b = b[n+int(l):]
	}
	l, n := binary.Uvarint(b)
	k := g.kindTab[g.kinds[i]]
	p := &Place{
		ID:      int(u32(g.ids, i)),
		Name:    string(b[n : n+int(l)]),
		Lat:     f32(g.lats, i),
		Lon:     f32(g.lons, i),
		Country: g.ctryTab[g.ctry[i]],
		Admin1:  g.admTab[binary.LittleEndian.Uint16(g.adm[2*i:])],
		Feature: k.feature,
		Code:    k.code,
		Pop:     int64(u32(g.pops, i)),
	}
	p.prior = float32(baseScore(p))
	return p
}

// nameStride is how many places share one entry of the name index: a
// place's name is found by skipping at most nameStride-1 others.
const nameStride = 16

// names is the record of one lookup key: its flags and its readings
// (place, and whether the key is an alternate name of it), in order.
type names struct {
	flags   uint64
	demonym int    // index into ctryTab, when flags&flagDemonym
	ents    []byte // count uvarints of place<<1|alt
	count   int
}

// Key record flags.
const (
	flagCommon  = 1 << iota // the key is also a common English word
	flagDemonym             // the key is a nationality adjective
	flagBits    = iota
)

// lookup finds the record of a folded key.
func (g *Gazetteer) lookup(key []byte) (names, bool) {
	b := int(keyHash(key) >> g.shift)
	r := g.recs[u32(g.dir, b):u32(g.dir, b+1)]
	for len(r) > 0 {
		kl, n := binary.Uvarint(r)
		r = r[n:]
		tl, n := binary.Uvarint(r[kl:])
		tail := r[int(kl)+n : int(kl)+n+int(tl)]
		if int(kl) == len(key) && string(r[:kl]) == string(key) {
			return parseNames(tail), true
		}
		r = r[int(kl)+n+int(tl):]
	}
	return names{}, false
}

func parseNames(tail []byte) names {
	v, n := binary.Uvarint(tail)
	nm := names{flags: v & (1<<flagBits - 1), count: int(v >> flagBits)}
	tail = tail[n:]
	if nm.flags&flagDemonym != 0 {
		d, n := binary.Uvarint(tail)
		nm.demonym, tail = int(d), tail[n:]
	}
	nm.ents = tail
	return nm
}

// next returns the next reading and the rest.
func (nm names) next() (place int32, alt bool, rest names) {
	v, n := binary.Uvarint(nm.ents)
	nm.ents, nm.count = nm.ents[n:], nm.count-1
	return int32(v >> 1), v&1 != 0, nm
}

// places looks up a folded key that names places.
func (g *Gazetteer) places(key []byte) (names, bool) {
	nm, ok := g.lookup(key)
	return nm, ok && nm.count > 0
}

// demonymOf returns the country whose nationality adjective the folded key is.
func (g *Gazetteer) demonymOf(key []byte) (string, bool) {
	nm, ok := g.lookup(key)
	if !ok || nm.flags&flagDemonym == 0 {
		return "", false
	}
	return g.ctryTab[nm.demonym], true
}

// Lookup returns the places a name may refer to.
func (g *Gazetteer) Lookup(name string) []*Place {
	var out []*Place
	nm, _ := g.places(foldKey(nil, name))
	for nm.count > 0 {
		var p int32
		p, _, nm = nm.next()
		out = append(out, g.Place(int(p)))
	}
	return out
}

// Country returns the country with ISO-3 code iso3.
func (g *Gazetteer) Country(iso3 string) (*Place, bool) {
	i, ok := g.countries[iso3]
	if !ok {
		return nil, false
	}
	return g.Place(int(i)), true
}

// keyHash spreads folded keys over the name table's buckets. It is part of
// the compiled format: changing it needs a new format version.
func keyHash(b []byte) uint64 {
	h := uint64(len(b))*0x9E3779B97F4A7C15 ^ 0x243F6A8885A308D3
	for len(b) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 0xBF58476D1CE4E5B9
		h ^= h >> 31
		b = b[8:]
	}
	var t uint64
	for i, c := range b {
		t |= uint64(c) << (8 * i)
	}
	h = (h ^ t) * 0x94D049BB133111EB
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	return h ^ h>>32
}

func u32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[4*i:]) }

func f32(b []byte, i int) float32 { return math.Float32frombits(u32(b, i)) }

// Fold normalises a name for lookup: lower case, diacritics and dots and
// apostrophes dropped, hyphens and runs of spaces made one space. The
// generator (geo/internal/gen) folds the same way.
func Fold(s string) string {
	return string(foldKey(make([]byte, 0, len(s)), s))
}

// foldKey appends the folded form of s to b.
func foldKey(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldAppend(b, norm.NFD.String(s))
		}
	}
	return foldAppend(b, s)
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

// LoadDefault loads the gazetteer embedded in the binary (GeoNames cities
// of 1,000+ people and administrative seats, admin-1 areas, countries).
func LoadDefault() (*Gazetteer, error) {
	return decode(embedded, false)
}

// LoadFile loads a gazetteer for `--gazetteer FILE`: egret's compiled
// format (geo/gazetteer.bin), its gzip'd text format, or a GeoNames dump
// (allCountries.txt, citiesN.txt, a country file; unzipped). Errors name
// the file.
func LoadFile(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	head, _ := br.Peek(len(binaryMagic))
	var g *Gazetteer
	switch {
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b, string(head) == binaryMagic:
		g, err = Load(br)
	case len(head) >= 4 && string(head[:4]) == "PK\x03\x04":
		return nil, fmt.Errorf("%s: a zip archive; unzip it and pass the .txt file", path)
	default:
		g, err = LoadGeoNames(br)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}
