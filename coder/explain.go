package coder

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// trace collects what the coder did with one sentence, for Explain.
type trace struct {
	words   []word
	discard string
	ments   []mention
	ents    []entity
	groups  []group
	clauses []clause
	verbs   []verbCand
	report  int
	tries   []verbTry
	notes   []string // what the document context did to the verbs' events
	repairs []string // the parse repairs that changed the tree (stage "tree")
	events  []egret.Event
	ante    *antecedent // "he"/"she" of the next sentences, after this one
	tree    string      // the dependency tree the sentence was coded from
}

func (t *trace) snapshot(s *state) {
	t.ments = append([]mention(nil), s.ments...)
	t.ents = append([]entity(nil), s.ents...)
	t.groups = append([]group(nil), s.groups...)
	t.clauses = append([]clause(nil), s.clauses...)
	t.verbs = append([]verbCand(nil), s.verbs...)
	t.report = s.report
}

// Explain codes text (one or more sentences) dated date and describes, for
// each sentence, the tokens and tags, the actor and agent matches with
// their dictionary entries, the noun-phrase groups and clauses, the verbs
// tried with the pattern that fired, and the events.
func (c *Coder) Explain(text string, date time.Time) string {
	return c.ExplainDocument(&egret.Document{ID: "explain", Text: text, Date: date})
}

// ExplainDocument is Explain for a document with its metadata (title,
// author, source), which the document context reads as code does.
func (c *Coder) ExplainDocument(doc *egret.Document) string {
	s, _, _ := c.ExplainCoded(doc)
	return s
}

// ExplainCoded is ExplainDocument that also returns the events and the
// sentences, as CodeSentences does, so a caller that goes on to later
// stages (geolocation) can show their result too.
func (c *Coder) ExplainCoded(doc *egret.Document) (string, []egret.Event, []nlp.Sentence) {
	text := doc.Text
	var b strings.Builder
	sents := c.sentences(text)
	var final []egret.Event
	final, _ = c.codeDocument(context.Background(), doc, sents, func(i int, tr *trace, story bool) {
		c.explainSentence(&b, text, sents, i, tr, story)
	})
	b.WriteString("Document events (after country inference and restatement merging):\n")
	if len(final) == 0 {
		b.WriteString("  none\n")
	}
	for _, e := range final {
		fmt.Fprintf(&b, "  %s %s %s sentences %v", orDash(e.Source), orDash(e.Target), e.CAMEO, append([]int{e.Sentence}, e.Sentences...))
		if len(e.Flags) > 0 {
			fmt.Fprintf(&b, " flags=%s", strings.Join(e.Flags, ","))
		}
		b.WriteByte('\n')
	}
	return b.String(), final, sents
}

// explainSentence describes one coded sentence from its trace.
func (c *Coder) explainSentence(b *strings.Builder, text string, sents []nlp.Sentence, i int, tr *trace, story bool) {
	ante := tr.ante
	{
		fmt.Fprintf(b, "Sentence %d: %s\n", i, text[sents[i].Start:sents[i].End])
		b.WriteString("  Tokens:")
		for k, w := range tr.words {
			fmt.Fprintf(b, " %d:%s/%s", k, w.key, w.tag)
		}
		b.WriteByte('\n')
		if tr.tree != "" {
			b.WriteString("  Tree:\n")
			for _, l := range strings.Split(strings.TrimRight(tr.tree, "\n"), "\n") {
				b.WriteString("    ")
				b.WriteString(l)
				b.WriteByte('\n')
			}
			for _, r := range tr.repairs {
				fmt.Fprintf(b, "  Repaired: %s\n", r)
			}
		}
		if tr.discard != "" {
			fmt.Fprintf(b, "  Discarded: %s\n", tr.discard)
			if story {
				b.WriteString("  (the whole story is discarded)\n")
			}
			return
		}
		words := func(i, j int) string {
			if i < 0 || j > len(tr.words) || i >= j {
				return "-"
			}
			return joinWords(tr.words[i:j])
		}
		for _, m := range tr.ments {
			if m.kind == mActor {
				fmt.Fprintf(b, "  Actor %q → %s (%s %s)\n", words(m.i, m.j), strings.Join(m.codes, "/"), m.actor.Name, m.actor.Pos)
			} else {
				fmt.Fprintf(b, "  Agent %q → %s (%s)\n", words(m.i, m.j), m.agent.Code, m.agent.Pos)
			}
		}
		for g, gr := range tr.groups {
			var cs []string
			for _, c := range gr.codes {
				cs = append(cs, c.code)
			}
			fmt.Fprintf(b, "  Group %d %q → %s\n", g, words(gr.i, gr.j), strings.Join(cs, ", "))
		}
		for k, cl := range tr.clauses {
			kind := ""
			if cl.inherit {
				kind = " (coordinated: shares the subject)"
			}
			if cl.report {
				kind = " (reporting clause)"
			}
			fmt.Fprintf(b, "  Clause %d: %q%s\n", k, words(cl.start, cl.end), kind)
		}
		for _, v := range tr.verbs {
			var flags []string
			if v.passive {
				flags = append(flags, "passive")
			}
			if v.negated {
				flags = append(flags, "negated")
			}
			if v.modality != "" {
				flags = append(flags, v.modality)
			}
			if v.speech {
				flags = append(flags, "speech")
			}
			fmt.Fprintf(b, "  Verb %q group %q [%s] block %s (%s)\n", words(v.vs, v.ve), words(v.gs, v.ve), strings.Join(flags, " "), v.verb.Block.Name, v.verb.Pos)
		}
		for _, t := range tr.tries {
			p := "no pattern: verb code"
			if t.pattern != nil {
				p = fmt.Sprintf("pattern %s (%s)", t.pattern.String(), t.pattern.Pos)
			}
			fmt.Fprintf(b, "  Try %q: %s → %s", tr.words[t.verb].key, p, t.code)
			if t.subjFrom != "" || t.objFrom != "" {
				fmt.Fprintf(b, "; tree: subject from %s, object from %s", orDash(t.subjFrom), orDash(t.objFrom))
			}
			if t.src >= 0 && t.src < len(tr.groups) {
				fmt.Fprintf(b, "; source group %d", t.src)
			}
			if t.tgt >= 0 && t.tgt < len(tr.groups) {
				fmt.Fprintf(b, "; target group %d", t.tgt)
			}
			if t.note != "" {
				fmt.Fprintf(b, "; %s", t.note)
			}
			b.WriteByte('\n')
		}
		for _, n := range tr.notes {
			fmt.Fprintf(b, "  Context: %s\n", n)
		}
		if len(tr.events) == 0 {
			b.WriteString("  Events: none\n")
		}
		for _, e := range tr.events {
			tgt := e.Target
			if tgt == "" {
				tgt = "---"
			}
			fmt.Fprintf(b, "  Event: %s %s %s (%s) source %q target %q verb %q pattern %s", e.Source, tgt, e.CAMEO, e.PLOVER, e.SourceText, e.TargetText, e.EventText, e.Pattern)
			if e.Modality != "" {
				fmt.Fprintf(b, " modality=%s", e.Modality)
			}
			if e.Certainty != "" {
				fmt.Fprintf(b, " certainty=%s reported_by=%q", e.Certainty, e.ReportedBy)
			}
			if len(e.Issues) > 0 {
				fmt.Fprintf(b, " issues=%s", strings.Join(e.Issues, ","))
			}
			b.WriteByte('\n')
		}
		if ante != nil {
			fmt.Fprintf(b, "  (\"he\"/\"she\" in the next sentences → %s %q)\n", strings.Join(ante.codes, "/"), ante.ref.Text)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// note records, for Explain, what a context stage did to an event.
func (s *state) note(format string, args ...any) {
	if s.trace != nil {
		s.trace.notes = append(s.trace.notes, fmt.Sprintf(format, args...))
	}
}
