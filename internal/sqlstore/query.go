package sqlstore

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/egret-events/egret"
)

// Query collects the bind arguments of one statement and numbers their
// placeholders in the dialect's style as conditions are written.
type Query struct {
	d    Dialect
	args []any
}

// NewQuery starts a statement in dialect d.
func NewQuery(d Dialect) *Query { return &Query{d: d} }

// Arg binds v and returns its placeholder, to be written once: SQLite's
// ? placeholders are numbered by position.
func (q *Query) Arg(v any) string {
	q.args = append(q.args, v)
	return q.d.Placeholder(len(q.args))
}

// Args returns the arguments bound so far, in placeholder order.
func (q *Query) Args() []any { return q.args }

// In binds vs and returns "(p1, p2, ...)".
func (q *Query) In(vs []any) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(q.Arg(v))
	}
	b.WriteByte(')')
	return b.String()
}

// maxRune sorts after every character, so [p, p+maxRune) holds every
// string starting with p.
const maxRune = "\U0010FFFF"

// and appends the condition expr+placeholder of v to conds when v is set
// (not "" or 0): filter fields left zero do not filter.
func (q *Query) and(conds []string, expr string, v any) []string {
	if v == "" || v == 0 {
		return conds
	}
	return append(conds, expr+q.Arg(v))
}

// prefix is the condition that col starts with p, as a range an index serves.
func (q *Query) prefix(col, p string) string {
	return col + " >= " + q.Arg(p) + " AND " + col + " < " + q.Arg(p+maxRune)
}

// Filter returns the conditions of f over events e, with the page
// cursor when cursor is set. f must have been validated.
func (q *Query) Filter(f *egret.EventFilter, cursor bool) ([]string, error) {
	var conds []string
	actor := func(col3, col, v string) {
		switch {
		case v == "":
		case len(v) < 3:
			conds = append(conds, q.prefix("e."+col3, v))
		default:
			// The country part is an equality the actor indexes serve.
			conds = append(conds, "e."+col3+" = "+q.Arg(v[:3]))
			if len(v) > 3 {
				conds = append(conds, q.prefix("e."+col, v))
			}
		}
	}
	actor("src3", "source", f.Source)
	actor("tgt3", "target", f.Target)
	if f.CAMEO != "" {
		conds = append(conds, q.prefix("e.cameo", f.CAMEO))
	}
	conds = q.and(conds, "e.plover = ", strings.ToUpper(f.PLOVER))
	conds = q.and(conds, "e.quad_class = ", f.QuadClass)
	conds = q.and(conds, "e.date >= ", f.From)
	conds = q.and(conds, "e.date <= ", f.To)
	conds = q.and(conds, "e.doc_id = ", f.DocID)
	if f.Query != "" {
		conds = append(conds, q.d.TextCond(q, egret.FTSTerms(f.Query)))
	}
	if cursor && f.Cursor != "" {
		day, id, err := DecodeCursor(f.Cursor)
		if err != nil {
			return nil, err
		}
		// The date bound is a range both planners walk an index by; the
		// rest only sorts out the cursor's own day.
		conds = append(conds, "e.date <= "+q.Arg(day)+" AND (e.date < "+q.Arg(day)+" OR e.id < "+q.Arg(id)+")")
	}
	return conds, nil
}

// Where joins conditions into a WHERE clause ("" for none).
func Where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// EncodeCursor returns the opaque cursor pointing after the event stored
// under day with id; events are paged by (date, id) descending.
func EncodeCursor(day string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(day + "|" + strconv.FormatInt(id, 10)))
}

// DecodeCursor parses a cursor made by EncodeCursor.
func DecodeCursor(c string) (day string, id int64, err error) {
	bad := egret.Errorf(egret.EINVALID, "cursor: %q is not a cursor from next_cursor", c)
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", 0, bad
	}
	day, n, ok := strings.Cut(string(b), "|")
	if !ok {
		return "", 0, bad
	}
	if id, err = strconv.ParseInt(n, 10, 64); err != nil {
		return "", 0, bad
	}
	return day, id, nil
}
