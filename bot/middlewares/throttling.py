"""A user who floods the bot is slowed down instead of slowing everyone else down."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.i18n import Translator, language_for


class ThrottlingMiddleware(BaseMiddleware):
    """At most ``limit`` updates per user in ``window`` seconds; the rest are dropped.

    The first dropped update of a burst gets a short notice, so the user knows why the bot
    went quiet; the following ones are dropped silently (a notice each would be a flood too).
    """

    def __init__(
        self, limit: int = 12, window: float = 3.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._seen: dict[int, deque[float]] = defaultdict(deque)
        self._warned: dict[int, float] = {}

    def _forget_quiet(self, now: float) -> None:
        for user_id in [u for u, times in self._seen.items() if now - times[-1] > self.window]:
            del self._seen[user_id]
            self._warned.pop(user_id, None)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        now = self._clock()
        seen = self._seen[user.id]
        while seen and now - seen[0] > self.window:
            seen.popleft()
        if len(seen) < self.limit:
            seen.append(now)
            if len(self._seen) > 10_000:  # forget users who went quiet
                self._forget_quiet(now)
            return await handler(event, data)
        if now - self._warned.get(user.id, -1e9) > self.window:
            self._warned[user.id] = now
            t = Translator(language_for(user.language_code))
            if isinstance(event, CallbackQuery):
                await event.answer(t.plain("throttled"))
            elif isinstance(event, Message):
                await event.answer(t("throttled"))
        elif isinstance(event, CallbackQuery):
            await event.answer()
        return None
