package http_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/egret-events/egret"
	egrethttp "github.com/egret-events/egret/http"
	"github.com/egret-events/egret/sqlite"
)

// serveEnv makes the test binary run a real server process on the SQLite
// file it names, so the crash test can SIGKILL it.
const serveEnv = "EGRET_HTTP_TEST_SERVE_DB"

func TestMain(m *testing.M) {
	if db := os.Getenv(serveEnv); db != "" {
		if err := serveForever(db); err != nil {
			fmt.Fprintln(os.Stderr, "server:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func serveForever(db string) error {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		return err
	}
	srv, err := egrethttp.NewServer(egrethttp.Config{Store: st, Coder: fakeCoder{}, Geocoder: fakeGeocoder{}})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Printf("LISTEN %s\n", ln.Addr())
	return srv.Serve(ctx, ln)
}

// startChild runs the server process and returns its base URL.
func startChild(t *testing.T, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveEnv+"="+db)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("server process did not start: %v", err)
	}
	addr, ok := strings.CutPrefix(strings.TrimSpace(line), "LISTEN ")
	if !ok {
		t.Fatalf("server process said %q", line)
	}
	return cmd, "http://" + addr
}

// crashDoc is document i's text: it codes to i%3+1 events.
func crashDoc(id string, i int) string {
	sents := []string{"Russia accused the United States of meddling.", "Turkey attacked Syria near Idlib.", "Washington praised Ankara."}
	text := strings.Join(sents[:i%3+1], " ") + " Padding " + strings.Repeat("words ", 200) + id + "."
	b, _ := json.Marshal(map[string]any{"id": id, "text": text, "date": "2022-02-24"})
	return string(b)
}

func TestCrashDuringBatchIngestLosesNoAcknowledgedDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("starts server processes")
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	child, base := startChild(t, db)

	var mu sync.Mutex
	acked := map[string]int{} // document id → events acknowledged
	var batches int
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for b := 0; ; b++ {
				select {
				case <-stop:
					return
				default:
				}
				var body strings.Builder
				for i := 0; i < 40; i++ {
					// Every batch also re-posts a few shared ids, so
					// replacement races with the kill too.
					id := fmt.Sprintf("c%d-b%d-%d", c, b, i)
					if i < 3 {
						id = fmt.Sprintf("shared-%d", i)
					}
					body.WriteString(crashDoc(id, i) + "\n")
				}
				res, err := http.Post(base+"/api/v1/documents", "application/x-ndjson", strings.NewReader(body.String()))
				if err != nil {
					return // the server died under us: not acknowledged
				}
				var pr egrethttp.PostResult
				err = json.NewDecoder(res.Body).Decode(&pr)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 {
					return
				}
				mu.Lock()
				for _, d := range pr.Documents {
					acked[d.ID] = d.Events
				}
				batches++
				mu.Unlock()
			}
		}(c)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := batches
		mu.Unlock()
		if n >= 12 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()
	child.Wait()
	if batches == 0 {
		t.Fatal("no batch was acknowledged before the kill")
	}
	t.Logf("killed the server after %d acknowledged batches (%d documents)", batches, len(acked))

	_, base = startChild(t, db)
	var totalEvents int64
	for id, n := range acked {
		res, err := http.Get(base + "/api/v1/documents/" + id)
		if err != nil {
			t.Fatal(err)
		}
		var view struct{ Events []egret.StoredEvent }
		json.NewDecoder(res.Body).Decode(&view)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("acknowledged document %s missing after restart: %d", id, res.StatusCode)
			continue
		}
		if len(view.Events) != n {
			t.Errorf("document %s has %d events, acknowledged %d", id, len(view.Events), n)
		}
	}
	// No duplicates anywhere: every stored document has exactly the events
	// its text codes to, and the aggregates agree with the rows.
	res, err := http.Get(base + "/api/v1/export?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	perDoc := map[string]int{}
	dec := json.NewDecoder(res.Body)
	for {
		var ev egret.StoredEvent
		if err := dec.Decode(&ev); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		perDoc[ev.DocID]++
		totalEvents++
	}
	res.Body.Close()
	for id, n := range perDoc {
		var i int
		if strings.HasPrefix(id, "shared-") {
			fmt.Sscanf(id, "shared-%d", &i)
		} else {
			fmt.Sscanf(id[strings.LastIndexByte(id, '-')+1:], "%d", &i)
		}
		if n != i%3+1 {
			t.Errorf("document %s has %d events, want %d", id, n, i%3+1)
		}
	}
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if want := fmt.Sprintf("egret_store_events %d\n", totalEvents); !strings.Contains(string(m), want) {
		t.Errorf("daily aggregates disagree with rows: want %q in\n%s", want, m)
	}
}
