"""The tracker's conversion log turned into what the feed has not dealt with yet.

A row is a conversion in its current status. Its event key is (conversion id, status): a
conversion the feed told as a lead and now sees as a sale is a new event, a *change*, told
as "lead → sale" in reply to the first notification. A conversion the feed never saw
before but whose ``previous_status`` Keitaro reports (a lead the feed missed, or a sale a
later lead overwrote) is a change too: the user learns what it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.live.settings import wants_status
from storage.live import LiveEvent

#: the form of the log's times (asked in UTC)
LOG_TIME = "%Y-%m-%d %H:%M:%S"


def log_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(LOG_TIME)


def parse_log_time(value: Any) -> datetime | None:
    """A log time ("2026-12-07 10:14:02", asked in UTC). ``fromisoformat`` reads that form
    and is many times faster than ``strptime``: a poll reads every row of its overlap."""
    if not isinstance(value, str) or len(value) < 19:
        return None
    try:
        moment = datetime.fromisoformat(value[:19])
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC)


def as_number(value: Any) -> float:
    """A revenue as the log gives it: a number, a string ("12.5", "12,5"), or junk (0)."""
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", ".").strip())
    except ValueError:
        return 0.0


#: a click id longer than this is not Keitaro's (and is compared cut, on both paths)
MAX_CLICK_ID = 200


def click_key(value: Any) -> str:
    """A click id as the poller and the S2S endpoint both compare it."""
    return str(value or "").strip()[:MAX_CLICK_ID]


def as_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() else None


@dataclass(frozen=True, slots=True)
class Row:
    """One readable row of the log."""

    conversion_id: int
    status: str
    previous_status: str
    revenue: float
    postback_at: datetime
    campaign_id: int
    data: dict[str, Any]

    @property
    def key(self) -> tuple[int, str]:
        return self.conversion_id, self.status


def read_row(raw: Any) -> Row | None:
    """A row, or None when it lacks what a notification needs (an id, a status, a time)."""
    if not isinstance(raw, dict):
        return None
    conversion_id = as_id(raw.get("conversion_id"))
    status = str(raw.get("status") or "").strip().lower()
    postback_at = parse_log_time(raw.get("postback_datetime"))
    if conversion_id is None or not status or postback_at is None:
        return None
    return Row(
        conversion_id=conversion_id,
        status=status,
        previous_status=str(raw.get("previous_status") or "").strip().lower(),
        revenue=as_number(raw.get("revenue")),
        postback_at=postback_at,
        campaign_id=as_id(raw.get("campaign_id")) or 0,
        data=raw,  # kept as read; ``plain`` makes it storable when it is claimed
    )


def plain(data: dict[str, Any]) -> dict[str, Any]:
    """A row's scalar values only (what a stored claim keeps and a notification shows)."""
    return {k: v for k, v in data.items() if isinstance(v, str | int | float | bool) or v is None}


@dataclass(frozen=True, slots=True)
class Event:
    """Something to tell: a new conversion, or a conversion whose status changed."""

    row: Row
    #: the status it had before: the one the feed told, else Keitaro's ``previous_status``
    previous: str | None
    #: the notification of the earlier status, to reply to
    reply_to: int | None
    #: the revenue the feed told with the earlier status
    previous_revenue: float | None
    #: how many times the conversion had this status before (a sale overwritten by a lead
    #: and approved again is a second "sale"): part of the key, so it is told again
    repeat: int = 0

    @property
    def key(self) -> tuple[int, str]:
        """(conversion id, status) as stored: ``sale``, then ``sale#1`` for a second time."""
        status = self.row.status
        return self.row.conversion_id, status if not self.repeat else f"{status}#{self.repeat}"

    @property
    def is_change(self) -> bool:
        return bool(self.previous) and self.previous != self.row.status

    @property
    def overwritten_sale(self) -> bool:
        """A sale a later postback turned back into a lead (Keitaro overwrites it)."""
        return self.previous == "sale" and self.row.status == "lead"


def base_status(key_status: str) -> str:
    """The status of a stored key (``sale#1`` → ``sale``)."""
    return key_status.split("#", 1)[0]


def new_events(
    rows: list[Row], known: dict[int, list[LiveEvent]], chat_id: int | None = None
) -> list[Event]:
    """The rows whose current status is not the last one the feed dealt with for that
    conversion, in log order, each once (a row read twice across pages counts once).

    The last event is the one with the latest postback time (a change moves the row's
    postback time on). A status the conversion had before and left (lead → sale → lead) is a
    new event again, with the next ``repeat``. ``chat_id`` is where the feed sends now."""
    events: list[Event] = []
    taken: set[int] = set()
    for row in rows:
        if row.conversion_id in taken:
            continue
        earlier = known.get(row.conversion_id, [])
        last = max(earlier, key=lambda e: e.postback_at, default=None)
        if last is not None and base_status(last.status) == row.status:
            continue
        taken.add(row.conversion_id)
        if last is not None:
            previous: str | None = base_status(last.status)
            previous_revenue = last.revenue
            # a reply to the first notification, only in the chat it went to (the target may
            # move): a thread of lead, sale and chargeback under the lead
            told_here = [e for e in earlier if e.message_id and e.data.get("chat") == chat_id]
            first = min(told_here, key=lambda e: e.postback_at, default=None)
            reply_to = first.message_id if first is not None else None
        else:
            previous, reply_to, previous_revenue = row.previous_status or None, None, None
        repeat = sum(1 for event in earlier if base_status(event.status) == row.status)
        events.append(Event(row, previous, reply_to, previous_revenue, repeat))
    return events


def wanted(settings: dict[str, Any], event: Event) -> bool:
    """Whether the feed's settings ask for this event (its scope is in the request)."""
    row = event.row
    if not wants_status(settings, row.status):
        return False
    minimum = float(settings.get("min_revenue") or 0)
    if row.status == "rejected" or event.overwritten_sale:
        return True  # money taken back is news whatever the amount
    return row.revenue >= minimum
