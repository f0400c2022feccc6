// Package nats distributes egret's documents over NATS JetStream: publishers queue documents on a work-queue stream, stateless workers pull, code, store and acknowledge them, and poison documents go to a dead-letter subject.
package nats

// The pieces, one a file:
//
//	nats.go      Config (stream, subjects, consumer and their limits),
//	             Connect, Setup (the streams and the workers' consumer).
//	publish.go   Publisher: a pipeline.Sink queuing documents, one message
//	             a document, deduplicated by Nats-Msg-Id, blocking while
//	             the stream is full.
//	source.go    Source: the workers' pipeline.Source, pulling bounded
//	             batches and acknowledging each message after the store
//	             committed its document.
//	dead.go      dead letters: recorded in the store and republished on
//	             the dead-letter subject; messages past MaxDeliver
//	             (workers that died on them) found through the server's
//	             advisories.
//	stats.go     queue depth and lag, workers' totals (a key-value bucket).
//	server.go    an embedded NATS server with JetStream (egret nats, tests).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/egret-events/egret"
)

// Config names egret's streams, subjects and consumer and sets their
// limits; zero fields take the defaults in brackets. Publishers and
// workers of one deployment use the same names.
type Config struct {
	// Stream holds queued documents [EGRET_DOCS]: work-queue retention,
	// so a message leaves it when a worker acknowledges it.
	Stream string
	// Subject prefixes document subjects [egret.docs]: a document is
	// published on Subject.<source>, its source as a subject token.
	Subject string
	// DeadStream and DeadSubject keep dead letters [EGRET_DEAD,
	// egret.dead]: a poison document is republished on
	// DeadSubject.<source> with its error in headers.
	DeadStream  string
	DeadSubject string
	// Consumer is the durable pull consumer the workers share [workers].
	Consumer string

	Replicas int // stream and consumer replicas [1]; 3 on a three-node cluster
	// MaxMsgs and MaxBytes bound the stream [1,000,000 messages, 4 GiB];
	// past them publishers wait (discard-new policy).
	MaxMsgs  int64
	MaxBytes int64
	// MaxMsgSize bounds one message [2 MiB]: a document of up to 1 MiB
	// of text in JSON.
	MaxMsgSize int32
	// Duplicates is how long a message id is remembered [10 minutes]: a
	// document published again within it is dropped by the stream.
	Duplicates time.Duration
	// AckWait is how long a worker may hold a message without word
	// before it is delivered to another [30 s]; workers report progress
	// on long batches, so it bounds how soon a dead worker's messages
	// come back, not how long coding may take.
	AckWait time.Duration
	// MaxDeliver bounds deliveries of one message [5]: one that failed
	// that many times becomes a dead letter.
	MaxDeliver int
	// MaxAckPending bounds messages held by all workers at once [1,000].
	MaxAckPending int
	// ConnectWait is how long Connect keeps trying a server that does not
	// answer yet [30 s]: a worker started while the cluster restarts
	// waits for it instead of exiting.
	ConnectWait time.Duration
}

// Defaults fills in the zero fields.
func (c *Config) Defaults() {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Stream, "EGRET_DOCS")
	def(&c.Subject, "egret.docs")
	def(&c.DeadStream, "EGRET_DEAD")
	def(&c.DeadSubject, "egret.dead")
	def(&c.Consumer, "workers")
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.MaxMsgs <= 0 {
		c.MaxMsgs = 1_000_000
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = 4 << 30
	}
	if c.MaxMsgSize <= 0 {
		c.MaxMsgSize = 2 << 20
	}
	if c.Duplicates <= 0 {
		c.Duplicates = 10 * time.Minute
	}
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 1000
	}
	if c.ConnectWait <= 0 {
		c.ConnectWait = 30 * time.Second
	}
}

// exhaustedStream captures the server's advisories of messages that
// reached MaxDeliver, so none is missed while no worker listens.
func (c *Config) exhaustedStream() string { return c.Stream + "_EXHAUSTED" }

func (c *Config) exhaustedSubject() string {
	return "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + c.Stream + "." + c.Consumer
}

// workersBucket is the key-value bucket of workers' totals.
func (c *Config) workersBucket() string { return c.Stream + "_WORKERS" }

// DocSubject is the subject a document is published on: Subject and the
// document's source as one subject token (lower case letters, digits, -
// and _; "none" when it has no source).
func (c *Config) DocSubject(doc *egret.Document) string {
	return c.Subject + "." + subjectToken(doc.Source)
}

// deadSubjectFor is the dead-letter subject of a document subject.
func (c *Config) deadSubjectFor(subject string) string {
	if rest, ok := strings.CutPrefix(subject, c.Subject+"."); ok {
		return c.DeadSubject + "." + rest
	}
	return c.DeadSubject + ".none"
}

// subjectToken maps a source name to a subject token: subjects split
// on dots and treat * and > as wildcards.
func subjectToken(s string) string { return token(strings.ToLower(s), "none") }

// token keeps letters, digits, - and _ of s (others become _), at most
// 64 bytes; empty gives empty. Subject tokens and bucket keys allow them.
func token(s, empty string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 64 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return empty
	}
	return b.String()
}

// Conn is a connection to a NATS server (or cluster) with JetStream.
type Conn struct {
	nc     *natsgo.Conn
	js     jetstream.JetStream
	cfg    Config
	logger *slog.Logger
}

// Connect connects to the servers of url (comma-separated nats:// URLs;
// a token or user:password may be in the URL) under name, reconnecting
// for ever: a server restart pauses work, it does not end it.
func Connect(ctx context.Context, url, name string, cfg Config, logger *slog.Logger) (*Conn, error) {
	if url == "" {
		return nil, egret.Errorf(egret.EINVALID, "--nats: empty; give a nats:// URL")
	}
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg.Defaults()
	opts := []natsgo.Option{natsgo.Name(name), natsgo.MaxReconnects(-1), natsgo.ReconnectWait(250 * time.Millisecond),
		natsgo.RetryOnFailedConnect(false), natsgo.Timeout(5 * time.Second),
		natsgo.DisconnectErrHandler(func(_ *natsgo.Conn, err error) {
			if err != nil {
				logger.Warn("nats disconnected", "err", err)
			}
		}),
		natsgo.ReconnectHandler(func(nc *natsgo.Conn) { logger.Info("nats reconnected", "server", nc.ConnectedUrlRedacted()) }),
	}
	nc, err := natsgo.Connect(url, opts...)
	for deadline := time.Now().Add(cfg.ConnectWait); errors.Is(err, natsgo.ErrNoServers) && time.Now().Before(deadline); {
		// no server answers yet (a restart, a cluster still starting):
		// try again until ConnectWait has passed
		logger.Warn("nats not reachable yet; retrying", "url", redact(url), "err", err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
		nc, err = natsgo.Connect(url, opts...)
	}
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "--nats %s: %v", redact(url), err)
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(256))
	if err != nil {
		nc.Close()
		return nil, err
	}
	return &Conn{nc: nc, js: js, cfg: cfg, logger: logger}, nil
}

// redact hides a URL's credentials in messages.
func redact(url string) string {
	var out []string
	for _, u := range strings.Split(url, ",") {
		if at := strings.LastIndex(u, "@"); at >= 0 {
			if i := strings.Index(u, "://"); i >= 0 && i < at {
				u = u[:i+3] + "***" + u[at:]
			}
		}
		out = append(out, u)
	}
	return strings.Join(out, ",")
}

// Config returns the connection's configuration, defaults filled in.
func (c *Conn) Config() Config { return c.cfg }

// JetStream returns the JetStream context, for tests and tools.
func (c *Conn) JetStream() jetstream.JetStream { return c.js }

// NATS returns the underlying connection.
func (c *Conn) NATS() *natsgo.Conn { return c.nc }

// Close sends what is buffered (acknowledgements included) and closes.
func (c *Conn) Close() {
	c.nc.Flush()
	c.nc.Close()
}

// Setup creates egret's streams and the workers' consumer where they are
// missing. An existing stream keeps its configuration (change it with
// the NATS tools); the consumer is updated to Config's AckWait,
// MaxDeliver and MaxAckPending when workers is true.
func (c *Conn) Setup(ctx context.Context, workers bool) error {
	cfg := c.cfg
	streams := []jetstream.StreamConfig{
		{Name: cfg.Stream, Description: "egret documents waiting to be coded and stored", Subjects: []string{cfg.Subject + ".>"},
			Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Replicas: cfg.Replicas, Discard: jetstream.DiscardNew,
			MaxMsgs: cfg.MaxMsgs, MaxBytes: cfg.MaxBytes, MaxMsgSize: cfg.MaxMsgSize, Duplicates: cfg.Duplicates},
		{Name: cfg.DeadStream, Description: "egret documents that failed for good, with their errors", Subjects: []string{cfg.DeadSubject + ".>"},
			Retention: jetstream.LimitsPolicy, Storage: jetstream.FileStorage, Replicas: cfg.Replicas, Discard: jetstream.DiscardOld,
			MaxBytes: 1 << 30, MaxMsgSize: cfg.MaxMsgSize + 64<<10},
		{Name: cfg.exhaustedStream(), Description: "advisories of egret documents delivered MaxDeliver times", Subjects: []string{cfg.exhaustedSubject()},
			Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Replicas: cfg.Replicas, MaxAge: 30 * 24 * time.Hour},
	}
	for _, sc := range streams {
		if err := c.ensureStream(ctx, sc); err != nil {
			return err
		}
	}
	if _, err := c.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: cfg.workersBucket(), Description: "egret workers' running totals",
		TTL: time.Minute, Storage: jetstream.FileStorage, Replicas: cfg.Replicas}); err != nil {
		return fmt.Errorf("nats: workers bucket: %w", err)
	}
	if !workers {
		return nil
	}
	if _, err := c.js.CreateOrUpdateConsumer(ctx, cfg.Stream, c.consumerConfig()); err != nil {
		return fmt.Errorf("nats: consumer %s: %w", cfg.Consumer, err)
	}
	_, err := c.js.CreateOrUpdateConsumer(ctx, cfg.exhaustedStream(), jetstream.ConsumerConfig{Durable: cfg.Consumer,
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: cfg.AckWait, Replicas: cfg.Replicas})
	if err != nil {
		return fmt.Errorf("nats: consumer %s of %s: %w", cfg.Consumer, cfg.exhaustedStream(), err)
	}
	return nil
}

func (c *Conn) consumerConfig() jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{Durable: c.cfg.Consumer, Description: "egret workers: code, store, acknowledge",
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: c.cfg.AckWait, MaxDeliver: c.cfg.MaxDeliver,
		MaxAckPending: c.cfg.MaxAckPending, Replicas: c.cfg.Replicas}
}

// ensureStream creates a stream, or leaves one that exists as it is.
func (c *Conn) ensureStream(ctx context.Context, sc jetstream.StreamConfig) error {
	_, err := c.js.CreateStream(ctx, sc)
	if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		if _, err := c.js.Stream(ctx, sc.Name); err != nil {
			return fmt.Errorf("nats: stream %s: %w", sc.Name, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("nats: stream %s: %w", sc.Name, err)
	}
	return nil
}
