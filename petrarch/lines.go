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
// each word list alone was most of the cost of loading it. Slices handed
// out have their capacity cut to their length, so appending to one copies.
type slab struct {
	words []string
	flags []bool
}

// strs returns n empty strings (nil for none).
func (s *slab) strs(n int) []string {
	if n == 0 {
		return nil
	}
	if n > len(s.words) {
		s.words = make([]string, max(n, 4096))
	}
	out := s.words[:n:n]
	s.words = s.words[n:]
	return out
}

// bools returns n false flags (nil for none).
func (s *slab) bools(n int) []bool {
	if n == 0 {
		return nil
	}
	if n > len(s.flags) {
		s.flags = make([]bool, max(n, 16384))
	}
	out := s.flags[:n:n]
	s.flags = s.flags[n:]
	return out
}
