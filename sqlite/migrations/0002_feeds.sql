-- SQLite's part of schema version 2 (the feed tables are internal/sqlstore's):
-- the lookups a watcher makes for every article, the provenance of a
-- document, and the Sources view's recent documents.
CREATE INDEX feed_items_hash ON feed_items(kind, content_hash);
CREATE INDEX feed_items_page ON feed_items(kind, page_url);
CREATE INDEX feed_items_doc ON feed_items(doc_id, first_seen);
CREATE INDEX feed_bands_url ON feed_bands(url);
CREATE INDEX documents_ingested ON documents(ingested_at);
