package geo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallText is a gazetteer in the text format with a country, an admin-1
// area, a region, three places (two sharing a name), a common word and a
// demonym.
const smallText = "#egret-gazetteer\t2\ttest\n" +
	"C\tSYR\tSY\tSyria\t35\t38\tDamascus\tSyrian Arab Republic\tSyrian|Syrians\n" +
	"A\tSY.12\tIdlib\t35.93\t36.63\t1500000\tIdlib Governorate\n" +
	"R\tGolan Heights\tSYR\t33.0\t35.75\t50000\tGolan\n" +
	"P\t170063\tAleppo\t36.2021\t37.1343\tSY\t09\tPPLA\t1754253\taleppo|haleb\n" +
	"P\t169389\tIdlib\t35.9306\t36.6339\tSY\t12\tPPLA\t128840\tidlib|idleb\n" +
	"P\t900\tIdlib\t35.1\t36.1\tSY\t99\tPPL\t1200\tidlib\n" +
	"W\taleppo\n"

// dumpGazetteer writes everything a gazetteer answers about names, so two
// gazetteers can be compared.
func dumpGazetteer(g *Gazetteer, lookups ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d places, %d words\n", g.Len(), g.maxWords)
	for i := range g.Len() {
		fmt.Fprintf(&b, "%d %+v\n", i, *g.Place(i))
	}
	g.eachKey(func(key []byte, nm names) {
		fmt.Fprintf(&b, "%q flags %d", key, nm.flags)
		if nm.flags&flagDemonym != 0 {
			fmt.Fprintf(&b, " demonym %s", g.ctryTab[nm.demonym])
		}
		for nm.count > 0 {
			var p int32
			var alt bool
			p, alt, nm = nm.next()
			fmt.Fprintf(&b, " %d/%v", p, alt)
		}
		b.WriteByte('\n')
	})
	for _, n := range lookups {
		fmt.Fprintf(&b, "%s:", n)
		for _, p := range g.Lookup(n) {
			fmt.Fprintf(&b, " %s/%s/%s", p.Name, p.Country, p.Feature)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCompiledRoundTrip writes a gazetteer read from text in the compiled
// format and reads it back: the same answers, and the same bytes when
// written again.
func TestCompiledRoundTrip(t *testing.T) {
	g, err := Load(gz(smallText))
	if err != nil {
		t.Fatal(err)
	}
	want := dumpGazetteer(g, "Idlib", "IDLEB", "Haleb", "Golan", "Syrian Arab Republic", "Syrians", "Damascus")
	for _, line := range []string{`"idlib" flags 0 5/false 4/false 1/false`, `"aleppo" flags 1 3/false`, `"syrians" flags 2 demonym SYR`, "Idlib: Idlib/SYR/city Idlib/SYR/city Idlib/SYR/admin1", "Damascus:\n"} {
		if !strings.Contains(want, line) {
			t.Errorf("text gazetteer lacks %q:\n%s", line, want)
		}
	}
	var bin bytes.Buffer
	if _, err := g.WriteTo(&bin); err != nil {
		t.Fatal(err)
	}
	g2, err := Load(bytes.NewReader(bin.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := dumpGazetteer(g2, "Idlib", "IDLEB", "Haleb", "Golan", "Syrian Arab Republic", "Syrians", "Damascus"); got != want {
		t.Errorf("compiled gazetteer answers differently:\n%s\nwant\n%s", got, want)
	}
	var again bytes.Buffer
	if _, err := g2.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bin.Bytes(), again.Bytes()) {
		t.Error("writing a loaded gazetteer again gives other bytes")
	}
	if p := g2.Lookup("Idlib")[1]; p != g2.Lookup("idleb")[0] || p.Admin1 != "Idlib" || p.prior == 0 {
		t.Errorf("a place is materialised once, with its admin-1 area and prior: %+v", p)
	}
}

// TestEmbeddedVerifies checks every record and column of the embedded
// gazetteer, which LoadDefault trusts.
func TestEmbeddedVerifies(t *testing.T) {
	if _, err := decode(embedded, true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat("gazetteer.bin"); err != nil || fi.Size() > 5500000 {
		t.Errorf("gazetteer.bin: %v, want at most about 5 MB", err)
	}
}

// TestLoadCompiledErrors: a damaged compiled file is an error, never a panic.
func TestLoadCompiledErrors(t *testing.T) {
	g, err := Load(gz(smallText))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	g.WriteTo(&b)
	good := b.Bytes()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", good[:len(good)-3], "compiled format"},
		{"extra", append(append([]byte(nil), good...), 0), "after the last section"},
		{"no sections", []byte(binaryMagic), "sections"},
		{"other version", []byte("#egret-gazetteer\t3\n\x07"), "7 sections"},
	} {
		if _, err := Load(bytes.NewReader(c.data)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	// Every single-byte change is caught or harmless.
	for i := len(binaryMagic); i < len(good); i++ {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0x5a
		if g, err := Load(bytes.NewReader(bad)); err == nil {
			dumpGazetteer(g, "Idlib", "Haleb", "Syrian")
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "g.bin")
	os.WriteFile(path, good[:100], 0o644)
	if _, err := LoadFile(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("LoadFile of a damaged compiled file: error %v, want one naming the file", err)
	}
}
