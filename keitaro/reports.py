"""Report and grid answers, whatever the tracker's version: dialect of the request, numbers."""

from __future__ import annotations

import math
from typing import Any

from keitaro.guesses import NUMERIC_COLUMNS, REPORT_DIALECT_KEYS


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


def _coerce_row(row: Any) -> Any:
    if not isinstance(row, dict):
        return row
    for key, value in row.items():
        if key in NUMERIC_COLUMNS and isinstance(value, str):
            row[key] = coerce_number(value)
    return row


def normalize_grid(data: Any) -> dict[str, Any]:
    """``{"rows", "total", "meta"[, "summary"]}`` with numeric columns as numbers.

    Old trackers may answer a bare list or leave ``total`` out; ``meta`` is kept as it came.
    """
    if isinstance(data, list):
        data = {"rows": data}
    if not isinstance(data, dict):
        return {"rows": [], "total": 0, "meta": None}
    rows = [_coerce_row(row) for row in data.get("rows") or []]
    normalized: dict[str, Any] = dict(data)
    normalized["rows"] = rows
    total = coerce_number(data.get("total"))
    if isinstance(total, float) and total.is_integer():
        total = int(total)
    normalized["total"] = total if isinstance(total, int) else len(rows)
    if isinstance(data.get("summary"), dict):
        normalized["summary"] = _coerce_row(dict(data["summary"]))
    return normalized
