"""Report periods as a buyer names them, turned into Keitaro ranges in a time zone."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: the one-tap periods, in the order the buttons show them
PERIODS: tuple[str, ...] = ("today", "yesterday", "7d", "30d", "month")
#: what people type after /stats
ALIASES = {
    "today": "today", "сегодня": "today", "yesterday": "yesterday", "вчера": "yesterday",
    "7d": "7d", "7": "7d", "week": "7d", "неделя": "7d", "30d": "30d", "30": "30d",
    "month": "month", "месяц": "month",
}  # fmt: skip


@cache
def _known_zones() -> dict[str, str]:
    """Every IANA name by its lower-case spelling."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def zone_named(value: Any) -> str | None:
    """``value`` as a real IANA time zone in its canonical spelling (``europe/moscow`` is
    ``Europe/Moscow``), or None: what the settings, the digest dialog and a tracker's user
    preferences are read with."""
    if not isinstance(value, str) or not value.strip():
        return None
    from bot.stats.zones import typed_zone  # cities, offsets and abbreviations

    known = _known_zones()
    return known.get(value.strip().lower()) or known.get((typed_zone(value) or "").lower())


@dataclass(frozen=True, slots=True)
class Period:
    """Days ``first``..``last`` (inclusive) in ``timezone``; ``until`` cuts the last day short
    (today so far, and the same hours of the day before when comparing)."""

    key: str
    first: date
    last: date
    timezone: str
    until: time | None = None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def as_range(self) -> dict[str, Any]:
        """The ``range`` of a report: the same numbers as Keitaro's own report for it."""
        end = (
            f"{self.last.isoformat()} {self.until.strftime('%H:%M:%S')}"
            if self.until is not None
            else self.last.isoformat()
        )
        return {"from": self.first.isoformat(), "to": end, "timezone": self.timezone}


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def period_of(key: str, timezone: str | None, now: datetime) -> Period:
    """The period ``key`` (see PERIODS; aliases allowed) as seen at ``now`` in ``timezone``."""
    key = ALIASES.get(key.lower(), key)
    tz = zone(timezone)
    today = now.astimezone(tz).date()
    name = tz.key
    if key == "yesterday":
        day = today - timedelta(days=1)
        return Period(key, day, day, name)
    if key == "7d":
        return Period(key, today - timedelta(days=6), today, name)
    if key == "30d":
        return Period(key, today - timedelta(days=29), today, name)
    if key == "month":
        return Period(key, today.replace(day=1), today, name)
    return Period("today", today, today, name)


def previous_of(period: Period, now: datetime) -> Period:
    """The equal period just before: today so far is compared with yesterday up to the same
    time of day, so a morning is not measured against a whole day."""
    length = timedelta(days=period.days)
    if period.key == "today":
        local_now = now.astimezone(zone(period.timezone))
        day = period.first - timedelta(days=1)
        return Period(
            "previous", day, day, period.timezone, until=local_now.time().replace(microsecond=0)
        )
    return Period("previous", period.first - length, period.last - length, period.timezone)
