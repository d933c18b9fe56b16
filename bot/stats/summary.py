"""The numbers of a period: totals, the same totals for the period before, best and worst."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.stats.periods import Period
from keitaro import ApiResult

#: the totals /stats shows, with Keitaro's own names so they match the tracker's report
MEASURES: list[str] = [
    "clicks", "campaign_unique_clicks", "conversions", "leads", "sales", "rejected",
    "revenue", "cost", "profit", "roi", "cr", "epc",
]  # fmt: skip
Call = Callable[[str, dict[str, Any]], Awaitable[ApiResult]]


@dataclass
class Summary:
    period: Period
    previous: Period
    totals: dict[str, float] = field(default_factory=dict)
    before: dict[str, float] = field(default_factory=dict)
    #: campaigns by profit: the best first, the worst (losing) first
    best: list[dict[str, Any]] = field(default_factory=list)
    worst: list[dict[str, Any]] = field(default_factory=list)

    def change(self, measure: str) -> float | None:
        """Relative change against the previous period, or None when there is no base."""
        now, then = self.totals.get(measure), self.before.get(measure)
        if now is None or not then:
            return None
        return (now - then) / abs(then) * 100


async def build_summary(
    call: Call,
    period: Period,
    previous: Period,
    *,
    filters: list[dict[str, Any]] | None = None,
    top: int = 3,
) -> Summary:
    """Two reports: this period by campaign (with totals), and the previous period's totals."""
    scope = {"filters": filters} if filters else {}
    current = await call(
        "reports.build",
        {
            "range": period.as_range(),
            "dimensions": ["campaign_id", "campaign"],
            "measures": MEASURES,
            "sort": [{"name": "profit", "order": "DESC"}],
            "summary": True,
            "limit": 1000,
            **scope,
        },
    )
    before = await call(
        "reports.build",
        {"range": previous.as_range(), "dimensions": [], "measures": MEASURES, "summary": True,
         "limit": 1, **scope},
    )  # fmt: skip
    rows = list(current.data.get("rows") or [])
    summary = Summary(period, previous)
    summary.totals = _numbers(current.data.get("summary") or _sum(rows))
    summary.before = _numbers(before.data.get("summary") or _sum(before.data.get("rows") or []))
    summary.best = [row for row in rows if (row.get("profit") or 0) > 0][:top]
    losing = [row for row in rows if (row.get("profit") or 0) < 0]
    summary.worst = sorted(losing, key=lambda row: row.get("profit") or 0)[:top]
    return summary


def _numbers(row: dict[str, Any]) -> dict[str, float]:
    return {key: float(value) for key, value in row.items() if isinstance(value, int | float)}


def _sum(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Totals when the tracker gave no summary; rates are recomputed from the sums."""
    totals: dict[str, float] = {}
    for row in rows:
        for key in ("clicks", "campaign_unique_clicks", "conversions", "leads", "sales",
                    "rejected", "revenue", "cost", "profit"):  # fmt: skip
            totals[key] = totals.get(key, 0.0) + float(row.get(key) or 0)
    cost, clicks = totals.get("cost", 0.0), totals.get("clicks", 0.0)
    totals["roi"] = totals.get("profit", 0.0) / cost * 100 if cost else 0.0
    totals["cr"] = totals.get("conversions", 0.0) / clicks * 100 if clicks else 0.0
    totals["epc"] = totals.get("revenue", 0.0) / clicks if clicks else 0.0
    return totals
