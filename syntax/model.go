package syntax

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// Stage: model files. A model is one zstd-compressed stream: a header,
// the tag classes, the three weight tables in their in-memory layout (so
// loading is a decompression and a copy) and the lemma and hyphen tables,
// all written in a fixed order with sorted keys so the same model always
// gives the same bytes.

//go:embed model/en_ewt.model
var embeddedModel []byte

const modelMagic = "EGRETSYN1\n"

var (
	loadOnce sync.Once
	loaded   *Model
	loadErr  error
)

// Load returns the embedded model (trained on UD English EWT), decoded
// once per process and shared; it is safe for concurrent use.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		lex, err := nlp.New()
		if err != nil {
			loadErr = err
			return
		}
		loaded, loadErr = Decode(bytes.NewReader(embeddedModel), lex)
	})
	return loaded, loadErr
}

// Encode writes the model.
func (m *Model) Encode(w io.Writer) error {
	var b enc
	b.bytes([]byte(modelMagic))
	b.str(m.info.Treebank)
	b.u32(uint32(len(m.classes)))
	for _, c := range m.classes {
		b.u8(uint8(c.UPOS))
		b.u8(uint8(c.XPOS))
	}
	b.u64(m.relMask)
	dk := slices.Sorted(maps.Keys(m.tagDict))
	b.u32(uint32(len(dk)))
	for _, k := range dk {
		b.u64(k)
		b.u8(m.tagDict[k])
	}
	b.sparse(m.tagger)
	if m.tagger2 != nil {
		b.u8(1)
		b.sparse(m.tagger2)
	} else {
		b.u8(0)
	}
	b.dense(m.parser)
	b.sparse(m.labeller)
	b.lemmas(m.lemmas)
	hy := slices.Sorted(maps.Keys(m.keepHyph))
	b.u32(uint32(len(hy)))
	for _, k := range hy {
		b.str(k)
	}
	b.bytes([]byte("END\n"))
	zw, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	var head [len(fileMagic) + 8]byte
	copy(head[:], fileMagic)
	binary.LittleEndian.PutUint64(head[len(fileMagic):], uint64(len(b.buf)))
	out := zw.EncodeAll(b.buf, head[:])
	zw.Close()
	_, err = w.Write(out)
	return err
}

// fileMagic and the stream's length precede the compressed stream, so
// decoding allocates the stream once.
const fileMagic = "EGRETSYNZ\n"

// maxModelBytes bounds the decompressed stream a file may claim.
const maxModelBytes = 1 << 30

// Decode reads a model written by Encode; lex is the lexicon the model
// was trained with.
func Decode(r io.Reader, lex *nlp.Pipeline) (*Model, error) {
	file, err := io.ReadAll(r)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: %v", err)
	}
	if len(file) < len(fileMagic)+8 || string(file[:len(fileMagic)]) != fileMagic {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: not an egret syntax model (bad magic)")
	}
	size := binary.LittleEndian.Uint64(file[len(fileMagic):])
	if size > maxModelBytes {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: claims %d bytes", size)
	}
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModelBytes))
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: %v", err)
	}
	defer zr.Close()
	data, err := zr.DecodeAll(file[len(fileMagic)+8:], make([]byte, 0, size))
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: %v", err)
	}
	if uint64(len(data)) != size {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: %d bytes decompressed, header says %d", len(data), size)
	}
	d := dec{buf: data, total: len(data)}
	if string(d.take(len(modelMagic))) != modelMagic {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: not an egret syntax model (bad magic)")
	}
	m := &Model{lex: lex}
	m.info.Treebank = d.str()
	nc := int(d.u32())
	if nc == 0 || nc > 255 {
		d.fail("%d tag classes", nc)
	}
	m.classes = make([]tagClass, 0, nc)
	for i := 0; i < nc && d.err == nil; i++ {
		u, x := UPOS(d.u8()), XPOS(d.u8())
		if u >= numUPOS || x >= numXPOS {
			d.fail("tag class %d out of range", i)
		}
		m.classes = append(m.classes, tagClass{u, x})
	}
	m.relMask = d.u64()
	nd := int(d.u32())
	if d.err == nil && nd > len(d.buf)/9 {
		d.fail("bad tag dictionary size %d", nd)
	}
	m.tagDict = make(map[uint64]uint8, nd)
	for i := 0; i < nd && d.err == nil; i++ {
		k, c := d.u64(), d.u8()
		if int(c) >= nc {
			d.fail("tag dictionary class %d past %d", c, nc)
		}
		m.tagDict[k] = c
	}
	m.tagger = d.sparse()
	if d.u8() == 1 {
		m.tagger2 = d.sparse()
		if d.err == nil && m.tagger2.ncls != nc {
			d.fail("second tagger has %d classes for %d tags", m.tagger2.ncls, nc)
		}
	}
	m.parser = d.dense()
	m.labeller = d.sparse()
	m.lemmas = d.lemmas()
	nh := int(d.u32())
	m.keepHyph = make(map[string]bool, nh)
	for i := 0; i < nh && d.err == nil; i++ {
		m.keepHyph[d.str()] = true
	}
	if d.err == nil && string(d.take(4)) != "END\n" {
		d.fail("missing end marker")
	}
	if d.err != nil {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: %v", d.err)
	}
	if m.tagger.ncls != nc || m.parser.ncls != numTrans || m.labeller.ncls != int(numRel) {
		return nil, egret.Errorf(egret.EINVALID, "syntax model: table shapes do not match (tagger %d classes for %d tags, parser %d, labeller %d)",
			m.tagger.ncls, nc, m.parser.ncls, m.labeller.ncls)
	}
	m.info.Features.Tagger = m.tagger.features()
	m.info.Features.Parser = m.parser.features()
	m.info.Features.Labeller = m.labeller.features()
	return m, nil
}

type enc struct{ buf []byte }

func (e *enc) bytes(b []byte) { e.buf = append(e.buf, b...) }
func (e *enc) u8(v uint8)     { e.buf = append(e.buf, v) }
func (e *enc) u32(v uint32)   { e.buf = binary.LittleEndian.AppendUint32(e.buf, v) }
func (e *enc) u64(v uint64)   { e.buf = binary.LittleEndian.AppendUint64(e.buf, v) }
func (e *enc) str(s string) {
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// align pads to 8 bytes, so tables decode in place.
func (e *enc) align() {
	for len(e.buf)%8 != 0 {
		e.buf = append(e.buf, 0)
	}
}

func (e *enc) sparse(t *sparseTable) {
	e.u32(uint32(t.ncls))
	e.u32(math.Float32bits(t.scale))
	e.u32(uint32(len(t.slots)))
	e.align()
	for _, s := range t.slots {
		e.u32(s.check)
		e.u32(s.row)
	}
	e.u32(uint32(len(t.ents)))
	e.align()
	for _, v := range t.ents {
		e.u32(v)
	}
}

func (e *enc) dense(t *denseTable) {
	e.u32(uint32(t.ncls))
	e.u32(math.Float32bits(t.scale))
	e.u32(uint32(len(t.slots)))
	e.align()
	for _, s := range t.slots {
		e.u32(s.check)
		e.buf = binary.LittleEndian.AppendUint16(e.buf, uint16(s.w[0]))
		e.buf = binary.LittleEndian.AppendUint16(e.buf, uint16(s.w[1]))
	}
}

func (e *enc) edit(ed lemmaEdit) {
	k := uint8(0)
	if ed.keep {
		k = 1
	}
	e.u8(k)
	e.u8(ed.strip)
	e.str(ed.add)
}

func (e *enc) lemmas(lz *lemmatizer) {
	keys := slices.Sorted(maps.Keys(lz.known))
	e.u32(uint32(len(keys)))
	for _, k := range keys {
		le := lz.known[k]
		e.u64(k)
		e.edit(le.edit)
		e.str(le.full)
	}
	keys = slices.Sorted(maps.Keys(lz.suffixes))
	e.u32(uint32(len(keys)))
	for _, k := range keys {
		e.u64(k)
		e.edit(lz.suffixes[k])
	}
	e.u8(uint8(lz.maxSuf))
}

type dec struct {
	buf   []byte
	total int // length of the whole stream
	err   error
}

func (d *dec) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *dec) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.buf) {
		d.err = errors.New("truncated")
		return nil
	}
	b := d.buf[:n]
	d.buf = d.buf[n:]
	return b
}

func (d *dec) u8() uint8 {
	b := d.take(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (d *dec) u32() uint32 {
	b := d.take(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *dec) u64() uint64 {
	b := d.take(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (d *dec) str() string {
	if d.err != nil {
		return ""
	}
	n, k := binary.Uvarint(d.buf)
	if k <= 0 || n > uint64(len(d.buf)-k) {
		d.err = errors.New("truncated string")
		return ""
	}
	d.buf = d.buf[k:]
	return string(d.take(int(n)))
}

// size reads a table size, which must be a power of two the data can hold.
func (d *dec) size(slotBytes int) int {
	n := int(d.u32())
	d.align()
	if d.err == nil && (n == 0 || n&(n-1) != 0 || n > len(d.buf)/slotBytes) {
		d.fail("bad table size %d", n)
	}
	return n
}

// align skips the encoder's padding.
func (d *dec) align() {
	if d.err == nil {
		if k := (8 - d.pos()%8) % 8; k > 0 {
			d.take(k)
		}
	}
}

// pos is the offset into the decompressed stream.
func (d *dec) pos() int { return d.total - len(d.buf) }

// littleEndian reports whether the tables' file layout is the memory
// layout, so they can be used in place.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// tableHead reads a table's class count, scale and slots (8 bytes each).
func (d *dec) tableHead() (ncls int, scale float32, mask uint64, raw []byte) {
	ncls, scale = int(d.u32()), math.Float32frombits(d.u32())
	n := d.size(8)
	raw = d.take(8 * n)
	return ncls, scale, uint64(n - 1), raw
}

func (d *dec) sparse() *sparseTable {
	t := &sparseTable{}
	var raw []byte
	t.ncls, t.scale, t.mask, raw = d.tableHead()
	if d.err != nil {
		return t
	}
	t.slots = inPlace(raw, 8, func(b []byte) sparseSlot {
		return sparseSlot{binary.LittleEndian.Uint32(b), binary.LittleEndian.Uint32(b[4:])}
	})
	ne := int(d.u32())
	d.align()
	if d.err == nil && ne > len(d.buf)/4 {
		d.fail("bad entry count %d", ne)
	}
	raw = d.take(4 * ne)
	if d.err != nil {
		return t
	}
	t.ents = inPlace(raw, 4, binary.LittleEndian.Uint32)
	for _, s := range t.slots {
		if s.check != 0 && uint64(s.row>>8)+uint64(s.row&255) > uint64(ne) {
			d.fail("row past the entries")
			break
		}
	}
	for _, e := range t.ents {
		if int(e>>16) >= t.ncls {
			d.fail("class %d past %d", e>>16, t.ncls)
			break
		}
	}
	return t
}

func (d *dec) dense() *denseTable {
	t := &denseTable{}
	var raw []byte
	t.ncls, t.scale, t.mask, raw = d.tableHead()
	if d.err != nil {
		return t
	}
	t.slots = inPlace(raw, 8, func(b []byte) denseSlot {
		return denseSlot{binary.LittleEndian.Uint32(b), [2]int16{int16(binary.LittleEndian.Uint16(b[4:])), int16(binary.LittleEndian.Uint16(b[6:]))}}
	})
	return t
}

// inPlace returns raw as a slice of T (size bytes each, the file's
// little-endian layout): the bytes themselves on little-endian machines,
// a decoded copy elsewhere.
func inPlace[T any](raw []byte, size int, decode func([]byte) T) []T {
	n := len(raw) / size
	if n == 0 {
		return nil
	}
	if littleEndian {
		return unsafe.Slice((*T)(unsafe.Pointer(&raw[0])), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(raw[size*i:])
	}
	return out
}

func (d *dec) edit() lemmaEdit {
	k, s := d.u8(), d.u8()
	return lemmaEdit{keep: k == 1, strip: s, add: d.str()}
}

func (d *dec) lemmas() *lemmatizer {
	n := int(d.u32())
	if d.err == nil && n > len(d.buf)/10 {
		d.fail("bad lemma count %d", n)
		return &lemmatizer{}
	}
	lz := &lemmatizer{known: make(map[uint64]lemmaEntry, n), suffixes: map[uint64]lemmaEdit{}}
	for i := 0; i < n && d.err == nil; i++ {
		k := d.u64()
		ed := d.edit()
		lz.known[k] = lemmaEntry{edit: ed, full: d.str()}
	}
	n = int(d.u32())
	if d.err == nil && n > len(d.buf)/10 {
		d.fail("bad suffix count %d", n)
		return lz
	}
	for i := 0; i < n && d.err == nil; i++ {
		k := d.u64()
		lz.suffixes[k] = d.edit()
	}
	lz.maxSuf = int(d.u8())
	return lz
}
