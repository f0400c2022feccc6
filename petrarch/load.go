package petrarch

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// Files names the files of one dictionary set inside a file system.
type Files struct {
	Verbs    string
	Actors   []string
	Agents   string
	Discards string // optional
	Issues   string // optional
}

// Classify sorts file names into a set: one verb dictionary (CAMEO*.txt or
// *.verbs.txt), every *.actors.txt, *agents.txt, *discards.txt and *Issue*.txt.
func Classify(names []string) (Files, error) {
	var f Files
	sort.Strings(names)
	for _, n := range names {
		b := path.Base(n)
		u := strings.ToUpper(b)
		if !strings.HasSuffix(u, ".TXT") {
			continue
		}
		switch {
		case strings.HasSuffix(u, ".VERBS.TXT") || strings.HasPrefix(u, "CAMEO"):
			if f.Verbs != "" {
				return f, fmt.Errorf("two verb dictionaries: %s and %s", f.Verbs, n)
			}
			f.Verbs = n
		case strings.HasSuffix(u, ".ACTORS.TXT"):
			f.Actors = append(f.Actors, n)
		case strings.HasSuffix(u, "AGENTS.TXT"):
			if f.Agents != "" {
				return f, fmt.Errorf("two agent dictionaries: %s and %s", f.Agents, n)
			}
			f.Agents = n
		case strings.HasSuffix(u, "DISCARDS.TXT"):
			f.Discards = n
		case strings.Contains(u, "ISSUE"):
			f.Issues = n
		}
	}
	if f.Verbs == "" {
		return f, fmt.Errorf("no verb dictionary (CAMEO*.txt or *.verbs.txt)")
	}
	if len(f.Actors) == 0 {
		return f, fmt.Errorf("no actor dictionary (*.actors.txt)")
	}
	if f.Agents == "" {
		return f, fmt.Errorf("no agent dictionary (*agents.txt)")
	}
	return f, nil
}

// LoadDir loads the dictionary set found in dir.
func LoadDir(dir string) (*Dictionaries, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	f, err := Classify(names)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	return LoadFS(os.DirFS(dir), f)
}

// LoadFS loads the named files from fsys (the embedded defaults, or the
// files an <Environment> names). Errors name the file and line.
func LoadFS(fsys fs.FS, f Files) (*Dictionaries, error) {
	d := &Dictionaries{}
	open := func(name string) (fs.File, error) {
		r, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		d.Files = append(d.Files, name)
		return r, nil
	}
	if f.Verbs == "" || len(f.Actors) == 0 || f.Agents == "" {
		return nil, fmt.Errorf("a dictionary set needs verbs, actors and agents files")
	}
	r, err := open(f.Verbs)
	if err != nil {
		return nil, err
	}
	d.Verbs, err = ReadVerbs(r, f.Verbs)
	r.Close()
	if err != nil {
		return nil, err
	}
	d.Problems = append(d.Problems, d.Verbs.Problems...)
	d.Actors = NewActors()
	for _, n := range f.Actors {
		r, err := open(n)
		if err != nil {
			return nil, err
		}
		probs, err := ReadActors(d.Actors, r, n)
		r.Close()
		d.Problems = append(d.Problems, probs...)
		if err != nil {
			return nil, err
		}
	}
	d.Actors.finish()
	if r, err = open(f.Agents); err != nil {
		return nil, err
	}
	d.Agents, err = ReadAgents(r, f.Agents)
	r.Close()
	if err != nil {
		return nil, err
	}
	d.Problems = append(d.Problems, d.Agents.Problems...)
	if f.Discards != "" {
		if r, err = open(f.Discards); err != nil {
			return nil, err
		}
		d.Discards, err = ReadDiscards(r, f.Discards)
		r.Close()
		if err != nil {
			return nil, err
		}
	} else {
		d.Discards = &Discards{Index: NewPhraseIndex[*Discard]()}
	}
	if f.Issues != "" {
		if r, err = open(f.Issues); err != nil {
			return nil, err
		}
		d.Issues, err = ReadIssues(r, f.Issues)
		r.Close()
		if err != nil {
			return nil, err
		}
		d.Problems = append(d.Problems, d.Issues.Problems...)
	}
	return d, nil
}
