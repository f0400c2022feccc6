package postgres_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/feedstatetest"
	"github.com/egret-events/egret/postgres"
	"github.com/egret-events/egret/postgres/pgtest"
	"github.com/egret-events/egret/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func server(t *testing.T) *pgtest.Server { return pgtest.Shared(t) }

// open opens a store on a new database of the shared server.
func open(opts ...postgres.Option) func(t *testing.T) egret.Store {
	return storetest.Opener(func(t *testing.T) (*postgres.Store, error) {
		return postgres.Open(context.Background(), server(t).NewDatabase(t), opts...)
	})
}

func TestConformance(t *testing.T) { storetest.Run(t, open()) }

// TestConformanceTextScan runs the suite with text search always walking
// events in page order, the plan for common words in large stores.
func TestConformanceTextScan(t *testing.T) { storetest.Run(t, open(postgres.WithFTSScanAbove(0))) }

func TestConcurrentWritersSameDocuments(t *testing.T) {
	ctx := context.Background()
	dsn := server(t).NewDatabase(t)
	var stores []*postgres.Store
	for i := 0; i < 3; i++ {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func(s *postgres.Store) {
			defer wg.Done()
			errs <- s.PutDocuments(ctx, storetest.Fixture())
		}(stores[i%3])
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := stores[0].Stats(ctx)
	if err != nil || st.Documents != 3 || st.Events != 6 {
		t.Fatalf("stats %+v %v, want 3 documents 6 events", st, err)
	}
	p, _ := stores[1].Events(ctx, egret.EventFilter{Limit: 100})
	if len(p.Events) != 6 {
		t.Fatalf("%d events, want 6", len(p.Events))
	}
}

func TestIsDSN(t *testing.T) {
	for s, want := range map[string]bool{"postgres://u@h/db": true, "postgresql://h/db": true, "egret.db": false, "/tmp/postgres.db": false} {
		if postgres.IsDSN(s) != want {
			t.Errorf("IsDSN(%q) = %v", s, !want)
		}
	}
}

func TestBadDSN(t *testing.T) {
	if _, err := postgres.Open(context.Background(), "postgres://%zz"); egret.ErrorCode(err) != egret.EINVALID {
		t.Errorf("got %v", err)
	}
}

// TestFeedState runs the FeedState contract, poll rounds over the
// loopback news fixture included, on a real PostgreSQL server.
func TestFeedState(t *testing.T) {
	feedstatetest.Run(t, func(t *testing.T) egret.FeedState {
		s, err := postgres.Open(context.Background(), server(t).NewDatabase(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
