package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/docio"
	"github.com/egret-events/egret/nats"
	"github.com/egret-events/egret/postgres/pgtest"
)

// BenchmarkQueueWorkers measures scale-out on this machine: the VOA
// stories (voaRounds copies) queued on an embedded NATS server and coded
// into a throwaway PostgreSQL by 1 and 2 `egret worker` processes (one
// coding goroutine each). It reports documents/s and sentences/s, the
// workers' CPU per document, the CPU of coding alone per document (the
// same engine in this process, one goroutine), the share of the workers'
// CPU spent outside coding (queue client, JSON, store client), and the
// CPU per document of the NATS server (with the publisher; this
// process) and of PostgreSQL. Run: make bench-queue.
func BenchmarkQueueWorkers(b *testing.B) {
	in := voaCorpus(b)
	var docs []*egret.Document
	f, err := os.Open(in)
	if err != nil {
		b.Fatal(err)
	}
	rd := &docio.Reader{Name: in, Format: docio.FormatJSONL}
	rd.Read(f, func(d *egret.Document) error { docs = append(docs, d); return nil })
	f.Close()

	// Coding alone, one goroutine: the baseline of CPU per document.
	m, _, _ := testMain(nil)
	eng, err := m.loadEngine(engineFlags{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	c0 := cpuTime()
	sentences := 0
	for _, d := range docs {
		_, n, err := eng.CodeCount(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		sentences += n
	}
	codeCPU := (cpuTime() - c0).Seconds() / float64(len(docs))

	pg := pgtest.Start(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for range b.N {
				benchWorkers(b, pg, in, len(docs), sentences, workers, codeCPU)
			}
		})
	}
}

func benchWorkers(b *testing.B, pg *pgtest.Server, in string, ndocs, sentences, workers int, codeCPU float64) {
	ctx := context.Background()
	db := pg.NewDatabase(b)
	srv, err := nats.StartServer(nats.ServerOptions{StoreDir: b.TempDir(), Addr: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Shutdown()
	natsURL := "nats://" + srv.Addr()
	conn, err := nats.Connect(ctx, natsURL, "bench", nats.Config{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if err := conn.Setup(ctx, true); err != nil {
		b.Fatal(err)
	}
	var procs []*proc
	for i := range workers {
		procs = append(procs, startProc(b, fmt.Sprintf("b%d", i), "worker", "--nats", natsURL, "--db", db, "--name", fmt.Sprintf("b%d", i),
			"--workers", "1", "--batch", "100", "--report-every", "100ms"))
	}
	// Each worker's CPU once it is up and idle (dictionaries loaded).
	base := map[string]float64{}
	deadline := time.Now().Add(2 * time.Minute)
	for len(base) < workers {
		ws, _ := conn.Workers(ctx)
		for _, w := range ws {
			if _, ok := base[w.Worker]; !ok && w.Received == 0 {
				base[w.Worker] = w.CPUSeconds
			}
		}
		if time.Now().After(deadline) {
			b.Fatalf("workers did not start: %+v", ws)
		}
		time.Sleep(50 * time.Millisecond)
	}
	pgPID := postmaster(b, db)
	pg0, self0 := procCPU(pgPID, true), cpuTime()
	b.ResetTimer()
	t0 := time.Now()
	m, _, errb := testMain(nil)
	if code := m.Run(ctx, []string{"ingest", "--nats", natsURL, "-q", in}); code != 0 {
		b.Fatalf("ingest --nats: %s", errb.String())
	}
	for {
		qs, err := conn.Stats(ctx)
		if err == nil && qs.Depth == 0 && qs.AckPending == 0 {
			var stored int64
			for _, w := range qs.Workers {
				stored += w.Stored
			}
			if stored == int64(ndocs) {
				break
			}
		}
		if time.Since(t0) > 10*time.Minute {
			b.Fatalf("not done: %+v", qs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	elapsed := time.Since(t0)
	b.StopTimer()
	pgCPU, selfCPU := procCPU(pgPID, true)-pg0, (cpuTime() - self0).Seconds()
	for _, p := range procs {
		p.kill(syscall.SIGTERM)
		p.wait(time.Minute)
	}
	ws, _ := conn.Workers(ctx)
	var workerCPU float64
	for _, w := range ws {
		workerCPU += w.CPUSeconds - base[w.Worker]
	}
	perDoc := workerCPU / float64(ndocs)
	b.ReportMetric(float64(ndocs)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(float64(sentences)/elapsed.Seconds(), "sentences/s")
	b.ReportMetric(perDoc*1000, "worker-cpu-ms/doc")
	b.ReportMetric(codeCPU*1000, "coding-cpu-ms/doc")
	b.ReportMetric(100*max(0, 1-codeCPU/perDoc), "%outside-coding")
	b.ReportMetric(selfCPU/float64(ndocs)*1000, "nats+publish-cpu-ms/doc")
	b.ReportMetric(pgCPU/float64(ndocs)*1000, "postgres-cpu-ms/doc")
}

// postmaster finds the PostgreSQL server listening on the port of dsn.
func postmaster(b *testing.B, dsn string) int {
	u, err := url.Parse(dsn)
	if err != nil {
		b.Fatal(err)
	}
	port := u.Port()
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		cmd, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		args := strings.Split(string(bytes.TrimRight(cmd, "\x00")), "\x00")
		if len(args) > 0 && strings.HasSuffix(args[0], "postgres") {
			for i := 0; i+1 < len(args); i++ {
				if args[i] == "-p" && args[i+1] == port {
					return pid
				}
			}
		}
	}
	b.Fatalf("no postgres process listening on port %s", port)
	return 0
}

// procCPU is the CPU seconds of pid and, with children, of its live
// child processes and those it reaped (a PostgreSQL server's backends).
func procCPU(pid int, children bool) float64 {
	stat := func(pid int) (ppid int, self, reaped float64) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return -1, 0, 0
		}
		i := bytes.LastIndexByte(b, ')')
		f := bytes.Fields(b[i+1:])
		num := func(k int) float64 { v, _ := strconv.ParseFloat(string(f[k]), 64); return v / 100 }
		pp, _ := strconv.Atoi(string(f[1]))
		return pp, num(11) + num(12), num(13) + num(14)
	}
	_, total, reaped := stat(pid)
	total += reaped
	if children {
		ents, _ := os.ReadDir("/proc")
		for _, e := range ents {
			c, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			if pp, self, _ := stat(c); pp == pid {
				total += self
			}
		}
	}
	return total
}
