"""The buttons under a live notification: the campaign's card, the click trail, mute the
campaign for an hour or until tomorrow, unmute.

The notification stays as it is (a card or a trail comes as a new message below it); only
its mute row changes, so the chat keeps the record of what happened. Each press is checked
against the presser's own trackers: a forged tracker id, or a tracker deleted since, gets a
toast and nothing else.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.handlers.clicks import trail_screen
from bot.handlers.notice_buttons import (
    MUTE_OPS,
    UNMUTE,
    campaign_card_below,
    mute_until,
    refuse,
    swap_row,
)
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button
from bot.ui.screens import fit
from storage import Tracker, User


def create_router() -> Router:
    router = Router(name="live_buttons")
    router.callback_query.register(on_campaign, LiveCb.filter(F.op == "c"))
    router.callback_query.register(on_click, LiveCb.filter(F.op == "k"))
    router.callback_query.register(on_mute, LiveCb.filter(F.op.in_(MUTE_OPS | {UNMUTE})))
    return router


async def own_tracker(
    query: CallbackQuery, callback_data: LiveCb, data: dict[str, Any]
) -> Tracker | None:
    user: User = data["user"]
    tracker = await data["services"].trackers.get(user.id, callback_data.t)
    if tracker is None:
        refuse(data, data["t"].plain("lvm.not_yours"))
    return tracker


async def on_campaign(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """The campaign's card, on the notification's tracker (made the active one)."""
    tracker = await own_tracker(query, callback_data, data)
    if tracker is None or not isinstance(query.message, Message):
        return
    await campaign_card_below(query.message, tracker, callback_data.id, data)


async def on_click(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    tracker = await own_tracker(query, callback_data, data)
    if tracker is None or not isinstance(query.message, Message):
        return
    client = await data["services"].clients.client(tracker)
    if client is None:
        return
    screen = fit(await trail_screen(data["t"], data["user"], client, callback_data.arg))
    await query.message.answer(screen.text, reply_markup=screen.keyboard)


def campaign_name(message: Message, campaign_id: int) -> str:
    """The campaign as the notification names it (its "📂" line), else its id."""
    for line in (message.text or "").splitlines():
        if line.startswith("📂 "):
            return line.removeprefix("📂 ").strip()
    return f"#{campaign_id}"


def swapped(
    t: Translator, keyboard: InlineKeyboardMarkup | None, cb: LiveCb, muted: bool
) -> InlineKeyboardMarkup | None:
    """The notification's keyboard with its mute row turned into Unmute, or back."""

    def press(key: str, op: str) -> InlineKeyboardButton:
        return button(t.plain(key), LiveCb(op=op, t=cb.t, id=cb.id).pack())

    new_row = (
        [press("lvm.b_unmute", UNMUTE)]
        if muted
        else [press("lvm.b_mute_hour", "m"), press("lvm.b_mute_day", "M")]
    )
    return swap_row(keyboard, is_mute_button, new_row)


def is_live(data: str | None) -> bool:
    return bool(data) and str(data).startswith(f"{LiveCb.__prefix__}:")


def is_mute_button(data: str | None) -> bool:
    return is_live(data) and LiveCb.unpack(str(data)).op in MUTE_OPS | {UNMUTE}


async def on_mute(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    tracker = await own_tracker(query, callback_data, data)
    if tracker is None or not isinstance(query.message, Message):
        return
    services, user, t = data["services"], data["user"], data["t"]
    name = campaign_name(query.message, callback_data.id)
    answer = data.get("callback_answer")
    if callback_data.op == UNMUTE:
        await services.live.unmute(user.id, tracker.id, callback_data.id)
        text = t.plain("lvm.unmuted", campaign=name)
    else:
        now = services.clock()
        zone = user.timezone or "UTC"
        until = mute_until(callback_data.op, now, zone)
        await services.live.mute(user.id, tracker.id, callback_data.id, until)
        text = t.plain("lvm.muted", campaign=name, until=fmt.local_time(until, zone))
    if answer is not None:
        answer.text = text
    keyboard = swapped(t, query.message.reply_markup, callback_data, callback_data.op != UNMUTE)
    if keyboard is not None:
        await query.message.edit_reply_markup(reply_markup=keyboard)
