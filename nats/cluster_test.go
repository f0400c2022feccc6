package nats_test

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/egret-events/egret/nats"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestThreeNodeCluster runs the deployment guide's cluster: three nodes
// (as `egret nats --name --cluster-name --cluster --routes --token`
// starts them), streams with three replicas; a worker keeps storing
// while one node is down, and nothing is lost.
func TestThreeNodeCluster(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three NATS servers")
	}
	const token = "s3cret"
	dir := t.TempDir()
	var routes, clients []string
	for range 3 {
		routes = append(routes, freeAddr(t))
		clients = append(clients, freeAddr(t))
	}
	var servers []*nats.Server
	start := make(chan *nats.Server, 3)
	errs := make(chan error, 3)
	for i := range 3 {
		var others []string
		for j := range 3 {
			if j != i {
				others = append(others, "nats://egret:"+token+"@"+routes[j])
			}
		}
		go func() {
			s, err := nats.StartServer(nats.ServerOptions{StoreDir: filepath.Join(dir, fmt.Sprint(i)), Addr: clients[i], Token: token,
				Name: fmt.Sprintf("n%d", i+1), Cluster: "egret", ClusterAddr: routes[i], Routes: others})
			if err != nil {
				errs <- err
				return
			}
			start <- s
		}()
	}
	for range 3 {
		select {
		case s := <-start:
			servers = append(servers, s)
			t.Cleanup(s.Shutdown)
		case err := <-errs:
			t.Fatal(err)
		}
	}
	var urls []string
	for _, a := range clients {
		urls = append(urls, "nats://"+token+"@"+a)
	}
	cfg := nats.Config{Replicas: 3, AckWait: 2 * time.Second}
	ctx := context.Background()
	c, err := nats.Connect(ctx, strings.Join(urls, ","), t.Name(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	// The cluster needs a meta leader before streams can be made.
	waitFor(t, "the streams", func() bool {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		return c.Setup(sctx, true) == nil
	})
	info, err := c.JetStream().Stream(ctx, "EGRET_DOCS")
	if err != nil {
		t.Fatal(err)
	}
	if r := info.CachedInfo().Config.Replicas; r != 3 {
		t.Fatalf("stream replicas %d, want 3", r)
	}
	if _, err := c.Publisher().Publish(ctx, docs(150, "c")); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	stop := make(chan struct{})
	w := startWorker(t, c, st, &dotCoder{}, stop)
	waitFor(t, "some stored", func() bool { s, _ := st.Stats(ctx); return s.Documents >= 30 })
	// One node goes down (the one this client may be on, or not).
	servers[0].Shutdown()
	pctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := c.Publisher().Publish(pctx, docs(50, "d")); err != nil {
		t.Fatalf("publish with a node down: %v", err)
	}
	waitFor(t, "200 stored with a node down", func() bool { s, _ := st.Stats(ctx); return s.Documents == 200 })
	close(stop)
	if err := <-w.done; err != nil {
		t.Fatal(err)
	}
}
