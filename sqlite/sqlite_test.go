package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/feedstatetest"
	"github.com/egret-events/egret/sqlite"
	"github.com/egret-events/egret/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, storetest.Opener(func(t *testing.T) (*sqlite.Store, error) {
		return sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "egret.db"))
	}))
}

func TestReopenKeepsDataAndMigratesOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "egret.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutDocuments(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Events != 6 || st.Documents != 3 {
		t.Fatalf("after reopen: %+v %v", st, err)
	}
}

func TestOpenBadPath(t *testing.T) {
	_, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"))
	if err == nil {
		t.Fatal("opening a database in a missing directory succeeded")
	}
}

// TestFeedState runs the FeedState contract, poll rounds over the
// loopback news fixture included, on a real SQLite file.
func TestFeedState(t *testing.T) {
	feedstatetest.Run(t, func(t *testing.T) egret.FeedState {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "egret.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
