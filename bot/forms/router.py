"""The form engine in Telegram: start a form, take answers and button presses, send.

A form's buttons carry its random token: a button of a closed form, of an older form or
forged for someone else's finds nothing in the presser's own FSM data and does nothing.
"""

from __future__ import annotations

import json
from typing import Any

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from pydantic import ValidationError

from bot.forms import screens
from bot.forms.checks import offer_shares, whole_form
from bot.forms.context import FormContext
from bot.forms.defaults import prefill
from bot.forms.editors import EDITOR_OPS, editor_for
from bot.forms.entities import pick_rows
from bot.forms.fields import FieldError, FieldSpec, check, field_at, parse_text
from bot.forms.form import DATA_KEY, Form
from bot.forms.outcome import already_screen, done_screen, failure_screen
from bot.forms.texts import label
from bot.handlers.states import FormStates
from bot.i18n import Html, Translator
from bot.services.writes import Outcome
from bot.ui.callbacks import BrowseCb, FormCb
from bot.ui.format import esc
from bot.ui.keyboards import markup, menu_button
from bot.ui.screens import Screen, present
from bot.ui.validation import explain, where
from bot.ui.views import VIEWS, EntityView
from keitaro import KeitaroError


def create_router() -> Router:
    router = Router(name="forms")
    router.callback_query.register(on_form_button, FormCb.filter())
    # a command typed mid-form goes to its handler, never into a field
    router.message.register(on_form_text, FormStates.active, F.text & ~F.text.startswith("/"))
    router.message.register(on_form_other, FormStates.active)
    return router


# --- storage ---------------------------------------------------------------------------------


async def load(state: FSMContext) -> Form | None:
    return Form.from_data((await state.get_data()).get(DATA_KEY))


async def save(state: FSMContext, form: Form) -> None:
    await state.set_state(FormStates.active)
    await state.update_data({DATA_KEY: form.to_data()})


async def close(state: FSMContext) -> None:
    await state.update_data({DATA_KEY: None})
    await state.set_state(None)


# --- showing ---------------------------------------------------------------------------------


async def show(
    event: Message | CallbackQuery, ctx: FormContext, form: Form, screen: Screen
) -> None:
    """Present a form's screen; a question whose "Yes" must be fresh gets its ticket."""
    message = await present(event, screen)
    if form.asks_to_confirm:
        await ctx.services.confirmations.issue(ctx.chat_id, ctx.user.id, message, form.ticket)


async def render(
    event: Message | CallbackQuery, ctx: FormContext, form: Form, state: FSMContext | None = None
) -> None:
    spec = form.current_field() if form.step == "ask" else None
    editor = editor_for(form.action, spec.name if spec else None)
    if editor is not None and spec is not None:
        screen = await editor.screen(ctx, form, spec)
        if state is not None:  # the editor's draft and the names it looked up
            await save(state, form)
        await show(event, ctx, form, screen)
        return
    rows = None
    title: Any = lambda row: str(row.get("name") or row.get("login") or "")  # noqa: E731
    if spec is not None and spec.view:
        view = VIEWS.get(spec.view)
        if isinstance(view, EntityView):
            title = view.title
        try:
            rows = await pick_rows(ctx, form.action, spec.view, form.values)
        except KeitaroError:
            rows = []
    screen = screens.screen_for(ctx.t, form, rows, title, ctx.user.timezone)
    await show(event, ctx, form, screen)


async def start_form(
    event: Message | CallbackQuery,
    ctx: FormContext,
    state: FSMContext,
    action: str,
    preset: dict[str, Any] | None = None,
    *,
    quick: bool = False,
    field: str | None = None,
    origin: str = "",
    names: dict[str, str] | None = None,
) -> None:
    """Open a form for ``action``; ``preset`` fills fields (the card's entity), ``field`` asks
    that one field only (a card's one-field job), ``quick`` skips the optional screen,
    ``origin`` is the callback data of the screen Back returns to from the first step."""
    form = Form(action=action, values=dict(preset or {}), quick=quick or field is not None)
    form.tracker_id = ctx.tracker.id
    form.origin = origin
    form.names.update(names or {})
    await prefill(ctx, form)
    if field is not None:
        form.go("ask", field)
    elif form.missing_required() is None and form.optional_fields():
        form.go("optional")  # an edit: which fields to change
    else:
        form.advance()
    form.history.clear()
    await save(state, form)
    await render(event, ctx, form, state)


# --- answers ---------------------------------------------------------------------------------


def _is_id_text(spec: FieldSpec, text: str) -> bool:
    parts = [p.strip().lstrip("#") for p in text.replace(",", " ").split()]
    single = spec.kind == "ids" or len(parts) == 1
    return bool(parts) and all(p.isdigit() for p in parts) and single


def reason_of(t: Translator, error: FieldError) -> str:
    """Why an answer does not fit, translated when pydantic said it (already escaped)."""
    if error.problem is None:
        return esc(str(error))
    place = where(error.problem)
    text = explain(t, error.problem)
    return f"{esc(place)}: {text}" if place else text


def take_answer(t: Translator, form: Form, spec: FieldSpec, raw: Any) -> None:
    """Validate one answer; on success store it and move on, else keep everything and say why."""
    try:
        value = check(form.spec, spec, raw)
    except FieldError as exc:
        form.error = t(
            "form.invalid", name=label(t, form.spec, spec), reason=Html(reason_of(t, exc))
        )
        return
    problem = offer_shares(t, form.action, value, spec.name)
    if problem:
        form.error = problem
        return
    form.answered(value)


def take_json(t: Translator, form: Form, text: str) -> None:
    """The whole payload at once, checked by the action's model like the form's answers."""
    try:
        payload = json.loads(text)
    except ValueError as exc:
        form.error = t("form.invalid_json", reason=Html(t("v.json_line", line=exc.lineno)))
        return
    if not isinstance(payload, dict):
        form.error = t("form.invalid_json", reason=Html(t("v.object")))
        return
    # which entity the form is about stays as it is when the pasted payload leaves it out
    kept = {k: form.values[k] for k in form.spec.path_fields if k in form.values}
    payload = {**kept, **payload}
    try:
        validated = form.spec.validate(payload)
    except ValidationError:
        validated = None
    problems = whole_form(t, form.action, payload)
    if validated is None or problems:
        form.error = t("form.problems") + "\n" + "\n".join(f"• {p}" for p in problems)
        return
    form.values = validated.model_dump(mode="json", exclude_unset=True)
    form.error = ""
    form.go("confirm")


async def on_form_text(message: Message, state: FSMContext, **data: Any) -> None:
    t: Translator = data["t"]
    form = await load(state)
    ctx = FormContext.of(message, data)
    if form is None or ctx is None:
        await close(state)
        await message.answer(t("form.gone"), reply_markup=markup([menu_button(t.plain("b.menu"))]))
        return
    text = (message.text or "").strip()
    spec = form.current_field()
    editor = editor_for(form.action, spec.name if spec else None)
    if form.step == "json":
        take_json(t, form, text)
    elif form.step == "ask" and spec is not None and editor is not None:
        await editor.typed(ctx, form, spec, text)
    elif form.step == "ask" and spec is not None:
        if spec.kind in ("id", "ids") and not _is_id_text(spec, text):
            form.query, form.page, form.error = text[:100], 0, ""
        else:
            try:
                take_answer(t, form, spec, parse_text(spec, text))
            except FieldError as exc:
                form.error = t(
                    "form.invalid", name=label(t, form.spec, spec), reason=Html(reason_of(t, exc))
                )
    else:
        form.error = t("form.use_buttons")
    await save(state, form)
    await render(message, ctx, form, state)


async def on_form_other(message: Message, state: FSMContext, **data: Any) -> None:
    """A photo, a sticker... in the middle of a form: say so and show the form again."""
    ctx = FormContext.of(message, data)
    form = await load(state)
    if form is None or ctx is None:
        await close(state)
        return
    form.error = data["t"]("form.use_text")
    await render(message, ctx, form)


# --- buttons ---------------------------------------------------------------------------------

FIELD_OPS = frozenset("cpsn")


async def on_form_button(
    query: CallbackQuery,
    callback_data: FormCb,
    state: FSMContext,
    callback_answer: CallbackAnswer,
    **data: Any,
) -> None:
    t: Translator = data["t"]
    form = await load(state)
    ctx = FormContext.of(query, data)
    if form is None or ctx is None or form.token != callback_data.t:
        callback_answer.text, callback_answer.show_alert = t.plain("form.stale"), True
        return
    if form.tracker_id and form.tracker_id != ctx.tracker.id:
        callback_answer.text, callback_answer.show_alert = t.plain("act.other_tracker"), True
        return
    op, spec = callback_data.op, form.current_field()
    field_op = op in FIELD_OPS or op in EDITOR_OPS
    if field_op and (form.step != "ask" or spec is None or spec.index != callback_data.f):
        callback_answer.text, callback_answer.show_alert = t.plain("stale.button"), True
        return
    if op in EDITOR_OPS and spec is not None:
        if not await edit_field(ctx, form, spec, op, callback_data.v):
            callback_answer.text, callback_answer.show_alert = t.plain("stale.button"), True
            return
        await save(state, form)
        await render(query, ctx, form, state)
        return
    if op in ("y", "Y") and form.step in ("confirm", "failed", "doubt"):
        force = op == "Y" and form.step == "doubt"
        needs_ticket = form.asks_to_confirm and (force or form.step != "doubt")
        message_id = query.message.message_id if query.message else None
        if needs_ticket and not await ctx.services.confirmations.redeem(
            ctx.chat_id, ctx.user.id, message_id, form.ticket
        ):
            # pressed after moving on, or minutes later: ask again with the screen as it is
            callback_answer.text = t.plain("confirm.again_short")
            form.error = t("confirm.again")
            await save(state, form)
            await render(query, ctx, form)
            return
        if await send(query, ctx, state, form, force=force) is Outcome.UNCLEAR:
            callback_answer.text = t.plain("writes.still_unclear")
        return
    if op == "x":
        await close(state)
        await present(query, Screen(t("cancelled"), markup([menu_button(t.plain("b.menu"))])))
        return
    if op == "b" and not form.history and form.origin:
        await close(state)
        await back_to_origin(query, form.origin, state, data)
        return
    if not apply_button(t, form, spec, callback_data):
        callback_answer.text, callback_answer.show_alert = t.plain("stale.button"), True
        return
    await save(state, form)
    await render(query, ctx, form, state)


async def edit_field(ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
    """A press in a structured editor; ✅ Done hands its rows to the form as the answer."""
    editor = editor_for(form.action, spec.name)
    if editor is None:
        return False
    if op == "F":
        take_answer(ctx.t, form, spec, editor.finish(form, spec))
        return True
    return await editor.pressed(ctx, form, spec, op, v)


def apply_button(t: Translator, form: Form, spec: FieldSpec | None, cb: FormCb) -> bool:
    """Apply a press to the form; False when it means nothing here (an old screen's button)."""
    op, v = cb.op, cb.v
    if op == "c" and spec is not None and 0 <= v < len(spec.choices):
        take_answer(t, form, spec, spec.choices[v])
    elif op == "p" and spec is not None:
        take_answer(t, form, spec, [v] if spec.kind == "ids" else v)
    elif op == "n":
        form.page = max(0, v)
    elif op == "s":
        form.answered(None, keep=True)
    elif op == "o":
        chosen = field_at(form.spec, cb.f)
        if chosen is None or form.step != "optional":
            return False
        form.go("ask", chosen.name)
    elif op == "d" and form.step == "optional":
        missing = form.missing_required()
        form.go("ask", missing.name) if missing else form.go("confirm")
    elif op == "b":
        form.back()
    elif op == "j":
        form.go("json")
    elif op == "e":
        form.edit()
    else:
        return False
    return True


async def back_to_origin(
    query: CallbackQuery, origin: str, state: FSMContext, data: dict[str, Any]
) -> None:
    """Back from a form's first screen: the card it was opened from."""
    from bot.handlers.browser import on_browse  # the browser shows the cards forms start from

    try:
        target = BrowseCb.unpack(origin)
    except (TypeError, ValueError):
        await present(query, Screen(data["t"]("cancelled")))
        return
    await on_browse(query, target, state, **data)


async def send(
    query: CallbackQuery, ctx: FormContext, state: FSMContext, form: Form, *, force: bool = False
) -> Outcome | None:
    """Check the whole payload and send it once (``bot.services.writes``): a failure keeps the
    form to fix and resend; an earlier attempt the tracker shows is not sent again; one it
    cannot tell about is the user's choice (``force`` sends anyway)."""
    t = ctx.t
    problems = whole_form(t, form.action, form.values)
    if problems:
        form.error = t("form.problems") + "\n" + "\n".join(f"• {p}" for p in problems)
        await save(state, form)
        await render(query, ctx, form)
        return None
    try:
        sent = await ctx.services.writes.send(
            ctx, form.write_key, form.action, form.values, force=force
        )
    except KeitaroError as error:
        if form.step != "failed":
            form.go("failed")
        await save(state, form)
        await show(query, ctx, form, failure_screen(ctx, form, error))
        return None
    if sent.outcome is Outcome.UNCLEAR:
        form.since = sent.since.isoformat() if sent.since else ""
        form.error = ""
        if form.step != "doubt":
            form.go("doubt")
        await save(state, form)
        await render(query, ctx, form)
        return sent.outcome
    await close(state)
    if sent.outcome is Outcome.ALREADY:
        await present(query, already_screen(ctx, form, sent))
        return sent.outcome
    result = sent.result
    assert result is not None
    if isinstance(result.data, bytes) and isinstance(query.message, Message):
        name = f"{form.spec.resource}-{form.values.get('id', 'file')}.zip"
        await query.message.answer_document(BufferedInputFile(result.data, filename=name))
    await present(query, done_screen(ctx, form.action, form.values, form.title, result))
    return sent.outcome
