-- Documents and the events coded from them. Event rows keep the whole
-- egret.Event as JSON in body; the other columns exist to be filtered on.
CREATE TABLE documents (
	id          TEXT PRIMARY KEY,
	title       TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL,
	date        TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL
);

CREATE TABLE events (
	id         INTEGER PRIMARY KEY,
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	date       TEXT NOT NULL,
	source     TEXT NOT NULL,
	target     TEXT NOT NULL,
	src3       TEXT NOT NULL,
	tgt3       TEXT NOT NULL,
	cameo      TEXT NOT NULL,
	plover     TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	lat        REAL,
	lon        REAL,
	body       TEXT NOT NULL,
	UNIQUE (doc_id, seq)
);
-- Pages of events come in (date, id) order: each index has date right
-- after its filter columns. The actor indexes also carry the columns a
-- series groups and filters on, so series the rollups cannot answer
-- (full actor codes, CAMEO prefixes) read no table rows.
CREATE INDEX events_date ON events(date);
CREATE INDEX events_src ON events(src3, date, source, cameo, plover, quad_class, goldstein);
CREATE INDEX events_tgt ON events(tgt3, date, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_dyad ON events(src3, tgt3, date, source, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_plover ON events(plover, date);

-- Full text over event sentences, keyed by (day, event id); queries are
-- all-words searches, so no positions are kept (detail = none).
CREATE VIRTUAL TABLE events_fts USING fts5(sentence, tokenize = 'porter unicode61', detail = none, columnsize = 0);

-- Rollups for /api/v1/series, kept in step with events by the store in
-- the same transaction: counts and Goldstein sums per grain (d day, w week,
-- m month, a all time) and period start, for each dyad of actor countries
-- and with either or both sides '*' (any), so a series reads at most one
-- row per period and type whatever its shape.
CREATE TABLE agg (
	grain      TEXT NOT NULL,
	src3       TEXT NOT NULL,
	tgt3       TEXT NOT NULL,
	period     TEXT NOT NULL,
	plover     TEXT NOT NULL,
	quad_class INTEGER NOT NULL,
	n          INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	PRIMARY KEY (grain, src3, tgt3, period, plover, quad_class)
) WITHOUT ROWID;

-- Per-actor counts for /api/v1/actors.
CREATE TABLE actors (
	code      TEXT PRIMARY KEY,
	as_source INTEGER NOT NULL,
	as_target INTEGER NOT NULL
) WITHOUT ROWID;
