"""Where the feed goes: this chat, or a group chat typed by its id. Any chat but the user's
private one is checked with the shared check (``bot.handlers.chat_target``): the user must
administer it and the bot be a member. Opened inside a group, "this chat" is that group.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.handlers.chat_target import read_target
from bot.handlers.live.common import Feed, feed_of, store, target_refused
from bot.handlers.live.questions import again, answered, ask, settled
from bot.handlers.live.screen import back_row, target_words
from bot.handlers.states import LiveSettings
from bot.handlers.turn import Turn
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen


def target_screen(turn: Turn, feed: Feed) -> Screen:
    t, tid = turn.t, feed.tracker.id
    here = button(t.plain("live.target_this"), LiveCb(op="h", t=tid).pack())
    current = target_words(t, feed.chat_id, turn.chat, turn.user.id)
    text = t("live.target_ask", tracker=feed.tracker.name, target=current)
    return Screen(text, markup([here], back_row(t, tid)))


async def on_ask(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is not None:
        await ask(turn, feed, LiveSettings.target, target_screen(turn, feed))


async def on_here(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """This chat: the user's private chat, or a group they administer."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    problem = await target_refused(turn, turn.chat)
    if problem is not None:
        turn.toast(problem, alert=True, chat=turn.chat)
        return
    saved = await store(turn, feed, chat_id=turn.chat)
    if saved is not None:
        await settled(turn, saved)


async def on_typed(message: Message, **data: Any) -> None:
    found = await answered(message, data)
    if found is None:
        return
    turn, feed = found
    typed = await read_target(turn.t, turn.bot, message.text or "", turn.user.id, texts="live")
    if typed.refusal:
        await again(turn, typed.refusal, target_screen(turn, feed))
        return
    saved = await store(turn, feed, chat_id=typed.chat_id)
    if saved is not None:
        await settled(turn, saved)
