"""A stream's offers (or landings) and their shares: a row per offer, picked from the
tracker's own list, the sum shown live and required to make 100% of the active ones."""

from __future__ import annotations

from typing import Any

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
from bot.forms.entities import pick_rows
from bot.forms.fields import FieldSpec
from bot.forms.form import Form
from bot.forms.readable import share_lines
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.keyboards import button, page_of, rows_of
from bot.ui.screens import Screen
from keitaro import KeitaroError

PICK_PAGE = 8
Row = dict[str, Any]


def active_total(rows: list[Row]) -> int:
    return sum(int(r.get("share", 100) or 0) for r in rows if r.get("state") != "disabled")


def split_evenly(rows: list[Row]) -> None:
    """Shares of the active rows as equal as whole percents allow, the first ones taking
    the remainder: 3 offers → 34, 33, 33."""
    active = [r for r in rows if r.get("state") != "disabled"]
    if not active:
        return
    base, extra = divmod(100, len(active))
    for n, row in enumerate(active):
        row["share"] = base + (1 if n < extra else 0)


def read_share(text: str) -> int | None:
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return int(number) if number.is_integer() and 0 <= number <= 100 else None


class SharesEditor(Editor):
    def __init__(self, field: str, key: str, view: str) -> None:
        self.field, self.key, self.view = field, key, view
        self.noun = "offer" if field == "offers" else "landing"

    async def choices(self, ctx: FormContext, form: Form) -> list[Row]:
        """The tracker's offers (landings) to pick from; their names go into the form."""
        try:
            rows = await pick_rows(ctx, form.action, self.view, form.values)
        except KeitaroError:
            return []
        for row in rows:
            form.names[f"{self.view}:{row['id']}"] = fmt.cut(str(row.get("name") or ""), 60)
        return rows

    # --- screens ------------------------------------------------------------------------------

    async def screen(self, ctx: FormContext, form: Form, spec: FieldSpec) -> Screen:
        t, rows = ctx.t, draft(form, spec)
        choices = await self.choices(ctx, form)
        if mode(form) == "pick":
            return self.pick_screen(t, form, spec, choices)
        index = open_row(form, rows)
        if mode(form) == "share" and index is not None:
            return self.share_screen(t, form, spec, rows, index)
        form.sub["mode"] = "list"  # a row that is gone: back to the rows, keeping the error
        return self.list_screen(t, form, spec, rows)

    def total_line(self, t: Translator, rows: list[Row]) -> str:
        total = active_total(rows)
        if not rows:
            return ""
        return t("ed.total_ok" if total == 100 else "ed.total_off", total=total)

    def list_screen(self, t: Translator, form: Form, spec: FieldSpec, rows: list[Row]) -> Screen:
        lines = share_lines(t, self.field, rows, form.names)
        body = [*rows_text(lines, t(f"ed.{self.field}.empty")), "", self.total_line(t, rows)]
        keys = [
            button(f"{n}. {fmt.cut(line, 28)}", eb(form, spec, "R", n - 1))
            for n, line in enumerate(lines, 1)
        ]
        add = [button(t.plain(f"ed.{self.field}.b.add"), eb(form, spec, "A"))]
        if len(rows) > 1:
            add.append(button(t.plain("ed.b.split"), eb(form, spec, "S")))
        done = [button(t.plain("form.b.done"), eb(form, spec, "F"))]
        return frame(t, form, spec, body, [*rows_of(keys, 1), add, done])

    def pick_screen(self, t: Translator, form: Form, spec: FieldSpec, choices: list[Row]) -> Screen:
        query = str(form.sub.get("query") or "")
        taken = {r.get(self.key) for r in draft(form, spec)}
        found = [
            row for row in choices
            if row["id"] not in taken
            and (not query or query.casefold() in str(row.get("name", "")).casefold())
        ]  # fmt: skip
        page = page_of(found, int(form.sub.get("page") or 0), PICK_PAGE)
        body = [t(f"ed.{self.field}.pick")]
        if query:
            body.append(t("form.searching", query=query))
        if not found:
            body.append(t("browse.nothing_found" if query else f"ed.{self.field}.none_left"))
        keys = [
            button(f"#{row['id']} {fmt.cut(str(row.get('name') or ''), 26)}",
                   eb(form, spec, "P", row["id"]))
            for row in page.items
        ]  # fmt: skip
        pages = []
        if page.number > 0:
            pages.append(button(f"« {t.plain('b.prev')}", eb(form, spec, "G", page.number - 1)))
        if page.number < page.count - 1:
            pages.append(button(f"{t.plain('b.next')} »", eb(form, spec, "G", page.number + 1)))
        return frame(t, form, spec, body, [*rows_of(keys, 1), pages, back_row(t, form, spec)])

    def share_screen(
        self, t: Translator, form: Form, spec: FieldSpec, rows: list[Row], index: int
    ) -> Screen:
        row = rows[index]
        name = share_lines(t, self.field, [row], form.names)[0]
        others = active_total([r for n, r in enumerate(rows) if n != index])
        left = max(0, 100 - others)
        body = [t("ed.share_ask", row=name, left=left)]
        quick = sorted({left, 100, 50, 25} - {0})
        keys = [button(f"{p}%", eb(form, spec, "V", p)) for p in quick]
        paused = row.get("state") == "disabled"
        toggle = t.plain("ed.b.resume_row" if paused else "ed.b.pause_row")
        tools = [
            button(toggle, eb(form, spec, "M")),
            button(t.plain("ed.b.remove"), eb(form, spec, "D")),
        ]
        return frame(t, form, spec, body, [*rows_of(keys, 4), tools, back_row(t, form, spec)])

    # --- changes ------------------------------------------------------------------------------

    async def typed(self, ctx: FormContext, form: Form, spec: FieldSpec, text: str) -> None:
        t, rows = ctx.t, draft(form, spec)
        index = open_row(form, rows)
        if mode(form) == "share" and index is not None:
            share = read_share(text)
            if share is None:
                form.error = t("ed.bad_share", value=fmt.cut(text, 40))
                return
            rows[index]["share"] = share
            set_mode(form, "list")
            return
        if mode(form) != "pick":
            set_mode(form, "pick")
        wanted = text.strip().lstrip("#")
        if wanted.isdigit():
            await self.add(ctx, form, spec, int(wanted))
        else:
            form.sub["query"], form.sub["page"] = text.strip()[:60], 0

    async def add(self, ctx: FormContext, form: Form, spec: FieldSpec, entity_id: int) -> None:
        """Add the offer if the tracker has it (an unknown id is refused, never sent)."""
        rows = draft(form, spec)
        known = {row["id"] for row in await self.choices(ctx, form)}
        if entity_id not in known:
            form.error = ctx.t(f"ed.{self.field}.unknown", id=entity_id)
            return
        if any(r.get(self.key) == entity_id for r in rows):
            form.error = ctx.t(f"ed.{self.field}.twice", id=entity_id)
            return
        rows.append({self.key: entity_id, "share": max(0, 100 - active_total(rows))})
        set_mode(form, "share", row=len(rows) - 1)

    async def pressed(self, ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
        rows = draft(form, spec)
        index = open_row(form, rows)
        if op == "A":
            set_mode(form, "pick")
        elif op == "P" and mode(form) == "pick":
            await self.add(ctx, form, spec, v)
        elif op == "G" and mode(form) == "pick":
            form.sub["page"] = max(0, v)
        elif op == "R" and 0 <= v < len(rows):
            set_mode(form, "share", row=v)
        elif op == "V" and index is not None and 0 <= v <= 100:
            rows[index]["share"] = v
            set_mode(form, "list")
        elif op == "M" and index is not None:
            paused = rows[index].get("state") == "disabled"
            rows[index]["state"] = "active" if paused else "disabled"
            set_mode(form, "list")
        elif op == "D" and index is not None:
            rows.pop(index)
            set_mode(form, "list")
        elif op == "S":
            split_evenly(rows)
        elif op == "L":
            set_mode(form, "list")
        else:
            return False
        return True
