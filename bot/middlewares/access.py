"""Only the users of ``ALLOWED_USERS`` (everyone when it is empty) get past this."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.config import Settings
from bot.i18n import Translator, language_for


class AccessMiddleware(BaseMiddleware):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot and self.settings.is_allowed(user.id):
            return await handler(event, data)
        if user is None or user.is_bot:
            return None
        t = Translator(language_for(user.language_code, self.settings.default_language))
        if isinstance(event, CallbackQuery):
            await event.answer(t.plain("access.denied"), show_alert=True)
        elif isinstance(event, Message) and event.chat.type == "private":
            await event.answer(t("access.denied"))
        return None
