"""Confirmations that expire and belong to their screen.

A destructive question ("Archive #12? Yes") is answered by a button that stays in the chat.
Pressed after the user moved on (a command, another screen) or minutes later, it must not act
on what the user saw back then: the campaigns listed as losing yesterday may earn today. So
showing such a question *issues* a ticket for that message, and the "Yes" handler *redeems*
it: the press counts only from the same message, within ``CONFIRM_TTL``, once. Anything else
the user does in that chat voids the ticket (``moved_on``); a press without a valid ticket
asks again, with the question as it is now.

Tickets live in memory: after a restart every old "Yes" asks again, which is the safe side.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from aiogram.types import Message

#: seconds a confirmation stays good for
CONFIRM_TTL = 120.0
#: tickets kept at most (expired ones are dropped first)
CAPACITY = 20_000

Key = tuple[int, int]  # (chat id, user id)


@dataclass(frozen=True, slots=True)
class Ticket:
    purpose: str
    message_id: int
    issued: float


class Confirmations:
    def __init__(
        self, ttl: float = CONFIRM_TTL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self._tickets: dict[Key, Ticket] = {}

    def issue(self, chat_id: int, user_id: int, message: Message | None, purpose: str) -> None:
        """The question ``purpose`` is on ``message`` now (replacing any older question)."""
        if message is None:
            return
        if len(self._tickets) >= CAPACITY:
            self._drop_expired()
        self._tickets[(chat_id, user_id)] = Ticket(purpose, message.message_id, self.clock())

    def redeem(self, chat_id: int, user_id: int, message_id: int | None, purpose: str) -> bool:
        """True (once) when ``purpose`` was asked on ``message_id`` less than the TTL ago."""
        ticket = self._tickets.pop((chat_id, user_id), None)
        return (
            ticket is not None
            and ticket.purpose == purpose
            and ticket.message_id == message_id
            and self.clock() - ticket.issued <= self.ttl
        )

    def moved_on(self, chat_id: int, user_id: int, message_id: int | None) -> None:
        """The user did something: a press on the question's own message keeps its ticket
        (Yes, Back, Edit, Details), anything else (a message, another screen) voids it."""
        ticket = self._tickets.get((chat_id, user_id))
        if ticket is not None and ticket.message_id != message_id:
            del self._tickets[(chat_id, user_id)]

    def holds(self, chat_id: int, user_id: int) -> bool:
        return (chat_id, user_id) in self._tickets

    def _drop_expired(self) -> None:
        now = self.clock()
        for key in [k for k, v in self._tickets.items() if now - v.issued > self.ttl]:
            del self._tickets[key]
        while len(self._tickets) >= CAPACITY:  # all fresh: forget the oldest
            del self._tickets[next(iter(self._tickets))]
