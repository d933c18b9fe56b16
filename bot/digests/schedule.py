"""When a digest is due: pure schedule math, no I/O, so it can be tested with any clock.

A schedule is ``{"time": "09:00", "days": [0..6]}`` (Monday is 0) read in an IANA time zone.
A *slot* is one local occurrence, named by its local date and time (``"2026-11-26T09:00"``):
the name is what ``DigestRepository.claim_delivery`` records, so a slot is delivered once even
when its wall-clock time happens twice (the autumn change) — both occurrences have one name.
A wall-clock time that does not exist (the spring change skips 02:00–03:00) is due at the
first moment after it that does exist (03:00), also once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EVERY_DAY: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
WEEKDAYS: tuple[int, ...] = (0, 1, 2, 3, 4)
LOOKBACK = timedelta(hours=2)
_TIME = re.compile(r"^\s*([01]?\d|2[0-3])[:.\s]?([0-5]\d)\s*$")


@dataclass(frozen=True, slots=True)
class Slot:
    """One due occurrence: ``key`` names it, ``at`` is the UTC moment it became due."""

    key: str
    at: datetime
    local: datetime  # the wall-clock time asked for (naive)

    def late_by(self, now: datetime) -> timedelta:
        return now - self.at


def parse_time(text: str) -> time | None:
    """``9:00``, ``09:00``, ``0900``, ``9.00`` → 09:00; None when it is not a time of day."""
    found = _TIME.match(text or "")
    if not found:
        return None
    return time(int(found.group(1)), int(found.group(2)))


def zone_or_none(name: str | None) -> ZoneInfo | None:
    """The IANA zone ``name`` (``Europe/Berlin``), or None when there is no such zone."""
    if not name or ("/" not in name and name.upper() != "UTC"):
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def days_of(schedule: Mapping[str, Any]) -> tuple[int, ...]:
    """The weekdays of a schedule, sorted; an empty or missing list means every day."""
    raw: Iterable[Any] = schedule.get("days") or EVERY_DAY
    days = sorted({int(day) for day in raw if 0 <= int(day) <= 6})
    return tuple(days) or EVERY_DAY


def time_of(schedule: Mapping[str, Any]) -> time:
    return parse_time(str(schedule.get("time", ""))) or time(9, 0)


def occurrence(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC moment the wall-clock ``day at`` happens in ``tz``: the first of two in the
    autumn, and the first existing moment after it when the spring change skips it."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first  # exists (the earlier of two when repeated)
    # In a gap: fold=1 reads it with the offset after the change, which lands before the gap;
    # walk minute by minute to the first moment whose wall-clock time is past ``wall``.
    moment = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    while moment.astimezone(tz).replace(tzinfo=None) < wall:
        moment += timedelta(minutes=1)
    return moment


def slot_key(day: date, at: time) -> str:
    return f"{day.isoformat()}T{at.strftime('%H:%M')}"


def due_slot(
    schedule: Mapping[str, Any],
    timezone: str,
    now: datetime,
    lookback: timedelta = LOOKBACK,
) -> Slot | None:
    """The latest slot due at ``now`` (an aware datetime), unless it is older than
    ``lookback``: a slot missed by longer downtime is skipped, never sent hours late."""
    tz = zone_or_none(timezone) or ZoneInfo("UTC")
    at = time_of(schedule)
    days = days_of(schedule)
    today = now.astimezone(tz).date()
    for back in range(0, 8):
        day = today - timedelta(days=back)
        if day.weekday() not in days:
            continue
        moment = occurrence(day, at, tz)
        if moment > now:
            continue
        if now - moment > lookback:
            return None
        return Slot(slot_key(day, at), moment, datetime.combine(day, at))
    return None


def next_slot(schedule: Mapping[str, Any], timezone: str, now: datetime) -> Slot:
    """The next slot after ``now``, for "next: Thu 27 Nov 09:00" in the list."""
    tz = zone_or_none(timezone) or ZoneInfo("UTC")
    at = time_of(schedule)
    days = days_of(schedule)
    today = now.astimezone(tz).date()
    for ahead in range(0, 9):
        day = today + timedelta(days=ahead)
        if day.weekday() in days:
            moment = occurrence(day, at, tz)
            if moment > now:
                return Slot(slot_key(day, at), moment, datetime.combine(day, at))
    raise AssertionError("a week always has a slot")  # pragma: no cover
