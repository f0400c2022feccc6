package http

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/pipeline"
)

// Queue is the work queue of a scaled-out deployment (serve --nats):
// POSTed documents are published on it for workers to code and store,
// and its depth, lag and workers are reported.
type Queue interface {
	pipeline.Sink
	Stats(ctx context.Context) (egret.QueueStats, error)
}

// QueuedResult is the answer of POST /api/v1/documents when the server
// queues documents: 202 Accepted, the documents checked and durably
// queued; workers code and store them.
type QueuedResult struct {
	Queued    int      `json:"queued"`
	Documents []string `json:"documents"`
}

// queueDocuments checks a request's documents as the store would and
// queues them, all or none.
func (s *Server) queueDocuments(w http.ResponseWriter, r *http.Request, docs []*egret.Document) error {
	recs := make([]*pipeline.Record, len(docs))
	for i, d := range docs {
		recs[i] = &pipeline.Record{Origin: fmt.Sprintf("document %q", d.ID), Doc: d}
	}
	if _, err := pipeline.Run(r.Context(), pipeline.Config{Source: pipeline.Records(recs...), Coder: pipeline.Check, Sink: s.cfg.Queue, Workers: 1, Atomic: true}); err != nil {
		return err
	}
	s.extendWrite(w)
	res := QueuedResult{Queued: len(docs), Documents: make([]string, len(docs))}
	for i, d := range docs {
		res.Documents[i] = d.ID
	}
	s.metrics.queued(len(docs))
	return writeJSON(w, http.StatusAccepted, res)
}

// QueueView is the answer of GET /api/v1/queue.
type QueueView struct {
	// Enabled says whether this server queues documents (serve --nats).
	Enabled bool `json:"enabled"`
	*egret.QueueStats
}

func (s *Server) getQueue(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	if s.cfg.Queue == nil {
		return writeJSON(w, http.StatusOK, QueueView{})
	}
	qs, err := s.cfg.Queue.Stats(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, QueueView{Enabled: true, QueueStats: &qs})
}

func (s *Server) getDeadLetters(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for k := range q {
		if k != "cursor" && k != "limit" {
			return egret.Errorf(egret.EINVALID, "unknown parameter %q", k)
		}
	}
	dq := egret.DeadLetterQuery{Cursor: q.Get("cursor")}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return egret.Errorf(egret.EINVALID, "limit: %q is not a number", v)
		}
		dq.Limit = n
	}
	dls, ok := s.cfg.Store.(egret.DeadLetters)
	if !ok {
		if err := dq.Validate(); err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, egret.DeadLetterPage{DeadLetters: []egret.DeadLetter{}})
	}
	page, err := dls.DeadLetters(r.Context(), dq)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// writeQueueMetrics writes the dead letters recorded in the store and,
// with a queue, its depth, lag and each worker's totals.
func (s *Server) writeQueueMetrics(ctx context.Context, w io.Writer) {
	gauge := func(name, help string, v float64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
	}
	if dls, ok := s.cfg.Store.(egret.DeadLetters); ok {
		if p, err := dls.DeadLetters(ctx, egret.DeadLetterQuery{Limit: 1}); err == nil {
			gauge("egret_dead_letters", "Dead letters recorded in the store: queued documents that failed for good.", float64(p.Total))
		}
	}
	if s.cfg.Queue == nil {
		return
	}
	qs, err := s.cfg.Queue.Stats(ctx)
	up := 1.0
	if err != nil {
		up = 0
		s.cfg.Logger.Error("metrics: queue stats", "err", err)
	}
	gauge("egret_queue_up", "Whether the queue answered.", up)
	if err != nil {
		return
	}
	gauge("egret_queue_depth", "Documents queued and not yet stored.", float64(qs.Depth))
	gauge("egret_queue_pending", "Queued documents no worker has taken yet.", float64(qs.Pending))
	gauge("egret_queue_ack_pending", "Documents taken by workers and not yet acknowledged.", float64(qs.AckPending))
	gauge("egret_queue_redelivering", "Documents being delivered again (a worker failed or died holding them).", float64(qs.Redelivered))
	gauge("egret_queue_lag_seconds", "How long the oldest queued document has waited.", qs.LagSeconds)
	gauge("egret_queue_bytes", "Bytes of queued documents.", float64(qs.Bytes))
	gauge("egret_queue_dead_letters", "Messages on the dead-letter subject.", float64(qs.DeadLetters))
	gauge("egret_queue_workers", "Workers that reported in the last minute.", float64(len(qs.Workers)))
	for _, c := range []struct {
		name, help string
		v          func(*egret.WorkerStats) float64
	}{
		{"egret_worker_received_total", "Messages a worker took from the queue.", func(x *egret.WorkerStats) float64 { return float64(x.Received) }},
		{"egret_worker_redelivered_total", "Messages a worker took that had been delivered before.", func(x *egret.WorkerStats) float64 { return float64(x.Redelivered) }},
		{"egret_worker_documents_total", "Documents a worker coded and stored.", func(x *egret.WorkerStats) float64 { return float64(x.Stored) }},
		{"egret_worker_unchanged_total", "Documents a worker acknowledged without coding: stored already with the same content.", func(x *egret.WorkerStats) float64 { return float64(x.Unchanged) }},
		{"egret_worker_events_total", "Events of the documents a worker stored.", func(x *egret.WorkerStats) float64 { return float64(x.Events) }},
		{"egret_worker_sentences_total", "Sentences of the documents a worker stored.", func(x *egret.WorkerStats) float64 { return float64(x.Sentences) }},
		{"egret_worker_retried_total", "Documents a worker handed back for another delivery.", func(x *egret.WorkerStats) float64 { return float64(x.Retried) }},
		{"egret_worker_dead_letters_total", "Documents a worker made dead letters.", func(x *egret.WorkerStats) float64 { return float64(x.DeadLetters) }},
		{"egret_worker_cpu_seconds_total", "CPU time of a worker process.", func(x *egret.WorkerStats) float64 { return x.CPUSeconds }},
		{"egret_worker_last_report_timestamp_seconds", "When a worker last reported (Unix time).", func(x *egret.WorkerStats) float64 { return float64(x.Updated.UnixMilli()) / 1000 }},
	} {
		kind := "counter"
		if c.name == "egret_worker_last_report_timestamp_seconds" {
			kind = "gauge"
		}
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", c.name, c.help, c.name, kind)
		for i := range qs.Workers {
			fmt.Fprintf(w, "%s{worker=%s} %g\n", c.name, strconv.Quote(qs.Workers[i].Worker), c.v(&qs.Workers[i]))
		}
	}
}
