package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Expected is one expected event of a validation record.
type Expected struct {
	Source, Target, Code string
}

// Record is one <Sentence> of a PETRARCH validation file. The <Parse> is
// deliberately not kept: egret parses the text itself.
type Record struct {
	ID       string
	Date     string // yyyymmdd as written
	Category string
	Text     string
	Events   []Expected
	NoEvents bool   // noevents="True"
	Error    string // error="storydiscard" etc.: no events expected either
	Line     int
}

// Environment is the <Environment> block: the dictionaries a record file
// was written for.
type Environment struct {
	Verbs, Actors, Agents, Discards, Issues string
}

// Files converts the environment into a dictionary file set.
func (e Environment) Files() Files {
	f := Files{Verbs: e.Verbs, Agents: e.Agents, Discards: e.Discards, Issues: e.Issues}
	if e.Actors != "" {
		f.Actors = []string{e.Actors}
	}
	return f
}

// RecordProblem is a malformed record, skipped by ReadRecords.
type RecordProblem struct {
	Line    int
	Message string
}

func (p RecordProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Message) }

var attrRe = regexp.MustCompile(`([A-Za-z_]+)\s*=\s*("([^"]*)"|'([^']*)')`)

func attrs(tag string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(tag, -1) {
		v := a[3]
		if a[2] != "" && a[2][0] == '\'' {
			v = a[4]
		}
		m[strings.ToLower(a[1])] = v
	}
	return m
}

// ReadRecords reads a PETRARCH validation XML file. The format is loose
// (attributes with spaces around "=", quotes of both kinds, comments), so it
// is read line by line rather than with encoding/xml; malformed records are
// reported with their line number and skipped.
func ReadRecords(r io.Reader, name string) ([]Record, Environment, []RecordProblem, error) {
	var recs []Record
	var env Environment
	var probs []RecordProblem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	lineNo := 0
	var cur *Record
	inText, inEnv, inComment, inParse, skipping := false, false, false, false, false
	var text strings.Builder
	bad := func(msg string) {
		probs = append(probs, RecordProblem{Line: cur.Line, Message: name + ": record " + cur.ID + ": " + msg})
		cur = nil
		skipping = true // ignore the rest of the record
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		t := strings.TrimSpace(line)
		if inComment {
			if strings.Contains(t, "-->") {
				inComment = false
			}
			continue
		}
		if inText {
			if k := strings.Index(line, "</Text>"); k >= 0 {
				text.WriteString(line[:k])
				cur.Text = strings.Join(strings.Fields(xmlUnescape(text.String())), " ")
				inText = false
			} else {
				text.WriteString(line)
				text.WriteByte('\n')
			}
			continue
		}
		if inParse {
			if strings.Contains(t, "</Parse>") {
				inParse = false
			}
			continue
		}
		if skipping {
			if strings.HasPrefix(t, "</Sentence>") {
				skipping = false
				continue
			}
			if !strings.HasPrefix(t, "<Sentence") {
				continue
			}
			skipping = false
		}
		if strings.HasPrefix(t, "<!--") {
			if !strings.Contains(t, "-->") {
				inComment = true
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "<Environment"):
			inEnv = true
		case strings.HasPrefix(t, "</Environment"):
			inEnv = false
		case inEnv:
			for _, k := range []struct {
				tag string
				dst *string
			}{{"Verbfile", &env.Verbs}, {"Actorfile", &env.Actors}, {"Agentfile", &env.Agents}, {"Discardfile", &env.Discards}, {"Issuefile", &env.Issues}} {
				if v, ok := element(t, k.tag); ok {
					*k.dst = v
				}
			}
		case strings.HasPrefix(t, "<Sentence ") || t == "<Sentence>":
			if cur != nil {
				bad("missing </Sentence>")
			}
			a := attrs(t)
			cur = &Record{ID: a["id"], Date: a["date"], Category: a["category"], Line: lineNo}
			cur.NoEvents = strings.EqualFold(a["noevents"], "true")
			cur.Error = a["error"]
			if cur.ID == "" {
				bad("missing id attribute")
			} else if len(cur.Date) != 8 || strings.Trim(cur.Date, "0123456789") != "" {
				bad(fmt.Sprintf("ill-formed date %q (want yyyymmdd)", cur.Date))
			}
		case cur == nil:
			if strings.HasPrefix(t, "<EventCoding") || strings.HasPrefix(t, "<Text") {
				probs = append(probs, RecordProblem{lineNo, name + ": element outside a <Sentence>"})
			}
		case strings.HasPrefix(t, "<EventCoding"):
			a := attrs(t)
			if v, ok := a["noevents"]; ok && strings.EqualFold(v, "true") {
				cur.NoEvents = true
			}
			if e, ok := a["error"]; ok {
				cur.Error = e
			}
			if s, ok := a["sourcecode"]; ok {
				tg, ok2 := a["targetcode"]
				ev, ok3 := a["eventcode"]
				if !ok2 || !ok3 {
					bad(fmt.Sprintf("line %d: EventCoding needs sourcecode, targetcode and eventcode", lineNo))
					continue
				}
				cur.Events = append(cur.Events, Expected{s, tg, ev})
			}
		case strings.HasPrefix(t, "<Text>"):
			rest := strings.TrimPrefix(line[strings.Index(line, "<Text>"):], "<Text>")
			if k := strings.Index(rest, "</Text>"); k >= 0 {
				cur.Text = strings.Join(strings.Fields(xmlUnescape(rest[:k])), " ")
			} else {
				text.Reset()
				text.WriteString(rest)
				text.WriteByte('\n')
				inText = true
			}
		case strings.HasPrefix(t, "<Parse"):
			if !strings.Contains(t, "</Parse>") {
				inParse = true
			}
		case strings.HasPrefix(t, "</Sentence>"):
			switch {
			case strings.TrimSpace(cur.Text) == "":
				bad("no <Text>")
			default:
				recs = append(recs, *cur)
				cur = nil
			}
		}
	}
	if cur != nil {
		bad("missing </Sentence> at end of file")
	}
	if err := sc.Err(); err != nil {
		return recs, env, probs, fmt.Errorf("%s: %w", name, err)
	}
	return recs, env, probs, nil
}

func element(t, tag string) (string, bool) {
	open := "<" + tag + ">"
	if !strings.HasPrefix(t, open) {
		return "", false
	}
	rest := t[len(open):]
	if k := strings.Index(rest, "</"+tag+">"); k >= 0 {
		return strings.TrimSpace(rest[:k]), true
	}
	return "", false
}

var xmlRepl = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

func xmlUnescape(s string) string { return xmlRepl.Replace(s) }
