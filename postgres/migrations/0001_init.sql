-- Same tables as the SQLite store; full text is a generated tsvector.
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
	id         BIGSERIAL PRIMARY KEY,
	doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	date       TEXT COLLATE "C" NOT NULL,
	source     TEXT COLLATE "C" NOT NULL,
	target     TEXT COLLATE "C" NOT NULL,
	src3       TEXT COLLATE "C" NOT NULL,
	tgt3       TEXT COLLATE "C" NOT NULL,
	cameo      TEXT COLLATE "C" NOT NULL,
	plover     TEXT COLLATE "C" NOT NULL,
	quad_class INTEGER NOT NULL,
	goldstein  DOUBLE PRECISION NOT NULL,
	lat        DOUBLE PRECISION,
	lon        DOUBLE PRECISION,
	sentence   TEXT NOT NULL,
	body       TEXT NOT NULL,
	tsv        TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', sentence)) STORED,
	UNIQUE (doc_id, seq)
);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_src ON events(src3, date, id) INCLUDE (source, cameo, plover, quad_class, goldstein);
CREATE INDEX events_tgt ON events(tgt3, date, id) INCLUDE (target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_dyad ON events(src3, tgt3, date, id) INCLUDE (source, target, cameo, plover, quad_class, goldstein);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_plover ON events(plover, date, id);
CREATE INDEX events_tsv ON events USING GIN (tsv);

-- Rollups for series: see the SQLite schema. '*' is "any actor".
CREATE TABLE agg (
	grain      TEXT COLLATE "C" NOT NULL,
	src3       TEXT COLLATE "C" NOT NULL,
	tgt3       TEXT COLLATE "C" NOT NULL,
	period     TEXT COLLATE "C" NOT NULL,
	plover     TEXT COLLATE "C" NOT NULL,
	quad_class INTEGER NOT NULL,
	n          BIGINT NOT NULL,
	goldstein  DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (grain, src3, tgt3, period, plover, quad_class)
);

CREATE TABLE actors (
	code      TEXT COLLATE "C" PRIMARY KEY,
	as_source BIGINT NOT NULL,
	as_target BIGINT NOT NULL
);
