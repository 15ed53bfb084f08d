"""`make bench`: throughput of raw spaCy against eventwire end to end (1-2 workers, local and Dask).

    python -m eventwire.bench --out bench/results.json [--articles 300] [--seed 7]

The corpus is generated deterministically from `eventwire/data/bench/corpus.yaml` (same seed,
same articles, same sha256) plus the seed story `examples/ukraine-talks-2022-01-31.txt`.
Every configuration is timed after its workers are up (start-up is reported apart). Writes a
JSON results file and a Markdown table next to it (`.md`), and prints the table.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .ingest import article_from_record
from .pipeline import STAGES, Settings, process
from .scale import Runner, WorkerStats, _peak_rss_mib

LOGGER = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
SEED_STORY = REPO / "examples" / "ukraine-talks-2022-01-31.txt"
CONFIGS = [  # (name, engine, workers)
    ("eventwire 1 worker", "local", 1),
    ("eventwire 2 workers", "local", 2),
    ("eventwire dask 1 worker", "dask", 1),
    ("eventwire dask 2 workers", "dask", 2),
]


@lru_cache(maxsize=1)
def load_vocabulary() -> dict:
    """The bench corpus vocabulary (countries, sentence templates, boilerplate)."""
    text = resources.files("eventwire").joinpath("data/bench/corpus.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _fill(template: str, rng: random.Random, a: dict, b: dict, vocab: dict) -> str:
    return template.format(a=a["name"], b=b["name"], aa=a["adj"], ba=b["adj"], acap=a["capital"],
                           bcap=b["capital"], lead=a["leader"], min=a["minister"],
                           num=rng.randint(2, 90), day=rng.choice(vocab["days"]), city=rng.choice(vocab["cities"]))


def generate_corpus(n: int = 300, seed: int = 7) -> list[dict]:
    """Generate `n` news-like article records (id, title, published, source, text), deterministically.

    Each article covers one pair of countries over 5-9 paragraphs (a mood drawn per article:
    cooperation, verbal or material conflict, always with background sentences), with a
    dateline and now and then a boilerplate line. The seed story comes first when present.
    """
    vocab = load_vocabulary()
    rng = random.Random(seed)
    records = []
    if SEED_STORY.exists():
        records.append({"id": "seed-ukraine-talks", "published": "2022-01-31", "source": "AFP",
                        "text": SEED_STORY.read_text(encoding="utf-8")})
    moods = ["cooperation", "verbal_conflict", "material_conflict"]
    for i in range(n):
        a, b = rng.sample(vocab["countries"], 2)
        mood = rng.choice(moods)
        agency = rng.choice(vocab["agencies"])
        paragraphs, used = [], set()
        for p in range(rng.randint(5, 9)):
            sentences = []
            for _ in range(rng.randint(1, 3)):
                kind = mood if rng.random() < 0.55 else rng.choice(["background", mood, rng.choice(moods)])
                x, y = (a, b) if rng.random() < 0.7 else (b, a)
                fresh = [t for t in vocab["sentences"][kind] if t not in used] or vocab["sentences"][kind]
                template = rng.choice(fresh)
                used.add(template)  # a wire story rarely repeats itself
                sentences.append(_fill(template, rng, x, y, vocab))
            text = " ".join(sentences)
            if p == 0:
                text = f"{a['capital'].upper()}, {a['name']} ({agency}) - {text}"
            paragraphs.append(text)
            if rng.random() < 0.08:
                paragraphs.append(_fill(rng.choice(vocab["boilerplate"]), rng, a, b, vocab))
        title = _fill(rng.choice(vocab["sentences"][mood]), rng, a, b, vocab).rstrip(".")
        day = 1 + (i * 41) // max(n, 1)
        records.append({"id": f"bench-{i:05d}", "title": title, "source": agency,
                        "published": f"2026-{1 + (day - 1) // 28:02d}-{1 + (day - 1) % 28:02d}",
                        "text": title + "\n\n" + "\n\n".join(paragraphs)})
    return records


def count_words(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


def describe_machine() -> dict:
    """CPU model, cores, memory, OS, Python and library versions, git commit."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        pass
    import dask
    import distributed
    import spacy

    from .nlp import MODEL
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True, timeout=5).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem, "os": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__, "model": MODEL,
            "dask": dask.__version__, "distributed": distributed.__version__, "commit": commit,
            # other programs on the machine skew every number: the 1-minute load is kept with them
            "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


def _raw_spacy(texts: list[str], queue, barrier, repeat: int = 1) -> None:
    """Child process: the same model, full pipeline, `nlp.pipe` over its share of the texts.

    The barrier lines the children up so that every repetition starts and ends together.
    """
    from .nlp import load_nlp

    nlp = load_nlp()
    cpu_total = 0.0
    for _ in range(max(1, repeat)):
        barrier.wait()
        cpu = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        cpu_total += time.process_time() - cpu
        barrier.wait()
    queue.put((_peak_rss_mib(), cpu_total / max(1, repeat)))


def time_raw_spacy(records: list[dict], repeat: int = 1, processes: int = 1) -> dict:
    """Raw `nlp.pipe` in fresh processes (so peak RSS is their own); the fastest repetition counts.

    With 2 processes each parses half the texts at the same time: the machine's own ceiling for
    two-way parallel parsing, against which the 2-worker rows can be read.
    """
    ctx = multiprocessing.get_context("spawn")
    queue, barrier = ctx.Queue(), ctx.Barrier(processes + 1)
    texts = [r["text"] for r in records]
    procs = [ctx.Process(target=_raw_spacy, args=(texts[i::processes], queue, barrier, repeat))
             for i in range(processes)]
    for proc in procs:
        proc.start()
    best = None
    for _ in range(max(1, repeat)):
        barrier.wait()
        started = time.perf_counter()
        barrier.wait()
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    reports = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    name = "raw spaCy nlp.pipe" if processes == 1 else f"raw spaCy nlp.pipe, {processes} processes"
    return {"name": name, "engine": "spacy", "workers": processes, "seconds": best, "repeat": repeat,
            "cpu_seconds": round(sum(cpu for _, cpu in reports), 2), "startup_seconds": None,
            "peak_rss_mib": {f"raw{i}": round(rss, 1) for i, (rss, _) in enumerate(reports)},
            "stage_seconds": {}, "errors": 0}


def time_eventwire(records: list[dict], name: str, engine: str, workers: int, repeat: int = 1) -> dict:
    """eventwire end to end (ingest record -> all stages -> contract JSON) on one engine.

    The engine starts once; the corpus runs `repeat` times and the fastest run counts (as
    `timeit` does: on a shared machine the slower runs measure the other jobs).
    """
    settings = Settings()
    best = None
    with Runner(settings, workers=workers, engine=engine) as runner:
        for _ in range(max(1, repeat)):
            runner.stats = WorkerStats()
            articles = (article_from_record(r, r["id"]) for r in records)
            started = time.perf_counter()
            errors = 0
            for article in runner.run(articles):
                errors += bool(article.error)
                json.dumps(article.to_contract(), ensure_ascii=False)
            seconds = time.perf_counter() - started
            if best is None or seconds < best[0]:
                best = (seconds, runner.stats, errors)
    seconds, stats, errors = best
    return {"name": name, "engine": engine, "workers": workers, "seconds": seconds, "repeat": repeat,
            "cpu_seconds": round(stats.cpu_seconds, 2),
            "startup_seconds": round(runner.startup_seconds, 2),
            "peak_rss_mib": {k: round(v, 1) for k, v in stats.peak_rss_mib.items()},
            "stage_seconds": {k: round(v, 2) for k, v in stats.timer.seconds.items()}, "errors": errors}


def analyse_skips(records: list[dict], sample: int = 60) -> dict:
    """How many sentences could skip the parser: no actor mention and no event in them."""
    sentences = no_actor = no_event = neither = 0
    for record in records[:sample]:
        article = process(article_from_record(record, record["id"]), Settings())
        if article.error:
            continue
        actor_starts = sorted(a.start for a in article.actors)
        event_spans = [e.span for e in article.events]
        for para in article.paragraphs:
            if para.doc is None:
                continue
            for sent in para.doc.sents:
                lo, hi = para.start + sent.start_char, para.start + sent.end_char
                has_actor = any(lo <= s < hi for s in actor_starts)
                has_event = any(lo <= s < hi for s, _ in event_spans)
                sentences += 1
                no_actor += not has_actor
                no_event += not has_event
                neither += not has_actor and not has_event
    share = (lambda k: round(k / sentences, 3) if sentences else None)
    return {"articles": min(sample, len(records)), "sentences": sentences, "no_actor": share(no_actor),
            "no_event": share(no_event), "no_actor_no_event": share(neither)}


def format_table(results: dict) -> str:
    """The Markdown table of a results dict (machine noted)."""
    m, c = results["machine"], results["corpus"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}, "
             f"spaCy {m['spacy']} ({m['model']}), dask {m['dask']}, commit {m['commit']}, "
             f"load average {m.get('load_average_before')} before / {m.get('load_average_1min')} after.",
             f"Corpus: {c['articles']} articles, {c['words']} words (seed {c['seed']}, sha256 {c['sha256'][:12]}); "
             f"fastest of {results['runs'][0].get('repeat', 1)} runs per configuration.", "",
             "| configuration | articles/s | words/s | × raw spaCy | seconds | start-up s | worker CPU s | "
             "words per CPU-s | peak RSS MiB per worker |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for run in results["runs"]:
        rss = ", ".join(f"{v:.0f}" for v in run["peak_rss_mib"].values())
        start = "" if run["startup_seconds"] is None else f"{run['startup_seconds']:.1f}"
        lines.append(f"| {run['name']} | {run['articles_per_s']:.1f} | {run['words_per_s']:.0f} | "
                     f"{run['vs_raw']:.2f} | {run['seconds']:.1f} | {start} | {run['cpu_seconds']:.1f} | "
                     f"{run['words'] / max(run['cpu_seconds'], 1e-9):.0f} | {rss} |")
    t = results["targets"]
    lines += ["", f"Targets: best eventwire / raw spaCy = {t['eventwire_vs_raw']:.2f} (≥ 1.0: "
              f"{'met' if t['eventwire_vs_raw_met'] else 'NOT met'}); eventwire 1 worker / raw = "
              f"{t['eventwire_1_vs_raw']:.2f}; Dask 2 / Dask 1 = {t['dask2_vs_dask1']:.2f} (≥ 1.8: "
              f"{'met' if t['dask2_vs_dask1_met'] else 'NOT met'}); for reference raw spaCy in 2 processes / 1 "
              f"process = {t['raw2_vs_raw1']:.2f} on this machine."]
    stage_runs = [r for r in results["runs"] if r["stage_seconds"]]
    if stage_runs:
        names = [s for s in STAGES if any(s in r["stage_seconds"] for r in stage_runs)]
        lines += ["", "Seconds per stage (summed over workers):", "",
                  "| configuration | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        for run in stage_runs:
            lines.append(f"| {run['name']} | " + " | ".join(f"{run['stage_seconds'].get(s, 0):.2f}" for s in names) + " |")
    s = results.get("skip_analysis")
    if s and s.get("sentences"):
        lines += ["", f"Sentences that could skip the parser (first {s['articles']} articles, {s['sentences']} "
                  f"sentences): no actor mention {s['no_actor']:.0%}, no event {s['no_event']:.0%}, "
                  f"neither {s['no_actor_no_event']:.0%}."]
    return "\n".join(lines) + "\n"


def run_bench(n: int = 300, seed: int = 7, dask: bool = True, repeat: int = 2) -> dict:
    """Run every configuration on the generated corpus; return the results dict."""
    records = generate_corpus(n, seed)
    words = count_words(records)
    digest = hashlib.sha256("\n".join(json.dumps(r, sort_keys=True) for r in records).encode()).hexdigest()
    LOGGER.info("corpus: %d articles, %d words", len(records), words)
    runs = [time_raw_spacy(records, repeat), time_raw_spacy(records, repeat, processes=2)]
    for name, engine, workers in CONFIGS:
        if engine == "dask" and not dask:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        runs.append(time_eventwire(records, name, engine, workers, repeat))
    raw = runs[0]["seconds"]
    for run in runs:
        run["articles"], run["words"] = len(records), words
        run["articles_per_s"] = round(len(records) / run["seconds"], 2)
        run["words_per_s"] = round(words / run["seconds"], 1)
        run["vs_raw"] = round(raw / run["seconds"], 3)
        run["seconds"] = round(run["seconds"], 2)
    by = {r["name"]: r for r in runs}
    best = max(r["vs_raw"] for r in runs if r["engine"] != "spacy")
    raw2 = by["raw spaCy nlp.pipe, 2 processes"]["seconds"]
    d1, d2 = by.get("eventwire dask 1 worker"), by.get("eventwire dask 2 workers")
    ratio = round(d1["seconds"] / d2["seconds"], 3) if d1 and d2 else float("nan")
    results = {
        "machine": describe_machine(),
        "corpus": {"articles": len(records), "words": words, "seed": seed, "sha256": digest},
        "repeat": repeat,
        "runs": runs,
        "targets": {"eventwire_vs_raw": best, "eventwire_vs_raw_met": best >= 1.0,
                    "eventwire_1_vs_raw": by["eventwire 1 worker"]["vs_raw"],
                    "dask2_vs_dask1": ratio, "dask2_vs_dask1_met": ratio >= 1.8,
                    # what two processes of raw spaCy gain here: the machine's own ceiling
                    "raw2_vs_raw1": round(raw / raw2, 3)},
        "skip_analysis": analyse_skips(records),
    }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results.json", help="results file (JSON); a .md table goes next to it")
    parser.add_argument("--articles", type=int, default=300, help="generated articles (plus the seed story)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the corpus generator")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask configurations")
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration; the fastest counts")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    started = time.perf_counter()
    load_before = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    results = run_bench(args.articles, args.seed, dask=not args.no_dask, repeat=args.repeat)
    results["machine"]["load_average_before"] = load_before
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = format_table(results)
    out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    print(f"wrote {out} and {out.with_suffix('.md')} in {results['total_seconds']}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
