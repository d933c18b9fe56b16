"""Quiet hours: conversions are held and told as one summary when they end, in the user's
time zone. A preset, off, or typed as ``22:30-07:00``: read by ``bot.handlers.quiet_hours``,
which the alerts' quiet hours share.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.handlers.live.common import Feed, changed, feed_of, store
from bot.handlers.live.questions import again, answered, ask, settled
from bot.handlers.live.screen import back_row, quiet_label, zone_of
from bot.handlers.quiet_hours import OFF, PRESETS, is_off, preset_hours, preset_label, read_quiet
from bot.handlers.states import LiveSettings
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen


def quiet_screen(t: Translator, feed: Feed, zone: str) -> Screen:
    tid = feed.tracker.id
    presets = [button(preset_label(arg), LiveCb(op="Q", t=tid, arg=arg).pack()) for arg in PRESETS]
    off = button(t.plain("live.quiet_off_button"), LiveCb(op="Q", t=tid, arg=OFF).pack())
    current = quiet_label(t, feed.settings["quiet"], zone)
    text = t("live.quiet_ask", tracker=feed.tracker.name, quiet=current, zone=zone)
    return Screen(text, markup(presets, [off], back_row(t, tid)))


async def on_ask(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is not None:
        screen = quiet_screen(turn.t, feed, zone_of(turn.user))
        await ask(turn, feed, LiveSettings.quiet, screen)


async def save_quiet(turn: Turn, feed: Feed, quiet: dict[str, str] | None) -> None:
    saved = await store(turn, feed, settings=changed(feed, quiet=quiet))
    if saved is not None:
        await settled(turn, saved)


async def on_preset(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    if callback_data.arg == OFF:
        await save_quiet(turn, feed, None)
        return
    quiet = preset_hours(callback_data.arg)
    if quiet is None:  # forged
        turn.toast("stale.button")
        return
    await save_quiet(turn, feed, quiet)


async def on_typed(message: Message, **data: Any) -> None:
    found = await answered(message, data)
    if found is None:
        return
    turn, feed = found
    text = message.text or ""
    if is_off(text):
        await save_quiet(turn, feed, None)
        return
    quiet = read_quiet(text)
    if quiet is None:
        refusal = turn.t("live.quiet_bad", value=text.strip()[:40])
        await again(turn, refusal, quiet_screen(turn.t, feed, zone_of(turn.user)))
        return
    await save_quiet(turn, feed, quiet)
