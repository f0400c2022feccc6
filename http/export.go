package http

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
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
}

// exportColumns is the CSV header, in ExportRow order.
var exportColumns = []string{"id", "doc_id", "sentence", "date", "source", "target", "cameo", "plover", "mode", "context",
	"quad_class", "goldstein", "source_text", "target_text", "event_text", "modality", "certainty", "location", "country", "lat", "lon", "text"}

// Row flattens a stored event into an export row.
func Row(e *egret.StoredEvent) ExportRow {
	r := ExportRow{ID: e.ID, DocID: e.DocID, Sentence: int64(e.Sentence), Date: e.Date, Source: e.Source, Target: e.Target,
		CAMEO: e.CAMEO, PLOVER: e.PLOVER, Mode: e.Mode, Context: e.Context, QuadClass: int64(e.QuadClass), Goldstein: e.Goldstein,
		SourceText: e.SourceText, TargetText: e.TargetText, EventText: e.EventText, Modality: e.Modality, Certainty: e.Certainty, Text: e.Text}
	if l := e.Location; l != nil {
		r.Location, r.Country, r.Lat, r.Lon = l.Name, l.Country, l.Lat, l.Lon
	}
	return r
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

// Export streams the events matching f from st to w in format and returns
// how many it wrote. Parquet row groups are flushed every 50,000 rows so
// memory stays bounded.
func Export(ctx context.Context, w io.Writer, st egret.Store, f egret.EventFilter, format string) (int64, error) {
	if _, err := ContentType(format); err != nil {
		return 0, err
	}
	var n int64
	switch format {
	case FormatJSONL:
		bw := bufio.NewWriterSize(w, 64<<10)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := st.EachEvent(ctx, f, func(e *egret.StoredEvent) error {
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
		err := st.EachEvent(ctx, f, func(e *egret.StoredEvent) error {
			r := Row(e)
			ff := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
			lat, lon := "", ""
			if e.Location != nil {
				lat, lon = ff(r.Lat), ff(r.Lon)
			}
			rec = append(rec[:0], strconv.FormatInt(r.ID, 10), r.DocID, strconv.FormatInt(r.Sentence, 10), r.Date, r.Source, r.Target,
				r.CAMEO, r.PLOVER, r.Mode, r.Context, strconv.FormatInt(r.QuadClass, 10), ff(r.Goldstein), r.SourceText, r.TargetText,
				r.EventText, r.Modality, r.Certainty, r.Location, r.Country, lat, lon, r.Text)
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
	err := st.EachEvent(ctx, f, func(e *egret.StoredEvent) error {
		buf = append(buf, Row(e))
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
	f, err := filterFrom(r, "format")
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = FormatJSONL
	}
	ct, err := ContentType(format)
	if err != nil {
		return err
	}
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
	n, err := Export(r.Context(), &rollingDeadline{w: w, rc: http.NewResponseController(w), d: s.cfg.WriteTimeout}, s.cfg.Store, f, format)
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
