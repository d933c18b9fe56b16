"""Confirmations that expire and belong to their screen.

A destructive question ("Archive #12? Yes") is answered by a button that stays in the chat.
Pressed after the user moved on (a command, another screen) or minutes later, it must not act
on what the user saw back then: the campaigns listed as losing yesterday may earn today. So
showing such a question *issues* a ticket for that message, and the "Yes" handler *redeems*
it: the press counts only from the same message, within ``CONFIRM_TTL``, once. Anything else
the user does in that chat voids the ticket (``moved_on``); a press without a valid ticket
asks again, with the question as it is now.

Tickets live in a :mod:`scratch <bot.services.scratch>`: this process's memory (after a
restart every old "Yes" asks again, which is the safe side), or Redis with several
processes, so a "Yes" that reaches another process than its question still counts. Their
times are wall-clock seconds, which every process reads alike.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from aiogram.types import Message

from bot.services.scratch import LocalScratch, Scratch

#: seconds a confirmation stays good for
CONFIRM_TTL = 120.0
#: tickets kept at most in memory (the oldest go first)
CAPACITY = 20_000


class Confirmations:
    def __init__(
        self,
        ttl: float = CONFIRM_TTL,
        clock: Callable[[], float] = time.time,
        scratch: Scratch | None = None,
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self.scratch = scratch or LocalScratch(CAPACITY)

    @staticmethod
    def _key(chat_id: int, user_id: int) -> str:
        return f"confirm:{chat_id}:{user_id}"

    async def issue(
        self, chat_id: int, user_id: int, message: Message | None, purpose: str
    ) -> None:
        """The question ``purpose`` is on ``message`` now (replacing any older question)."""
        if message is None:
            return
        ticket = {"purpose": purpose, "message_id": message.message_id, "issued": self.clock()}
        # kept past its TTL a little: a late press must still find it to be told "again"
        await self.scratch.put(self._key(chat_id, user_id), json.dumps(ticket), self.ttl + 60)

    async def redeem(
        self, chat_id: int, user_id: int, message_id: int | None, purpose: str
    ) -> bool:
        """True (once) when ``purpose`` was asked on ``message_id`` less than the TTL ago."""
        ticket = _ticket(await self.scratch.pop(self._key(chat_id, user_id)))
        return (
            ticket is not None
            and ticket.get("purpose") == purpose
            and ticket.get("message_id") == message_id
            and self.clock() - float(ticket.get("issued") or 0) <= self.ttl
        )

    async def moved_on(self, chat_id: int, user_id: int, message_id: int | None) -> None:
        """The user did something: a press on the question's own message keeps its ticket
        (Yes, Back, Edit, Details), anything else (a message, another screen) voids it."""
        key = self._key(chat_id, user_id)
        ticket = _ticket(await self.scratch.get(key))
        if ticket is not None and ticket.get("message_id") != message_id:
            await self.scratch.delete(key)


def _ticket(text: str | None) -> dict[str, object] | None:
    if text is None:
        return None
    try:
        ticket = json.loads(text)
    except ValueError:
        return None
    return ticket if isinstance(ticket, dict) else None
