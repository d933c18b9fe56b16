"""How a form looks: the question for one field, the optional fields, the JSON paste, the
confirmation card (naming the entity and what a destroying action does) and a failed call."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.forms import texts
from bot.forms.fields import FieldSpec, ask_order, field_named
from bot.forms.form import Form
from bot.forms.readable import readable
from bot.i18n import Html, Translator
from bot.ui import format as fmt
from bot.ui.callbacks import FormCb
from bot.ui.keyboards import button, markup, page_of, rows_of
from bot.ui.screens import Screen
from keitaro.catalog import ACTIONS, Access

PICK_PAGE = 8
Row = dict[str, Any]


def cb(form: Form, op: str, f: int = -1, v: int = 0) -> str:
    return FormCb(op=op, t=form.token, f=f, v=v).pack()


def action_label(t: Translator, action: str) -> str:
    """The button label of an action: its own (``act.postbacks.set``) or its operation's."""
    own = f"act.{action}"
    return t.plain(own if own in t.catalog else f"op.{ACTIONS[action].operation}")


def header(t: Translator, form: Form) -> str:
    spec = form.spec
    line = f"<b>{fmt.esc(action_label(t, form.action))}</b> · {t(f'res.{spec.resource}')}"
    return line + entity_ref(form) + parent_ref(t, form)


def parent_ref(t: Translator, form: Form) -> str:
    """`` · campaign #1 «FB | DE»`` for a new stream made inside a campaign."""
    if "id" in form.spec.params.model_fields or not form.values.get("campaign_id"):
        return ""
    if form.spec.resource != "streams":
        return ""
    campaign = form.values["campaign_id"]
    name = form.names.get(f"cm:{campaign}")
    ref = f" · {t('acc.campaigns')} #{fmt.esc(campaign)}"
    return ref + (f" «{fmt.esc(fmt.cut(name, 60))}»" if name else "")


def entity_ref(form: Form) -> str:
    """`` #12 «FB | DE | Offer A»`` for the entity the form is about, if any."""
    spec = form.spec
    key = "id" if "id" in spec.params.model_fields else next(iter(spec.path_fields), None)
    value = form.values.get(key) if key else None
    if value is None or key is None:
        return ""
    if key != "id" and key == "type":
        return f" «{fmt.esc(value)}»"
    ref = f" #{fmt.esc(value)}"
    return ref + (f" «{fmt.esc(fmt.cut(form.title, 80))}»" if form.title else "")


def shown(value: Any) -> str:
    if isinstance(value, bytes):  # a download: the file itself is sent as a document
        return f"{len(value):,} bytes".replace(",", " ")
    if isinstance(value, list | dict):
        return f"<code>{fmt.esc(fmt.cut(json.dumps(value, ensure_ascii=False), 300))}</code>"
    return fmt.value(value, 200)


def value_lines(t: Translator, form: Form) -> list[str]:
    """Every value the form will send, in words, with what it replaces on an update."""
    lines = []
    for spec in ask_order(form.spec):
        if spec.name not in form.values:
            continue
        value = form.values[spec.name]
        name = fmt.esc(texts.label(t, form.spec, spec))
        line = f"• {name}: {readable(t, spec, value, form.names)}"
        if spec.name in form.current and form.current[spec.name] != value:
            was = readable(t, spec, form.current[spec.name], form.names)
            line += " " + t("form.was", value=Html(was))
        lines.append(line)
    return lines or [t("form.no_values")]


def nav_rows(t: Translator, form: Form) -> list[list[InlineKeyboardButton]]:
    return [
        [
            button(f"« {t.plain('b.back')}", cb(form, "b")),
            button(t.plain("form.b.json"), cb(form, "j")),
            button(t.plain("b.cancel"), cb(form, "x")),
        ]
    ]


def _error(form: Form) -> str:
    return f"\n\n{form.error}" if form.error else ""


def search_rows(rows: list[Row], query: str, title: Any) -> list[Row]:
    needle = query.strip().lstrip("#").casefold()
    if not needle:
        return rows
    return [r for r in rows if str(r.get("id")) == needle or needle in title(r).casefold()]


def ask(t: Translator, form: Form, spec: FieldSpec, rows: list[Row] | None, title: Any) -> Screen:
    """One field: what it is, its current value, buttons for its choices or entities."""
    total = len(ask_order(form.spec))
    number = next(i for i, s in enumerate(ask_order(form.spec), 1) if s.name == spec.name)
    mark = t("form.required") if spec.required else t("form.optional")
    name = texts.label(t, form.spec, spec)
    lines = [
        header(t, form),
        "",
        t("form.field", n=number, total=total, name=name, mark=Html(mark)),
    ]
    about = texts.hint(t, form.spec, spec)
    if about:
        lines.append(f"<i>{about}</i>")
    current = form.values.get(spec.name, form.current.get(spec.name))
    if current is not None:
        lines.append(t("form.now", value=Html(readable(t, spec, current, form.names))))
    lines.append(t(f"form.hint.{spec.kind}"))
    typed = texts.example(t, form.spec, spec)
    if spec.kind == "json" and spec.example:  # a structure only JSON can say: its shape
        lines.append(t("form.example", example=spec.example))
    elif typed and spec.kind not in ("choice", "id"):
        lines.append(t("form.example_typed", example=Html(typed)))
    keys: list[InlineKeyboardButton] = []
    extra: list[list[InlineKeyboardButton]] = []
    if spec.kind == "choice":
        keys = [
            button(("• " if value == current else "") + texts.choice(t, spec, value),
                   cb(form, "c", spec.index, index))
            for index, value in enumerate(spec.choices)
        ]  # fmt: skip
    elif rows is not None:
        found = search_rows(rows, form.query, title)
        page = page_of(found, form.page, PICK_PAGE)
        if form.query:
            lines.append(t("form.searching", query=form.query))
        if not found:
            lines.append(t("browse.nothing_found" if form.query else "form.type_id"))
        keys = [
            button(f"#{row['id']} {fmt.cut(title(row), 24)}", cb(form, "p", spec.index, row["id"]))
            for row in page.items
        ]
        pages = []
        if page.number > 0:
            pages.append(
                button(f"« {t.plain('b.prev')}", cb(form, "n", spec.index, page.number - 1))
            )
        if page.number < page.count - 1:
            pages.append(
                button(f"{t.plain('b.next')} »", cb(form, "n", spec.index, page.number + 1))
            )
        extra.append(pages)
    if current is not None:  # entered before (Back) or the entity's own value: keep it
        keep = fmt.cut(readable(t, spec, current, form.names, plain=True), 20)
        extra.append([button(t.plain("form.b.keep", value=keep), cb(form, "s", spec.index))])
    elif not spec.required:
        extra.append([button(t.plain("form.b.skip"), cb(form, "s", spec.index))])
    text = "\n".join(lines) + _error(form)
    return Screen(text, markup(*rows_of(keys, 2), *extra, *nav_rows(t, form)))


def optional(t: Translator, form: Form) -> Screen:
    """The optional fields together: tap one to fill it, or Done."""
    lines = [header(t, form), "", *value_lines(t, form), "", t("form.optional_title")]
    keys = [
        button(
            ("✓ " if spec.name in form.values else "") + texts.label(t, form.spec, spec),
            cb(form, "o", spec.index),
        )
        for spec in form.optional_fields()
    ]
    done = [button(t.plain("form.b.done"), cb(form, "d"))]
    return Screen(
        "\n".join(lines) + _error(form), markup(*rows_of(keys, 2), done, *nav_rows(t, form))
    )


def confirm(t: Translator, form: Form) -> Screen:
    """Every value, and for a destroying action the entity named and what will happen."""
    spec = form.spec
    lines = [header(t, form), ""]
    if spec.access is Access.DESTROY:
        lines.append(
            t("form.destroy_q", verb=t.plain(f"verb.{spec.operation}"),
              what=t.plain(f"acc.{spec.resource}"), ref=Html(entity_ref(form)))
        )  # fmt: skip
        lines.append(t(f"w.{spec.operation}"))
        lines.append("")
        send = t.plain("form.b.destroy", verb=t.plain(f"verb.{spec.operation}"))
    else:
        lines.append(t("form.check"))
        send = t.plain("form.b.send")
    lines += value_lines(t, form)
    keyboard = markup(
        [button(send, cb(form, "y")), button(t.plain("form.b.edit"), cb(form, "e"))],
        *nav_rows(t, form),
    )
    return Screen("\n".join(lines) + _error(form), keyboard)


def json_ask(t: Translator, form: Form) -> Screen:
    """Paste the whole payload; the example is what the form holds now."""
    sample: dict[str, Any] = dict(form.values)
    for spec in ask_order(form.spec):
        if spec.required and spec.name not in sample:
            sample[spec.name] = "…"
    text = "\n".join(
        [
            header(t, form),
            "",
            t("form.json_ask"),
            f"<pre>{fmt.esc(json.dumps(sample, ensure_ascii=False, indent=1))}</pre>",
        ]
    )
    return Screen(text + _error(form), markup(*nav_rows(t, form)))


def failed(t: Translator, form: Form, reason: str, details: InlineKeyboardButton | None) -> Screen:
    """The call failed: why, and the values kept to fix and send again."""
    lines = [header(t, form), "", reason, "", t("form.kept"), *value_lines(t, form)]
    keyboard = markup(
        [
            button(t.plain("form.b.again"), cb(form, "y")),
            button(t.plain("form.b.edit"), cb(form, "e")),
        ],
        [details] if details else None,
        [button(t.plain("b.cancel"), cb(form, "x"))],
    )
    return Screen("\n".join(lines), keyboard)


def doubt(t: Translator, form: Form, zone_name: str | None) -> Screen:
    """An earlier attempt may have reached the tracker and it cannot tell: check again, send
    anyway (which may make it twice), or leave it."""
    lines = [
        header(t, form),
        "",
        t("writes.unclear", when=fmt.local_time(form.since, zone_name)),
        t("writes.checked", when=fmt.local_time(datetime.now(UTC), zone_name, seconds=True)),
        "",
        *value_lines(t, form),
    ]
    keyboard = markup(
        [button(t.plain("writes.b.check"), cb(form, "y"))],
        [button(t.plain("writes.b.send_anyway"), cb(form, "Y"))],
        [button(t.plain("b.cancel"), cb(form, "x"))],
    )
    return Screen("\n".join(lines) + _error(form), keyboard)


def screen_for(
    t: Translator, form: Form, rows: list[Row] | None, title: Any, zone_name: str | None = None
) -> Screen:
    """The screen of the form's current step."""
    if form.step == "ask":
        spec = field_named(form.spec, form.field or "")
        if spec is not None:
            return ask(t, form, spec, rows, title)
    if form.step == "optional":
        return optional(t, form)
    if form.step == "json":
        return json_ask(t, form)
    if form.step == "doubt":
        return doubt(t, form, zone_name)
    return confirm(t, form)
