"""The dialog's screens, one a step: the question, the buttons that answer it (the current
choice marked "•"), « Back and ❌ Cancel; and the confirm screen with the rule in words and
as its one line.

A step's button is ``AlertCb(op="w", arg="<step>.<choice>")``; « Back and "change a step"
are ``W`` with the step to go to (``confirm``: the confirm screen; empty: the list of steps).
"""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton

from bot.alerts.messages import OPS, amount, condition_text, measure_name, window_text
from bot.alerts.rules import MEASURES, MONEY, PERCENT, Condition
from bot.handlers.alerts.common import CURRENCY, interval_words
from bot.handlers.alerts.draft import (
    COOLDOWNS,
    GROUPS,
    GUARD_PRESETS,
    KINDS,
    OP_CODES,
    PRESETS,
    SLIDING,
    WINDOWS,
    guards_of,
    is_ratio,
    previous_step,
    steps_of,
)
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from bot.ui.keyboards import button, markup, rows_of
from bot.ui.screens import Screen

#: a threshold's example number, by measure (the question shows it)
EXAMPLES: dict[str, str] = {
    "roi": "-30", "cr": "1.5", "approve": "40", "profit": "-50", "revenue": "100",
    "cost": "50", "epc": "0.05", "cpc": "0.5", "cpa": "20", "clicks": "100", "unique": "100",
    "conversions": "1", "leads": "1", "sales": "1",
}  # fmt: skip


def choice(step: str, value: str) -> str:
    return AlertCb(op="w", arg=f"{step}.{value}").pack()


def goto(step: str) -> str:
    return AlertCb(op="W", arg=step).pack()


def marked(label: str, chosen: bool) -> str:
    return f"• {label}" if chosen else label


def footer(t: Translator, draft: dict[str, Any], step: str) -> list[InlineKeyboardButton]:
    back = previous_step(draft, step)
    row = [button(t.plain("alerts.b_back"), goto(back))] if back else []
    return [*row, button(t.plain("alerts.b_cancel"), AlertCb(op="X").pack())]


def heading(t: Translator, draft: dict[str, Any], step: str) -> str:
    if draft.get("review"):
        if draft.get("edit"):
            return t("alerts.dialog_edit", number=int(draft["edit"]))
        return t("alerts.dialog_change")
    steps = steps_of(draft)
    number = steps.index(step) + 1 if step in steps else 1
    return t("alerts.dialog_new", step=number, steps=len(steps))


def money_or_not(measure: str) -> str:
    if measure in MONEY:
        return "alerts.unit_money"
    if measure in PERCENT:
        return "alerts.unit_percent"
    return "alerts.unit_count"


def kind_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    chosen = draft.get("kind") if draft.get("review") else None
    rows = [[button(marked(t.plain(f"alerts.kind_{kind}"), kind == chosen), choice("kind", kind))]
            for kind in KINDS]  # fmt: skip
    text = heading(t, draft, "kind") + "\n" + t("alerts.ask_kind")
    return Screen(text, markup(*rows, footer(t, draft, "kind")))


def measure_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    current = draft.get("measure")
    buttons = [button(marked(measure_name(t, m), m == current), choice("measure", m))
               for m in MEASURES]  # fmt: skip
    key = "alerts.ask_drop_measure" if draft.get("kind") == "drop" else "alerts.ask_measure"
    text = heading(t, draft, "measure") + "\n" + t(key)
    return Screen(text, markup(*rows_of(buttons, 4), footer(t, draft, "measure")))


def op_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    current = draft.get("op")
    buttons = [button(marked(OPS[op], op == current), choice("op", code))
               for code, op in OP_CODES.items()]  # fmt: skip
    measure = measure_name(t, str(draft.get("measure")))
    text = heading(t, draft, "op") + "\n" + t("alerts.ask_op", measure=measure)
    return Screen(text, markup(buttons, footer(t, draft, "op")))


def value_label(kind: str, value: float) -> str:
    if kind == "spend":
        return fmt.money(value, CURRENCY)
    if kind in ("drop", "cap"):
        return f"{fmt.number(value)}%"
    return fmt.number(value)


def value_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    kind = str(draft.get("kind"))
    current = draft.get("value")
    head = heading(t, draft, "value")
    if kind == "threshold":
        measure = str(draft.get("measure"))
        text = t(
            "alerts.ask_value",
            measure=measure_name(t, measure),
            op=OPS.get(str(draft.get("op")), "?"),
            unit=t.plain(money_or_not(measure)),
            example=EXAMPLES.get(measure, "10"),
        )
        if current is not None:
            text += "\n" + t("alerts.now", value=amount(measure, float(current), CURRENCY))
        return Screen(head + "\n" + text, markup(footer(t, draft, "value")))
    buttons = [
        button(marked(_preset_label(t, kind, v), current == v), choice("value", fmt_value(v)))
        for v in PRESETS.get(kind, ())
    ]
    if kind == "drop":
        text = t("alerts.ask_value_drop", measure=measure_name(t, str(draft.get("measure"))))
    else:
        text = t(f"alerts.ask_value_{kind}")
    return Screen(head + "\n" + text, markup(buttons, footer(t, draft, "value")))


def fmt_value(value: float) -> str:
    return f"{value:g}"


def _preset_label(t: Translator, kind: str, value: float) -> str:
    if kind == "domain":
        return t.plain("alerts.days", n=int(value))
    if kind == "down":
        return t.plain("alerts.minutes", n=int(value))
    return value_label(kind, value)


def window_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    kind = draft.get("kind")
    current = draft.get("window")
    windows = SLIDING if kind == "no_traffic" else WINDOWS
    buttons = [button(marked(window_text(t, w), w == current), choice("window", w))
               for w in windows]  # fmt: skip
    key = "alerts.ask_window_silent" if kind == "no_traffic" else "alerts.ask_window"
    text = heading(t, draft, "window") + "\n" + t(key)
    return Screen(text, markup(*rows_of(buttons, 2 if kind == "no_traffic" else 3),
                               footer(t, draft, "window")))  # fmt: skip


def group_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    current = draft.get("group")
    buttons = [button(marked(t.plain(f"alerts.g_{g}"), g == current), choice("group", g))
               for g in GROUPS]  # fmt: skip
    text = heading(t, draft, "group") + "\n" + t("alerts.ask_group")
    return Screen(text, markup(*rows_of(buttons, 2), footer(t, draft, "group")))


def guard_words(t: Translator, guards: list[tuple[str, str, float]]) -> str:
    return ", ".join(condition_text(t, Condition(*g), CURRENCY) for g in guards)


def guard_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    guards = guards_of(draft)
    chosen = draft.get("guards")
    rows: list[list[InlineKeyboardButton]] = []
    if guards:
        rows.append([button(t.plain("alerts.b_guard_keep", guard=guard_words(t, guards)),
                            choice("guard", "keep"))])  # fmt: skip
    else:
        rows.append([button(t.plain("alerts.b_guard_none_kept"), choice("guard", "keep"))])
    if is_ratio(draft) and chosen is not None:
        default = guards_of({**draft, "guards": None})
        rows.append([button(t.plain("alerts.b_guard_default", guard=guard_words(t, default)),
                            choice("guard", "default"))])  # fmt: skip
    presets = [
        button(condition_text(t, Condition(*g), CURRENCY), choice("guard", f"p{n}"))
        for n, g in enumerate(GUARD_PRESETS)
        if [g] != guards
    ]
    rows += rows_of(presets, 3)
    if not is_ratio(draft) and guards:
        rows.append([button(t.plain("alerts.b_guard_none"), choice("guard", "none"))])
    if is_ratio(draft):
        now = t("alerts.guard_ratio", guard=guard_words(t, guards))
    elif guards:
        now = t("alerts.guard_now", guard=guard_words(t, guards))
    else:
        now = t("alerts.guard_none_now")
    text = heading(t, draft, "guard") + "\n" + t("alerts.ask_guard") + "\n\n" + now
    return Screen(text, markup(*rows, footer(t, draft, "guard")))


def cooldown_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    current = int(draft.get("cooldown") or 0)
    buttons = [button(marked(interval_words(t, m), m == current), choice("cooldown", str(m)))
               for m in COOLDOWNS]  # fmt: skip
    text = heading(t, draft, "cooldown") + "\n" + t("alerts.ask_cooldown")
    return Screen(text, markup(buttons, footer(t, draft, "cooldown")))


def target_screen(t: Translator, draft: dict[str, Any], here: int, user_id: int) -> Screen:
    current = int(draft.get("chat") or 0)
    rows = [[button(marked(t.plain("alerts.b_target_here"), current == here),
                    choice("target", "here"))]]  # fmt: skip
    if here != user_id:  # opened in a group: the user's private chat is another choice
        rows.append([button(marked(t.plain("alerts.b_target_me"), current == user_id),
                            choice("target", "me"))])  # fmt: skip
    text = heading(t, draft, "target") + "\n" + t("alerts.ask_target")
    return Screen(text, markup(*rows, footer(t, draft, "target")))


STEP_LABELS = {
    "kind": "alerts.step_kind", "measure": "alerts.step_measure", "op": "alerts.step_op",
    "value": "alerts.step_value", "window": "alerts.step_window", "group": "alerts.step_group",
    "guard": "alerts.step_guard", "cooldown": "alerts.step_cooldown",
    "target": "alerts.step_target",
}  # fmt: skip


def change_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    """Which step to change (from the confirm screen)."""
    buttons = [button(t.plain(STEP_LABELS[step]), goto(step)) for step in steps_of(draft)]
    back = [button(t.plain("alerts.b_back"), goto("confirm"))]
    return Screen(t("alerts.ask_change"), markup(*rows_of(buttons, 2), back))


def confirm_screen(
    t: Translator, draft: dict[str, Any], description: str, line: str, target: str,
    tracker: str, problem: str = "",
) -> Screen:  # fmt: skip
    """The rule before Save: in words, as one line, where it goes and how often it reminds.
    ``problem``: why the draft does not make a rule (HTML), with no Save then."""
    if draft.get("edit"):
        head = t("alerts.confirm_edit", number=int(draft["edit"]), tracker=tracker)
    else:
        head = t("alerts.confirm_new", tracker=tracker)
    lines = [head]
    if problem:
        lines += [problem]
    else:
        lines += [
            fmt.esc(description),
            f"<code>/alert {fmt.esc(line)}</code>",
            "",
            t("alerts.card_target", target=target),
            t("alerts.card_cooldown", every=interval_words(t, int(draft.get("cooldown") or 0))),
        ]
    save = [] if problem else [button(t.plain("alerts.b_save"), AlertCb(op="S").pack())]
    keyboard = markup(
        save,
        [button(t.plain("alerts.b_change"), goto(""))],
        [button(t.plain("alerts.b_cancel"), AlertCb(op="X").pack())],
    )
    return Screen("\n".join(lines), keyboard)


def step_screen(t: Translator, draft: dict[str, Any], step: str, here: int,
                user_id: int) -> Screen:  # fmt: skip
    """The screen of ``step`` (any but the confirm screen)."""
    screens = {
        "kind": kind_screen, "measure": measure_screen, "op": op_screen, "value": value_screen,
        "window": window_screen, "group": group_screen, "guard": guard_screen,
        "cooldown": cooldown_screen,
    }  # fmt: skip
    if step == "target":
        return target_screen(t, draft, here, user_id)
    if step == "change":
        return change_screen(t, draft)
    return screens.get(step, kind_screen)(t, draft)
