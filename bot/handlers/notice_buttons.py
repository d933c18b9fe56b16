"""What the buttons under the bot's own notices share (a live conversion, an alert): the
notice stays as it is, a card comes as a new message below it, and muting changes only the
notice's mute row (Mute an hour · Mute until tomorrow ⇄ Unmute).

Used by ``bot.handlers.live_buttons`` and ``bot.handlers.alerts.buttons``; each says which of
its buttons belong to the mute row and what the new row is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.handlers.browser import show
from bot.ui.callbacks import BrowseCb
from storage import Tracker

#: the ops of the mute row, the same for every notice: an hour, until tomorrow, unmute
MUTE_HOUR, MUTE_DAY, UNMUTE = "m", "M", "u"
MUTE_OPS = frozenset({MUTE_HOUR, MUTE_DAY})


def mute_until(op: str, now: datetime, zone: str) -> datetime:
    """An hour from now (``m``), or the owner's next midnight (``M``)."""
    if op == MUTE_HOUR:
        return now + timedelta(hours=1)
    tz = ZoneInfo(zone)
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=tz)


def swap_row(
    keyboard: InlineKeyboardMarkup | None,
    in_row: Callable[[str | None], bool],
    new_row: list[InlineKeyboardButton],
) -> InlineKeyboardMarkup | None:
    """The keyboard with every row holding a button ``in_row`` says is a mute button
    replaced by ``new_row``; the other rows as they were. None when there is no keyboard."""
    if keyboard is None:
        return None
    rows = [
        new_row if any(in_row(b.callback_data) for b in row) else row
        for row in keyboard.inline_keyboard
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def refuse(data: dict[str, Any], text: str) -> None:
    """The press's answer as an alert the user must close (a button not theirs)."""
    answer = data.get("callback_answer")
    if answer is not None:
        answer.text = text
        answer.show_alert = True


async def campaign_card_below(
    message: Message, tracker: Tracker, campaign_id: int, data: dict[str, Any]
) -> None:
    """The campaign's card as a new message, on the notice's tracker (made the active one,
    so the card's own buttons act on it)."""
    services, user = data["services"], data["user"]
    if user.active_tracker_id != tracker.id:
        await services.users.set_active_tracker(user.id, tracker.id)
    client = await services.clients.client(tracker)
    card = BrowseCb(op="c", view="cm", id=campaign_id)
    await show(message, card, **{**data, "tracker": tracker, "client": client})
