"""Report ranges and local time: turn a grid ``range`` into UTC bounds, and a UTC timestamp
into the calendar fields of the range's time zone (offsets cached per 15-minute UTC bucket,
so a report does not convert every click)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from keitaro.guesses import REPORT_INTERVALS
from keitaro.sandbox.errors import bad_request

#: the interval names the client knows; the sandbox implements each (see ``_interval``)
INTERVALS: tuple[str, ...] = REPORT_INTERVALS
#: UTC buckets of 15 minutes: every zone changes its offset on a quarter hour (St John's and
#: Lord Howe on the half hour), so one offset per bucket is exact
BUCKET = 900
ALL_TIME = (0.0, 4_102_444_800.0)  # up to 2100-01-01


def zone(name: Any) -> ZoneInfo:
    if name and not isinstance(name, str):
        raise bad_request(f"Unknown timezone '{name}'")
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise bad_request(f"Unknown timezone '{name}'") from None


def parse_local(text: str, tz: ZoneInfo, *, end: bool) -> float:
    """A "YYYY-MM-DD[ HH:MM[:SS]]" in ``tz`` as a UTC timestamp; an ``end`` bound is exclusive:
    a bare date ends with its day, a time with its second (or minute)."""
    text = str(text).strip().replace("T", " ")
    for fmt, step in (
        ("%Y-%m-%d %H:%M:%S", timedelta(seconds=1)),
        ("%Y-%m-%d %H:%M", timedelta(minutes=1)),
        ("%Y-%m-%d", timedelta(days=1)),
    ):
        try:
            value = datetime.strptime(text, fmt).replace(tzinfo=tz)
        except ValueError:
            continue
        if end:
            value += step
        return value.timestamp()
    raise bad_request(f"Invalid date '{text}'")


def _months_back(day: date, months: int) -> date:
    month = day.month - 1 - months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 28)


def resolve(spec: Any, now: datetime) -> tuple[float, float, ZoneInfo]:
    """UTC ``[start, end)`` and the zone of a grid ``range``; None means all time in UTC."""
    if not spec:
        return (*ALL_TIME, ZoneInfo("UTC"))
    if not isinstance(spec, dict):
        raise bad_request("Param 'range' must be an object")
    tz = zone(spec.get("timezone"))
    interval = spec.get("interval")
    if interval:
        return (*_interval(str(interval), now.astimezone(tz), tz), tz)
    if not spec.get("from") and not spec.get("to"):
        raise bad_request('Range must contain either "interval", "from" or "to"')
    start = parse_local(spec["from"], tz, end=False) if spec.get("from") else ALL_TIME[0]
    stop = parse_local(spec["to"], tz, end=True) if spec.get("to") else ALL_TIME[1]
    return start, stop, tz


def _interval(name: str, local_now: datetime, tz: ZoneInfo) -> tuple[float, float]:
    today = local_now.date()
    tomorrow = today + timedelta(days=1)
    starts = {
        "today": today,
        "yesterday": today - timedelta(days=1),
        "7_days_ago": today - timedelta(days=6),
        "30_days_ago": today - timedelta(days=29),
        "first_day_of_this_week": today - timedelta(days=today.weekday()),
        "1_month_ago": _months_back(today, 1),
        "first_day_of_this_month": today.replace(day=1),
        "6_months_ago": _months_back(today, 6),
        "1_year_ago": _months_back(today, 12),
        "first_day_of_this_year": today.replace(month=1, day=1),
    }
    if name == "all_time":
        return ALL_TIME
    if name not in starts or name not in INTERVALS:
        raise bad_request(f"Unknown interval '{name}'. Available: {', '.join(INTERVALS)}")
    stop = today if name == "yesterday" else tomorrow

    def at(day: date) -> float:
        return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()

    return at(starts[name]), at(stop)


class LocalTime:
    """Wall-clock fields of UTC timestamps in one zone.

    The zone offset is looked up once per 15-minute UTC bucket (``ts // BUCKET``; offsets
    change on quarter hours in every zone), so a report does not convert each click with
    zoneinfo.
    """

    __slots__ = ("_offsets", "tz")

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._offsets: dict[int, int] = {}

    def offset(self, bucket: int) -> int:
        """The zone's UTC offset in seconds during UTC bucket ``bucket`` (``ts // BUCKET``)."""
        value = self._offsets.get(bucket)
        if value is None:
            moment = datetime.fromtimestamp(bucket * BUCKET, UTC).astimezone(self.tz)
            delta = moment.utcoffset()
            value = int(delta.total_seconds()) if delta else 0
            self._offsets[bucket] = value
        return value

    def local_hour(self, ts: float) -> tuple[int, int]:
        """The local wall-clock hour (hours since 1970-01-01 00:00 local) and seconds into it."""
        seconds = int(ts)
        local = seconds + self.offset(seconds // BUCKET)
        return local // 3600, local % 3600

    def format(self, ts: float) -> str:
        """ "YYYY-MM-DD HH:MM:SS" in the zone."""
        hour, rest = self.local_hour(ts)
        return f"{hour_fields(hour)[0]}{rest // 60:02d}:{rest % 60:02d}"


_HOUR_FIELDS: dict[int, tuple[Any, ...]] = {}


def hour_fields(local_hour: int) -> tuple[Any, ...]:
    """Fields of a local wall-clock hour: ("YYYY-MM-DD HH:", day, hour, day_hour, year, month,
    week, weekday), cached."""
    cached = _HOUR_FIELDS.get(local_hour)
    if cached is None:
        moment = datetime(1970, 1, 1) + timedelta(hours=local_hour)
        iso = moment.isocalendar()
        day = moment.strftime("%Y-%m-%d")
        cached = (
            moment.strftime("%Y-%m-%d %H:"),
            day,
            moment.hour,
            moment.strftime("%Y-%m-%d %H:00"),
            moment.year,
            moment.strftime("%Y-%m"),
            f"{iso[0]}-{iso[1]:02d}",
            moment.isoweekday(),
        )
        if len(_HOUR_FIELDS) > 200_000:
            _HOUR_FIELDS.clear()
        _HOUR_FIELDS[local_hour] = cached
    return cached
