"""Sending a conversion and following it: the postback key when the tracker's is unknown,
the postback itself, then a reply that edits itself once the tracker shows the conversion.

A failed send keeps the draft on its card (Retry, Change); a missing or refused postback key
is asked for once, stored encrypted, and the same draft is sent without asking it again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.handlers.states import ConversionForm
from bot.i18n import Translator
from bot.services.conversion_draft import Draft
from bot.services.followup import Pending, Row, Sent, find_recorded
from bot.services.request import TrackerRequest
from bot.services.writes import Outcome
from bot.ui import conversions as ui
from bot.ui import format as fmt
from bot.ui.callbacks import ConversionCb
from bot.ui.errors import describe
from bot.ui.screens import Screen, delete_quietly, present
from keitaro import (
    KeitaroClient,
    KeitaroError,
    PostbackKeyError,
    PostbackKeyMissingError,
)
from keitaro.urls import postback_key_from
from storage import Tracker, User

log = logging.getLogger(__name__)
#: the question "send anyway?" after an attempt the tracker cannot show (see bot.services.confirm)
FORCE_TICKET = "conversion:force"


def chat_of(event: Message | CallbackQuery) -> int | None:
    message = event if isinstance(event, Message) else event.message
    return message.chat.id if message is not None else None


async def send(
    event: Message | CallbackQuery,
    state: FSMContext,
    draft: Draft,
    *,
    t: Translator,
    user: User,
    tracker: Tracker,
    client: KeitaroClient,
    services: Any,
    bot: Bot,
    force: bool = False,
) -> Outcome | None:
    """The postback for ``draft``, once (``bot.services.writes``); then the reply that follows
    it in the conversion log. ``force`` sends although an earlier attempt may have gone.
    Returns what became of it (None: not sent, the user was asked something or told why)."""
    if not client.has_postback_key:
        await ask_postback_key(event, state, t, draft)
        return None
    chat_id = chat_of(event)
    # the draft (and its write key) is on record before the postback goes: a crash keeps it
    await state.set_state(ConversionForm.confirm)
    await state.set_data(draft.dump())
    request = TrackerRequest(t, user, tracker, client, services, bot, chat_id or user.id)
    try:
        sent = await services.writes.send(
            request, draft.write_key, "conversions.create", draft.params(), force=force
        )
    except (PostbackKeyMissingError, PostbackKeyError) as error:
        await ask_postback_key(event, state, t, draft, note=describe(t, error))
        return None
    except KeitaroError as error:
        await present(event, ui.card(t, draft, f"❌ {describe(t, error)}", retry=True))
        return None
    line = ui.summary(t, draft)
    if sent.outcome is Outcome.UNCLEAR:
        when = fmt.local_time(sent.since, user.timezone)
        checked = fmt.local_time(datetime.now(UTC), user.timezone, seconds=True)
        message = await present(event, ui.doubt_screen(t, draft, when, checked))
        if chat_id is not None:
            await services.confirmations.issue(chat_id, user.id, message, FORCE_TICKET)
        return sent.outcome
    await state.clear()
    if sent.outcome is Outcome.ALREADY:
        when = fmt.local_time(sent.since, user.timezone)
        await present(event, ui.already_screen(t, line, sent.found, draft.tracker_currency, when))
        return sent.outcome
    assert sent.result is not None
    details = services.results.put(user.id, sent.result)
    message = await present(event, ui.sent_screen(t, line, details))
    if message is None or chat_id is None:
        return sent.outcome
    before = (sent.evidence or {}).get("rows")
    pending = Pending(
        owner_id=user.id,
        tracker_id=tracker.id,
        sent=Sent(draft.click_id or "", draft.tid, before),
        summary=line,
        currency=draft.tracker_currency,
        details=details,
    )
    follow(services, bot, t, client, pending, chat_id, message.message_id)
    return sent.outcome


def follow(
    services: Any,
    bot: Bot,
    t: Translator,
    client: KeitaroClient,
    pending: Pending,
    chat_id: int,
    message_id: int,
) -> None:
    """Poll in the background; edit the reply into "recorded", or into "not shown yet"."""

    async def check() -> Row | None:
        return await find_recorded(client, pending.sent)

    async def report(row: Row | None) -> None:
        if row is None:
            token = services.followups.keep(pending)
            screen = ui.not_yet_screen(t, pending.summary, token, pending.details)
        else:
            screen = ui.recorded_screen(t, pending.summary, row, pending.currency, pending.details)
        await edit(bot, chat_id, message_id, screen)

    services.followups.start(check, report)


async def edit(bot: Bot, chat_id: int, message_id: int, screen: Screen) -> None:
    """Edit a reply from the background; a message deleted meanwhile is no error."""
    try:
        await bot.edit_message_text(
            text=screen.text, chat_id=chat_id, message_id=message_id, reply_markup=screen.keyboard
        )
    except TelegramBadRequest as exc:
        if "not modified" not in exc.message:
            log.info("could not edit the conversion reply %s: %s", message_id, exc.message)


# --- the postback key -------------------------------------------------------------------------


async def ask_postback_key(
    event: Message | CallbackQuery, state: FSMContext, t: Translator, draft: Draft, note: str = ""
) -> None:
    await state.set_state(ConversionForm.postback_key)
    await state.set_data(draft.dump())
    await present(event, ui.postback_key_screen(t, draft, note))


async def on_postback_key(
    message: Message,
    state: FSMContext,
    t: Translator,
    user: User,
    tracker: Tracker | None,
    services: Any,
    bot: Bot,
) -> None:
    """Read the key, delete the message, store it encrypted, and send the waiting draft."""
    key = postback_key_from(message.text or "")
    deleted = await delete_quietly(message)
    draft = Draft.load(await state.get_data())
    if not deleted:
        await message.answer(t("connect.delete_yourself"))
    if key is None:
        await present(message, ui.postback_key_screen(t, draft, t("trackers.bad_postback")))
        return
    if tracker is None or not await services.trackers.set_postback_key(user.id, tracker.id, key):
        await state.clear()
        await present(message, Screen(t("trackers.gone")))
        return
    services.clients.forget(tracker.id)
    fresh = await services.trackers.get(user.id, tracker.id)
    client = await services.clients.client(fresh) if fresh else None
    if fresh is None or client is None:
        await state.clear()
        await present(message, Screen(t("trackers.gone")))
        return
    await message.answer(t("trackers.postback_saved"))
    await send(
        message, state, draft, t=t, user=user, tracker=fresh, client=client, services=services,
        bot=bot,
    )  # fmt: skip


# --- "Check again" ----------------------------------------------------------------------------


async def on_check_again(
    query: CallbackQuery,
    callback_data: ConversionCb,
    t: Translator,
    user: User,
    services: Any,
    callback_answer: CallbackAnswer,
) -> None:
    """Look in the conversion log once more, for a conversion that had not shown."""
    token = callback_data.arg
    pending = services.followups.recall(user.id, token)
    tracker = await services.trackers.get(user.id, pending.tracker_id) if pending else None
    client = await services.clients.client(tracker) if tracker else None
    if pending is None or client is None:
        callback_answer.text = t.plain("cv.check_gone")
        callback_answer.show_alert = True
        return
    try:
        row = await find_recorded(client, pending.sent)
    except KeitaroError as error:
        callback_answer.text = t.plain("e.short")
        await present(query, Screen(f"❌ {describe(t, error)}\n{pending.summary}"))
        return
    if row is None:
        callback_answer.text = t.plain("cv.still_not")
        screen = ui.not_yet_screen(t, pending.summary, token, pending.details)
        await present(query, screen)
        return
    services.followups.drop(token)
    await present(
        query, ui.recorded_screen(t, pending.summary, row, pending.currency, pending.details)
    )
