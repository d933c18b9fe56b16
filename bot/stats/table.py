"""Report rows as compact, escaped lines: a row's name, then its numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.stats.ratios import BASE, based
from bot.ui import format as fmt
from bot.ui.countries import country_label

NAME = 40
#: short, language-neutral names of the measures (they are Keitaro's own terms)
SHORT = {
    "clicks": "clicks", "campaign_unique_clicks": "uniq", "conversions": "conv",
    "revenue": "rev", "cost": "cost", "profit": "profit", "roi": "ROI", "cr": "CR", "epc": "EPC",
    "leads": "leads", "sales": "sales", "rejected": "rej", "cpc": "CPC", "cpa": "CPA",
    "approve": "appr",
}  # fmt: skip
MONEY = frozenset({"revenue", "cost", "epc", "cpc", "cpa"})
RATES = frozenset({"cr", "approve"})


def value_of(measure: str, raw: Any, currency: str) -> str:
    """A measure as the screens show it; None (a ratio without a base, a number the tracker
    garbled) is "—"."""
    if raw is None and measure in BASE:
        return fmt.MISSING
    if measure in MONEY:
        return fmt.money(raw or 0, currency)
    if measure == "profit":
        return fmt.money(raw or 0, currency, signed=True)
    if measure == "roi":
        return fmt.roi(raw or 0)
    if measure in RATES:
        return fmt.percent(raw or 0, 1)
    return fmt.number(raw or 0)


def numbers(
    row: dict[str, Any],
    measures: Sequence[str],
    currency: str,
    names: Mapping[str, str] | None = None,
) -> str:
    """``clicks 71 · conv 6 · profit +$187.75``, with ``names`` in the user's language."""
    words = names or SHORT
    return " · ".join(
        f"{words.get(name, name)} {value_of(name, based(row, name), currency)}" for name in measures
    )


def row_line(
    index: int,
    row: dict[str, Any],
    group: str,
    measures: Sequence[str],
    currency: str,
    names: Mapping[str, str] | None = None,
    language: str = "en",
) -> str:
    name = row.get(group)
    if group == "country" and row.get("country_code"):
        name = country_label(row["country_code"], language, name)
    text = fmt.cut(str(name), NAME) if name not in (None, "") else "—"
    return f"<b>{index}.</b> {fmt.esc(text)} — {numbers(row, measures, currency, names)}"


def total_line(
    totals: dict[str, Any],
    measures: Sequence[str],
    currency: str,
    names: Mapping[str, str] | None = None,
) -> str:
    return numbers(totals, measures, currency, names)
