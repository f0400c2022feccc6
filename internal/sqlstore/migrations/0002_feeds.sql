-- A watcher's memory (egret.FeedState), in both databases: the feeds
-- polled, every item seen with what became of it, and the band keys of
-- originals' texts, the near-duplicate index. Times are UTC text with
-- microseconds (sqlstore.formatTime), '' when unset; MinHash signatures
-- and band keys are kept whole in the item row (sqlstore.packUints).
-- Each adapter adds its indexes in its migrations/0002_*.sql.
CREATE TABLE feeds (
	url           {{.Key}} PRIMARY KEY,
	outlet        TEXT NOT NULL,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	last_poll     TEXT NOT NULL,
	last_success  TEXT NOT NULL,
	last_error    TEXT NOT NULL,
	failures      INTEGER NOT NULL,
	next_due      TEXT NOT NULL,
	last_new      INTEGER NOT NULL,
	total_items   {{.BigInt}} NOT NULL
);

CREATE TABLE feed_items (
	url           {{.Key}} PRIMARY KEY,
	page_url      {{.Key}} NOT NULL,
	feed          TEXT NOT NULL,
	outlet        TEXT NOT NULL,
	kind          {{.Key}} NOT NULL,
	doc_id        {{.Key}} NOT NULL,
	similarity    {{.Float}} NOT NULL,
	skip_reason   TEXT NOT NULL,
	attempts      INTEGER NOT NULL,
	title         TEXT NOT NULL,
	content_hash  {{.Key}} NOT NULL,
	minhash       TEXT NOT NULL,
	bands         TEXT NOT NULL,
	feed_hash     TEXT NOT NULL,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL,
	published     TEXT NOT NULL,
	first_seen    {{.Key}} NOT NULL,
	last_seen     TEXT NOT NULL
);

-- One row per LSH band of each original's text: SimilarOriginals looks
-- candidates up by band. Keys are the uint64 band keys as int64.
CREATE TABLE feed_bands (
	band {{.BigInt}} NOT NULL,
	url  {{.Key}} NOT NULL REFERENCES feed_items(url) ON DELETE CASCADE,
	PRIMARY KEY (band, url)
){{.Compact}};
