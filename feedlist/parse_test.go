package feedlist

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []egret.FeedSpec
	}{
		{"empty", "", nil},
		{"comments and blanks", "# feeds\n\n   # indented comment\n\t\n", nil},
		{"bare URL", "https://example.org/rss.xml", []egret.FeedSpec{{URL: "https://example.org/rss.xml"}}},
		{"all options", "https://example.org/rss.xml outlet=Example every=15m lang=EN kind=feed\n",
			[]egret.FeedSpec{{URL: "https://example.org/rss.xml", Outlet: "Example", Every: 15 * time.Minute, Lang: "en", Kind: egret.FeedKindRSS}}},
		{"quoted outlet with spaces and escapes", `http://a.example/feed outlet="The \"Daily\" \\ Wire #1" kind=sitemap`,
			[]egret.FeedSpec{{URL: "http://a.example/feed", Outlet: `The "Daily" \ Wire #1`, Kind: egret.FeedSitemap}}},
		{"query string and fragment in URL", "https://x.example/feed?format=rss&cat=world#top every=1h # trailing comment",
			[]egret.FeedSpec{{URL: "https://x.example/feed?format=rss&cat=world#top", Every: time.Hour}}},
		{"CRLF lines and spaces around =", "https://a.example/1 outlet = A\r\nhttps://a.example/2\r\n",
			[]egret.FeedSpec{{URL: "https://a.example/1", Outlet: "A"}, {URL: "https://a.example/2"}}},
		{"unicode outlet", `https://b.example/f outlet="Le Monde diplomatique — Éditions"`,
			[]egret.FeedSpec{{URL: "https://b.example/f", Outlet: "Le Monde diplomatique — Éditions"}}},
		{"compound duration", "https://c.example/f every=1h30m", []egret.FeedSpec{{URL: "https://c.example/f", Every: 90 * time.Minute}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("feeds.txt", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Specs(); !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			// Round trip: the canonical form parses to the same specs and
			// prints the same.
			again, err := Parse("canonical", []byte(f.String()))
			if err != nil {
				t.Fatalf("canonical form %q does not parse: %v", f.String(), err)
			}
			if !reflect.DeepEqual(again.Specs(), f.Specs()) || again.String() != f.String() {
				t.Errorf("round trip changed %q into %q", f.String(), again.String())
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each a line of the error, in order
	}{
		{"not a URL scheme", "ftp://a.example/f\n", []string{`feeds.txt:1:1: "ftp://a.example/f" is not an http or https URL`}},
		{"relative URL", "  /rss.xml", []string{`feeds.txt:1:3: "/rss.xml" is not an http or https URL`}},
		{"no host", "https:///x", []string{`feeds.txt:1:1: "https:///x" has no host`}},
		{"unknown option", "https://a.example/f colour=red", []string{`feeds.txt:1:21: unknown option "colour" (want outlet, every, lang or kind)`}},
		{"bad duration", "https://a.example/f every=soon", []string{`feeds.txt:1:27: every: "soon" is not a duration (like 90s, 15m or 2h)`}},
		{"too frequent", "https://a.example/f every=10s", []string{`feeds.txt:1:27: every: 10s is outside 1m to 168h`}},
		{"bad lang", "https://a.example/f lang=english", []string{`feeds.txt:1:26: lang: "english" is not a two- or three-letter ISO 639 code`}},
		{"bad kind", "https://a.example/f kind=atom", []string{`feeds.txt:1:26: kind: "atom" is not feed or sitemap`}},
		{"missing value", "https://a.example/f outlet", []string{`feeds.txt:1:21: option "outlet" needs a value (outlet=...)`}},
		{"missing value at end", "https://a.example/f outlet=\n", []string{`feeds.txt:1:28: option "outlet": expected a value, found end of line`}},
		{"unterminated quote", "https://a.example/f outlet=\"Daily\nhttps://b.example/f\n", []string{`feeds.txt:1:28: unterminated quoted string`}},
		{"bad escape", `https://a.example/f outlet="a\nb"`, []string{`feeds.txt:1:30: unknown escape in quoted string (only \" and \\)`}},
		{"option twice", "https://a.example/f lang=en lang=fr", []string{`feeds.txt:1:29: option "lang" given twice`}},
		{"duplicate feed", "https://a.example/f\n# again\nhttps://a.example/f every=5m\n", []string{`feeds.txt:3:1: feed https://a.example/f listed twice (first at line 1)`}},
		{"line starting with =", "= x", []string{`feeds.txt:1:1: "=" is not an http or https URL`}},
		{"stray quoted string", `https://a.example/f "x"`, []string{`feeds.txt:1:21: expected an option name=value, found quoted string`}},
		{"columns count runes", `https://a.example/f outlet="Café" lang=français`, []string{`feeds.txt:1:40: lang: "français" is not a two- or three-letter ISO 639 code`}},
		{"several errors, later lines still read", "https://a.example/f kind=x\nhttps://ok.example/f\nmailto:x every=1m\n",
			[]string{`feeds.txt:1:26: kind: "x" is not feed or sitemap`, `feeds.txt:3:1: "mailto:x" is not an http or https URL`}},
		{"control character in outlet", "https://a.example/f outlet=\"a\x01b\"", []string{`feeds.txt:1:28: outlet: control character U+0001 in "a\x01b"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("feeds.txt", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			if egret.ErrorCode(err) != egret.EINVALID {
				t.Errorf("code %q, want invalid", egret.ErrorCode(err))
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(p, []byte("# world news\nhttps://a.example/rss outlet=\"A Times\" every=30m\nhttps://b.example/sitemap.xml kind=sitemap lang=en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Feeds) != 2 || f.Feeds[1].Pos != (Pos{p, 3, 1}) || f.Feeds[0].Outlet != "A Times" {
		t.Errorf("got %+v", f.Feeds)
	}
	want := "https://a.example/rss outlet=\"A Times\" every=30m\nhttps://b.example/sitemap.xml lang=en kind=sitemap\n"
	if f.String() != want {
		t.Errorf("String() = %q, want %q", f.String(), want)
	}
	if _, err := ReadFile(filepath.Join(dir, "absent.txt")); err == nil || !strings.Contains(err.Error(), "absent.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestErrorLimit(t *testing.T) {
	src := strings.Repeat("nonsense\n", 100)
	_, err := Parse("f", []byte(src))
	if n := len(strings.Split(err.Error(), "\n")); n != maxErrors {
		t.Errorf("%d errors reported, want the first %d", n, maxErrors)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "# c\n", "https://a.example/f outlet=\"A \\\"B\\\"\" every=15m lang=en kind=sitemap\n",
		"https://a.example/f?x=1#y every=1h30m\r\nhttps://b.example/ outlet=B\n", "= \"\n", "https://a.example/f outlet=\"\\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse("fuzz", []byte(src))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz:") || egret.ErrorCode(err) != egret.EINVALID {
					t.Fatalf("error line without position or code: %q", line)
				}
			}
			return
		}
		canon := file.String()
		again, err := Parse("fuzz", []byte(canon))
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", canon, src, err)
		}
		if !reflect.DeepEqual(again.Specs(), file.Specs()) || again.String() != canon {
			t.Fatalf("round trip of %q: %q then %q", src, canon, again.String())
		}
	})
}
