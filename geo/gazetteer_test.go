package geo

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/egret-events/egret"
)

func TestLoadDefault(t *testing.T) {
	g := testGeocoder(t).Gazetteer()
	if g.Len() < 100000 {
		t.Errorf("%d places, want the 100,000+ of GeoNames cities", g.Len())
	}
	for _, c := range []struct{ name, country string }{{"Syria", "SYR"}, {"Idlib", "SYR"}, {"Kyiv", "UKR"}, {"Kiev", "UKR"}, {"U.S.", "USA"}, {"Deir ez-Zor", "SYR"}, {"São Paulo", "BRA"}, {"Sao Paulo", "BRA"}} {
		ps := g.Lookup(c.name)
		found := false
		for _, p := range ps {
			found = found || p.Country == c.country
		}
		if !found {
			t.Errorf("Lookup(%q) = %d places, none in %s", c.name, len(ps), c.country)
		}
	}
	syr, ok := g.Country("SYR")
	if !ok || syr.Name != "Syria" || syr.Feature != Country {
		t.Errorf("Country(SYR) = %+v, %v", syr, ok)
	}
	if _, ok := g.Country("XXX"); ok {
		t.Error("Country(XXX) found")
	}
	// Kosovo's places carry the CAMEO code egret's actors use (KSV), not
	// world-countries' user-assigned UNK.
	for _, name := range []string{"Pristina", "Zvecan", "Kosovo"} {
		for _, p := range g.Lookup(name) {
			if p.Country == "UNK" {
				t.Errorf("Lookup(%q): %s in UNK, want KSV", name, p.Name)
			}
		}
	}
	if _, ok := g.Country("KSV"); !ok {
		t.Error("Country(KSV) not found")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Deir ez-Zor":   "deir ez zor",
		"Ra’s al ‘Ayn":  "ras al ayn",
		"U.S.":          "us",
		"São  Paulo":    "sao paulo",
		"Île-de-France": "ile de france",
		"KHERSON":       "kherson",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func gz(s string) *bytes.Reader {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return bytes.NewReader(b.Bytes())
}

// TestLoadErrors: a damaged gazetteer names the line and what is wrong.
func TestLoadErrors(t *testing.T) {
	const head = "#egret-gazetteer\t2\ttest\n"
	const country = head + "C\tSYR\tSY\tSyria\t35\t38\tDamascus\t\tSyrian\n"
	for _, c := range []struct{ name, data, want string }{
		{"not gzip", "", "gazetteer:"},
		{"old format", "#egret-gazetteer\t1\told\n", "line 1: not an egret gazetteer of format 2"},
		{"no header", "C\tSYR\n", "line 1: not an egret gazetteer"},
		{"unknown record", country + "Q\tx\n", "line 3: unknown record type"},
		{"short country", head + "C\tSYR\n", "line 2: country record needs 9 fields"},
		{"bad coordinates", country + "P\t1\tX\t95\t10\tSY\t01\tPPL\t5\tx\n", "line 3: bad coordinates"},
		{"bad id", country + "P\tx\tX\t5\t10\tSY\t01\tPPL\t5\tx\n", "line 3: bad geonameid"},
		{"unknown country", country + "P\t1\tX\t5\t10\tZZ\t01\tPPL\t5\tx\n", "line 3: unknown country code ZZ"},
		{"no countries", head + "W\tfoo\n", "no countries"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r *bytes.Reader
			if c.name == "not gzip" {
				r = bytes.NewReader([]byte("plain text"))
			} else {
				r = gz(c.data)
			}
			_, err := Load(r)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Load: error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestLoadGeoNames loads a small file in GeoNames dump format: its villages
// become locatable, its ADM1 record moves the area's centre, and countries
// and admin-1 names still come from the embedded tables.
func TestLoadGeoNames(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "geonames-sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := LoadGeoNames(f)
	if err != nil {
		t.Fatal(err)
	}
	ps := g.Lookup("Kafranbel")
	if len(ps) != 1 || ps[0].Name != "Kafr Nabl" || ps[0].ID != 9000001 || ps[0].Country != "SYR" || ps[0].Admin1 != "Idlib" {
		t.Fatalf("Lookup(Kafranbel) = %+v", ps)
	}
	if ps := g.Lookup("Wadi al Uyun"); len(ps) != 0 {
		t.Errorf("a valley (class H) was loaded: %+v", ps[0])
	}
	if ps := g.Lookup("Aleppo"); len(ps) != 1 || ps[0].Feature != Admin1 {
		t.Errorf("Lookup(Aleppo) = %d places, want only the embedded admin-1 area (dump cities replace embedded ones)", len(ps))
	}
	var adm *Place
	for _, p := range g.Lookup("Idlib") {
		if p.Feature == Admin1 {
			adm = p
		}
	}
	if adm == nil || adm.Lat != 35.75 || adm.ID != 9000004 {
		t.Errorf("Idlib admin-1 = %+v, want the dump's centre 35.75 and id 9000004", adm)
	}
	if len(g.Lookup("Idlib Governorate")) == 0 {
		t.Error("ADM1 alternate names not indexed")
	}
	gc := New(g)
	text := "Shelling hit Kafr Nabl in southern Idlib, and Russian forces shelled Chornobaivka near Kherson."
	doc := &egret.Document{Text: text}
	whole := egret.Span{Start: 0, End: len(text)}
	i := strings.Index(text, "hit")
	l := gc.LocateSentence(doc, whole, egret.Span{Start: i, End: i + 3}, nil)
	if l == nil || l.Name != "Kafr Nabl" || l.GeonameID != 9000001 || l.Admin1 != "Idlib" {
		t.Errorf("located %+v, want Kafr Nabl", l)
	}
	i = strings.Index(text, "shelled")
	l = gc.LocateSentence(doc, whole, egret.Span{Start: i, End: i + 7}, nil)
	if l == nil || l.Name != "Chornobaivka" || l.Country != "UKR" {
		t.Errorf("located %+v, want Chornobaivka", l)
	}
}

func TestLoadGeoNamesErrors(t *testing.T) {
	good := "9000001\tKafr Nabl\tKafr Nabl\t\t35.6\t36.5\tP\tPPL\tSY\t\t12\t\t\t\t15455\t\t550\tAsia/Damascus\t2024-01-10\n"
	for _, c := range []struct{ name, data, want string }{
		{"short line", good + "1\tX\tX\n", "geonames line 2: 3 tab-separated fields"},
		{"bad id", good + strings.Replace(good, "9000001", "x1", 1), "geonames line 2: geonameid \"x1\""},
		{"bad latitude", strings.Replace(good, "35.6", "135.6", 1), "geonames line 1: bad coordinates"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadGeoNames(strings.NewReader(c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestLoadFile tells the two formats apart and names the file in errors.
func TestLoadFile(t *testing.T) {
	g, err := LoadFile(filepath.Join("testdata", "geonames-sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Lookup("Kafr Nabl")) != 1 {
		t.Error("GeoNames file not loaded")
	}
	g, err = LoadFile("gazetteer.bin")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 100000 {
		t.Errorf("embedded-format file: %d places", g.Len())
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("1\tX\n"), 0o644)
	if _, err := LoadFile(bad); err == nil || !strings.Contains(err.Error(), bad+": geonames line 1") {
		t.Errorf("error %v, want one naming %s and line 1", err, bad)
	}
	zip := filepath.Join(dir, "allCountries.zip")
	os.WriteFile(zip, []byte("PK\x03\x04rest"), 0o644)
	if _, err := LoadFile(zip); err == nil || !strings.Contains(err.Error(), "unzip") {
		t.Errorf("zip: error %v", err)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: error %v", err)
	}
}

// TestEveryPlaceFindable: each place is found under its own name, and the
// generator's common-word keys are folded as Fold folds (the generator keeps
// its own copy of the folding rules).
func TestEveryPlaceFindable(t *testing.T) {
	g := testGeocoder(t).Gazetteer()
	for i := range g.Len() {
		p := g.Place(i)
		found := false
		for _, q := range g.Lookup(p.Name) {
			found = found || q == p
		}
		if !found {
			t.Fatalf("place %d %q (%s) not found under its own name", p.ID, p.Name, p.Country)
		}
	}
	g.eachKey(func(key []byte, nm names) {
		if k := string(key); nm.flags&flagCommon != 0 && Fold(k) != k {
			t.Errorf("common-word key %q folds to %q", k, Fold(k))
		}
	})
}
