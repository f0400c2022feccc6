package syntax

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/egret-events/egret/internal/testshared"
	"github.com/egret-events/egret/nlp"
)

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var textRE = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)

// gigawordTokens reads the <Text> of every <Sentence> of the shared
// GigaWord sample and tokenizes it with egret's tokenizer.
func gigawordTokens(b testing.TB) [][]nlp.Token {
	data, err := os.ReadFile(testshared.Path(b, "petrarch/GigaWord.sample.PETR.xml"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	var out [][]nlp.Token
	for _, m := range textRE.FindAllSubmatch(data, -1) {
		text := strings.Join(strings.Fields(string(m[1])), " ")
		for _, s := range p.TokenSentences(text) {
			out = append(out, s.Tokens)
		}
	}
	return out
}

// voaTokens tokenizes every sentence of the shared VOA stories: a wider
// vocabulary than the GigaWord sample's, so the tagger's word cache
// (tagcache.go) misses as it would on a day's news.
func voaTokens(b testing.TB) [][]nlp.Token {
	f, err := os.Open(testshared.Path(b, "corpus/voa_stories.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	p, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	var out [][]nlp.Token
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var story struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &story); err != nil {
			b.Fatal(err)
		}
		for _, s := range p.TokenSentences(story.Text) {
			out = append(out, s.Tokens)
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkParseTokens measures tagging, lemmatizing and parsing egret's
// tokens (the coder's path) over the GigaWord sentences repeated, on one
// goroutine: run with -cpu 1.
func BenchmarkParseTokens(b *testing.B) { benchParseTokens(b, gigawordTokens(b)) }

// BenchmarkParseTokensVOA is BenchmarkParseTokens over the 89 VOA stories
// (about 2,700 sentences) repeated.
func BenchmarkParseTokensVOA(b *testing.B) { benchParseTokens(b, voaTokens(b)) }

func benchParseTokens(b *testing.B, sents [][]nlp.Token) {
	m := model(b)
	var s Sentence
	toks := 0
	for _, t := range sents {
		toks += len(t)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		m.ParseTokens(sents[i%len(sents)], &s)
	}
	el := b.Elapsed().Seconds()
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(b.N)/el, "sentences/s")
	b.ReportMetric(float64(b.N)*float64(toks)/float64(len(sents))/el, "tokens/s")
	if cpu > 0 {
		// on a shared machine CPU time is steadier than wall time
		b.ReportMetric(float64(b.N)/cpu, "sentences/cpu-s")
	}
}

// BenchmarkParseText measures the raw-text path: splitting and
// tokenizing too.
func BenchmarkParseText(b *testing.B) {
	sents := gigawordTokens(b)
	var texts []string
	for _, t := range sents {
		var sb strings.Builder
		for i, tk := range t {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(tk.Text)
		}
		texts = append(texts, sb.String())
	}
	m := model(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Parse(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad measures decoding the embedded model.
func BenchmarkLoad(b *testing.B) {
	lex, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Decode(bytes.NewReader(embeddedModel), lex); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(embeddedModel))/(1<<20), "MB")
}
