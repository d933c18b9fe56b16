"""The instant path: the S2S postback address to paste into Keitaro, and a new one.

The address is the tracker's own (``/s2s/<token>``, the token derived from the master key and
a generation): a new address makes the old one answer 404 at once, for a buyer who pasted it
somewhere it should not be.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery

from bot.handlers.live.common import Feed, feed_of
from bot.handlers.live.screen import back_row
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from keitaro.guesses import S2S_MACROS


def postback_url(base: str, token: str) -> str:
    """The address with the macros Keitaro fills in (left unescaped: Keitaro replaces them)."""
    query = "&".join(f"{name}={macro}" for name, macro in S2S_MACROS)
    return f"{base}/s2s/{token}?{query}"


def postback_screen(t: Translator, feed: Feed, base: str | None, token: str | None) -> Screen:
    tid = feed.tracker.id
    if base is None or token is None:
        return Screen(t("live.s2s_off", tracker=feed.tracker.name), markup(back_row(t, tid)))
    text = t("live.s2s", tracker=feed.tracker.name, url=postback_url(base, token))
    renew = button(t.plain("live.b_s2s_new"), LiveCb(op="I", t=tid).pack())
    return Screen(text, markup([renew], back_row(t, tid)))


async def on_show(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    base = turn.services.settings.public_address
    token = await turn.services.trackers.s2s_token(turn.user.id, feed.tracker.id)
    await turn.show(postback_screen(turn.t, feed, base, token))


async def on_renew_ask(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    tid = feed.tracker.id
    keyboard = markup(
        [button(turn.t.plain("live.b_s2s_new_yes"), LiveCb(op="J", t=tid).pack())],
        [button(turn.t.plain("live.back"), LiveCb(op="i", t=tid).pack())],
    )
    await turn.show(Screen(turn.t("live.s2s_new_ask", tracker=feed.tracker.name), keyboard))


async def on_renew(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    token = await turn.services.trackers.new_s2s_token(turn.user.id, feed.tracker.id)
    screen = postback_screen(turn.t, feed, turn.services.settings.public_address, token)
    await turn.show(Screen(turn.t("live.s2s_renewed") + "\n\n" + screen.text, screen.keyboard))
