"""One error boundary: no update goes unanswered because something failed.

The log gets the update id, the error type and the masked request — never the update itself
(it holds what users typed, keys included) and never a key.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import ErrorEvent, User

from bot import metrics
from bot.i18n import Translator, language_for
from bot.ui.errors import describe
from bot.ui.keyboards import markup, menu_button
from keitaro import KeitaroError

log = logging.getLogger("bot.errors")


async def _translator(services: Any, user: User | None) -> Translator:
    """The user's chosen language (the context middleware may not have run before the error)."""
    code = None
    if services is not None and user is not None:
        with contextlib.suppress(Exception):
            stored = await services.users.get(user.id)
            code = stored.language if stored else None
    return Translator(code or language_for(user.language_code if user else None))


def register_error_boundary(dp: Dispatcher) -> None:
    dp.errors.register(on_error)


async def on_error(
    event: ErrorEvent, bot: Bot, t: Translator | None = None, services: Any = None
) -> bool:
    error = event.exception
    update = event.update
    metrics.handler_failed(metrics.update_type(update))
    if isinstance(error, KeitaroError):
        log.warning("update %s: %s: %s", update.update_id, type(error).__name__, error)
    else:
        log.error("update %s failed: %s", update.update_id, type(error).__name__, exc_info=error)
    source = update.message or (update.callback_query and update.callback_query.message)
    user = update.message.from_user if update.message else None
    if update.callback_query is not None:
        user = update.callback_query.from_user
    if t is None:
        t = await _translator(services, user)
    text = describe(t, error) if isinstance(error, KeitaroError) else t("e.internal")
    keyboard = markup([menu_button(t.plain("b.menu"))])
    if update.callback_query is not None:
        # usually answered already by CallbackAnswerMiddleware; if not, stop the spinner
        with contextlib.suppress(Exception):
            await update.callback_query.answer(t.plain("e.short"))
    if source is not None:
        try:
            await bot.send_message(source.chat.id, text, reply_markup=keyboard)
        except Exception as reply_error:
            log.error("update %s: could not tell the user: %s", update.update_id, reply_error)
    return True
