"""Versioned schema migrations for both backends.

Each migration is `(version, name, {dialect: [statements]})`. A migration runs once, inside a
transaction, and records its version in `schema_migrations`; `open_store` applies the missing
ones in order. Never edit a released migration: add a new one.
"""
from __future__ import annotations

import logging

LOGGER = logging.getLogger(__name__)

# Column types that differ between dialects; everything else is portable SQL.
_TYPES = {
    "sqlite": {"pk": "INTEGER PRIMARY KEY AUTOINCREMENT", "real": "REAL"},
    "postgresql": {"pk": "BIGSERIAL PRIMARY KEY", "real": "DOUBLE PRECISION"},
}

_CORE = """
CREATE TABLE articles (
    pk {pk},
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    dateline TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL,
    removed TEXT NOT NULL,
    meta TEXT,
    n_events INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX ix_articles_published ON articles (published);
CREATE INDEX ix_articles_hash ON articles (content_hash);
CREATE TABLE events (
    pk {pk},
    event_id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    day TEXT,
    event_date TEXT,
    source_text TEXT,
    source_code TEXT,
    target_text TEXT,
    target_code TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    plover_type TEXT,
    plover_mode TEXT,
    goldstein {real},
    quad_class INTEGER,
    status TEXT NOT NULL,
    location TEXT,
    location_name TEXT,
    lat {real},
    lon {real},
    sentence TEXT,
    span_start INTEGER,
    span_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    evidence TEXT,
    date_evidence TEXT,
    confidence {real}
);
CREATE INDEX ix_events_day ON events (day);
CREATE INDEX ix_events_dyad ON events (source_code, target_code);
CREATE INDEX ix_events_target ON events (target_code);
CREATE INDEX ix_events_code ON events (code);
CREATE INDEX ix_events_root ON events (root);
CREATE INDEX ix_events_quad_day ON events (quad_class, day);
CREATE INDEX ix_events_article ON events (article_id);
CREATE TABLE actors (
    pk {pk},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT,
    name TEXT,
    code TEXT,
    country TEXT,
    sector TEXT,
    role TEXT,
    span_start INTEGER,
    span_end INTEGER,
    evidence TEXT
);
CREATE INDEX ix_actors_code ON actors (code);
CREATE INDEX ix_actors_article ON actors (article_id);
CREATE TABLE quotes (
    pk {pk},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    direct INTEGER NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    evidence TEXT
);
CREATE INDEX ix_quotes_article ON quotes (article_id);
CREATE INDEX ix_quotes_speaker ON quotes (speaker_code);
CREATE TABLE places (
    pk {pk},
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT,
    name TEXT,
    country TEXT,
    lat {real},
    lon {real},
    kind TEXT,
    span_start INTEGER,
    span_end INTEGER
);
CREATE INDEX ix_places_article ON places (article_id);
CREATE INDEX ix_places_country ON places (country)
"""

# Full-text search on the article title and cleaned body.
_FTS = {
    # A plain FTS5 table keyed by articles.pk (porter stemming, like PostgreSQL's english config).
    "sqlite": ["CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='porter unicode61')"],
    "postgresql": [
        "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(title, '') || ' ' || body)) STORED",
        "CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)",
    ],
}


def _split(sql: str, dialect: str) -> list[str]:
    text = sql.format(**_TYPES[dialect])
    return [s.strip() for s in text.split(";") if s.strip()]


MIGRATIONS: list[tuple[int, str, dict[str, list[str]]]] = [
    (1, "core tables: articles, events, actors, quotes, places",
     {d: _split(_CORE, d) for d in _TYPES}),
    (2, "full-text search on article title and body", _FTS),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
