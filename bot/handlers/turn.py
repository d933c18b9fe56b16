"""``Turn``: one update of a screen that edits in place — who acts, where, and how to answer.

Built from the handler's data (``Turn.of``), so a handler takes the event, its callback data
and ``**data`` instead of the same seven arguments. The digest screens extend it with their
draft (``bot.handlers.digests.common``); the live feed's settings use it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Translator
from bot.ui.screens import Screen, fit, present
from storage import User

if TYPE_CHECKING:
    from bot.app import Services

Event = Message | CallbackQuery


def chat_of(event: Event) -> int:
    if isinstance(event, CallbackQuery):
        return event.message.chat.id if event.message else event.from_user.id
    return event.chat.id


@dataclass
class Turn:
    event: Event
    t: Translator
    user: User
    services: Services
    state: FSMContext
    bot: Bot
    answer: CallbackAnswer | None = None

    @classmethod
    def of(cls, event: Event, data: dict[str, Any]) -> Self:
        return cls(
            event, data["t"], data["user"], data["services"], data["state"], data["bot"],
            data.get("callback_answer"),
        )  # fmt: skip

    @property
    def chat(self) -> int:
        return chat_of(self.event)

    @property
    def private(self) -> bool:
        """Whether this is the user's private chat with the bot."""
        return self.chat == self.user.id

    def toast(self, key: str, /, *, alert: bool = False, **values: Any) -> None:
        """The button's answer (a toast, or an alert the user must close)."""
        if self.answer is not None:
            self.answer.text = self.t.plain(key, **values)
            if alert:
                self.answer.show_alert = True

    async def show(self, screen: Screen) -> Message | None:
        return await present(self.event, screen)

    async def post(self, screen: Screen) -> Message:
        """A new message in the chat, leaving the pressed one (a delivered digest) as it is."""
        screen = fit(screen)
        message = self.event.message if isinstance(self.event, CallbackQuery) else self.event
        if isinstance(message, Message):
            return await message.answer(screen.text, reply_markup=screen.keyboard)
        return await self.bot.send_message(self.chat, screen.text, reply_markup=screen.keyboard)

    async def asked(self, message: Message | None, purpose: str) -> None:
        """``message`` asks a destructive question (``bot.services.confirm``)."""
        await self.services.confirmations.issue(self.chat, self.user.id, message, purpose)

    async def confirmed(self, purpose: str) -> bool:
        """This press answers ``purpose`` from its own screen, in time (once)."""
        message = self.event.message if isinstance(self.event, CallbackQuery) else None
        message_id = message.message_id if message is not None else None
        if await self.services.confirmations.redeem(self.chat, self.user.id, message_id, purpose):
            return True
        self.toast("confirm.again_short")
        return False
