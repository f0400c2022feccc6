// Package docio reads documents from plain text, JSON Lines and PETRARCH XML, and writes coded events as JSON Lines or PETRARCH/Phoenix-style TSV.
package docio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/egret-events/egret"
)

// Formats accepted by Read.
const (
	FormatText  = "txt"
	FormatJSONL = "jsonl"
	FormatXML   = "xml"
	// FormatJSON is one JSON document making up the whole input, as an
	// HTTP body of type application/json carries it.
	FormatJSON = "json"
)

// CheckFormat reports an input format Read does not know.
func CheckFormat(format string) error {
	switch format {
	case FormatText, FormatJSONL, FormatXML, FormatJSON:
		return nil
	}
	return egret.Errorf(egret.EINVALID, "unknown input format %q (want txt, jsonl or xml)", format)
}

// MaxLine is the longest JSON Lines record accepted; longer lines are
// reported and skipped rather than read into memory without bound.
const MaxLine = 64 << 20

// DetectFormat picks the input format from a file name; "-" and unknown
// extensions read as plain text.
func DetectFormat(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".xml":
		return FormatXML
	}
	return FormatText
}

// BadRecord describes one input record that was skipped.
type BadRecord struct {
	File string
	Line int
	Err  string
	// Code is the egret error code: EINVALID, or ETOOLARGE for a record
	// over a limit (MaxLine, Reader.MaxText).
	Code string
}

func (b BadRecord) Error() string { return fmt.Sprintf("%s:%d: %s", b.File, b.Line, b.Err) }

// Reader turns an input stream into documents: the one decoder of
// files, stdin and HTTP bodies, so every entry point accepts the same
// records with the same messages. Bad records are passed to Bad (never
// silently dropped) and reading goes on.
type Reader struct {
	Name   string    // file name for messages ("-" is shown as "stdin")
	Format string    // txt, jsonl, xml or json
	Date   time.Time // date for documents that carry none
	Bad    func(BadRecord)
	// RequireID makes a JSON record without "id" bad, and names records
	// by their id in messages (HTTP: the client's ids are its handles);
	// otherwise a record without one is named file:line.
	RequireID bool
	// MaxText, when positive, is the longest document text in bytes;
	// longer records are bad with code ETOOLARGE.
	MaxText int
}

func (rd *Reader) bad(line int, err error) {
	if rd.Bad != nil {
		code := egret.ErrorCode(err)
		if code == egret.EINTERNAL {
			code = egret.EINVALID
		}
		rd.Bad(BadRecord{File: rd.displayName(), Line: line, Err: egret.ErrorMessage(err), Code: code})
	}
}

func (rd *Reader) badf(line int, format string, args ...any) {
	rd.bad(line, egret.Errorf(egret.EINVALID, format, args...))
}

func (rd *Reader) displayName() string {
	if rd.Name == "-" || rd.Name == "" {
		return "stdin"
	}
	return rd.Name
}

// Read calls emit for each document in r, in input order. It stops early
// only when emit returns an error or r fails.
func (rd *Reader) Read(r io.Reader, emit func(*egret.Document) error) error {
	return rd.Decode(r, func(_ int, d *egret.Document) error { return emit(d) })
}

// Emit receives a document and the line its record starts on.
type Emit func(line int, doc *egret.Document) error

// Decode is Read passing each document's line too, so later stages can
// name a record by file and line.
func (rd *Reader) Decode(r io.Reader, emit Emit) error {
	switch rd.Format {
	case FormatText, "":
		return rd.readText(r, emit)
	case FormatJSONL:
		return rd.readJSONL(r, emit)
	case FormatXML:
		return rd.readXML(r, emit)
	case FormatJSON:
		return rd.readJSON(r, emit)
	}
	return CheckFormat(rd.Format)
}

func (rd *Reader) readText(r io.Reader, emit Emit) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", rd.displayName(), err)
	}
	text := string(b)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if strings.TrimSpace(text) == "" {
		rd.badf(1, "empty document")
		return nil
	}
	doc := &egret.Document{ID: textID(rd.Name), Text: text, Date: rd.Date}
	// A first line followed by a blank line is the title; it stays in Text
	// so that offsets are offsets into the file as given.
	if first, rest, ok := strings.Cut(text, "\n"); ok {
		rest = strings.TrimLeft(rest, " \t\r")
		if strings.HasPrefix(rest, "\n") && strings.TrimSpace(first) != "" {
			doc.Title = strings.TrimSpace(first)
		}
	}
	return rd.emit(1, doc, emit)
}

// emit passes doc on when every store can keep it (egret.Document.Validate)
// and reports it as a bad record of line otherwise.
func (rd *Reader) emit(line int, doc *egret.Document, emit Emit) error {
	if err := doc.Validate(); err != nil {
		rd.bad(line, err)
		return nil
	}
	return emit(line, doc)
}

func textID(name string) string {
	if name == "" || name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// jsonDoc is the accepted JSON record; published is read so that news
// dumps such as the VOA corpus load without reshaping. Pointers and raw
// values tell missing fields from empty ones.
type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	Date      string          `json:"date"`
	Published string          `json:"published"`
	Source    string          `json:"source"`
	URL       string          `json:"url"`
	Author    string          `json:"author"`
}

func (rd *Reader) readJSONL(r io.Reader, emit Emit) error {
	br := bufio.NewReaderSize(r, 1<<20)
	line := 0
	for {
		b, err := readLine(br)
		if len(b) > 0 || err == nil {
			line++
		}
		if errors.Is(err, errLineTooLong) {
			rd.bad(line, egret.Errorf(egret.ETOOLARGE, "line longer than %d bytes", MaxLine))
			continue
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", rd.displayName(), line, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			doc, perr := rd.parseJSON(t, line)
			if perr != nil {
				rd.bad(line, perr)
			} else if eerr := rd.emit(line, doc, emit); eerr != nil {
				return eerr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readJSON reads an input holding one JSON document.
func (rd *Reader) readJSON(r io.Reader, emit Emit) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", rd.displayName(), err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		rd.badf(1, "empty input: want a JSON document with id and text")
		return nil
	}
	doc, err := rd.parseJSON(b, 1)
	if err != nil {
		rd.bad(1, err)
		return nil
	}
	return rd.emit(1, doc, emit)
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its newline; over-long lines are
// consumed and reported as errLineTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLine {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// jsonKinds names Go kinds as JSON does, for messages about values.
var jsonKinds = map[reflect.Kind]string{reflect.String: "string", reflect.Bool: "boolean", reflect.Slice: "array",
	reflect.Map: "object", reflect.Struct: "object", reflect.Int: "number", reflect.Float64: "number", reflect.Pointer: "string"}

// parseJSON reads one JSON record (the bytes of one line, or of a whole
// JSON input).
func (rd *Reader) parseJSON(b []byte, line int) (*egret.Document, error) {
	invalid := func(format string, args ...any) error { return egret.Errorf(egret.EINVALID, format, args...) }
	var j jsonDoc
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return nil, invalid(`want a JSON object with "id" and "text", got %s`, te.Value)
			}
			return nil, invalid("field %q: want a %s, got %s", te.Field, jsonKinds[te.Type.Kind()], te.Value)
		}
		return nil, invalid("malformed JSON: %v", err)
	}
	if dec.More() {
		return nil, invalid("malformed JSON: more than one value (JSON Lines hold one document a line)")
	}
	doc := &egret.Document{Title: j.Title, Source: j.Source, URL: j.URL, Author: j.Author, Date: rd.Date}
	switch {
	case len(j.ID) == 0 || string(j.ID) == "null":
		if rd.RequireID {
			return nil, invalid(`missing field "id"`)
		}
		doc.ID = fmt.Sprintf("%s:%d", textID(rd.Name), line)
	case j.ID[0] == '"':
		if err := json.Unmarshal(j.ID, &doc.ID); err != nil {
			return nil, invalid(`field "id": %v`, err)
		}
		if strings.TrimSpace(doc.ID) == "" {
			return nil, invalid(`empty field "id"`)
		}
	case j.ID[0] >= '0' && j.ID[0] <= '9' || j.ID[0] == '-':
		doc.ID = string(j.ID) // numeric ids are kept as written
	default:
		return nil, invalid(`field "id": want a string or number`)
	}
	// With ids required they name the record; otherwise file:line does.
	name := ""
	if rd.RequireID {
		name = fmt.Sprintf("document %q: ", doc.ID)
	}
	if j.Text == nil {
		return nil, invalid(`%smissing field "text"`, name)
	}
	if strings.TrimSpace(*j.Text) == "" {
		return nil, invalid(`%sempty field "text"`, name)
	}
	if rd.MaxText > 0 && len(*j.Text) > rd.MaxText {
		return nil, egret.Errorf(egret.ETOOLARGE, `document %q: field "text" is %d bytes, more than the limit of %d`, doc.ID, len(*j.Text), rd.MaxText)
	}
	doc.Text = *j.Text
	ds := j.Date
	if ds == "" {
		ds = j.Published
	}
	if ds != "" {
		d, err := ParseDate(ds)
		if err != nil {
			return nil, invalid(`%sfield "date": %s`, name, egret.ErrorMessage(err))
		}
		doc.Date = d
	}
	return doc, nil
}

// ParseDate accepts the date forms event data uses: YYYY-MM-DD, RFC 3339,
// "YYYY-MM-DD HH:MM:SSZ" and PETRARCH's YYYYMMDD, in the years
// egret.MinYear to egret.MaxYear once in UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05Z", "2006-01-02 15:04:05", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			if err := egret.CheckDate(t); err != nil {
				return time.Time{}, err
			}
			return t.UTC(), nil
		}
	}
	return time.Time{}, egret.Errorf(egret.EINVALID, "cannot read date %q (want YYYY-MM-DD or RFC 3339)", s)
}

type xmlSentence struct {
	ID   string `xml:"id,attr"`
	Date string `xml:"date,attr"`
	Text string `xml:"Text"`
}

// readXML reads PETRARCH <Sentence> records. Each record is parsed on its
// own so that one malformed record is reported and skipped without losing
// the records around it.
func (rd *Reader) readXML(r io.Reader, emit Emit) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", rd.displayName(), err)
	}
	if !utf8.Valid(b) {
		b = bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	n := 0
	err = ScanSentences(b, func(line int, rec []byte, closed bool) error {
		n++
		if !closed {
			rd.badf(line, "<Sentence id=%q> is not closed: no </Sentence> before the next record or the end", attr(rec, "id"))
			return nil
		}
		var s xmlSentence
		if err := xml.Unmarshal(rec, &s); err != nil {
			rd.badf(line, "malformed <Sentence> record: %v", err)
			return nil
		}
		text := strings.Join(strings.Fields(s.Text), " ")
		if text == "" {
			rd.badf(line, "<Sentence id=%q> has no <Text>", s.ID)
			return nil
		}
		doc := &egret.Document{ID: s.ID, Text: text, Date: rd.Date}
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", textID(rd.Name), line)
		}
		if s.Date != "" {
			d, err := ParseDate(s.Date)
			if err != nil {
				rd.badf(line, "<Sentence id=%q> date: %v", s.ID, egret.ErrorMessage(err))
				return nil
			}
			doc.Date = d
		}
		return rd.emit(line, doc, emit)
	})
	if err == nil && n == 0 {
		rd.badf(1, "no <Sentence> records: want PETRARCH XML (<Sentence id=\"…\" date=\"…\"><Text>…</Text></Sentence>)")
	}
	return err
}

// attr returns the value of attribute name of the first element in rec,
// read leniently so an unclosed record still names itself.
func attr(rec []byte, name string) string {
	tok, err := xml.NewDecoder(bytes.NewReader(rec)).Token()
	if se, ok := tok.(xml.StartElement); ok && err == nil {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
	}
	return ""
}

// sentenceStart finds the next "<Sentence" tag in b from pos, skipping
// XML comments and longer names such as <Sentences>; -1 when none.
func sentenceStart(b []byte, pos int) int {
	for {
		i := bytes.Index(b[pos:], []byte("<Sentence"))
		if i < 0 {
			return -1
		}
		start := pos + i
		if c := bytes.LastIndex(b[pos:start], []byte("<!--")); c >= 0 && !bytes.Contains(b[pos+c:start], []byte("-->")) {
			end := bytes.Index(b[start:], []byte("-->"))
			if end < 0 {
				return -1
			}
			pos = start + end
			continue
		}
		if next := start + len("<Sentence"); next < len(b) && b[next] != ' ' && b[next] != '>' && b[next] != '\t' && b[next] != '\n' && b[next] != '\r' {
			pos = next
			continue
		}
		return start
	}
}

// ScanSentences calls fn with the starting line and bytes of every
// <Sentence ...>…</Sentence> block in b, skipping XML comments. A record
// ends at its </Sentence>; one that reaches the next record or the end
// of b first is passed with closed false, and scanning goes on at the
// next record.
func ScanSentences(b []byte, fn func(line int, rec []byte, closed bool) error) error {
	line, pos := 1, 0
	for {
		start := sentenceStart(b, pos)
		if start < 0 {
			return nil
		}
		line += bytes.Count(b[pos:start], []byte("\n"))
		body := start + len("<Sentence")
		end, next := bytes.Index(b[body:], []byte("</Sentence>")), sentenceStart(b, body)
		closed := end >= 0 && (next < 0 || body+end < next)
		switch {
		case closed:
			end = body + end + len("</Sentence>")
		case next >= 0:
			end = next
		default:
			end = len(b)
		}
		if err := fn(line, b[start:end], closed); err != nil {
			return err
		}
		line += bytes.Count(b[start:end], []byte("\n"))
		pos = end
	}
}

// FormatDate writes a document date as event data does (YYYY-MM-DD).
func FormatDate(t time.Time) string { return t.UTC().Format("2006-01-02") }

// itoa avoids fmt on the output hot path.
func itoa(i int) string { return strconv.Itoa(i) }
