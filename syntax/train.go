package syntax

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nlp"
)

// Stage: training. Learns the lemmatizer, the hyphen convention, the
// tagger and the parser from a treebank. Every random choice comes from
// seeded generators and every parallel job writes its own slot, so the
// same treebank and config give the same model bytes.

// TrainConfig sets the training schedule.
type TrainConfig struct {
	TaggerEpochs int     // passes over the treebank for the tagger
	ParserEpochs int     // passes for the parser and labeller
	Folds        int     // jackknife folds: the parser trains on tags predicted by taggers that never saw the sentence
	Seed         uint64  // seeds every random choice
	LowerFrac    float64 // share of sentences seen lower-cased in an epoch
	UpperFrac    float64 // share seen upper-cased
	ExploreAfter int     // epochs before the parser follows its own mistakes
	Explore      float64 // probability of following a wrong prediction then
	Workers      int     // parallel jackknife folds
	Prune        Prune   // weights dropped for size and speed
	SecondPass   bool    // train a second tagger pass that sees the first pass's tags to the right
	Log          func(format string, args ...any)
}

// Prune gives, per table, the share of its largest weight under which
// weights are dropped.
type Prune struct{ Tagger, Parser, Labeller float32 }

// DefaultTrainConfig is the schedule `make models` uses.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{TaggerEpochs: 10, ParserEpochs: 12, Folds: 10, Seed: 1, LowerFrac: 0.05, UpperFrac: 0.05,
		ExploreAfter: 2, Explore: 0.9, Workers: 2, SecondPass: true,
		Prune: Prune{Tagger: 0.1, Parser: 0.5, Labeller: 0.25}}
}

// trainSent is a treebank sentence prepared for training.
type trainSent struct {
	forms    []string
	cls      []uint8 // gold tag classes
	gold     []int32 // projectivised gold heads, n for the root
	rels     []Rel
	lowers   []uint64 // lower-cased form hashes (case variants share them)
	formHash []uint64 // form hashes as written
	pred     [3][]uint8
}

const (
	variantOrig = iota
	variantLower
	variantUpper
)

// variant draws the case variant a sentence is shown in this epoch.
func (cfg TrainConfig) variant(rng *rand.Rand) int {
	if r := rng.Float64(); r < cfg.LowerFrac {
		return variantLower
	} else if r < cfg.LowerFrac+cfg.UpperFrac {
		return variantUpper
	}
	return variantOrig
}

func variantForms(forms []string, v int) []string {
	if v == variantOrig {
		return forms
	}
	out := make([]string, len(forms))
	for i, f := range forms {
		if v == variantLower {
			out[i] = strings.ToLower(f)
		} else {
			out[i] = strings.ToUpper(f)
		}
	}
	return out
}

// Train learns a model from treebank sentences. lex provides the lexicon
// classes and lemma fallbacks, as it will at run time.
func Train(treebank []UDSentence, lex *nlp.Pipeline, cfg TrainConfig) (*Model, error) {
	logf := cfg.logf()
	m, sents, err := prepare(treebank, lex)
	if err != nil {
		return nil, err
	}
	logf("train: %d sentences, %d tag classes, %d relations, %d known lemmas, %d hyphen prefixes",
		len(sents), len(m.classes), popcount(m.relMask), len(m.lemmas.known), len(m.keepHyph))
	m.tagger = jackknife(m, sents, cfg)
	if cfg.SecondPass {
		p := trainTagger2(sents, len(m.classes), lex, cfg)
		keys, w := p.averaged()
		m.tagger2 = newSparseTable(len(m.classes), keys, w, cfg.Prune.Tagger)
		logf("train: second tagger pass trained")
	}
	par, lab := trainParser(sents, m.relMask, cfg, logf)
	m.setParser(par, lab, cfg.Prune)
	return m, nil
}

func (cfg TrainConfig) logf() func(string, ...any) {
	if cfg.Log == nil {
		return func(string, ...any) {}
	}
	return cfg.Log
}

// setParser installs the trained parser and labeller.
func (m *Model) setParser(par, lab *avgPerceptron, prune Prune) {
	keys, w := par.averaged()
	m.parser = newDenseTable(numTrans, keys, w, prune.Parser)
	keys, w = lab.averaged()
	m.labeller = newSparseTable(int(numRel), keys, w, prune.Labeller)
	m.info.Features.Tagger = m.tagger.features()
	m.info.Features.Parser = m.parser.features()
	m.info.Features.Labeller = m.labeller.features()
}

// prepare converts the treebank and learns the lemmatizer, the tag
// classes and the hyphen convention.
func prepare(treebank []UDSentence, lex *nlp.Pipeline) (*Model, []*trainSent, error) {
	if len(treebank) == 0 {
		return nil, nil, egret.Errorf(egret.EINVALID, "train: no sentences")
	}
	classes, classOf, err := tagClasses(treebank)
	if err != nil {
		return nil, nil, err
	}
	sents := make([]*trainSent, len(treebank))
	var fz featurizer
	var wf wordFeat
	var lforms, llemmas []string
	var lxpos []XPOS
	relSeen := uint64(0)
	for si := range treebank {
		s := &treebank[si]
		n := len(s.Words)
		ts := &trainSent{forms: make([]string, n), cls: make([]uint8, n), rels: make([]Rel, n), lowers: make([]uint64, n), formHash: make([]uint64, n)}
		heads := make([]int32, n)
		for i, w := range s.Words {
			ts.forms[i] = w.Form
			c, ok := classOf[w.UPOS+" "+w.XPOS]
			if !ok {
				return nil, nil, egret.Errorf(egret.EINVALID, "train: sentence %s word %d: tag %s/%s has no class", s.ID, i+1, w.UPOS, w.XPOS)
			}
			ts.cls[i] = c
			r, ok := ParseRel(w.Deprel)
			if !ok {
				return nil, nil, egret.Errorf(egret.EINVALID, "train: sentence %s word %d: unknown relation %q", s.ID, i+1, w.Deprel)
			}
			ts.rels[i] = r
			relSeen |= 1 << r
			heads[i] = int32(w.Head)
			if w.Head < 0 {
				heads[i] = int32(n)
			}
			fz.word(w.Form, &wf, nil, false)
			ts.lowers[i] = wf.lower
			ts.formHash[i] = wf.form
			x, _ := ParseXPOS(w.XPOS)
			lforms, lxpos, llemmas = append(lforms, w.Form), append(lxpos, x), append(llemmas, w.Lemma)
		}
		ts.gold = projectivize(heads)
		sents[si] = ts
	}
	m := &Model{classes: classes, lex: lex, relMask: relSeen &^ (1 << Root), tagDict: tagDictionary(sents)}
	m.info.Treebank = "UD English EWT"
	m.lemmas = learnLemmas(lforms, lxpos, llemmas)
	m.keepHyph = learnHyphens(treebank)
	return m, sents, nil
}

// jackknife tags every sentence (in all three case variants) with a
// tagger trained on the other folds, so the parser learns from tags as
// wrong as they will be on new text, and returns the tagger trained on
// all sentences. Folds are contiguous runs of sentences, so a document's
// words are not seen by the tagger that tags it.
func jackknife(m *Model, sents []*trainSent, cfg TrainConfig) *sparseTable {
	logf := cfg.logf()
	k := max(cfg.Folds, 2)
	fold := func(i int) int { return i * k / len(sents) }
	jobs := make(chan int)
	var wg sync.WaitGroup
	var final *avgPerceptron
	for w := 0; w < max(cfg.Workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if f == k {
					final = trainTagger(sents, len(m.classes), m.lex, cfg, uint64(k))
					logf("train: tagger trained on all sentences")
					continue
				}
				var in, out []*trainSent
				for i, s := range sents {
					if fold(i) == f {
						out = append(out, s)
					} else {
						in = append(in, s)
					}
				}
				p := trainTagger(in, len(m.classes), m.lex, cfg, uint64(f))
				tm := &Model{classes: m.classes, lex: m.lex, tagDict: tagDictionary(in)}
				keys, w := p.averaged()
				tm.tagger = newSparseTable(len(m.classes), keys, w, cfg.Prune.Tagger)
				sc := &scratch{}
				for _, s := range out {
					for v := range 3 {
						forms := variantForms(s.forms, v)
						s.pred[v] = make([]uint8, len(forms))
						tm.tagOnly(sc, forms, s.pred[v])
					}
				}
				logf("train: jackknife fold %d/%d tagged", f+1, k)
			}
		}()
	}
	for f := 0; f <= k; f++ {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	correct, total := 0, 0
	for _, s := range sents {
		for i, c := range s.pred[0] {
			if c == s.cls[i] {
				correct++
			}
			total++
		}
	}
	logf("train: jackknifed tag accuracy %.2f%%", 100*float64(correct)/float64(total))
	keys, w := final.averaged()
	return newSparseTable(len(m.classes), keys, w, cfg.Prune.Tagger)
}

// tagDictionary lists the forms seen at least 20 times with one tag class
// 99% of the time or more; the tagger gives them that class unscored.
func tagDictionary(sents []*trainSent) map[uint64]uint8 {
	counts := map[uint64]map[uint8]int{}
	for _, s := range sents {
		for i, h := range s.formHash {
			c := counts[h]
			if c == nil {
				c = map[uint8]int{}
				counts[h] = c
			}
			c[s.cls[i]]++
		}
	}
	dict := map[uint64]uint8{}
	for h, c := range counts {
		total, best, bestN := 0, uint8(0), -1
		for cls, n := range c {
			total += n
			if n > bestN || n == bestN && cls < best {
				best, bestN = cls, n
			}
		}
		if total >= 20 && bestN*100 >= total*99 {
			dict[h] = best
		}
	}
	return dict
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// tagClasses lists the (UPOS, XPOS) pairs of the treebank, most frequent
// first; pairs seen fewer than 3 times fold into their XPOS's most frequent
// pair, as a tagger could not learn them anyway.
func tagClasses(tb []UDSentence) ([]tagClass, map[string]uint8, error) {
	counts := map[string]int{}
	for _, s := range tb {
		for _, w := range s.Words {
			counts[w.UPOS+" "+w.XPOS]++
		}
	}
	type pc struct {
		name string
		n    int
	}
	var all []pc
	for k, v := range counts {
		all = append(all, pc{k, v})
	}
	slices.SortFunc(all, func(a, b pc) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.name, b.name)
	})
	var classes []tagClass
	classOf := map[string]uint8{}
	byXPOS := map[string]uint8{}
	for _, p := range all {
		u, x, _ := strings.Cut(p.name, " ")
		up, ok1 := ParseUPOS(u)
		xp, ok2 := ParseXPOS(x)
		if !ok1 || !ok2 {
			return nil, nil, egret.Errorf(egret.EINVALID, "train: unknown tag pair %s/%s", u, x)
		}
		if p.n < 3 {
			if c, ok := byXPOS[x]; ok {
				classOf[p.name] = c
				continue
			}
		}
		if len(classes) >= 255 {
			return nil, nil, fmt.Errorf("train: more than 255 tag classes")
		}
		c := uint8(len(classes))
		classes = append(classes, tagClass{up, xp})
		classOf[p.name] = c
		if _, ok := byXPOS[x]; !ok {
			byXPOS[x] = c
		}
	}
	return classes, classOf, nil
}

// tagOnly tags forms with the model's tagger (used on jackknife folds).
func (m *Model) tagOnly(sc *scratch, forms []string, out []uint8) {
	n := len(forms)
	if cap(sc.wf) < n+2*pad {
		sc.wf = make([]wordFeat, n+2*pad)
	}
	wf := sc.wf[:n+2*pad]
	padSentinels(wf, n)
	for i, f := range forms {
		sc.fz.word(f, &wf[i+pad], m.lex, i == 0)
	}
	m.tagWords(sc, wf, out)
}

// trainTagger trains a tagger on sents; salt varies the shuffling per fold.
func trainTagger(sents []*trainSent, ncls int, lex *nlp.Pipeline, cfg TrainConfig, salt uint64) *avgPerceptron {
	return trainTaggerPass(sents, ncls, lex, cfg, salt, false, tagDictionary(sents))
}

// trainTagger2 trains the second pass on the jackknifed first-pass tags.
func trainTagger2(sents []*trainSent, ncls int, lex *nlp.Pipeline, cfg TrainConfig) *avgPerceptron {
	return trainTaggerPass(sents, ncls, lex, cfg, 0x5ec0d, true, tagDictionary(sents))
}

func trainTaggerPass(sents []*trainSent, ncls int, lex *nlp.Pipeline, cfg TrainConfig, salt uint64, second bool, dict map[uint64]uint8) *avgPerceptron {
	p := newAvgPerceptron(ncls)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7a6+salt))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var fz featurizer
	var wf []wordFeat
	var feats []uint64
	scores := make([]int64, ncls)
	for ep := 0; ep < cfg.TaggerEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			v := cfg.variant(rng)
			forms := variantForms(s.forms, v)
			n := len(forms)
			if cap(wf) < n+2*pad {
				wf = make([]wordFeat, n+2*pad)
			}
			wf = wf[:n+2*pad]
			padSentinels(wf, n)
			for i, f := range forms {
				fz.word(f, &wf[i+pad], lex, i == 0)
			}
			var p1, p2 uint64
			for i := 0; i < n; i++ {
				if c, ok := dict[wf[i+pad].form]; ok {
					p2, p1 = p1, uint64(c)+1
					continue
				}
				if second {
					feats = tagFeatures2(wf, i, p1, p2, s.pred[v], feats[:0])
				} else {
					feats = tagFeatures(wf, i, p1, p2, feats[:0])
				}
				clear(scores)
				p.score(feats, scores)
				best := argmax(scores)
				p.tick()
				if g := int(s.cls[i]); best != g {
					p.update(feats, g, 1)
					p.update(feats, best, -1)
				}
				p2, p1 = p1, uint64(best)+1
			}
		}
	}
	return p
}

// trainParser trains the transition classifier and the labeller with the
// dynamic oracle on jackknifed tags.
func trainParser(sents []*trainSent, relMask uint64, cfg TrainConfig, logf func(string, ...any)) (*avgPerceptron, *avgPerceptron) {
	par := newAvgPerceptron(numTrans)
	lab := newAvgPerceptron(int(numRel))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9a55e))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var st parseState
	var feats, lfeats []uint64
	lscores := make([]int64, numRel)
	for ep := 0; ep < cfg.ParserEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		arcs, correct, lcorrect := 0, 0, 0
		for _, si := range order {
			s := sents[si]
			v := cfg.variant(rng)
			tags := s.pred[v]
			n := len(s.forms)
			st.reset(n)
			for i := 0; i < n; i++ {
				st.pw[i] = s.lowers[i]
				st.pp[i] = uint64(tags[i]) + 1
			}
			for !st.done() {
				costs := st.costs(s.gold)
				feats = st.features(feats[:0])
				var sc [numTrans]int64
				sc4 := sc[:]
				par.score(feats, sc4)
				pred, gold := -1, -1
				for t := 0; t < numTrans; t++ {
					if costs[t] < 0 {
						continue
					}
					if pred < 0 || sc[t] > sc[pred] {
						pred = t
					}
					if costs[t] == 0 && (gold < 0 || sc[t] > sc[gold]) {
						gold = t
					}
				}
				if gold < 0 { // cannot happen for projective trees; be safe
					for t := 0; t < numTrans; t++ {
						if costs[t] >= 0 && (gold < 0 || costs[t] < costs[gold]) {
							gold = t
						}
					}
				}
				par.tick()
				if costs[pred] > 0 {
					par.update(feats, gold, 1)
					par.update(feats, pred, -1)
				}
				next := gold
				if ep >= cfg.ExploreAfter && costs[pred] > 0 && rng.Float64() < cfg.Explore {
					next = pred
				}
				r := NoRel
				if next != tShift {
					h, d := st.arc(next)
					if int(h) == n {
						r = Root
					} else {
						lfeats = st.labelFeatures(h, d, lfeats[:0])
						clear(lscores)
						lab.score(lfeats, lscores)
						best := NoRel
						for x := Rel(1); x < numRel; x++ {
							if relMask&(1<<x) != 0 && (best == NoRel || lscores[x] > lscores[best]) {
								best = x
							}
						}
						r = best
						if s.gold[d] == h {
							lab.tick()
							if g := s.rels[d]; best != g && g != Root {
								lab.update(lfeats, int(g), 1)
								lab.update(lfeats, int(best), -1)
							}
						}
					}
					arcs++
					if s.gold[d] == h {
						correct++
						if r == s.rels[d] {
							lcorrect++
						}
					}
				}
				st.apply(next, r)
			}
		}
		logf("train: parser epoch %d: %.2f%% arcs gold, %.2f%% labelled (training, with exploration)",
			ep+1, 100*float64(correct)/float64(arcs), 100*float64(lcorrect)/float64(arcs))
	}
	return par, lab
}
