"""``/conversion``: the dialog (click id → status → revenue → currency → tid/comment → card →
send), and its one-line and JSON forms, which go straight to the card.

The one-line and JSON forms stop at the confirmation card rather than sending at once: a
postback cannot be taken back, and the card shows whether the click exists. Every answer is
checked on its own; a wrong one is asked again with the reason, and what was already entered
stays. The draft is JSON in the FSM data, so a restart in the middle resumes it.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.handlers import menu
from bot.handlers.conversion_send import FORCE_TICKET, on_check_again, on_postback_key, send
from bot.handlers.states import ConversionForm
from bot.i18n import Translator
from bot.services.calls import perform
from bot.services.clicklog import find_click
from bot.services.conversion_draft import (
    CONFIRM,
    EXTRAS,
    FIELDS,
    STATUSES,
    Draft,
    InputError,
    apply,
    from_json,
    from_line,
    parse_currency,
)
from bot.services.writes import Outcome
from bot.ui import conversions as ui
from bot.ui import format as fmt
from bot.ui.callbacks import TID_MARK, ConversionCb
from bot.ui.errors import describe
from bot.ui.screens import present
from keitaro import KeitaroClient, KeitaroError
from storage import Tracker, User

#: the state that asks each step (the card is ``confirm``)
STATE_OF = {
    "click_id": ConversionForm.click_id,
    "status": ConversionForm.status,
    "revenue": ConversionForm.revenue,
    "currency": ConversionForm.currency,
    EXTRAS: ConversionForm.extras,
    "tid": ConversionForm.tid,
    "comment": ConversionForm.comment,
    CONFIRM: ConversionForm.confirm,
}
FIELD_OF_STATE = {state.state: name for name, state in STATE_OF.items()}
#: what the draft keeps of the click-log row
CLICK_KEEP = ("campaign", "campaign_id", "datetime", "country", "country_code")
TYPED = F.text & ~F.text.startswith("/")


def create_router() -> Router:
    router = Router(name="conversions")
    router.message.register(on_command, Command("conversion"))
    router.message.register(on_click_id, ConversionForm.click_id, TYPED)
    router.message.register(on_new_click_id, ConversionForm.resume, TYPED)
    router.message.register(
        on_answer,
        StateFilter(
            ConversionForm.status,
            ConversionForm.revenue,
            ConversionForm.currency,
            ConversionForm.tid,
            ConversionForm.comment,
        ),
        TYPED,
    )
    router.message.register(on_postback_key, ConversionForm.postback_key, TYPED)
    router.callback_query.register(on_check_again, ConversionCb.filter(F.op == "rc"))
    router.callback_query.register(on_button, ConversionCb.filter())
    # commands pass: other routers (and the fallback for unknown ones) answer them
    router.message.register(on_unexpected, StateFilter(ConversionForm), ~F.text.startswith("/"))
    return router


# --- moving through the steps -----------------------------------------------------------------


async def advance(
    event: Message | CallbackQuery, state: FSMContext, draft: Draft, t: Translator, note: str = ""
) -> None:
    """Save the draft and show the next question, or the card when nothing is left."""
    step = draft.next_step()
    if step == CONFIRM:
        draft.back_to_card = False
    await state.set_state(STATE_OF[step])
    await state.set_data(draft.dump())
    screen = ui.card(t, draft, note) if step == CONFIRM else ui.step_screen(t, draft, step, note)
    await present(event, screen)


async def check_click(
    draft: Draft, t: Translator, user: User, tracker: Tracker, client: KeitaroClient,
    services: Any,
) -> str | None:  # fmt: skip
    """Look the click id up in the click log; returns why it could not be read, or None."""
    try:
        row = await find_click(client, draft.click_id or "", user.timezone)
    except KeitaroError as error:
        return describe(t, error)
    draft.checked = True
    draft.click = {key: row.get(key) for key in CLICK_KEEP} if row else None
    campaign_id = row.get("campaign_id") if row else None
    if campaign_id:
        draft.tracker_currency = await campaign_currency(services, client, tracker, campaign_id)
    return None


async def campaign_currency(
    services: Any, client: KeitaroClient, tracker: Tracker, campaign_id: Any
) -> str | None:
    """The click's campaign's cost currency: the API has no tracker settings, and campaigns
    count costs in the tracker's currency unless told otherwise."""
    try:
        result = await perform(
            services, client, tracker, "campaigns.get", {"id": int(campaign_id)}, cached=True
        )
    except (KeitaroError, TypeError, ValueError):
        return None
    currency = result.data.get("cost_currency") if isinstance(result.data, dict) else None
    return str(currency).upper() if currency else None


def click_note(t: Translator, draft: Draft, problem: str | None) -> str:
    """What the click check found, above the next question; the card shows it by itself."""
    if problem is None and draft.next_step() == CONFIRM:
        return ""
    return ui.click_line(t, draft, problem)


def input_error(t: Translator, error: InputError, *, usage: bool = False) -> str:
    """What was wrong with a typed value or a command line, in the user's language."""
    text = t(error.key, detail=error.detail) if error.detail else t(error.key)
    if error.fields:
        lines = [
            f"• <b>{fmt.esc(k)}</b>: {fmt.esc(fmt.cut(v, 200))}" for k, v in error.fields.items()
        ]
        text += "\n" + "\n".join(lines[:10])
    if usage:
        text += "\n\n" + t("cv.usage")
    return text


# --- /conversion --------------------------------------------------------------------------


async def on_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator, user: User,
    tracker: Tracker | None, client: KeitaroClient | None, services: Any,
) -> None:  # fmt: skip
    if tracker is None or client is None:
        await present(message, await menu.main_screen(t=t, tracker=None))
        return
    args = (command.args or "").strip()
    if not args:
        draft = Draft.load(await state.get_data())
        # a command may have left the dialog (state cleared) while the draft stays in the data
        if draft.click_id and await state.get_state() in (*FIELD_OF_STATE, None):
            await state.set_state(ConversionForm.resume)
            await present(message, ui.resume_screen(t, draft))
            return
        await state.clear()
        await advance(message, state, Draft(), t)
        return
    try:
        draft, problems = (from_json(args), []) if args.startswith("{") else from_line(args)
    except InputError as error:  # nothing is kept or sent: the line can be sent again
        await message.answer(input_error(t, error, usage=True))
        return
    note = ""
    if draft.click_id:
        problem = await check_click(draft, t, user, tracker, client, services)
        note = click_note(t, draft, problem)
    if problems:
        note = "\n\n".join(part for part in (input_error(t, problems[0]), note) if part)
    await state.clear()
    await advance(message, state, draft, t, note)


# --- typed answers ----------------------------------------------------------------------------


async def on_click_id(
    message: Message, state: FSMContext, t: Translator, user: User, tracker: Tracker | None,
    client: KeitaroClient | None, services: Any,
) -> None:  # fmt: skip
    draft = Draft.load(await state.get_data())
    try:
        apply(draft, "click_id", message.text or "")
    except InputError as error:
        await present(message, ui.step_screen(t, draft, "click_id", t(error.key)))
        return
    problem = None
    if tracker is not None and client is not None:
        problem = await check_click(draft, t, user, tracker, client, services)
    if problem is None and draft.checked and draft.click is None:
        await state.set_data(draft.dump())  # still asking the click id: another, or "anyway"
        await present(message, ui.missing_click_screen(t, draft))
        return
    draft.answer("click_id")
    await advance(message, state, draft, t, click_note(t, draft, problem))


async def on_new_click_id(message: Message, state: FSMContext, **data: Any) -> None:
    """A click id typed under "you have an unfinished conversion": a new one for that click
    (the unfinished one is what Resume was for)."""
    await state.set_state(ConversionForm.click_id)
    await state.set_data(Draft().dump())
    needed = ("t", "user", "tracker", "client", "services")
    await on_click_id(message, state, **{name: data.get(name) for name in needed})


async def on_answer(message: Message, state: FSMContext, t: Translator) -> None:
    """A typed status, revenue, currency, tid or comment."""
    field = FIELD_OF_STATE[await state.get_state() or ""]
    draft = Draft.load(await state.get_data())
    try:
        apply(draft, field, message.text or "")
    except InputError as error:  # ask again; the draft is not touched
        await present(message, ui.step_screen(t, draft, field, t(error.key)))
        return
    draft.answer(field)
    await advance(message, state, draft, t)


async def on_unexpected(message: Message, state: FSMContext, t: Translator) -> None:
    """A sticker, a photo, a voice message in the middle: repeat the question."""
    current = await state.get_state() or ""
    draft = Draft.load(await state.get_data())
    note = t("fallback.in_dialog")
    if current == ConversionForm.resume.state:
        await present(message, ui.resume_screen(t, draft))
    elif current == ConversionForm.postback_key.state:
        await present(message, ui.postback_key_screen(t, draft, note))
    elif current == ConversionForm.confirm.state:
        await present(message, ui.card(t, draft, note))
    else:
        await present(message, ui.step_screen(t, draft, FIELD_OF_STATE[current], note))


# --- buttons ------------------------------------------------------------------------------------


async def on_button(
    query: CallbackQuery, callback_data: ConversionCb, state: FSMContext, t: Translator,
    user: User, tracker: Tracker | None, client: KeitaroClient | None, services: Any, bot: Bot,
    callback_answer: CallbackAnswer,
) -> None:  # fmt: skip
    """Every button of the dialog, checked against the state it belongs to (a stale or forged
    one does nothing)."""
    op, arg = callback_data.op, callback_data.arg
    current = FIELD_OF_STATE.get(await state.get_state() or "")
    draft = Draft.load(await state.get_data())
    if op in ("re", "nw"):
        # "re": the draft may be waiting without a state (a command left the dialog)
        await advance(query, state, draft if op == "re" and draft.click_id else Draft(), t)
        return
    if op in ("ck", "cs") and arg:  # from a click's trail: that click, maybe that conversion
        click_id, _, tid = arg.partition(TID_MARK)
        fresh = Draft(tid=tid or None)
        try:
            apply(fresh, "click_id", click_id)
        except InputError:
            callback_answer.text = t.plain("stale.button")
            return
        fresh.answer("click_id")
        await state.clear()
        await advance(query, state, fresh, t)
        return
    if current is None:
        callback_answer.text = t.plain("stale.button")
        return
    if op == "st" and current == "status" and arg in STATUSES:
        draft.status = arg
    elif op == "cu" and current == "currency":
        try:
            draft.currency = parse_currency(arg)
        except InputError:
            callback_answer.text = t.plain("stale.button")
            return
    elif op == "sk" and arg in ("revenue", "currency") and current == arg:
        setattr(draft, arg, None)
    elif (op == "go" and current == "click_id" and draft.click_id) or (
        op == "dn" and current == EXTRAS
    ):
        pass  # nothing to set: the step is answered as it is
    elif op == "ad" and arg in ("tid", "comment") and current == EXTRAS:
        await ask(query, state, draft, t, arg)
        return
    elif op == "ch" and current == CONFIRM:
        await present(query, ui.change_screen(t, draft))
        return
    elif op == "ed" and arg in FIELDS and current == CONFIRM:
        draft.back_to_card = True
        await ask(query, state, draft, t, arg)
        return
    elif op == "cd" and draft.click_id:
        draft.back_to_card = True
        await advance(query, state, draft, t)
        return
    elif op == "ok" and current == CONFIRM:
        if tracker is None or client is None:
            await present(query, await menu.main_screen(t=t, tracker=None))
            return
        force = arg == ui.FORCE
        message = query.message
        if force and not await services.confirmations.redeem(
            message.chat.id if message else user.id, user.id,
            message.message_id if message else None, FORCE_TICKET,
        ):  # fmt: skip
            callback_answer.text = t.plain("confirm.again_short")
            arg, force = "", False  # look at the tracker again instead, and ask again
        outcome = await send(
            query, state, draft, t=t, user=user, tracker=tracker, client=client,
            services=services, bot=bot, force=force,
        )  # fmt: skip
        if outcome is Outcome.UNCLEAR and not callback_answer.text:
            callback_answer.text = t.plain("writes.still_unclear")
        return
    else:
        callback_answer.text = t.plain("stale.button")
        return
    draft.answer(current)
    await advance(query, state, draft, t)


async def ask(
    event: Message | CallbackQuery, state: FSMContext, draft: Draft, t: Translator, field: str
) -> None:
    """Ask one value (to add it, or to change it from the card)."""
    await state.set_state(STATE_OF[field])
    await state.set_data(draft.dump())
    await present(event, ui.step_screen(t, draft, field))
