package egret

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Bounds every entry point (readers, HTTP, the stores) applies alike.
const (
	// MinYear and MaxYear bound stored and queried dates: wider than any
	// news archive, narrow enough that every date has four digits.
	MinYear = 1800
	MaxYear = 2200
	// MaxIDBytes is the longest document id.
	MaxIDBytes = 512
	// MaxQueryTerms and MaxTermBytes bound a full-text query, whose cost
	// grows with its words.
	MaxQueryTerms = 32
	MaxTermBytes  = 128
)

// checkText reports a NUL byte or invalid UTF-8 in v: PostgreSQL refuses
// both in text, so no store keeps them.
func checkText(v string) string {
	if i := strings.IndexByte(v, 0); i >= 0 {
		return fmt.Sprintf("contains a NUL byte (\\u0000) at byte %d", i)
	}
	if !utf8.ValidString(v) {
		for i, r := range v {
			if r == utf8.RuneError {
				if _, n := utf8.DecodeRuneInString(v[i:]); n <= 1 {
					return fmt.Sprintf("is not valid UTF-8 at byte %d", i)
				}
			}
		}
	}
	return ""
}

// CheckID checks a document id: present, at most MaxIDBytes, UTF-8
// without NUL bytes.
func CheckID(id string) error {
	switch {
	case id == "":
		return Errorf(EINVALID, "missing document id")
	case strings.TrimSpace(id) == "":
		return Errorf(EINVALID, "document id %q is blank", id)
	case len(id) > MaxIDBytes:
		return Errorf(EINVALID, "document id %.40q… is %d bytes, more than %d", id, len(id), MaxIDBytes)
	}
	if msg := checkText(id); msg != "" {
		return Errorf(EINVALID, "document %q: id %s", id, msg)
	}
	return nil
}

// CheckDate checks that a date (zero for undated) lies in MinYear..MaxYear
// once in UTC, the way it is stored.
func CheckDate(t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < MinYear || y > MaxYear {
		return Errorf(EINVALID, "%s is outside the years %d-%d", t.Format(time.RFC3339), MinYear, MaxYear)
	}
	return nil
}

// CheckDay checks a YYYY-MM-DD day and its year.
func CheckDay(day string) error {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return Errorf(EINVALID, "%q is not a date (want YYYY-MM-DD)", day)
	}
	if y := t.Year(); y < MinYear || y > MaxYear {
		return Errorf(EINVALID, "%s is outside the years %d-%d", day, MinYear, MaxYear)
	}
	return nil
}

// Validate checks that d can be stored by every store: an id (CheckID),
// text fields in UTF-8 without NUL bytes, and a date within MinYear and
// MaxYear. The error names the document and the field.
func (d *Document) Validate() error {
	if err := CheckID(d.ID); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"text", d.Text}, {"title", d.Title}, {"source", d.Source}, {"url", d.URL}, {"author", d.Author}} {
		if msg := checkText(f.v); msg != "" {
			return Errorf(EINVALID, "document %q: field %q %s", d.ID, f.name, msg)
		}
	}
	if err := CheckDate(d.Date); err != nil {
		return Errorf(EINVALID, "document %q: field \"date\": %s", d.ID, ErrorMessage(err))
	}
	return nil
}

// Validate checks the document and the fields of its events a store
// indexes, so a coder's mistake cannot corrupt a store either.
func (c *CodedDocument) Validate() error {
	if err := c.Document.Validate(); err != nil {
		return err
	}
	for i := range c.Events {
		ev := &c.Events[i]
		if ev.Date != "" {
			if err := CheckDay(ev.Date[:min(len(ev.Date), 10)]); err != nil || len(ev.Date) > 10 && ev.Date[10] != 'T' && ev.Date[10] != ' ' {
				return Errorf(EINVALID, "document %q: event %d: field \"date\": %q is not a date in the years %d-%d", c.Document.ID, i, ev.Date, MinYear, MaxYear)
			}
		}
		for _, f := range []struct{ name, v string }{{"source", ev.Source}, {"target", ev.Target}, {"cameo", ev.CAMEO}, {"plover", ev.PLOVER}, {"text", ev.Text}} {
			if msg := checkText(f.v); msg != "" {
				return Errorf(EINVALID, "document %q: event %d: field %q %s", c.Document.ID, i, f.name, msg)
			}
		}
	}
	return nil
}

// checkCode checks an actor or CAMEO code (or prefix) used as a filter:
// codes are printable ASCII, and LIKE wildcards are refused so no store
// is tempted to obey them.
func checkCode(name, v string) error {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c <= ' ' || c >= 0x7f || c == '%' || c == '_' || c == '\\' {
			return Errorf(EINVALID, "%s: %q is not a code or code prefix", name, v)
		}
	}
	return nil
}

// RecordError is one record a batch operation skipped, and why.
type RecordError struct {
	Index int    // position in the batch
	ID    string // the record's id, when it has one
	Err   error
}

// BatchError reports the records of a batch that were skipped; the other
// records were processed. Its code is that of the first skipped record.
type BatchError struct {
	Skipped []RecordError
	Total   int
}

func (e *BatchError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d records skipped", len(e.Skipped), e.Total)
	for i, r := range e.Skipped {
		if i == 5 {
			fmt.Fprintf(&b, "; and %d more", len(e.Skipped)-i)
			break
		}
		b.WriteString("; ")
		b.WriteString(r.Err.Error())
	}
	return b.String()
}

// Unwrap returns the records' errors, so ErrorCode and errors.As see them.
func (e *BatchError) Unwrap() []error {
	errs := make([]error, len(e.Skipped))
	for i, r := range e.Skipped {
		errs[i] = r.Err
	}
	return errs
}
