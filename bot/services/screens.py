"""Recording who each bot message in a group answered (see :mod:`storage.screens`).

The owner is the user whose update is being handled: :data:`current_owner` is set for the
length of every update (by :class:`bot.middlewares.groups.GroupChatMiddleware`) and read by
:class:`ScreenRecorder`, a Bot API session middleware that sees every message the bot sends.
So no handler has to remember to record anything, and the scheduler (which runs outside any
update) sends unowned messages.
"""

from __future__ import annotations

from collections import OrderedDict
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Message

from storage.screens import ScreenRepository

if TYPE_CHECKING:
    from aiogram import Bot

#: the Telegram user whose update is being handled (None outside updates)
current_owner: ContextVar[int | None] = ContextVar("screen_owner", default=None)
#: owners remembered in memory, newest last (a press looks up a recent screen nearly always)
CACHED = 4096


class ScreenOwners:
    def __init__(self, repository: ScreenRepository) -> None:
        self.repository = repository
        self._known: OrderedDict[tuple[int, int], int] = OrderedDict()
        self._attached: set[int] = set()

    async def record(self, chat_id: int, message_id: int, owner_id: int) -> None:
        self._remember((chat_id, message_id), owner_id)
        await self.repository.record(chat_id, message_id, owner_id, datetime.now(UTC))

    async def owner(self, chat_id: int, message_id: int) -> int | None:
        key = (chat_id, message_id)
        if key in self._known:
            self._known.move_to_end(key)
            return self._known[key]
        found = await self.repository.owner(chat_id, message_id)
        if found is not None:
            self._remember(key, found)
        return found

    def attach(self, bot: Bot) -> None:
        """Record the screens this bot sends from now on (once per bot object)."""
        if id(bot) in self._attached:
            return
        self._attached.add(id(bot))
        bot.session.middleware(ScreenRecorder(self))

    def _remember(self, key: tuple[int, int], owner_id: int) -> None:
        self._known[key] = owner_id
        self._known.move_to_end(key)
        while len(self._known) > CACHED:
            self._known.popitem(last=False)


class ScreenRecorder(BaseRequestMiddleware):
    """After a message is sent into a group during someone's update, records them as owner."""

    def __init__(self, owners: ScreenOwners) -> None:
        self.owners = owners

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        response = await make_request(bot, method)
        owner = current_owner.get()
        if owner is not None:
            # the chain hands back the method's result (older aiogram: a Response around it)
            result = getattr(response, "result", response)
            for message in _sent_messages(result):
                if message.chat.type != "private":
                    await self.owners.record(message.chat.id, message.message_id, owner)
        return response


def _sent_messages(result: Any) -> list[Message]:
    if isinstance(result, Message):
        return [result]
    if isinstance(result, list):
        return [item for item in result if isinstance(item, Message)]
    return []
