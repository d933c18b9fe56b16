"""A stream's filters: choose the kind (country, device, OS, browser, sub ID, IP, bots...),
then its values, by buttons where the values are few and typed where they are not."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
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
from bot.forms.fields import FieldSpec
from bot.forms.form import Form
from bot.forms.readable import filter_kind, filter_line, filter_value
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.keyboards import button, rows_of
from bot.ui.screens import Screen

SUB_IDS = 10


@dataclass(frozen=True)
class Kind:
    """One filter kind: its Keitaro key, values offered as buttons, how typed values are read
    (``codes``: two-letter country codes, ``ips``: addresses and ranges, ``text``) or none
    at all (``flag``: bots, proxies: only "is" or "is not")."""

    key: str
    read: str = "text"
    buttons: tuple[str, ...] = ()


KINDS: tuple[Kind, ...] = (
    Kind("country", "codes", ("US", "DE", "GB", "FR", "IT", "ES", "PL", "UA", "KZ", "BR")),
    Kind("device_type", "text", ("mobile", "desktop", "tablet")),
    Kind("os", "text", ("Android", "iOS", "Windows", "Mac OS X", "Linux")),
    Kind("browser", "text", ("Chrome", "Safari", "Firefox", "Samsung Internet", "Edge", "Opera")),
    Kind("language", "codes", ("en", "de", "ru", "uk", "es", "fr")),
    Kind("sub_id", "text"),
    Kind("ip", "ips"),
    Kind("bot", "flag"),
    Kind("proxy", "flag"),
    Kind("region"),
    Kind("city"),
    Kind("isp"),
    Kind("connection_type", "text", ("wifi", "cellular")),
    Kind("referrer"),
    Kind("keyword"),
    Kind("source"),
)
BY_KEY = {kind.key: kind for kind in KINDS}
CODE = re.compile(r"^[A-Za-z]{2}$")


def kind_of(name: str) -> Kind:
    if name.startswith("sub_id_"):
        return BY_KEY["sub_id"]
    return BY_KEY.get(name, Kind(name))


def split_values(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]+", text) if part.strip()]


def read_values(kind: Kind, text: str) -> tuple[list[str], list[str]]:
    """(values read, pieces refused) from what the user typed."""
    values, refused = [], []
    for part in split_values(text):
        if kind.read == "codes":
            if CODE.match(part):
                values.append(part.upper() if kind.key == "country" else part.lower())
            else:
                refused.append(part)
        elif kind.read == "ips":
            try:
                ipaddress.ip_network(part, strict=False)
            except ValueError:
                refused.append(part)
            else:
                values.append(part)
        else:
            values.append(part[:200])
    return values, refused


class FiltersEditor(Editor):
    # --- screens ------------------------------------------------------------------------------

    async def screen(self, ctx: FormContext, form: Form, spec: FieldSpec) -> Screen:
        t, rows = ctx.t, draft(form, spec)
        if mode(form) == "kind":
            return self.kind_screen(t, form, spec)
        if mode(form) == "number":
            keys = [button(f"Sub ID {n}", eb(form, spec, "N", n)) for n in range(1, SUB_IDS + 1)]
            body = [t("ed.filters.number")]
            return frame(t, form, spec, body, [*rows_of(keys, 5), back_row(t, form, spec)])
        if mode(form) == "values":
            return self.values_screen(t, form, spec)
        index = open_row(form, rows)
        if mode(form) == "row" and index is not None:
            return self.row_screen(t, form, spec, rows[index])
        form.sub["mode"] = "list"
        lines = [filter_line(t, rule) for rule in rows]
        body = rows_text(lines, t("ed.filters.empty"))
        if len(rows) > 1:
            how = "ed.filters.any" if form.values.get("filter_or") else "ed.filters.all"
            body += ["", t(how)]
        keys = [
            button(f"{n}. {fmt.cut(line, 28)}", eb(form, spec, "R", n - 1))
            for n, line in enumerate(lines, 1)
        ]
        add = [button(t.plain("ed.filters.b.add"), eb(form, spec, "A"))]
        done = [button(t.plain("form.b.done"), eb(form, spec, "F"))]
        return frame(t, form, spec, body, [*rows_of(keys, 1), add, done])

    def kind_screen(self, t: Translator, form: Form, spec: FieldSpec) -> Screen:
        keys = [
            button(filter_kind(t, kind.key), eb(form, spec, "K", n)) for n, kind in enumerate(KINDS)
        ]
        body = [t("ed.filters.kind")]
        return frame(t, form, spec, body, [*rows_of(keys, 3), back_row(t, form, spec)])

    def values_screen(self, t: Translator, form: Form, spec: FieldSpec) -> Screen:
        name = str(form.sub.get("kind") or "")
        kind = kind_of(name)
        reject = bool(form.sub.get("reject"))
        chosen = list(form.sub.get("values") or [])
        rule = {"name": name, "mode": "reject" if reject else "accept", "payload": chosen}
        body = [t("ed.filters.now", rule=filter_line(t, rule))]
        keys = []
        if kind.read == "flag":
            body.append(t("ed.filters.flag"))
            keys = [
                [button(t.plain("ed.filters.b.only"), eb(form, spec, "V", 0))],
                [button(t.plain("ed.filters.b.none"), eb(form, spec, "V", 1))],
            ]
            return frame(t, form, spec, body, [*keys, back_row(t, form, spec)])
        body.append(t(f"ed.filters.type.{kind.read}"))
        toggles = [
            button(
                ("✓ " if value in chosen else "") + filter_value(t, value), eb(form, spec, "T", n)
            )
            for n, value in enumerate(kind.buttons)
        ]
        mode_key = "ed.filters.b.is" if reject else "ed.filters.b.is_not"
        tools = [button(t.plain(mode_key), eb(form, spec, "M"))]
        if chosen:
            tools.append(button(t.plain("ed.filters.b.save"), eb(form, spec, "V", 2)))
        return frame(t, form, spec, body, [*rows_of(toggles, 3), tools, back_row(t, form, spec)])

    def row_screen(
        self, t: Translator, form: Form, spec: FieldSpec, rule: dict[str, Any]
    ) -> Screen:
        body = [t("ed.filters.row", rule=filter_line(t, rule))]
        reject = rule.get("mode") == "reject"
        keys = [
            [
                button(t.plain("ed.filters.b.is" if reject else "ed.filters.b.is_not"),
                       eb(form, spec, "M")),
                button(t.plain("ed.b.change"), eb(form, spec, "T", -1)),
            ],
            [button(t.plain("ed.b.remove"), eb(form, spec, "D"))],
        ]  # fmt: skip
        return frame(t, form, spec, body, [*keys, back_row(t, form, spec)])

    # --- changes ------------------------------------------------------------------------------

    def save(self, form: Form, spec: FieldSpec, payload: Any) -> None:
        """Put the rule being made into the rows (replacing the one it edits)."""
        rows = draft(form, spec)
        rule = {
            "name": str(form.sub.get("kind") or ""),
            "mode": "reject" if form.sub.get("reject") else "accept",
            "payload": payload,
        }
        index = form.sub.get("editing")
        if isinstance(index, int) and 0 <= index < len(rows):
            rows[index] = {**rows[index], **rule}
        else:
            rows.append(rule)
        set_mode(form, "list")
        form.sub.pop("editing", None)

    async def typed(self, ctx: FormContext, form: Form, spec: FieldSpec, text: str) -> None:
        t = ctx.t
        if mode(form) != "values":
            form.error = t("ed.filters.choose_first")
            return
        kind = kind_of(str(form.sub.get("kind") or ""))
        if kind.read == "flag":
            form.error = t("form.use_buttons")
            return
        values, refused = read_values(kind, text)
        if refused:
            form.error = t(f"ed.filters.bad.{kind.read}", values=", ".join(refused[:5]))
            return
        chosen = list(form.sub.get("values") or [])
        chosen += [v for v in values if v not in chosen]
        self.save(form, spec, chosen)

    async def pressed(self, ctx: FormContext, form: Form, spec: FieldSpec, op: str, v: int) -> bool:
        rows = draft(form, spec)
        index = open_row(form, rows)
        now = mode(form)
        if op == "A":
            set_mode(form, "kind")
        elif op == "K" and now == "kind" and 0 <= v < len(KINDS):
            kind = KINDS[v]
            if kind.key == "sub_id":
                set_mode(form, "number")
            else:
                set_mode(form, "values", kind=kind.key, values=[])
        elif op == "N" and now == "number" and 1 <= v <= SUB_IDS:
            set_mode(form, "values", kind=f"sub_id_{v}", values=[])
        elif op == "T" and now == "values":
            kind = kind_of(str(form.sub.get("kind") or ""))
            if not 0 <= v < len(kind.buttons):
                return False
            chosen = list(form.sub.get("values") or [])
            value = kind.buttons[v]
            form.sub["values"] = (
                [c for c in chosen if c != value] if value in chosen else [*chosen, value]
            )
        elif op == "M" and now == "values":
            form.sub["reject"] = not form.sub.get("reject")
        elif op == "V" and now == "values":
            kind = kind_of(str(form.sub.get("kind") or ""))
            if kind.read == "flag" and v in (0, 1):
                form.sub["reject"] = v == 1
                self.save(form, spec, None)
            elif v == 2 and form.sub.get("values"):
                self.save(form, spec, list(form.sub["values"]))
            else:
                return False
        elif op == "R" and 0 <= v < len(rows):
            set_mode(form, "row", row=v)
        elif op == "M" and now == "row" and index is not None:
            rows[index]["mode"] = "accept" if rows[index].get("mode") == "reject" else "reject"
        elif op == "T" and now == "row" and index is not None:  # change its values
            rule = rows[index]
            payload = rule.get("payload")
            values = [str(p) for p in payload] if isinstance(payload, list) else []
            set_mode(
                form, "values", kind=str(rule.get("name") or ""), values=values,
                reject=rule.get("mode") == "reject",
            )  # fmt: skip
            form.sub["editing"] = index
        elif op == "D" and now == "row" and index is not None:
            rows.pop(index)
            set_mode(form, "list")
        elif op == "L":
            set_mode(form, "list")
            form.sub.pop("editing", None)
        else:
            return False
        return True
