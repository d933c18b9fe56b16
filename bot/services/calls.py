"""Performing a catalog action for a user: cached reads, a "typing…" sign when slow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.utils.chat_action import ChatActionSender

from bot.services import reading
from keitaro import ApiResult, KeitaroClient
from keitaro.catalog import ACTIONS, Access

if TYPE_CHECKING:
    from bot.app import Services
    from storage import Tracker

#: a call that takes longer than this shows the chat action, as Telegram users expect
SLOW_AFTER = 1.0


async def perform(
    services: Services,
    client: KeitaroClient,
    tracker: Tracker,
    action: str,
    params: dict[str, Any] | None = None,
    *,
    bot: Bot | None = None,
    chat_id: int | None = None,
    cached: bool = False,
) -> ApiResult:
    """Call ``action`` on the user's tracker; reads may come from the short cache.

    Raises what the client raises (``KeitaroError``); writes drop the tracker's cached lists.
    """
    params = params or {}
    if cached:
        hit = services.cache.get(tracker.id, action, params)
        if hit is not None:
            reading.observe(hit)  # a cached answer is as partly unreadable as it was
            return hit
    if bot is not None and chat_id is not None:
        async with ChatActionSender.typing(bot=bot, chat_id=chat_id, initial_sleep=SLOW_AFTER):
            result = await client.call(action, params)
    else:
        result = await client.call(action, params)
    if ACTIONS[action].access is Access.READ:
        if cached:
            services.cache.put(tracker.id, action, params, result)
    else:
        services.cache.forget(tracker.id)
    return result
