"""What the user sees after a call: what was done (with the new entity one tap away and the
raw exchange behind "Details"), or why it failed and what is kept."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.forms import screens
from bot.forms.context import FormContext
from bot.forms.entities import view_of
from bot.forms.form import Form
from bot.i18n import Html
from bot.services.writes import Sent
from bot.ui import format as fmt
from bot.ui.callbacks import BrowseCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup, menu_button
from bot.ui.screens import Screen
from keitaro import ApiResult, KeitaroError
from keitaro.catalog import ACTIONS

#: operations after which the entity is gone from the lists: no "open" button
GONE = frozenset({"archive", "delete", "facebook_delete"})


def details_button(ctx: FormContext, result: ApiResult | None) -> InlineKeyboardButton | None:
    return ctx.details_button(result) if result is not None else None


def entity_of(data: Any) -> dict[str, Any] | None:
    """The entity an answer is about: Keitaro answers an object or a list of one."""
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(data, dict) and isinstance(data.get("data"), dict):
        data = data["data"]
    return data if isinstance(data, dict) and "id" in data else None


def summary(data: Any) -> str:
    entity = entity_of(data)
    if entity is not None:
        name = entity.get("name") or entity.get("login") or ""
        return f"<code>#{fmt.esc(entity['id'])}</code> {fmt.esc(fmt.cut(str(name), 120))}"
    return screens.shown(data)


def open_button(
    ctx: FormContext, action: str, values: dict[str, Any], data: Any
) -> InlineKeyboardButton | None:
    spec = ACTIONS[action]
    view = view_of(spec.resource)
    if view is None or spec.operation in GONE:
        return None
    entity = entity_of(data)
    entity_id = entity["id"] if entity else values.get("id")
    if not isinstance(entity_id, int):
        return None
    label = ctx.t.plain("form.b.open", what=ctx.t.plain(f"res.{spec.resource}"), id=entity_id)
    return button(label, BrowseCb(op="c", view=view.code, id=entity_id).pack())


def done_screen(
    ctx: FormContext, action: str, values: dict[str, Any], title: str, result: ApiResult
) -> Screen:
    t = ctx.t
    form = Form(action=action, values=values, title=title)
    text = "\n".join(
        [
            screens.header(t, form),
            t("form.done", status=result.status_code or "—"),
            t("form.answer", value=Html(summary(result.data))),
        ]
    )
    keyboard = markup(
        [b for b in (open_button(ctx, action, values, result.data),) if b],
        [b for b in (details_button(ctx, result), menu_button(f"« {t.plain('b.menu')}")) if b],
    )
    return Screen(text, keyboard)


def already_screen(ctx: FormContext, form: Form, sent: Sent) -> Screen:
    """An earlier attempt went through (the tracker shows it): nothing was sent again."""
    t = ctx.t
    lines = [
        screens.header(t, form),
        t("writes.already", when=fmt.local_time(sent.since, ctx.user.timezone)),
    ]
    if sent.found:
        lines.append(t("form.answer", value=Html(summary(sent.found))))
    opened = open_button(ctx, form.action, form.values, sent.found) if sent.found else None
    keyboard = markup(
        [b for b in (opened,) if b],
        [menu_button(f"« {t.plain('b.menu')}")],
    )
    return Screen("\n".join(lines), keyboard)


def failure_screen(ctx: FormContext, form: Form, error: KeitaroError) -> Screen:
    reason = f"❌ {describe(ctx.t, error, ctx.client.host)}"
    return screens.failed(ctx.t, form, reason, details_button(ctx, error.result))
