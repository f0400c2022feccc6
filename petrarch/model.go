// Package petrarch reads and writes PETRARCH/TABARI dictionary sets (verbs, actors, agents, discards, issues) and PETRARCH validation records.
package petrarch

import (
	"fmt"
	"strings"
)

// Pos is a place in a dictionary file, kept on every entry so a code can be
// traced to the line that produced it (egret explain, dict check).
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Dictionaries is one loaded dictionary set.
type Dictionaries struct {
	Verbs    *Verbs
	Actors   *Actors // every *.actors.txt merged (countries, international, non-state)
	Agents   *Agents
	Discards *Discards
	Issues   *Issues // nil when the set has none
	Files    []string
	// Problems are non-fatal oddities found while loading (ill-formed dates,
	// codes); Check reports them with the semantic checks.
	Problems []Problem
}

// Problem is one finding of Check or of a lenient load step.
type Problem struct {
	Pos     Pos
	Message string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Message }

// DatedCode is an actor code valid between two dates (yyyymmdd, inclusive);
// From or To is 0 when that side is open.
type DatedCode struct {
	Code     string
	Codes    []string // Code split at "/" (THE_SHIRE [FRO/BIL/SAM] is three actors)
	From, To int
	Line     int
}

// Dated reports whether the code carries a date restriction.
func (c DatedCode) Dated() bool { return c.From != 0 || c.To != 0 }

// Phrase is a dictionary word sequence. Each word is upper case; Exact[i]
// is true when the word was "stopped" with a trailing underscore (must match
// the whole token) and false when it is a stem (matches any token it
// prefixes, such as ARGENTIN → ARGENTINA, ARGENTINIAN).
type Phrase struct {
	Words []string
	Exact []bool
	// Gap[k] (k >= 1) is true when word k was written after a space rather
	// than an underscore in an actor phrase: up to MaxGap other words may
	// come between ("ITHILEN TELEVISION" matches "Ithilen state-run
	// television"). Nil means every word is adjacent.
	Gap []bool
}

func (p Phrase) String() string {
	var b strings.Builder
	for i, w := range p.Words {
		if i > 0 {
			b.WriteByte('_')
		}
		b.WriteString(w)
	}
	if n := len(p.Exact); n > 0 && p.Exact[n-1] {
		b.WriteByte('_')
	}
	return b.String()
}

// Actor is one actor entry: its names and its codes.
type Actor struct {
	Name    string      // the entry's first (root) phrase as written
	Phrases []Phrase    // root and every "+" synonym
	Codes   []DatedCode // undated codes have From == To == 0
	Pos     Pos
}

// CodesAt resolves the actor's codes for a date (yyyymmdd): the first dated
// code whose range holds the date wins, else the last undated code. Without
// a date (0) the undated code is used, or else the open-ended current one
// ("[RUSGOV >080508]"). A nil result means no code applies (or the code is
// the null code "---").
func (a *Actor) CodesAt(date int) []string {
	var def, current []string
	for i := range a.Codes {
		c := &a.Codes[i]
		if !c.Dated() {
			def = c.Codes
			continue
		}
		if date == 0 {
			if c.To == 0 && current == nil {
				current = c.Codes
			}
			continue
		}
		if (c.From == 0 || date >= c.From) && (c.To == 0 || date <= c.To) {
			return nullToNil(c.Codes)
		}
	}
	if def == nil && date == 0 {
		def = current
	}
	return nullToNil(def)
}

func nullToNil(c []string) []string {
	if len(c) == 1 && (c[0] == "---" || c[0] == "") {
		return nil
	}
	return c
}

// Agent is one agent entry ("MILITARY" → "~MIL"); a leading "~" in the code
// means the agent code is appended to an actor code (RUS + MIL), a trailing
// one that it is prepended.
type Agent struct {
	Phrases []Phrase
	Code    string // as written, with its "~"
	Pos     Pos
}

// Suffix reports the agent code without "~" and whether it is appended
// (true) or prepended (false) to the actor code.
func (a *Agent) Suffix() (string, bool) {
	c := a.Code
	if strings.HasSuffix(c, "~") && !strings.HasPrefix(c, "~") {
		return strings.TrimSuffix(c, "~"), false
	}
	return strings.TrimPrefix(c, "~"), true
}

// Discard is one discard phrase: Story true drops the whole story, else only
// the sentence.
type Discard struct {
	Phrase Phrase
	Story  bool
	Pos    Pos
}

// Issue is one issue phrase with its issue code and category.
type Issue struct {
	Phrase   Phrase
	Code     string
	Category string
	Negative bool // "~phrase": blocks the issue where it matches
	Pos      Pos
}

// Actors is the merged actor dictionary, indexed by first word.
type Actors struct {
	List  []*Actor
	Index *PhraseIndex[*Actor]

	mem    slab         // words and flags of the phrases read
	actors chunk[Actor] // where newActor takes the next Actor from
}

// Agents is the agent dictionary, indexed by first word.
type Agents struct {
	List     []*Agent
	Index    *PhraseIndex[*Agent]
	Problems []Problem
}

// Discards is the discard list.
type Discards struct {
	List  []*Discard
	Index *PhraseIndex[*Discard]
}

// Issues is the issue list.
type Issues struct {
	List     []*Issue
	Index    *PhraseIndex[*Issue]
	Problems []Problem
}
