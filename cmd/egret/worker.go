package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/pipeline"
)

// queueFlags are the options of every command that talks to the queue.
type queueFlags struct {
	nats     string
	maxMsgs  int64
	replicas int
}

func (f *queueFlags) register(cmd *cobra.Command, use string) {
	fl := cmd.Flags()
	fl.StringVar(&f.nats, "nats", "", use)
	fl.Int64Var(&f.maxMsgs, "queue-max", 1_000_000, "documents the queue holds before publishers wait (when this command creates the stream)")
	fl.IntVar(&f.replicas, "queue-replicas", 1, "replicas of the queue's streams when this command creates them: 3 on a three-node NATS cluster")
}

// connect connects to the queue named by --nats and creates its streams
// (and, for workers, the consumer) where missing.
func (m *Main) connect(ctx context.Context, f queueFlags, name string, cfg nats.Config, workers bool) (*nats.Conn, error) {
	cfg.MaxMsgs, cfg.Replicas = f.maxMsgs, f.replicas
	conn, err := nats.Connect(ctx, f.nats, name, cfg, m.Logger)
	if err != nil {
		return nil, err
	}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := conn.Setup(sctx, workers); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

type workerFlags struct {
	engineFlags
	queueFlags
	db          string
	name        string
	batch       int
	workers     int
	ackWait     time.Duration
	maxDeliver  int
	maxPending  int
	drain       time.Duration
	reportEvery time.Duration
	recode      bool
}

// newWorkerCmd is `egret worker`: pull documents, code, store, ack.
func newWorkerCmd(m *Main) *cobra.Command {
	var f workerFlags
	cmd := &cobra.Command{
		Use:   "worker --nats URL --db DB",
		Short: "Code documents queued on NATS JetStream and store them (run as many as you like)",
		Long: `Pull documents from the NATS JetStream queue (--nats), code them and store
them in --db (a postgres:// DSN to share one store between workers, or a
SQLite file), acknowledging each message only after its document's
transaction committed. Workers are stateless: run as many as you like,
on as many machines; they share one durable consumer.

A worker that dies leaves its messages to another after --ack-wait; a
document that fails for good (unreadable, refused) or --max-deliver
times is recorded as a dead letter (GET /api/v1/dead-letters) and
republished on the dead-letter subject, never dropped. A document stored
already with the same content is acknowledged without coding (--recode
codes it again). SIGTERM stops fetching, finishes the documents taken
and acknowledges them; what is not done within --drain-timeout is handed
back.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return m.runWorker(cmd.Context(), f) },
	}
	f.engineFlags.register(cmd)
	f.queueFlags.register(cmd, "NATS server URL(s), comma-separated; nats://TOKEN@host:4222 (required)")
	fl := cmd.Flags()
	fl.StringVar(&f.db, "db", "egret.db", "SQLite file or postgres:// DSN")
	fl.StringVar(&f.name, "name", "", "worker name in dead letters, logs and /metrics (default host-pid)")
	fl.IntVar(&f.batch, "batch", 100, "documents fetched at once and stored in one transaction")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	fl.DurationVar(&f.ackWait, "ack-wait", 30*time.Second, "how soon a dead worker's documents go to another (the consumer's AckWait)")
	fl.IntVar(&f.maxDeliver, "max-deliver", 5, "deliveries of a document before it becomes a dead letter")
	fl.IntVar(&f.maxPending, "max-ack-pending", 1000, "documents all workers together hold at once")
	fl.DurationVar(&f.drain, "drain-timeout", 30*time.Second, "on SIGTERM, how long to finish the documents taken")
	fl.DurationVar(&f.reportEvery, "report-every", 5*time.Second, "how often the worker reports its totals (serve's /metrics)")
	fl.BoolVar(&f.recode, "recode", false, "code documents even when stored already with the same content (after a dictionary change)")
	cmd.MarkFlagRequired("nats")
	return cmd
}

func (m *Main) runWorker(ctx context.Context, f workerFlags) error {
	if f.batch < 1 || f.workers < 1 || f.maxDeliver < 1 || f.maxPending < 1 {
		return egret.Errorf(egret.EINVALID, "--batch, --workers, --max-deliver and --max-ack-pending must be at least 1")
	}
	if f.ackWait < time.Second {
		return egret.Errorf(egret.EINVALID, "--ack-wait %s: want at least 1s", f.ackWait)
	}
	name := f.name
	if name == "" {
		host, _ := os.Hostname()
		name = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	eng, st, err := m.engineStore(ctx, f.engineFlags, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	dls, ok := st.(egret.DeadLetters)
	if !ok {
		return egret.Errorf(egret.EINVALID, "--db: this store keeps no dead letters")
	}
	versions, _ := st.(egret.DocumentVersions)
	conn, err := m.connect(ctx, f.queueFlags, "egret worker "+name, nats.Config{AckWait: f.ackWait, MaxDeliver: f.maxDeliver, MaxAckPending: f.maxPending}, true)
	if err != nil {
		return err
	}
	defer conn.Close()

	// The signal ends fetching (ctx); the run itself goes on until what
	// was taken is stored, or --drain-timeout passes.
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	finished := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			m.Logger.Info("worker stopping: finishing the documents taken", "worker", name, "drain_timeout", f.drain.String())
		case <-finished:
			return
		}
		select {
		case <-time.After(f.drain):
			cancel()
		case <-finished:
		}
	}()
	src, err := conn.Source(runCtx, nats.SourceOptions{Worker: name, Batch: f.batch, Stop: ctx.Done(), Versions: versions, Recode: f.recode,
		DeadLetters: dls, Now: m.Now})
	if err != nil {
		return err
	}
	started := m.Now().UTC()
	bg, stopBG := context.WithCancel(runCtx)
	reported := make(chan struct{})
	go func() {
		defer close(reported)
		conn.ReportWorker(bg, f.reportEvery, func() egret.WorkerStats {
			ws := src.Stats(started)
			ws.CPUSeconds = cpuSeconds()
			return ws
		})
	}()
	go conn.Exhausted(bg, name, dls, m.Now)
	m.Logger.Info("worker started", "worker", name, "store", storeKind(f.db), "batch", f.batch, "workers", f.workers)
	if m.Ready != nil {
		m.Ready(name)
	}
	sum, err := pipeline.Run(runCtx, pipeline.Config{Source: src, Coder: pipeline.Code(eng, nil), Sink: pipeline.Store(st),
		Workers: f.workers, Batch: f.batch, Resilient: true, Report: func(rec *pipeline.Record) {
			m.Logger.Warn("document not stored", "origin", rec.Origin, "err", rec.Err)
		}})
	close(finished)
	stopBG()
	<-reported
	c := &src.Counters
	m.Logger.Info("worker stopped", "worker", name, "received", c.Received.Load(), "stored", c.Stored.Load(), "unchanged", c.Unchanged.Load(),
		"events", sum.Events, "sentences", sum.Sentences, "retried", c.Retried.Load(), "dead_letters", c.DeadLetters.Load(),
		"elapsed", sum.Elapsed.Round(time.Millisecond).String(), "cpu_seconds", cpuSeconds())
	if err != nil && !stopping(runCtx, err) {
		return err
	}
	return nil
}

type natsServerFlags struct {
	store       string
	addr        string
	token       string
	name        string
	cluster     string
	clusterAddr string
	routes      []string
	monitor     string
	maxStore    int64
}

// newNATSCmd is `egret nats`: an embedded NATS server with JetStream.
func newNATSCmd(m *Main) *cobra.Command {
	var f natsServerFlags
	cmd := &cobra.Command{
		Use:   "nats --store DIR",
		Short: "Run an embedded NATS server with JetStream (the queue of egret worker, ingest --nats, serve --nats)",
		Long: `Run a NATS server with JetStream, its files in --store, for deployments
that have none: clients connect to nats://--addr. A non-loopback
address needs --token (or EGRET_NATS_TOKEN); clients then use
nats://TOKEN@host:port.

Three of them make a cluster (JetStream needs three for a quorum that
survives one): give each --name, the same --cluster-name, its --cluster
route address and --routes with the other two (nats://egret:TOKEN@host:6222
when a token is set). See docs/deployment.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("token") {
				f.token = m.Getenv("EGRET_NATS_TOKEN")
			}
			return m.runNATS(cmd.Context(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.store, "store", "", "directory of JetStream's files (required)")
	fl.StringVar(&f.addr, "addr", "127.0.0.1:4222", "client address")
	fl.StringVar(&f.token, "token", "", "token clients and routes must give (default $EGRET_NATS_TOKEN)")
	fl.StringVar(&f.name, "name", "", "server name (required in a cluster)")
	fl.StringVar(&f.cluster, "cluster-name", "", "cluster name, the same on every node")
	fl.StringVar(&f.clusterAddr, "cluster", "", "route address of this node, host:port")
	fl.StringSliceVar(&f.routes, "routes", nil, "route URLs of the other nodes (repeatable)")
	fl.StringVar(&f.monitor, "monitor", "", "address of NATS's monitoring endpoints (/varz, /jsz), host:port")
	fl.Int64Var(&f.maxStore, "max-store", 0, "most bytes of disk JetStream may use (default: what the disk has)")
	cmd.MarkFlagRequired("store")
	return cmd
}

func (m *Main) runNATS(ctx context.Context, f natsServerFlags) error {
	if f.token == "" {
		for _, a := range []string{f.addr, f.clusterAddr} {
			if a != "" && !loopback(a) {
				return egret.Errorf(egret.EINVALID, "refusing to listen on %s without a token: anyone who can reach it could read and write the queue; set --token or EGRET_NATS_TOKEN, or listen on 127.0.0.1", a)
			}
		}
	}
	s, err := nats.StartServer(nats.ServerOptions{StoreDir: f.store, Addr: f.addr, Token: f.token, Name: f.name, Cluster: f.cluster,
		ClusterAddr: f.clusterAddr, Routes: f.routes, MonitorAddr: f.monitor, MaxStore: f.maxStore, Logger: m.Logger})
	if err != nil {
		return err
	}
	m.Logger.Info("nats serving", "addr", s.Addr(), "store", f.store, "cluster", f.cluster, "jetstream", true)
	if m.Ready != nil {
		m.Ready(s.Addr())
	}
	<-ctx.Done()
	s.Shutdown()
	m.Logger.Info("nats stopped")
	return nil
}

// loopback reports whether host:port is on a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
