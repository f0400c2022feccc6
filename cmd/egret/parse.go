package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/syntax"
)

// coderRelations are the relations the coder reads actors and events from;
// --eval reports their labelled attachment one by one.
var coderRelations = []string{"root", "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "nmod:poss",
	"appos", "conj", "cc", "acl", "acl:relcl", "xcomp", "ccomp", "advcl", "aux", "aux:pass", "advmod", "amod",
	"compound", "compound:prt", "flat", "case", "mark", "det", "punct"}

func (m *Main) parseCmd() *cobra.Command {
	var eval, id string
	cmd := &cobra.Command{
		Use:   "parse [FILE|-]",
		Short: "Tag, lemmatize and parse text into Universal Dependencies trees (CoNLL-U), or score against a treebank",
		Long: `Parse raw text (a file, or - for stdin) into CoNLL-U: one sentence per block
with # sent_id and # text, UD words with UPOS, XPOS, lemma, head and relation,
and TokenRange=start:end byte offsets into the input in MISC.

With --eval GOLD.conllu, parse the gold file's words (gold tokenisation) and
its running text (own sentence splitting and tokenisation, words aligned as
the CoNLL 2018 shared task aligns them) and report accuracy. The last two
lines are for scripts:
  RAW UPOS .. XPOS .. LEMMA .. UAS .. LAS ..   (F1 from raw text)
  UPOS .. XPOS .. LEMMA .. UAS .. LAS ..       (gold tokenisation)`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			model, err := syntax.Load()
			if err != nil {
				return err
			}
			if eval != "" {
				if len(args) > 0 {
					return egret.Errorf(egret.EINVALID, "parse --eval takes no input file (the gold file is the input)")
				}
				return m.runEval(model, eval)
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			text, name, err := m.readText(args[0])
			if err != nil {
				return err
			}
			if id == "" {
				id = name
			}
			bw := bufio.NewWriter(m.Stdout)
			cw := &syntax.CoNLLUWriter{W: bw, Prefix: id}
			sents := model.Parse(text)
			for i := range sents {
				if err := cw.Write(text, &sents[i]); err != nil {
					return err
				}
			}
			return bw.Flush()
		},
	}
	cmd.Flags().StringVar(&eval, "eval", "", "score against this gold CoNLL-U file instead of parsing input")
	cmd.Flags().StringVar(&id, "id", "", "sent_id prefix (default: the input file's name)")
	return cmd
}

// readText reads a file, or stdin for "-"; name is the file's base name
// without extension ("stdin" for -).
func (m *Main) readText(path string) (text, name string, err error) {
	var b []byte
	if path == "-" {
		b, err = io.ReadAll(m.Stdin)
		name = "stdin"
	} else {
		b, err = os.ReadFile(path)
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if err != nil {
		return "", "", egret.Errorf(egret.EINVALID, "read %s: %v", path, err)
	}
	return string(b), name, nil
}

func (m *Main) runEval(model *syntax.Model, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return egret.Errorf(egret.EINVALID, "--eval: %v", err)
	}
	gold, err := syntax.ReadCoNLLU(f, path)
	f.Close()
	if err != nil {
		return err
	}
	if len(gold) == 0 {
		return egret.Errorf(egret.EINVALID, "%s: no sentences", path)
	}
	w := bufio.NewWriter(m.Stdout)
	defer w.Flush()
	sc := model.Evaluate(gold, nil)
	fmt.Fprintf(w, "%s: %d sentences, %d words\n\n", path, sc.Sentences, sc.Words)
	fmt.Fprintf(w, "gold tokenisation (accuracy %%; LAS compares universal relations, LAS-full also subtypes)\n")
	fmt.Fprintf(w, "  as written   %s LAS-full %.2f\n", syntax.ScoreLine(sc), sc.LASFull)
	for _, c := range []struct {
		name string
		f    func(string) string
	}{{"lower-cased", strings.ToLower}, {"upper-cased", strings.ToUpper}} {
		cs := model.Evaluate(gold, c.f)
		fmt.Fprintf(w, "  %-12s %s LAS-full %.2f\n", c.name, syntax.ScoreLine(cs), cs.LASFull)
	}
	fmt.Fprintf(w, "\nlabelled attachment by gold relation (the coder's relations; gold tokenisation)\n")
	fmt.Fprintf(w, "  %-14s %6s %7s %7s %7s\n", "relation", "gold", "prec", "recall", "F1")
	for _, r := range coderRelations {
		c := sc.PerRel[r]
		if c == nil {
			continue
		}
		fmt.Fprintf(w, "  %-14s %6d %7.2f %7.2f %7.2f\n", r, c.Gold, c.Precision(), c.Recall(), c.F1())
	}
	var others []string
	for r, c := range sc.PerRel {
		if c.Gold > 0 && !contains(coderRelations, r) {
			others = append(others, r)
		}
	}
	sort.Strings(others)
	other := syntax.RelCounts{}
	for _, r := range others {
		c := sc.PerRel[r]
		other.Gold += c.Gold
		other.System += c.System
		other.Correct += c.Correct
	}
	fmt.Fprintf(w, "  %-14s %6d %7.2f %7.2f %7.2f\n", "(others)", other.Gold, other.Precision(), other.Recall(), other.F1())
	raw := model.EvaluateRaw(gold)
	fmt.Fprintf(w, "\nraw text (own sentence splitting and tokenisation; F1 over aligned words)\n")
	fmt.Fprintf(w, "  tokens %.2f  sentences %.2f  words %.2f  LAS-full %.2f\n\n", raw.Tokens, raw.SentSplit, raw.WordSeg, raw.LASFull)
	fmt.Fprintf(w, "RAW %s\n", syntax.ScoreLine(raw))
	fmt.Fprintf(w, "%s\n", syntax.ScoreLine(sc))
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
