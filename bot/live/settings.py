"""What a live feed watches, as stored in ``live_feeds.settings`` (JSON), and its defaults.

- ``statuses``: the statuses told (None: every status, the tracker's custom ones included);
- ``scope``: as the shared picker makes it (``{"kind": "all"}``, a group, chosen campaigns;
  see ``bot.handlers.scope_picker``);
- ``min_revenue``: events with less revenue are not told (0: all; a rejection is told
  whatever its amount, it is money taken back);
- ``quiet``: local hours during which events are held and told as one summary when they end
  (``{"from": "23:00", "to": "08:00"}``, or None);
- ``burst``: more new events than this for one chat within a minute become one message.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

#: the statuses every tracker has, in the order the settings screen lists them
STANDARD_STATUSES: tuple[str, ...] = ("lead", "sale", "rejected")
DEFAULT_BURST = 10


def default_settings() -> dict[str, Any]:
    """``/live on``: every status, the whole tracker, no minimum, no quiet hours."""
    return {
        "statuses": None,
        "scope": {"kind": "all"},
        "min_revenue": 0.0,
        "quiet": None,
        "burst": DEFAULT_BURST,
    }


def normalized(settings: dict[str, Any] | None) -> dict[str, Any]:
    """Stored settings with every key present (older rows, hand-edited JSON)."""
    merged = default_settings()
    merged.update({k: v for k, v in (settings or {}).items() if k in merged})
    return merged


def wants_status(settings: dict[str, Any], status: str) -> bool:
    chosen = settings.get("statuses")
    return chosen is None or status in chosen


def available_statuses(seen: list[str]) -> list[str]:
    """The standard statuses, then the tracker's others as its log has shown them."""
    extra = sorted({s for s in seen if s and s not in STANDARD_STATUSES})
    return [*STANDARD_STATUSES, *extra]


def parse_clock(text: str) -> time | None:
    """``"23:00"`` → 23:00; None when it is not a time of day."""
    try:
        hours, minutes = str(text).strip().split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        return None


def in_quiet_hours(settings: dict[str, Any], timezone: str, now: datetime) -> bool:
    """Whether ``now`` falls in the feed's quiet hours, in the owner's time zone. The hours
    may wrap midnight (23:00–08:00); equal ends mean no quiet hours."""
    quiet = settings.get("quiet") or None
    if not quiet:
        return False
    start, end = parse_clock(quiet.get("from", "")), parse_clock(quiet.get("to", ""))
    if start is None or end is None or start == end:
        return False
    local = now.astimezone(ZoneInfo(timezone)).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end
