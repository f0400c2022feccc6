package nlp

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

//go:generate go run ./internal/gen -wordnet /usr/share/wordnet -o lexicon.txt

// lexiconData is generated from WordNet by internal/gen (see WORDNET-LICENSE).
//
//go:embed lexicon.txt
var lexiconData string

// closedData is the hand-written closed-class word list; it overrides the
// WordNet-derived entries.
//
//go:embed closed.txt
var closedData string

const maxTags = 6

// entry is what the lexicon knows about one upper-case word form. Lemmas
// are stored as "strip n bytes from the key" or as one of two explicit
// strings, so loading allocates no strings: all point into the embedded data.
type entry struct {
	key   string
	alt   [2]string
	tags  [maxTags]Tag
	strip [maxTags]int8 // >= 0: lemma is key minus strip bytes; -1, -2: alt[0], alt[1]
	n     uint8
}

func (e *entry) lemmaAt(i int) string {
	s := e.strip[i]
	if s >= 0 {
		return e.key[:len(e.key)-int(s)]
	}
	return e.alt[-s-1]
}

// has reports whether t is one of the entry's tags.
func (e *entry) has(t Tag) bool {
	for i := 0; i < int(e.n); i++ {
		if e.tags[i] == t {
			return true
		}
	}
	return false
}

// lemma returns the entry's lemma for tag t and whether t was listed.
func (e *entry) lemma(t Tag) (string, bool) {
	for i := 0; i < int(e.n); i++ {
		if e.tags[i] == t {
			return e.lemmaAt(i), true
		}
	}
	return "", false
}

// lexicon is an open-addressing hash table over entries, built once from the
// embedded data. A custom table (rather than a map) lets the hot path look
// up a scratch []byte without allocating and keeps loading well under 50 ms.
type lexicon struct {
	entries []entry
	slots   []int32 // index+1 into entries, 0 = empty
	mask    uint64
	// hot is a small table over the closed-class words (the, of, said ...),
	// about half of all running text; it stays in cache, the big table
	// does not.
	hot     []int32
	hotMask uint64
	verbs   map[string][4]string // irregular verb forms
	alts    map[string][]string  // their further forms (BURNT beside BURNED)
	plurals map[string]string    // irregular noun plurals
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

// sharedLexicon parses the embedded lexicon once per process; it is
// immutable afterwards, so all pipelines share it safely.
func sharedLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicon(lexiconData, closedData) })
	return lexVal, lexErr
}

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h ^ (h >> 29)
}

func strBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func (lx *lexicon) find(b []byte) *entry {
	h := hashBytes(b)
	if lx.hot != nil {
		for i := h & lx.hotMask; ; i = (i + 1) & lx.hotMask {
			s := lx.hot[i]
			if s == 0 {
				break
			}
			if e := &lx.entries[s-1]; e.key == string(b) {
				return e
			}
		}
	}
	i := h & lx.mask
	for {
		s := lx.slots[i]
		if s == 0 {
			return nil
		}
		e := &lx.entries[s-1]
		if e.key == string(b) {
			return e
		}
		i = (i + 1) & lx.mask
	}
}

func (lx *lexicon) get(s string) *entry { return lx.find(strBytes(s)) }

// slotOf returns the big table's slot value (index+1) for key, or 0.
func (lx *lexicon) slotOf(key string) int32 {
	for i := hashBytes(strBytes(key)) & lx.mask; ; i = (i + 1) & lx.mask {
		s := lx.slots[i]
		if s == 0 || lx.entries[s-1].key == key {
			return s
		}
	}
}

// insertNew adds an entry whose key is known to be absent (lexicon.txt has
// unique keys), skipping the key comparisons of insert.
func (lx *lexicon) insertNew(e entry) {
	i := hashBytes(strBytes(e.key)) & lx.mask
	for lx.slots[i] != 0 {
		i = (i + 1) & lx.mask
	}
	lx.entries = append(lx.entries, e)
	lx.slots[i] = int32(len(lx.entries))
}

// insert adds or replaces the entry for e.key.
func (lx *lexicon) insert(e entry) {
	i := hashBytes(strBytes(e.key)) & lx.mask
	for {
		s := lx.slots[i]
		if s == 0 {
			lx.entries = append(lx.entries, e)
			lx.slots[i] = int32(len(lx.entries))
			return
		}
		if lx.entries[s-1].key == e.key {
			lx.entries[s-1] = e
			return
		}
		i = (i + 1) & lx.mask
	}
}

var tagByName = func() map[string]Tag {
	m := map[string]Tag{"PRPS": PRPS, "WPS": WPS}
	for i, n := range tagNames {
		m[n] = Tag(i)
	}
	return m
}()

// tagNamed is tagByName as a switch: parsing the lexicon looks up a tag
// name some 250,000 times.
func tagNamed(name string) (Tag, bool) {
	switch name {
	case "NN":
		return NN, true
	case "NNS":
		return NNS, true
	case "NNP":
		return NNP, true
	case "VB":
		return VB, true
	case "VBP":
		return VBP, true
	case "VBZ":
		return VBZ, true
	case "VBD":
		return VBD, true
	case "VBN":
		return VBN, true
	case "VBG":
		return VBG, true
	case "JJ":
		return JJ, true
	case "RB":
		return RB, true
	}
	t, ok := tagByName[name]
	return t, ok
}

// parseEntry reads "WORD TAG[:n|=LEMMA]..." where the fields are
// substrings of the embedded data.
func parseEntry(line string) (entry, error) {
	var e entry
	sp := strings.IndexByte(line, ' ')
	if sp <= 0 {
		return e, fmt.Errorf("no tags in %q", line)
	}
	e.key = line[:sp]
	rest := line[sp+1:]
	nalt := 0
	for rest != "" {
		f := rest
		if j := strings.IndexByte(rest, ' '); j >= 0 {
			f, rest = rest[:j], rest[j+1:]
		} else {
			rest = ""
		}
		if f == "" {
			continue
		}
		if e.n == maxTags {
			return e, fmt.Errorf("more than %d tags in %q", maxTags, line)
		}
		name, lem := f, ""
		strip := int8(0)
		if j := tagEnd(f); j >= 0 {
			name = f[:j]
			if f[j] == ':' {
				n, err := stripCount(f[j+1:])
				if err != nil || n < 0 || n > len(e.key) || n > 127 {
					return e, fmt.Errorf("bad strip count in %q", line)
				}
				strip = int8(n)
			} else {
				lem = f[j+1:]
				switch {
				case nalt > 0 && e.alt[0] == lem:
					strip = -1
				case nalt > 1 && e.alt[1] == lem:
					strip = -2
				case nalt < 2:
					e.alt[nalt] = lem
					nalt++
					strip = int8(-nalt)
				default:
					return e, fmt.Errorf("more than two explicit lemmas in %q", line)
				}
			}
		}
		t, ok := tagNamed(name)
		if !ok {
			return e, fmt.Errorf("unknown tag %q in %q", name, line)
		}
		e.tags[e.n] = t
		e.strip[e.n] = strip
		e.n++
	}
	if e.n == 0 {
		return e, fmt.Errorf("no tags in %q", line)
	}
	return e, nil
}

// tagEnd is strings.IndexAny(f, ":=") for the short fields of an entry.
func tagEnd(f string) int {
	for i := 0; i < len(f); i++ {
		if f[i] == ':' || f[i] == '=' {
			return i
		}
	}
	return -1
}

// stripCount is strconv.Atoi with a fast path for the usual one digit.
func stripCount(s string) (int, error) {
	if len(s) == 1 && '0' <= s[0] && s[0] <= '9' {
		return int(s[0] - '0'), nil
	}
	return strconv.Atoi(s)
}

func parseLexicon(data, closed string) (*lexicon, error) {
	n := strings.Count(data, "\n") + strings.Count(closed, "\n") + 1
	size := 1
	for size < 2*n {
		size <<= 1
	}
	lx := &lexicon{
		entries: make([]entry, 0, n),
		slots:   make([]int32, size),
		mask:    uint64(size - 1),
		verbs:   map[string][4]string{},
		alts:    map[string][]string{},
		plurals: map[string]string{},
	}
	var hotKeys []string
	prevKey := ""
	for _, src := range []struct{ name, data string }{{"lexicon.txt", data}, {"closed.txt", closed}} {
		lineNo := 0
		for rest := src.data; rest != ""; {
			line := rest
			if j := strings.IndexByte(rest, '\n'); j >= 0 {
				line, rest = rest[:j], rest[j+1:]
			} else {
				rest = ""
			}
			lineNo++
			if line == "" || line[0] == '#' {
				continue
			}
			if line[0] == '@' {
				f := strings.Fields(line)
				switch {
				case f[0] == "@V" && len(f) >= 6:
					lx.verbs[f[1]] = [4]string{f[2], f[3], f[4], f[5]}
					if len(f) > 6 {
						lx.alts[f[1]] = f[6:]
					}
				case f[0] == "@P" && len(f) == 3:
					lx.plurals[f[1]] = f[2]
				default:
					return nil, fmt.Errorf("nlp: %s:%d: bad directive %q", src.name, lineNo, line)
				}
				continue
			}
			e, err := parseEntry(line)
			if err != nil {
				return nil, fmt.Errorf("nlp: %s:%d: %w", src.name, lineNo, err)
			}
			if src.name == "closed.txt" {
				lx.insert(e)
				hotKeys = append(hotKeys, e.key)
			} else {
				if e.key <= prevKey {
					return nil, fmt.Errorf("nlp: %s:%d: %q out of order (the file must be sorted, one line per word)", src.name, lineNo, e.key)
				}
				prevKey = e.key
				lx.insertNew(e)
			}
		}
	}
	hotSize := 1
	for hotSize < 4*len(hotKeys) {
		hotSize <<= 1
	}
	lx.hot, lx.hotMask = make([]int32, hotSize), uint64(hotSize-1)
	for _, k := range hotKeys {
		idx := lx.slotOf(k) // the entry the big table settled on
		for i := hashBytes(strBytes(k)) & lx.hotMask; ; i = (i + 1) & lx.hotMask {
			if lx.hot[i] == 0 {
				lx.hot[i] = idx
				break
			}
			if lx.entries[lx.hot[i]-1].key == k {
				break
			}
		}
	}
	return lx, nil
}
