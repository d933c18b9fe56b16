"""Ratios that have no base are not numbers: ROI without spend, CR and EPC without clicks,
CPA without conversions. Keitaro answers 0 for them, which reads as "🟢 0%" or "$0.00"
and misleads; these helpers turn them into None, which the screens show as "—"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: each ratio and the measure it is divided by
BASE: dict[str, str] = {
    "roi": "cost",
    "cr": "clicks",
    "epc": "clicks",
    "cpc": "clicks",
    "cpa": "conversions",
    "approve": "conversions",
}
#: what a report must also ask for so the screens can tell
BASES: tuple[str, ...] = tuple(sorted(set(BASE.values())))


def has_base(row: Mapping[str, Any], ratio: str) -> bool:
    """False only when the ratio's base is known and zero (or missing from a row that has it)."""
    base = BASE.get(ratio)
    if base is None or base not in row:
        return True
    try:
        return float(row.get(base) or 0) != 0
    except (TypeError, ValueError):
        return True


def based(row: Mapping[str, Any], measure: str) -> Any:
    """The row's value of ``measure``, or None when it is a ratio without a base."""
    value = row.get(measure)
    return value if has_base(row, measure) else None
