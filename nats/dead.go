package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/pipeline"
)

// Dead letters. Reads: a message that failed for good, or was delivered
// MaxDeliver times. Writes: the message, whole, on the dead-letter
// subject with why in headers (kept for replay), and a DeadLetter in the
// store (the API and dashboard list them); only then is the message
// taken off the queue, so none is dropped unrecorded.

// Headers of a dead-letter message.
const (
	HeaderError      = "Egret-Error"
	HeaderSubject    = "Egret-Subject"
	HeaderStreamSeq  = "Egret-Stream-Seq"
	HeaderDeliveries = "Egret-Deliveries"
	HeaderWorker     = "Egret-Worker"
)

// deadTimeout bounds recording one dead letter.
const deadTimeout = 10 * time.Second

// deadLetter records a message that failed for good and takes it off
// the queue; if it cannot be recorded, the message is left to come back.
func (s *Source) deadLetter(m jetstream.Msg, meta *jetstream.MsgMetadata, rec *pipeline.Record, cause error) {
	dl := egret.DeadLetter{ID: m.Headers().Get(jetstream.MsgIDHeader), Subject: m.Subject(), Stream: meta.Stream, Seq: meta.Sequence.Stream,
		Deliveries: int(meta.NumDelivered), Error: cause.Error(), Excerpt: string(m.Data()), Worker: s.opts.Worker, FailedAt: s.opts.Now()}
	if rec.Doc != nil {
		dl.DocID = rec.Doc.ID
	}
	ctx, cancel := context.WithTimeout(context.Background(), deadTimeout)
	defer cancel()
	if err := record(ctx, s.c, s.opts.DeadLetters, dl, m.Data()); err != nil {
		s.c.logger.Error("dead letter not recorded; the message will come back", "origin", rec.Origin, "err", err)
		s.Counters.Retried.Add(1)
		m.NakWithDelay(retryDelay(meta.NumDelivered))
		return
	}
	s.Counters.DeadLetters.Add(1)
	s.c.logger.Warn("dead letter", "origin", rec.Origin, "doc_id", dl.DocID, "deliveries", dl.Deliveries, "err", dl.Error)
	if err := m.TermWithReason("dead letter"); err != nil {
		s.c.logger.Warn("termination not sent", "origin", rec.Origin, "err", err)
	}
}

// record publishes a dead letter's message on the dead-letter subject
// and writes it to the store; both are keyed by dl.ID, so recording it
// twice (a retry, two workers) keeps one.
func record(ctx context.Context, c *Conn, store egret.DeadLetters, dl egret.DeadLetter, data []byte) error {
	if dl.ID == "" {
		dl.ID = dl.Stream + ":" + strconv.FormatUint(dl.Seq, 10)
	}
	m := natsgo.NewMsg(c.cfg.deadSubjectFor(dl.Subject))
	m.Data = data
	m.Header.Set(jetstream.MsgIDHeader, dl.ID)
	m.Header.Set(HeaderError, headerValue(dl.Error))
	m.Header.Set(HeaderSubject, dl.Subject)
	m.Header.Set(HeaderStreamSeq, strconv.FormatUint(dl.Seq, 10))
	m.Header.Set(HeaderDeliveries, strconv.Itoa(dl.Deliveries))
	m.Header.Set(HeaderWorker, dl.Worker)
	if _, err := c.js.PublishMsg(ctx, m, jetstream.WithExpectStream(c.cfg.DeadStream)); err != nil {
		return fmt.Errorf("publish on %s: %w", m.Subject, err)
	}
	if err := store.PutDeadLetter(ctx, dl); err != nil {
		return err
	}
	return nil
}

// headerValue keeps a header one line of bounded length.
func headerValue(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	if len(b) > 1024 {
		b = b[:1024]
	}
	return string(b)
}

// exhausted is the server's advisory of a message delivered MaxDeliver
// times without being acknowledged.
type exhausted struct {
	Stream     string `json:"stream"`
	Consumer   string `json:"consumer"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// Exhausted records as dead letters the messages the server stopped
// delivering after MaxDeliver deliveries whose worker never settled
// them (it died, or hung past AckWait, each time: a document that kills
// its worker), until ctx ends. Every worker runs it; the advisories are
// kept in a stream, so none is missed while no worker runs.
func (c *Conn) Exhausted(ctx context.Context, worker string, store egret.DeadLetters, now func() time.Time) error {
	if now == nil {
		now = time.Now
	}
	cons, err := c.js.Consumer(ctx, c.cfg.exhaustedStream(), c.cfg.Consumer)
	if err != nil {
		return fmt.Errorf("nats: consumer %s of %s: %w", c.cfg.Consumer, c.cfg.exhaustedStream(), err)
	}
	docs, err := c.js.Stream(ctx, c.cfg.Stream)
	if err != nil {
		return fmt.Errorf("nats: stream %s: %w", c.cfg.Stream, err)
	}
	for ctx.Err() == nil {
		batch, err := cons.Fetch(10, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		for m := range batch.Messages() {
			if err := c.exhausted(ctx, docs, m, worker, store, now); err != nil {
				c.logger.Error("dead letter not recorded; trying again", "advisory", string(m.Data()), "err", err)
				m.NakWithDelay(5 * time.Second)
				continue
			}
			m.Ack()
		}
	}
	return nil
}

// exhausted records the message one advisory names and deletes it from
// the queue.
func (c *Conn) exhausted(ctx context.Context, docs jetstream.Stream, m jetstream.Msg, worker string, store egret.DeadLetters, now func() time.Time) error {
	var adv exhausted
	if err := json.Unmarshal(m.Data(), &adv); err != nil || adv.StreamSeq == 0 {
		c.logger.Error("unreadable max-deliveries advisory", "data", string(m.Data()), "err", err)
		return nil // nothing to recover from it
	}
	// Once begun, recording and deleting finish even if the worker is
	// stopping: a message recorded but left on the queue would only be
	// recorded again, but there is no need.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deadTimeout)
	defer cancel()
	msg, err := docs.GetMsg(ctx, adv.StreamSeq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil // settled meanwhile (a late acknowledgement, a dead letter)
	}
	if err != nil {
		return err
	}
	dl := egret.DeadLetter{ID: msg.Header.Get(jetstream.MsgIDHeader), Subject: msg.Subject, Stream: c.cfg.Stream, Seq: adv.StreamSeq,
		Deliveries: int(adv.Deliveries), Excerpt: string(msg.Data), Worker: worker, FailedAt: now(),
		Error: fmt.Sprintf("delivered %d times and never settled: each worker holding it stopped or went silent for longer than AckWait", adv.Deliveries)}
	var doc message
	if json.Unmarshal(msg.Data, &doc) == nil {
		dl.DocID = doc.ID
	}
	if err := record(ctx, c, store, dl, msg.Data); err != nil {
		return err
	}
	c.logger.Warn("dead letter", "origin", fmt.Sprintf("%s#%d", msg.Subject, adv.StreamSeq), "doc_id", dl.DocID, "deliveries", dl.Deliveries, "err", dl.Error)
	if err := docs.DeleteMsg(ctx, adv.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return fmt.Errorf("delete %d from %s: %w", adv.StreamSeq, c.cfg.Stream, err)
	}
	return nil
}
