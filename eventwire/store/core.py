"""`Store`: the one interface to the event database, whatever the backend.

Writes go through `ingest_articles` only, one transaction per batch, one savepoint per
article, so a crash loses at most the batch in flight and a rerun skips what was committed
(articles are keyed by id and a sha256 of their input text). Reads are capped and every
filter value is a bound parameter.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..model import Article
from .backends import Backend, ReadTimeout, connect_backend
from .migrations import MIGRATIONS, SCHEMA_VERSION

LOGGER = logging.getLogger(__name__)

MAX_LIMIT = 10_000  # row cap for one read (the API caps lower)
READ_SECONDS = 30.0  # time limit for one read query
UNCOUNTED_STATUSES = ("hypothetical", "negated")  # kept for transparency, not counted (CONTRACT.md)
_CODE_RE = re.compile(r"^[A-Z0-9]{1,16}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

EVENT_COLUMNS = [
    "event_id", "article_id", "date", "event_date", "published", "source", "source_text", "target",
    "target_text", "code", "root", "plover_type", "plover_mode", "quad_class", "goldstein", "status",
    "confidence", "sentence", "span_start", "span_end", "trigger_start", "trigger_end", "evidence",
    "date_evidence", "location_name", "lat", "lon", "title", "url", "outlet",
]
_EVENT_SELECT = """
SELECT e.event_id, e.article_id, e.day AS date, e.event_date, a.published,
       e.source_code AS source, e.source_text, e.target_code AS target, e.target_text,
       e.code, e.root, e.plover_type, e.plover_mode, e.quad_class, e.goldstein, e.status,
       e.confidence, e.sentence, e.span_start, e.span_end, e.trigger_start, e.trigger_end,
       e.evidence, e.date_evidence, e.location_name, e.lat, e.lon, a.title, a.url, a.source AS outlet
FROM events e JOIN articles a ON a.id = e.article_id
"""


class StoreError(RuntimeError):
    """A database problem the user can act on (read-only store, bad schema version)."""


@dataclass
class IngestResult:
    """What one ingest did: `added` new articles (incl. `replaced` changed ones), `skipped`
    unchanged ones already stored, `failed` ones with errors (never stored half)."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    replaced: int = 0
    events: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": self.added, "skipped": self.skipped, "failed": self.failed,
                "replaced": self.replaced, "events": self.events,
                "errors": [{"id": i, "error": e} for i, e in self.errors]}


def compute_content_hash(article: Article) -> str:
    """sha256 of the article id and its input text: the idempotency key."""
    return hashlib.sha256(f"{article.id}\n{article.text}".encode("utf-8")).hexdigest()


def _check_code(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    code = str(value).strip().upper()
    if not _CODE_RE.match(code):
        raise ValueError(f"{name} must be a code of letters and digits, got {value!r}")
    return code


def _check_date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not _DATE_RE.match(text):
        raise ValueError(f"{name} must be a YYYY-MM-DD date, got {value!r}")
    return text


def parse_dyad(value: str | tuple | list | None) -> tuple[str, str] | None:
    """`"RUS-UKR"`, `"RUS:UKR"`, `"RUS,UKR"` or a pair -> ("RUS", "UKR")."""
    if value in (None, "", ()):
        return None
    parts = list(value) if isinstance(value, (tuple, list)) else re.split(r"[-:,/ ]+", str(value).strip())
    parts = [p for p in parts if p]
    if len(parts) != 2:
        raise ValueError(f"dyad must be two actor codes like RUS-UKR, got {value!r}")
    return _check_code("dyad", parts[0]), _check_code("dyad", parts[1])  # type: ignore[return-value]


@dataclass
class EventFilter:
    """Validated filters shared by the CLI, the API and the exporters."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    article_id: str | None = None
    include_uncounted: bool = False

    @classmethod
    def build(cls, **kwargs: Any) -> "EventFilter":
        """Validate raw values (strings from argv or a query string); raises ValueError."""
        unknown = set(kwargs) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        f = cls()
        f.actor = _check_code("actor", kwargs.get("actor"))
        f.source = _check_code("source", kwargs.get("source"))
        f.target = _check_code("target", kwargs.get("target"))
        f.dyad = parse_dyad(kwargs.get("dyad"))
        code = kwargs.get("code")
        if code not in (None, "") and not re.fullmatch(r"\d{2,4}", str(code).strip()):
            raise ValueError(f"code must be a CAMEO code of 2 to 4 digits, got {code!r}")
        f.code = str(code).strip() if code not in (None, "") else None
        root = kwargs.get("root")
        if root not in (None, ""):
            root = str(root).strip().zfill(2)
            if not re.fullmatch(r"\d{2}", root):
                raise ValueError(f"root must be a CAMEO root code 01-20, got {kwargs.get('root')!r}")
        f.root = root or None
        qc = kwargs.get("quad_class")
        if qc not in (None, ""):
            try:
                qc = int(qc)
            except (TypeError, ValueError):
                raise ValueError(f"quad_class must be 1, 2, 3 or 4, got {qc!r}") from None
            if qc not in (1, 2, 3, 4):
                raise ValueError(f"quad_class must be 1, 2, 3 or 4, got {qc!r}")
        f.quad_class = qc if qc not in (None, "") else None
        status = kwargs.get("status")
        if status not in (None, ""):
            if status not in ("actual", "intended", "threatened", "hypothetical", "negated"):
                raise ValueError("status must be actual, intended, threatened, hypothetical or negated, "
                                 f"got {status!r}")
        f.status = status or None
        f.since = _check_date("since", kwargs.get("since"))
        f.until = _check_date("until", kwargs.get("until"))
        q = kwargs.get("q")
        f.q = str(q).strip()[:500] if q not in (None, "") else None
        f.article_id = kwargs.get("article_id") or None
        f.include_uncounted = bool(kwargs.get("include_uncounted", False))
        return f


def _prefix(code: str) -> str:
    return code + "%"  # codes are validated [A-Z0-9], so no LIKE wildcard can slip in


# One-value event filters: (EventFilter field, SQL clause, how the value becomes the parameter).
_SIMPLE_EVENT_FILTERS = (
    ("source", "e.source_code LIKE ?", lambda v: _prefix(v)),
    ("target", "e.target_code LIKE ?", lambda v: _prefix(v)),
    ("code", "e.code LIKE ?", lambda v: v + "%"),
    ("root", "e.root = ?", lambda v: v),
    ("quad_class", "e.quad_class = ?", lambda v: v),
    ("since", "e.day >= ?", lambda v: v),
    ("until", "e.day <= ?", lambda v: v),
    ("article_id", "e.article_id = ?", lambda v: v),
)


class Store:
    """The event database. Use `open_store(url_or_path)` to get one."""

    def __init__(self, backend: Backend, read_only: bool = False, read_seconds: float = READ_SECONDS) -> None:
        self.backend = backend
        self.read_seconds = read_seconds
        self.dialect = backend.dialect
        self._lock = threading.RLock()  # one connection, shared by the web server's threads
        self.read_only = read_only
        self.migrate()
        if read_only:
            backend.set_read_only()

    # lifecycle ------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self.backend.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[dict]:
        with self._lock:
            try:
                return self.backend.fetch_all_limited(sql, list(params), self.read_seconds)
            except ReadTimeout as exc:
                raise StoreError(f"{exc}: narrow the filters (read limit {self.read_seconds:g} s)") from exc
            finally:
                self.backend.end_read()

    def schema_version(self) -> int:
        """The highest applied migration."""
        rows = self._read("SELECT MAX(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    def migrate(self) -> list[int]:
        """Apply the missing migrations in order; returns the versions applied."""
        applied: list[int] = []
        with self._lock:
            b = self.backend
            # Up to date? Then take no write lock at all (a reader may sit on a read-only file).
            if b.has_table("schema_migrations"):
                rows = b.fetch_all("SELECT MAX(version) AS v FROM schema_migrations")
                b.end_read()
                if rows and rows[0]["v"] == SCHEMA_VERSION:
                    return applied
            b.begin()
            try:
                b.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                          "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                have = {int(r["version"]) for r in b.fetch_all("SELECT version FROM schema_migrations")}
                if have and max(have) > SCHEMA_VERSION:
                    raise StoreError(f"database schema version {max(have)} is newer than this eventwire "
                                     f"({SCHEMA_VERSION}); upgrade eventwire")
                for version, name, statements in MIGRATIONS:
                    if version in have:
                        continue
                    LOGGER.info("applying migration %d: %s", version, name)
                    for stmt in statements[self.dialect]:
                        b.execute(stmt)
                    b.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                              (version, name, _now()))
                    applied.append(version)
                b.commit()
            except Exception:
                b.rollback()
                raise
        return applied

    # writes ---------------------------------------------------------------------
    def ingest_articles(self, articles: Iterable[Article], batch_size: int = 100, replace: bool = False,
                        on_article: Callable[[Article, str], None] | None = None) -> IngestResult:
        """Store processed articles, idempotently.

        Args:
            articles: processed `Article`s; ones with `.error` are counted as failed, never stored.
            batch_size: articles per transaction.
            replace: re-store articles even when their content hash is unchanged.
            on_article: called with (article, outcome) where outcome is added, replaced,
                skipped or failed (for progress reporting).
        Returns:
            IngestResult with the counts.
        Raises:
            StoreError: when the store was opened read-only.
        """
        if self.read_only:
            raise StoreError("this store is read-only")
        result = IngestResult()
        batch: list[Article] = []
        for article in articles:
            if article.error:
                result.failed += 1
                result.errors.append((article.id, article.error))
                LOGGER.warning("not stored: %s: %s", article.id, article.error)
                if on_article:
                    on_article(article, "failed")
                continue
            batch.append(article)
            if len(batch) >= batch_size:
                self._write_batch(batch, replace, result, on_article)
                batch = []
        if batch:
            self._write_batch(batch, replace, result, on_article)
        return result

    def is_stored(self, article: Article) -> bool:
        """True when this article id is stored with the same content hash (so ingesting it would skip)."""
        rows = self._read("SELECT 1 AS x FROM articles WHERE id = ? AND content_hash = ?",
                          (article.id, compute_content_hash(article)))
        return bool(rows)

    def _write_batch(self, batch: list[Article], replace: bool, result: IngestResult,
                     on_article: Callable[[Article, str], None] | None) -> None:
        outcomes: list[tuple[Article, str]] = []
        with self._lock:
            b = self.backend
            b.begin()
            try:
                for article in batch:
                    b.execute("SAVEPOINT article")
                    try:
                        outcome = self._write_article(article, replace)
                    except Exception as exc:  # one bad article must not sink the batch
                        b.execute("ROLLBACK TO SAVEPOINT article")
                        LOGGER.warning("not stored: %s: %s", article.id, exc)
                        outcome = f"failed: {type(exc).__name__}: {exc}"
                    b.execute("RELEASE SAVEPOINT article")
                    outcomes.append((article, outcome))
                b.commit()
            except BaseException:
                b.rollback()
                raise
        LOGGER.info("committed a batch of %d articles (%s)", len(batch),
                    ", ".join(sorted({o.split(":")[0] for _, o in outcomes})))
        for article, outcome in outcomes:
            if outcome.startswith("failed"):
                result.failed += 1
                result.errors.append((article.id, outcome[len("failed: "):]))
                outcome = "failed"
            elif outcome == "skipped":
                result.skipped += 1
            else:
                result.added += 1
                result.events += len(article.events)
                if outcome == "replaced":
                    result.replaced += 1
            if on_article:
                on_article(article, outcome)

    def _write_article(self, article: Article, replace: bool) -> str:
        b = self.backend
        digest = compute_content_hash(article)
        old = b.fetch_all("SELECT pk, content_hash FROM articles WHERE id = ?", (article.id,))
        outcome = "added"
        if old:
            if old[0]["content_hash"] == digest and not replace:
                return "skipped"
            self._delete_article(article.id, old[0]["pk"])
            outcome = "replaced"
        dl = article.dateline
        dateline = (json.dumps({"place": dl.place, "country": dl.country, "agency": dl.agency, "text": dl.text})
                    if dl else None)
        removed = json.dumps([{"kind": r.kind, "text": r.text, "span": [r.start, r.end], "reason": r.reason}
                              for r in article.removed], ensure_ascii=False)
        meta = {k: v for k, v in article.meta.items() if k != "html" and isinstance(v, (str, int, float, bool))}
        body = article.body
        row = b.fetch_all(
            "INSERT INTO articles (id, content_hash, title, url, source, published, dateline, text, body, "
            "removed, meta, n_events, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
            (article.id, digest, article.title, article.url, article.source, article.published, dateline,
             article.text, body, removed, json.dumps(meta, ensure_ascii=False), len(article.events), _now()))
        b.fts_insert(row[0]["pk"], article.title, body or article.text)
        for seq, ev in enumerate(article.events):
            loc = ev.location or {}
            b.execute(
                "INSERT INTO events (event_id, article_id, seq, day, event_date, source_text, source_code, "
                "target_text, target_code, code, root, plover_type, plover_mode, goldstein, quad_class, status, "
                "location, location_name, lat, lon, sentence, span_start, span_end, trigger_start, trigger_end, "
                "evidence, date_evidence, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f"{article.id}:{seq}", article.id, seq, ev.date or article.published, ev.date,
                 ev.source.text if ev.source else None, ev.source.code if ev.source else None,
                 ev.target.text if ev.target else None, ev.target.code if ev.target else None,
                 ev.code, ev.root, (ev.plover or {}).get("type"), (ev.plover or {}).get("mode"),
                 ev.goldstein, ev.quad_class, ev.status,
                 json.dumps(ev.location, ensure_ascii=False) if ev.location else None,
                 loc.get("name"), loc.get("lat"), loc.get("lon"), ev.sentence, ev.span[0], ev.span[1],
                 ev.trigger[0], ev.trigger[1], ev.evidence, ev.date_evidence, ev.confidence))
        for seq, a in enumerate(article.actors):
            b.execute("INSERT INTO actors (article_id, seq, text, name, code, country, sector, role, span_start, "
                      "span_end, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (article.id, seq, a.text, a.name, a.code, a.country, a.sector, a.role, a.start, a.end,
                       a.evidence))
        for seq, q in enumerate(article.quotes):
            speaker = q.speaker or {}
            b.execute("INSERT INTO quotes (article_id, seq, text, speaker_name, speaker_code, direct, span_start, "
                      "span_end, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (article.id, seq, q.text, speaker.get("name"), speaker.get("code"), int(bool(q.direct)),
                       q.span[0], q.span[1], q.evidence))
        for seq, p in enumerate(article.places):
            b.execute("INSERT INTO places (article_id, seq, text, name, country, lat, lon, kind, span_start, "
                      "span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (article.id, seq, p.text, p.name, p.country, p.lat, p.lon, p.kind, p.start, p.end))
        return outcome

    def _delete_article(self, article_id: str, pk: int) -> None:
        b = self.backend
        for table in ("events", "actors", "quotes", "places"):
            b.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # table names are constants
        b.fts_delete(pk)
        b.execute("DELETE FROM articles WHERE pk = ?", (pk,))

    # event reads ------------------------------------------------------------------
    def _event_where(self, f: EventFilter) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if not f.include_uncounted and not f.status:
            where.append("e.status NOT IN (?, ?)")
            params += list(UNCOUNTED_STATUSES)
        if f.status:
            where.append("e.status = ?")
            params.append(f.status)
        if f.actor:
            where.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            params += [_prefix(f.actor)] * 2
        for field, clause, value in _SIMPLE_EVENT_FILTERS:
            if getattr(f, field):
                where.append(clause)
                params.append(value(getattr(f, field)))
        if f.dyad:
            a, c = f.dyad
            where.append("((e.source_code LIKE ? AND e.target_code LIKE ?) OR "
                         "(e.source_code LIKE ? AND e.target_code LIKE ?))")
            params += [_prefix(a), _prefix(c), _prefix(c), _prefix(a)]
        if f.q:
            clause, qp = self.backend.fts_article_clause("a", f.q)
            where.append(clause)
            params += qp
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def query_events(self, limit: int = 1000, offset: int = 0, **filters: Any) -> list[dict]:
        """Events matching the filters, newest day first (see `EventFilter` for the filters).

        Actor, source, target and dyad codes match by prefix: `RUS` matches `RUSGOV`.
        Hypothetical and negated events are left out unless `include_uncounted=True` or a status is given.
        """
        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        limit = _clamp(limit, MAX_LIMIT)
        sql = (f"{_EVENT_SELECT}{where} ORDER BY (e.day IS NULL), e.day DESC, e.article_id, e.seq "
               f"LIMIT {limit} OFFSET {max(int(offset), 0)}")
        return self._read(sql, params)

    def count_events(self, **filters: Any) -> int:
        """How many events match the filters."""
        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        rows = self._read(f"SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.id = e.article_id{where}", params)
        return int(rows[0]["n"])

    def events_frame(self, limit: int = MAX_LIMIT * 100, **filters: Any) -> Any:
        """The matching events as a pandas DataFrame (columns `EVENT_COLUMNS`)."""
        import pandas as pd

        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        sql = f"{_EVENT_SELECT}{where} ORDER BY e.day, e.article_id, e.seq LIMIT {int(limit)}"
        return pd.DataFrame(self._read(sql, params), columns=EVENT_COLUMNS)

    def iter_events(self, chunk: int = 5000, **filters: Any) -> Iterator[dict]:
        """All matching events, oldest first, read in chunks (for exports)."""
        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        offset = 0
        while True:
            rows = self._read(f"{_EVENT_SELECT}{where} ORDER BY e.day, e.article_id, e.seq "
                              f"LIMIT {int(chunk)} OFFSET {offset}", params)
            yield from rows
            if len(rows) < chunk:
                return
            offset += chunk

    def daily_counts(self, **filters: Any) -> list[dict]:
        """Events per day per QuadClass: [{day, quad_class, n, goldstein}] (goldstein = sum)."""
        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        extra = " AND " if where else " WHERE "
        sql = (f"SELECT e.day AS day, e.quad_class AS quad_class, COUNT(*) AS n, SUM(e.goldstein) AS goldstein "
               f"FROM events e JOIN articles a ON a.id = e.article_id{where}{extra}e.day IS NOT NULL "
               f"GROUP BY e.day, e.quad_class ORDER BY e.day, e.quad_class")
        return self._read(sql, params)

    def dyad_series(self, a: str, b: str, directed: bool = False, **filters: Any) -> list[dict]:
        """Daily counts per QuadClass and the Goldstein sum for a pair of actors.

        Returns:
            [{day, q1, q2, q3, q4, n, goldstein}] oldest first; both directions unless `directed`.
        """
        dyad = parse_dyad((a, b))
        if directed:
            filters.update(source=dyad[0], target=dyad[1])
        else:
            filters["dyad"] = dyad
        by_day: dict[str, dict] = {}
        for row in self.daily_counts(**filters):
            d = by_day.setdefault(row["day"], {"day": row["day"], "q1": 0, "q2": 0, "q3": 0, "q4": 0,
                                                "n": 0, "goldstein": 0.0})
            if row["quad_class"] in (1, 2, 3, 4):
                d[f"q{row['quad_class']}"] += int(row["n"])
            d["n"] += int(row["n"])
            d["goldstein"] = round(d["goldstein"] + float(row["goldstein"] or 0.0), 3)
        return [by_day[k] for k in sorted(by_day)]

    def top_dyads(self, limit: int = 10, **filters: Any) -> list[dict]:
        """The most frequent directed (source, target) pairs: [{source, target, n, goldstein}]."""
        f = EventFilter.build(**filters)
        where, params = self._event_where(f)
        extra = " AND " if where else " WHERE "
        sql = (f"SELECT e.source_code AS source, e.target_code AS target, COUNT(*) AS n, "
               f"SUM(e.goldstein) AS goldstein FROM events e JOIN articles a ON a.id = e.article_id"
               f"{where}{extra}e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
               f"GROUP BY e.source_code, e.target_code ORDER BY n DESC, source, target LIMIT {_clamp(limit, 1000)}")
        return self._read(sql, params)

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last event day stored (counted events), or (None, None)."""
        row = self._read("SELECT MIN(day) AS first, MAX(day) AS last FROM events WHERE day IS NOT NULL "
                         "AND status NOT IN (?, ?)", list(UNCOUNTED_STATUSES))[0]
        return row["first"], row["last"]

    # other reads ------------------------------------------------------------------
    def actors(self, limit: int = 500) -> list[dict]:
        """Actor codes with their event counts (as source, as target) and most common name."""
        counted = "status NOT IN (?, ?)"
        rows = self._read(
            f"SELECT code, SUM(as_source) AS as_source, SUM(as_target) AS as_target FROM ("
            f" SELECT source_code AS code, 1 AS as_source, 0 AS as_target FROM events "
            f"  WHERE source_code IS NOT NULL AND {counted}"
            f" UNION ALL SELECT target_code AS code, 0 AS as_source, 1 AS as_target FROM events "
            f"  WHERE target_code IS NOT NULL AND {counted}) t "
            f"GROUP BY code ORDER BY SUM(as_source) + SUM(as_target) DESC, code LIMIT {_clamp(limit, MAX_LIMIT)}",
            list(UNCOUNTED_STATUSES) * 2)
        names = self._read("SELECT code, name, COUNT(*) AS n FROM actors WHERE code IS NOT NULL "
                           "GROUP BY code, name ORDER BY code, n DESC, name")
        best: dict[str, str] = {}
        for r in names:
            best.setdefault(r["code"], r["name"])
        mentions = {r["code"]: int(r["n"]) for r in self._read(
            "SELECT code, COUNT(*) AS n FROM actors WHERE code IS NOT NULL GROUP BY code")}
        out = []
        for r in rows:
            n_src, n_tgt = int(r["as_source"]), int(r["as_target"])
            out.append({"code": r["code"], "name": best.get(r["code"]), "events": n_src + n_tgt,
                        "as_source": n_src, "as_target": n_tgt, "mentions": mentions.get(r["code"], 0)})
        return out

    def list_articles(self, q: str | None = None, since: str | None = None, until: str | None = None,
                      source: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        """Articles (without their text), newest first; `q` is a full-text search."""
        where, params = self._article_where(q, since, until, source)
        sql = (f"SELECT a.id, a.title, a.url, a.source, a.published, a.n_events, a.ingested_at, "
               f"substr(a.body, 1, 240) AS snippet FROM articles a{where} "
               f"ORDER BY (a.published IS NULL), a.published DESC, a.id "
               f"LIMIT {_clamp(limit, MAX_LIMIT)} OFFSET {max(int(offset), 0)}")
        return self._read(sql, params)

    def count_articles(self, q: str | None = None, since: str | None = None, until: str | None = None,
                       source: str | None = None) -> int:
        where, params = self._article_where(q, since, until, source)
        return int(self._read(f"SELECT COUNT(*) AS n FROM articles a{where}", params)[0]["n"])

    def _article_where(self, q, since, until, source) -> tuple[str, list[Any]]:
        where, params = [], []
        since, until = _check_date("since", since), _check_date("until", until)
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if until:
            where.append("a.published <= ?")
            params.append(until)
        if source:
            where.append("a.source = ?")
            params.append(str(source))
        if q and str(q).strip():
            clause, qp = self.backend.fts_article_clause("a", str(q)[:500])
            where.append(clause)
            params += qp
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def get_article(self, article_id: str) -> dict | None:
        """One article with its text, removed pieces, events (all statuses), quotes, actors and places."""
        rows = self._read("SELECT id, content_hash, title, url, source, published, dateline, text, body, removed, "
                          "meta, n_events, ingested_at FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        art = rows[0]
        art["dateline"] = json.loads(art["dateline"]) if art["dateline"] else None
        art["removed"] = json.loads(art["removed"] or "[]")
        art["meta"] = json.loads(art["meta"] or "{}")
        art["events"] = self.query_events(article_id=article_id, include_uncounted=True, limit=MAX_LIMIT)
        art["events"].sort(key=lambda e: (e["span_start"] or 0, e["event_id"]))
        art["quotes"] = self._read("SELECT seq, text, speaker_name, speaker_code, direct, span_start, span_end, "
                                   "evidence FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,))
        for qrow in art["quotes"]:
            qrow["direct"] = bool(qrow["direct"])
        art["actors"] = self._read("SELECT seq, text, name, code, country, sector, role, span_start, span_end, "
                                   "evidence FROM actors WHERE article_id = ? ORDER BY seq", (article_id,))
        art["places"] = self._read("SELECT seq, text, name, country, lat, lon, kind, span_start, span_end "
                                   "FROM places WHERE article_id = ? ORDER BY seq", (article_id,))
        return art

    def counts(self) -> dict:
        """Row counts per table (events: counted ones; events_all: every stored event)."""
        out = {}
        for table in ("articles", "actors", "quotes", "places"):
            out[table] = int(self._read(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])
        out["events_all"] = int(self._read("SELECT COUNT(*) AS n FROM events")[0]["n"])
        out["events"] = self.count_events()
        return out


def _clamp(limit: Any, cap: int) -> int:
    try:
        n = int(limit)
    except (TypeError, ValueError):
        raise ValueError(f"limit must be a whole number, got {limit!r}") from None
    return max(0, min(n, cap))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_store(url_or_path: str, read_only: bool = False, read_seconds: float = READ_SECONDS) -> Store:
    """Open (and create or migrate) the store at a SQLite path or a `postgresql://` URL.

    `read_only` refuses writes; `read_seconds` stops any single read query that runs longer.

    Raises:
        ValueError: for an unusable address or an unreachable server.
    """
    return Store(connect_backend(str(url_or_path)), read_only=read_only, read_seconds=read_seconds)
