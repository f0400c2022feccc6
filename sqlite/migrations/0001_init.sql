-- SQLite's part of schema version 1 (the tables are internal/sqlstore's).
-- Pages of events come in (date, id) order: each index has date right
-- after its filter columns, and the rowid (id) last. The actor indexes
-- also carry the columns a series groups and filters on, so series the
-- rollups cannot answer (full actor codes, CAMEO prefixes) read no rows.
CREATE INDEX events_date ON events(date);
CREATE INDEX events_src ON events(src3, date, source, cameo, plover, quad_class, goldstein);
CREATE INDEX events_tgt ON events(tgt3, date, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_dyad ON events(src3, tgt3, date, source, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_plover ON events(plover, date);

-- Full text over event sentences, keyed by (day, event id) (see text.go);
-- queries are all-words searches, so no positions are kept (detail = none).
CREATE VIRTUAL TABLE events_fts USING fts5(sentence, tokenize = 'porter unicode61', detail = none, columnsize = 0);
