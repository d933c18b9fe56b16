"""What every structured editor shares: its draft in the form, its buttons, its frame.

The draft (the list being edited) and the editor's own screen (``mode``: the rows, or adding
one, or one row open) live in ``form.sub``, so a restart in the middle of an edit loses
nothing, and a button of another field's editor (``f`` differs) is refused as stale.
"""

from __future__ import annotations

import copy
from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.forms import texts
from bot.forms.context import FormContext
from bot.forms.fields import FieldSpec
from bot.forms.form import Form
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import FormCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen

#: FormCb ops an editor handles: A add, P pick, G picker page, R open a row, D delete it,
#: S split evenly, M mode (is / is not), K kind, N sub id number, T toggle a value,
#: H method, V confirm the values, L back to the rows, F done
EDITOR_OPS = frozenset("APGRDSMKNTHVLF")


def draft(form: Form, spec: FieldSpec) -> list[dict[str, Any]]:
    """The rows being edited: started from the value entered before, or the entity's own."""
    if form.sub.get("field") != spec.name:
        start = form.values.get(spec.name, form.current.get(spec.name))
        rows = [dict(r) for r in start if isinstance(r, dict)] if isinstance(start, list) else []
        form.sub = {"field": spec.name, "rows": copy.deepcopy(rows), "mode": "list"}
    rows = form.sub.setdefault("rows", [])
    return rows if isinstance(rows, list) else []


def mode(form: Form) -> str:
    return str(form.sub.get("mode") or "list")


def set_mode(form: Form, name: str, **extra: Any) -> None:
    form.sub["mode"] = name
    for key in ("row", "kind", "values", "reject", "page", "query"):
        form.sub.pop(key, None)
    form.sub.update(extra)
    form.error = ""


def open_row(form: Form, rows: list[Any]) -> int | None:
    """The index of the row the editor has open, when it still exists."""
    index = form.sub.get("row")
    return index if isinstance(index, int) and 0 <= index < len(rows) else None


def eb(form: Form, spec: FieldSpec, op: str, v: int = 0) -> str:
    """An editor button's callback data (well under Telegram's 64 bytes)."""
    return FormCb(op=op, t=form.token, f=spec.index, v=v).pack()


def back_row(t: Translator, form: Form, spec: FieldSpec) -> list[InlineKeyboardButton]:
    return [button(f"« {t.plain('ed.b.to_rows')}", eb(form, spec, "L"))]


def frame(
    t: Translator,
    form: Form,
    spec: FieldSpec,
    body: list[str],
    keys: list[list[InlineKeyboardButton]],
) -> Screen:
    """The editor's screen: the form's header, the field's name, the body, the form's error,
    the editor's keys and the form's own Back / Edit as JSON / Cancel."""
    from bot.forms.screens import header, nav_rows  # screens show editors, editors use them

    title = t("ed.title", name=texts.label(t, form.spec, spec))
    text = "\n".join([header(t, form), "", title, *body])
    if form.error:
        text += f"\n\n{form.error}"
    return Screen(text, markup(*keys, *nav_rows(t, form)))


def rows_text(lines: list[str], empty: str) -> list[str]:
    """Numbered lines of the rows (escaped), or the empty line."""
    if not lines:
        return [empty]
    return [f"{n}. {fmt.esc(fmt.cut(line, 200))}" for n, line in enumerate(lines, 1)]


class Editor:
    """One kind of structure. Subclasses draw the screens and apply presses and text;
    ``finish`` returns the value to hand to the form."""

    async def screen(self, ctx: FormContext, form: Form, spec: FieldSpec) -> Screen:
        raise NotImplementedError

    async def typed(self, ctx: FormContext, form: Form, spec: FieldSpec, text: str) -> None:
        raise NotImplementedError

    async def pressed(self, ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
        """Apply a press; False when it means nothing on this screen (an old button)."""
        raise NotImplementedError

    def finish(self, form: Form, spec: FieldSpec) -> Any:
        """The draft as the field's value, with what only the editor uses left out."""
        return [dict(row) for row in draft(form, spec)]
