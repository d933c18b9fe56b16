"""Who is asking, in which language, and with which tracker: added to every update's data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, User

from bot.i18n import Translator, language_for
from bot.services import reading
from bot.services.reading import reading_ledger

if TYPE_CHECKING:
    from bot.app import Services


class ContextMiddleware(BaseMiddleware):
    """Adds ``user`` (the stored user), ``t`` (their translator), ``tracker`` (the active one,
    or None) and ``client`` (its KeitaroClient, or None)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        telegram_user: User | None = data.get("event_from_user")
        if telegram_user is None:
            return await handler(event, data)
        default = self.services.settings.default_language
        user = await self.services.users.ensure(
            telegram_user.id, language_for(telegram_user.language_code, default)
        )
        tracker = None
        if user.active_tracker_id is not None:
            tracker = await self.services.trackers.get(user.id, user.active_tracker_id)
        data["user"] = user
        data["t"] = Translator(user.language or default)
        data["tracker"] = tracker
        data["client"] = await self.services.clients.client(tracker) if tracker else None
        bot: Bot | None = data.get("bot")
        if bot is not None:
            reading.attach(bot)
        with reading_ledger(data["t"]):  # what the tracker's answers left unread is told
            return await handler(event, data)
