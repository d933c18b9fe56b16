"""One request on the user's tracker: who asks, in which chat, with which client.

The browser, the stats screens and the forms all act on the caller's active tracker the same
way; this is that way, written once: calls go through ``perform`` (cache, chat action), and the
"Details" button keeps the raw result for the caller only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.i18n import Translator
from bot.services.calls import perform
from bot.ui.callbacks import DetailsCb
from bot.ui.keyboards import button
from keitaro import ApiResult, KeitaroClient
from storage import Tracker, User


def chat_of(event: Message | CallbackQuery, user: User) -> int:
    message = event.message if isinstance(event, CallbackQuery) else event
    return message.chat.id if message is not None else user.id


@dataclass
class TrackerRequest:
    t: Translator
    user: User
    tracker: Tracker
    client: KeitaroClient
    services: Any
    bot: Bot
    chat_id: int

    @classmethod
    def of(cls, event: Message | CallbackQuery, data: dict[str, Any]) -> TrackerRequest | None:
        """From a handler's data; None when the user has no tracker connected."""
        if data.get("tracker") is None or data.get("client") is None:
            return None
        user: User = data["user"]
        return TrackerRequest(
            data["t"], user, data["tracker"], data["client"], data["services"], data["bot"],
            chat_of(event, user),
        )  # fmt: skip

    @property
    def owner_id(self) -> int:
        return self.user.id

    @property
    def tracker_id(self) -> int:
        return self.tracker.id

    async def call(
        self, action: str, params: dict[str, Any] | None = None, *, cached: bool = False
    ) -> ApiResult:
        return await perform(
            self.services, self.client, self.tracker, action, params,
            bot=self.bot, chat_id=self.chat_id, cached=cached,
        )  # fmt: skip

    def details_button(self, result: ApiResult) -> InlineKeyboardButton:
        """ "⋯ Details": the request and the raw answer, kept for this user only."""
        token = self.services.results.put(self.user.id, result)
        return button(f"⋯ {self.t.plain('b.details')}", DetailsCb(token=token).pack())
