package nats

import (
	"context"
	"encoding/json"
	"errors"
	"sync/atomic"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/pipeline"
)

// The publishing side. Reads: documents (records of a pipeline run).
// Writes: one message a document on Config.Subject.<source>, its body
// the document as JSON (the form docio reads), its Nats-Msg-Id the
// document's ContentHash, so the stream drops a copy published within
// Config.Duplicates; returns once the stream stored each message.

// window is how many messages are in flight (published, not yet
// confirmed) at once.
const window = 256

// Publisher queues documents on the stream. It is a pipeline.Sink: the
// sink of `ingest --nats`, `watch --nats` and `serve --nats`.
type Publisher struct {
	c *Conn
	// Published counts messages stored, Duplicates those the stream had
	// already, Waits the times a publish waited on a full stream or an
	// unreachable server.
	Published, Duplicates, Waits atomic.Int64
}

// Publisher returns a publisher on c.
func (c *Conn) Publisher() *Publisher { return &Publisher{c: c} }

// Queued is what became of one published document.
type Queued struct {
	ID        string `json:"id"`
	MsgID     string `json:"msg_id"`
	Subject   string `json:"subject"`
	Seq       uint64 `json:"stream_seq"`
	Duplicate bool   `json:"duplicate"` // the stream already held this document
}

// message is a document as a queue message body: docio's JSON form,
// the date in RFC 3339 and absent when the document has none.
type message struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Author string `json:"author,omitempty"`
}

func encode(d *egret.Document) ([]byte, error) {
	m := message{ID: d.ID, Title: d.Title, Text: d.Text, Source: d.Source, URL: d.URL, Author: d.Author}
	if !d.Date.IsZero() {
		m.Date = d.Date.UTC().Format(time.RFC3339Nano)
	}
	return json.Marshal(&m)
}

// Write queues the records' documents (pipeline.Sink). A document the
// stream refuses for good (larger than its message limit) is named in
// an *egret.BatchError; the others are queued.
func (p *Publisher) Write(ctx context.Context, recs []*pipeline.Record) error {
	docs := make([]*egret.Document, len(recs))
	for i, rec := range recs {
		docs[i] = rec.Doc
	}
	_, err := p.Publish(ctx, docs)
	return err
}

// Publish queues docs and returns, in order, what became of each, once
// the stream stored them all. While the stream is full (its MaxMsgs or
// MaxBytes reached) or no server answers, it waits and tries again until
// ctx ends: publishers slow down to the pace of the workers. A document
// refused for good is named in an *egret.BatchError and has no Seq.
func (p *Publisher) Publish(ctx context.Context, docs []*egret.Document) ([]Queued, error) {
	cfg := &p.c.cfg
	out := make([]Queued, len(docs))
	msgs := make([]*natsgo.Msg, len(docs))
	var bad *egret.BatchError
	refuse := func(i int, err error) {
		if bad == nil {
			bad = &egret.BatchError{Total: len(docs)}
		}
		bad.Skipped = append(bad.Skipped, egret.RecordError{Index: i, ID: docs[i].ID, Err: err})
	}
	var todo []int
	for i, d := range docs {
		body, err := encode(d)
		if err != nil {
			refuse(i, egret.Errorf(egret.EINVALID, "document %q: %v", d.ID, err))
			continue
		}
		out[i] = Queued{ID: d.ID, MsgID: egret.ContentHash(d), Subject: cfg.DocSubject(d)}
		if len(body) > int(cfg.MaxMsgSize) {
			refuse(i, egret.Errorf(egret.ETOOLARGE, "document %q: %d bytes as a message, more than the queue's limit of %d", d.ID, len(body), cfg.MaxMsgSize))
			continue
		}
		m := natsgo.NewMsg(out[i].Subject)
		m.Data = body
		m.Header.Set(jetstream.MsgIDHeader, out[i].MsgID)
		msgs[i] = m
		todo = append(todo, i)
	}
	delay := 50 * time.Millisecond
	waiting := false
	for len(todo) > 0 {
		var retry []int
		var why error
		for len(todo) > 0 {
			chunk := todo[:min(window, len(todo))]
			todo = todo[len(chunk):]
			r, err, stop := p.publishChunk(ctx, msgs, chunk, out, refuse)
			if stop != nil {
				return out, stop
			}
			retry = append(retry, r...)
			if err != nil {
				why = err
			}
		}
		if len(retry) == 0 {
			break
		}
		// A message id makes the next try safe: one the stream stored
		// before its confirmation was lost is dropped as a duplicate.
		p.Waits.Add(1)
		if !waiting {
			p.c.logger.Warn("queue full or unreachable: waiting to publish", "stream", cfg.Stream, "documents", len(retry), "err", why)
			waiting = true
		}
		select {
		case <-ctx.Done():
			return out, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
		todo = retry
	}
	if waiting {
		p.c.logger.Info("queue taking documents again", "stream", cfg.Stream)
	}
	if bad != nil {
		return out, bad
	}
	return out, nil
}

// publishChunk publishes msgs[i] for i in chunk and waits for the
// stream's word on each. It returns the indexes to try again and why,
// or the error that stops publishing (ctx ending).
func (p *Publisher) publishChunk(ctx context.Context, msgs []*natsgo.Msg, chunk []int, out []Queued, refuse func(int, error)) (retry []int, why, stop error) {
	futures := make([]jetstream.PubAckFuture, len(chunk))
	for k, i := range chunk {
		f, err := p.c.js.PublishMsgAsync(msgs[i], jetstream.WithExpectStream(p.c.cfg.Stream))
		if err != nil {
			if permanent(err) {
				refuse(i, egret.Errorf(egret.ETOOLARGE, "document %q: %v", out[i].ID, err))
			} else {
				retry, why = append(retry, i), err
			}
			continue
		}
		futures[k] = f
	}
	for k, i := range chunk {
		f := futures[k]
		if f == nil {
			continue
		}
		select {
		case ack := <-f.Ok():
			out[i].Seq, out[i].Duplicate = ack.Sequence, ack.Duplicate
			if ack.Duplicate {
				p.Duplicates.Add(1)
			} else {
				p.Published.Add(1)
			}
		case err := <-f.Err():
			if permanent(err) {
				refuse(i, egret.Errorf(egret.ETOOLARGE, "document %q: %v", out[i].ID, err))
			} else {
				retry, why = append(retry, i), err
			}
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
	return retry, why, nil
}

// permanent reports whether a publish failed for the message itself
// (too large for the server or the stream), not for the moment (a full
// stream, a server restarting).
func permanent(err error) bool {
	var api *jetstream.APIError
	if errors.As(err, &api) && api.ErrorCode == jetstream.JSErrCodeStreamMessageExceedsMaximum {
		return true
	}
	return errors.Is(err, natsgo.ErrMaxPayload)
}
