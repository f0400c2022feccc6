package dedup

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/egret-events/egret/internal/newstest"
)

func TestCanonicalURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"HTTPS://Example.COM/World/Story.html", "https://example.com/World/Story.html"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://127.0.0.1:39111/articles/x?utm_source=rss&utm_medium=feed", "http://127.0.0.1:39111/articles/x"},
		{"https://example.com/a?b=2&a=1&utm_campaign=x&fbclid=abc&gclid=1", "https://example.com/a?a=1&b=2"},
		{"https://example.com/a?id=7&UTM_Source=x&mc_cid=1&mc_eid=2&_ga=3&msclkid=4", "https://example.com/a?id=7"},
		{"https://example.com/a?z=1&y=2&z=0", "https://example.com/a?y=2&z=1&z=0"},
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/", "https://example.com/"},
		{"https://example.com/world/", "https://example.com/world"},
		{"https://example.com/a/./b/../c", "https://example.com/a/c"},
		{"https://example.com//a//b", "https://example.com/a/b"},
		{"https://user:pw@example.com/a", "https://example.com/a"},
		{"https://example.com./a", "https://example.com/a"},
		{"https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"},
		{"https://example.com/a?q=caf%c3%a9&x=a%2fb", "https://example.com/a?q=caf%C3%A9&x=a%2Fb"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/a?utm_source=x", "https://example.com/a"},
		{"https://example.com/a?flag&b=", "https://example.com/a?b&flag"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"https://[::1]:8080/a", "https://[::1]:8080/a"},
		{"https://[2001:DB8::1]/a", "https://[2001:db8::1]/a"},
	} {
		got, err := CanonicalURL(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if again, _ := CanonicalURL(got); again != got {
			t.Errorf("not idempotent: %q → %q", got, again)
		}
	}
	for _, bad := range []string{"ftp://example.com/a", "mailto:x@example.com", "/relative/path", "https:///nohost", "http://%zz/"} {
		if got, err := CanonicalURL(bad); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", bad, got)
		}
	}
}

func TestDocID(t *testing.T) {
	a, b := DocID("https://example.com/a"), DocID("https://example.com/b")
	if a == b || !strings.HasPrefix(a, "web-") || len(a) != 24 || DocID("https://example.com/a") != a {
		t.Errorf("DocID: %q %q", a, b)
	}
}

func TestWordsAndHash(t *testing.T) {
	got := Words("Russia’s  “envoy” said: U.S.-led TALKS — 30-day ceasefire… Café ﬁnal")
	want := []string{"russias", "envoy", "said", "u", "s", "led", "talks", "30", "day", "ceasefire", "café", "final"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q\nwant %q", got, want)
	}
	same := []string{
		"Russia's envoy said: \"U.S.-led talks\"",
		"RUSSIA’S ENVOY SAID “U.S.-LED TALKS”",
		"  Russia's\n\nenvoy said —  U.S. led talks ",
	}
	for _, s := range same[1:] {
		if ContentHash(s) != ContentHash(same[0]) {
			t.Errorf("%q and %q hash differently", s, same[0])
		}
	}
	if ContentHash("the envoy said") == ContentHash("the envoy says") {
		t.Error("different words, same hash")
	}
	if NormalizeText("A  b,C") != "a b c" {
		t.Errorf("NormalizeText = %q", NormalizeText("A  b,C"))
	}
}

func TestSignature(t *testing.T) {
	if Sign("") != nil || Sign("...") != nil || Similarity(nil, Sign("a b c")) != 0 {
		t.Error("empty text must have a nil signature resembling nothing")
	}
	s := Sign("one two three four five six")
	if len(s) != SignatureSize || Similarity(s, s) != 1 || len(s.BandKeys()) != Bands {
		t.Errorf("signature %v", s)
	}
	if !reflect.DeepEqual(Sign("One, two; three four five six!"), s) {
		t.Error("punctuation and case change the signature")
	}
	// Band keys of different bands never coincide for equal minima.
	same := make(Signature, SignatureSize)
	keys := same.BandKeys()
	for i := 1; i < len(keys); i++ {
		if keys[i] == keys[0] {
			t.Fatal("band number not mixed into the key")
		}
	}
	// Signatures are stable across runs and machines: stored and compared later.
	if got := fmt.Sprint(Sign("the quick brown fox jumps over the lazy dog")[:4]); got != "[186437747 1049462499 281740748 767544765]" {
		t.Errorf("signature changed: %s (stored signatures would no longer match)", got)
	}
}

// TestNearThresholdVOA validates NearThreshold on real text: the fixture's
// edited copies of every VOA story resemble their original above it, and
// no two distinct stories of the 89 come near it.
func TestNearThresholdVOA(t *testing.T) {
	stories := newstest.Corpus(t)
	sigs := make([]Signature, len(stories))
	idx := NewIndex()
	for i, s := range stories {
		sigs[i] = Sign(s.Text)
		idx.Add(s.ID, sigs[i])
	}
	maxDistinct, maxPair := 0.0, ""
	for i := range stories {
		for j := i + 1; j < len(stories); j++ {
			if sim := Similarity(sigs[i], sigs[j]); sim > maxDistinct {
				maxDistinct, maxPair = sim, stories[i].ID+"/"+stories[j].ID
			}
		}
		// The index finds the story itself and nothing else.
		if m := idx.Near(sigs[i], NearThreshold); len(m) != 1 || m[0].ID != stories[i].ID {
			t.Errorf("story %s: index finds %v", stories[i].ID, m)
		}
	}
	// The closest pair is a follow-up of the same train hijacking in
	// Pakistan (true shingle resemblance 0.31): related, not a copy.
	if maxDistinct >= NearThreshold-0.15 {
		t.Errorf("distinct stories %s resemble each other at %.2f (threshold %.2f)", maxPair, maxDistinct, NearThreshold)
	}
	minEdit, minWhich := 1.0, ""
	for i, s := range stories {
		for _, v := range []struct {
			name string
			s    newstest.Story
		}{{"wire copy", newstest.WireCopy(s)}, {"trimmed", newstest.Trimmed(s)}, {"wire vs trimmed", newstest.Trimmed(s)}} {
			ref := sigs[i]
			if v.name == "wire vs trimmed" {
				ref = Sign(newstest.WireCopy(s).Text)
			}
			sim := Similarity(ref, Sign(v.s.Text))
			if sim < minEdit {
				minEdit, minWhich = sim, s.ID+" "+v.name
			}
			if sim < NearThreshold {
				t.Errorf("story %s, %s: resemblance %.2f below the threshold %.2f", s.ID, v.name, sim, NearThreshold)
			}
			if v.name == "wire copy" {
				if m := idx.Near(Sign(v.s.Text), NearThreshold); len(m) == 0 || m[0].ID != s.ID {
					t.Errorf("story %s: the index does not find the original of its wire copy: %v", s.ID, m)
				}
			}
		}
	}
	t.Logf("distinct VOA stories: highest resemblance %.3f (%s); edited copies: lowest %.3f (%s); threshold %.2f",
		maxDistinct, maxPair, minEdit, minWhich, NearThreshold)
}

func BenchmarkSign(b *testing.B) {
	stories := newstest.Corpus(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Sign(stories[i%len(stories)].Text)
	}
}

// BenchmarkNearLookup measures lookups in an index of 100,000 texts (the
// 89 stories' signatures and 99,911 of random text) — the dedup step per
// fetched article.
func BenchmarkNearLookup(b *testing.B) {
	stories := newstest.Corpus(b)
	idx := NewIndex()
	sigs := make([]Signature, len(stories))
	for i, s := range stories {
		sigs[i] = Sign(s.Text)
		idx.Add(s.ID, sigs[i])
	}
	x := uint64(1)
	for idx.Len() < 100_000 {
		sig := make(Signature, SignatureSize)
		for i := range sig {
			x = mix64(x)
			sig[i] = uint32(x)
		}
		idx.Add(fmt.Sprint("r", idx.Len()), sig)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if m := idx.Near(sigs[i%len(sigs)], NearThreshold); len(m) != 1 {
			b.Fatalf("lookup found %v", m)
		}
	}
}
