-- Documents and the events coded from them, in both databases. This file
-- is a Go template: {{"{{.Key}}"}} is text compared byte by byte, so
-- prefix ranges and sort order are the same everywhere. Each adapter adds
-- its own indexes and full-text index in its migrations/0001_*.sql.
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

-- Event rows keep the whole egret.Event as JSON in body; the other
-- columns exist to be filtered on. src3 and tgt3 are the actors' country
-- or group part (sqlstore.ActorCountry).
CREATE TABLE events (
	id         {{.EventID}},
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	date       {{.Key}} NOT NULL,
	source     {{.Key}} NOT NULL,
	target     {{.Key}} NOT NULL,
	src3       {{.Key}} NOT NULL,
	tgt3       {{.Key}} NOT NULL,
	cameo      {{.Key}} NOT NULL,
	plover     {{.Key}} NOT NULL,
	quad_class INTEGER NOT NULL,
	goldstein  {{.Float}} NOT NULL,
	lat        {{.Float}},
	lon        {{.Float}},
	body       TEXT NOT NULL,
	UNIQUE (doc_id, seq)
);

-- Rollups for /api/v1/series, kept in step with events by the store in
-- the same transaction: counts and Goldstein sums per grain (d day, w week,
-- m month, a all time) and period start, for each dyad of actor countries
-- and with either or both sides '*' (any), so a series reads at most one
-- row per period and type whatever its shape.
CREATE TABLE agg (
	grain      {{.Key}} NOT NULL,
	src3       {{.Key}} NOT NULL,
	tgt3       {{.Key}} NOT NULL,
	period     {{.Key}} NOT NULL,
	plover     {{.Key}} NOT NULL,
	quad_class INTEGER NOT NULL,
	n          {{.BigInt}} NOT NULL,
	goldstein  {{.Float}} NOT NULL,
	PRIMARY KEY (grain, src3, tgt3, period, plover, quad_class)
){{.Compact}};

-- Per-actor counts for /api/v1/actors.
CREATE TABLE actors (
	code      {{.Key}} PRIMARY KEY,
	as_source {{.BigInt}} NOT NULL,
	as_target {{.BigInt}} NOT NULL
){{.Compact}};
