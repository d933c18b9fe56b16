"""What the user sees after a call: what was done (with the new entity one tap away and the
raw exchange behind "Details"), or why it failed and what is kept."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.forms import screens
from bot.forms.context import FormContext
from bot.forms.entities import view_of
from bot.forms.form import Form
from bot.i18n import Translator
from bot.services.writes import Sent
from bot.ui import format as fmt
from bot.ui.callbacks import BrowseCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, markup, menu_button
from bot.ui.render import card_text
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


def summary(t: Translator, data: Any, resource: str = "", tracker_url: str | None = None) -> str:
    """What the tracker's answer says, in words: the entity made, changed or checked as its
    card shows it (a campaign with its tracking link, a domain with its DNS and SSL), how
    many entries a list now holds, or nothing worth a line."""
    entity = entity_of(data)
    if entity is not None:
        view = view_of(resource)
        if view is not None:
            return card_text(t, view, entity, tracker_url)
        name = entity.get("name") or entity.get("login") or ""
        return f"<code>#{fmt.esc(entity['id'])}</code> {fmt.esc(fmt.cut(str(name), 120))}"
    if isinstance(data, dict) and isinstance(data.get("count"), int) and len(data) == 1:
        return t("form.count", count=data["count"])
    if data in (None, "", [], {}) or (isinstance(data, dict) and set(data) <= {"success"}):
        return ""
    if isinstance(data, bytes):  # a download: the file itself is sent as a document
        return t("form.file_sent", size=fmt.number(len(data)))
    if isinstance(data, str):
        return fmt.esc(fmt.cut(data, 300))
    if isinstance(data, dict) and data and len(data) <= 12:  # a read's answer, in lines
        return "\n".join(
            f"• {fmt.esc(key)}: {fmt.value(value, 300)}" for key, value in data.items()
        )
    return ""  # anything else: "⋯ Details" shows the tracker's own answer


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


def new_stream_button(ctx: FormContext, action: str, data: Any) -> InlineKeyboardButton | None:
    """Under a campaign just made: its first stream, the campaign filled in."""
    entity = entity_of(data)
    if action != "campaigns.create" or entity is None or not isinstance(entity["id"], int):
        return None
    from bot.handlers.actions import create_button  # the handlers build on the forms

    return create_button(ctx.t, "streams", ctx.tracker_id, parent=entity["id"])


def done_screen(
    ctx: FormContext, action: str, values: dict[str, Any], title: str, result: ApiResult
) -> Screen:
    t = ctx.t
    form = Form(action=action, values=values, title=title)
    operation = ACTIONS[action].operation
    done = f"form.did.{operation}"
    lines = [screens.header(t, form), t(done if done in t.catalog else "form.did.other")]
    said = summary(t, result.data, ACTIONS[action].resource, ctx.tracker.url)
    if said:
        lines.append(said)
    text = "\n".join(lines)
    keyboard = markup(
        [b for b in (open_button(ctx, action, values, result.data),) if b],
        [b for b in (new_stream_button(ctx, action, result.data),) if b],
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
    said = summary(t, sent.found, form.spec.resource, ctx.tracker.url) if sent.found else ""
    if said:
        lines.append(said)
    opened = open_button(ctx, form.action, form.values, sent.found) if sent.found else None
    keyboard = markup(
        [b for b in (opened,) if b],
        [menu_button(f"« {t.plain('b.menu')}")],
    )
    return Screen("\n".join(lines), keyboard)


def failure_screen(ctx: FormContext, form: Form, error: KeitaroError) -> Screen:
    reason = f"❌ {describe(ctx.t, error, ctx.client.host)}"
    return screens.failed(ctx.t, form, reason, details_button(ctx, error.result))
