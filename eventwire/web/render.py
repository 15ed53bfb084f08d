"""Server-side rendering helpers: small inline SVG charts and the highlighted article text.

Everything here returns `Markup` built from escaped pieces: every string that came from data
(article text, titles, actor codes, sentences) goes through `escape` before it is wrapped, so
a `<script>` in an article stays text.
"""
from __future__ import annotations

import logging
import math
from collections import defaultdict
from datetime import date, timedelta
from urllib.parse import urlencode

from markupsafe import Markup, escape

LOGGER = logging.getLogger(__name__)

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_CLASSES = {1: "q1", 2: "q2", 3: "q3", 4: "q4"}  # CSS classes (colours live in app.css)


def _fmt(x: float) -> str:
    return f"{x:.1f}"


def fill_days(days: list[str], max_span: int = 731) -> list[str]:
    """Every calendar day from the first to the last of `days`, so gaps show as gaps on the time axis
    (left as given when the span is longer than `max_span` days or a day is not ISO)."""
    if not days:
        return []
    try:
        first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    except ValueError:
        return sorted(days)
    span = (last - first).days
    if span > max_span:
        return sorted(days)
    return [(first + timedelta(days=i)).isoformat() for i in range(span + 1)]


def render_quad_bars(daily: list[dict], width: int = 760, height: int = 220, first: str | None = None,
                     last: str | None = None) -> Markup:
    """Stacked bars: events per day by QuadClass. `daily` rows: {day, quad_class, n}; the axis runs
    from `first` to `last` when given (else from the first to the last day with events)."""
    by_day: dict[str, dict[int, int]] = defaultdict(lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    for row in daily:
        if row.get("quad_class") in (1, 2, 3, 4) and row.get("day"):
            by_day[row["day"]][row["quad_class"]] += int(row["n"])
    if not by_day:
        return Markup('<p class="empty">No events yet.</p>')
    days = fill_days(list(by_day) + [d for d in (first, last) if d])
    pad_l, pad_b, pad_t = 36, 34, 10
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    top = max(sum(v.values()) for v in by_day.values()) or 1
    step = plot_w / len(days)
    bar_w = max(min(step * 0.8, 40), 1)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'aria-label="Events per day by QuadClass">']
    for frac in (0, 0.5, 1):
        y = pad_t + plot_h * (1 - frac)
        parts.append(f'<line class="grid" x1="{pad_l}" x2="{width - 8}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>'
                     f'<text class="axis" x="{pad_l - 4}" y="{_fmt(y + 4)}" text-anchor="end">'
                     f'{round(top * frac)}</text>')
    label_every = max(1, math.ceil(len(days) / 8))
    for i, day in enumerate(days):
        x = pad_l + i * step + (step - bar_w) / 2
        y = pad_t + plot_h
        for qc in (1, 2, 3, 4):
            n = by_day[day][qc]
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            parts.append(f'<rect class="{QUAD_CLASSES[qc]}" x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" '
                         f'height="{_fmt(h)}"><title>{escape(day)}: {n} {QUAD_NAMES[qc]}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text class="axis" x="{_fmt(x + bar_w / 2)}" y="{height - 14}" '
                         f'text-anchor="middle">{escape(day[5:])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render_dyad_chart(series: list[dict], width: int = 760, height: int = 260,
                      windows: list[tuple[str, str]] = ()) -> Markup:
    """Cooperation (Q1+Q2) and conflict (Q3+Q4) counts per day as two lines, Goldstein sum as bars;
    `windows` (first day, last day) are shaded, e.g. the windows of escalation alerts."""
    if not series:
        return Markup('<p class="empty">No events between these actors.</p>')
    known = {r["day"]: r for r in series}
    series = [known.get(d) or {"day": d, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "n": 0, "goldstein": 0.0}
              for d in fill_days(list(known))]
    pad_l, pad_b, pad_t = 36, 34, 10
    plot_w, plot_h = width - pad_l - 40, height - pad_b - pad_t
    coop = [r["q1"] + r["q2"] for r in series]
    conf = [r["q3"] + r["q4"] for r in series]
    gold = [float(r["goldstein"] or 0) for r in series]
    top = max(coop + conf) or 1
    gmax = max(abs(g) for g in gold) or 1.0
    step = plot_w / max(len(series), 1)
    mid = pad_t + plot_h / 2
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'aria-label="Cooperation and conflict over time">']
    index = {r["day"]: i for i, r in enumerate(series)}
    for first, last in windows:
        inside = [i for d, i in index.items() if first <= d <= last]
        if inside:
            x0, x1 = pad_l + min(inside) * step, pad_l + (max(inside) + 1) * step
            parts.append(f'<rect class="alert-window" x="{_fmt(x0)}" y="{pad_t}" width="{_fmt(x1 - x0)}" '
                         f'height="{plot_h}"><title>alert window {escape(first)} – {escape(last)}</title></rect>')
    parts.append(f'<line class="grid" x1="{pad_l}" x2="{pad_l + plot_w}" y1="{_fmt(mid)}" y2="{_fmt(mid)}"/>')
    for i, g in enumerate(gold):  # Goldstein bars around the middle line, right-hand scale
        h = (plot_h / 2) * abs(g) / gmax
        x = pad_l + i * step + step * 0.3
        y = mid - h if g >= 0 else mid
        parts.append(f'<rect class="{"gpos" if g >= 0 else "gneg"}" x="{_fmt(x)}" y="{_fmt(y)}" '
                     f'width="{_fmt(max(step * 0.4, 1))}" height="{_fmt(h)}"><title>{escape(series[i]["day"])}: '
                     f'Goldstein sum {g:+.1f}</title></rect>')
    for values, cls in ((coop, "coop"), (conf, "conflict")):
        pts = " ".join(f"{_fmt(pad_l + i * step + step / 2)},{_fmt(pad_t + plot_h * (1 - v / top))}"
                       for i, v in enumerate(values))
        parts.append(f'<polyline class="line {cls}" points="{pts}"/>')
        for i, v in enumerate(values):
            parts.append(f'<circle class="dot {cls}" cx="{_fmt(pad_l + i * step + step / 2)}" '
                         f'cy="{_fmt(pad_t + plot_h * (1 - v / top))}" r="3"><title>{escape(series[i]["day"])}: '
                         f'{v} {cls}</title></circle>')
    parts.append(f'<text class="axis" x="{pad_l - 4}" y="{pad_t + 4}" text-anchor="end">{top}</text>'
                 f'<text class="axis" x="{pad_l + plot_w + 4}" y="{pad_t + 8}">+{gmax:.0f}</text>'
                 f'<text class="axis" x="{pad_l + plot_w + 4}" y="{pad_t + plot_h}">-{gmax:.0f}</text>')
    label_every = max(1, math.ceil(len(series) / 8))
    for i, r in enumerate(series):
        if i % label_every == 0:
            parts.append(f'<text class="axis" x="{_fmt(pad_l + i * step + step / 2)}" y="{height - 14}" '
                         f'text-anchor="middle">{escape(r["day"][5:])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render_network(edges: list[dict], width: int = 760, height: int = 560, max_nodes: int = 24) -> Markup:
    """Actor network on a circle: edge width = events, colour = mean Goldstein (cooperation vs conflict)."""
    weight: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], dict] = {}
    for e in edges:
        a, b = e["source"], e["target"]
        if not a or not b or a == b:
            continue
        key = (min(a, b), max(a, b))
        p = pairs.setdefault(key, {"n": 0, "goldstein": 0.0})
        p["n"] += int(e["n"])
        p["goldstein"] += float(e["goldstein"] or 0)
        weight[a] += int(e["n"])
        weight[b] += int(e["n"])
    nodes = sorted(weight, key=lambda c: (-weight[c], c))[:max_nodes]
    if not nodes:
        return Markup('<p class="empty">No actor pairs yet.</p>')
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 60
    pos = {}
    for i, code in enumerate(sorted(nodes)):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[code] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    top = max((p["n"] for k, p in pairs.items() if k[0] in pos and k[1] in pos), default=1)
    parts = [f'<svg class="chart network" role="img" viewBox="0 0 {width} {height}" width="100%" '
             f'aria-label="Actor network">']
    for (a, b), p in sorted(pairs.items()):
        if a not in pos or b not in pos:
            continue
        mean = p["goldstein"] / p["n"] if p["n"] else 0.0
        cls = "coop" if mean > 0.5 else "conflict" if mean < -0.5 else "neutral"
        href = "/dyads?" + urlencode({"a": a, "b": b})
        parts.append(f'<a href="{escape(href)}"><line class="edge {cls}" x1="{_fmt(pos[a][0])}" '
                     f'y1="{_fmt(pos[a][1])}" x2="{_fmt(pos[b][0])}" y2="{_fmt(pos[b][1])}" '
                     f'stroke-width="{_fmt(1 + 7 * p["n"] / top)}"><title>{escape(a)} – {escape(b)}: {p["n"]} '
                     f'events, mean Goldstein {mean:+.1f}</title></line></a>')
    wmax = max(weight[c] for c in nodes)
    for code in nodes:
        x, y = pos[code]
        r = 6 + 14 * weight[code] / wmax
        href = "/search?" + urlencode({"actor": code})
        parts.append(f'<a href="{escape(href)}"><circle class="node" cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}">'
                     f'<title>{escape(code)}: {weight[code]} events</title></circle>'
                     f'<text class="label" x="{_fmt(x)}" y="{_fmt(y - r - 4)}" text-anchor="middle">'
                     f'{escape(code)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render_article_text(text: str, removed: list[dict], events: list[dict], quotes: list[dict]) -> Markup:
    """The input text with removed pieces greyed, event sentences and quotes highlighted by offsets.

    Every boundary of every span cuts the text into segments; each segment is escaped and
    wrapped in one <span> whose classes say which spans cover it (`removed`, `ev`, `trigger`,
    `quote`) and whose `data-ev` lists the indexes of the events it belongs to.
    """
    n = len(text)
    marks: list[tuple[int, int, str, int]] = []  # (start, end, kind, index)
    for i, r in enumerate(removed):
        span = r.get("span") or [None, None]
        marks.append((span[0], span[1], "removed", i))
    for i, e in enumerate(events):
        marks.append((e.get("span_start"), e.get("span_end"), "ev", i))
        marks.append((e.get("trigger_start"), e.get("trigger_end"), "trigger", i))
    for i, q in enumerate(quotes):
        marks.append((q.get("span_start"), q.get("span_end"), "quote", i))
    clean = [(max(0, int(s)), min(n, int(e)), k, i) for s, e, k, i in marks
             if s is not None and e is not None and int(s) < int(e) and int(s) < n]
    cuts = sorted({0, n, *[s for s, _, _, _ in clean], *[e for _, e, _, _ in clean]})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [(k, i) for s, e, k, i in clean if s <= a and b <= e]
        piece = escape(text[a:b])
        if not covering:
            out.append(str(piece))
            continue
        kinds = sorted({k for k, _ in covering})
        evs = sorted({i for k, i in covering if k in ("ev", "trigger")})
        quotes_in = sorted({i for k, i in covering if k == "quote"})
        attrs = f' class="{" ".join(kinds)}"'
        if evs:
            attrs += f' data-ev="{" ".join(map(str, evs))}"'
        if quotes_in:
            attrs += f' data-quote="{" ".join(map(str, quotes_in))}"'
        if "removed" in kinds:
            reasons = {removed[i].get("kind", "") for k, i in covering if k == "removed"}
            attrs += f' title="removed: {escape(", ".join(sorted(reasons)))}"'
        out.append(f"<span{attrs}>{piece}</span>")
    return Markup("".join(out))
