"""The FastAPI application: JSON API under /api, HTML dashboard pages, static files.

`create_app(store, write_token=None)` builds it. Handlers only call the `Store`; pages are
Jinja templates with autoescape on; charts are SVG rendered in `render.py`. Without a write
token the app is read-only: `POST /api/articles` answers 403.
"""
from __future__ import annotations

import hmac
import json
import logging
import threading
from datetime import date, timedelta
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Body, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..store import SCHEMA_VERSION, Store, StoreError
from . import render

LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).parent
API_MAX_LIMIT = 500
OVERVIEW_DAYS = 120  # the overview chart shows at most the last this many days of data
FILTER_DOC = ("Codes match by prefix (RUS matches RUSGOV). Hypothetical and negated events are left out "
              "unless include_uncounted=true or a status is given.")

# Security headers for every response: no inline scripts, nothing from other origins.
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def filter_safe_url(url: str | None) -> str:
    """Only http(s) links from article metadata; a `javascript:` URL becomes empty."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def build_templates() -> Jinja2Templates:
    """Jinja with autoescape on for every template (article text is untrusted input)."""
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.globals["quad_names"] = render.QUAD_NAMES
    env.filters["safe_url"] = filter_safe_url
    env.filters["urlencode_params"] = lambda d: urlencode({k: v for k, v in d.items() if v not in (None, "")})
    return Jinja2Templates(env=env)


class AlertSource:
    """Alerts from `eventwire.signals` when it is installed, cached until the store's counts change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: Any = None
        self._value: tuple[list[dict], str | None] = ([], None)

    def get(self, store: Store) -> tuple[list[dict], str | None]:
        if find_spec("eventwire.signals") is None:
            return [], "alerts appear here once the signals module (eventwire.signals) is installed"
        key = tuple(sorted(store.counts().items()))
        with self._lock:
            if key == self._key:
                return self._value
            signals = import_module("eventwire.signals")
            try:
                if hasattr(signals, "alerts_for_store"):
                    alerts = signals.alerts_for_store(store)
                elif hasattr(signals, "detect_alerts"):
                    alerts = signals.detect_alerts(store.events_frame())
                else:
                    return [], "eventwire.signals has no detect_alerts yet"
                value: tuple[list[dict], str | None] = (json.loads(json.dumps(alerts, default=str)), None)
            except Exception as exc:  # a broken detector must not take the dashboard down
                LOGGER.exception("alert detection failed")
                value = ([], f"alert detection failed: {type(exc).__name__}: {exc}")
            self._key, self._value = key, value
            return value


def _bad_request(exc: ValueError) -> HTTPException:
    return HTTPException(status_code=400, detail=str(exc))


def _event_filters(actor, source, target, dyad, code, root, quad_class, status, since, until, q,
                   include_uncounted) -> dict:
    return {k: v for k, v in dict(actor=actor, source=source, target=target, dyad=dyad, code=code, root=root,
                                  quad_class=quad_class, status=status, since=since, until=until, q=q,
                                  include_uncounted=include_uncounted).items() if v not in (None, "", False)}


def build_api_router() -> APIRouter:
    """The JSON API (one router; handlers only call the store)."""
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/events", summary="Events, filtered and paginated, newest day first", description=FILTER_DOC)
    def list_events(request: Request,
                    actor: str | None = Query(None, description="Actor code as source or target"),
                    source: str | None = None, target: str | None = None,
                    dyad: str | None = Query(None, description="Two codes, either direction: RUS-UKR"),
                    code: str | None = Query(None, description="CAMEO code or prefix"),
                    root: str | None = Query(None, description="CAMEO root 01-20"),
                    quad_class: int | None = Query(None, ge=1, le=4),
                    status: str | None = None,
                    since: str | None = Query(None, description="YYYY-MM-DD"),
                    until: str | None = Query(None, description="YYYY-MM-DD"),
                    q: str | None = Query(None, description="Full-text search in article title and text"),
                    include_uncounted: bool = False,
                    limit: int = Query(50, ge=0, le=API_MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict:
        store: Store = request.app.state.store
        filters = _event_filters(actor, source, target, dyad, code, root, quad_class, status, since, until, q,
                                 include_uncounted)
        try:
            items = store.query_events(limit=limit, offset=offset, **filters)
            total = store.count_events(**filters)
        except ValueError as exc:
            raise _bad_request(exc) from exc
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @api.get("/articles", summary="Articles (without text), newest first; q searches the text")
    def list_articles(request: Request, q: str | None = None, since: str | None = None, until: str | None = None,
                      source: str | None = None, limit: int = Query(50, ge=0, le=API_MAX_LIMIT),
                      offset: int = Query(0, ge=0)) -> dict:
        store: Store = request.app.state.store
        try:
            items = store.list_articles(q=q, since=since, until=until, source=source, limit=limit, offset=offset)
            total = store.count_articles(q=q, since=since, until=until, source=source)
        except ValueError as exc:
            raise _bad_request(exc) from exc
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @api.get("/articles/{article_id:path}", summary="One article: text, removed pieces, events, quotes, actors, places")
    def get_article(request: Request, article_id: str) -> dict:
        art = request.app.state.store.get_article(article_id)
        if art is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return art

    @api.get("/dyads", summary="Daily counts per QuadClass and Goldstein sums for a pair (a, b); "
                               "without a pair: the top dyads")
    def get_dyads(request: Request, a: str | None = None, b: str | None = None, directed: bool = False,
                  since: str | None = None, until: str | None = None,
                  limit: int = Query(20, ge=1, le=API_MAX_LIMIT)) -> dict:
        store: Store = request.app.state.store
        try:
            if a and b:
                series = store.dyad_series(a, b, directed=directed,
                                           **{k: v for k, v in (("since", since), ("until", until)) if v})
                return {"a": a.upper(), "b": b.upper(), "directed": directed, "series": series}
            if a or b:
                raise ValueError("give both a and b (actor codes), or neither for the top dyads")
            return {"top": store.top_dyads(limit=limit, **{k: v for k, v in (("since", since), ("until", until))
                                                           if v})}
        except ValueError as exc:
            raise _bad_request(exc) from exc

    @api.get("/actors", summary="Actor codes with event counts and their most common name")
    def get_actors(request: Request, limit: int = Query(200, ge=1, le=API_MAX_LIMIT)) -> list[dict]:
        return request.app.state.store.actors(limit=limit)

    @api.get("/alerts", summary="Escalation alerts from eventwire.signals (empty with a note if not installed)")
    def get_alerts(request: Request) -> dict:
        alerts, note = request.app.state.alerts.get(request.app.state.store)
        return {"alerts": alerts, "note": note}

    @api.get("/counts", summary="Row counts and schema version")
    def get_counts(request: Request) -> dict:
        store: Store = request.app.state.store
        return {**store.counts(), "schema_version": SCHEMA_VERSION, "backend": store.dialect,
                "writable": bool(request.app.state.write_token)}

    @api.post("/articles", summary="Ingest articles (needs Authorization: Bearer WRITE_TOKEN)", status_code=200)
    def post_articles(request: Request, payload: Any = Body(..., description="One JSON Lines record "
                      "{id, text|html, title?, url?, source?, published?} or a list of them"),
                      authorization: str | None = Header(None)) -> dict:
        token = request.app.state.write_token
        if not token:
            raise HTTPException(status_code=403, detail="this server is read-only (start it with --write-token)")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(status_code=401, detail="missing or wrong bearer token",
                                headers={"WWW-Authenticate": "Bearer"})
        records = payload if isinstance(payload, list) else [payload]
        if not records or len(records) > 1000:
            raise HTTPException(status_code=400, detail="send 1 to 1000 records")
        from ..ingest import article_from_record
        from ..pipeline import Settings, process_all

        articles = [article_from_record(r, f"api:{n}") for n, r in enumerate(records, 1)]
        result = request.app.state.writer.ingest_articles(process_all(articles, Settings()))
        return result.to_dict()

    return api


def _nav_counts(store: Store) -> dict:
    return store.counts()


def _alert_matches(alert: dict, a: str, b: str) -> bool:
    """An alert is about the pair when its two actors prefix-match a and b (either order)."""
    actors = [str(x).upper() for x in alert.get("actors") or []]
    if len(actors) != 2:
        return False
    a, b = a.upper(), b.upper()

    def fits(x: str, y: str) -> bool:
        return x.startswith(y) or y.startswith(x)
    return (fits(actors[0], a) and fits(actors[1], b)) or (fits(actors[0], b) and fits(actors[1], a))


def build_page_router(templates: Jinja2Templates) -> APIRouter:
    """The HTML dashboard: overview, dyad, network, search, article pages."""
    pages = APIRouter(include_in_schema=False)

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("counts", _nav_counts(request.app.state.store))
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @pages.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        store: Store = request.app.state.store
        alerts, note = request.app.state.alerts.get(store)
        first, last = store.date_range()
        since = None
        if last and first and (date.fromisoformat(last) - date.fromisoformat(first)).days >= OVERVIEW_DAYS:
            since = (date.fromisoformat(last) - timedelta(days=OVERVIEW_DAYS - 1)).isoformat()
        daily = store.daily_counts(**({"since": since} if since else {}))
        shown_first = min((r["day"] for r in daily), default=since) if since else None
        return page(request, "overview.html", chart=render.render_quad_bars(daily), chart_since=shown_first,
                    chart_last=last,
                    top_dyads=store.top_dyads(limit=10), alerts=list(reversed(alerts))[:8], alerts_note=note,
                    articles=store.list_articles(limit=8), actors=store.actors(limit=10))

    @pages.get("/dyads", response_class=HTMLResponse)
    def dyad_page(request: Request, a: str | None = None, b: str | None = None) -> HTMLResponse:
        store: Store = request.app.state.store
        top = store.top_dyads(limit=12)
        if not (a and b) and top:
            a, b = top[0]["source"], top[0]["target"]
        series, events, error, pair_alerts = [], [], None, []
        if a and b:
            try:
                series = store.dyad_series(a, b)
                events = store.query_events(dyad=f"{a}-{b}", limit=100)
            except ValueError as exc:
                error = str(exc)
            alerts, _ = request.app.state.alerts.get(store)
            pair_alerts = [al for al in alerts if _alert_matches(al, a, b)]
        windows = [(al["window_start"], al["window_end"]) for al in pair_alerts
                   if al.get("window_start") and al.get("window_end")]
        return page(request, "dyad.html", status_code=400 if error else 200, a=(a or "").upper(),
                    b=(b or "").upper(), chart=render.render_dyad_chart(series, windows=windows), series=series,
                    events=events, top_dyads=top, error=error, alerts=pair_alerts)

    @pages.get("/network", response_class=HTMLResponse)
    def network_page(request: Request) -> HTMLResponse:
        store: Store = request.app.state.store
        edges = store.top_dyads(limit=200)
        return page(request, "network.html", chart=render.render_network(edges), actors=store.actors(limit=40))

    @pages.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str | None = None, actor: str | None = None, dyad: str | None = None,
                    code: str | None = None, quad_class: str | None = None, since: str | None = None,
                    until: str | None = None, offset: int = Query(0, ge=0)) -> HTMLResponse:
        store: Store = request.app.state.store
        form = {"q": q, "actor": actor, "dyad": dyad, "code": code, "quad_class": quad_class, "since": since,
                "until": until}
        filters = {k: v for k, v in form.items() if v not in (None, "")}
        events, articles, total, error = [], [], 0, None
        try:
            events = store.query_events(limit=50, offset=offset, **filters)
            total = store.count_events(**filters)
            if q:
                articles = store.list_articles(q=q, since=since, until=until, limit=20)
        except ValueError as exc:
            error = str(exc)
        return page(request, "search.html", status_code=400 if error else 200, form=form, events=events,
                    total=total, articles=articles, error=error, offset=offset)

    @pages.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        art = request.app.state.store.get_article(article_id)
        if art is None:
            return page(request, "error.html", status_code=404, message=f"No article with id {article_id!r}.")
        marked = render.render_article_text(art["text"], art["removed"], art["events"], art["quotes"])
        return page(request, "article.html", article=art, marked=marked)

    @pages.get("/docs", response_class=HTMLResponse)
    def api_docs(request: Request) -> HTMLResponse:
        spec = request.app.openapi()
        routes = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "type": (p.get("schema") or {}).get("type") or "",
                           "description": p.get("description") or (p.get("schema") or {}).get("description", "")}
                          for p in op.get("parameters", [])]
                routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "description": op.get("description", ""), "params": params})
        return page(request, "docs.html", routes=routes, title=spec["info"]["title"], version=spec["info"]["version"])

    return pages


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(store: Store, write_token: str | None = None, writer: Store | None = None,
               allowed_hosts: tuple[str, ...] | list[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The web app over `store`.

    Args:
        store: where reads go (open it read-only for a read-only server).
        write_token: enables `POST /api/articles` for requests with `Authorization: Bearer TOKEN`.
        writer: the store that ingests (defaults to `store`; must be writable when a token is given).
        allowed_hosts: accepted `Host` headers; the loopback names by default, so a web page that
            rebinds its own domain name to 127.0.0.1 still cannot read the API. `["*"]` accepts any.
    """
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from .. import __version__ as version

    app = FastAPI(title="eventwire", version=version, docs_url=None, redoc_url=None,
                  description="Political event data from news: events, articles, dyads, actors, alerts.")
    app.state.store = store
    app.state.writer = writer or store
    app.state.write_token = write_token or None
    app.state.alerts = AlertSource()

    @app.middleware("http")
    async def add_security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        LOGGER.warning("store error on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(404)
    async def not_found(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": getattr(exc, "detail", "not found")}, status_code=404)
        return templates.TemplateResponse(request, "error.html", {"message": "Page not found.", "counts": None},
                                          status_code=404)

    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    templates = build_templates()
    app.include_router(build_api_router())
    app.include_router(build_page_router(templates))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
