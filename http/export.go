package http

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/egret-events/egret"
)

// Export formats.
const (
	FormatCSV     = "csv"
	FormatJSONL   = "jsonl"
	FormatParquet = "parquet"
)

// ExportRow is the flat row written to CSV and Parquet exports; JSON Lines
// exports write the whole event.
type ExportRow struct {
	ID         int64   `parquet:"id" json:"id"`
	DocID      string  `parquet:"doc_id" json:"doc_id"`
	Sentence   int64   `parquet:"sentence" json:"sentence"`
	Date       string  `parquet:"date" json:"date"`
	Source     string  `parquet:"source" json:"source"`
	Target     string  `parquet:"target" json:"target"`
	CAMEO      string  `parquet:"cameo" json:"cameo"`
	PLOVER     string  `parquet:"plover" json:"plover"`
	Mode       string  `parquet:"mode" json:"mode"`
	Context    string  `parquet:"context" json:"context"`
	QuadClass  int64   `parquet:"quad_class" json:"quad_class"`
	Goldstein  float64 `parquet:"goldstein" json:"goldstein"`
	SourceText string  `parquet:"source_text" json:"source_text"`
	TargetText string  `parquet:"target_text" json:"target_text"`
	EventText  string  `parquet:"event_text" json:"event_text"`
	Modality   string  `parquet:"modality" json:"modality"`
	Certainty  string  `parquet:"certainty" json:"certainty"`
	Location   string  `parquet:"location" json:"location"`
	Country    string  `parquet:"country" json:"country"`
	Lat        float64 `parquet:"lat,optional" json:"lat"`
	Lon        float64 `parquet:"lon,optional" json:"lon"`
	Text       string  `parquet:"text" json:"text"`
	// Reports is how many stored events the row stands for (1 unless
	// deduplicated), Documents how many documents they came from.
	Reports   int64 `parquet:"reports" json:"reports"`
	Documents int64 `parquet:"documents" json:"documents"`
}

// exportColumns is the CSV header, in ExportRow order.
var exportColumns = []string{"id", "doc_id", "sentence", "date", "source", "target", "cameo", "plover", "mode", "context",
	"quad_class", "goldstein", "source_text", "target_text", "event_text", "modality", "certainty", "location", "country", "lat", "lon", "text",
	"reports", "documents"}

// Row flattens a stored event into an export row standing for one report.
func Row(e *egret.StoredEvent) ExportRow {
	r := ExportRow{ID: e.ID, DocID: e.DocID, Sentence: int64(e.Sentence), Date: e.Date, Source: e.Source, Target: e.Target,
		CAMEO: e.CAMEO, PLOVER: e.PLOVER, Mode: e.Mode, Context: e.Context, QuadClass: int64(e.QuadClass), Goldstein: e.Goldstein,
		SourceText: e.SourceText, TargetText: e.TargetText, EventText: e.EventText, Modality: e.Modality, Certainty: e.Certainty, Text: e.Text,
		Reports: 1, Documents: 1}
	if l := e.Location; l != nil {
		r.Location, r.Country, r.Lat, r.Lon = l.Name, l.Country, l.Lat, l.Lon
	}
	return r
}

// Deduplication modes of an export.
const (
	DedupNone = ""
	// DedupDay keeps one event per (date, source, target, CAMEO code), as
	// the Phoenix data did: the first stored, with the count of reports
	// (events) and documents behind it.
	DedupDay = "day"
)

// ExportOptions choose an export's format and deduplication.
type ExportOptions struct {
	Format string // csv, jsonl or parquet
	Dedup  string // DedupNone or DedupDay
}

func (o ExportOptions) check() error {
	if _, err := ContentType(o.Format); err != nil {
		return err
	}
	if o.Dedup != DedupNone && o.Dedup != DedupDay {
		return egret.Errorf(egret.EINVALID, "dedup: %q is not day", o.Dedup)
	}
	return nil
}

// exportEvent is one row to export: an event and the reports it stands for.
type exportEvent struct {
	*egret.StoredEvent
	Reports   int `json:"reports"`
	Documents int `json:"documents"`
}

func (e exportEvent) row() ExportRow {
	r := Row(e.StoredEvent)
	r.Reports, r.Documents = int64(e.Reports), int64(e.Documents)
	return r
}

// dayGroup is the events of one day with the same source, target and
// CAMEO code.
type dayGroup struct {
	first *egret.StoredEvent // the earliest stored (lowest id)
	n     int
	docs  map[string]bool
}

// eachRow calls fn for each row of an export: every event matching f,
// newest first, or with DedupDay one per (date, source, target, CAMEO
// code). Events come grouped by date, so deduplication holds one day's
// groups at a time.
func eachRow(ctx context.Context, st egret.Store, f egret.EventFilter, dedup string, fn func(exportEvent) error) error {
	if dedup == DedupNone {
		return st.EachEvent(ctx, f, func(e *egret.StoredEvent) error { return fn(exportEvent{e, 1, 1}) })
	}
	type key struct{ source, target, cameo string }
	groups := map[key]*dayGroup{}
	day := ""
	flush := func() error {
		gs := make([]*dayGroup, 0, len(groups))
		for _, g := range groups {
			gs = append(gs, g)
		}
		// Newest first, as undeduplicated exports come.
		sort.Slice(gs, func(i, j int) bool { return gs[i].first.ID > gs[j].first.ID })
		for _, g := range gs {
			if err := fn(exportEvent{g.first, g.n, len(g.docs)}); err != nil {
				return err
			}
		}
		clear(groups)
		return nil
	}
	err := st.EachEvent(ctx, f, func(e *egret.StoredEvent) error {
		if e.Date != day {
			if err := flush(); err != nil {
				return err
			}
			day = e.Date
		}
		k := key{e.Source, e.Target, e.CAMEO}
		g := groups[k]
		if g == nil {
			g = &dayGroup{docs: map[string]bool{}}
			groups[k] = g
		}
		if g.first == nil || e.ID < g.first.ID {
			ev := *e
			g.first = &ev
		}
		g.n++
		g.docs[e.DocID] = true
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// ContentType returns the media type of an export format, or an error
// naming the formats when it is not one.
func ContentType(format string) (string, error) {
	switch format {
	case FormatCSV:
		return "text/csv; charset=utf-8", nil
	case FormatJSONL:
		return "application/x-ndjson", nil
	case FormatParquet:
		return "application/vnd.apache.parquet", nil
	}
	return "", egret.Errorf(egret.EINVALID, "format: %q is not csv, jsonl or parquet", format)
}

// Export streams the events matching f from st to w as o says and
// returns how many rows it wrote. Parquet row groups are flushed every
// 50,000 rows so memory stays bounded.
func Export(ctx context.Context, w io.Writer, st egret.Store, f egret.EventFilter, o ExportOptions) (int64, error) {
	if err := o.check(); err != nil {
		return 0, err
	}
	var n int64
	switch o.Format {
	case FormatJSONL:
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := eachRow(ctx, st, f, o.Dedup, func(e exportEvent) error {
			n++
			return enc.Encode(e)
		})
		if err != nil {
			return n, err
		}
		return n, bw.Flush()
	case FormatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(exportColumns); err != nil {
			return 0, err
		}
		rec := make([]string, len(exportColumns))
		err := eachRow(ctx, st, f, o.Dedup, func(e exportEvent) error {
			r := e.row()
			ff := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
			lat, lon := "", ""
			if e.Location != nil {
				lat, lon = ff(r.Lat), ff(r.Lon)
			}
			rec = append(rec[:0], strconv.FormatInt(r.ID, 10), r.DocID, strconv.FormatInt(r.Sentence, 10), r.Date, r.Source, r.Target,
				r.CAMEO, r.PLOVER, r.Mode, r.Context, strconv.FormatInt(r.QuadClass, 10), ff(r.Goldstein), r.SourceText, r.TargetText,
				r.EventText, r.Modality, r.Certainty, r.Location, r.Country, lat, lon, r.Text,
				strconv.FormatInt(r.Reports, 10), strconv.FormatInt(r.Documents, 10))
			n++
			return cw.Write(rec)
		})
		if err != nil {
			return n, err
		}
		cw.Flush()
		return n, cw.Error()
	}
	pw := parquet.NewGenericWriter[ExportRow](w, parquet.MaxRowsPerRowGroup(50000))
	buf := make([]ExportRow, 0, 1024)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		buf = buf[:0]
		return err
	}
	err := eachRow(ctx, st, f, o.Dedup, func(e exportEvent) error {
		buf = append(buf, e.row())
		n++
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, err
	}
	return n, pw.Close()
}

func (s *Server) getExport(w http.ResponseWriter, r *http.Request) error {
	f, err := filterFrom(r, "format", "dedup")
	if err != nil {
		return err
	}
	o := ExportOptions{Format: r.URL.Query().Get("format"), Dedup: r.URL.Query().Get("dedup")}
	if o.Format == "" {
		o.Format = FormatJSONL
	}
	if err := o.check(); err != nil {
		return err
	}
	ct, _ := ContentType(o.Format)
	format := o.Format
	if err := f.Validate(); err != nil {
		return err
	}
	// Check the filter before the first byte goes out: afterwards an error
	// can only cut the stream short.
	if _, err := s.cfg.Store.Events(r.Context(), egret.EventFilter{Source: f.Source, Target: f.Target, CAMEO: f.CAMEO, PLOVER: f.PLOVER,
		QuadClass: f.QuadClass, From: f.From, To: f.To, Query: f.Query, DocID: f.DocID, Limit: 1}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", `attachment; filename="egret-events.`+format+`"`)
	n, err := Export(r.Context(), &rollingDeadline{w: w, rc: http.NewResponseController(w), d: s.cfg.WriteTimeout}, s.cfg.Store, f, o)
	if err != nil {
		s.cfg.Logger.Error("export failed mid-stream", "format", format, "events", n, "err", err)
		// Abort the connection so the client sees a truncated transfer,
		// not a complete-looking file.
		panic(http.ErrAbortHandler)
	}
	return nil
}

// rollingDeadline gives every piece of a streamed answer the write
// timeout from when it starts: an export of any size goes on while the
// client reads, and one the client stops reading ends.
type rollingDeadline struct {
	w  io.Writer
	rc *http.ResponseController
	d  time.Duration
}

func (r *rollingDeadline) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		piece := b[:min(len(b), 16<<10)]
		r.rc.SetWriteDeadline(time.Now().Add(r.d))
		m, err := r.w.Write(piece)
		n += m
		if err != nil {
			return n, err
		}
		b = b[m:]
	}
	return n, nil
}
