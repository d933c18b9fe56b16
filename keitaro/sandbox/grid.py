"""The grid engine behind ``/report/build``, ``/clicks/log`` and ``/conversions/log``.

A report makes one pass over the clicks of the range (found by bisect on the sorted times),
computes local calendar fields once per hour, and adds each click and its conversions to the
counters of its row key. Conversions count on their click's attributes and date.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from keitaro.catalog.params import DEFAULT_MEASURES
from keitaro.sandbox.columns import (
    TIME_COLUMNS,
    ClickGetter,
    click_columns,
    conversion_columns,
    report_dimensions,
)
from keitaro.sandbox.errors import bad_request
from keitaro.sandbox.metrics import (
    BOTS,
    CLICKS,
    COST,
    COUNTERS,
    CU,
    GU,
    MEASURES,
    STATUS_INDEX,
    SU,
)
from keitaro.sandbox.ranges import BUCKET, LocalTime, hour_fields, resolve
from keitaro.sandbox.store import Click, Conversion, Store

DEFAULT_CLICK_COLUMNS = ["datetime", "sub_id", "campaign", "campaign_id", "country", "ip"]
DEFAULT_CONVERSION_COLUMNS = ["conversion_id", "sub_id", "status", "revenue", "postback_datetime"]
Predicate = Callable[[Any], bool]
#: label operators → whether the value must have the label (§4.2; v9 says HAS_NOT_LABEL)
LABEL_OPERATORS = {"HAS_LABEL": True, "NOT_HAS_LABEL": False, "HAS_NOT_LABEL": False}
LABELS = ("blacklist", "whitelist")


# --- request checks -----------------------------------------------------------------------


def _list(body: dict[str, Any], *names: str) -> list[Any] | None:
    for name in names:
        value = body.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            value = [v for v in value.split(",") if v]
        if not isinstance(value, list):
            raise bad_request(f"Param '{name}' must be an array")
        return value
    return None


def _names(body: dict[str, Any], *names: str) -> list[str] | None:
    """A list of column names (strings only: a list or object as a name is a 400)."""
    value = _list(body, *names)
    if value is not None and not all(isinstance(v, str) for v in value):
        name = next(n for n in names if body.get(n) is not None)
        raise bad_request(f"Param '{name}' must be an array of strings")
    return value


def _paging(body: dict[str, Any]) -> tuple[int | None, int]:
    if body.get("range") in (None, "", {}) and body.get("limit") in (None, ""):
        raise bad_request('You must provide "range" or "limit"')
    limit = body.get("limit")
    offset = body.get("offset") or 0
    try:
        limit = int(limit) if limit not in (None, "") else None
        offset = int(offset)
    except (TypeError, ValueError):
        raise bad_request("Limit and offset must be numbers") from None
    if limit is not None and limit <= 0:
        raise bad_request("Limit must be greater than 0")
    if offset < 0:
        raise bad_request("Offset must be greater than 0")
    return limit, offset


def _filters(body: dict[str, Any]) -> list[dict[str, Any]]:
    filters = _list(body, "filters") or []
    if not all(isinstance(f, dict) and _is_name(f.get("name")) for f in filters):
        raise bad_request("Param 'filters' must be an array of objects")
    return filters


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _unknown(name: str, available: Iterable[str]) -> Exception:
    return bad_request(f"Unknown column '{name}'. Available columns: {', '.join(available)}")


# --- filters ------------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool):
        return value == (str(expected).lower() in ("1", "true", "yes"))
    if isinstance(value, int | float):
        number = _number(expected)
        return number is not None and abs(value - number) < 1e-9
    return str(value) == str(expected)


def _compare(value: Any, expected: Any) -> int:
    """-1, 0 or 1: numbers as numbers, the rest as text."""
    a, b = _number(value), _number(expected)
    if a is None or b is None or isinstance(value, str):
        a, b = str(value), str(expected)  # type: ignore[assignment]
    return (a > b) - (a < b)  # type: ignore[operator]


def _regexp(expression: Any) -> re.Pattern[str]:
    text = str(expression)
    if len(text) >= 2 and text[0] == "/" and text.rfind("/") > 0:
        text = text[1 : text.rfind("/")]
    try:
        return re.compile(text)
    except re.error:
        raise bad_request(f"Invalid regular expression '{expression}'") from None


def _as_list(expression: Any) -> list[Any]:
    if isinstance(expression, list):
        return expression
    if isinstance(expression, str):
        return [part.strip() for part in expression.split(",")]
    return [expression]


def predicate(operator: str, expression: Any) -> Predicate:
    """A test of one value for a filter ``operator`` (any case) and ``expression``."""
    op = str(operator or "").upper()
    text = str(expression).lower() if expression is not None else ""
    if op == "EQUALS":
        return lambda v: _same(v, expression)
    if op in ("NOT_EQUAL", "NOT_EQUALS"):
        return lambda v: not _same(v, expression)
    if op in ("IN_LIST", "NOT_IN_LIST"):
        items = _as_list(expression)
        if op == "IN_LIST":
            return lambda v: any(_same(v, item) for item in items)
        return lambda v: not any(_same(v, item) for item in items)
    if op == "BETWEEN":
        bounds = _as_list(expression)
        if len(bounds) != 2:
            raise bad_request("BETWEEN needs an array of two values")
        lo, hi = bounds
        return lambda v: _compare(v, lo) >= 0 and _compare(v, hi) <= 0
    if op == "CONTAINS":
        return lambda v: text in str(v).lower()
    if op in ("NOT_CONTAIN", "NOT_CONTAINS"):
        return lambda v: text not in str(v).lower()
    if op == "BEGINS_WITH":
        return lambda v: str(v).lower().startswith(text)
    if op == "ENDS_WITH":
        return lambda v: str(v).lower().endswith(text)
    comparisons = {
        "GREATER_THAN": lambda c: c > 0,
        "LESS_THAN": lambda c: c < 0,
        "EQUALS_OR_GREATER_THAN": lambda c: c >= 0,
        "EQUALS_OR_LESS_THAN": lambda c: c <= 0,
    }
    if op in comparisons:
        check = comparisons[op]
        return lambda v: check(_compare(v, expression))
    if op in ("MATCH_REGEXP", "NOT_MATCH_REGEXP"):
        pattern = _regexp(expression)
        if op == "MATCH_REGEXP":
            return lambda v: pattern.search(str(v)) is not None
        return lambda v: pattern.search(str(v)) is None
    if op == "IS_SET":
        return lambda v: v not in (None, "", 0, False)
    if op == "IS_NOT_SET":
        return lambda v: v in (None, "", 0, False)
    if op == "IS_TRUE":
        return lambda v: bool(v) and v not in ("0", "false")
    if op == "IS_FALSE":
        return lambda v: not v or v in ("0", "false")
    if op in LABEL_OPERATORS:
        raise bad_request(f"Operator '{op}' works on columns that take labels, not on measures")
    raise bad_request(f"Unknown filter operator '{operator}'")


def _click_campaign(click: Click) -> int:
    return click.campaign_id


def _conversion_campaign(conversion: Conversion) -> int:
    return conversion.click.campaign_id


def column_test(
    store: Store,
    name: str,
    getter: Callable[..., Any],
    spec: dict[str, Any],
    campaign_of: Callable[[Any], int],
) -> tuple[Callable[..., Any], Predicate]:
    """The (getter, test) of one filter on column ``name``. ``HAS_LABEL`` / ``NOT_HAS_LABEL``
    (v9: ``HAS_NOT_LABEL``) look the value up in the labels ``POST /report/labels`` put on
    that column in the row's campaign, so their getter gives (campaign id, value)."""
    operator = str(spec.get("operator") or "").upper()
    if operator not in LABEL_OPERATORS:
        return getter, predicate(spec.get("operator"), spec.get("expression"))
    label = str(spec.get("expression") or "").strip().lower()
    if label not in LABELS:
        raise bad_request(f'Operator \'{operator}\' takes "blacklist" or "whitelist"')
    labelled: dict[int, set[str]] = {}
    for (campaign_id, ref_name), values in store.labels.items():
        if ref_name == name:
            labelled[campaign_id] = {v for v, given in values.items() if given == label}
    wanted = LABEL_OPERATORS[operator]

    def get(item: Any, *rest: Any) -> tuple[int, Any]:
        return campaign_of(item), getter(item, *rest)

    def test(pair: tuple[int, Any]) -> bool:
        return (str(pair[1]) in labelled.get(pair[0], ())) is wanted

    return get, test


# --- sorting and paging -------------------------------------------------------------------


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None or value == "":
        return (0, "")
    if isinstance(value, bool | int | float):
        return (1, float(value))
    return (2, str(value))


def _sorted(rows: list[dict[str, Any]], sort: list[Any], selected: set[str]) -> list[dict]:
    for item in reversed(sort):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        if item["name"] not in selected:
            continue  # Keitaro drops a sort on a column the grid does not have
        name = item["name"]
        descending = str(item.get("order", "asc")).lower() == "desc"
        rows.sort(key=lambda row, n=name: _sort_key(row.get(n)), reverse=descending)
    return rows


def _meta(started: float, now: datetime) -> dict[str, str]:
    return {
        "execution_time": f"{time.perf_counter() - started:.4f}",
        "datetime": now.astimezone(UTC).isoformat(timespec="seconds"),
    }


def _page(items: list[Any], limit: int | None, offset: int) -> list[Any]:
    return items[offset : offset + limit] if limit is not None else items[offset:]


# --- report -------------------------------------------------------------------------------


#: the keys each dialect reads, dimensions first, then measures (the first key present wins)
DIALECT_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "": (("dimensions", "grouping"), ("measures", "metrics")),
    "legacy": (("grouping",), ("metrics",)),
    "dimensions": (("dimensions",), ("measures",)),
}
#: GUESS: what a Keitaro 9 report without ``metrics`` counts; no source lists v9's defaults,
#: and a bare count is what makes a tracker asked in the wrong dialect show $0.00
LEGACY_DEFAULT_METRICS = ["clicks"]


def build_report(
    store: Store, body: dict[str, Any], visible: set[int] | None = None, *, dialect: str = ""
) -> dict[str, Any]:
    """``POST /report/build``: rows of dimension keys and measures.

    ``dialect`` (the ``report_dialect`` fault): "" reads both name pairs, "legacy" only
    ``grouping``/``metrics`` and "dimensions" only ``dimensions``/``measures``; the other pair
    is ignored like any unknown key, so the tracker's defaults apply.
    """
    started = time.perf_counter()
    now = store.now()
    limit, offset = _paging(body)
    columns = click_columns(store)
    dimensions_available = report_dimensions(columns)
    group_keys, measure_keys = DIALECT_KEYS.get(dialect, DIALECT_KEYS[""])
    dimensions = list(_names(body, *group_keys) or [])
    measures = _names(body, *measure_keys)
    defaults = LEGACY_DEFAULT_METRICS if dialect == "legacy" else DEFAULT_MEASURES
    for name in _names(body, "columns") or []:
        if name in MEASURES:
            measures = [*(measures or []), name]
        elif name not in dimensions:
            dimensions.append(name)
    for name in dimensions:
        if name not in dimensions_available:
            raise _unknown(name, dimensions_available)
    dimensions = list(dict.fromkeys(dimensions))
    measures = [m for m in dict.fromkeys(measures or defaults) if m in MEASURES]
    click_filters: list[tuple[ClickGetter, Predicate]] = []
    row_filters: list[tuple[str, Predicate]] = []
    for f in _filters(body):
        name = f["name"]
        if name in MEASURES:
            row_filters.append((name, predicate(f.get("operator"), f.get("expression"))))
        elif name in columns:
            click_filters.append(column_test(store, name, columns[name], f, _click_campaign))
        else:
            raise _unknown(name, dimensions_available)
    start, end, tz = resolve(body.get("range"), now)
    counters = aggregate(
        store.clicks_between(start, end),
        [columns[d] for d in dimensions],
        click_filters,
        LocalTime(tz),
        visible,
        now=now.timestamp(),
        needs_time=any(d in TIME_COLUMNS for d in dimensions)
        or any(f["name"] in TIME_COLUMNS for f in _filters(body)),
    )
    if dimensions:  # Keitaro drops the rows whose grouping value is empty (§9)
        counters = {
            key: row for key, row in counters.items() if not any(v in ("", None) for v in key)
        }
    rows: list[dict[str, Any]] = []
    for key, row in counters.items():
        values = dict(zip(dimensions, key, strict=True))
        for name in measures:
            values[name] = MEASURES[name](row)
        rows.append(values)
    if row_filters:
        row_counters = list(counters.values())
        keep = [
            i
            for i, row in enumerate(row_counters)
            if all(test(MEASURES[name](row)) for name, test in row_filters)
        ]
        rows = [rows[i] for i in keep]
        kept_counters = [row_counters[i] for i in keep]
    else:
        kept_counters = list(counters.values())
    rows.sort(key=lambda r: tuple(_sort_key(r[d]) for d in dimensions))
    rows = _sorted(rows, _list(body, "sort") or [], {*dimensions, *measures})
    answer: dict[str, Any] = {"rows": _page(rows, limit, offset), "total": len(rows)}
    if body.get("summary") in (True, 1, "1", "true"):
        totals = [0.0] * COUNTERS
        for row in kept_counters:
            for i in range(COUNTERS):
                totals[i] += row[i]
        summary: dict[str, Any] = dict.fromkeys(dimensions)
        summary.update({name: MEASURES[name](totals) for name in measures})
        answer["summary"] = summary
    answer["meta"] = _meta(started, now)
    return answer


def aggregate(
    clicks: list[Click],
    getters: list[ClickGetter],
    filters: list[tuple[ClickGetter, Predicate]],
    local: LocalTime,
    visible: set[int] | None,
    *,
    needs_time: bool,
    now: float | None = None,
) -> dict[tuple[Any, ...], list[float]]:
    """Counters per row key over ``clicks``: the hot loop of every report. Conversions count
    as the API shows them at ``now`` (None: as they are, recorded or not)."""
    result: dict[tuple[Any, ...], list[float]] = {}
    # clicks are sorted by time, so the local hour changes rarely: keep the UTC window
    # [window_start, window_end) in which the local calendar fields stay the same (one local
    # hour within one 15-minute offset bucket)
    window_start, window_end, window_base = 1, 0, 0
    fields: tuple[Any, ...] = ()
    rest = 0
    single = getters[0] if len(getters) == 1 else None
    for c in clicks:
        if visible is not None and c.campaign_id not in visible:
            continue
        if needs_time:
            seconds = int(c.ts)
            if not window_start <= seconds < window_end:
                bucket = seconds // BUCKET
                off = local.offset(bucket)
                hour = (seconds + off) // 3600
                window_base = hour * 3600 - off  # the local hour's start, in UTC
                window_start = max(window_base, bucket * BUCKET)
                window_end = min(window_base + 3600, (bucket + 1) * BUCKET)
                fields = hour_fields(hour)
            rest = seconds - window_base
        if filters and not all(test(get(c, fields, rest)) for get, test in filters):
            continue
        if single is not None:
            key: tuple[Any, ...] = (single(c, fields, rest),)
        else:
            key = tuple([get(c, fields, rest) for get in getters])
        row = result.get(key)
        if row is None:
            row = result[key] = [0.0] * COUNTERS
        row[CLICKS] += 1
        row[CU] += c.is_unique_campaign
        row[SU] += c.is_unique_stream
        row[GU] += c.is_unique_global
        row[BOTS] += c.is_bot
        row[COST] += c.cost
        if c.conversions:
            for conversion in c.conversions:
                shown = conversion if now is None else conversion.as_seen(now)
                if shown is None:
                    continue
                index = STATUS_INDEX.get(shown.status)
                if index is not None:
                    row[index[0]] += 1
                    row[index[1]] += shown.revenue
    return result


# --- logs ---------------------------------------------------------------------------------


def clicks_log(
    store: Store, body: dict[str, Any], visible: set[int] | None = None
) -> dict[str, Any]:
    """``POST /clicks/log``: one row per click; an unknown column is an error."""
    started = time.perf_counter()
    now = store.now()
    limit, offset = _paging(body)
    columns = click_columns(store)
    selected, tests = _log_selection(store, body, columns, DEFAULT_CLICK_COLUMNS, _click_campaign)
    start, end, tz = resolve(body.get("range"), now)
    local = LocalTime(tz)
    matched: list[tuple[Click, tuple[Any, ...], int]] = []
    for c in store.clicks_between(start, end):
        if visible is not None and c.campaign_id not in visible:
            continue
        hour, rest = local.local_hour(c.ts)
        fields = hour_fields(hour)
        if all(test(get(c, fields, rest)) for get, test in tests):
            matched.append((c, fields, rest))
    sort = [s for s in _list(body, "sort") or [] if isinstance(s, dict) and s.get("name")]
    if sort:
        rows = [{n: columns[n](*m) for n in selected} for m in matched]
        rows = _sorted(rows, sort, set(selected))
        page = _page(rows, limit, offset)
    else:
        page = [{n: columns[n](*m) for n in selected} for m in _page(matched, limit, offset)]
    return {"rows": page, "total": len(matched), "meta": _meta(started, now)}


def _log_selection(
    store: Store,
    body: dict[str, Any],
    columns: dict[str, Any],
    default: Any,
    campaign_of: Callable[[Any], int],
) -> tuple[list[str], list[tuple[Any, Any]]]:
    """The selected columns and the filters' tests of a log request; unknown names fail (400)."""
    selected = list(dict.fromkeys(_names(body, "columns") or default))
    for name in selected:
        if name not in columns:
            raise _unknown(name, columns)
    tests = []
    for f in _filters(body):
        if f["name"] not in columns:
            raise _unknown(f["name"], columns)
        tests.append(column_test(store, f["name"], columns[f["name"]], f, campaign_of))
    return selected, tests


def conversions_log(
    store: Store, body: dict[str, Any], visible: set[int] | None = None
) -> dict[str, Any]:
    """``POST /conversions/log``: one row per conversion; the range is on postback time.
    A conversion shows as it was last recorded (see ``Conversion.as_seen``): one the tracker
    has not recorded yet is left out, one whose change is not recorded yet shows as before."""
    started = time.perf_counter()
    now = store.now()
    limit, offset = _paging(body)
    columns = conversion_columns(click_columns(store))
    selected, tests = _log_selection(
        store, body, columns, DEFAULT_CONVERSION_COLUMNS, _conversion_campaign
    )
    start, end, tz = resolve(body.get("range"), now)
    fmt = LocalTime(tz).format
    at = now.timestamp()
    matched = [
        v
        for v in (c.as_seen(at) for c in store.conversions)
        if v is not None
        and start <= v.postback_ts < end
        and (visible is None or v.click.campaign_id in visible)
        and all(test(get(v, fmt)) for get, test in tests)
    ]
    matched.sort(key=lambda v: (v.postback_ts, v.id))
    rows_of = [{n: columns[n](v, fmt) for n in selected} for v in matched]
    rows = _sorted(rows_of, _list(body, "sort") or [], set(selected))
    return {"rows": _page(rows, limit, offset), "total": len(rows), "meta": _meta(started, now)}
