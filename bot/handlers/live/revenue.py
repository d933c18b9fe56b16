"""The minimum revenue: conversions with less are not told (0: every one; a rejection is told
whatever its amount). Typed the way buyers type money: ``5``, ``12,5``, ``$12.50``.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.costs.values import parse_money
from bot.handlers.live.common import Feed, changed, feed_of, store
from bot.handlers.live.questions import again, answered, ask, settled
from bot.handlers.live.screen import back_row, revenue_label
from bot.handlers.states import LiveSettings
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen

#: more than any conversion pays: a typo, not a minimum
LARGEST = 1_000_000_000


def revenue_screen(t: Translator, feed: Feed) -> Screen:
    tid = feed.tracker.id
    none = button(t.plain("live.revenue_zero"), LiveCb(op="R", t=tid).pack())
    current = revenue_label(t, float(feed.settings["min_revenue"] or 0))
    text = t("live.revenue_ask", tracker=feed.tracker.name, revenue=current)
    return Screen(text, markup([none], back_row(t, tid)))


def read_minimum(text: str) -> float | str:
    """The amount typed, or the key of why it is not one."""
    value = text.strip()
    if value.startswith(("-", "−")):
        return "live.revenue_negative"
    amount = parse_money(value)
    if amount is None or amount > LARGEST:
        return "live.revenue_bad"
    return float(amount)


async def on_ask(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is not None:
        await ask(turn, feed, LiveSettings.revenue, revenue_screen(turn.t, feed))


async def on_none(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """No minimum: every conversion is told."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    saved = await store(turn, feed, settings=changed(feed, min_revenue=0.0))
    if saved is not None:
        await settled(turn, saved)


async def on_typed(message: Message, **data: Any) -> None:
    found = await answered(message, data)
    if found is None:
        return
    turn, feed = found
    text = message.text or ""
    amount = read_minimum(text)
    if isinstance(amount, str):
        refusal = turn.t(amount, value=text.strip()[:40])
        await again(turn, refusal, revenue_screen(turn.t, feed))
        return
    saved = await store(turn, feed, settings=changed(feed, min_revenue=amount))
    if saved is not None:
        await settled(turn, saved)
