"""Reading one click and its conversions from the tracker's logs (``clicks.log``,
``conversions.log``), for the conversion dialog, its follow-up and ``/click``.

Both logs need a period; a click id says nothing about its date, so the lookups cover a long
one (:data:`LOOKBACK_DAYS`) and filter on ``sub_id`` — the tracker does the searching.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from keitaro import KeitaroClient

#: how far back a click is looked for: Keitaro keeps raw clicks for months, buyers post late
LOOKBACK_DAYS = 90
#: what a click's trail shows (all of them are click-log columns every version knows)
CLICK_COLUMNS = [
    "sub_id", "datetime", "campaign", "campaign_id", "stream", "offer", "landing", "ts",
    "country", "country_code", "city", "device_type", "os", "browser", "ip", "is_bot",
]  # fmt: skip
#: what a conversion row needs to be recognised and shown; no ``payout``: it fails the request
CONVERSION_COLUMNS = [
    "conversion_id", "sub_id", "tid", "status", "previous_status", "original_status",
    "revenue", "postback_datetime", "campaign", "offer",
]  # fmt: skip


def zone_name(timezone: str | None) -> str:
    """The user's zone if Python knows it, else UTC (the tracker would refuse a bad one)."""
    if timezone:
        try:
            ZoneInfo(timezone)
            return timezone
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return "UTC"


def period(days_back: int, timezone: str = "UTC", now: datetime | None = None) -> dict[str, str]:
    """From ``days_back`` days ago to tomorrow (so a clock a little ahead still fits)."""
    tz = ZoneInfo(zone_name(timezone))
    today = (now or datetime.now(UTC)).astimezone(tz).date()
    start, end = today - timedelta(days=days_back), today + timedelta(days=1)
    return {"from": start.isoformat(), "to": end.isoformat(), "timezone": zone_name(timezone)}


def by_sub_id(sub_id: str) -> list[dict[str, Any]]:
    return [{"name": "sub_id", "operator": "EQUALS", "expression": sub_id}]


async def find_click(
    client: KeitaroClient, sub_id: str, timezone: str | None = None
) -> dict[str, Any] | None:
    """The click's row (times in ``timezone``), or None when the log has no such click."""
    result = await client.call(
        "clicks.log",
        {
            "range": period(LOOKBACK_DAYS, zone_name(timezone)),
            "columns": CLICK_COLUMNS,
            "filters": by_sub_id(sub_id),
            "sort": [{"name": "datetime", "order": "DESC"}],
            "limit": 1,
        },
    )
    rows = result.data.get("rows") or []
    return rows[0] if rows else None


async def conversions_of(
    client: KeitaroClient,
    sub_id: str,
    *,
    timezone: str | None = None,
    days_back: int = LOOKBACK_DAYS,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """The click's conversions, newest postback first."""
    result = await client.call(
        "conversions.log",
        {
            "range": period(days_back, zone_name(timezone)),
            "columns": CONVERSION_COLUMNS,
            "filters": by_sub_id(sub_id),
            "sort": [{"name": "postback_datetime", "order": "DESC"}],
            "limit": limit,
        },
    )
    return list(result.data.get("rows") or [])
