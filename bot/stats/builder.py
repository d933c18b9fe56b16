"""A custom report as a small JSON spec: what the builder's buttons change and presets save.

The spec is plain JSON (it lives in the FSM storage, which survives a restart), and every
button carries only a short code, so a forged button can at most pick another valid option.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.stats.periods import PERIODS, Period, period_of
from bot.stats.ratios import BASES

Spec = dict[str, Any]

#: what a report can be grouped by, in the order of the buttons
GROUPS: tuple[str, ...] = (
    "campaign", "offer", "landing", "stream", "ts", "country", "device_type", "day", "hour",
)  # fmt: skip
SUB_IDS: tuple[str, ...] = tuple(f"sub_id_{n}" for n in range(1, 11))
#: groups whose values Keitaro can blacklist per campaign (report labels, ``blacklist.set``):
#: a row of these offers 🚫 Blacklist
LABELED: tuple[str, ...] = (*SUB_IDS, "ip")
#: groups whose rows also carry their id (a campaign row can be drilled into)
WITH_ID = {"campaign": "campaign_id", "offer": "offer_id", "landing": "landing_id",
           "stream": "stream_id", "ts": "ts_id", "country": "country_code"}  # fmt: skip
#: metric presets: what the rows show
METRICS: dict[str, list[str]] = {
    "default": ["clicks", "conversions", "revenue", "profit", "roi"],
    "money": ["clicks", "conversions", "revenue", "cost", "profit", "roi"],
    "funnel": ["clicks", "campaign_unique_clicks", "conversions", "cr", "epc"],
}
CUSTOM = "custom"
#: what the metric picker offers, in Keitaro's own names (so columns match the tracker's)
PICKABLE: tuple[str, ...] = (
    "clicks", "campaign_unique_clicks", "conversions", "leads", "sales", "rejected",
    "revenue", "cost", "profit", "roi", "cr", "epc", "cpc", "cpa", "approve",
)  # fmt: skip
#: more numbers than this do not fit one row on a phone
MAX_PICKED = 7
SORTS: tuple[str, ...] = ("profit", "clicks", "conversions", "roi")


@dataclass(frozen=True, slots=True)
class FilterKind:
    """One filter the builder offers: the report column it tests, and where its choices come
    from (a list action of the tracker, or the report's own rows for countries)."""

    column: str
    action: str | None
    params: dict[str, Any] = field(default_factory=dict)


#: the filters of the builder; a report keeps at most one value of each (they combine by AND)
FILTERS: dict[str, FilterKind] = {
    "campaign": FilterKind("campaign_id", "campaigns.list"),
    "offer": FilterKind("offer_id", "offers.list"),
    "ts": FilterKind("ts_id", "traffic_sources.list"),
    "country": FilterKind("country_code", None),
    "group": FilterKind("campaign_group_id", "groups.list", {"type": "campaigns"}),
}
#: a row of these groups can be opened: it becomes that filter
DRILLS = {"campaign": "campaign", "offer": "offer", "ts": "ts", "country": "country"}
#: what an opened row can be viewed by
DRILL_VIEWS: tuple[str, ...] = ("day", "offer", "campaign", "country")
COUNTRY = re.compile(r"^[A-Z]{2}$")
SAFE_TOKEN = re.compile(r"^[\w.\-/@+=]+$")
#: how many opened rows « Back can retrace
BACK_DEPTH = 4
#: time groups read best in time order, everything else by the chosen measure
TIME_GROUPS = {"day", "hour"}
MAX_PRESETS = 6
MAX_DAYS = 366
#: one day as typed: ISO, or day.month with an optional year
DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?")


def new_spec(period: str = "today") -> Spec:
    return {
        "period": period if period in PERIODS else "today",
        "first": None,
        "last": None,
        "group": "campaign",
        "metrics": "default",
        "sort": "profit",
        "filters": [],
        "where": {},
        "title": "",
    }


def valid_group(group: str) -> bool:
    return group in GROUPS or group in LABELED


def value_token(value: str) -> str:
    """A report value as a button's reference: itself when short and plain, else a digest
    (a sub ID can be long or hold ":"); the row is found again by comparing tokens, so a
    report that changed between the view and the tap never labels another value."""
    if len(value.encode()) <= 40 and SAFE_TOKEN.match(value):
        return value
    return "~" + hashlib.sha256(value.encode()).hexdigest()[:16]


def period_for(spec: Spec, timezone: str | None, now: datetime) -> Period:
    """The spec's period: a preset seen at ``now``, or the custom dates it holds."""
    if spec.get("period") == "custom" and spec.get("first") and spec.get("last"):
        base = period_of("today", timezone, now)
        first, last = date.fromisoformat(spec["first"]), date.fromisoformat(spec["last"])
        return Period("custom", first, last, base.timezone)
    return period_of(str(spec.get("period") or "today"), timezone, now)


def read_day(text: str, today: date) -> date | None:
    """``2026-12-01``, ``01.12.2026``, ``1.12.26`` or ``01.12`` (this year, or last year's
    when that day is still to come: reports look back) → the day; None if unreadable."""
    try:
        if "-" in text:
            return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
        parts = [int(p) for p in re.split(r"[./]", text)]
        if len(parts) == 2:
            day = date(today.year, parts[1], parts[0])
            return day if day <= today else date(today.year - 1, parts[1], parts[0])
        year = parts[2] + 2000 if parts[2] < 100 else parts[2]
        return date(year, parts[1], parts[0])
    except ValueError:
        return None


def read_dates(text: str, today: date | None = None) -> tuple[date, date] | None:
    """One day or a range (``2026-11-01 2026-11-07``, ``01.11–07.11``, ``1.11.2026 - 7.11``)
    → the two days, in order; None if unreadable."""
    text = (text or "").strip()
    found = DAY.findall(text)
    if not found or len(found) > 2 or DAY.sub("", text).strip(" -–—.,:") != "":
        return None
    base = today or date.today()
    days = [read_day(part, base) for part in found]
    if any(day is None for day in days):
        return None
    first, last = days[0], days[-1]
    assert first is not None and last is not None
    return min(first, last), max(first, last)


def parse_dates(text: str) -> tuple[date, date] | None:
    """The dates of ``text`` when they make a report's period (at most a year)."""
    dates = read_dates(text)
    if dates is None or (dates[1] - dates[0]).days >= MAX_DAYS:
        return None
    return dates


def dimensions(spec: Spec) -> list[str]:
    group = str(spec.get("group") or "campaign")
    return [WITH_ID[group], group] if group in WITH_ID else [group]


def shown(spec: Spec) -> list[str]:
    """The numbers the rows show: the preset's, or the ones picked one by one."""
    if spec.get("metrics") == CUSTOM:
        picked = [name for name in spec.get("picked") or [] if name in PICKABLE]
        if picked:
            return picked
    return list(METRICS.get(str(spec.get("metrics")), METRICS["default"]))


def measures(spec: Spec) -> list[str]:
    """The shown measures plus the sort keys, so every sort button works, and the bases of
    the ratios, so a ratio without one shows "—" (``bot.stats.ratios``)."""
    names = shown(spec)
    extra = [name for name in (*SORTS, *BASES) if name not in names]
    return names + extra


def toggle_metric(spec: Spec, name: str) -> str | None:
    """Show or hide ``name`` (the spec becomes a custom pick); a reason key when refused."""
    if name not in PICKABLE:
        return None
    names = shown(spec)
    if name in names:
        if len(names) == 1:
            return "rb.metric_last"
        names.remove(name)
    elif len(names) >= MAX_PICKED:
        return "rb.metric_limit"
    else:
        names.append(name)
    spec["metrics"], spec["picked"] = CUSTOM, [item for item in PICKABLE if item in names]
    return None


def where(spec: Spec) -> dict[str, dict[str, Any]]:
    """The builder's filters, ``{kind: {"v": value, "label": name}}``, valid kinds only."""
    found = spec.get("where")
    if not isinstance(found, dict):
        return {}
    return {kind: item for kind, item in found.items() if kind in FILTERS and "v" in item}


def set_filter(spec: Spec, kind: str, value: Any, label: str) -> None:
    spec["where"] = {**where(spec), kind: {"v": value, "label": label}}


def drop_filter(spec: Spec, kind: str) -> None:
    spec["where"] = {key: item for key, item in where(spec).items() if key != kind}


def report_filters(spec: Spec) -> list[dict[str, Any]]:
    """Keitaro's ``filters`` for the spec: the builder's, plus any raw ones a preset kept."""
    raw = [item for item in spec.get("filters") or [] if isinstance(item, dict)]
    made = [
        {"name": FILTERS[kind].column, "operator": "EQUALS", "expression": item["v"]}
        for kind, item in where(spec).items()
    ]
    return raw + made


def filter_value(kind: str, text: str) -> int | str | None:
    """A filter value from a button: an id for the tracker's entities, a code for countries."""
    if kind == "country":
        return text if COUNTRY.match(text) else None
    return int(text) if text.isdigit() and int(text) > 0 else None


def row_value(group: str, row: dict[str, Any]) -> int | str | None:
    """What a row of ``group`` filters by when it is opened (None: it cannot be)."""
    if group not in DRILLS:
        return None
    value = row.get(WITH_ID[group])
    if value in (None, "", 0):
        return None
    return filter_value(DRILLS[group], str(value))


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
    filters = report_filters(spec)
    if filters:
        params["filters"] = filters
    return params


def drill(spec: Spec, kind: str, value: int | str, name: str, view: str) -> Spec:
    """An opened row: the same period, only that row's campaign (offer, source, country),
    grouped by ``view`` (by day unless asked otherwise)."""
    parent = {key: item for key, item in spec.items() if key != "opened"}
    child = dict(parent)
    child["back"] = _trimmed(parent, BACK_DEPTH - 1)
    set_filter(child, kind, value, name)
    child["group"] = view if view in DRILL_VIEWS and view != kind else "day"
    child["title"] = name
    return child


def _trimmed(spec: Spec, depth: int) -> Spec:
    """``spec`` with at most ``depth`` reports to go back to behind it."""
    if depth <= 0 or not isinstance(spec.get("back"), dict):
        return {key: item for key, item in spec.items() if key != "back"}
    return {**spec, "back": _trimmed(spec["back"], depth - 1)}


def parent_of(spec: Spec) -> Spec | None:
    """The report this one was opened from (« Back), if any."""
    back = spec.get("back")
    return back if isinstance(back, dict) and back.get("group") else None


def open_as(spec: Spec, view: str) -> Spec | None:
    """The row opened last (``spec["opened"]``) as its own report by ``view`` (``chart``: by
    day, for its trend); None when no row is open (a stale button)."""
    opened = spec.get("opened")
    if not isinstance(opened, dict) or opened.get("kind") not in FILTERS or "v" not in opened:
        return None
    by = "day" if view == "chart" else view
    return drill(spec, str(opened["kind"]), opened["v"], str(opened.get("label") or ""), by)


def save_preset(presets: list[Spec], spec: Spec) -> list[Spec]:
    """The presets with ``spec`` added last (an equal one moves there); the oldest drop off."""
    kept = [preset for preset in presets if preset != spec]
    return [*kept, dict(spec)][-MAX_PRESETS:]
