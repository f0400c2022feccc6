package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used; on a shared machine
// throughput per CPU second is steadier than per wall-clock second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// voaTexts reads the story bodies of the shared VOA corpus.
func voaTexts(tb testing.TB) []string {
	tb.Helper()
	path := filepath.Join(sharedDir(tb), "corpus", "voa_stories.jsonl")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("open %s: %v", path, err)
		}
		tb.Skipf("%s missing: %v", path, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s:%d: %v", path, line, err)
		}
		out = append(out, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return out
}

// BenchmarkPipeline measures split+tokenize+tag+lemmatize over the VOA
// corpus on one goroutine and reports tokens/s and sentences/s.
func BenchmarkPipeline(b *testing.B) {
	docs := voaTexts(b)
	p := pipe(b)
	bytes := 0
	for _, d := range docs {
		bytes += len(d)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	toks, sents := 0, 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, s := range p.Sentences(d) {
				sents++
				toks += len(s.Tokens)
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(toks)/sec, "tokens/s")
	b.ReportMetric(float64(sents)/sec, "sentences/s")
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		// includes the garbage collector's work on other threads
		b.ReportMetric(float64(sents)/cpu, "sentences/cpu-s")
		b.ReportMetric(float64(toks)/cpu, "tokens/cpu-s")
	}
}

// BenchmarkTokenize isolates the tokenizer.
func BenchmarkTokenize(b *testing.B) {
	docs := voaTexts(b)
	p := pipe(b)
	b.ReportAllocs()
	b.ResetTimer()
	toks := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			toks += len(p.Tokenize(d))
		}
	}
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkNew measures loading the embedded lexicon (uncached).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := parseLexicon(lexiconData, closedData); err != nil {
			b.Fatal(err)
		}
	}
}
