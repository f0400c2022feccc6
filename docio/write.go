package docio

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/egret-events/egret"
)

// Writer writes events in one output format.
type Writer interface {
	Write(ev *egret.Event) error
	Flush() error
}

// NewWriter returns a writer for "jsonl" (default) or "tsv".
func NewWriter(w io.Writer, format string) (Writer, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	switch format {
	case "", "jsonl", "json":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonWriter{bw: bw, enc: enc}, nil
	case "tsv":
		return &tsvWriter{bw: bw}, nil
	}
	return nil, egret.Errorf(egret.EINVALID, "unknown output format %q (want jsonl or tsv)", format)
}

type jsonWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (w *jsonWriter) Write(ev *egret.Event) error { return w.enc.Encode(ev) }
func (w *jsonWriter) Flush() error                { return w.bw.Flush() }

// TSVColumns is the column layout of --format tsv: PETRARCH's
// date/source/target/code/ids order first, then egret's additions.
var TSVColumns = []string{"date", "source", "target", "cameo", "doc_id", "sentence", "plover",
	"quad_class", "goldstein", "issues", "lat", "lon", "location", "country", "source_text", "target_text", "event_text"}

type tsvWriter struct{ bw *bufio.Writer }

func (w *tsvWriter) Write(ev *egret.Event) error {
	f := make([]string, 0, len(TSVColumns))
	f = append(f, strings.ReplaceAll(ev.Date, "-", ""), ev.Source, ev.Target, ev.CAMEO, ev.DocID,
		itoa(ev.Sentence), ev.PLOVER, itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
		strings.Join(ev.Issues, ";"))
	if l := ev.Location; l != nil {
		f = append(f, strconv.FormatFloat(l.Lat, 'f', 4, 64), strconv.FormatFloat(l.Lon, 'f', 4, 64), l.Name, l.Country)
	} else {
		f = append(f, "", "", "", "")
	}
	f = append(f, ev.SourceText, ev.TargetText, ev.EventText)
	for i := range f {
		f[i] = tsvClean(f[i])
	}
	_, err := w.bw.WriteString(strings.Join(f, "\t") + "\n")
	return err
}

func (w *tsvWriter) Flush() error { return w.bw.Flush() }

// tsvClean keeps a field on one line and in one column.
func tsvClean(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}
