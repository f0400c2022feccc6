package egret

import (
	"strings"
	"testing"
	"time"
)

func TestDocumentValidate(t *testing.T) {
	ok := Document{ID: "a", Text: "Russia accused Syria.", Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}
	for _, tc := range []struct {
		name string
		edit func(d *Document)
		want string // "" is valid
	}{
		{"valid", func(d *Document) {}, ""},
		{"undated", func(d *Document) { d.Date = time.Time{} }, ""},
		{"first and last years", func(d *Document) { d.Date = time.Date(MinYear, 1, 1, 0, 0, 0, 0, time.UTC) }, ""},
		{"last year", func(d *Document) { d.Date = time.Date(MaxYear, 12, 31, 23, 0, 0, 0, time.UTC) }, ""},
		{"missing id", func(d *Document) { d.ID = "" }, "missing document id"},
		{"blank id", func(d *Document) { d.ID = " \t" }, "is blank"},
		{"long id", func(d *Document) { d.ID = strings.Repeat("x", MaxIDBytes+1) }, "is 513 bytes, more than 512"},
		{"NUL in id", func(d *Document) { d.ID = "a\x00" }, `document "a\x00": id contains a NUL byte (\u0000) at byte 1`},
		{"NUL in text", func(d *Document) { d.Text = "Russia\x00" }, `document "a": field "text" contains a NUL byte (\u0000) at byte 6`},
		{"bad UTF-8 in author", func(d *Document) { d.Author = "ab\xffc" }, `document "a": field "author" is not valid UTF-8 at byte 2`},
		{"year 10000 in UTC", func(d *Document) { d.Date = time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("", -12*3600)) }, `field "date": 9999-12-31T23:59:59-12:00 is outside the years 1800-2200`},
		{"year 0", func(d *Document) { d.Date = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }, "outside the years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ok
			tc.edit(&d)
			err := d.Validate()
			if tc.want == "" {
				if err != nil {
					t.Errorf("got %v, want valid", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an invalid error containing %q", err, tc.want)
			}
		})
	}
}

func TestEventDateValidate(t *testing.T) {
	c := CodedDocument{Document: Document{ID: "a", Text: "x"}}
	for date, valid := range map[string]bool{"": true, "2020-01-02": true, "2020-01-02T10:00:00Z": true, "10000-01-01": false, "0000-01-01": false, "2020-1-2": false, "2020-01-02x": false} {
		c.Events = []Event{{Date: date}}
		if err := c.Validate(); (err == nil) != valid {
			t.Errorf("event date %q: %v", date, err)
		}
	}
}

func TestBatchErrorCode(t *testing.T) {
	err := error(&BatchError{Total: 3, Skipped: []RecordError{{Index: 1, ID: "b", Err: Errorf(EINVALID, "document %q: bad", "b")}}})
	if ErrorCode(err) != EINVALID || err.Error() != `1 of 3 records skipped; document "b": bad` {
		t.Errorf("got %s %q", ErrorCode(err), err)
	}
}
