package http

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"
)

// buckets are the latency histogram's upper bounds in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type reqKey struct {
	route, method string
	code          int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	n      uint64
}

// metrics are counted in memory and written in the Prometheus text format
// by hand; a client library would be a dependency for twenty lines.
type metrics struct {
	mu        sync.Mutex
	requests  map[reqKey]uint64
	latency   map[string]*histogram
	docsCoded uint64
	evsCoded  uint64
	docsStore uint64
	evsStore  uint64
	docsQueue uint64
	started   time.Time
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]uint64{}, latency: map[string]*histogram{}, started: time.Now()}
}

func (m *metrics) observe(route, method string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, method, code}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(buckets))}
		m.latency[route] = h
	}
	sec := d.Seconds()
	for i, b := range buckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.n++
}

func (m *metrics) coded(docs, events int) {
	m.mu.Lock()
	m.docsCoded += uint64(docs)
	m.evsCoded += uint64(events)
	m.mu.Unlock()
}

func (m *metrics) stored(docs, events int) {
	m.mu.Lock()
	m.docsStore += uint64(docs)
	m.evsStore += uint64(events)
	m.mu.Unlock()
}

func (m *metrics) queued(docs int) {
	m.mu.Lock()
	m.docsQueue += uint64(docs)
	m.mu.Unlock()
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP egret_http_requests_total HTTP requests by route, method and status code.")
	fmt.Fprintln(w, "# TYPE egret_http_requests_total counter")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.code < b.code
	})
	for _, k := range keys {
		fmt.Fprintf(w, "egret_http_requests_total{route=%s,method=%s,code=\"%d\"} %d\n", strconv.Quote(k.route), strconv.Quote(k.method), k.code, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP egret_http_request_duration_seconds HTTP request latency by route.")
	fmt.Fprintln(w, "# TYPE egret_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, b := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "egret_http_request_duration_seconds_bucket{route=%s,le=\"%g\"} %d\n", strconv.Quote(r), b, cum)
		}
		fmt.Fprintf(w, "egret_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", strconv.Quote(r), h.n)
		fmt.Fprintf(w, "egret_http_request_duration_seconds_sum{route=%s} %g\n", strconv.Quote(r), h.sum)
		fmt.Fprintf(w, "egret_http_request_duration_seconds_count{route=%s} %d\n", strconv.Quote(r), h.n)
	}
	for _, c := range []struct {
		name, help string
		v          uint64
	}{
		{"egret_documents_coded_total", "Documents coded by this process.", m.docsCoded},
		{"egret_events_coded_total", "Events coded by this process.", m.evsCoded},
		{"egret_documents_stored_total", "Documents stored by this process.", m.docsStore},
		{"egret_events_stored_total", "Events stored by this process.", m.evsStore},
		{"egret_documents_queued_total", "Documents this process queued for workers.", m.docsQueue},
	} {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", c.name, c.help, c.name, c.name, c.v)
	}
	fmt.Fprintf(w, "# HELP egret_uptime_seconds Seconds since the server started.\n# TYPE egret_uptime_seconds gauge\negret_uptime_seconds %g\n", time.Since(m.started).Seconds())
}

func (s *Server) getMetrics(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	st, err := s.cfg.Store.Stats(ctx)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
	s.writeWatchMetrics(w)
	s.writeQueueMetrics(ctx, w)
	up := 1
	if err != nil {
		up = 0
		s.cfg.Logger.Error("metrics: store stats", "err", err)
	}
	fmt.Fprintf(w, "# HELP egret_store_up Whether the store answered.\n# TYPE egret_store_up gauge\negret_store_up %d\n", up)
	if err == nil {
		fmt.Fprintf(w, "# HELP egret_store_documents Documents in the store.\n# TYPE egret_store_documents gauge\negret_store_documents %d\n", st.Documents)
		fmt.Fprintf(w, "# HELP egret_store_events Events in the store.\n# TYPE egret_store_events gauge\negret_store_events %d\n", st.Events)
	}
	return nil
}
