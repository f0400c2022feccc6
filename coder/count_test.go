package coder

import (
	"context"
	"testing"

	"github.com/egret-events/egret/internal/testshared"
)

// TestCodeCountSentences checks that CodeCount reports as many sentences
// as the pipeline splits the text into, on every VOA story, and the same
// events as Code.
func TestCodeCountSentences(t *testing.T) {
	c := loadPhoenix(t)
	docs := testshared.VOAStories(t)
	total := 0
	for _, d := range docs {
		evs, n, err := c.CodeCount(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(c.p.SplitSentences(d.Text)); n != want {
			t.Errorf("%s: CodeCount gives %d sentences, SplitSentences %d", d.ID, n, want)
		}
		evs2, err := c.Code(context.Background(), d)
		if err != nil || len(evs2) != len(evs) {
			t.Errorf("%s: Code gives %d events (%v), CodeCount %d", d.ID, len(evs2), err, len(evs))
		}
		total += n
	}
	if total < 1000 {
		t.Errorf("%d sentences in %d stories: the corpus is not what it was", total, len(docs))
	}
	if _, n, err := c.CodeCount(context.Background(), nil); err == nil || n != 0 {
		t.Errorf("nil document: %d sentences, error %v", n, err)
	}
}
