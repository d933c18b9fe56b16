"""Who a form works for: the user's translator, tracker and client, and the services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.calls import perform
from keitaro import ApiResult, KeitaroClient
from storage import Tracker, User


@dataclass
class FormContext:
    t: Translator
    user: User
    tracker: Tracker
    client: KeitaroClient
    services: Any
    bot: Bot
    chat_id: int

    @classmethod
    def of(cls, event: Message | CallbackQuery, data: dict[str, Any]) -> FormContext | None:
        """From a handler's data; None when the user has no tracker connected."""
        if data.get("tracker") is None or data.get("client") is None:
            return None
        message = event.message if isinstance(event, CallbackQuery) else event
        user: User = data["user"]
        chat_id = message.chat.id if message is not None else user.id
        return cls(
            data["t"], user, data["tracker"], data["client"], data["services"], data["bot"],
            chat_id,
        )  # fmt: skip

    async def call(
        self, action: str, params: dict[str, Any] | None = None, *, cached: bool = False
    ) -> ApiResult:
        return await perform(
            self.services, self.client, self.tracker, action, params,
            bot=self.bot, chat_id=self.chat_id, cached=cached,
        )  # fmt: skip
