package petrarch

import (
	"fmt"
	"strings"
)

// ElemKind is the kind of one verb-pattern element.
type ElemKind uint8

// Pattern element kinds.
const (
	EWord     ElemKind = iota // a literal word, or "/"-separated alternatives
	ESynset                   // &NAME
	EVerb                     // * (the verb itself)
	ESource                   // $ (the source actor)
	ETarget                   // + (the target actor)
	ECompound                 // % (a compound actor: each member is source and target)
	ESkip                     // ^ (skip one actor or agent)
	EOpen                     // { or ( (CAMEO 2.0 noun / prepositional phrase)
	EClose                    // } or )
)

// Elem is one element of a verb pattern.
type Elem struct {
	Kind  ElemKind
	Words []string // EWord: the alternatives; ESynset: the name (without &)
	Group byte     // EOpen/EClose: '{', '(', '}' or ')'
	Join  byte     // separator written after the element: 0 (none), ' ' (words may intervene) or '_' (adjacent)
}

// Code is a pattern's event code; Reverse is set for paired codes such as
// [032:033], where the target→source event gets the second code.
type Code struct {
	Active  string
	Reverse string
}

func (c Code) String() string {
	if c.Reverse != "" || c.Active == "" {
		return c.Active + ":" + c.Reverse
	}
	return c.Active
}

// IsNull reports the null code "---" (the verb alone makes no event).
func (c Code) IsNull() bool {
	return (c.Active == "" || c.Active == "---") && (c.Reverse == "" || c.Reverse == "---")
}

// IsZero reports an absent code (the pattern uses its verb's code).
func (c Code) IsZero() bool { return c.Active == "" && c.Reverse == "" }

// Pattern is one verb pattern line ("- SAID * TO ATTEND [082]").
type Pattern struct {
	Elems []Elem
	Code  Code // empty: the verb's code
	Pos   Pos
	Block *VerbBlock
}

// String writes the pattern in canonical form: parsing it again gives an
// equal pattern.
func (p *Pattern) String() string {
	var b strings.Builder
	b.WriteString("- ")
	b.WriteString(ElemsString(p.Elems))
	if !p.Code.IsZero() {
		b.WriteString(" [")
		b.WriteString(p.Code.String())
		b.WriteByte(']')
	}
	return b.String()
}

// ElemsString writes pattern elements in canonical form.
func ElemsString(es []Elem) string {
	var b strings.Builder
	for i, e := range es {
		switch e.Kind {
		case EWord:
			b.WriteString(strings.Join(e.Words, "/"))
		case ESynset:
			b.WriteByte('&')
			b.WriteString(e.Words[0])
		case EVerb:
			b.WriteByte('*')
		case ESource:
			b.WriteByte('$')
		case ETarget:
			b.WriteByte('+')
		case ECompound:
			b.WriteByte('%')
		case ESkip:
			b.WriteByte('^')
		case EOpen, EClose:
			b.WriteByte(e.Group)
		}
		if e.Join != 0 && (i < len(es)-1 || e.Join == '_') {
			b.WriteByte(e.Join)
		}
	}
	return b.String()
}

// token kinds of the pattern lexer
type tokKind uint8

const (
	tEOF tokKind = iota
	tWord
	tSyn
	tMark // * $ + % ^
	tGroup
	tSlash
	tSpace
	tUnder
)

type ptok struct {
	kind tokKind
	text string
	col  int
}

func isWordByte(c byte) bool {
	switch c {
	case ' ', '\t', '_', '*', '$', '+', '%', '^', '&', '{', '}', '(', ')', '/', '[', ']':
		return false
	}
	return true
}

// lexPattern splits the element part of a pattern line into tokens.
func lexPattern(s string, base int) ([]ptok, error) {
	var out []ptok
	defer func() {
		for i := range out {
			out[i].col += base
		}
	}()
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			out = append(out, ptok{tSpace, " ", i})
			i = j
		case c == '_':
			out = append(out, ptok{tUnder, "_", i})
			i++
		case c == '*' || c == '$' || c == '+' || c == '%' || c == '^':
			out = append(out, ptok{tMark, s[i : i+1], i})
			i++
		case c == '{' || c == '}' || c == '(' || c == ')':
			out = append(out, ptok{tGroup, s[i : i+1], i})
			i++
		case c == '/':
			out = append(out, ptok{tSlash, "/", i})
			i++
		case c == '&':
			j := i + 1
			for j < len(s) && (isAlnum(s[j])) {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("column %d: '&' without a synset name", base+i+1)
			}
			out = append(out, ptok{tSyn, strings.ToUpper(s[i+1 : j]), i})
			i = j
		case c == '[' || c == ']':
			return nil, fmt.Errorf("column %d: unexpected %q", base+i+1, c)
		default:
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			out = append(out, ptok{tWord, strings.ToUpper(s[i:j]), i})
			i = j
		}
	}
	return out, nil
}

func isAlnum(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// ParseElems parses the element part of a pattern ("SAID * TO_ATTEND").
func ParseElems(s string) ([]Elem, error) { return parseElems(s, 0) }

// parseElems parses elements whose first byte is at column base of the
// line, so errors give the column in the line.
func parseElems(s string, base int) ([]Elem, error) {
	base += len(s) - len(strings.TrimLeft(s, " \t"))
	toks, err := lexPattern(strings.TrimSpace(s), base)
	if err != nil {
		return nil, err
	}
	var es []Elem
	var stack []byte
	verbs := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tSpace, tUnder:
			if len(es) == 0 {
				if t.kind == tUnder {
					return nil, fmt.Errorf("column %d: pattern starts with '_'", t.col+1)
				}
				continue
			}
			last := &es[len(es)-1]
			if t.kind == tUnder || last.Join == 0 {
				last.Join = t.text[0]
			}
			continue
		case tSlash:
			return nil, fmt.Errorf("column %d: '/' outside a word", t.col+1)
		case tWord:
			words := []string{t.text}
			for i+2 < len(toks) && toks[i+1].kind == tSlash && toks[i+2].kind == tWord {
				words = append(words, toks[i+2].text)
				i += 2
			}
			if i+1 < len(toks) && toks[i+1].kind == tSlash {
				return nil, fmt.Errorf("column %d: '/' without a following word", toks[i+1].col+1)
			}
			es = append(es, Elem{Kind: EWord, Words: words})
		case tSyn:
			es = append(es, Elem{Kind: ESynset, Words: []string{t.text}})
		case tMark:
			k := markKind(t.text[0])
			if k == EVerb {
				verbs++
			}
			es = append(es, Elem{Kind: k})
		case tGroup:
			g := t.text[0]
			if g == '{' || g == '(' {
				stack = append(stack, g)
				es = append(es, Elem{Kind: EOpen, Group: g})
			} else {
				if len(stack) == 0 || (g == '}') != (stack[len(stack)-1] == '{') {
					return nil, fmt.Errorf("column %d: unbalanced %q", t.col+1, g)
				}
				stack = stack[:len(stack)-1]
				es = append(es, Elem{Kind: EClose, Group: g})
			}
		}
		// a separator is only recorded by the space/underscore tokens
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("unclosed %q", stack[len(stack)-1])
	}
	if verbs != 1 {
		return nil, fmt.Errorf("pattern needs exactly one '*', has %d", verbs)
	}
	// a space before a closing bracket or after an opening one is not a separator
	for i := range es {
		if es[i].Kind == EOpen {
			es[i].Join = 0
		}
		if i+1 < len(es) && es[i+1].Kind == EClose && es[i].Join == ' ' {
			es[i].Join = 0
		}
	}
	if n := len(es); n > 0 && es[n-1].Join == ' ' {
		es[n-1].Join = 0
	}
	return es, nil
}

// markKind is the element kind of a mark token.
func markKind(c byte) ElemKind {
	switch c {
	case '*':
		return EVerb
	case '$':
		return ESource
	case '+':
		return ETarget
	case '%':
		return ECompound
	}
	return ESkip // '^'
}

// ParsePattern parses one pattern line ("- SAID * TO ATTEND [082] # note").
func ParsePattern(line string) (*Pattern, error) {
	s := stripComment(line)
	lead := len(s) - len(strings.TrimLeft(s, " \t"))
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "-") {
		return nil, fmt.Errorf("pattern must start with '-'")
	}
	s = s[1:]
	base := lead + 1
	p := &Pattern{}
	if k := strings.IndexByte(s, '['); k >= 0 {
		e := strings.IndexByte(s[k:], ']')
		if e < 0 {
			return nil, fmt.Errorf("unterminated code '['")
		}
		code, err := ParseCode(s[k+1 : k+e])
		if err != nil {
			return nil, err
		}
		p.Code = code
		if rest := strings.TrimSpace(s[k+e+1:]); rest != "" {
			return nil, fmt.Errorf("text after the code: %q", rest)
		}
		s = s[:k]
	}
	es, err := parseElems(s, base)
	if err != nil {
		return nil, err
	}
	p.Elems = es
	return p, nil
}

// ParseCode parses an event code such as "032" or "032:033".
func ParseCode(s string) (Code, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Code{}, fmt.Errorf("empty code")
	}
	if strings.ContainsAny(s, " \t[") {
		return Code{}, fmt.Errorf("ill-formed code %q", s)
	}
	a, r, _ := strings.Cut(s, ":")
	if a == "" && r == "" {
		return Code{}, fmt.Errorf("ill-formed code %q", s)
	}
	return Code{Active: strings.ToUpper(a), Reverse: strings.ToUpper(r)}, nil
}

// stripComment removes a "#" comment (the PETRARCH files also use ";" in a
// few verb lines, which are left as they are).
func stripComment(s string) string {
	if k := strings.IndexByte(s, '#'); k >= 0 {
		return s[:k]
	}
	return s
}
