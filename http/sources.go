package http

import (
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/egret-events/egret"
)

// SourceView is one feed of the Sources view: its status and the events
// its documents gave in the last 24 hours.
type SourceView struct {
	egret.FeedStatus
	Events24h int64 `json:"events_24h"`
}

// SourcesView is the answer of GET /api/v1/sources.
type SourcesView struct {
	Feeds []SourceView `json:"feeds"`
	// Watching says whether this server polls feeds itself (serve
	// --feeds); the feeds may be another process's (egret watch) on the
	// same store.
	Watching bool `json:"watching"`
	// State is false when the store keeps no feed state at all.
	State bool      `json:"state"`
	Since time.Time `json:"since"` // start of the events_24h window
}

func noParams(r *http.Request) error {
	for k := range r.URL.Query() {
		return egret.Errorf(egret.EINVALID, "unknown parameter %q", k)
	}
	return nil
}

func (s *Server) getSources(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	since := s.cfg.Now().UTC().Add(-24 * time.Hour)
	out := SourcesView{Feeds: []SourceView{}, Watching: s.cfg.Watch != nil, Since: since}
	state, ok := s.cfg.Store.(egret.FeedState)
	if !ok {
		return writeJSON(w, http.StatusOK, out)
	}
	out.State = true
	sts, err := state.FeedStatuses(r.Context())
	if err != nil {
		return err
	}
	events := map[string]int64{}
	if act, ok := s.cfg.Store.(egret.FeedActivity); ok {
		if events, err = act.FeedEvents(r.Context(), since); err != nil {
			return err
		}
	}
	for _, st := range sts {
		out.Feeds = append(out.Feeds, SourceView{FeedStatus: st, Events24h: events[st.URL]})
	}
	return writeJSON(w, http.StatusOK, out)
}

// ProvenanceItem is one outlet and URL that carried a document.
type ProvenanceItem struct {
	URL        string    `json:"url"`
	PageURL    string    `json:"page_url"`
	Feed       string    `json:"feed"`
	Outlet     string    `json:"outlet"`
	Kind       string    `json:"kind"` // original, exact or near
	Similarity float64   `json:"similarity"`
	Title      string    `json:"title"`
	Published  time.Time `json:"published"`
	FirstSeen  time.Time `json:"first_seen"`
}

// Provenance is the answer of GET /api/v1/provenance/{id}.
type Provenance struct {
	DocID string           `json:"doc_id"`
	Items []ProvenanceItem `json:"items"`
}

func (s *Server) getProvenance(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r); err != nil {
		return err
	}
	id := r.PathValue("id")
	if err := egret.CheckID(id); err != nil {
		return err
	}
	out := Provenance{DocID: id, Items: []ProvenanceItem{}}
	state, ok := s.cfg.Store.(egret.FeedState)
	if !ok {
		return writeJSON(w, http.StatusOK, out)
	}
	items, err := state.ItemsForDoc(r.Context(), id)
	if err != nil {
		return err
	}
	for _, it := range items {
		out.Items = append(out.Items, ProvenanceItem{URL: it.URL, PageURL: it.PageURL, Feed: it.Feed, Outlet: it.Outlet, Kind: it.Kind,
			Similarity: it.Similarity, Title: it.Title, Published: it.Published, FirstSeen: it.FirstSeen})
	}
	return writeJSON(w, http.StatusOK, out)
}

// writeWatchMetrics writes the watcher's counters (feed polls, article
// fetches, duplicates, documents and events stored, lag) and its HTTP
// client's, when the server watches.
func (s *Server) writeWatchMetrics(w io.Writer) {
	if s.cfg.Watch == nil {
		return
	}
	c, f, p := s.cfg.Watch.Counters(), s.cfg.Watch.FetchStats(), s.cfg.Watch.Pipeline()
	metric := func(name, kind, help string, v int64) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n%s %d\n", name, help, name, kind, name, v)
	}
	labelled := func(name, kind, help, label string, vs map[string]int64, order ...string) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, kind)
		for _, k := range order {
			fmt.Fprintf(w, "%s{%s=%q} %d\n", name, label, k, vs[k])
		}
	}
	metric("egret_watch_rounds_total", "counter", "Poll rounds run.", c.Rounds)
	metric("egret_feed_polls_total", "counter", "Feed fetches.", c.Polls)
	metric("egret_feed_poll_errors_total", "counter", "Feed fetches or parses that failed.", c.PollErrors)
	metric("egret_feed_not_modified_total", "counter", "Feeds answering 304 Not Modified.", c.NotModified)
	metric("egret_article_fetches_total", "counter", "Article pages fetched.", c.Fetches)
	metric("egret_article_fetch_errors_total", "counter", "Article fetches that failed after retries.", c.FetchErrors)
	labelled("egret_articles_total", "counter", "Articles decided, by what became of them.", "result",
		map[string]int64{"new": c.Articles, "updated": c.Updated, "unchanged": c.Unchanged, "skipped": c.Skipped, "retry": c.Failed},
		"new", "updated", "unchanged", "skipped", "retry")
	labelled("egret_duplicates_total", "counter", "Articles linked to an earlier copy instead of being stored.", "kind",
		map[string]int64{"exact": c.Exact, "near": c.Near}, "exact", "near")
	metric("egret_watch_sink_errors_total", "counter", "Documents the pipeline failed to code or store.", c.SinkErrors)
	metric("egret_watch_documents_stored_total", "counter", "Documents the watcher's pipeline stored.", p.Written)
	metric("egret_watch_events_stored_total", "counter", "Events the watcher's pipeline stored.", p.Events)
	metric("egret_watch_lag_seconds", "gauge", "Publication to storage of the last document stored.", c.LagSeconds)
	metric("egret_watch_lag_seconds_total", "counter", "Sum of publication-to-storage lags (divided by new and updated articles: the mean).", c.LagSumSeconds)
	metric("egret_fetch_requests_total", "counter", "HTTP requests sent by the watcher, retries and robots.txt included.", f.Requests)
	metric("egret_fetch_retries_total", "counter", "HTTP requests retried.", f.Retries)
	metric("egret_fetch_errors_total", "counter", "Fetches that failed after retries.", f.Errors)
	metric("egret_fetch_not_modified_total", "counter", "304 answers to conditional requests.", f.NotModified)
	metric("egret_fetch_bytes_total", "counter", "Body bytes read, decompressed.", f.Bytes)
}
