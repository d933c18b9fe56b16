"""Schedule math with an injected clock: daily, weekday and chosen-day schedules across the
daylight-saving changes of Europe/Berlin and America/New_York."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digests.schedule import due_slot, next_slot, parse_time

BERLIN = "Europe/Berlin"
NEW_YORK = "America/New_York"
DAILY = {"time": "09:00", "days": [0, 1, 2, 3, 4, 5, 6]}
WEEKDAYS = {"time": "09:00", "days": [0, 1, 2, 3, 4]}


def local(tz: str, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(tz), fold=fold).astimezone(UTC)


def deliveries(schedule: dict, tz: str, start: datetime, end: datetime, step: int = 60) -> list:
    """Every slot a scheduler ticking each ``step`` seconds would deliver: (key, UTC moment)."""
    delivered: dict[str, datetime] = {}
    now = start
    while now <= end:
        slot = due_slot(schedule, tz, now)
        if slot is not None and slot.key not in delivered:
            delivered[slot.key] = now
        now += timedelta(seconds=step)
    return list(delivered.items())


@pytest.mark.parametrize("tz", [BERLIN, NEW_YORK])
def test_daily_digest_arrives_at_local_nine_across_both_changes(tz: str) -> None:
    spring = {BERLIN: (2026, 3, 29), NEW_YORK: (2026, 3, 8)}[tz]
    autumn = {BERLIN: (2026, 10, 25), NEW_YORK: (2026, 11, 1)}[tz]
    for year, month, day in (spring, autumn):
        start = local(tz, year, month, day) - timedelta(days=2)
        got = deliveries(DAILY, tz, start, start + timedelta(days=4), step=300)
        assert len(got) == 4
        for key, moment in got:
            seen = moment.astimezone(ZoneInfo(tz))
            assert key.endswith("T09:00") and seen.strftime("%H:%M") == "09:00"
            assert key[:10] == seen.date().isoformat()


@pytest.mark.parametrize(
    ("tz", "day", "first_valid"),
    [(BERLIN, (2026, 3, 29), "03:00"), (NEW_YORK, (2026, 3, 8), "03:00")],
)
def test_a_slot_the_spring_change_skips_comes_once_at_the_first_valid_moment(
    tz: str, day: tuple[int, int, int], first_valid: str
) -> None:
    schedule = {"time": "02:30", "days": []}
    start = local(tz, *day) - timedelta(hours=3)
    got = deliveries(schedule, tz, start, start + timedelta(hours=10), step=60)
    assert len(got) == 1
    key, moment = got[0]
    assert key == f"{day[0]}-{day[1]:02d}-{day[2]:02d}T02:30"
    assert moment.astimezone(ZoneInfo(tz)).strftime("%H:%M") == first_valid


@pytest.mark.parametrize(("tz", "day"), [(BERLIN, (2026, 10, 25)), (NEW_YORK, (2026, 11, 1))])
def test_a_slot_the_autumn_change_repeats_comes_once(tz: str, day: tuple[int, int, int]) -> None:
    schedule = {"time": "01:30" if tz == NEW_YORK else "02:30", "days": []}
    start = local(tz, *day) - timedelta(hours=1)
    got = deliveries(schedule, tz, start, start + timedelta(hours=8), step=60)
    assert len(got) == 1
    key, moment = got[0]
    # the first of the two occurrences (summer time)
    first = datetime.combine(datetime(*day).date(), parse_time(schedule["time"]) or time())
    assert moment == first.replace(tzinfo=ZoneInfo(tz), fold=0).astimezone(UTC)
    # at the second occurrence the same key is due again: claim_slot makes it a no-op
    second = first.replace(tzinfo=ZoneInfo(tz), fold=1).astimezone(UTC)
    assert second - moment == timedelta(hours=1)
    again = due_slot(schedule, tz, second + timedelta(minutes=1))
    assert again is not None and again.key == key


@pytest.mark.parametrize("tz", [BERLIN, NEW_YORK])
def test_weekday_and_chosen_day_schedules_over_a_change_week(tz: str) -> None:
    monday = {BERLIN: (2026, 3, 23), NEW_YORK: (2026, 3, 2)}[tz]  # the change is that Sunday
    start = local(tz, *monday)
    got = deliveries(WEEKDAYS, tz, start, start + timedelta(days=14), step=600)
    days = [datetime.fromisoformat(key).weekday() for key, _ in got]
    assert days == [0, 1, 2, 3, 4] * 2
    chosen = {"time": "18:45", "days": [1, 6]}  # Tuesday and Sunday (the change day)
    got = deliveries(chosen, tz, start, start + timedelta(days=14), step=300)
    assert [datetime.fromisoformat(key).weekday() for key, _ in got] == [1, 6, 1, 6]
    for key, moment in got:
        assert moment.astimezone(ZoneInfo(tz)).strftime("%H:%M") == "18:45", key


def test_lookback_late_within_two_hours_skipped_after() -> None:
    slot_at = local(BERLIN, 2026, 11, 26, 9, 0)
    assert due_slot(DAILY, BERLIN, slot_at - timedelta(seconds=1)) is None  # yesterday's: old
    on_time = due_slot(DAILY, BERLIN, slot_at)
    assert on_time is not None and on_time.key == "2026-11-26T09:00" and on_time.at == slot_at
    late = due_slot(DAILY, BERLIN, slot_at + timedelta(hours=1, minutes=59))
    assert late is not None and late.key == "2026-11-26T09:00"
    assert late.late_by(slot_at + timedelta(hours=1, minutes=59)) > timedelta(hours=1)
    assert due_slot(DAILY, BERLIN, slot_at + timedelta(hours=2, minutes=1)) is None


def test_a_late_evening_slot_is_still_due_after_midnight() -> None:
    schedule = {"time": "23:30", "days": [3]}  # Thursdays
    now = local(NEW_YORK, 2026, 11, 27, 0, 45)  # Friday 00:45
    slot = due_slot(schedule, NEW_YORK, now)
    assert slot is not None and slot.key == "2026-11-26T23:30"


def test_next_slot_and_typed_times() -> None:
    now = local(BERLIN, 2026, 11, 27, 10, 0)  # a Friday after nine
    assert next_slot(WEEKDAYS, BERLIN, now).key == "2026-11-30T09:00"
    assert parse_time("9:05") == time(9, 5) and parse_time("0930") == time(9, 30)
    assert parse_time("24:00") is None and parse_time("nine") is None
