"""A campaign's postbacks to its traffic source: a URL with macros, the statuses that fire
it and the method; added by typing the URL, changed by toggles."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from bot.forms.context import FormContext
from bot.forms.editors.base import (
    Editor,
    back_row,
    draft,
    eb,
    frame,
    mode,
    open_row,
    rows_text,
    set_mode,
)
from bot.forms.fields import FieldSpec
from bot.forms.form import Form
from bot.forms.readable import postback_line, status_word
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.keyboards import button, rows_of
from bot.ui.screens import Screen

STATUSES = ("lead", "sale", "rejected", "rebill")


def is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text


class PostbacksEditor(Editor):
    async def screen(self, ctx: FormContext, form: Form, spec: FieldSpec) -> Screen:
        t, rows = ctx.t, draft(form, spec)
        if mode(form) == "url":
            body = [t("ed.postbacks.url")]
            return frame(t, form, spec, body, [back_row(t, form, spec)])
        index = open_row(form, rows)
        if mode(form) == "row" and index is not None:
            return self.row_screen(t, form, spec, rows[index])
        form.sub["mode"] = "list"
        lines = [postback_line(t, row) for row in rows]
        keys = [
            button(f"{n}. {fmt.cut(line, 28)}", eb(form, spec, "R", n - 1))
            for n, line in enumerate(lines, 1)
        ]
        add = [button(t.plain("ed.postbacks.b.add"), eb(form, spec, "A"))]
        done = [button(t.plain("form.b.done"), eb(form, spec, "F"))]
        body = rows_text(lines, t("ed.postbacks.empty"))
        return frame(t, form, spec, body, [*rows_of(keys, 1), add, done])

    def row_screen(self, t: Translator, form: Form, spec: FieldSpec, row: dict[str, Any]) -> Screen:
        body = [t("ed.postbacks.row", line=postback_line(t, row)), t("ed.postbacks.toggle")]
        chosen = set(row.get("statuses") or [])
        toggles = [
            button(("✓ " if status in chosen else "") + status_word(t, status),
                   eb(form, spec, "T", n))
            for n, status in enumerate(STATUSES)
        ]  # fmt: skip
        other = "POST" if row.get("method") == "GET" else "GET"
        tools = [
            button(t.plain("ed.postbacks.b.method", method=other), eb(form, spec, "H")),
            button(t.plain("ed.b.remove"), eb(form, spec, "D")),
        ]
        return frame(t, form, spec, body, [*rows_of(toggles, 2), tools, back_row(t, form, spec)])

    async def typed(self, ctx: FormContext, form: Form, spec: FieldSpec, text: str) -> None:
        rows, url = draft(form, spec), text.strip()
        index = open_row(form, rows)
        if mode(form) not in ("url", "row"):
            set_mode(form, "url")
        if not is_url(url):
            form.error = ctx.t("ed.postbacks.bad_url", value=fmt.cut(url, 60))
            return
        if mode(form) == "row" and index is not None:  # a new URL for the open postback
            rows[index]["url"] = url
            return
        rows.append({"method": "GET", "statuses": ["sale"], "url": url})
        set_mode(form, "row", row=len(rows) - 1)

    async def pressed(self, ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
        rows = draft(form, spec)
        index = open_row(form, rows)
        in_row = mode(form) == "row" and index is not None
        if op == "A":
            set_mode(form, "url")
        elif op == "R" and 0 <= v < len(rows):
            set_mode(form, "row", row=v)
        elif op == "T" and in_row and 0 <= v < len(STATUSES):
            assert index is not None
            chosen = list(rows[index].get("statuses") or [])
            status = STATUSES[v]
            if status in chosen and len(chosen) > 1:
                chosen.remove(status)
            elif status not in chosen:
                chosen.append(status)
            rows[index]["statuses"] = [s for s in STATUSES if s in chosen]
        elif op == "H" and in_row:
            assert index is not None
            rows[index]["method"] = "POST" if rows[index].get("method") == "GET" else "GET"
        elif op == "D" and in_row:
            assert index is not None
            rows.pop(index)
            set_mode(form, "list")
        elif op == "L":
            set_mode(form, "list")
        else:
            return False
        return True
