"""The burst threshold: more new conversions than this within a minute come as one summary
instead of one message each (a tracker catching up, a big push)."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.handlers.live.common import Feed, changed, feed_of, store
from bot.handlers.live.questions import again, answered, ask, settled
from bot.handlers.live.screen import back_row
from bot.handlers.states import LiveSettings
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen

PRESETS = (3, 5, 10, 20, 50)
SMALLEST, LARGEST = 2, 100


def burst_screen(t: Translator, feed: Feed) -> Screen:
    tid, current = feed.tracker.id, int(feed.settings["burst"])
    presets = [
        button(("• " if n == current else "") + str(n), LiveCb(op="B", t=tid, id=n).pack())
        for n in PRESETS
    ]
    text = t("live.burst_ask", tracker=feed.tracker.name, count=current)
    return Screen(text, markup(presets, back_row(t, tid)))


def read_burst(text: str) -> int | None:
    try:
        count = int(text.strip())
    except ValueError:
        return None
    return count if SMALLEST <= count <= LARGEST else None


async def on_ask(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is not None:
        await ask(turn, feed, LiveSettings.burst, burst_screen(turn.t, feed))


async def save_burst(turn: Turn, feed: Feed, count: int) -> None:
    saved = await store(turn, feed, settings=changed(feed, burst=count))
    if saved is not None:
        await settled(turn, saved)


async def on_preset(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    if not SMALLEST <= callback_data.id <= LARGEST:  # forged
        turn.toast("stale.button")
        return
    await save_burst(turn, feed, callback_data.id)


async def on_typed(message: Message, **data: Any) -> None:
    found = await answered(message, data)
    if found is None:
        return
    turn, feed = found
    count = read_burst(message.text or "")
    if count is None:
        refusal = turn.t("live.burst_bad", value=(message.text or "").strip()[:40])
        await again(turn, refusal, burst_screen(turn.t, feed))
        return
    await save_burst(turn, feed, count)
