"""What the live settings screens share: the feed being edited (``Feed``), read for one press
after checking that its tracker is the presser's own, and saved at once after each change.

A tracker that has never had a feed gets the defaults (``bot.live.settings``), off, with this
chat as its target; its first change saves them, so the row is complete from the start.
Callback data comes from the client: ``t`` may be another user's tracker, a deleted one or a
week-old button's, so every press goes through :func:`feed_of` and is refused with a toast
and nothing changed when the tracker is not the presser's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.types import Message

from bot.handlers.chat_target import needs_check, target_problem
from bot.handlers.turn import Turn
from bot.live.settings import normalized
from storage import Tracker
from storage.live import LiveFeed

#: the FSM data key of the settings screens: ``t`` the tracker a typed answer is for,
#: ``picked`` the campaigns ticked so far in the scope picker
DATA_KEY = "live"


@dataclass(frozen=True, slots=True)
class Feed:
    """One tracker's feed as the screens show it (stored, or the defaults)."""

    tracker: Tracker
    row: LiveFeed | None
    settings: dict[str, Any]
    chat_id: int
    enabled: bool

    @property
    def blocked(self) -> bool:
        return self.row is not None and self.row.blocked

    @property
    def running(self) -> bool:
        """On and able to send (the chat has not blocked the bot)."""
        return self.enabled and not self.blocked


def feed_from(tracker: Tracker, row: LiveFeed | None, here: int) -> Feed:
    if row is None:
        return Feed(tracker, None, normalized(None), here, False)
    return Feed(tracker, row, normalized(row.settings), row.chat_id, row.enabled)


async def say(turn: Turn, key: str, **values: Any) -> None:
    """A refusal: the button's toast, or a reply to a typed message."""
    if isinstance(turn.event, Message):
        await turn.event.answer(turn.t(key, **values))
    else:
        turn.toast(key, alert=True, **values)


async def feed_of(turn: Turn, tracker_id: int) -> Feed | None:
    """The feed of the presser's tracker ``tracker_id``; None (and told) when it is not
    theirs: deleted meanwhile, or a forged button."""
    tracker = await turn.services.trackers.get(turn.user.id, tracker_id)
    if tracker is None:
        await say(turn, "live.tracker_gone")
        return None
    return feed_from(tracker, await turn.services.live.get(turn.user.id, tracker.id), turn.chat)


async def store(
    turn: Turn,
    feed: Feed,
    *,
    settings: dict[str, Any] | None = None,
    chat_id: int | None = None,
    enabled: bool | None = None,
) -> Feed | None:
    """Save one change (the rest as it is); None (and told) when the tracker is gone."""
    saved = await turn.services.live.save(
        turn.user.id,
        feed.tracker.id,
        chat_id=feed.chat_id if chat_id is None else chat_id,
        settings=normalized(feed.settings if settings is None else settings),
        enabled=feed.enabled if enabled is None else enabled,
        now=turn.services.clock(),
        resume=enabled is True,  # an explicit "on" ends a pause for a blocked chat
    )
    if saved is None:
        await say(turn, "live.tracker_gone")
        return None
    return feed_from(feed.tracker, saved, turn.chat)


def changed(feed: Feed, **values: Any) -> dict[str, Any]:
    """The feed's settings with ``values`` replaced."""
    return {**feed.settings, **values}


async def remember(turn: Turn, tracker_id: int, **values: Any) -> None:
    """What the next typed answer or picker press is about."""
    await turn.state.update_data({DATA_KEY: {"t": tracker_id, **values}})


async def remembered(turn: Turn) -> dict[str, Any]:
    return dict((await turn.state.get_data()).get(DATA_KEY) or {})


async def target_refused(turn: Turn, chat_id: int) -> str | None:
    """Why the feed may not go to ``chat_id`` (a text key), or None."""
    if not needs_check(chat_id, turn.user.id):
        return None
    return await target_problem(turn.bot, chat_id, turn.user.id, texts="live")
