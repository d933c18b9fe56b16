"""``/alerts``: one tracker's rules, each a readable line with its state (watching, firing
for N, muted, paused), a button a rule to open its card, pages of ``PAGE`` rules, a row to
switch trackers when there are several, New rule and Quiet hours. With no rules: the
one-line examples and New rule.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, InlineKeyboardButton, Message

from bot.handlers.alerts.common import (
    counted,
    describe,
    own_tracker,
    rule_of,
    zone_of,
)
from bot.handlers.states import AlertDialog
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from bot.ui.keyboards import button, markup, menu_button, page_of, rows_of
from bot.ui.screens import Screen
from storage import Tracker
from storage.alerts import StoredRule

#: rules a page
PAGE = 8
#: the length of a tracker's name on the switch row, of a rule's line
NAME_ON_SWITCH = 24
LINE = 120


def list_cb(tracker_id: int, page: int = 0) -> str:
    """The list in place (``arg``: the page); an ``l`` without a page is the engine's button
    under an alert, answered with a new message."""
    return AlertCb(op="l", t=tracker_id, arg=str(page)).pack()


async def rule_states(
    turn: Turn, rules: list[StoredRule]
) -> tuple[dict[int, list[str]], dict[int, int]]:
    """Per rule: the names (or entities) firing now, and how many entities are muted."""
    ids = [stored.id for stored in rules]
    firing: dict[int, list[str]] = {}
    for (rule_id, entity), state in (await turn.services.alerts.states(ids)).items():
        if state.firing:
            firing.setdefault(rule_id, []).append(str(state.data.get("name") or entity))
    muted: dict[int, int] = {}
    for rule_id, _entity in await turn.services.alerts.mutes(ids, turn.services.clock()):
        muted[rule_id] = muted.get(rule_id, 0) + 1
    return firing, muted


def state_words(
    t: Translator, stored: StoredRule, firing: list[str], muted: int, rule: Any
) -> tuple[str, str]:
    """The rule's icon and its state in words (plain text)."""
    if stored.paused:
        return "⏸", t.plain("alerts.state_paused")
    parts = []
    if firing:
        parts.append(t.plain("alerts.state_firing", what=counted(t, rule, len(firing))))
    if muted:
        parts.append(t.plain("alerts.state_muted", what=counted(t, rule, muted)))
    if not parts:
        return "🟢", t.plain("alerts.state_watching")
    return ("🔴" if firing else "🔕"), " · ".join(parts)


def empty_text(t: Translator) -> str:
    return t("alerts.empty") + "\n\n" + t("alerts.examples")


def switch_row(tracker: Tracker, trackers: list[Tracker]) -> list[list[InlineKeyboardButton]]:
    """One button a tracker, the shown one marked: each has its own rules."""
    if len(trackers) < 2:
        return []
    buttons = [
        button(
            ("• " if other.id == tracker.id else "") + fmt.cut(other.name, NAME_ON_SWITCH),
            list_cb(other.id),
        )
        for other in trackers
    ]
    return rows_of(buttons, 2)


async def list_screen(turn: Turn, tracker: Tracker, page: int = 0, note: str = "") -> Screen:
    t = turn.t
    rules = await turn.services.alerts.list(turn.user.id, tracker.id)
    firing, muted = await rule_states(turn, rules)
    current = page_of(rules, page, PAGE)
    lines = [t("alerts.title", tracker=tracker.name)]
    if note:
        lines.insert(0, note + "\n")
    if current.count > 1:
        lines[-1] += " · " + t("alerts.page", page=current.number + 1, pages=current.count)
    lines.append("")
    numbers: list[InlineKeyboardButton] = []
    if not rules:
        lines.append(empty_text(t))
    first = current.number * PAGE
    for number, stored in enumerate(current.items, first + 1):
        rule = rule_of(stored)
        if rule is None:
            lines.append(t("alerts.line_broken", number=number))
            continue
        icon, state = state_words(t, stored, firing.get(stored.id, []), muted.get(stored.id, 0),
                                  rule)  # fmt: skip
        rule_text = fmt.cut(describe(t, rule), LINE)
        lines.append(t("alerts.line", number=number, icon=icon, rule=rule_text, state=state))
        numbers.append(button(f"{icon} {number}", AlertCb(op="c", r=stored.id).pack()))
    quiet = await turn.services.alerts.quiet(turn.user.id)
    lines += ["", quiet_line(t, quiet, zone_of(turn.user))]
    nav = []
    if current.number > 0:
        nav.append(button(t.plain("alerts.b_prev"), list_cb(tracker.id, current.number - 1)))
    if current.number < current.count - 1:
        nav.append(button(t.plain("alerts.b_next"), list_cb(tracker.id, current.number + 1)))
    trackers = await turn.services.trackers.list(turn.user.id)
    keyboard = markup(
        *rows_of(numbers, 4),
        nav,
        [
            button(t.plain("alerts.b_new"), AlertCb(op="n", t=tracker.id).pack()),
            button(t.plain("alerts.b_quiet"), AlertCb(op="q", t=tracker.id).pack()),
        ],
        *switch_row(tracker, trackers),
        [menu_button(f"« {t.plain('b.menu')}")],
    )
    return Screen("\n".join(lines), keyboard)


def quiet_words(t: Translator, quiet: dict[str, str] | None, zone: str) -> str:
    """``23:00–08:00 (Europe/Moscow)`` or ``off`` (plain text)."""
    if not quiet:
        return t.plain("alerts.quiet_none")
    return t.plain("alerts.quiet_hours", start=quiet["from"], end=quiet["to"], zone=zone)


def quiet_line(t: Translator, quiet: dict[str, str] | None, zone: str) -> str:
    return t("alerts.quiet_line", hours=quiet_words(t, quiet, zone))


async def on_command(message: Message, **data: Any) -> None:
    """``/alerts``: the active tracker's rules."""
    turn = Turn.of(message, data)
    tracker: Tracker | None = data.get("tracker")
    if tracker is None:
        await message.answer(turn.t("alerts.no_tracker"))
        return
    await turn.show(await list_screen(turn, tracker))


async def on_list(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """Tracker ``t``'s rules: in place (a page), or below an alert (no page), so the alert
    stays readable. A question still waiting (quiet hours) ends here."""
    turn = Turn.of(query, data)
    tracker = await own_tracker(turn, callback_data.t)
    if tracker is None:
        return
    if await turn.state.get_state() == AlertDialog.quiet.state:
        await turn.state.set_state(None)
    page = int(callback_data.arg) if callback_data.arg.isdigit() else 0
    screen = await list_screen(turn, tracker, page)
    await (turn.show(screen) if callback_data.arg else turn.post(screen))


async def show_list(turn: Turn, tracker_id: int, note: str = "") -> None:
    """The list of the tracker's rules in place (where a deleted rule or a finished dialog
    lands); the active tracker's when that one is gone."""
    tracker = await turn.services.trackers.get(turn.user.id, tracker_id)
    if tracker is None and turn.user.active_tracker_id is not None:
        tracker = await turn.services.trackers.get(turn.user.id, turn.user.active_tracker_id)
    if tracker is None:
        await turn.show(Screen(turn.t("alerts.no_tracker")))
        return
    await turn.show(await list_screen(turn, tracker, note=note))
