package main

import (
	"context"
	"fmt"
	"net"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/pipeline"
	"github.com/egret-events/egret/postgres"
	"github.com/egret-events/egret/sqlite"
)

// openStore opens the store --db names: a postgres:// or postgresql:// DSN
// is a PostgreSQL database, anything else a SQLite file.
func openStore(ctx context.Context, db string) (egret.Store, error) {
	if db == "" {
		return nil, egret.Errorf(egret.EINVALID, "--db: empty; give a SQLite file path or a postgres:// DSN")
	}
	if postgres.IsDSN(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

func (m *Main) openStore(ctx context.Context, db string) (egret.Store, error) {
	if m.OpenStore != nil {
		return m.OpenStore(ctx, db)
	}
	return openStore(ctx, db)
}

// engineStore loads the coding engine and opens the store: the set-up of
// every command that codes into a store. The caller closes the store.
func (m *Main) engineStore(ctx context.Context, ef engineFlags, db string) (*engine, egret.Store, error) {
	eng, err := m.loadEngine(ef)
	if err != nil {
		return nil, nil, err
	}
	st, err := m.openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	return eng, st, nil
}

type serveFlags struct {
	engineFlags
	feedFlags
	queueFlags
	db       string
	addr     string
	token    string
	maxBody  int64
	maxDoc   int
	maxBatch int
	workers  int
	hosts    []string
	origins  []string
	readTO   time.Duration
	writeTO  time.Duration
}

// newServeCmd is `egret serve`: the HTTP API and dashboard over a store.
func newServeCmd(m *Main) *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the HTTP API and web dashboard over an event store",
		Long: `Serve the JSON API (/api/v1/...), /healthz, /metrics and the web dashboard.

--db is a SQLite file (created if missing) or a postgres:// DSN. Writes
(POST /api/v1/documents, /api/v1/code) need "Authorization: Bearer TOKEN"
when --token or EGRET_TOKEN is set; without a token the server only
listens on a loopback address.

Requests must name the server in Host by a loopback name or address, the
address it listens on, or a name given with --host: any other name may be
a web page's own, pointed at this machine (DNS rebinding). Web pages of
other origins may not write unless --allow-origin names them.

With --feeds the server also watches the feeds of that list, as egret
watch does, into the same store; the dashboard's Sources view shows each
feed's polls, and /metrics the watcher's counters.

With --nats, POSTed documents (and, with --feeds, new articles) are
checked and queued on NATS JetStream for egret worker processes to code
and store (202 Accepted); /api/v1/queue and /metrics report the queue's
depth and lag, dead letters and each worker's totals, and the
dashboard's Queue view shows them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("token") {
				f.token = m.Getenv("EGRET_TOKEN")
			}
			return m.runServe(cmd.Context(), f)
		},
	}
	f.engineFlags.register(cmd)
	f.feedFlags.register(cmd, true)
	f.queueFlags.register(cmd, "queue POSTed documents on this NATS server for egret worker processes")
	fl := cmd.Flags()
	fl.StringVar(&f.feeds, "feeds", "", "feeds list to watch while serving")
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&f.token, "token", "", "bearer token required for writes (default $EGRET_TOKEN)")
	fl.Int64Var(&f.maxBody, "max-body", 32<<20, "largest request body in bytes")
	fl.IntVar(&f.maxDoc, "max-document", 1<<20, "largest document text in bytes")
	fl.IntVar(&f.maxBatch, "max-batch", 10000, "most documents in one request")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents of a request coded in parallel")
	fl.StringSliceVar(&f.hosts, "host", nil, "host names clients may call the server by, besides loopback names and --addr (repeatable)")
	fl.StringSliceVar(&f.origins, "allow-origin", nil, "origin (scheme://host[:port]) of a web page allowed to write (repeatable)")
	fl.DurationVar(&f.readTO, "read-timeout", time.Minute, "longest time to receive a request, body included")
	fl.DurationVar(&f.writeTO, "write-timeout", 2*time.Minute, "longest time an answer may stall (exports and long codings extend it as they go)")
	return cmd
}

func (m *Main) runServe(ctx context.Context, f serveFlags) error {
	if err := egrethttp.CheckListen(f.addr, f.token); err != nil {
		return err
	}
	eng, st, err := m.engineStore(ctx, f.engineFlags, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg := egrethttp.Config{
		Store: st, Coder: eng, Token: f.token, Logger: m.Logger, Now: m.Now,
		MaxBodyBytes: f.maxBody, MaxDocumentBytes: f.maxDoc, MaxBatch: f.maxBatch, Workers: f.workers,
		Hosts: f.hosts, AllowOrigins: f.origins, ReadTimeout: f.readTO, WriteTimeout: f.writeTO,
	}
	var sink pipeline.Sink
	if f.nats != "" {
		conn, err := m.connect(ctx, f.queueFlags, "egret serve", nats.Config{}, false)
		if err != nil {
			return err
		}
		defer conn.Close()
		q := natsQueue{Publisher: conn.Publisher(), c: conn}
		cfg.Queue, sink = q, q
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if f.feeds != "" {
		fw, err := m.newFeedWatch(f.feedFlags, eng, st, sink)
		if err != nil {
			return err
		}
		defer fw.Close()
		cfg.Watch = fw
		done := make(chan struct{})
		defer func() { cancel(); <-done }() // the watch stops before the store closes
		go func() {
			defer close(done)
			if _, _, err := fw.run(ctx, false); err != nil && ctx.Err() == nil {
				m.Logger.Error("watch stopped", "err", err)
			}
		}()
	}
	srv, err := egrethttp.NewServer(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return egret.Errorf(egret.EINVALID, "--addr %s: %v", f.addr, err)
	}
	addr := ln.Addr().String()
	m.Logger.Info("serving", "addr", addr, "url", fmt.Sprintf("http://%s/", addr), "store", storeKind(f.db), "auth", f.token != "", "queue", f.nats != "")
	if m.Ready != nil {
		m.Ready(addr)
	}
	return srv.Serve(ctx, ln)
}

func storeKind(db string) string {
	if postgres.IsDSN(db) {
		return "postgres"
	}
	return "sqlite:" + db
}

// natsQueue is the HTTP server's queue (egrethttp.Queue) on NATS.
type natsQueue struct {
	*nats.Publisher
	c *nats.Conn
}

func (q natsQueue) Stats(ctx context.Context) (egret.QueueStats, error) { return q.c.Stats(ctx) }
