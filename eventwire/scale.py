"""Run the pipeline over many articles: one process, a local process pool, or Dask distributed.

`run_parallel` is the one entry point the CLI (`extract`, `ingest`) and `make bench` use.
Articles travel to workers in small chunks; each worker loads the spaCy model once (at start,
`eventwire.nlp.load_nlp` is cached per process), runs `pipeline.process` and sends the article
back without its spaCy Docs (they are large and not needed after the stages ran). Results come
back in input order whatever the engine.

Dask: with no scheduler address a `LocalCluster` is started bound to 127.0.0.1 only (scheduler,
workers and no dashboard), so nothing listens on another interface; with `tcp://HOST:8786` the
work goes to that existing cluster (its workers need eventwire installed).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .model import Article
from .pipeline import Settings, StageTimer, process, process_batch

LOGGER = logging.getLogger(__name__)

ENGINES = ("local", "dask")
CHUNK_SIZE = 4  # articles per task: small enough to balance two workers, large enough to amortise IPC
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: bounded memory on endless streams
READY_TIMEOUT = 600  # seconds a worker may take to start and load the model


@dataclass
class WorkerStats:
    """What the workers reported: seconds per stage (summed) and peak RSS (MiB) per worker process."""

    timer: StageTimer = field(default_factory=StageTimer)
    peak_rss_mib: dict[str, float] = field(default_factory=dict)  # "host:pid" -> MiB
    articles: int = 0
    cpu_seconds: float = 0.0  # CPU time the workers spent processing (robust to a busy machine)

    def merge(self, seconds: dict[str, float], worker: str, rss_mib: float, n: int, cpu: float = 0.0) -> None:
        for name, secs in seconds.items():
            self.timer.add(name, secs)
        self.peak_rss_mib[worker] = max(self.peak_rss_mib.get(worker, 0.0), rss_mib)
        self.articles += n
        self.cpu_seconds += cpu


def _peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux (bytes on macOS)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _worker_name() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


WARM_UP_TEXT = ("PARIS, France (AFP) - France and Germany signed a trade agreement in Paris on Monday, "
                "the French foreign minister said.\n\nRussia accused Ukraine of shelling a village.")


def warm_worker(settings: Settings | None = None) -> str:
    """Load what a worker needs once (model, dictionaries) by processing a tiny article; return its name.

    Stages load their data lazily and cache it per process, so one short article run at start
    keeps those one-off loads out of the timed work and out of the first real chunk.
    """
    settings = settings or Settings()
    process(Article(id="eventwire-warm-up", text=WARM_UP_TEXT, published="2026-01-05"), settings)
    return _worker_name()


def strip_docs(article: Article) -> Article:
    """Drop the spaCy Docs so the article pickles small (`to_contract` does not need them)."""
    for para in article.paragraphs:
        para.doc = None
    return article


def process_chunk(articles: list[Article], settings: Settings) -> tuple[list[Article], dict, str, float, float]:
    """Process a chunk in a worker.

    RETURNS (tuple): articles without Docs, stage seconds, worker name, peak RSS MiB, CPU seconds.
    """
    timer = StageTimer()
    cpu = time.process_time()
    out = [strip_docs(a) for a in process_batch(articles, settings, timer)]
    return out, timer.seconds, _worker_name(), _peak_rss_mib(), time.process_time() - cpu


def _chunks(articles: Iterable[Article], size: int, skip_ids: Container[str] | None) -> Iterator[list[Article]]:
    it = iter(articles)
    if skip_ids:
        it = (a for a in it if a.id not in skip_ids)
    while chunk := list(islice(it, size)):
        yield chunk


class _LocalPool:
    """A multiprocessing pool whose workers load the model once (spawned: no fork with threads)."""

    def __init__(self, workers: int, settings: Settings):
        ctx = multiprocessing.get_context("spawn")
        # every worker waits at the barrier after its warm-up, so when the parent passes it all
        # workers are ready (a plain warm-up task could be taken twice by the fastest worker)
        ready = ctx.Barrier(workers + 1)
        self.pool = ctx.Pool(workers, initializer=_warm_and_wait, initargs=(settings, ready))
        self.workers = workers
        try:
            ready.wait(timeout=READY_TIMEOUT)
        except threading.BrokenBarrierError as exc:
            self.pool.terminate()
            raise RuntimeError(f"worker processes were not ready within {READY_TIMEOUT}s") from exc

    def submit(self, chunk: list[Article], settings: Settings):
        return self.pool.apply_async(process_chunk, (chunk, settings))

    @staticmethod
    def result(handle):
        return handle.get()

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def _warm_and_wait(settings: Settings, ready) -> None:
    warm_worker(settings)
    try:
        ready.wait(timeout=READY_TIMEOUT)
    except threading.BrokenBarrierError:  # the parent gave up; the pool is being terminated
        pass


class _DaskPool:
    """A Dask distributed client: a LocalCluster on 127.0.0.1, or an existing scheduler."""

    def __init__(self, workers: int, settings: Settings, scheduler: str | None, processes: bool = True):
        from distributed import Client, LocalCluster

        self.cluster = None
        if not LOGGER.isEnabledFor(logging.DEBUG):
            # distributed logs every connection at INFO; keep stderr for eventwire's own messages
            logging.getLogger("distributed").setLevel(logging.WARNING)
        if scheduler:
            self.client = Client(scheduler)
            self._config = None
        else:
            # host= binds scheduler and workers to loopback; the scheduler's HTTP server gets an
            # explicit loopback address and a free port (its default ":8787" means every interface).
            # the statistical profiler samples every worker thread's stack every 10 ms (holding
            # the GIL): on spaCy's deep stacks that halves throughput, so it is off
            import dask

            self._config = dask.config.set({"distributed.worker.profile.enabled": False})
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                        host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.client.wait_for_workers(1 if scheduler else workers)
        self.workers = len(self.client.scheduler_info()["workers"]) or workers
        self.client.run(warm_worker, settings)

    def submit(self, chunk: list[Article], settings: Settings):
        return self.client.submit(process_chunk, chunk, settings, pure=False)

    @staticmethod
    def result(handle):
        return handle.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._config is not None:
            self._config.__exit__(None, None, None)


class Runner:
    """A started engine (process pool or Dask client) that can run several batches.

    Use as a context manager; `run_parallel` is the one-shot form. Starting is separate from
    running so `make bench` can time the work apart from worker start-up.
    """

    def __init__(self, settings: Settings = Settings(), workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, chunk_size: int = CHUNK_SIZE, processes: bool = True):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if scheduler and engine != "dask":
            raise ValueError("a scheduler address needs --engine dask")
        self.settings, self.workers, self.engine = settings, workers, engine
        self.scheduler, self.chunk_size, self.processes = scheduler, chunk_size, processes
        self.stats = WorkerStats()
        self.pool = None
        self.startup_seconds = 0.0

    def __enter__(self) -> Runner:
        started = time.perf_counter()
        if self.engine == "dask":
            self.pool = _DaskPool(self.workers, self.settings, self.scheduler, self.processes)
        elif self.workers > 1:
            self.pool = _LocalPool(self.workers, self.settings)
        else:
            warm_worker(self.settings)
        self.startup_seconds = time.perf_counter() - started
        LOGGER.info("%s engine with %d worker(s) ready in %.1fs", self.engine, self.workers,
                    self.startup_seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def run(self, articles: Iterable[Article], skip_ids: Container[str] | None = None,
            on_done: Callable[[Article], None] | None = None) -> Iterator[Article]:
        """Yield processed articles in input order; ids in `skip_ids` are not processed (resume)."""
        chunks = _chunks(articles, self.chunk_size, skip_ids)
        if self.pool is None:  # one process: no pickling, no Doc stripping needed
            for chunk in chunks:
                out, seconds, worker, rss, cpu = process_chunk(chunk, self.settings)
                self.stats.merge(seconds, worker, rss, len(out), cpu)
                for article in out:
                    if on_done:
                        on_done(article)
                    yield article
            return
        pending: deque = deque()
        limit = max(2, self.pool.workers * IN_FLIGHT_PER_WORKER)
        for chunk in chunks:
            pending.append(self.pool.submit(chunk, self.settings))
            if len(pending) >= limit:
                yield from self._collect(pending.popleft(), on_done)
        while pending:
            yield from self._collect(pending.popleft(), on_done)

    def _collect(self, handle, on_done) -> Iterator[Article]:
        out, seconds, worker, rss, cpu = self.pool.result(handle)
        self.stats.merge(seconds, worker, rss, len(out), cpu)
        for article in out:
            if on_done:
                on_done(article)
            yield article


def _progress(total: int | None):
    """A rich progress bar on standard error (articles done, rate, elapsed)."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    progress = Progress(TextColumn("[bold]eventwire"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                        console=Console(stderr=True), transient=False)
    task = progress.add_task("articles", total=total, rate="")
    return progress, task


def run_parallel(articles: Iterable[Article], settings: Settings = Settings(), workers: int = 1,
                 engine: str = "local", scheduler: str | None = None, *,
                 skip_ids: Container[str] | None = None, progress: bool | None = None,
                 total: int | None = None, stats: WorkerStats | None = None) -> Iterator[Article]:
    """Run the pipeline over `articles` and yield them processed, in input order.

    Args:
        articles (Iterable[Article]): the input stream (read lazily, a bounded number in flight).
        settings (Settings): the pipeline settings every worker uses.
        workers (int): worker processes (local) or Dask workers to start (LocalCluster).
        engine (str): "local" (multiprocessing; one worker = this process) or "dask".
        scheduler (str | None): a Dask scheduler address (`tcp://HOST:8786`); None = LocalCluster on 127.0.0.1.
        skip_ids (Container[str] | None): article ids already done (resume); they are not yielded.
        progress (bool | None): show a rich progress bar on stderr; None = when stderr is a terminal.
        total (int | None): number of articles expected, for the bar.
        stats (WorkerStats | None): filled with stage seconds and peak RSS per worker.
    RETURNS (Iterator[Article]): the processed articles (error objects included), Docs removed.
    Raises:
        ValueError: for an unknown engine, workers < 1, or a scheduler without the dask engine.
    """
    runner = Runner(settings, workers, engine, scheduler)
    if progress is None:
        progress = sys.stderr.isatty()
    with runner:
        if not progress:
            yield from runner.run(articles, skip_ids)
        else:
            bar, task = _progress(total)
            started = time.perf_counter()
            with bar:
                done = 0
                for article in runner.run(articles, skip_ids):
                    done += 1
                    rate = done / max(time.perf_counter() - started, 1e-9)
                    bar.update(task, advance=1, rate=f"{rate:.1f} art/s")
                    yield article
        if stats is not None:
            stats.timer.seconds.update(runner.stats.timer.seconds)
            stats.peak_rss_mib.update(runner.stats.peak_rss_mib)
            stats.articles = runner.stats.articles
            stats.cpu_seconds = runner.stats.cpu_seconds
