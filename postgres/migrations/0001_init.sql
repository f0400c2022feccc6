-- PostgreSQL's part of schema version 1 (the tables are internal/sqlstore's):
-- the sentence and its generated tsvector for full text, and covering
-- indexes that end in (date, id), the order pages come in.
ALTER TABLE events
	ADD COLUMN sentence TEXT NOT NULL,
	ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', sentence)) STORED;
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_src ON events(src3, date, id) INCLUDE (source, cameo, plover, quad_class, goldstein);
CREATE INDEX events_tgt ON events(tgt3, date, id) INCLUDE (target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_dyad ON events(src3, tgt3, date, id) INCLUDE (source, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_plover ON events(plover, date, id);
CREATE INDEX events_tsv ON events USING GIN (tsv);
