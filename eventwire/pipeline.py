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


def process(article: Article, settings: Settings = Settings(), timer: StageTimer | None = None) -> Article:
    """Run every stage over one article. A failure marks the article with an error; it never raises."""
    if article.error:
        return article
    names = settings.stages or tuple(STAGES)
    for name in names:
        started = time.perf_counter()
        try:
            get_stage(name)(article, settings)
        except Exception as exc:  # one bad article must not stop a batch
            LOGGER.exception("stage %s failed on %s", name, article.id)
            article.error = f"{name} stage failed: {type(exc).__name__}: {exc}"
            return article
        if timer is not None:
            timer.add(name, time.perf_counter() - started)
    return article


def process_all(articles: Iterable[Article], settings: Settings = Settings(),
                timer: StageTimer | None = None) -> Iterator[Article]:
    for article in articles:
        yield process(article, settings, timer)
