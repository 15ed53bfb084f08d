"""The two database backends behind `Store`: SQLite (default) and PostgreSQL.

A backend owns one connection and hides the differences between dialects: placeholders,
transactions, read-only mode and full-text search. SQL is written once with `?` placeholders;
the PostgreSQL backend rewrites them to `%s`. Every value travels as a parameter.
"""
from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)


def build_match_terms(query: str) -> list[str]:
    """Split a user search into plain word terms (operators and punctuation are dropped)."""
    return re.findall(r"\w+", query or "")


class ReadTimeout(RuntimeError):
    """A read query ran past the store's time limit."""


class Backend:
    """Common interface; subclasses set `dialect` and implement the connection details."""

    dialect = ""

    def __init__(self) -> None:
        self.conn: Any = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.adapt(sql), tuple(params))

    def fetch_all(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        cur = self.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def adapt(self, sql: str) -> str:
        return sql

    def fetch_all_limited(self, sql: str, params: Sequence[Any], seconds: float) -> list[dict]:
        """`fetch_all` that gives up after `seconds` (raises ReadTimeout)."""
        return self.fetch_all(sql, params)

    def begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def end_read(self) -> None:
        """Close the implicit read transaction so a long-lived connection sees new data."""

    def set_read_only(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # full-text search -------------------------------------------------------
    def fts_article_clause(self, alias: str, query: str) -> tuple[str, list[Any]]:
        """SQL condition (and params) selecting articles of `alias` matching every word of `query`."""
        raise NotImplementedError

    def fts_insert(self, pk: int, title: str | None, body: str) -> None:
        """Index one article (PostgreSQL indexes a generated column by itself)."""

    def fts_delete(self, pk: int) -> None:
        """Drop one article from the index."""

    def has_table(self, name: str) -> bool:
        raise NotImplementedError


class SQLiteBackend(Backend):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise ValueError(f"cannot create database {path}: folder {parent} does not exist")
        # isolation_level=None: we issue BEGIN/COMMIT ourselves (one transaction per batch).
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"cannot open {path} as a SQLite database: {exc}") from exc

    def fetch_all_limited(self, sql: str, params: Sequence[Any], seconds: float) -> list[dict]:
        deadline = time.monotonic() + seconds
        # The progress handler runs every N virtual-machine steps; a true return aborts the query.
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            return self.fetch_all(sql, params)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise ReadTimeout(f"query stopped after {seconds:g} s") from exc
            raise
        finally:
            self.conn.set_progress_handler(None, 0)

    def begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so a concurrent writer waits instead of failing late.
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def set_read_only(self) -> None:
        self.conn.execute("PRAGMA query_only=ON")

    def fts_article_clause(self, alias: str, query: str) -> tuple[str, list[Any]]:
        terms = build_match_terms(query)
        if not terms:
            return "1=1", []
        match = " ".join('"' + t.replace('"', "") + '"' for t in terms)
        return f"{alias}.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", [match]

    def fts_insert(self, pk: int, title: str | None, body: str) -> None:
        self.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", (pk, title or "", body))

    def fts_delete(self, pk: int) -> None:
        self.execute("DELETE FROM articles_fts WHERE rowid = ?", (pk,))

    def has_table(self, name: str) -> bool:
        return bool(self.fetch_all("SELECT name FROM sqlite_master WHERE type='table' AND name=?", (name,)))


class PostgresBackend(Backend):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg  # only the store imports database drivers

        self.url = url
        self.read_only = False
        try:
            self.conn = psycopg.connect(url, autocommit=False, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise ValueError(f"cannot connect to PostgreSQL: {exc}".strip()) from exc

    def _reconnect(self) -> None:
        """A fresh connection after the old one broke (server restart, idle timeout)."""
        import psycopg

        LOGGER.warning("PostgreSQL connection lost; reconnecting")
        try:
            self.conn.close()
        except psycopg.Error:
            pass
        self.conn = psycopg.connect(self.url, autocommit=False, connect_timeout=10)
        if self.read_only:
            self.set_read_only()

    def adapt(self, sql: str) -> str:
        # psycopg uses %s; a literal % must be doubled.
        return sql.replace("%", "%%").replace("?", "%s")

    def fetch_all_limited(self, sql: str, params: Sequence[Any], seconds: float) -> list[dict]:
        import psycopg

        for attempt in (1, 2):
            try:
                # SET LOCAL lasts until end_read() closes this read transaction.
                self.conn.execute(f"SET LOCAL statement_timeout = {int(seconds * 1000)}")
                return self.fetch_all(sql, params)
            except psycopg.errors.QueryCanceled as exc:
                raise ReadTimeout(f"query stopped after {seconds:g} s") from exc
            except psycopg.OperationalError:
                # Reads are safe to repeat: retry once on a fresh connection if this one broke.
                if attempt == 2 or not (self.conn.broken or self.conn.closed):
                    raise
                self._reconnect()
        raise AssertionError("unreachable")

    def end_read(self) -> None:
        if not (self.conn.broken or self.conn.closed):
            self.conn.rollback()

    def begin(self) -> None:
        # psycopg opens a transaction implicitly on the first statement; end any read one first.
        self.begin_write_check()
        self.conn.rollback()

    def begin_write_check(self) -> None:
        """Reconnect before a write transaction when the connection broke since the last use."""
        if self.conn.broken or self.conn.closed:
            self._reconnect()

    def set_read_only(self) -> None:
        self.read_only = True
        self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        self.conn.commit()

    def fts_article_clause(self, alias: str, query: str) -> tuple[str, list[Any]]:
        terms = build_match_terms(query)
        if not terms:
            return "1=1", []
        return f"{alias}.tsv @@ plainto_tsquery('english', ?)", [" ".join(terms)]

    def has_table(self, name: str) -> bool:
        rows = self.fetch_all("SELECT 1 AS x FROM information_schema.tables "
                              "WHERE table_schema = current_schema() AND table_name = ?", (name,))
        self.end_read()
        return bool(rows)


def connect_backend(url_or_path: str) -> Backend:
    """Pick the backend from the address: `postgresql://…`/`postgres://…` or a SQLite file path."""
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(target)
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    if "://" in target:
        raise ValueError(f"unsupported database address {url_or_path!r}: use a file path or postgresql://")
    return SQLiteBackend(target)
