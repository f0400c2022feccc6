// Command train trains egret's tagger and parser on UD English EWT and writes the model file and its recorded dev scores (run by `make models`).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/egret-events/egret/nlp"
	"github.com/egret-events/egret/syntax"
)

func main() {
	cfg := syntax.DefaultTrainConfig()
	tb := flag.String("treebank", "../shared/treebanks/en_ewt", "directory of en_ewt-ud-{train,dev}.conllu")
	out := flag.String("out", "syntax/model/en_ewt.model", "model file to write (empty: do not write)")
	scores := flag.String("scores", "syntax/model/scores.txt", "recorded dev scores to write (empty: do not write)")
	flag.IntVar(&cfg.TaggerEpochs, "tagger-epochs", cfg.TaggerEpochs, "tagger training epochs")
	flag.IntVar(&cfg.ParserEpochs, "parser-epochs", cfg.ParserEpochs, "parser training epochs")
	flag.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds")
	flag.IntVar(&cfg.Workers, "workers", cfg.Workers, "parallel jackknife folds")
	flag.IntVar(&cfg.ExploreAfter, "explore-after", cfg.ExploreAfter, "epochs before exploration")
	flag.Float64Var(&cfg.Explore, "explore", cfg.Explore, "exploration probability")
	flag.Float64Var(&cfg.LowerFrac, "lower", cfg.LowerFrac, "share of sentences lower-cased per epoch")
	flag.Float64Var(&cfg.UpperFrac, "upper", cfg.UpperFrac, "share of sentences upper-cased per epoch")
	limit := flag.Int("limit", 0, "train on the first N sentences only (experiments)")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	cfg.Log = func(format string, args ...any) {
		log.Printf("%6.1fs %s", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	train := read(filepath.Join(*tb, "en_ewt-ud-train.conllu"))
	dev := read(filepath.Join(*tb, "en_ewt-ud-dev.conllu"))
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	lex, err := nlp.New()
	if err != nil {
		log.Fatal(err)
	}
	m, err := syntax.Train(train, lex, cfg)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		log.Fatal(err)
	}
	// score the model as it will be loaded
	m, err = syntax.Decode(bytes.NewReader(buf.Bytes()), lex)
	if err != nil {
		log.Fatal(err)
	}
	info := m.Info()
	cfg.Log("model: %d bytes; features: tagger %d, parser %d, labeller %d", buf.Len(), info.Features.Tagger, info.Features.Parser, info.Features.Labeller)
	sc := m.Evaluate(dev, nil)
	line := syntax.ScoreLine(sc)
	cfg.Log("dev: %s (LAS with subtypes %.2f)", line, sc.LASFull)
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if *scores != "" {
		rec := "# EWT dev, gold tokenisation, written by `make models`; syntax's TestRecordedDevScores checks the embedded model against it.\n" + line + "\n"
		if err := os.WriteFile(*scores, []byte(rec), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func read(path string) []syntax.UDSentence {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	s, err := syntax.ReadCoNLLU(f, path)
	if err != nil {
		log.Fatal(err)
	}
	return s
}
