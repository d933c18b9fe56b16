"""Blacklist (or whitelist) entries of a campaign: the report values to label, typed one per
line or separated by commas, each with its label; a tap switches or removes one. The field is
a mapping of value → label; the editor keeps it as rows while it is open."""

from __future__ import annotations

import re
from typing import Any

from bot.forms.context import FormContext
from bot.forms.editors.base import (
    Editor,
    back_row,
    eb,
    frame,
    mode,
    open_row,
    rows_text,
    set_mode,
)
from bot.forms.fields import FieldSpec
from bot.forms.form import Form
from bot.ui import format as fmt
from bot.ui.keyboards import button, rows_of
from bot.ui.screens import Screen

LABELS = ("blacklist", "whitelist")
MAX_VALUE = 200


def label_key(label: str) -> str:
    return f"fc.label_name.{label}"


def entries(form: Form, spec: FieldSpec) -> list[dict[str, Any]]:
    """The rows being edited, started from the mapping entered before (if any)."""
    if form.sub.get("field") != spec.name:
        start = form.values.get(spec.name)
        rows = []
        if isinstance(start, dict):
            rows = [{"value": str(k), "label": str(v)} for k, v in start.items() if v]
        form.sub = {"field": spec.name, "rows": rows, "mode": "list"}
    rows = form.sub.setdefault("rows", [])
    return rows if isinstance(rows, list) else []


class LabelsEditor(Editor):
    async def screen(self, ctx: FormContext, form: Form, spec: FieldSpec) -> Screen:
        t, rows = ctx.t, entries(form, spec)
        index = open_row(form, rows)
        if mode(form) == "row" and index is not None:
            row = rows[index]
            body = [f"<b>{fmt.esc(fmt.cut(row['value'], 100))}</b>"]
            keys = [
                [button(t.plain(f"fc.label_name.{label}"), eb(form, spec, "T", n))
                 for n, label in enumerate(LABELS) if label != row["label"]],
                [button(t.plain("ed.b.remove"), eb(form, spec, "D"))],
            ]  # fmt: skip
            return frame(t, form, spec, body, [*keys, back_row(t, form, spec)])
        form.sub["mode"] = "list"
        lines = [f"{r['value']} → {t.plain(label_key(r['label']))}" for r in rows]
        body = [*rows_text(lines, t("ed.labels.empty")), "", t("ed.labels.type")]
        keys = [
            button(f"{n}. {fmt.cut(line, 28)}", eb(form, spec, "R", n - 1))
            for n, line in enumerate(lines, 1)
        ]
        done = [button(t.plain("form.b.done"), eb(form, spec, "F"))]
        return frame(t, form, spec, body, [*rows_of(keys[:20], 1), done])

    async def typed(self, ctx: FormContext, form: Form, spec: FieldSpec, text: str) -> None:
        rows = entries(form, spec)
        known = {r["value"] for r in rows}
        for value in (part.strip() for part in re.split(r"[,;\n]+", text)):
            if value and value not in known and len(value) <= MAX_VALUE:
                rows.append({"value": value, "label": "blacklist"})
                known.add(value)
        set_mode(form, "list")

    async def pressed(self, ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
        rows = entries(form, spec)
        index = open_row(form, rows)
        if op == "R" and 0 <= v < len(rows):
            set_mode(form, "row", row=v)
        elif op == "T" and index is not None and 0 <= v < len(LABELS):
            rows[index]["label"] = LABELS[v]
            set_mode(form, "list")
        elif op == "D" and index is not None:
            rows.pop(index)
            set_mode(form, "list")
        elif op == "L":
            set_mode(form, "list")
        else:
            return False
        return True

    def finish(self, form: Form, spec: FieldSpec) -> Any:
        return {row["value"]: row["label"] for row in entries(form, spec)}
