"""Sending a composed digest to its chat: paced by the token bucket, 429s honoured, and a
chat that blocked the bot reported (the scheduler pauses its digests).

``send`` returns an ``Outcome`` when Telegram's answer settles the delivery (sent, blocked,
refused as a bad request, still 429 after ``MAX_RETRIES``); anything else (a network error,
Telegram's 5xx) propagates, so the scheduler leaves the claim pending and tries again after
its lease."""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup, Message

from bot.digests.compose import CAPTION_LIMIT, ChartMemo, Composed, visible_length
from bot.digests.limits import SharedTokenBucket, TokenBucket

log = logging.getLogger(__name__)
#: how many 429s one message may get before we give up on it
MAX_RETRIES = 5


class Outcome(enum.Enum):
    SENT = "sent"
    BLOCKED = "blocked"  # 403: the user blocked the bot, or it was removed from the group
    FAILED = "failed"


class Sender:
    def __init__(
        self,
        bot: Bot,
        bucket: TokenBucket | SharedTokenBucket,
        charts: ChartMemo,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.bot = bot
        self.bucket = bucket
        self.charts = charts
        self.sleep = sleep
        self.retries = 0

    async def paced(self, send: Callable[[], Awaitable[Message]]) -> Message:
        """One message through the bucket; on 429 wait what Telegram says, then again."""
        for _attempt in range(MAX_RETRIES):
            await self.bucket.acquire()
            try:
                return await send()
            except TelegramRetryAfter as error:
                self.retries += 1
                await self.sleep(float(error.retry_after))
        await self.bucket.acquire()
        return await send()

    async def send(
        self, chat_id: int, composed: Composed, keyboard: InlineKeyboardMarkup | None = None
    ) -> Outcome:
        """The chart with the text as its caption when the text fits, else chart then text."""
        try:
            if composed.chart is None:
                await self.paced(
                    lambda: self.bot.send_message(chat_id, composed.text, reply_markup=keyboard)
                )
                return Outcome.SENT
            fits = visible_length(composed.text) <= CAPTION_LIMIT
            sent = await self.paced(
                lambda: self.bot.send_photo(
                    chat_id,
                    self._photo(composed),
                    caption=composed.text if fits else None,
                    reply_markup=keyboard if fits else None,
                )
            )
            self._remember(composed, sent)
            if not fits:
                await self.paced(
                    lambda: self.bot.send_message(chat_id, composed.text, reply_markup=keyboard)
                )
            return Outcome.SENT
        except TelegramForbiddenError:
            return Outcome.BLOCKED
        except (TelegramBadRequest, TelegramRetryAfter) as error:
            log.warning("digest to chat %s not sent: %s", chat_id, error)
            return Outcome.FAILED

    def _photo(self, composed: Composed) -> Any:
        known = self.charts.file_ids.get(composed.chart_key) if composed.chart_key else None
        if known:
            return known
        assert composed.chart is not None
        return BufferedInputFile(composed.chart, filename="digest.png")

    def _remember(self, composed: Composed, sent: Message) -> None:
        if composed.chart_key is not None and sent.photo:
            self.charts.file_ids.setdefault(composed.chart_key, sent.photo[-1].file_id)
