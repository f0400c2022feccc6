package geo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync/atomic"

	"github.com/klauspost/compress/zstd"
)

// The compiled gazetteer (format 3) is the packed Gazetteer written out:
//
//	"#egret-gazetteer\t3\n"
//	uvarint section count, then per section: uvarint id, codec, stored
//	size, size
//	the sections' bytes, in the same order
//
// A section is stored raw (codec 0), and then used in place, or
// zstd-compressed (codec 1) where that saves enough to be worth decoding.
// Numbers are little-endian; uvarints are encoding/binary's.
//
//	meta     uvarints and strings (uvarint length, bytes): places, most
//	         words in a name, hash shift; the feature-code, country and
//	         admin-1 name tables; countries (ISO-3, place), ISO-2 → ISO-3,
//	         admin-1 codes (code, place), regions (place)
//	dir      uint32 per bucket and one more: where its records start in recs
//	recs     per key, bucket by bucket (bucket = keyHash >> shift): uvarint
//	         key length, the folded key, uvarint tail length, tail = uvarint
//	         places<<2 | flags, [uvarint demonym country], uvarint
//	         place<<1 | alternate per place, in reading order
//	ids lats lons pops   uint32 (float32 bits) per place
//	kinds ctry   one byte per place; adm   uint16 per place
//	nameIdx  uint32 per nameStride places: where the first one's name starts
//	names    per place: uvarint length, primary name
const binaryMagic = "#egret-gazetteer\t3\n"

// Section ids, in file order.
const (
	secMeta = iota + 1
	secDir
	secRecs
	secIDs
	secLats
	secLons
	secPops
	secKinds
	secCtry
	secAdm
	secNameIdx
	secNames
	numSections = secNames
)

const (
	codecRaw  = 0
	codecZstd = 1
)

// sections returns the packed sections by id (index 0 unused).
func (g *Gazetteer) sections() [numSections + 1][]byte {
	return [...][]byte{nil, g.meta(), g.dir, g.recs, g.ids, g.lats, g.lons, g.pops, g.kinds, g.ctry, g.adm, g.nameIdx, g.names}
}

// WriteTo writes the gazetteer in the compiled format (format 3), which
// Load and LoadFile read and which is embedded as geo/gazetteer.bin.
// Sections that zstd shrinks by at least a third are compressed; the rest
// are stored raw, to be used in place.
func (g *Gazetteer) WriteTo(w io.Writer) (int64, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true), zstd.WithEncoderCRC(false))
	if err != nil {
		return 0, err
	}
	defer enc.Close()
	head := []byte(binaryMagic)
	head = binary.AppendUvarint(head, numSections)
	var body [][]byte
	for id, s := range g.sections() {
		if id == 0 {
			continue
		}
		codec, stored := codecRaw, s
		if z := enc.EncodeAll(s, nil); 3*len(z) <= 2*len(s) {
			codec, stored = codecZstd, z
		}
		for _, v := range []int{id, codec, len(stored), len(s)} {
			head = binary.AppendUvarint(head, uint64(v))
		}
		body = append(body, stored)
	}
	n, err := w.Write(head)
	total := int64(n)
	for _, b := range body {
		if err != nil {
			break
		}
		n, err = w.Write(b)
		total += int64(n)
	}
	return total, err
}

func (g *Gazetteer) meta() []byte {
	var b []byte
	uv := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	str := func(s string) { uv(len(s)); b = append(b, s...) }
	uv(g.n)
	uv(g.maxWords)
	uv(int(g.shift))
	uv(len(g.kindTab))
	for _, k := range g.kindTab {
		b = append(b, byte(k.feature))
		str(k.code)
	}
	for _, tab := range [][]string{g.ctryTab, g.admTab} {
		uv(len(tab))
		for _, s := range tab {
			str(s)
		}
	}
	iso3s := sortedKeys(g.countries)
	uv(len(iso3s))
	for _, iso3 := range iso3s {
		str(iso3)
		uv(int(g.countries[iso3]))
	}
	iso2s := sortedKeys(g.iso2)
	uv(len(iso2s))
	for _, iso2 := range iso2s {
		str(iso2)
		str(g.iso2[iso2])
	}
	uv(len(g.admin1))
	for _, a := range g.admin1 {
		str(a.code)
		uv(int(a.place))
	}
	uv(len(g.regions))
	for _, r := range g.regions {
		uv(int(r))
	}
	return b
}

// reader reads uvarints and strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uv() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a table length of at most max.
func (r *reader) count(max int) int {
	n := r.uv()
	if n > max {
		r.fail()
		return 0
	}
	return n
}

func (r *reader) str() string {
	n := r.uv()
	if n > len(r.b) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// place reads a place index below n.
func (r *reader) place(n int) int32 {
	i := r.uv()
	if i >= n {
		r.fail()
	}
	return int32(i)
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated or damaged")
	}
	r.b = nil
}

// decode reads the compiled format. Raw sections alias data. With verify
// it checks every record and column (a file a user gave); without, only
// what is cheap (the embedded file, which the tests verify).
func decode(data []byte, verify bool) (*Gazetteer, error) {
	bad := func(what string, args ...any) error {
		return fmt.Errorf("gazetteer: compiled format: "+what, args...)
	}
	if !bytes.HasPrefix(data, []byte(binaryMagic)) {
		return nil, bad("not an egret gazetteer of format 3 (rebuild it with make gazetteer)")
	}
	r := &reader{b: data[len(binaryMagic):]}
	if ns := r.uv(); ns != numSections {
		return nil, bad("%d sections, want %d", ns, numSections)
	}
	type hdr struct{ id, codec, stored, size int }
	var hs [numSections]hdr
	for i := range hs {
		hs[i] = hdr{r.uv(), r.uv(), r.uv(), r.uv()}
	}
	if r.err != nil {
		return nil, bad("header %v", r.err)
	}
	body := r.b
	var secs [numSections + 1][]byte
	var dec *zstd.Decoder
	defer func() {
		if dec != nil {
			dec.Close()
		}
	}()
	for i, h := range hs {
		if h.id != i+1 || h.stored > len(body) {
			return nil, bad("section %d damaged", i+1)
		}
		s := body[:h.stored:h.stored]
		body = body[h.stored:]
		switch h.codec {
		case codecRaw:
			if h.size != h.stored {
				return nil, bad("section %d damaged", h.id)
			}
		case codecZstd:
			if dec == nil {
				var err error
				if dec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<31)); err != nil {
					return nil, bad("%v", err)
				}
			}
			out, err := dec.DecodeAll(s, make([]byte, 0, h.size))
			if err != nil || len(out) != h.size {
				return nil, bad("section %d: %v", h.id, err)
			}
			s = out
		default:
			return nil, bad("section %d: unknown codec %d", h.id, h.codec)
		}
		secs[h.id] = s
	}
	if len(body) != 0 {
		return nil, bad("%d bytes after the last section", len(body))
	}
	g := &Gazetteer{dir: secs[secDir], recs: secs[secRecs], ids: secs[secIDs], lats: secs[secLats], lons: secs[secLons], pops: secs[secPops],
		kinds: secs[secKinds], ctry: secs[secCtry], adm: secs[secAdm], nameIdx: secs[secNameIdx], names: secs[secNames]}
	if err := g.readMeta(secs[secMeta]); err != nil {
		return nil, bad("meta: %v", err)
	}
	n := g.n
	if len(g.ids) != 4*n || len(g.lats) != 4*n || len(g.lons) != 4*n || len(g.pops) != 4*n || len(g.nameIdx) != 4*((n+nameStride-1)/nameStride) ||
		len(g.kinds) != n || len(g.ctry) != n || len(g.adm) != 2*n || g.shift < 33 || g.shift > 64 || len(g.dir) != 4*(1<<(64-g.shift)+1) {
		return nil, bad("section sizes do not match %d places", n)
	}
	if int(u32(g.dir, len(g.dir)/4-1)) != len(g.recs) {
		return nil, bad("section sizes do not match")
	}
	if verify {
		if err := g.verify(); err != nil {
			return nil, bad("%v", err)
		}
	}
	g.cache = make([]atomic.Pointer[Place], n)
	return g, nil
}

func (g *Gazetteer) readMeta(b []byte) error {
	r := &reader{b: b}
	g.n, g.maxWords, g.shift = r.uv(), r.uv(), uint(r.uv())
	n := g.n
	g.kindTab = make([]kind, r.count(256))
	for i := range g.kindTab {
		g.kindTab[i].feature = Feature(r.byte())
		g.kindTab[i].code = r.str()
	}
	for _, tab := range []*[]string{&g.ctryTab, &g.admTab} {
		*tab = make([]string, r.count(1<<16))
		for i := range *tab {
			(*tab)[i] = r.str()
		}
	}
	if len(g.admTab) == 0 || g.admTab[0] != "" {
		r.fail()
	}
	k := r.count(1 << 16)
	g.countries = make(map[string]int32, k)
	for range k {
		iso3 := r.str()
		g.countries[iso3] = r.place(n)
	}
	k = r.count(1 << 16)
	g.iso2 = make(map[string]string, k)
	for range k {
		iso2 := r.str()
		g.iso2[iso2] = r.str()
	}
	g.admin1 = make([]admin1Ref, r.count(n))
	for i := range g.admin1 {
		g.admin1[i].code = r.str()
		g.admin1[i].place = r.place(n)
	}
	g.regions = make([]int32, r.count(n))
	for i := range g.regions {
		g.regions[i] = r.place(n)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	return r.err
}

// verify checks every record and column against the tables.
func (g *Gazetteer) verify() error {
	le := binary.LittleEndian
	names := g.names
	for i := range g.n {
		if int(g.kinds[i]) >= len(g.kindTab) || int(g.ctry[i]) >= len(g.ctryTab) || int(le.Uint16(g.adm[2*i:])) >= len(g.admTab) {
			return fmt.Errorf("place %d: table index out of range", i)
		}
		if i%nameStride == 0 && int(u32(g.nameIdx, i/nameStride)) != len(g.names)-len(names) {
			return fmt.Errorf("place %d: name index damaged", i)
		}
		l, n := binary.Uvarint(names)
		if n <= 0 || l > uint64(len(names)-n) {
			return fmt.Errorf("place %d: name damaged", i)
		}
		names = names[n+int(l):]
	}
	if len(names) != 0 {
		return errors.New("bytes after the last name")
	}
	nb := len(g.dir)/4 - 1
	if u32(g.dir, 0) != 0 {
		return errors.New("bucket directory does not start at 0")
	}
	words := 0
	for b := range nb {
		lo, hi := u32(g.dir, b), u32(g.dir, b+1)
		if hi < lo || int(hi) > len(g.recs) {
			return fmt.Errorf("bucket %d out of range", b)
		}
		r := g.recs[lo:hi]
		for len(r) > 0 {
			kl, n := binary.Uvarint(r)
			if n <= 0 || kl > uint64(len(r)-n) {
				return fmt.Errorf("bucket %d: damaged record", b)
			}
			key := r[n : n+int(kl)]
			r = r[n+int(kl):]
			tl, n := binary.Uvarint(r)
			if n <= 0 || tl > uint64(len(r)-n) {
				return fmt.Errorf("bucket %d: damaged record %q", b, key)
			}
			tail := r[n : n+int(tl)]
			r = r[n+int(tl):]
			if int(keyHash(key)>>g.shift) != b {
				return fmt.Errorf("key %q in the wrong bucket", key)
			}
			if err := g.verifyTail(tail); err != nil {
				return fmt.Errorf("key %q: %v", key, err)
			}
			if nm := parseNames(tail); nm.count > 0 {
				words = max(words, bytes.Count(key, []byte{' '})+1)
			}
		}
	}
	if words != g.maxWords {
		return fmt.Errorf("longest name has %d words, header says %d", words, g.maxWords)
	}
	return nil
}

func (g *Gazetteer) verifyTail(t []byte) error {
	r := &reader{b: t}
	v := r.uv()
	if v&(1<<flagBits-1)&^(flagCommon|flagDemonym) != 0 {
		return errors.New("unknown flags")
	}
	if v&flagDemonym != 0 && r.uv() >= len(g.ctryTab) {
		return errors.New("demonym country out of range")
	}
	for c := v >> flagBits; c > 0; c-- {
		if p := r.uv(); p>>1 >= g.n {
			return errors.New("place out of range")
		}
	}
	if r.err == nil && len(r.b) != 0 {
		return errors.New("bytes after the places")
	}
	return r.err
}

// eachKey calls f for every key of the name table.
func (g *Gazetteer) eachKey(f func(key []byte, nm names)) {
	r := g.recs
	for len(r) > 0 {
		kl, n := binary.Uvarint(r)
		key := r[n : n+int(kl)]
		r = r[n+int(kl):]
		tl, n := binary.Uvarint(r)
		f(key, parseNames(r[n:n+int(tl)]))
		r = r[n+int(tl):]
	}
}
