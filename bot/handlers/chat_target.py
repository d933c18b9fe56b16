"""Where the bot sends something on its own (a digest, the live feed): this chat, or a group
chat the user administers and the bot is a member of.

Telegram is asked each time (``getChatMember``): a user who was an administrator last week
may not be one now, and a chat id typed by hand may be anyone's. Each caller words the
refusal itself (``texts``: its key prefix, with ``target_not_admin``, ``target_no_bot`` and
``bad_target``), because "send the digest here" and "send the feed here" are different advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from bot.i18n import Translator

ADMIN_STATUSES = frozenset({"creator", "administrator"})
MEMBER_STATUSES = frozenset({"creator", "administrator", "member"})


def target_label(t: Translator, chat_id: int, here: int | None) -> str:
    if chat_id == here:
        return t.plain("digest.target_here")
    return t.plain("digest.target_chat", chat=chat_id)


async def target_problem(
    bot: Bot, chat_id: int, user_id: int, *, texts: str = "digest"
) -> str | None:
    """None when the user administers ``chat_id`` and the bot is in it; else the text key
    (``<texts>.target_not_admin`` or ``<texts>.target_no_bot``, which take ``chat``)."""
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError:
        return f"{texts}.target_not_admin"
    if member.status not in ADMIN_STATUSES:
        return f"{texts}.target_not_admin"
    try:
        me = await bot.get_chat_member(chat_id, bot.id)
    except TelegramAPIError:
        return f"{texts}.target_no_bot"
    return None if me.status in MEMBER_STATUSES else f"{texts}.target_no_bot"


def needs_check(chat_id: int, user_id: int) -> bool:
    """The user's private chat with the bot is always theirs; any other chat is checked."""
    return chat_id != user_id


@dataclass(frozen=True, slots=True)
class TypedTarget:
    """A chat id the user typed: ``chat_id`` when accepted, else ``refusal`` (HTML, why)."""

    chat_id: int = 0
    refusal: str = ""


async def read_target(
    t: Translator, bot: Bot, text: str, user_id: int, *, texts: str = "digest"
) -> TypedTarget:
    """A typed group chat id, checked with Telegram; the refusal says what to do."""
    value = text.strip()
    try:
        chat_id = int(value)
    except ValueError:
        return TypedTarget(refusal=t(f"{texts}.bad_target", value=value[:40]))
    problem = await target_problem(bot, chat_id, user_id, texts=texts)
    if problem is not None:
        return TypedTarget(refusal=t(problem, chat=chat_id))
    return TypedTarget(chat_id=chat_id)
