// Package http serves egret's JSON API, Prometheus metrics and the embedded web dashboard over an egret.Store.
package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/fetch"
	"github.com/egret-events/egret/pipeline"
	"github.com/egret-events/egret/watch"
)

// Config holds a Server's dependencies and limits.
type Config struct {
	Store    egret.Store
	Coder    egret.Coder
	Geocoder egret.Geocoder // optional: attaches locations after coding
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" on
	// requests that code or write documents.
	Token  string
	Logger *slog.Logger
	Now    func() time.Time
	// MaxBodyBytes bounds a POST body (default 32 MiB); MaxDocumentBytes
	// one document's text (default 1 MiB); MaxBatch the documents in one
	// request (default 10,000).
	MaxBodyBytes     int64
	MaxDocumentBytes int
	MaxBatch         int
	// Workers is how many documents of a request are coded in parallel
	// (default GOMAXPROCS).
	Workers int
	// Version is reported by /healthz.
	Version string
	// Hosts are the names, besides loopback names and the listening
	// address, that requests may carry in Host (DNS rebinding defence).
	Hosts []string
	// AllowOrigins are the origins (scheme://host[:port]) of web pages
	// allowed to write; other cross-origin writes are refused.
	AllowOrigins []string
	// ReadTimeout bounds reading a request, body included (default 1
	// minute); WriteTimeout writing an answer (default 2 minutes), which
	// exports and long codings extend as they go.
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	// Queue, when set, takes the documents POSTed to /api/v1/documents
	// (queued for workers, 202 Accepted, instead of coded here) and
	// reports its depth, lag and workers at /api/v1/queue and /metrics.
	Queue Queue
	// Watch, when set, is the feed watcher running beside the server:
	// its counters go to /metrics. The Sources view reads the store's
	// feed state whether or not this process watches.
	Watch WatchStats
}

// WatchStats are a feed watcher's running totals.
type WatchStats interface {
	Counters() watch.Counters
	FetchStats() fetch.Stats
	Pipeline() pipeline.Summary // what the watcher's pipeline stored
}

// Server is egret's HTTP API and dashboard.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	metrics *metrics
	// listenIP is the address Serve listens on, a name requests may use.
	listenIP atomic.Pointer[listenAddr]
}

// listenAddr is the IP address a server listens on.
type listenAddr struct{ net.IP }

// NewServer checks cfg and builds the routes.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("http: Config.Store is nil")
	}
	if cfg.Coder == nil {
		return nil, errors.New("http: Config.Coder is nil")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 32 << 20
	}
	if cfg.MaxDocumentBytes <= 0 {
		cfg.MaxDocumentBytes = 1 << 20
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = 10000
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	for _, o := range cfg.AllowOrigins {
		if u, err := url.Parse(o); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
			return nil, egret.Errorf(egret.EINVALID, "allowed origin %q: want scheme://host[:port], as browsers send in Origin", o)
		}
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = time.Minute
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = 2 * time.Minute
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), metrics: newMetrics()}
	get := func(h handlerFunc) methods { return methods{http.MethodGet: h} }
	s.handle("/api/v1/documents", "/api/v1/documents", methods{http.MethodPost: s.write(s.postDocuments)})
	s.handle("/api/v1/code", "/api/v1/code", methods{http.MethodPost: s.write(s.postCode)})
	s.handle("/api/v1/events", "/api/v1/events", get(s.getEvents))
	s.handle("/api/v1/series", "/api/v1/series", get(s.getSeries))
	s.handle("/api/v1/actors", "/api/v1/actors", get(s.getActors))
	s.handle("/api/v1/documents/{id...}", "/api/v1/documents/{id...}", get(s.getDocument)) // ids may hold slashes
	s.handle("/api/v1/export", "/api/v1/export", get(s.getExport))
	s.handle("/api/v1/sources", "/api/v1/sources", get(s.getSources))
	s.handle("/api/v1/provenance/{id...}", "/api/v1/provenance/{id...}", get(s.getProvenance))
	s.handle("/api/v1/queue", "/api/v1/queue", get(s.getQueue))
	s.handle("/api/v1/dead-letters", "/api/v1/dead-letters", get(s.getDeadLetters))
	s.handle("/healthz", "/healthz", get(s.getHealth))
	s.handle("/metrics", "/metrics", get(s.getMetrics))
	s.handle("/api/", "/api/", methods{anyMethod: func(w http.ResponseWriter, r *http.Request) error {
		return egret.Errorf(egret.ENOTFOUND, "no API endpoint %s %s", r.Method, r.URL.Path)
	}})
	assets := assetHandler()
	s.handle("dashboard", "/", get(func(w http.ResponseWriter, r *http.Request) error {
		assets.ServeHTTP(w, r)
		return nil
	}))
	return s, nil
}

// Handler returns the server's root handler.
func (s *Server) Handler() http.Handler { return s }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The dashboard loads nothing from elsewhere; say so to the browser.
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if err := s.checkHost(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// Serve serves on ln until ctx is cancelled, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		s.listenIP.Store(&listenAddr{a.IP})
	}
	// A request must arrive whole within ReadTimeout, so a client trickling
	// a body cannot hold a connection; answers that take long (coding a
	// large batch, an export) push their own write deadline on.
	hs := &http.Server{Handler: s, ReadHeaderTimeout: min(10*time.Second, s.cfg.ReadTimeout), ReadTimeout: s.cfg.ReadTimeout,
		WriteTimeout: s.cfg.WriteTimeout, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// CheckListen refuses to serve writes on a non-loopback address without a
// token: without one, anyone who can reach the port could write.
func CheckListen(addr, token string) error {
	if token != "" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return egret.Errorf(egret.EINVALID, "--addr %q: %v", addr, err)
	}
	refuse := egret.Errorf(egret.EINVALID, "refusing to listen on %s without a token: anyone who can reach it could write; set --token or EGRET_TOKEN, or listen on 127.0.0.1", addr)
	if host == "" {
		return refuse
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil {
		ips, err := net.LookupIP(host)
		if err != nil || len(ips) == 0 {
			return refuse
		}
		for _, ip := range ips {
			if !ip.IsLoopback() {
				return refuse
			}
		}
		return nil
	}
	if !ip.IsLoopback() {
		return refuse
	}
	return nil
}

// handlerFunc is a handler that returns its error for writeError.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// statusWriter records the status code for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		d := time.Since(start)
		s.metrics.observe(route, r.Method, sw.code, d)
		s.cfg.Logger.Debug("http request", "method", r.Method, "path", r.URL.Path, "status", sw.code, "duration_ms", d.Milliseconds())
	})
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	var ne net.Error
	switch {
	case errors.As(err, &mbe):
		err = egret.Errorf(egret.ETOOLARGE, "request body larger than %d bytes", mbe.Limit)
	case errors.As(err, &ne) && ne.Timeout():
		err = &httpError{status: http.StatusRequestTimeout, code: "request_timeout", msg: fmt.Sprintf("request not received within %s", s.cfg.ReadTimeout)}
	case errors.Is(err, context.Canceled):
		s.cfg.Logger.Info("request cancelled", "method", r.Method, "path", r.URL.Path)
		return
	}
	status, code := statusOf(err)
	if status == http.StatusInternalServerError {
		s.cfg.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var body errorBody
	body.Error.Code = code
	body.Error.Message = egret.ErrorMessage(err)
	var he *httpError
	if errors.As(err, &he) {
		body.Error.Message = he.msg
		if he.allow != "" {
			w.Header().Set("Allow", he.allow)
		}
	}
	if code == egret.EUNAUTH {
		w.Header().Set("WWW-Authenticate", `Bearer realm="egret"`)
	}
	writeJSON(w, status, body)
}

// extendWrite gives an answer WriteTimeout from now: coding a large batch
// may take longer than the server's write timeout allows from the start.
func (s *Server) extendWrite(w http.ResponseWriter) {
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.cfg.WriteTimeout))
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// readDocuments decodes a POST body with docio, the decoder files go
// through too: one JSON document, or JSON Lines. Any bad record rejects
// the request with a message naming its line and field. A document id
// given twice counts once, with its last copy (as the store would keep
// it), in the place of that copy.
func (s *Server) readDocuments(w http.ResponseWriter, r *http.Request) ([]*egret.Document, error) {
	ct, err := mediaType(r)
	if err != nil {
		return nil, err
	}
	lines := slices.Contains(jsonLines, ct)
	rd := &docio.Reader{Name: "request", Format: docio.FormatJSON, Date: s.cfg.Now().UTC().Truncate(24 * time.Hour),
		RequireID: true, MaxText: s.cfg.MaxDocumentBytes}
	if lines {
		rd.Format = docio.FormatJSONL
	}
	var bad error
	rd.Bad = func(b docio.BadRecord) {
		if bad == nil {
			bad = &egret.Error{Code: b.Code, Message: b.Err}
			if lines {
				bad = egret.Errorf(b.Code, "line %d: %s", b.Line, b.Err)
			}
		}
	}
	var docs []*egret.Document
	err = rd.Read(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes), func(d *egret.Document) error {
		if bad != nil {
			return bad
		}
		if len(docs) >= s.cfg.MaxBatch {
			return egret.Errorf(egret.ETOOLARGE, "more than %d documents in one request", s.cfg.MaxBatch)
		}
		docs = append(docs, d)
		return nil
	})
	switch {
	case bad != nil:
		return nil, bad
	case err != nil:
		return nil, err
	case len(docs) == 0 && lines:
		return nil, egret.Errorf(egret.EINVALID, "empty body: want one JSON document per line")
	}
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		last[d.ID] = i
	}
	kept := docs[:0]
	for i, d := range docs {
		if last[d.ID] == i {
			kept = append(kept, d)
		}
	}
	return kept, nil
}

// codeAll runs a request's documents through the pipeline into sink, all
// or nothing: the first document that cannot be coded (or stored) fails
// the request. It returns the records, with their events.
func (s *Server) codeAll(ctx context.Context, docs []*egret.Document, sink pipeline.Sink) ([]*pipeline.Record, error) {
	recs := make([]*pipeline.Record, len(docs))
	for i, d := range docs {
		recs[i] = &pipeline.Record{Origin: fmt.Sprintf("document %q", d.ID), Doc: d}
	}
	sum, err := pipeline.Run(ctx, pipeline.Config{Source: pipeline.Records(recs...), Coder: pipeline.Code(s.cfg.Coder, s.cfg.Geocoder),
		Sink: sink, Workers: s.cfg.Workers, Atomic: true})
	if err != nil {
		return nil, err
	}
	var events int
	for _, rec := range recs {
		events += len(rec.Events)
	}
	s.metrics.coded(int(sum.Coded), events)
	return recs, nil
}

// DocumentResult is what POST /api/v1/documents reports for each document.
type DocumentResult struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
}

// PostResult is the response of POST /api/v1/documents.
type PostResult struct {
	Documents []DocumentResult `json:"documents"`
	Events    int              `json:"events"`
}

func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	docs, err := s.readDocuments(w, r)
	if err != nil {
		return err
	}
	if s.cfg.Queue != nil {
		return s.queueDocuments(w, r, docs)
	}
	recs, err := s.codeAll(r.Context(), docs, pipeline.Store(s.cfg.Store))
	if err != nil {
		return err
	}
	s.extendWrite(w)
	res := PostResult{Documents: make([]DocumentResult, len(recs))}
	for i, rec := range recs {
		res.Documents[i] = DocumentResult{ID: rec.Doc.ID, Events: len(rec.Events)}
		res.Events += len(rec.Events)
	}
	s.metrics.stored(len(recs), res.Events)
	return writeJSON(w, http.StatusOK, res)
}

// CodedView is a coded document with its text split at highlight boundaries.
type CodedView struct {
	Document *egret.Document `json:"document"`
	Events   any             `json:"events"`
	Segments []Segment       `json:"segments"`
}

func (s *Server) postCode(w http.ResponseWriter, r *http.Request) error {
	docs, err := s.readDocuments(w, r)
	if err != nil {
		return err
	}
	if len(docs) > 100 {
		return egret.Errorf(egret.ETOOLARGE, "%d documents: preview codes at most 100, store larger batches with POST /api/v1/documents", len(docs))
	}
	recs, err := s.codeAll(r.Context(), docs, &pipeline.Capture{})
	if err != nil {
		return err
	}
	s.extendWrite(w)
	out := struct {
		Documents []CodedView `json:"documents"`
	}{}
	for _, rec := range recs {
		evs := rec.Events
		if evs == nil {
			evs = []egret.Event{}
		}
		out.Documents = append(out.Documents, CodedView{Document: rec.Doc, Events: evs, Segments: Highlight(rec.Doc.Text, evs)})
	}
	return writeJSON(w, http.StatusOK, out)
}

// filterFrom reads an event filter from query parameters, rejecting
// unknown ones so a misspelt filter is not silently ignored.
func filterFrom(r *http.Request, extra ...string) (egret.EventFilter, error) {
	q := r.URL.Query()
	known := map[string]bool{"source": true, "target": true, "cameo": true, "plover": true, "quad_class": true, "from": true, "to": true, "q": true, "doc_id": true, "cursor": true, "limit": true}
	for _, e := range extra {
		known[e] = true
	}
	for k := range q {
		if !known[k] {
			return egret.EventFilter{}, egret.Errorf(egret.EINVALID, "unknown parameter %q", k)
		}
	}
	f := egret.EventFilter{
		Source: strings.ToUpper(q.Get("source")), Target: strings.ToUpper(q.Get("target")), CAMEO: q.Get("cameo"),
		PLOVER: strings.ToUpper(q.Get("plover")), From: q.Get("from"), To: q.Get("to"), Query: q.Get("q"),
		DocID: q.Get("doc_id"), Cursor: q.Get("cursor"),
	}
	for _, p := range []struct {
		name string
		dst  *int
	}{{"quad_class", &f.QuadClass}, {"limit", &f.Limit}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return f, egret.Errorf(egret.EINVALID, "%s: %q is not a number", p.name, v)
			}
			*p.dst = n
		}
	}
	if f.PLOVER != "" && !ploverTypes[f.PLOVER] {
		return f, egret.Errorf(egret.EINVALID, "plover: %q is not a PLOVER event type", f.PLOVER)
	}
	return f, nil
}

var ploverTypes = map[string]bool{}

func init() {
	for _, t := range strings.Fields("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT") {
		ploverTypes[t] = true
	}
}

func (s *Server) getEvents(w http.ResponseWriter, r *http.Request) error {
	f, err := filterFrom(r)
	if err != nil {
		return err
	}
	page, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

func (s *Server) getSeries(w http.ResponseWriter, r *http.Request) error {
	f, err := filterFrom(r, "interval", "split", "dyad")
	if err != nil {
		return err
	}
	sq := egret.SeriesQuery{Filter: f, Interval: r.URL.Query().Get("interval"), Split: r.URL.Query().Get("split")}
	switch v := r.URL.Query().Get("dyad"); v {
	case "", "0", "false":
	case "1", "true":
		sq.Dyad = true
	default:
		return egret.Errorf(egret.EINVALID, "dyad: %q is not true or false", v)
	}
	pts, err := s.cfg.Store.Series(r.Context(), sq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"interval": sq.Interval, "split": sq.Split, "dyad": sq.Dyad, "points": pts})
}

func (s *Server) getActors(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for k := range q {
		if k != "prefix" && k != "role" && k != "limit" {
			return egret.Errorf(egret.EINVALID, "unknown parameter %q", k)
		}
	}
	aq := egret.ActorQuery{Prefix: strings.ToUpper(q.Get("prefix")), Role: q.Get("role")}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return egret.Errorf(egret.EINVALID, "limit: %q is not a positive number", v)
		}
		aq.Limit = n
	}
	acts, err := s.cfg.Store.Actors(r.Context(), aq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"actors": acts})
}

// DocumentView is a stored document with one page of its events and
// the text cut at their spans (marks index the page's events).
type DocumentView struct {
	Document    *egret.Document     `json:"document"`
	Events      []egret.StoredEvent `json:"events"`
	Segments    []Segment           `json:"segments"`
	TotalEvents int                 `json:"total_events"`
	NextCursor  string              `json:"next_cursor,omitempty"`
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	dq := egret.DocumentQuery{ID: r.PathValue("id"), Cursor: q.Get("cursor")}
	for k := range q {
		if k != "cursor" && k != "limit" && k != "event" {
			return egret.Errorf(egret.EINVALID, "unknown parameter %q", k)
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "limit: %q is not a number", v)
		}
		dq.Limit = n
	}
	if v := q.Get("event"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "event: %q is not an event id", v)
		}
		dq.Event = n
	}
	page, err := s.cfg.Store.Document(r.Context(), dq)
	if err != nil {
		return err
	}
	plain := make([]egret.Event, len(page.Events))
	for i := range page.Events {
		plain[i] = page.Events[i].Event
	}
	return writeJSON(w, http.StatusOK, DocumentView{Document: page.Document, Events: page.Events, Segments: Highlight(page.Document.Text, plain),
		TotalEvents: page.Total, NextCursor: page.NextCursor})
}

func (s *Server) getHealth(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
		s.cfg.Logger.Error("health check failed", "err", err)
		return writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "store unreachable"})
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}
