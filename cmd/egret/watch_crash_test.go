package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/internal/newstest"
)

// childEnv makes the test binary run one egret command line as its own
// process (lines of the variable are the arguments), so a test can kill
// it with SIGKILL. Its feed polling runs on a manual clock, so
// politeness delays pass at once; everything else is egret's own.
const childEnv = "EGRET_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		mn := NewMain()
		mn.Clock = newstest.NewClock(time.Now().UTC())
		// Signals end the command as they do egret's own main.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := mn.Run(ctx, strings.Split(args, "\n"))
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// child starts egret with args in a process of its own.
func child(t testing.TB, args ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(args, "\n"))
	errs, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(errs)
	sc.Buffer(nil, 1<<20)
	return cmd, sc
}

// TestWatchKilledMidRound kills a real `egret watch` process with
// SIGKILL in the middle of a round, checks that everything it had
// recorded is in the store, restarts it, and checks that the store ends
// as one clean round leaves it: every good article stored once, copies
// linked, each document coded once.
func TestWatchKilledMidRound(t *testing.T) {
	if testing.Short() {
		t.Skip("runs egret processes over the news fixture")
	}
	r := newNewsRig(t, false)
	args := []string{"watch", "--once", "--feeds", r.feeds, "--db", r.db, "--allow-private", "--timeout", "5s", "--log-format", "json"}
	proc, logs := child(t, args...)
	const killAt = 25
	stored := 0
	for stored < killAt && logs.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(logs.Bytes(), &rec); err != nil {
			t.Fatalf("log line %q: %v", logs.Text(), err)
		}
		if rec["msg"] != "document stored" {
			continue
		}
		stored++
		for _, k := range []string{"feed", "url", "doc_id", "title", "date"} {
			if rec[k] == nil {
				t.Errorf("%q without %q: %s", rec["msg"], k, logs.Text())
			}
		}
	}
	if stored < killAt {
		t.Fatalf("the watcher ended after %d documents, before it could be killed", stored)
	}
	if err := proc.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	proc.Wait()

	// What the killed process recorded is stored: an original item never
	// lacks its document (at most the document being recorded when the
	// signal came lacks its item).
	ctx := context.Background()
	st := r.open()
	recorded := 0
	for _, e := range r.site.Expected() {
		it, err := st.Item(ctx, canon(t, e.Link))
		if egret.ErrorCode(err) == egret.ENOTFOUND || err == nil && it.Kind != egret.ItemOriginal {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		recorded++
		if _, err := st.Document(ctx, egret.DocumentQuery{ID: it.DocID}); err != nil {
			t.Errorf("%s recorded, its document %s lost: %v", e.Link, it.DocID, err)
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The last "document stored" line may come just before its item is.
	if recorded < killAt-1 || stats.Documents < int64(recorded) || stats.Documents > int64(recorded)+1 {
		t.Errorf("after the kill: %d originals recorded, %d documents stored", recorded, stats.Documents)
	}
	t.Logf("killed after %d documents logged: %d originals recorded, %d documents stored", stored, recorded, stats.Documents)

	// Restarted, the round finishes; the store is as if never interrupted.
	proc, logs = child(t, args...)
	var last string
	for logs.Scan() {
		last = logs.Text()
	}
	if err := proc.Wait(); err != nil {
		t.Fatalf("restarted watch: %v (%s)", err, last)
	}
	if !strings.HasPrefix(last, "feeds ") || !strings.Contains(last, "0 failed") {
		t.Errorf("restarted watch said %q", last)
	}
	checkStore(t, r, st, false)
}
