"""Exporters: the stored events as CSV, Parquet, GDELT-style TSV or PLOVER-style JSON.

Each exporter takes a `Store`, the event filters and a binary or text stream, reads the
events in chunks and returns how many it wrote. The GDELT and PLOVER column choices are
documented in docs/store-and-web.md.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import IO, Any

from .core import EVENT_COLUMNS, Store

LOGGER = logging.getLogger(__name__)

FORMATS = ("csv", "parquet", "gdelt-tsv", "plover-json")
BINARY_FORMATS = ("parquet",)

# GDELT 1.0 event table columns, in order (58, tab-separated, no header row in GDELT's files).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def split_actor_code(code: str | None) -> tuple[str, str, str]:
    """CAMEO-style code -> (country, known group, type): `RUSGOV` -> (RUS, "", GOV); `NATO` -> ("", NATO, "")."""
    if not code:
        return "", "", ""
    if code[:3] in _country_codes():
        return code[:3], "", code[3:6]
    return "", code, ""


def compute_global_id(event_id: str) -> int:
    """A stable integer id for an event (GDELT ids are integers)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def build_gdelt_row(ev: dict) -> list[Any]:
    """One event as the 58 GDELT 1.0 columns (unknown fields empty, NumMentions etc. = 1)."""
    day = ev.get("date") or ev.get("published") or ""
    ymd = day.replace("-", "")
    frac = ""
    if len(day) == 10:
        d = date.fromisoformat(day)
        frac = f"{d.year + (d.timetuple().tm_yday / 365):.4f}"
    actors = []
    for side in ("source", "target"):
        code = ev.get(side) or ""
        country, group, kind = split_actor_code(code)
        name = (ev.get(f"{side}_text") or "").upper()
        actors += [code, name, country, group, "", "", "", kind, "", ""]
    code = ev.get("code") or ""
    geo_empty = ["", "", "", "", "", "", ""]
    action_geo = geo_empty
    if ev.get("location_name"):
        action_geo = [4 if ev.get("lat") is not None else "", ev["location_name"], "", "",
                      ev.get("lat") if ev.get("lat") is not None else "",
                      ev.get("lon") if ev.get("lon") is not None else "", ""]
    pub = (ev.get("published") or "").replace("-", "")
    return [compute_global_id(ev["event_id"]), ymd, ymd[:6], ymd[:4], frac, *actors,
            1, code, code[:3], ev.get("root") or "", ev.get("quad_class") or "",
            "" if ev.get("goldstein") is None else ev["goldstein"], 1, 1, 1, "",
            *geo_empty, *geo_empty, *action_geo, pub, ev.get("url") or ""]


def _plover_actor(text: str | None, code: str | None) -> dict:
    country, group, sector = split_actor_code(code)
    return {"text": text, "code": code, "country": country or None, "group": group or None,
            "sector": sector or None}


def build_plover_record(ev: dict) -> dict:
    """One event in a PLOVER-style JSON shape: `event` and `mode` as in the PLOVER codebook
    (shared reference `PLOVER_structured_codebook`), actors split into country/sector, text, provenance."""
    return {
        "id": ev["event_id"],
        "date": ev.get("date"),
        "event": ev.get("plover_type"),
        "mode": ev.get("plover_mode") or "",
        "context": [],
        "source": _plover_actor(ev.get("source_text"), ev.get("source")),
        "target": _plover_actor(ev.get("target_text"), ev.get("target")) if ev.get("target") else None,
        "status": ev.get("status"),
        "text": ev.get("sentence"),
        "location": ({"name": ev.get("location_name"), "lat": ev.get("lat"), "lon": ev.get("lon")}
                     if ev.get("location_name") else None),
        "cameo": {"code": ev.get("code"), "goldstein": ev.get("goldstein"), "quad_class": ev.get("quad_class")},
        "evidence": ev.get("evidence"),
        "confidence": ev.get("confidence"),
        "article": {"id": ev.get("article_id"), "title": ev.get("title"), "url": ev.get("url"),
                    "published": ev.get("published")},
    }


def write_csv(store: Store, out: IO[str], **filters: Any) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in store.iter_events(**filters):
        writer.writerow(ev)
        n += 1
    return n


def write_gdelt_tsv(store: Store, out: IO[str], **filters: Any) -> int:
    n = 0
    for ev in store.iter_events(**filters):
        cells = ["" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in build_gdelt_row(ev)]
        out.write("\t".join(cells) + "\n")
        n += 1
    return n


def write_plover_json(store: Store, out: IO[str], **filters: Any) -> int:
    """A JSON array, written one record at a time."""
    out.write("[")
    n = 0
    for ev in store.iter_events(**filters):
        out.write(("\n" if n == 0 else ",\n") + json.dumps(build_plover_record(ev), ensure_ascii=False))
        n += 1
    out.write("\n]\n")
    return n


def write_parquet(store: Store, out: IO[bytes], **filters: Any) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = store.events_frame(**filters)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    out.write(buf.getvalue())
    return len(frame)


WRITERS: dict[str, Callable[..., int]] = {
    "csv": write_csv, "parquet": write_parquet, "gdelt-tsv": write_gdelt_tsv, "plover-json": write_plover_json,
}


def export_events(store: Store, fmt: str, out: IO, **filters: Any) -> int:
    """Write the matching events to `out` in format `fmt`; returns the number written.

    Raises:
        ValueError: for an unknown format or bad filters.
    """
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return WRITERS[fmt](store, out, **filters)
