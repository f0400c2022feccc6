package petrarch

import (
	"io"
	"io/fs"
	"strings"
)

// lines hands out the lines of a dictionary file read whole, as
// bufio.ScanLines would (no "\n", no trailing "\r"), without a string per
// line: what the dictionary keeps points into the one string.
type lines struct {
	rest string
	no   int // number of the line last returned
}

// readLines reads r to its end.
func readLines(r io.Reader) (*lines, error) {
	var b strings.Builder
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Size() > 0 && fi.Size() < 1<<30 {
			b.Grow(int(fi.Size()) + 1)
		}
	}
	if _, err := io.Copy(&b, r); err != nil {
		return nil, err
	}
	return &lines{rest: b.String()}, nil
}

// next returns the next line, and false at the end.
func (l *lines) next() (string, bool) {
	if l.rest == "" {
		return "", false
	}
	l.no++
	line := l.rest
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line, l.rest = line[:i], line[i+1:]
	} else {
		l.rest = ""
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// slab hands out the words and flags of phrases from shared arrays: a
// dictionary set has tens of thousands of short phrases, and allocating
// each word list alone was most of the cost of loading it.
type slab struct {
	words chunk[string]
	flags chunk[bool]
}

// strs returns n empty strings (nil for none).
func (s *slab) strs(n int) []string { return s.words.take(n, 4096) }

// bools returns n false flags (nil for none).
func (s *slab) bools(n int) []bool { return s.flags.take(n, 16384) }

// chunk is the unused rest of an array slices are taken from.
type chunk[E any] struct{ free []E }

// take returns n zero elements, from a new array of size elements when
// the rest is too short. Its capacity is cut to its length, so appending
// to it copies rather than running into the next slice.
func (c *chunk[E]) take(n, size int) []E {
	if n == 0 {
		return nil
	}
	if n > len(c.free) {
		c.free = make([]E, max(n, size))
	}
	out := c.free[:n:n]
	c.free = c.free[n:]
	return out
}
