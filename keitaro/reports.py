"""Report and grid answers, whatever the tracker's version: dialect of the request, numbers."""

from __future__ import annotations

import math
from typing import Any

from keitaro.guesses import NUMERIC_COLUMNS, REPORT_DIALECT_KEYS
from keitaro.result import Unreadable


def to_dialect(body: dict[str, Any], dialect: str) -> dict[str, Any]:
    """Rename ``dimensions``/``measures`` to what the tracker understands."""
    group_key, measure_key = REPORT_DIALECT_KEYS[dialect]
    if group_key == "dimensions":
        return body
    renamed = dict(body)
    if "dimensions" in renamed:
        renamed[group_key] = renamed.pop("dimensions")
    if "measures" in renamed:
        renamed[measure_key] = renamed.pop("measures")
    return renamed


def coerce_number(value: Any) -> Any:
    """``"12.50"`` → 12.5 and ``"7"`` → 7; anything that is not a number stays as it is."""
    if not isinstance(value, str) or not value:
        return value
    text = value.strip()
    try:
        number = float(text)
    except ValueError:
        return value
    if not math.isfinite(number):
        return value  # "nan" and "inf" are no amounts, and JSON cannot carry them
    if number.is_integer() and "e" not in text.lower():
        return int(number) if "." not in text else number
    return number


def read_number(value: Any) -> tuple[int | float | None, bool]:
    """The number a tracker sent where one belongs, and whether it could be read.

    ``"12.50"`` → (12.5, True); ``None`` → (None, True): no value is not a misreading.
    ``"n/a"``, ``""``, ``true``, a list, and ``"12,5"`` (a decimal comma or a thousands
    separator? guessing could be off by a factor of a thousand) → (None, False).
    """
    if value is None:
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return value, True
    if isinstance(value, float):
        return (value, True) if math.isfinite(value) else (None, False)
    number = coerce_number(value) if isinstance(value, str) else None
    if isinstance(number, int | float):
        return number, True
    return None, False


def _is_reference(key: str) -> bool:
    return key.endswith("_id")


def _coerce_row(row: Any, unread: Unreadable | None = None) -> Any:
    """A row's numeric columns as numbers; one that cannot be read becomes None (missing)
    and is counted in ``unread``, as is a measure that came as null (an id may be null: a
    click that reached no landing has none)."""
    if not isinstance(row, dict):
        return row
    for key, value in row.items():
        if key not in NUMERIC_COLUMNS:
            continue
        number, readable = read_number(value)
        row[key] = number
        if unread is not None and (not readable or (value is None and not _is_reference(key))):
            unread.values += 1
    return row


def normalize_grid(data: Any, unread: Unreadable | None = None) -> dict[str, Any]:
    """``{"rows", "total", "meta"[, "summary"]}`` with numeric columns as numbers.

    Old trackers may answer a bare list or leave ``total`` out; ``meta`` is kept as it came.
    Rows that are not records are left out; they and the numbers that cannot be read are
    counted in ``unread``.
    """
    if isinstance(data, list):
        data = {"rows": data}
    if not isinstance(data, dict):
        return {"rows": [], "total": 0, "meta": None}
    found = data.get("rows") or []
    found = found if isinstance(found, list) else []
    rows = [_coerce_row(row, unread) for row in found if isinstance(row, dict)]
    if unread is not None:
        unread.entries += len(found) - len(rows)
    normalized: dict[str, Any] = dict(data)
    normalized["rows"] = rows
    total = coerce_number(data.get("total"))
    if isinstance(total, float) and total.is_integer():
        total = int(total)
    normalized["total"] = total if isinstance(total, int) else len(rows)
    if isinstance(data.get("summary"), dict):
        normalized["summary"] = _coerce_row(dict(data["summary"]), unread)
    return normalized
