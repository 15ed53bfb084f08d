"""Measure the cleaner on real pages: the Scrapinghub article-extraction benchmark.

    python -m eventwire.clean.evaluate [--data DIR] [--bench] [--report docs/cleaning.md] [--limit N]

For each of the 181 pages with human ground truth, compare the article body with the
annotated `articleBody` by 4-token shingles (tokens are `\\w+` runs): precision and recall per
page, normalised so long pages weigh no more than short ones, averaged over pages; F1 is the
harmonic mean of the averages (the benchmark's own definition). Scored: trafilatura alone
(`trafilatura.extract` with its defaults, the benchmark's baseline, and with
`favor_precision=True`) and `eventwire clean` (trafilatura, then eventwire's text cleaner).
`--bench` also times `eventwire clean` and prints pages per second. The numbers are written
into the report between marker comments.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..model import Article
from . import run

LOGGER = logging.getLogger(__name__)

# the shared checkout sits beside the repository (../shared); EVENTWIRE_SCRAPINGHUB overrides it
DEFAULT_DATA = Path(os.environ.get("EVENTWIRE_SCRAPINGHUB")
                    or Path(__file__).resolve().parents[3] / "shared" / "extraction" / "scrapinghub")
DEFAULT_REPORT = Path(__file__).resolve().parents[2] / "docs" / "cleaning.md"
BEGIN, END = "<!-- clean-eval:begin -->", "<!-- clean-eval:end -->"
_TOKEN = re.compile(r"\w+", re.U)


def count_shingles(text: str, n: int = 4) -> Counter:
    """Token n-grams of a text (a text shorter than n gives one shorter shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def match_shingles(truth: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 for the page."""
    t, p = count_shingles(truth), count_shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _compute_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _compute_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score_pages(pairs: Iterable[tuple[str, str]]) -> dict:
    """Macro-averaged shingle precision, recall and F1 over (truth, prediction) pairs."""
    rows = [match_shingles(t, p) for t, p in pairs]
    precision = statistics.mean(_compute_precision(*r) for r in rows if r[0] + r[1] > 0)
    recall = statistics.mean(_compute_recall(*r) for r in rows if r[0] + r[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pages": len(rows), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def load_pages(data: Path, limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, true body) for each page of the benchmark, in id order.

    Raises:
        FileNotFoundError: when the benchmark folder is missing.
    """
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        with gzip.open(data / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            pages.append((key, truth[key].get("url"), fh.read(), truth[key].get("articleBody") or ""))
    return pages


def clean_page(key: str, url: str | None, html: str) -> Article:
    """Run the clean stage over one HTML page, as `eventwire clean page.html` does."""
    article = Article(id=key, text="", url=url)
    article.meta["html"] = html
    try:
        run(article)
    except ValueError as exc:  # no main content: an empty body, like an extractor returning nothing
        article.error = str(exc)
    return article


def evaluate(data: Path, limit: int | None = None, bench: bool = False) -> dict:
    """Score trafilatura alone and eventwire clean on the benchmark; time eventwire clean."""
    import trafilatura

    pages = load_pages(data, limit)
    if pages:  # warm both paths (imports, lxml, caches) so the timings compare steady states
        clean_page(*pages[0][:3])
        trafilatura.extract(pages[0][2], include_comments=False)
    # interleave the two systems page by page so machine load drifts hit both alike
    ours, alone, ours_secs, alone_secs = [], [], 0.0, 0.0
    for key, url, html, _ in pages:
        started = time.perf_counter()
        ours.append(clean_page(key, url, html))
        middle = time.perf_counter()
        alone.append(trafilatura.extract(html, include_comments=False) or "")
        ours_secs += middle - started
        alone_secs += time.perf_counter() - middle
    precise = [trafilatura.extract(html, include_comments=False, favor_precision=True) or ""
               for _, _, html, _ in pages]
    truths = [t for *_, t in pages]
    result = {
        "trafilatura": score_pages(zip(truths, alone)),
        "trafilatura_precision": score_pages(zip(truths, precise)),
        "eventwire": score_pages(zip(truths, [a.body if not a.error else "" for a in ours])),
        "removed": dict(Counter(r.kind for a in ours for r in a.removed)),
        "trafilatura_version": trafilatura.__version__,
    }
    if bench:
        # the text cleaner alone (plain-text input: no HTML parsing), over the extracted texts
        texts = [Article(id=a.id, text=a.text, title=a.title) for a in ours if not a.error]
        started = time.perf_counter()
        for article in texts:
            run(article)
        text_secs = time.perf_counter() - started
        result["bench"] = {"pages": len(pages), "eventwire_pages_per_s": round(len(pages) / ours_secs, 1),
                           "trafilatura_pages_per_s": round(len(pages) / alone_secs, 1),
                           "text_articles_per_s": round(len(texts) / text_secs, 1)}
    return result


def format_report(result: dict) -> str:
    """The markdown block written into docs/cleaning.md."""
    t, e, tp = result["trafilatura"], result["eventwire"], result["trafilatura_precision"]
    lines = [BEGIN, "",
             f"Scrapinghub article-extraction benchmark, {e['pages']} pages, 4-token shingles, "
             f"macro-averaged (trafilatura {result['trafilatura_version']}):", "",
             "| system | precision | recall | F1 |", "|---|---|---|---|",
             f"| trafilatura alone (`extract`, defaults: the benchmark's baseline) | {t['precision']:.3f} | "
             f"{t['recall']:.3f} | {t['f1']:.3f} |",
             f"| trafilatura alone (`extract`, `favor_precision=True`) | {tp['precision']:.3f} | "
             f"{tp['recall']:.3f} | {tp['f1']:.3f} |",
             f"| `eventwire clean` (trafilatura `favor_precision` + text cleaner) | {e['precision']:.3f} | "
             f"{e['recall']:.3f} | {e['f1']:.3f} |",
             "", "Pieces removed by the text cleaner after trafilatura: "
             + ", ".join(f"{k} {v}" for k, v in sorted(result["removed"].items())) + "."]
    if "bench" in result:
        b = result["bench"]
        lines += ["", f"Speed (one process, interleaved page by page): `eventwire clean` on HTML "
                      f"{b['eventwire_pages_per_s']} pages/s, "
                      f"trafilatura alone {b['trafilatura_pages_per_s']} pages/s; "
                      f"the text cleaner alone on plain text {b['text_articles_per_s']} articles/s."]
    lines += ["", "Regenerate with `make bench-clean` (`python -m eventwire.clean.evaluate --bench`).", "", END]
    return "\n".join(lines)


def write_report(result: dict, report: Path) -> None:
    """Replace the block between the markers in `report` (append it when absent)."""
    block = format_report(result)
    text = report.read_text(encoding="utf-8") if report.exists() else "# Cleaning\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    report.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.clean.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder (ground-truth.json, html/)")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT, help="markdown file to update")
    parser.add_argument("--no-report", action="store_true", help="print only, do not write the report")
    parser.add_argument("--bench", action="store_true", help="also print pages per second")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        parser.error(f"no benchmark at {args.data} (expected ground-truth.json and html/)")
    result = evaluate(args.data, args.limit, args.bench)
    print(json.dumps(result, indent=1))
    if args.bench:
        print(f"eventwire clean: {result['bench']['eventwire_pages_per_s']} pages/s")
    if not args.no_report and args.limit is None:
        write_report(result, args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
