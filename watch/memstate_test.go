package watch_test

import (
	"context"
	"sort"
	"sync"

	"github.com/egret-events/egret"
)

// memState is a TEST DOUBLE of egret.FeedState: maps under a mutex,
// linear scans for the lookups. The sqlite and postgres stores implement
// the interface for real and run the same feedstatetest contract.
type memState struct {
	mu    sync.Mutex
	feeds map[string]egret.FeedStatus
	items map[string]egret.FeedItem
}

func newMemState() *memState {
	return &memState{feeds: map[string]egret.FeedStatus{}, items: map[string]egret.FeedItem{}}
}

func notFound(what string) error { return egret.Errorf(egret.ENOTFOUND, "%s not found", what) }

// clone copies an item's slices, as a store's round trip would.
func clone(it egret.FeedItem) egret.FeedItem {
	it.MinHash = append([]uint32(nil), it.MinHash...)
	it.Bands = append([]uint64(nil), it.Bands...)
	return it
}

func (m *memState) FeedStatus(_ context.Context, url string) (egret.FeedStatus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.feeds[url]
	if !ok {
		return egret.FeedStatus{}, notFound("feed " + url)
	}
	return st, nil
}

func (m *memState) PutFeedStatus(_ context.Context, st egret.FeedStatus) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[st.URL] = st
	return nil
}

func (m *memState) FeedStatuses(context.Context) ([]egret.FeedStatus, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]egret.FeedStatus, 0, len(m.feeds))
	for _, st := range m.feeds {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func (m *memState) Item(_ context.Context, url string) (egret.FeedItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	it, ok := m.items[url]
	if !ok {
		return egret.FeedItem{}, notFound("item " + url)
	}
	return clone(it), nil
}

func (m *memState) original(match func(egret.FeedItem) bool, what string) (egret.FeedItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, it := range m.items {
		if it.Kind == egret.ItemOriginal && match(it) {
			return clone(it), nil
		}
	}
	return egret.FeedItem{}, notFound(what)
}

func (m *memState) OriginalByHash(_ context.Context, hash string) (egret.FeedItem, error) {
	return m.original(func(it egret.FeedItem) bool { return it.ContentHash == hash }, "text "+hash)
}

func (m *memState) OriginalByPage(_ context.Context, page string) (egret.FeedItem, error) {
	return m.original(func(it egret.FeedItem) bool { return it.PageURL == page }, "page "+page)
}

func (m *memState) SimilarOriginals(_ context.Context, bands []uint64) ([]egret.FeedItem, error) {
	want := map[uint64]bool{}
	for _, b := range bands {
		want[b] = true
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []egret.FeedItem
	for _, it := range m.items {
		if it.Kind != egret.ItemOriginal {
			continue
		}
		for _, b := range it.Bands {
			if want[b] {
				out = append(out, clone(it))
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

func (m *memState) PutItem(_ context.Context, it egret.FeedItem) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[it.URL] = clone(it)
	return nil
}

func (m *memState) ItemsForDoc(_ context.Context, docID string) ([]egret.FeedItem, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []egret.FeedItem{}
	for _, it := range m.items {
		if it.DocID == docID && it.Kind != egret.ItemSkipped && it.Kind != egret.ItemFailed {
			out = append(out, clone(it))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Kind == egret.ItemOriginal) != (b.Kind == egret.ItemOriginal) {
			return a.Kind == egret.ItemOriginal
		}
		if !a.FirstSeen.Equal(b.FirstSeen) {
			return a.FirstSeen.Before(b.FirstSeen)
		}
		return a.URL < b.URL
	})
	return out, nil
}
