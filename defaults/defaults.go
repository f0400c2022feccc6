// Package defaults embeds egret's own default PETRARCH dictionary set (verbs, actors, agents, discards) so egret codes news without any external files.
package defaults

import (
	"embed"
	"io/fs"

	"github.com/egret-events/egret/petrarch"
)

//go:embed data/*.txt data/ATTRIBUTION.md
var data embed.FS

// The file names of the set inside FS(), by role. Actor files are listed in
// load order; later files do not override earlier ones, they add to them.
const (
	VerbsFile    = "egret.verbs.txt"
	AgentsFile   = "egret.agents.txt"
	DiscardsFile = "egret.discards.txt"
)

// ActorFiles are the actor dictionaries: generated countries first, then the
// hand-written institutions, international actors, armed groups and people.
var ActorFiles = []string{
	"egret.countries.actors.txt",
	"egret.government.actors.txt",
	"egret.international.actors.txt",
	"egret.nonstate.actors.txt",
	"egret.people.actors.txt",
}

// FS returns the embedded dictionary files (the data directory as the root).
func FS() fs.FS {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		// fs.Sub only fails on an invalid path, and "data" is a constant.
		panic(err)
	}
	return sub
}

// Files returns the names of the embedded files by role, relative to FS().
// The set has no issues dictionary, so issues is nil.
func Files() (verbs string, actors, agents, discards, issues []string) {
	return VerbsFile, append([]string(nil), ActorFiles...), []string{AgentsFile}, []string{DiscardsFile}, nil
}

// PetrarchFiles returns the set's files in the form petrarch.LoadFS takes.
func PetrarchFiles() petrarch.Files {
	return petrarch.Files{
		Verbs:    VerbsFile,
		Actors:   append([]string(nil), ActorFiles...),
		Agents:   AgentsFile,
		Discards: DiscardsFile,
	}
}

// Load reads the embedded set with the petrarch loader.
func Load() (*petrarch.Dictionaries, error) {
	return petrarch.LoadFS(FS(), PetrarchFiles())
}
