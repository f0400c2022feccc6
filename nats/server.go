package nats

import (
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/egret-events/egret"
)

// ServerOptions configure an embedded NATS server with JetStream.
type ServerOptions struct {
	// StoreDir keeps JetStream's files (required).
	StoreDir string
	// Addr is host:port for clients [127.0.0.1:4222]; port 0 picks one.
	Addr string
	// Token, when set, is required of clients (nats://TOKEN@host:port)
	// and of cluster routes (nats://egret:TOKEN@host:port).
	Token string
	// Name names the server in a cluster [its address].
	Name string
	// Cluster and ClusterAddr (host:port of the route listener) make the
	// server one node of a JetStream cluster with the servers of Routes
	// (nats:// URLs of the other nodes' route listeners).
	Cluster     string
	ClusterAddr string
	Routes      []string
	// MonitorAddr, when set, serves NATS's monitoring endpoints
	// (/varz, /jsz) on host:port.
	MonitorAddr string
	// MaxStore bounds JetStream's disk use in bytes [no bound beyond the
	// disk's].
	MaxStore int64
	Logger   *slog.Logger
}

// Server is a running embedded NATS server.
type Server struct{ s *server.Server }

// maxPayload lets a message carry a document of the HTTP API's largest
// size (1 MiB of text) as JSON, with room to spare.
const maxPayload = 8 << 20

// StartServer starts a NATS server with JetStream and waits until it
// takes connections (and, in a cluster, until JetStream is ready to be
// asked; streams need a quorum of nodes).
func StartServer(o ServerOptions) (*Server, error) {
	if o.StoreDir == "" {
		return nil, egret.Errorf(egret.EINVALID, "--store: empty; give a directory for JetStream's files")
	}
	if o.Addr == "" {
		o.Addr = "127.0.0.1:4222"
	}
	host, port, err := splitAddr("--addr", o.Addr)
	if err != nil {
		return nil, err
	}
	opts := &server.Options{ServerName: o.Name, Host: host, Port: port, JetStream: true, StoreDir: o.StoreDir, MaxPayload: maxPayload,
		JetStreamMaxStore: o.MaxStore, NoSigs: true, Authorization: o.Token}
	if port == 0 {
		opts.Port = server.RANDOM_PORT
	}
	if o.MonitorAddr != "" {
		if opts.HTTPHost, opts.HTTPPort, err = splitAddr("--monitor", o.MonitorAddr); err != nil {
			return nil, err
		}
	}
	if o.Cluster != "" || o.ClusterAddr != "" || len(o.Routes) > 0 {
		if o.Cluster == "" || o.ClusterAddr == "" || o.Name == "" {
			return nil, egret.Errorf(egret.EINVALID, "a cluster node needs --cluster-name, --cluster and --name")
		}
		ch, cp, err := splitAddr("--cluster", o.ClusterAddr)
		if err != nil {
			return nil, err
		}
		opts.Cluster = server.ClusterOpts{Name: o.Cluster, Host: ch, Port: cp}
		if o.Token != "" {
			opts.Cluster.Username, opts.Cluster.Password = "egret", o.Token
		}
		for _, r := range o.Routes {
			u, err := url.Parse(r)
			if err != nil || u.Scheme != "nats" || u.Host == "" {
				return nil, egret.Errorf(egret.EINVALID, "--routes %q: want nats://host:port", r)
			}
			opts.Routes = append(opts.Routes, u)
		}
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, egret.Errorf(egret.EINVALID, "nats server: %v", err)
	}
	if o.Logger != nil {
		s.SetLoggerV2(logger{o.Logger}, false, false, false)
	}
	go s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("nats server: not ready for connections on %s within 30 s", o.Addr)
	}
	return &Server{s: s}, nil
}

func splitAddr(flag, addr string) (string, int, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, egret.Errorf(egret.EINVALID, "%s %q: %v", flag, addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil || port < 0 || port > 65535 {
		return "", 0, egret.Errorf(egret.EINVALID, "%s %q: bad port", flag, addr)
	}
	return host, port, nil
}

// ClientURL is the URL clients connect to (without the token).
func (s *Server) ClientURL() string { return s.s.ClientURL() }

// Addr is the address clients connect to.
func (s *Server) Addr() string {
	if a, ok := s.s.Addr().(*net.TCPAddr); ok {
		return a.String()
	}
	return strings.TrimPrefix(s.s.ClientURL(), "nats://")
}

// Shutdown stops the server, closing its clients' connections; JetStream's
// files stay for the next start.
func (s *Server) Shutdown() {
	s.s.Shutdown()
	s.s.WaitForShutdown()
}

// JetStreamReady reports whether JetStream answers (in a cluster: has a
// meta leader).
func (s *Server) JetStreamReady() bool {
	return s.s.JetStreamEnabled() && (!s.s.JetStreamIsClustered() || s.s.JetStreamIsCurrent())
}

// logger passes the server's log lines to slog.
type logger struct{ l *slog.Logger }

func (l logger) Noticef(f string, v ...any) { l.l.Info("nats server: " + fmt.Sprintf(f, v...)) }
func (l logger) Warnf(f string, v ...any)   { l.l.Warn("nats server: " + fmt.Sprintf(f, v...)) }
func (l logger) Fatalf(f string, v ...any)  { l.l.Error("nats server: " + fmt.Sprintf(f, v...)) }
func (l logger) Errorf(f string, v ...any)  { l.l.Error("nats server: " + fmt.Sprintf(f, v...)) }
func (l logger) Debugf(string, ...any)      {}
func (l logger) Tracef(string, ...any)      {}
