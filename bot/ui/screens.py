"""A screen is a text and its buttons; presenting it edits in place or sends, never floods."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

log = logging.getLogger(__name__)
TEXT_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class Screen:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


async def present(event: Message | CallbackQuery, screen: Screen) -> Message | None:
    """Show ``screen``: a button press edits its own message; a command sends a new one.

    An edit that changes nothing is fine; a message that can no longer be edited (too old,
    deleted) gets a fresh message instead, so a stale button still answers.
    """
    screen = fit(screen)
    if isinstance(event, CallbackQuery) and isinstance(event.message, Message):
        try:
            edited = await event.message.edit_text(screen.text, reply_markup=screen.keyboard)
            return edited if isinstance(edited, Message) else event.message
        except TelegramBadRequest as exc:
            if "message is not modified" in exc.message:
                return event.message
            log.info("could not edit message %s: %s", event.message.message_id, exc.message)
        return await event.message.answer(screen.text, reply_markup=screen.keyboard)
    if isinstance(event, Message):
        return await event.answer(screen.text, reply_markup=screen.keyboard)
    # a button under a message Telegram no longer lets us touch: answer in the same chat
    if event.message is not None and event.bot is not None:
        return await event.bot.send_message(
            event.message.chat.id, screen.text, reply_markup=screen.keyboard
        )
    return None


def fit(screen: Screen) -> Screen:
    """A screen whose text Telegram accepts: cut at a line break when it is too long.

    Renderers keep tags within a line, so cutting between lines keeps the HTML valid. Long
    user input (a 4,000-character click id) or a very long list cannot make a reply fail.
    """
    if len(screen.text) <= TEXT_LIMIT:
        return screen
    kept: list[str] = []
    size = 0
    for line in screen.text.split("\n"):
        if size + len(line) + 1 > TEXT_LIMIT - 2 or len(line) > TEXT_LIMIT - 2:
            break
        kept.append(line)
        size += len(line) + 1
    return Screen("\n".join(kept) + "\n…", screen.keyboard)


async def delete_quietly(message: Message) -> bool:
    """Delete a message (a pasted key) and say whether it worked; never raise."""
    with contextlib.suppress(TelegramBadRequest, Exception):
        await message.delete()
        return True
    return False


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split on line breaks into parts Telegram accepts; tags never span lines here."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return parts
