"""Score eventwire against annotated gold, with the same matching rules as shared/eval/score.py.

Two gold shapes: sentence records (JSON Lines, matched by id) and a whole article annotated by
line. Beyond the shared scorer's totals this reports P/R/F1 per root code and every miss and
false alarm, so anyone can see where the coder is weak.

    python -m eventwire.evaluate --report docs/evaluation.md     # all gold sets found, as a table
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from .ingest import article_from_record
from .model import Article
from .pipeline import Settings, process

LOGGER = logging.getLogger(__name__)

NON_COUNTRY = {"NATO", "WST", "IGO"}
COUNTED = {None, "", "actual", "intended", "threatened"}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9']+", norm(text))


def actor_key(code: str | None, strict: bool) -> str | None:
    if not code:
        return None
    code = code.upper()
    if strict or code.startswith("IGO") or code in NON_COUNTRY:
        return code
    return code[:3]


def _code_of(actor) -> str | None:
    if actor is None:
        return None
    return actor.get("code") if isinstance(actor, dict) else actor


def _plover_type(pred: dict) -> str:
    p = pred.get("plover")
    return str((p.get("type") if isinstance(p, dict) else p) or "").upper()


def event_matches(pred: dict, gold: dict, strict: bool) -> bool:
    if "plover" in gold:
        if _plover_type(pred) != gold["plover"].upper():
            return False
    else:
        roots = {gold["root"]} | set(gold.get("accept_roots") or [])
        pcode = str(pred.get("code") or "")
        if strict and pcode != gold["code"]:
            return False
        if not strict and pcode[:2] not in roots:
            return False
    ps, pt = actor_key(_code_of(pred.get("source")), strict), actor_key(_code_of(pred.get("target")), strict)
    gs, gt = actor_key(gold.get("source"), strict), actor_key(gold.get("target"), strict)
    if (ps, pt) == (gs, gt):
        return True
    return bool(gold.get("symmetric")) and (ps, pt) == (gt, gs)


def counted(events: list[dict] | None) -> list[dict]:
    return [e for e in events or [] if e.get("status") in COUNTED]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def _root_of(ev: dict) -> str:
    return ev.get("plover") if isinstance(ev.get("plover"), str) else str(ev.get("root") or ev.get("code", ""))[:2]


class Tally:
    """Counts per root code plus the list of misses and false alarms."""

    def __init__(self, plover: bool = False) -> None:
        self.plover = plover  # a PLOVER-coded gold set: false alarms are tallied by PLOVER type
        self.by_root: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.misses: list[str] = []
        self.false_alarms: list[str] = []

    def add(self, rid: str, tp_pairs, fp_preds, fn_golds) -> None:
        for _, g in tp_pairs:
            self.by_root[_root_of(g)][0] += 1
        for p in fp_preds:
            self.by_root[_plover_type(p) if self.plover else str(p.get("code", ""))[:2]][1] += 1
            self.false_alarms.append(f"{rid}: {_code_of(p.get('source'))}->{_code_of(p.get('target'))} "
                                     f"{p.get('code')} [{p.get('status')}] {p.get('evidence', '')[:120]}")
        for g in fn_golds:
            self.by_root[_root_of(g)][2] += 1
            self.misses.append(f"{rid}: {g.get('source')}->{g.get('target')} {g.get('code') or g.get('plover')}")

    def per_root(self) -> dict[str, dict]:
        return {root: prf(*v) for root, v in sorted(self.by_root.items())}


def match_events(preds: list[dict], golds: list[dict], optional: list[dict], strict: bool):
    """Greedy one-to-one matching, as the shared scorer does. Returns (pairs, false alarms, misses)."""
    used: set[int] = set()
    pairs, fps = [], []
    for p in preds:
        hit = next((i for i, g in enumerate(golds) if i not in used and event_matches(p, g, strict)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((p, golds[hit]))
        elif not any(event_matches(p, g, False) for g in optional):
            fps.append(p)
    return pairs, fps, [g for i, g in enumerate(golds) if i not in used]


def quote_overlap(a: str, b: str) -> float:
    wa, wb = set(words(a)), set(words(b))
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def same_quote(a: str, b: str) -> bool:
    wa, wb = set(words(a)), set(words(b))
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= 0.6


def speaker_ok(pred: dict, gold: dict) -> bool:
    sp = pred.get("speaker") or {}
    name = sp.get("name") if isinstance(sp, dict) else sp
    code = sp.get("code") if isinstance(sp, dict) else None
    gw = [w for w in words(gold["speaker"]) if w not in {"the", "a"}]
    if gw and gw[-1] in set(words(name or "")):
        return True
    return bool(code) and code.upper() == (gold.get("speaker_code") or "").upper() and not gold["speaker"][0].isupper()


def score_quotes(preds: list[dict], golds: list[dict], optional: list[dict] = ()) -> dict:
    found = correct = 0
    used = {i for i, p in enumerate(preds) if any(same_quote(p.get("text", ""), o["text"]) for o in optional)}
    for g in golds:
        best = max(((quote_overlap(p.get("text", ""), g["text"]), i) for i, p in enumerate(preds) if i not in used),
                   default=(0.0, None))
        if best[0] >= 0.6:
            used.add(best[1])
            found += 1
            correct += speaker_ok(preds[best[1]], g)
    return {"gold": len(golds), "found": found, "speaker_correct": correct, "spurious": len(preds) - len(used)}


def _finish_quotes(q: dict) -> dict:
    q["recall"] = round(q["found"] / q["gold"], 3) if q["gold"] else None
    q["attribution_accuracy"] = round(q["speaker_correct"] / q["gold"], 3) if q["gold"] else None
    return q


def score_dates(pairs) -> dict:
    dated = [(p, g) for p, g in pairs if g.get("date")]
    right = sum(1 for p, g in dated if (p.get("date") or "")[:10] == g["date"])
    return {"gold_dated_matched": len(dated), "correct": right,
            "accuracy": round(right / len(dated), 3) if dated else None}


def _roots_ok(pred: dict, gold: dict) -> bool:
    if "plover" in gold:
        return _plover_type(pred) == gold["plover"].upper()
    return str(pred.get("code") or "")[:2] in {gold["root"]} | set(gold.get("accept_roots") or [])


class ActorTally:
    """For gold events whose event type was found (same record, accepted root), are the actors right?

    Counts source and target codes separately, at country level (RUS = RUSGOV) and in full.
    """

    def __init__(self) -> None:
        self.counts = {r: [0, 0, 0] for r in ("source", "target")}  # n, country right, code right

    def add(self, preds: list[dict], golds: list[dict]) -> None:
        for g in golds:
            cands = [p for p in preds if _roots_ok(p, g)]
            if not cands:
                continue
            def agree(p, strict):
                return sum(actor_key(_code_of(p.get(r)), strict) == actor_key(g.get(r), strict) for r in ("source", "target"))
            best = max(cands, key=lambda p: (agree(p, False), agree(p, True)))
            for role in ("source", "target"):
                if g.get(role) is None:
                    continue
                c = self.counts[role]
                c[0] += 1
                c[1] += actor_key(_code_of(best.get(role)), False) == actor_key(g[role], False)
                c[2] += actor_key(_code_of(best.get(role)), True) == actor_key(g[role], True)

    def report(self) -> dict:
        return {role: {"n": n, "country": round(c / n, 3) if n else None, "sector": round(x / n, 3) if n else None}
                for role, (n, c, x) in self.counts.items()}


def score_sentences(golds: list[dict], preds: dict[str, dict]) -> dict:
    """Score predictions (id -> article object) against sentence gold records."""
    totals = {"loose": [0, 0, 0], "strict": [0, 0, 0]}
    tally = Tally(plover=any("plover" in e for g in golds for e in g["events"]))
    all_pairs = []
    quotes = {"gold": 0, "found": 0, "speaker_correct": 0, "spurious": 0}
    actors = ActorTally()
    for g in golds:
        p = preds.get(g["id"]) or {"events": [], "quotes": []}
        for mode in totals:
            pairs, fps, fns = match_events(counted(p.get("events")), g["events"], g.get("optional_events") or [],
                                           mode == "strict")
            for k, v in enumerate((len(pairs), len(fps), len(fns))):
                totals[mode][k] += v
            if mode == "loose":
                all_pairs += pairs
                tally.add(g["id"], pairs, fps, fns)
        actors.add(counted(p.get("events")), g["events"])
        q = score_quotes(p.get("quotes") or [], g.get("quotes") or [])
        for k in quotes:
            quotes[k] += q[k]
    return {"records": len(golds), "events_loose": prf(*totals["loose"]), "events_strict": prf(*totals["strict"]),
            "dates": score_dates(all_pairs), "quotes": _finish_quotes(quotes), "per_root": tally.per_root(),
            "actor_codes": actors.report(),
            "misses": tally.misses, "false_alarms": tally.false_alarms}


def _line_of(sentence: str, lines: list[str]) -> int | None:
    s = norm(sentence)[:60]
    for i, line in enumerate(lines, 1):
        if s and s in norm(line):
            return i
    return None


def score_article(gold: dict, text: str, pred: dict) -> dict:
    """Score one article object against a line-annotated gold article."""
    lines = text.split("\n")
    body = norm(pred.get("body") or "")
    roles = gold["line_roles"]
    kept = {n for n in sum(roles.values(), []) if norm(lines[n - 1])[:80] in body}
    content = set(roles["body"])
    junk = set(roles["boilerplate"]) | set(roles["caption"])
    tally = Tally()
    used: set[int] = set()
    pairs, fps = [], []
    junk_events = 0
    for e in counted(pred.get("events")):
        n = _line_of(e.get("sentence") or "", lines)
        if n is not None and n in junk:
            junk_events += 1
        hit = next((i for i, ge in enumerate(gold["events"])
                    if n is not None and ge["line"] == n and i not in used and event_matches(e, ge, False)), None)
        if hit is not None:
            used.add(hit)
            pairs.append((e, gold["events"][hit]))
        elif n is None or not any(event_matches(e, o, False) for o in gold.get("optional_events", []) if o["line"] == n):
            fps.append(e)
    misses = [g for i, g in enumerate(gold["events"]) if i not in used]
    tally.add("article", pairs, fps, misses)
    actors = ActorTally()
    actors.add(counted(pred.get("events")), gold["events"])
    return {"cleaning": {"body_lines_kept": f"{len(content & kept)}/{len(content)}",
                         "junk_lines_dropped": f"{len(junk - kept)}/{len(junk)}"},
            "events_loose": prf(len(pairs), len(fps), len(misses)), "events_from_junk_lines": junk_events,
            "dates": score_dates(pairs), "actor_codes": actors.report(),
            "quotes": _finish_quotes(score_quotes(pred.get("quotes") or [], gold["quotes"],
                                                  gold.get("optional_quotes") or [])),
            "per_root": tally.per_root(), "misses": tally.misses, "false_alarms": tally.false_alarms}


def run_records(records: list[dict], settings: Settings = Settings()) -> dict[str, dict]:
    """Run the pipeline over gold records (id, text, published) and return id -> article object."""
    out = {}
    for n, rec in enumerate(records):
        article = process(article_from_record(rec, f"record-{n}"), settings)
        out[article.id] = article.to_contract()
    return out


def evaluate_sentences(path: str | Path, settings: Settings = Settings()) -> dict:
    golds = [json.loads(ln) for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    return score_sentences(golds, run_records(golds, settings))


def evaluate_article(gold_path: str | Path, text_path: str | Path, settings: Settings = Settings()) -> dict:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    text = Path(text_path).read_text(encoding="utf-8")
    article = Article(id=Path(text_path).stem, text=text, published=gold.get("published"))
    return score_article(gold, text, process(article, settings).to_contract())


# What PETRARCH2 scores on the peer sets, as reported with them (shared/gold/peer/SOURCES.md).
PETRARCH2 = {"petr2-gsr-afp.jsonl": "P 0.77 / R 0.69 / F1 0.73 (exact, gold parse trees)"}


def write_report(shared: Path, out: Path) -> str:
    """Evaluate every gold set found under `shared/gold` and write a Markdown table."""
    gold_dir = shared / "gold"
    rows = []
    seed = gold_dir / "ukraine-talks-2022-01-31.gold.json"
    if seed.exists():
        r = evaluate_article(seed, shared / "corpus" / "ukraine-talks-2022-01-31.txt")
        e = r["events_loose"]
        rows.append(("seed article (18 core events)", e, r["quotes"], r["dates"], "—", r["actor_codes"]))
    # each peer set again with its own annotation conventions (data/events/conventions/)
    runs = (("dev.jsonl", "cameo"), ("peer/petr2-gsr-afp.jsonl", "cameo"), ("peer/petr2-gsr-afp.jsonl", "petrarch2"),
            ("peer/plover-gsr.jsonl", "cameo"), ("peer/plover-gsr.jsonl", "plover-gsr"))
    for name, conventions in runs:
        path = gold_dir / name
        if path.exists():
            r = evaluate_sentences(path, Settings(conventions=conventions))
            label = name if conventions == "cameo" else f"{name} with `--conventions {conventions}`"
            rows.append((label, r["events_loose"], r["quotes"], r["dates"], PETRARCH2.get(Path(name).name, "—"),
                         r["actor_codes"]))
    lines = ["| gold set | events P | R | F1 (loose) | quotes found | attribution | dates "
             "| source right: country / code | target right: country / code | PETRARCH2 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, e, q, d, petr, ac in rows:
        src, tgt = ac["source"], ac["target"]
        lines.append(f"| {name} | {e['precision']} | {e['recall']} | **{e['f1']}** | "
                     f"{q['found']}/{q['gold']} | {q['attribution_accuracy']} | {d['accuracy']} | "
                     f"{src['country']} / {src['sector']} | {tgt['country']} / {tgt['sector']} | {petr} |")
    table = "\n".join(lines)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Evaluation\n\nProduced by `make eval` (`python -m eventwire.evaluate --report "
                   f"{out}`), scoring as `shared/eval/score.py` does: loose matching (root code or an "
                   "accepted root; source and target at country level, IGO/NATO/WST whole), hypothetical "
                   "and negated events not counted. PLOVER rows compare the PLOVER type. The actor columns "
                   "take every gold event whose type was found in the same record (an accepted root) and "
                   "ask whether the best such prediction has the right source and target, at country "
                   "level and as a full code with its sector. Rows marked `--conventions` write the same "
                   "reading down with that gold set's own annotation conventions "
                   "(eventwire/data/events/conventions/); every other row uses the default, the CAMEO "
                   f"manual's.\n\n{table}\n", encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    parser.add_argument("--report", default="docs/evaluation.md")
    args = parser.parse_args(argv)
    print(write_report(Path(args.shared), Path(args.report)))


if __name__ == "__main__":
    main()
