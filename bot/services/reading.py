"""Telling the user what part of the tracker's answer could not be read.

A tracker of an odd version may send ids that are not numbers, numbers as ``"n/a"`` or
``"12,5"``, nulls, or a stray value among its records. The client shows what it can and
counts the rest (:class:`keitaro.Unreadable`, in a result's warnings). Screens are built by
many handlers from many calls, so the note is added at the one place every screen passes:
the Bot API session. While an update (or a digest) is handled, :func:`reading_ledger` keeps a
ledger; every client call adds to it (the client's ``observer``), and :class:`ReadingNotes`
appends one translated line to the first message sent or edited after something went
unread, so the screen says it once, in the user's language.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import (
    EditMessageCaption,
    EditMessageText,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import Response, TelegramType

from bot.i18n import Translator
from bot.ui.screens import TEXT_LIMIT
from keitaro import ApiResult
from keitaro.result import Unreadable

#: Telegram's limit for a photo's caption
CAPTION_LIMIT = 1024


@dataclass(slots=True)
class ReadingLedger:
    """What went unread during one update, and how much of it the user was told."""

    t: Translator
    unread: Unreadable = field(default_factory=Unreadable)
    told: Unreadable = field(default_factory=Unreadable)

    def untold(self) -> Unreadable:
        unread, told = self.unread, self.told
        return Unreadable(unread.entries - told.entries, unread.values - told.values)

    def note(self) -> str | None:
        """The line to add now, or None when there is nothing new to say."""
        news = self.untold()
        if not news:
            return None
        self.told = Unreadable(self.unread.entries, self.unread.values)
        details = []
        if news.entries:
            details.append(self.t("reading.entries", count=news.entries))
        if news.values:
            details.append(self.t("reading.values", count=news.values))
        return self.t("reading.partial") + " " + " ".join(details)


_ledger: ContextVar[ReadingLedger | None] = ContextVar("reading_ledger", default=None)


@contextlib.contextmanager
def reading_ledger(t: Translator) -> Iterator[ReadingLedger]:
    """Collect what goes unread until the block ends (one update, one digest)."""
    ledger = ReadingLedger(t)
    token = _ledger.set(ledger)
    try:
        yield ledger
    finally:
        _ledger.reset(token)


def observe(result: ApiResult) -> None:
    """The clients' observer: count what this answer left unread (outside a ledger: nothing)."""
    ledger = _ledger.get()
    if ledger is None:
        return
    unread = result.unreadable
    if unread:
        ledger.unread = ledger.unread + unread


class ReadingNotes(BaseRequestMiddleware):
    """Adds the ledger's news to the next text the bot sends or edits."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        ledger = _ledger.get()
        if ledger is not None:
            if isinstance(method, SendMessage | EditMessageText):
                note = ledger.note()
                if note is not None:
                    method.text = with_note(method.text, note)
            elif isinstance(method, SendPhoto | EditMessageCaption) and method.caption:
                note = ledger.note()
                if note is not None:
                    method.caption = with_note(method.caption, note, CAPTION_LIMIT)
        return await make_request(bot, method)


def tell(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` with the current ledger's news under it (a digest composed before it is sent
    says it in its own text, where its caption limit is known)."""
    ledger = _ledger.get()
    note = ledger.note() if ledger is not None else None
    return text if note is None else with_note(text, note, limit)


def with_note(text: str, note: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` and the note under it, cut at a line break when both would not fit."""
    room = limit - len(note) - 4
    if len(text) > room:
        text = text[:room].rsplit("\n", 1)[0] + "\n…"
    return f"{text}\n\n{note}"


def attach(bot: Bot) -> None:
    """Let ``bot`` carry the notes (once per session)."""
    if not any(isinstance(middleware, ReadingNotes) for middleware in bot.session.middleware):
        bot.session.middleware(ReadingNotes())
