"""Today's numbers of one campaign (offer, traffic source) for its card.

One report of today grouped by that kind's id answers every card of the kind, and it comes
from the short cache, so opening ten campaign cards in a minute asks the tracker once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from bot.stats.builder import FILTERS
from bot.stats.periods import period_of
from keitaro import ApiResult

MEASURES = ["clicks", "conversions", "revenue", "cost", "profit", "roi"]
Call = Callable[[str, dict[str, Any]], Awaitable[ApiResult]]


async def today_rows(
    call: Call, kind: str, timezone: str, now: datetime
) -> dict[int, dict[str, Any]]:
    """Today's report rows of every entity of ``kind`` that had traffic, by id."""
    column = FILTERS[kind].column
    period = period_of("today", timezone, now)
    result = await call(
        "reports.build",
        {"range": period.as_range(), "dimensions": [column], "measures": MEASURES,
         "limit": 10000},
    )  # fmt: skip
    rows = result.data.get("rows") if isinstance(result.data, dict) else None
    return {
        row[column]: row
        for row in rows or []
        if isinstance(row, dict) and isinstance(row.get(column), int)
    }


async def today_row(
    call: Call, kind: str, entity_id: int, timezone: str, now: datetime
) -> dict[str, Any]:
    """The entity's row of today's report (zeros when it had no traffic today)."""
    found = await today_rows(call, kind, timezone, now)
    return found.get(entity_id) or dict.fromkeys(MEASURES, 0)
