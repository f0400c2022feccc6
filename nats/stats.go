package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
)

// Stats returns the queue's depth and lag, the dead letters on the
// dead-letter subject and the totals the workers last reported.
func (c *Conn) Stats(ctx context.Context) (egret.QueueStats, error) {
	qs := egret.QueueStats{Stream: c.cfg.Stream, Consumer: c.cfg.Consumer, Workers: []egret.WorkerStats{}}
	st, err := c.js.Stream(ctx, c.cfg.Stream)
	if err != nil {
		return qs, fmt.Errorf("nats: stream %s: %w", c.cfg.Stream, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		return qs, fmt.Errorf("nats: stream %s: %w", c.cfg.Stream, err)
	}
	qs.Depth, qs.Bytes = info.State.Msgs, info.State.Bytes
	if qs.Depth > 0 && !info.State.FirstTime.IsZero() {
		// Work-queue retention: the first message is the oldest not yet
		// acknowledged.
		qs.LagSeconds = max(time.Since(info.State.FirstTime).Seconds(), 0)
	}
	if cons, err := st.Consumer(ctx, c.cfg.Consumer); err == nil {
		if ci, err := cons.Info(ctx); err == nil {
			qs.Pending, qs.AckPending, qs.Redelivered = ci.NumPending, ci.NumAckPending, ci.NumRedelivered
		}
	} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return qs, fmt.Errorf("nats: consumer %s: %w", c.cfg.Consumer, err)
	} else {
		qs.Pending = qs.Depth // no worker ever ran
	}
	if dead, err := c.js.Stream(ctx, c.cfg.DeadStream); err == nil {
		if di, err := dead.Info(ctx); err == nil {
			qs.DeadLetters = di.State.Msgs
		}
	}
	ws, err := c.Workers(ctx)
	if err != nil {
		return qs, err
	}
	qs.Workers = ws
	return qs, nil
}

// Workers returns the totals of the workers that reported in the
// bucket's TTL, by name.
func (c *Conn) Workers(ctx context.Context) ([]egret.WorkerStats, error) {
	kv, err := c.js.KeyValue(ctx, c.cfg.workersBucket())
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return []egret.WorkerStats{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("nats: workers bucket: %w", err)
	}
	lister, err := kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("nats: workers bucket: %w", err)
	}
	out := []egret.WorkerStats{}
	for key := range lister.Keys() {
		e, err := kv.Get(ctx, key)
		if err != nil {
			continue // expired meanwhile
		}
		var ws egret.WorkerStats
		if json.Unmarshal(e.Value(), &ws) == nil {
			out = append(out, ws)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Worker < out[j].Worker })
	return out, nil
}

// ReportWorker puts the worker's totals in the workers' bucket every
// `every` until ctx ends, and once more then.
func (c *Conn) ReportWorker(ctx context.Context, every time.Duration, stats func() egret.WorkerStats) {
	kv, err := c.js.KeyValue(ctx, c.cfg.workersBucket())
	if err != nil {
		c.logger.Warn("workers bucket unavailable: totals not reported", "err", err)
		return
	}
	put := func(ctx context.Context) {
		ws := stats()
		b, _ := json.Marshal(ws)
		if _, err := kv.Put(ctx, WorkerKey(ws.Worker), b); err != nil && ctx.Err() == nil {
			c.logger.Debug("worker totals not reported", "err", err)
		}
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			put(fctx)
			cancel()
			return
		case <-t.C:
			put(ctx)
		}
	}
}

// WorkerKey maps a worker's name to a bucket key.
func WorkerKey(name string) string { return token(name, "worker") }

// Stats returns the worker's totals so far, started at started.
func (s *Source) Stats(started time.Time) egret.WorkerStats {
	c := &s.Counters
	return egret.WorkerStats{Worker: s.opts.Worker, Started: started, Updated: time.Now().UTC(),
		Received: c.Received.Load(), Redelivered: c.Redelivered.Load(), Stored: c.Stored.Load(), Unchanged: c.Unchanged.Load(),
		Events: c.Events.Load(), Sentences: c.Sentences.Load(), Retried: c.Retried.Load(), DeadLetters: c.DeadLetters.Load()}
}
