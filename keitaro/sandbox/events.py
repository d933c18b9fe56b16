"""``POST /_sandbox/conversions``: exact conversions and status changes over HTTP.

The body is ``{"events": [...]}``; an event with ``conversion_id`` changes that conversion's
status, any other makes a new conversion (see :func:`keitaro.sandbox.live.inject_conversion`).
Times are relative to the sandbox clock: ``seconds_ago`` puts the postback in the past and
``visible_in`` records it that many seconds from now. Every event is checked before any is
made, so a bad body changes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from keitaro.sandbox.store import Conversion, Store

NEW_FIELDS = frozenset(
    {"campaign_id", "sub_id", "status", "revenue", "currency", "tid", "seconds_ago", "visible_in"}
)
CHANGE_FIELDS = frozenset({"conversion_id", "status", "revenue", "seconds_ago", "visible_in"})
MAX_EVENTS = 10_000


@dataclass(frozen=True)
class Event:
    """One checked event of the body."""

    status: str
    conversion_id: int | None = None
    campaign_id: int | None = None
    sub_id: str | None = None
    revenue: float | None = None
    currency: str = "USD"
    tid: str | None = None
    seconds_ago: float = 0.0
    visible_in: float | None = None


def parse_events(store: Store, body: Any) -> list[Event]:
    """The body's events; ``ValueError`` with a message a person can act on when any is bad
    (an unknown campaign, click or conversion too)."""
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        raise ValueError('Send a JSON object {"events": [...]} with a list of conversion events')
    unknown = sorted(set(body) - {"events"})
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(unknown)}")
    if len(body["events"]) > MAX_EVENTS:
        raise ValueError(f"At most {MAX_EVENTS} events at once")
    return [_event(store, index, item) for index, item in enumerate(body["events"])]


def _event(store: Store, index: int, item: Any) -> Event:
    where = f"Event {index}"
    if not isinstance(item, dict):
        raise ValueError(f"{where}: must be an object")
    allowed = CHANGE_FIELDS if "conversion_id" in item else NEW_FIELDS
    unknown = sorted(set(item) - allowed)
    if unknown:
        kind = "a status change (conversion_id)" if "conversion_id" in item else "a new conversion"
        raise ValueError(
            f"{where}: unknown fields for {kind}: {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )
    status = item.get("status")
    if not isinstance(status, str) or not status.strip():
        raise ValueError(f'{where}: "status" must be a non-empty string, e.g. "sale"')
    event = Event(
        status=status.strip(),
        conversion_id=_integer(item, "conversion_id", where),
        campaign_id=_integer(item, "campaign_id", where),
        sub_id=_text(item, "sub_id", where),
        revenue=_number(item, "revenue", where),
        currency=(_text(item, "currency", where) or "USD").upper(),
        tid=_text(item, "tid", where),
        seconds_ago=_number(item, "seconds_ago", where) or 0.0,
        visible_in=_number(item, "visible_in", where),
    )
    if (
        event.conversion_id is None
        and event.campaign_id is None
        and event.sub_id is None
        and not any(c.get("state") == "active" for c in store.campaigns.items.values())
    ):
        raise ValueError(f'{where}: no active campaign; give "campaign_id" or "sub_id"')
    if event.conversion_id is not None and store.conversion(event.conversion_id) is None:
        raise ValueError(f"{where}: no conversion {event.conversion_id}")
    if event.campaign_id is not None and store.campaigns.get(event.campaign_id) is None:
        raise ValueError(f"{where}: no campaign {event.campaign_id}")
    if event.sub_id is not None:
        click = store.click(event.sub_id)
        if click is None:
            raise ValueError(f"{where}: no click with sub_id {event.sub_id!r}")
        if event.campaign_id is not None and click.campaign_id != event.campaign_id:
            raise ValueError(
                f"{where}: click {event.sub_id!r} is in campaign {click.campaign_id}, "
                f"not {event.campaign_id}"
            )
    return event


def _integer(item: dict[str, Any], name: str, where: str) -> int | None:
    value = item.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f'{where}: "{name}" must be a positive integer')
    return value


def _number(item: dict[str, Any], name: str, where: str) -> float | None:
    value = item.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f'{where}: "{name}" must be a number')
    if value < 0:
        raise ValueError(f'{where}: "{name}" must not be negative')
    return float(value)


def _text(item: dict[str, Any], name: str, where: str) -> str | None:
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'{where}: "{name}" must be a non-empty string')
    return value.strip()


def apply_events(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """Make the checked events, in order; what each made, as the answer lists it."""
    now = store.now()
    made: list[Conversion] = []
    for event in events:
        at = now - timedelta(seconds=event.seconds_ago)
        visible_at = None if event.visible_in is None else now + timedelta(seconds=event.visible_in)
        if event.conversion_id is not None:
            made.append(
                store.change_status(
                    event.conversion_id,
                    event.status,
                    revenue=event.revenue,
                    at=at,
                    visible_at=visible_at,
                )
            )
        else:
            made.append(
                store.inject_conversion(
                    campaign_id=event.campaign_id,
                    sub_id=event.sub_id,
                    status=event.status,
                    revenue=event.revenue,
                    currency=event.currency,
                    at=at,
                    visible_at=visible_at,
                    tid=event.tid,
                )
            )
    return [describe(store, conversion) for conversion in made]


def describe(store: Store, conversion: Conversion) -> dict[str, Any]:
    """One conversion of the answer (as it is, recorded yet or not)."""
    return {
        "conversion_id": conversion.id,
        "sub_id": conversion.click.sub_id,
        "status": conversion.status,
        "campaign_id": conversion.click.campaign_id,
        "revenue": round(conversion.revenue, 4),
        "postback_datetime": store.stamp(conversion.postback_ts),
        "visible_datetime": store.stamp(conversion.visible_ts),
    }
