"""The pipeline: a registry of stages run in order over one `Article`.

ingest -> clean -> nlp -> actors -> places -> quotes -> events -> time -> locate -> output.
Each stage is a function `run(article, settings) -> None` that fills its own fields.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module

from .model import Article

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Options every stage may read. Users extend knowledge with their own files."""

    actor_files: tuple[str, ...] = ()
    pattern_files: tuple[str, ...] = ()
    stages: tuple[str, ...] | None = None  # None = all
    conventions: str = "cameo"  # how events are written down: data/events/conventions/<name>.yaml or a file


# name -> "module:function"; imported lazily so `eventwire clean` never loads spaCy.
STAGES: dict[str, str] = {
    "clean": "eventwire.clean:run",
    "nlp": "eventwire.nlp:parse",
    "actors": "eventwire.actors:run",
    "places": "eventwire.places:run",
    "quotes": "eventwire.quotes:run",  # before events: a statement's speaker sources "we" inside it
    "events": "eventwire.events:run",
    "time": "eventwire.time:run",
    "locate": "eventwire.places:locate_events",
}
CLEAN_ONLY = ("clean",)


def get_stage(name: str) -> Callable[[Article, Settings], None]:
    module, func = STAGES[name].split(":")
    return getattr(import_module(module), func)


@dataclass
class StageTimer:
    """Seconds spent per stage, for `make bench`."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, secs: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + secs


# Stages that can run over a whole batch at once (the parser is faster on larger batches).
BATCH_STAGES: dict[str, str] = {"nlp": "eventwire.nlp:parse_many"}
BATCH_SIZE = 16  # articles per batch in `process_all`: output waits for at most this many


def _run_stage(name: str, article: Article, settings: Settings) -> None:
    try:
        get_stage(name)(article, settings)
    except Exception as exc:  # one bad article must not stop a batch
        LOGGER.exception("stage %s failed on %s", name, article.id)
        article.error = f"{name} stage failed: {type(exc).__name__}: {exc}"


def process(article: Article, settings: Settings = Settings(), timer: StageTimer | None = None) -> Article:
    """Run every stage over one article. A failure marks the article with an error; it never raises."""
    return process_batch([article], settings, timer)[0]


def process_batch(articles: list[Article], settings: Settings = Settings(),
                  timer: StageTimer | None = None) -> list[Article]:
    """Run the stages over a batch, stage by stage; a failing article is marked, the others go on."""
    for name in settings.stages or tuple(STAGES):
        live = [a for a in articles if not a.error]
        if not live:
            break
        started = time.perf_counter()
        batch = BATCH_STAGES.get(name)
        if batch is not None and len(live) > 1:
            module, func = batch.split(":")
            try:
                getattr(import_module(module), func)(live)
            except Exception:  # find the culprit one article at a time
                for article in live:
                    _run_stage(name, article, settings)
        else:
            for article in live:
                _run_stage(name, article, settings)
        if timer is not None:
            timer.add(name, time.perf_counter() - started)
    return articles


def process_all(articles: Iterable[Article], settings: Settings = Settings(),
                timer: StageTimer | None = None, batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Process a stream in input order, in batches of `batch_size` articles."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from process_batch(batch, settings, timer)
            batch = []
    if batch:
        yield from process_batch(batch, settings, timer)
