package egret

import (
	"context"
	"time"
)

// Feed kinds: what a feed URL serves. FeedAuto sniffs the body.
const (
	FeedAuto    = ""        // detect from the body
	FeedKindRSS = "feed"    // RSS 2.0, RSS 1.0, Atom or JSON Feed
	FeedSitemap = "sitemap" // a news sitemap (<urlset> with news: tags)
)

// FeedSpec is one line of a feeds list: a feed to poll and how.
type FeedSpec struct {
	URL    string
	Outlet string        // name of the publisher; "" takes the feed's own title
	Every  time.Duration // poll interval; 0 takes the watcher's default
	Lang   string        // ISO 639-1 language the feed is expected to carry; "" any
	Kind   string        // FeedAuto, FeedKindRSS or FeedSitemap
}

// FeedStatus is what a watcher remembers about one feed between polls.
type FeedStatus struct {
	URL          string    `json:"url"`
	Outlet       string    `json:"outlet,omitempty"`
	ETag         string    `json:"etag,omitempty"`          // validator for the next conditional GET
	LastModified string    `json:"last_modified,omitempty"` // validator for the next conditional GET
	LastPoll     time.Time `json:"last_poll"`               // last attempt, successful or not
	LastSuccess  time.Time `json:"last_success"`
	LastError    string    `json:"last_error,omitempty"` // "" when the last poll succeeded
	Failures     int       `json:"failures"`             // consecutive failed polls
	NextDue      time.Time `json:"next_due"`
	LastNew      int       `json:"last_new"`    // new articles found by the last successful poll
	TotalItems   int64     `json:"total_items"` // items recorded from this feed so far
}

// Item kinds: what became of a feed item.
const (
	ItemOriginal = "original" // first copy of a text: stored and coded as DocID
	ItemExact    = "exact"    // the same text as DocID at another URL: linked, not coded
	ItemNear     = "near"     // a near-duplicate of DocID: linked, not coded
	ItemSkipped  = "skipped"  // not stored, for SkipReason (too short, language, gone)
	ItemFailed   = "failed"   // a transient failure; retried next round until MaxAttempts
)

// FeedItem is one article URL seen in a feed, and what became of it.
// Items are keyed by URL, the canonical form of the link the feed gave.
// Every item linked to one DocID (the original and its duplicates) is
// that document's provenance: each outlet and URL that carried it.
type FeedItem struct {
	URL          string    `json:"url"`      // canonical link from the feed: the key
	PageURL      string    `json:"page_url"` // canonical URL the page declared (or the fetched URL)
	Feed         string    `json:"feed"`     // URL of the feed that listed it first
	Outlet       string    `json:"outlet"`
	Kind         string    `json:"kind"`        // ItemOriginal, ItemExact, ItemNear, ItemSkipped, ItemFailed
	DocID        string    `json:"doc_id"`      // document holding this text; "" for skipped and failed items
	Similarity   float64   `json:"similarity"`  // estimated resemblance to DocID's text (1 for originals and exact copies)
	SkipReason   string    `json:"skip_reason"` // why a skipped or failed item was not stored
	Attempts     int       `json:"attempts"`    // consecutive failed fetches (ItemFailed)
	Title        string    `json:"title"`
	ContentHash  string    `json:"content_hash"` // hex SHA-256 of the normalised text
	MinHash      []uint32  `json:"minhash"`      // resemblance signature of the text
	Bands        []uint64  `json:"bands"`        // LSH band keys of MinHash: the near-duplicate index
	FeedHash     string    `json:"feed_hash"`    // fingerprint of the feed entry: a change triggers a refetch
	ETag         string    `json:"etag"`         // validators of the article page
	LastModified string    `json:"last_modified"`
	Published    time.Time `json:"published"`
	FirstSeen    time.Time `json:"first_seen"`
	LastSeen     time.Time `json:"last_seen"`
}

// FeedState keeps a watcher's memory: feeds, the items seen and the
// duplicate links between them. The sqlite and postgres packages
// implement it; feedstatetest holds the contract both must pass.
// Implementations are safe for concurrent use. A watcher records an item
// only after its document reached the sink, so a crash repeats work and
// never loses it. Lookups that find nothing return an ENOTFOUND error.
type FeedState interface {
	// FeedStatus returns what is known about a feed; ENOTFOUND if it was never polled.
	FeedStatus(ctx context.Context, url string) (FeedStatus, error)
	// PutFeedStatus stores a feed's status, replacing the previous one.
	PutFeedStatus(ctx context.Context, st FeedStatus) error
	// FeedStatuses returns every feed's status, by URL.
	FeedStatuses(ctx context.Context) ([]FeedStatus, error)
	// Item returns the item with this canonical URL; ENOTFOUND if none.
	Item(ctx context.Context, url string) (FeedItem, error)
	// OriginalByHash returns the original item whose text has this
	// content hash; ENOTFOUND if none.
	OriginalByHash(ctx context.Context, hash string) (FeedItem, error)
	// OriginalByPage returns the original item whose page declared this
	// canonical URL; ENOTFOUND if none.
	OriginalByPage(ctx context.Context, pageURL string) (FeedItem, error)
	// SimilarOriginals returns the original items sharing at least one
	// band key with bands (the candidates for near-duplicates).
	SimilarOriginals(ctx context.Context, bands []uint64) ([]FeedItem, error)
	// PutItem stores an item, replacing the one with the same URL.
	PutItem(ctx context.Context, it FeedItem) error
	// ItemsForDoc returns every item linked to a document, original
	// first, then by first sight: its provenance.
	ItemsForDoc(ctx context.Context, docID string) ([]FeedItem, error)
}

// FeedActivity is what the dashboard's Sources view reads of a store
// besides its FeedState: the sqlite and postgres stores implement both.
type FeedActivity interface {
	// FeedEvents returns, by feed URL, the events of the documents stored
	// since a time whose original item that feed listed.
	FeedEvents(ctx context.Context, since time.Time) (map[string]int64, error)
}
