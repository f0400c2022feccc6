package nats

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/pipeline"
)

// The workers' side. Reads: messages of the shared durable consumer, a
// bounded batch at a time. Writes: a Record a message, decoded by docio
// (the decoder of files and HTTP), its Revision the time the stream
// stored it; its Ack settles the message once the run is through with
// it: acknowledged after the store committed, terminated into a dead
// letter when the failure would recur (or it was delivered MaxDeliver
// times), handed back for redelivery otherwise.

// SourceOptions configure a worker's Source.
type SourceOptions struct {
	// Worker names this worker in dead letters, logs and its totals.
	Worker string
	// Batch is the most messages fetched at once [100]: the worker's
	// prefetch and the documents of one store transaction.
	Batch int
	// Stop, when done, ends Read: the messages already taken are coded,
	// stored and acknowledged, none more is fetched (graceful shutdown).
	Stop <-chan struct{}
	// Versions, when set, is asked before coding which documents the
	// store already holds: a message whose document is stored with the
	// same content hash (a redelivery after the ack was lost, a copy
	// republished after the stream forgot its id) is acknowledged
	// without coding. Recode turns this off.
	Versions egret.DocumentVersions
	Recode   bool
	// DeadLetters records dead letters (required).
	DeadLetters egret.DeadLetters
	// MaxText bounds a document's text [1 MiB], as the HTTP API does.
	MaxText int
	// Now is the clock of dead letters [time.Now].
	Now func() time.Time
}

// Counters are a worker's running totals (egret.WorkerStats).
type Counters struct {
	Received, Redelivered, Stored, Unchanged, Events, Sentences, Retried, DeadLetters atomic.Int64
}

// Source is a worker's pipeline.Source over the shared consumer; run it
// with pipeline.Config.Resilient.
type Source struct {
	c    *Conn
	cons jetstream.Consumer
	opts SourceOptions
	// Counters are the worker's totals so far.
	Counters Counters

	mu       sync.Mutex
	inflight map[jetstream.Msg]struct{}
}

// Source binds the workers' consumer (Setup creates it).
func (c *Conn) Source(ctx context.Context, opts SourceOptions) (*Source, error) {
	if opts.DeadLetters == nil {
		return nil, errors.New("nats: SourceOptions.DeadLetters is nil")
	}
	if opts.Batch <= 0 {
		opts.Batch = 100
	}
	if opts.MaxText <= 0 {
		opts.MaxText = 1 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	cons, err := c.js.Consumer(ctx, c.cfg.Stream, c.cfg.Consumer)
	if err != nil {
		return nil, fmt.Errorf("nats: consumer %s of %s: %w", c.cfg.Consumer, c.cfg.Stream, err)
	}
	return &Source{c: c, cons: cons, opts: opts, inflight: map[jetstream.Msg]struct{}{}}, nil
}

// Read fetches and emits until Stop (or ctx) is done; fetch failures (a
// server restarting) are logged and retried.
func (s *Source) Read(ctx context.Context, emit func(*pipeline.Record) error) error {
	hbCtx, stopHB := context.WithCancel(context.Background())
	defer stopHB()
	go s.heartbeat(hbCtx)
	failing := false
	for {
		select {
		case <-s.opts.Stop:
			return nil
		case <-ctx.Done():
			return nil
		default:
		}
		msgs, err := s.fetch()
		if err != nil {
			if !failing {
				s.c.logger.Warn("cannot fetch from the queue; retrying", "err", err)
				failing = true
			}
			select {
			case <-time.After(250 * time.Millisecond):
			case <-s.opts.Stop:
			case <-ctx.Done():
			}
			continue
		}
		if failing {
			s.c.logger.Info("fetching from the queue again")
			failing = false
		}
		recs := s.records(ctx, msgs)
		for i, rec := range recs {
			rec.Flush = i == len(recs)-1
			if err := emit(rec); err != nil {
				// The run is stopping: what it did not take goes back.
				for _, r := range recs[i:] {
					r.Ack(err)
				}
				return nil
			}
		}
	}
}

// fetch waits up to a second for one message, then takes what else is
// there up to Batch without waiting: full batches under load, no delay
// for a lone document.
func (s *Source) fetch() ([]jetstream.Msg, error) {
	first, err := s.cons.Fetch(1, jetstream.FetchMaxWait(time.Second))
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for m := range first.Messages() {
		msgs = append(msgs, m)
	}
	if err := first.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
		return msgs, nil // what came is kept; the next fetch says more
	}
	if len(msgs) == 0 || s.opts.Batch == 1 {
		s.track(msgs)
		return msgs, nil
	}
	rest, err := s.cons.FetchNoWait(s.opts.Batch - 1)
	if err == nil {
		for m := range rest.Messages() {
			msgs = append(msgs, m)
		}
	}
	s.track(msgs)
	return msgs, nil
}

// track keeps msgs in the set whose deadlines the heartbeat extends.
func (s *Source) track(msgs []jetstream.Msg) {
	s.mu.Lock()
	for _, m := range msgs {
		s.inflight[m] = struct{}{}
	}
	s.mu.Unlock()
}

func (s *Source) untrack(m jetstream.Msg) {
	s.mu.Lock()
	delete(s.inflight, m)
	s.mu.Unlock()
}

// heartbeat tells the server, every third of AckWait, that the messages
// held are being worked on, so AckWait bounds how soon a dead worker's
// messages are delivered again, not how long a batch may take.
func (s *Source) heartbeat(ctx context.Context) {
	t := time.NewTicker(max(s.c.cfg.AckWait/3, 100*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		held := make([]jetstream.Msg, 0, len(s.inflight))
		for m := range s.inflight {
			held = append(held, m)
		}
		s.mu.Unlock()
		for _, m := range held {
			m.InProgress()
		}
	}
}

// records decodes msgs into records and acknowledges at once those
// whose documents are stored already.
func (s *Source) records(ctx context.Context, msgs []jetstream.Msg) []*pipeline.Record {
	recs := make([]*pipeline.Record, 0, len(msgs))
	held := make([]jetstream.Msg, 0, len(msgs))
	var ids []string
	for _, m := range msgs {
		s.Counters.Received.Add(1)
		meta, err := m.Metadata()
		if err != nil {
			// Not a JetStream message: nothing to settle or record.
			s.c.logger.Error("queue message without metadata", "subject", m.Subject(), "err", err)
			s.untrack(m)
			continue
		}
		if meta.NumDelivered > 1 {
			s.Counters.Redelivered.Add(1)
		}
		rec := &pipeline.Record{Origin: fmt.Sprintf("%s#%d", m.Subject(), meta.Sequence.Stream), Revision: meta.Timestamp.UnixNano()}
		rd := &docio.Reader{Name: rec.Origin, Format: docio.FormatJSON, RequireID: true, MaxText: s.opts.MaxText,
			Bad: func(b docio.BadRecord) { rec.Err = &egret.Error{Code: b.Code, Message: rec.Origin + ": " + b.Err} }}
		if err := rd.Read(bytes.NewReader(m.Data()), func(d *egret.Document) error { rec.Doc = d; return nil }); err != nil && rec.Err == nil {
			rec.Err = egret.Errorf(egret.EINVALID, "%s: %v", rec.Origin, err)
		}
		if rec.Doc == nil && rec.Err == nil {
			rec.Err = egret.Errorf(egret.EINVALID, "%s: no document", rec.Origin)
		}
		if rec.Err != nil {
			rec.Doc = nil
		}
		rec.Ack = s.settle(m, meta, rec)
		if rec.Doc != nil {
			ids = append(ids, rec.Doc.ID)
		}
		recs = append(recs, rec)
		held = append(held, m)
	}
	if s.opts.Versions == nil || s.opts.Recode || len(ids) == 0 {
		return recs
	}
	stored, err := s.opts.Versions.DocumentVersions(ctx, ids)
	if err != nil {
		s.c.logger.Warn("cannot read stored versions; coding the batch", "err", err)
		return recs
	}
	// Stored with the same content: acknowledged without coding. A copy
	// published later (its revision above the stored one) first raises
	// the stored revision, so an older version coded late still yields.
	same := map[int]bool{}
	raise := map[string]egret.DocumentVersion{}
	for i, rec := range recs {
		if rec.Doc == nil {
			continue
		}
		if v, ok := stored[rec.Doc.ID]; ok && v.Hash == egret.ContentHash(rec.Doc) {
			same[i] = true
			if v.Revision < rec.Revision && rec.Revision > raise[rec.Doc.ID].Revision {
				raise[rec.Doc.ID] = egret.DocumentVersion{Hash: v.Hash, Revision: rec.Revision}
			}
		}
	}
	if len(raise) > 0 {
		raised, err := s.opts.Versions.RaiseRevisions(ctx, raise)
		if err != nil {
			s.c.logger.Warn("cannot raise stored revisions; coding the batch", "err", err)
			return recs
		}
		for i, rec := range recs {
			if same[i] && raise[rec.Doc.ID].Hash != "" && !raised[rec.Doc.ID] {
				delete(same, i) // changed meanwhile: code it
			}
		}
	}
	kept := recs[:0]
	for i, rec := range recs {
		if same[i] {
			s.Counters.Unchanged.Add(1)
			s.untrack(held[i])
			held[i].Ack()
			continue
		}
		kept = append(kept, rec)
	}
	return kept
}

// settle is a record's Ack: what becomes of its message once the run is
// through with it.
func (s *Source) settle(m jetstream.Msg, meta *jetstream.MsgMetadata, rec *pipeline.Record) func(error) {
	return func(err error) {
		defer s.untrack(m)
		stopping := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
		switch {
		case err == nil:
			if aerr := m.Ack(); aerr != nil {
				// Stored, but the server may deliver it again: the store's
				// versions make that a no-op.
				s.c.logger.Warn("acknowledgement not sent", "origin", rec.Origin, "err", aerr)
			}
			s.Counters.Stored.Add(1)
			s.Counters.Events.Add(int64(len(rec.Events)))
			s.Counters.Sentences.Add(int64(rec.Sentences))
		case stopping:
			// The worker is shutting down: another takes it now.
			m.Nak()
		case pipeline.Permanent(err) || meta.NumDelivered >= uint64(s.c.cfg.MaxDeliver):
			s.deadLetter(m, meta, rec, err)
		default:
			s.Counters.Retried.Add(1)
			m.NakWithDelay(retryDelay(meta.NumDelivered))
		}
	}
}

// retryDelay spaces the deliveries of a message that failed for the
// moment (a store unreachable): 1 s, 2 s, 4 s... at most a minute.
func retryDelay(delivered uint64) time.Duration {
	return min(time.Second<<min(delivered-1, 6), time.Minute)
}
