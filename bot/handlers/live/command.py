"""``/live`` (the active tracker's settings screen), ``/live on`` and ``/live off``; the
screen's own On/Off button and the way back to it (also the tracker switch).

Turning the feed on, from anywhere, checks its target again when it is not the user's
private chat: the user must administer that chat and the bot be in it (they may have left).
"""

from __future__ import annotations

from typing import Any

from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message

from bot.handlers.live.common import Feed, feed_of, store, target_refused
from bot.handlers.live.screen import settings_button, show_settings, summary
from bot.handlers.turn import Turn
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import markup
from bot.ui.screens import Screen
from storage import Tracker

ON_WORDS = frozenset({"on", "вкл", "включить", "увімк", "увімкнути"})
OFF_WORDS = frozenset({"off", "выкл", "выключить", "вимк", "вимкнути"})


async def on_command(message: Message, command: CommandObject, **data: Any) -> None:
    turn = Turn.of(message, data)
    tracker: Tracker | None = data.get("tracker")
    if tracker is None:
        await message.answer(turn.t("live.no_tracker"))
        return
    feed = await feed_of(turn, tracker.id)
    if feed is None:
        return
    word = (command.args or "").strip().lower()
    if word in ON_WORDS:
        await switch_on(turn, feed)
    elif word in OFF_WORDS:
        await switch_off(turn, feed)
    else:
        note = turn.t("live.usage", value=word[:40]) if word else ""
        await show_settings(turn, feed, note=note)


async def switch_on(turn: Turn, feed: Feed) -> None:
    """``/live on``: on, to this chat, with the settings it has (the defaults at first)."""
    t = turn.t
    problem = await target_refused(turn, turn.chat)
    if problem is not None:
        await turn.show(Screen(t(problem, chat=turn.chat)))
        return
    saved = await store(turn, feed, chat_id=turn.chat, enabled=True)
    if saved is None:
        return
    text = t("live.on_done", tracker=saved.tracker.name) + "\n\n"
    text += summary(t, saved, turn.chat, turn.user)
    await turn.show(Screen(text, markup([settings_button(t, saved.tracker.id)])))


async def switch_off(turn: Turn, feed: Feed) -> None:
    t = turn.t
    keyboard = markup([settings_button(t, feed.tracker.id)])
    if not feed.enabled:
        await turn.show(Screen(t("live.off_already", tracker=feed.tracker.name), keyboard))
        return
    if await store(turn, feed, enabled=False) is not None:
        await turn.show(Screen(t("live.off_done", tracker=feed.tracker.name), keyboard))


async def on_toggle(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """The screen's On/Off: ``arg`` is the state wanted, so a second tap of an old screen
    does not undo the first."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    wanted = callback_data.arg == "1"
    if wanted == feed.running:
        await show_settings(turn, feed)
        return
    if wanted:
        problem = await target_refused(turn, feed.chat_id)
        if problem is not None:
            turn.toast(problem, alert=True, chat=feed.chat_id)
            await show_settings(turn, feed)
            return
    saved = await store(turn, feed, enabled=wanted)
    if saved is not None:
        turn.toast("live.turned_on" if wanted else "live.turned_off")
        await show_settings(turn, saved)


async def on_show(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """The settings screen of tracker ``t`` (Back from a question, the tracker switch, the
    button under ``/live on``): a question still waiting for a typed answer ends here."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    await turn.state.set_state(None)
    await show_settings(turn, feed)
