"""Whatever the user does next voids a confirmation shown on another message.

See ``bot.services.confirm``: a destructive "Yes" counts only from the screen that asked it,
so a command, a typed answer or a press on another message moves the user on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.services.confirm import Confirmations


class ConfirmationsMiddleware(BaseMiddleware):
    def __init__(self, confirmations: Confirmations) -> None:
        self.confirmations = confirmations

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None:
            if isinstance(event, CallbackQuery) and event.message is not None:
                message = event.message
                await self.confirmations.moved_on(message.chat.id, user.id, message.message_id)
            elif isinstance(event, Message):
                await self.confirmations.moved_on(event.chat.id, user.id, None)
        return await handler(event, data)
