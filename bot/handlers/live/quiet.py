"""Quiet hours: conversions are held and told as one summary when they end, in the user's
time zone. A preset, off, or typed as ``22:30-07:00`` (a dash, an en dash or a space between
the two; ``22.30`` too); "off" typed in any of the languages turns them off.
"""

from __future__ import annotations

import re
from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.handlers.live.common import Feed, changed, feed_of, store
from bot.handlers.live.questions import again, answered, ask, settled
from bot.handlers.live.screen import back_row, quiet_label, zone_of
from bot.handlers.states import LiveSettings
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.live.settings import parse_clock
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen

#: the presets' callback args (no ``:`` in callback data): from-to as HHMM-HHMM
PRESETS = ("2300-0800", "0000-0700", "2200-0900")
OFF = "off"
OFF_WORDS = frozenset({"off", "no", "none", "выкл", "нет", "вимк", "ні", "немає"})
_CLOCK = r"(\d{1,2})[:.](\d{2})"
_TYPED = re.compile(rf"^\s*{_CLOCK}\s*(?:-|–|—|\s)\s*{_CLOCK}\s*$")
_PRESET = re.compile(r"^(\d{2})(\d{2})-(\d{2})(\d{2})$")


def hours(start: str, end: str) -> dict[str, str] | None:
    """``{"from": "23:00", "to": "08:00"}``; None when a time is not one, or both are equal
    (no quiet hours at all, which "off" says better)."""
    begin, finish = parse_clock(start), parse_clock(end)
    if begin is None or finish is None or begin == finish:
        return None
    return {"from": f"{begin:%H:%M}", "to": f"{finish:%H:%M}"}


def read_quiet(text: str) -> dict[str, str] | None:
    match = _TYPED.match(text)
    if match is None:
        return None
    h1, m1, h2, m2 = match.groups()
    return hours(f"{h1}:{m1}", f"{h2}:{m2}")


def preset_hours(arg: str) -> dict[str, str] | None:
    match = _PRESET.match(arg) if arg in PRESETS else None
    if match is None:
        return None
    h1, m1, h2, m2 = match.groups()
    return hours(f"{h1}:{m1}", f"{h2}:{m2}")


def preset_label(arg: str) -> str:
    return f"{arg[:2]}:{arg[2:4]}–{arg[5:7]}:{arg[7:]}"


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
    if text.strip().casefold() in OFF_WORDS:
        await save_quiet(turn, feed, None)
        return
    quiet = read_quiet(text)
    if quiet is None:
        refusal = turn.t("live.quiet_bad", value=text.strip()[:40])
        await again(turn, refusal, quiet_screen(turn.t, feed, zone_of(turn.user)))
        return
    await save_quiet(turn, feed, quiet)
