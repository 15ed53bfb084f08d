"""Measure actor attribution on a gold set: how often event source/target codes are right.

    python -m eventwire.actors.measure GOLD.jsonl PREDICTED.jsonl

For every gold event (events and optional ones) a predicted event of the same record whose root is the
gold root or one of its `accept_roots` is paired (best-agreeing one); its source and target codes are then
compared with the gold ones at country level (first three letters; IGO/NATO/WST codes whole) and in full
(country plus sector). Gold events without any predicted partner are counted as unpaired, not as wrong.
"""
from __future__ import annotations

import json
import logging
import sys

LOGGER = logging.getLogger(__name__)


def _country(code: str | None) -> str | None:
    if not code:
        return None
    return code if code.startswith(("IGO", "NATO", "WST", "IMG")) else code[:3]


def _agreement(gold: dict, pred: dict) -> int:
    ps, pt = (pred.get("source") or {}).get("code"), (pred.get("target") or {}).get("code")
    return (int(_country(ps) == _country(gold.get("source"))) + int(_country(pt) == _country(gold.get("target")))
            + int(ps == gold.get("source")) + int(pt == gold.get("target")))


def measure_attribution(gold_path: str, pred_path: str) -> dict:
    """Pair gold and predicted events by record and root; count correct actor codes.

    Returns:
        dict: counts and rates for source/target at country and full-code level.
    """
    with open(pred_path, encoding="utf-8") as fh:
        predicted = {r["id"]: r for r in map(json.loads, fh) if r.get("id")}
    counts = {"gold_events": 0, "paired": 0}
    for side in ("source", "target"):
        for level in ("country", "full"):
            counts[f"{side}_{level}"] = 0
    misses: list[str] = []
    with open(gold_path, encoding="utf-8") as fh:
        for record in map(json.loads, fh):
            preds = [e for e in (predicted.get(record["id"], {}).get("events") or [])
                     if e.get("status") not in ("hypothetical", "negated")]
            for gold in record.get("events", []) + record.get("optional_events", []):
                counts["gold_events"] += 1
                roots = {gold["root"], *gold.get("accept_roots", [])}
                cands = [p for p in preds if p.get("root") in roots]
                if not cands:
                    continue
                best = max(cands, key=lambda p: _agreement(gold, p))
                counts["paired"] += 1
                for side in ("source", "target"):
                    g, p = gold.get(side), (best.get(side) or {}).get("code")
                    counts[f"{side}_country"] += int(_country(g) == _country(p))
                    counts[f"{side}_full"] += int(g == p)
                    if g != p:
                        misses.append(f"{record['id']} {side}: gold {g} predicted {p} "
                                      f"({(best.get(side) or {}).get('text')!r})")
    paired = counts["paired"] or 1
    rates = {k + "_rate": round(v / paired, 3) for k, v in counts.items() if k.startswith(("source", "target"))}
    return {**counts, **rates, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    result = measure_attribution(*args)
    for line in result.pop("misses"):
        print(line)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
