package watch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/egret-events/egret"
	"github.com/egret-events/egret/dedup"
	"github.com/egret-events/egret/extract"
	"github.com/egret-events/egret/fetch"
)

// The item stages. Fetching and extraction run on Workers goroutines,
// ahead of the decisions; decisions run one at a time in list order
// (feed by feed, entry by entry), so the first copy of a story is the
// first listed and two copies in one round never both count as new.

// job is one feed entry to fetch, extract and decide.
type job struct {
	poll     *poll
	item     fetch.Item
	url      string           // canonical link: the item's key
	feedHash string           // fingerprint of the entry
	prev     *egret.FeedItem  // what was recorded for url, if anything
	done     chan struct{}    // closed when the worker is through
	resp     *fetch.Response  // the article fetch (nil if it failed)
	fetchErr error            // the article fetch's failure
	art      *extract.Article // the extraction
	skip     error            // why the article is not stored (*extract.SkipError or a permanent fetch error)
	marker   bool             // no entry: the feed had none to process, record it
}

// processItems lists each poll's work as its feed arrives, runs the
// jobs through fetch, extract and decide, and records each feed's status
// when its last job is decided (or at once when it has none).
func (w *Watcher) processItems(ctx context.Context, polls []*poll) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The queue's capacity bounds how far fetching runs ahead of the
	// decisions, and so the extracted texts held in memory.
	queue := make(chan *job, 4*w.cfg.Workers)
	jobs := make(chan *job)
	var wg sync.WaitGroup
	for i := 0; i < w.cfg.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				w.fetchArticle(ctx, j)
				close(j.done)
			}
		}()
	}
	var listErr error
	go func() {
		defer close(jobs)
		defer close(queue)
		claimed := map[string]bool{}
		for _, p := range polls {
			select {
			case <-p.fetched:
			case <-ctx.Done():
				return
			}
			if p.report.Err == nil && !p.report.NotModified {
				if err := w.listWork(ctx, p, claimed); err != nil {
					listErr = err
					cancel()
					return
				}
			}
			if len(p.work) == 0 {
				// A marker: the decider records the feed in order.
				j := &job{poll: p, done: make(chan struct{}), marker: true}
				close(j.done)
				select {
				case queue <- j:
				case <-ctx.Done():
					return
				}
				continue
			}
			for _, j := range p.work {
				j.done = make(chan struct{})
				select {
				case queue <- j:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					close(j.done)
					return
				}
			}
		}
	}()
	var err error
	for j := range queue {
		<-j.done
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			cancel() // stop the dispatcher; drain what it queued
			continue
		}
		if !j.marker {
			err = w.decide(ctx, j)
			j.poll.pending--
		}
		if err == nil && j.poll.pending == 0 {
			err = w.finishFeed(ctx, j.poll)
		}
	}
	wg.Wait()
	// The first failure is the cause; the other side then sees only the
	// cancellation it triggered ("context canceled").
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	if listErr != nil {
		return listErr
	}
	return err
}

// fetchArticle fetches an entry's page (conditionally when it was seen)
// and extracts it.
func (w *Watcher) fetchArticle(ctx context.Context, j *job) {
	if ctx.Err() != nil {
		j.fetchErr = ctx.Err()
		return
	}
	req := fetch.Request{URL: j.item.Link, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
	if j.prev != nil && j.prev.Kind != egret.ItemFailed && j.prev.Kind != egret.ItemSkipped {
		req.ETag, req.LastModified = j.prev.ETag, j.prev.LastModified
	}
	w.c.fetches.Add(1)
	resp, err := w.cfg.Fetcher.Get(ctx, req)
	page := extract.Page{URL: j.item.Link, Item: &j.item, Lang: j.poll.spec.Lang}
	switch {
	case err != nil && (fetch.IsTransient(err) || ctx.Err() != nil):
		w.c.fetchErrors.Add(1)
		j.fetchErr = err
		return
	case err != nil:
		// Gone for good (404, robots, too large): the feed's own text
		// may still do.
		w.c.fetchErrors.Add(1)
		j.skip = err
	case resp.NotModified:
		j.resp = resp
		return
	default:
		j.resp = resp
		page.URL, page.Body, page.ContentType = resp.URL, resp.Body, resp.ContentType
	}
	art, xerr := w.cfg.Extractor.Extract(page)
	if xerr != nil {
		// A page that could not be fetched is skipped for that reason
		// (more telling than "too short"), unless the feed's text shows
		// it is in another language anyway.
		var se *extract.SkipError
		if j.skip == nil || (errors.As(xerr, &se) && se.Reason == extract.ReasonLanguage) {
			j.skip = xerr
		}
		return
	}
	j.art, j.skip = art, nil
}

// decide settles one entry: records it, linked or skipped, after handing
// a new or changed document to the sink.
func (w *Watcher) decide(ctx context.Context, j *job) error {
	p := j.poll
	now := w.cfg.Clock.Now()
	it := egret.FeedItem{URL: j.url, Feed: p.spec.URL, Outlet: p.spec.Outlet, FeedHash: j.feedHash, Title: j.item.Title,
		Published: j.item.Published, FirstSeen: now, LastSeen: now}
	if it.Outlet == "" {
		it.Outlet = p.report.Outlet
	}
	if j.prev != nil {
		it.FirstSeen, it.Feed, it.Outlet = j.prev.FirstSeen, j.prev.Feed, j.prev.Outlet
	}
	log := w.cfg.Logger.With("feed", p.spec.URL, "url", j.url)

	switch {
	case j.fetchErr != nil:
		it.Kind, it.SkipReason = egret.ItemFailed, j.fetchErr.Error()
		if j.prev != nil && j.prev.Kind == egret.ItemFailed {
			it.Attempts = j.prev.Attempts
		}
		it.Attempts++
		if it.Attempts >= w.cfg.MaxAttempts {
			it.Kind, it.SkipReason = egret.ItemSkipped, fmt.Sprintf("gave up after %d attempts: %v", it.Attempts, j.fetchErr)
			p.report.Skipped++
			w.c.skipped.Add(1)
			log.Warn("article skipped", "reason", it.SkipReason)
		} else {
			p.retrying = true
			p.report.Failed++
			w.c.failed.Add(1)
			log.Warn("article fetch failed, will retry", "err", j.fetchErr, "attempts", it.Attempts)
		}
		return w.put(ctx, it)
	case j.resp != nil && j.resp.NotModified:
		// The feed changed but the page did not: remember the new
		// fingerprint so the page is not asked again.
		it = *j.prev
		it.FeedHash, it.LastSeen = j.feedHash, now
		p.report.Unchanged++
		w.c.unchanged.Add(1)
		return w.put(ctx, it)
	case j.art == nil:
		it.Kind, it.SkipReason = egret.ItemSkipped, j.skip.Error()
		p.report.Skipped++
		w.c.skipped.Add(1)
		log.Info("article skipped", "reason", it.SkipReason)
		return w.put(ctx, it)
	}

	a := j.art
	if j.resp != nil {
		it.ETag, it.LastModified = j.resp.ETag, j.resp.LastModified
	}
	it.PageURL = j.url
	if u, err := dedup.CanonicalURL(a.URL); err == nil {
		it.PageURL = u
	}
	it.Title = a.Title
	if !a.Published.IsZero() {
		it.Published = a.Published
	}
	it.ContentHash = dedup.ContentHash(a.Text)
	sig := dedup.Sign(a.Text)
	it.MinHash, it.Bands = sig, sig.BandKeys()
	it.Similarity = 1

	// The same URL again: unchanged, or an update replacing the document.
	if prev := j.prev; prev != nil && prev.Kind == egret.ItemOriginal {
		it.DocID = prev.DocID
		if prev.ContentHash == it.ContentHash {
			it.Kind = egret.ItemOriginal
			p.report.Unchanged++
			w.c.unchanged.Add(1)
			return w.put(ctx, it)
		}
		_, err := w.store(ctx, j, it, true)
		return err
	}
	// Another link to a page already stored: the same document, updated
	// if its text changed.
	orig, err := w.cfg.State.OriginalByPage(ctx, it.PageURL)
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("watch: original of page %s: %w", it.PageURL, err)
	}
	if err == nil && orig.URL != it.URL {
		if orig.ContentHash != it.ContentHash {
			upd := orig
			upd.ContentHash, upd.MinHash, upd.Bands, upd.Title, upd.LastSeen = it.ContentHash, it.MinHash, it.Bands, it.Title, now
			if stored, err := w.store(ctx, j, upd, true); err != nil || !stored {
				return err
			}
		}
		return w.link(ctx, j, it, orig, egret.ItemExact, 1)
	}
	// The same text at another URL.
	orig, err = w.cfg.State.OriginalByHash(ctx, it.ContentHash)
	if err != nil && !isNotFound(err) {
		return fmt.Errorf("watch: original of text %s: %w", it.ContentHash, err)
	}
	if err == nil && orig.URL != it.URL {
		return w.link(ctx, j, it, orig, egret.ItemExact, 1)
	}
	// A near-duplicate of an earlier text.
	cands, err := w.cfg.State.SimilarOriginals(ctx, it.Bands)
	if err != nil {
		return fmt.Errorf("watch: similar texts: %w", err)
	}
	best, bestSim := egret.FeedItem{}, 0.0
	for _, c := range cands {
		if c.URL == it.URL {
			continue
		}
		if s := dedup.Similarity(sig, c.MinHash); s > bestSim || (s == bestSim && c.FirstSeen.Before(best.FirstSeen)) {
			best, bestSim = c, s
		}
	}
	if bestSim >= w.cfg.NearThreshold {
		return w.link(ctx, j, it, best, egret.ItemNear, bestSim)
	}
	// New.
	it.DocID = dedup.DocID(it.PageURL)
	_, err = w.store(ctx, j, it, false)
	return err
}

// link records it as a copy of orig.
func (w *Watcher) link(ctx context.Context, j *job, it, orig egret.FeedItem, kind string, sim float64) error {
	it.Kind, it.DocID, it.Similarity = kind, orig.DocID, sim
	if kind == egret.ItemExact {
		j.poll.report.Exact++
		w.c.exact.Add(1)
	} else {
		j.poll.report.Near++
		w.c.near.Add(1)
	}
	w.cfg.Logger.Info("duplicate linked", "feed", j.poll.spec.URL, "url", it.URL, "kind", kind, "doc_id", orig.DocID,
		"original", orig.URL, "similarity", sim)
	return w.put(ctx, it)
}

// store hands the article to the sink as document it.DocID, then records
// it as an original. A sink failure records the entry as failed, to retry
// next round, and stored is false.
func (w *Watcher) store(ctx context.Context, j *job, it egret.FeedItem, update bool) (stored bool, err error) {
	a := j.art
	doc := &egret.Document{ID: it.DocID, Title: a.Title, Text: a.Text, Date: a.Published, Source: it.Outlet, URL: it.PageURL, Author: a.Author}
	now := w.cfg.Clock.Now()
	if doc.Date.IsZero() {
		doc.Date = now // undated: when it was seen
	}
	log := w.cfg.Logger.With("feed", j.poll.spec.URL, "url", it.URL, "doc_id", it.DocID)
	if err := w.cfg.Sink(ctx, doc); err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		w.c.sinkErrors.Add(1)
		log.Error("sink failed", "err", err)
		fail := egret.FeedItem{URL: j.url, Feed: j.poll.spec.URL, Outlet: it.Outlet, Kind: egret.ItemFailed, FeedHash: j.feedHash,
			SkipReason: "sink: " + err.Error(), FirstSeen: it.FirstSeen, LastSeen: now}
		if j.prev != nil {
			// Keep what is recorded for a known item: only its document
			// failed to update.
			fail = *j.prev
		}
		if fail.Kind == egret.ItemFailed {
			fail.Attempts++
		}
		j.poll.retrying = true
		j.poll.report.Failed++
		w.c.failed.Add(1)
		return false, w.put(ctx, fail)
	}
	it.Kind, it.Similarity, it.Attempts, it.SkipReason = egret.ItemOriginal, 1, 0, ""
	if lag := now.Sub(doc.Date); !a.Published.IsZero() && lag >= 0 {
		w.c.lag.Store(int64(lag / time.Second))
		w.c.lagSum.Add(int64(lag / time.Second))
	}
	if update {
		j.poll.report.Updated++
		w.c.updated.Add(1)
		log.Info("document updated", "title", doc.Title)
	} else {
		j.poll.report.New++
		w.c.articles.Add(1)
		log.Info("document stored", "title", doc.Title, "date", doc.Date, "text_from", a.TextFrom)
	}
	return true, w.put(ctx, it)
}

func (w *Watcher) put(ctx context.Context, it egret.FeedItem) error {
	if err := w.cfg.State.PutItem(ctx, it); err != nil {
		return fmt.Errorf("watch: record item %s: %w", it.URL, err)
	}
	return nil
}
