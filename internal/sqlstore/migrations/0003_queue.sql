-- Scale-out on a work queue, in both databases. A document keeps its
-- egret.ContentHash and the revision it was written with (the time the
-- queue stored its message; 0 for writers that write in order), so a
-- redelivered or republished document replaces, never duplicates, and an
-- older version coded late never overwrites a newer one. Dead letters are
-- queued documents that failed for good, kept with why.
ALTER TABLE documents ADD COLUMN content_hash {{.Key}} NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN revision {{.BigInt}} NOT NULL DEFAULT 0;

CREATE TABLE dead_letters (
	id         {{.Key}} PRIMARY KEY,
	doc_id     {{.Key}} NOT NULL,
	subject    TEXT NOT NULL,
	stream     TEXT NOT NULL,
	stream_seq {{.BigInt}} NOT NULL,
	deliveries INTEGER NOT NULL,
	error      TEXT NOT NULL,
	excerpt    TEXT NOT NULL,
	worker     TEXT NOT NULL,
	failed_at  {{.Key}} NOT NULL
);
