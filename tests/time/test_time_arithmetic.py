"""Weekday arithmetic, relative days and calendar dates (no spaCy)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.time.expressions import find_expressions, resolve_expression, shift_weekday

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize("anchor, weekday, direction, expected", [
    # past: most recent such day on or before the anchor
    (dt.date(2022, 1, 31), SUN, "past", dt.date(2022, 1, 30)),
    (dt.date(2022, 1, 31), MON, "past", dt.date(2022, 1, 31)),
    (dt.date(2022, 1, 31), TUE, "past", dt.date(2022, 1, 25)),
    # across a month end: Tuesday 1 March looking back to Saturday 26 February
    (dt.date(2022, 3, 1), SAT, "past", dt.date(2022, 2, 26)),
    # across a year end: Monday 2 January 2023 looking back to Friday 30 December 2022
    (dt.date(2023, 1, 2), FRI, "past", dt.date(2022, 12, 30)),
    # leap day: Thursday 29 February 2024 back from Saturday 2 March
    (dt.date(2024, 3, 2), THU, "past", dt.date(2024, 2, 29)),
    # future: next such day on or after the anchor
    (dt.date(2022, 1, 31), TUE, "future", dt.date(2022, 2, 1)),
    (dt.date(2022, 12, 29), MON, "future", dt.date(2023, 1, 2)),
    (dt.date(2021, 2, 26), WED, "future", dt.date(2021, 3, 3)),
    (dt.date(2022, 1, 31), MON, "future", dt.date(2022, 1, 31)),
])
def test_time_weekday_direction(anchor, weekday, direction, expected):
    assert shift_weekday(anchor, weekday, direction) == expected


def test_time_last_and_next_exclude_today():
    monday = dt.date(2022, 1, 31)
    assert shift_weekday(monday, MON, "past", "last") == dt.date(2022, 1, 24)
    assert shift_weekday(monday, MON, "past", "next") == dt.date(2022, 2, 7)
    assert shift_weekday(monday, FRI, "future", "last") == dt.date(2022, 1, 28)


def _one(text: str):
    found = find_expressions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, kind", [
    ("talks are due on Thursday evening", "weekday"),
    ("the attack came overnight", "relative"),
    ("troops withdrew yesterday", "relative"),
    ("the envoy arrived on 3 March", "calendar"),
    ("signed on December 30, 2021 in Rome", "calendar"),
    ("the strike happened two days ago", "ago"),
    ("the ministers met last week", "vague"),
    ("fighting has raged since Friday", "vague"),
    ("a policy adopted in 2014", "vague"),
    ("protests earlier this month", "vague"),
])
def test_time_expression_kinds(text, kind):
    assert _one(text).kind == kind


def test_time_relative_days_cross_year():
    anchor = dt.date(2023, 1, 1)
    assert resolve_expression(_one("fighting broke out yesterday"), anchor, "past") == dt.date(2022, 12, 31)
    assert resolve_expression(_one("they meet tomorrow"), dt.date(2022, 12, 31), "future") == dt.date(2023, 1, 1)
    assert resolve_expression(_one("struck three days ago"), dt.date(2024, 3, 1), "past") == dt.date(2024, 2, 27)


def test_time_calendar_year_inferred_by_direction():
    anchor = dt.date(2023, 1, 3)
    # a December date in an early-January story is last year's when it reports the past...
    assert resolve_expression(_one("the vote on December 28"), anchor, "past") == dt.date(2022, 12, 28)
    # ...and a January date next to it stays in this year going forward
    assert resolve_expression(_one("a summit on January 9"), anchor, "future") == dt.date(2023, 1, 9)
    assert resolve_expression(_one("signed on 21 Jan 2021"), anchor, "future") == dt.date(2021, 1, 21)


def test_time_vague_resolves_to_none():
    assert resolve_expression(_one("the talks last month"), dt.date(2022, 5, 5), "past") is None
