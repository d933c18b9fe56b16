"""Write actions from the chat: the card's buttons (pause/resume with Undo, clone, edit,
archive...), every write action of a resource behind "✍️ Actions", and ``/actions``.

One-tap actions (enable, disable, restore, clone, check) run at once; everything else opens
the generic form, which confirms destroying actions by naming the entity. Callback data holds
an action code and an id only; both are checked again here and act on the caller's tracker.
"""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.forms import router as forms
from bot.forms.codes import (
    action_for,
    code_of,
    is_one_tap,
    reads_of,
    resource_at,
    resource_index,
    writes_of,
)
from bot.forms.context import FormContext
from bot.forms.defaults import ref_field
from bot.forms.entities import fetch_entity, title_of, view_of
from bot.forms.fields import field_at, field_named
from bot.forms.outcome import details_button, done_screen
from bot.forms.screens import action_label
from bot.i18n import Translator
from bot.services.writes import Outcome, Sent
from bot.ui import format as fmt
from bot.ui.callbacks import BrowseCb, TrackerCb, WriteCb, WriteMenuCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup, menu_button, rows_of
from bot.ui.screens import Screen, present
from bot.ui.views import VIEWS, EntityView, TableView
from keitaro import KeitaroError
from keitaro.catalog import ACTIONS, RESOURCES, Action

#: what undoes a one-tap action
OPPOSITE = {"enable": "disable", "disable": "enable"}
#: one-tap actions whose result is best shown on the refreshed card
ON_CARD = frozenset({"enable", "disable", "restore"})


def create_router() -> Router:
    router = Router(name="actions")
    router.message.register(on_actions_command, Command("actions"))
    router.callback_query.register(on_write, WriteCb.filter())
    router.callback_query.register(on_write_menu, WriteMenuCb.filter())
    router.include_router(forms.create_router())
    return router


# --- buttons other screens show ----------------------------------------------------------------


def write_button(
    t: Translator, name: str, entity_id: int, tracker_id: int, label: str | None = None
) -> InlineKeyboardButton:
    action = ACTIONS[name]
    op = "r" if is_one_tap(action) else "f"
    cb = WriteCb(op=op, a=code_of(name), id=entity_id, tr=tracker_id)
    return button(label or action_label(t, name), cb.pack())


def create_button(
    t: Translator, resource: str, tracker_id: int, parent: int = 0
) -> InlineKeyboardButton | None:
    """ "➕ New stream" for a resource that can be created; ``parent`` (a campaign's streams)
    is filled in the form already."""
    name = f"{resource}.create"
    if name not in ACTIONS:
        return None
    cb = WriteCb(op="n" if parent else "f", a=code_of(name), id=parent, tr=tracker_id)
    return button(t.plain(f"new.{resource}"), cb.pack())


def card_buttons(
    t: Translator, view: EntityView, row: dict[str, Any], tracker_id: int
) -> list[InlineKeyboardButton]:
    """The card's write buttons: the state's toggle first, then the view's jobs."""
    entity_id = int(row.get("id") or 0)
    state = row.get("state")
    toggle = {"active": "disable", "disabled": "enable", "deleted": "restore"}.get(str(state))
    found = []
    if toggle and f"{view.resource}.{toggle}" in ACTIONS:
        found.append(write_button(t, f"{view.resource}.{toggle}", entity_id, tracker_id))
    for name, field in view.quick:
        spec = field_named(ACTIONS[name], field)
        if spec is not None:
            cb = WriteCb(op="q", a=code_of(name), id=entity_id, f=spec.index, tr=tracker_id)
            found.append(button(t.plain(f"qf.{field}"), cb.pack()))
    if state != "deleted":
        found += [write_button(t, name, entity_id, tracker_id) for name in view.writes]
    menu = actions_button(t, view.resource, entity_id)
    return found + ([menu] if menu else [])


def actions_button(t: Translator, resource: str, entity_id: int = 0) -> InlineKeyboardButton | None:
    """ "✍️ Actions": every write action of the resource (None when it has none)."""
    if not writes_of(resource) and not reads_of(resource):
        return None
    cb = WriteMenuCb(r=resource_index(resource), id=entity_id)
    return button(t.plain("act.menu"), cb.pack())


def view_actions_button(t: Translator, view: EntityView | TableView) -> InlineKeyboardButton | None:
    """The "✍️ Actions" button of a list or table screen."""
    resource = view.resource if isinstance(view, EntityView) else ACTIONS[view.action].resource
    return actions_button(t, resource)


# --- the resource's write actions ------------------------------------------------------------


def menu_screen(
    t: Translator, resource: str, entity_id: int, title: str, tracker_id: int
) -> Screen:
    actions = writes_of(resource) + reads_of(resource)
    if entity_id:  # for one entity: what can be done to it
        actions = [a for a in actions if ref_field(a) is not None and a.operation != "create"]
    keys = [write_button(t, a.name, entity_id, tracker_id) for a in actions]
    head = t("act.menu_title", what=t.plain(f"res.{resource}"))
    if entity_id:
        head += f" · <code>#{entity_id}</code> {fmt.esc(fmt.cut(title, 80))}"
    view = view_of(resource)
    back = menu_button(f"« {t.plain('b.menu')}")
    if entity_id and view is not None:
        back = button(
            f"« {t.plain('b.back')}", BrowseCb(op="c", view=view.code, id=entity_id).pack()
        )
    return Screen(head, markup(*rows_of(keys, 2), [back]))


async def on_actions_command(message: Message, t: Translator) -> None:
    keys = [
        button(t.plain(f"res.{resource}"), WriteMenuCb(r=index).pack())
        for index, resource in enumerate(RESOURCES)
        if writes_of(resource) or reads_of(resource)
    ]
    await present(
        message, Screen(t("act.all"), markup(*rows_of(keys, 2), [menu_button(t.plain("b.menu"))]))
    )


async def on_write_menu(query: CallbackQuery, callback_data: WriteMenuCb, **data: Any) -> None:
    t: Translator = data["t"]
    resource = resource_at(callback_data.r)
    ctx = FormContext.of(query, data)
    if resource is None or ctx is None:
        await present(query, Screen(t("stale.screen"), markup([menu_button(t.plain("b.menu"))])))
        return
    title = ""
    if callback_data.id:
        title = title_of(resource, await fetch_entity(ctx, resource, callback_data.id))
    await present(query, menu_screen(t, resource, callback_data.id, title, ctx.tracker.id))


# --- performing ---------------------------------------------------------------------------------


async def on_write(
    query: CallbackQuery,
    callback_data: WriteCb,
    state: FSMContext,
    callback_answer: CallbackAnswer,
    **data: Any,
) -> None:
    t: Translator = data["t"]
    action = action_for(callback_data.a)
    ctx = FormContext.of(query, data)
    if ctx is None:
        keyboard = markup([button(t.plain("b.connect"), TrackerCb(op="a").pack())])
        await present(query, Screen(t("menu.no_tracker"), keyboard))
        return
    if action is None or callback_data.id < 0:
        callback_answer.text, callback_answer.show_alert = t.plain("stale.button"), True
        return
    if callback_data.tr and callback_data.tr != ctx.tracker.id:
        callback_answer.text, callback_answer.show_alert = t.plain("act.other_tracker"), True
        return
    ref = ref_field(action)
    preset = {ref[0]: callback_data.id} if ref and callback_data.id else {}
    if callback_data.op == "n" and callback_data.id:  # a new one inside its parent
        parent = parent_field(action)
        if parent is None:
            callback_answer.text, callback_answer.show_alert = t.plain("stale.button"), True
            return
        view = view_of(action.resource)
        parent_view = VIEWS.get(view.parent_view or "") if view else None
        row = (
            await fetch_entity(ctx, parent_view.resource, callback_data.id) if parent_view else None
        )
        names = {f"{parent_view.code}:{callback_data.id}": parent_view.title(row)} if row else {}
        await forms.start_form(
            query, ctx, state, action.name, {parent: callback_data.id}, names=names
        )
        return
    if callback_data.op == "r" and is_one_tap(action) and callback_data.id:
        await run_one_tap(query, ctx, action, callback_data.id, state)
        return
    spec = field_at(action, callback_data.f) if callback_data.op == "q" else None
    view = view_of(action.resource)
    origin = (
        BrowseCb(op="c", view=view.code, id=callback_data.id).pack()
        if view is not None and callback_data.id
        else ""
    )
    await forms.start_form(
        query, ctx, state, action.name, preset,
        quick=bool(preset), field=spec.name if spec else None, origin=origin,
    )  # fmt: skip


async def parent_name(ctx: FormContext, action: Action, parent_id: int) -> dict[str, str]:
    """The parent's name for the form's header ("campaign #1 «FB | DE»"), when it can be read."""
    view = view_of(action.resource)
    parent = VIEWS.get(view.parent_view or "") if view else None
    if not isinstance(parent, EntityView):
        return {}
    row = await fetch_entity(ctx, parent.resource, parent_id)
    return {f"{parent.code}:{parent_id}": parent.title(row)} if row else {}


def parent_field(action: Action) -> str | None:
    """The field of a create form that names the parent it is made in (a stream's campaign)."""
    view = view_of(action.resource)
    if view is None or not view.parent_param:
        return None
    return view.parent_param if view.parent_param in action.params.model_fields else None


async def run_one_tap(
    query: CallbackQuery, ctx: FormContext, action: Action, entity_id: int, state: FSMContext
) -> None:
    """Do it now; pause/resume show the refreshed card with Undo, the rest their result."""
    t = ctx.t
    view = view_of(action.resource)
    message = query.message
    # the button on its message, once: pressed again after a crash or a timeout, the tracker
    # is asked first (a clone must not be made twice)
    key = f"tap:{ctx.chat_id}:{message.message_id if message else 0}:{query.data}"
    try:
        sent = await ctx.services.writes.send(
            ctx, key, action.name, {"id": entity_id}, remember=False
        )
    except KeitaroError as error:
        rows = [[b] for b in (details_button(ctx, error.result),) if b]
        if view is not None:
            back = BrowseCb(op="c", view=view.code, id=entity_id).pack()
            rows.append([button(f"« {t.plain('b.back')}", back)])
        text = f"❌ {describe(t, error, ctx.client.host)}"
        await present(query, Screen(text, markup(*rows, [menu_button(t.plain("b.menu"))])))
        return
    if sent.outcome is Outcome.UNCLEAR:
        # the tracker cannot tell: repeating a state change or a check is harmless, a clone
        # is not, so the user looks first (and a second press then makes one)
        await ctx.services.writes.repository.forget(ctx.user.id, key)
        if action.operation != "clone":
            await run_one_tap(query, ctx, action, entity_id, state)
            return
    if sent.outcome is not Outcome.SENT:
        await present(query, earlier_attempt_screen(ctx, action, entity_id, sent))
        return
    result = sent.result
    assert result is not None
    if action.operation not in ON_CARD or view is None:
        row = (
            await fetch_entity(ctx, action.resource, entity_id)
            if action.operation != "clone"
            else None
        )
        title = title_of(action.resource, row)
        await present(query, done_screen(ctx, action.name, {"id": entity_id}, title, result))
        return
    from bot.handlers.browser import Browse  # the browser shows cards with these buttons

    browse = Browse(query, t, ctx.user, ctx.tracker, ctx.client, ctx.services, ctx.bot, state)
    card = await browse.card(BrowseCb(op="c", view=view.code, id=entity_id), view)
    row = await fetch_entity(ctx, action.resource, entity_id)
    note = t(f"act.did.{action.operation}", name=title_of(action.resource, row) or f"#{entity_id}")
    undo = OPPOSITE.get(action.operation)
    rows = list(card.keyboard.inline_keyboard) if card.keyboard else []
    if undo and f"{action.resource}.{undo}" in ACTIONS:
        undo_cb = WriteCb(
            op="r", a=code_of(f"{action.resource}.{undo}"), id=entity_id, tr=ctx.tracker.id
        )
        rows.insert(0, [button(t.plain("act.undo"), undo_cb.pack())])
    await present(query, Screen(f"{note}\n\n{card.text}", markup(*rows)))


def earlier_attempt_screen(ctx: FormContext, action: Action, entity_id: int, sent: Sent) -> Screen:
    """A button pressed again after an attempt whose answer never came: what the tracker
    shows (done), or that it cannot tell (the card, to look for oneself)."""
    t = ctx.t
    when = fmt.local_time(sent.since, ctx.user.timezone)
    text = t("writes.already" if sent.outcome is Outcome.ALREADY else "writes.unclear", when=when)
    rows = []
    found = sent.found if isinstance(sent.found, dict) else {}
    target = found.get("id") if isinstance(found.get("id"), int) else entity_id
    view = view_of(action.resource)
    if view is not None:
        label = t.plain("form.b.open", what=t.plain(f"res.{action.resource}"), id=target)
        rows.append([button(label, BrowseCb(op="c", view=view.code, id=target).pack())])
    rows.append([menu_button(f"« {t.plain('b.menu')}")])
    return Screen(text, markup(*rows))
