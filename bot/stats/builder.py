"""A custom report as a small JSON spec: what the builder's buttons change and presets save.

The spec is plain JSON (it lives in the FSM storage, which survives a restart), and every
button carries only a short code, so a forged button can at most pick another valid option.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from bot.stats.periods import PERIODS, Period, period_of

Spec = dict[str, Any]

#: what a report can be grouped by, in the order of the buttons
GROUPS: tuple[str, ...] = (
    "campaign", "offer", "landing", "stream", "ts", "country", "device_type", "day", "hour",
)  # fmt: skip
SUB_IDS: tuple[str, ...] = tuple(f"sub_id_{n}" for n in range(1, 11))
#: groups whose rows also carry their id (a campaign row can be drilled into)
WITH_ID = {"campaign": "campaign_id", "offer": "offer_id", "landing": "landing_id",
           "stream": "stream_id", "ts": "ts_id"}  # fmt: skip
#: metric presets: what the rows show
METRICS: dict[str, list[str]] = {
    "default": ["clicks", "conversions", "revenue", "profit", "roi"],
    "money": ["clicks", "conversions", "revenue", "cost", "profit", "roi"],
    "funnel": ["clicks", "campaign_unique_clicks", "conversions", "cr", "epc"],
}
SORTS: tuple[str, ...] = ("profit", "clicks")
#: time groups read best in time order, everything else by the chosen measure
TIME_GROUPS = {"day", "hour"}
MAX_PRESETS = 6
MAX_DAYS = 366
DATES = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|—|-|\s)\s*(\d{4}-\d{2}-\d{2}))?\s*$")


def new_spec(period: str = "today") -> Spec:
    return {
        "period": period if period in PERIODS else "today",
        "first": None,
        "last": None,
        "group": "campaign",
        "metrics": "default",
        "sort": "profit",
        "filters": [],
        "title": "",
    }


def valid_group(group: str) -> bool:
    return group in GROUPS or group in SUB_IDS


def period_for(spec: Spec, timezone: str | None, now: datetime) -> Period:
    """The spec's period: a preset seen at ``now``, or the custom dates it holds."""
    if spec.get("period") == "custom" and spec.get("first") and spec.get("last"):
        base = period_of("today", timezone, now)
        first, last = date.fromisoformat(spec["first"]), date.fromisoformat(spec["last"])
        return Period("custom", first, last, base.timezone)
    return period_of(str(spec.get("period") or "today"), timezone, now)


def parse_dates(text: str) -> tuple[date, date] | None:
    """``2026-11-01 2026-11-07`` (or one date) → the two days, in order; None if unreadable."""
    match = DATES.match(text or "")
    if not match:
        return None
    try:
        first = date.fromisoformat(match.group(1))
        last = date.fromisoformat(match.group(2) or match.group(1))
    except ValueError:
        return None
    first, last = min(first, last), max(first, last)
    if (last - first).days >= MAX_DAYS:
        return None
    return first, last


def dimensions(spec: Spec) -> list[str]:
    group = str(spec.get("group") or "campaign")
    return [WITH_ID[group], group] if group in WITH_ID else [group]


def measures(spec: Spec) -> list[str]:
    """The preset's measures plus the sort keys, so every sort button works."""
    shown = METRICS.get(str(spec.get("metrics")), METRICS["default"])
    return shown + [name for name in SORTS if name not in shown]


def report_params(spec: Spec, period: Period) -> dict[str, Any]:
    """The ``reports.build`` request for the spec: the same range as Keitaro's own report."""
    group = str(spec.get("group") or "campaign")
    if group in TIME_GROUPS:
        sort = [{"name": group, "order": "ASC"}]
    else:
        sort = [{"name": spec.get("sort") if spec.get("sort") in SORTS else "profit",
                 "order": "DESC"}]  # fmt: skip
    params: dict[str, Any] = {
        "range": period.as_range(),
        "dimensions": dimensions(spec),
        "measures": measures(spec),
        "sort": sort,
        "summary": True,
        "limit": 1000,
    }
    if spec.get("filters"):
        params["filters"] = list(spec["filters"])
    return params


def drill(spec: Spec, campaign_id: int, name: str) -> Spec:
    """A campaign row opened: the same period, that campaign only, by day."""
    child = dict(spec)
    child["group"] = "day"
    child["filters"] = [{"name": "campaign_id", "operator": "EQUALS", "expression": campaign_id}]
    child["title"] = name
    return child


def label(spec: Spec) -> str:
    """A short name for a saved preset: ``country · 7d · money``."""
    period = spec.get("period")
    if period == "custom":
        period = f"{spec.get('first')}…{spec.get('last')}"
    parts = [str(spec.get("group")), str(period)]
    if spec.get("metrics") != "default":
        parts.append(str(spec.get("metrics")))
    if spec.get("title"):
        parts.insert(0, str(spec["title"])[:20])
    return " · ".join(parts)


def save_preset(presets: list[Spec], spec: Spec) -> list[Spec]:
    """The presets with ``spec`` added last (an equal one moves there); the oldest drop off."""
    kept = [preset for preset in presets if preset != spec]
    return [*kept, dict(spec)][-MAX_PRESETS:]
