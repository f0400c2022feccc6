// Package petrarch reads and writes PETRARCH/TABARI dictionary sets (verbs, actors, agents, discards, issues) and PETRARCH validation records.
package petrarch

// Pos is a place in a dictionary file, kept on every entry so a code can be
// traced to the line that produced it (egret explain, dict check).
type Pos struct {
	File string
	Line int
}

// Dictionaries is one loaded dictionary set.
type Dictionaries struct {
	Verbs    *Verbs
	Actors   *Actors // every *.actors.txt merged (countries, international, non-state)
	Agents   *Agents
	Discards *Discards
	Issues   *Issues // nil when the set has none
	Files    []string
}

// DatedCode is an actor code valid between two dates (yyyymmdd, inclusive);
// From or To is 0 when that side is open.
type DatedCode struct {
	Code     string
	From, To int
}

// Phrase is a dictionary word sequence. Each word is upper case; Exact[i]
// is true when the word was "stopped" with a trailing underscore (must match
// the whole token) and false when it is a stem (matches any token it
// prefixes, such as ARGENTIN → ARGENTINA, ARGENTINIAN).
type Phrase struct {
	Words []string
	Exact []bool
}

// Actor is one actor entry: its names and its codes.
type Actor struct {
	Name    string      // the entry's first (root) phrase as written
	Phrases []Phrase    // root and every "+" synonym
	Codes   []DatedCode // undated codes have From == To == 0
	Pos     Pos
}

// Agent is one agent entry ("MILITARY" → "~MIL"); a leading "~" in the code
// means the agent code is appended to an actor code (RUS + MIL), a trailing
// one that it is prepended.
type Agent struct {
	Phrases []Phrase
	Code    string
	Pos     Pos
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
