"""A rule's card: what it watches in words and as its one line (copyable, to type again), its
state, where it sends, its reminder interval, recovery and automatic pause; Edit, Pause or
Resume, Test, Delete (asks, and the "Yes" counts only from its own screen, in time: see
``bot.services.confirm``), the two toggles, and back to the list.

Toggles and Pause carry the state wanted (``arg`` ``1``/``0``), so a second tap of an old
card does not undo the first.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from aiogram.types import CallbackQuery, InlineKeyboardButton

from bot.alerts.rules import Rule, line_of
from bot.handlers.alerts.common import (
    counted,
    describe,
    interval_words,
    own_rule,
    target_words,
)
from bot.handlers.alerts.listing import list_cb, show_list
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from storage.alerts import StoredRule

#: names of firing entities a card lists
FIRING_NAMES = 3


def command_line(rule: Rule) -> str:
    """``<code>/alert roi &lt; -30 …</code>``: what typed again makes the same rule."""
    return f"<code>/alert {html.escape(line_of(rule), quote=False)}</code>"


async def state_line(turn: Turn, stored: StoredRule, rule: Rule) -> str:
    t = turn.t
    if stored.paused:
        return t("alerts.card_paused")
    states = await turn.services.alerts.states([stored.id])
    names = [str(s.data.get("name") or s.entity) for s in states.values() if s.firing]
    muted = len(await turn.services.alerts.mutes([stored.id], turn.services.clock()))
    lines = []
    if names:
        shown = ", ".join(fmt.cut(name, 40) for name in names[:FIRING_NAMES])
        if len(names) > FIRING_NAMES:
            shown += " " + t.plain("alerts.and_more", n=len(names) - FIRING_NAMES)
        lines.append(t("alerts.card_firing", what=counted(t, rule, len(names)), names=shown))
    else:
        lines.append(t("alerts.card_watching"))
    if muted:
        lines.append(t("alerts.card_muted", what=counted(t, rule, muted)))
    return "\n".join(lines)


def on_off(t: Translator, value: bool) -> str:
    return t.plain("alerts.on" if value else "alerts.off")


def card_keyboard(t: Translator, stored: StoredRule, rule: Rule) -> Any:
    r = stored.id

    def key(label: str, op: str, arg: str = "", **values: Any) -> InlineKeyboardButton:
        return button(t.plain(label, **values), AlertCb(op=op, r=r, arg=arg).pack())

    pause = key("alerts.b_resume", "p", "0") if stored.paused else key("alerts.b_pause", "p", "1")
    toggles = [key("alerts.b_recovery", "R", "0" if rule.recovery else "1",
                   state=on_off(t, rule.recovery))]  # fmt: skip
    if rule.can_pause:
        toggles.append(key("alerts.b_auto", "A", "0" if rule.auto_pause else "1",
                           state=on_off(t, rule.auto_pause)))  # fmt: skip
    return markup(
        [key("alerts.b_edit", "e", "c"), pause],
        [key("alerts.b_test", "t"), key("alerts.b_delete", "d")],
        toggles,
        [button(t.plain("alerts.b_back"), list_cb(stored.tracker_id))],
    )


async def card_screen(turn: Turn, stored: StoredRule, rule: Rule, note: str = "") -> Screen:
    t = turn.t
    tracker = await turn.services.trackers.get(turn.user.id, stored.tracker_id)
    target = await target_words(t, turn.bot, stored.chat_id, turn.chat, turn.user.id)
    lines = [
        t("alerts.card_title", number=stored.id, tracker=tracker.name if tracker else "?"),
        fmt.esc(describe(t, rule)),
        command_line(rule),
        "",
        await state_line(turn, stored, rule),
        t("alerts.card_target", target=target),
        t("alerts.card_cooldown", every=interval_words(t, rule.cooldown)),
        t("alerts.card_recovery", state=on_off(t, rule.recovery)),
    ]
    if rule.can_pause:
        lines.append(t("alerts.card_auto", state=on_off(t, rule.auto_pause), n=rule.auto_cap))
    if note:
        lines.insert(0, note + "\n")
    return Screen("\n".join(lines), card_keyboard(t, stored, rule))


async def show_card(turn: Turn, rule_id: int, note: str = "") -> None:
    found = await own_rule(turn, rule_id)
    if found is not None:
        await turn.show(await card_screen(turn, *found, note=note))


async def on_card(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    await show_card(Turn.of(query, data), callback_data.r)


async def on_pause(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, rule = found
    wanted = callback_data.arg == "1"
    if wanted != stored.paused:
        await turn.services.alerts.update(turn.user.id, stored.id, paused=wanted)
        turn.toast("alerts.paused" if wanted else "alerts.resumed")
        stored = replace(stored, paused=wanted)
    await turn.show(await card_screen(turn, stored, rule))


async def on_toggle(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    """``R`` recovery, ``A`` automatic pause: the spec changes (and with it what the rule
    saw: the storage forgets a changed rule's states)."""
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, rule = found
    wanted = callback_data.arg == "1"
    if callback_data.op == "A":
        if not rule.can_pause:
            turn.toast("alert.err.auto", alert=True)
            return
        changed = replace(rule, auto_pause=wanted)
    else:
        changed = replace(rule, recovery=wanted)
    if changed != rule:
        await turn.services.alerts.update(turn.user.id, stored.id, spec=changed.to_json())
        stored = replace(stored, spec=changed.to_json())
    await turn.show(await card_screen(turn, stored, changed))


async def on_delete_ask(
    query: CallbackQuery, callback_data: AlertCb, note: str = "", **data: Any
) -> None:
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, rule = found
    t = turn.t
    text = t("alerts.delete_ask", number=stored.id, rule=describe(t, rule))
    keyboard = markup(
        [
            button(t.plain("alerts.b_delete_yes"), AlertCb(op="D", r=stored.id).pack()),
            button(t.plain("alerts.b_delete_no"), AlertCb(op="c", r=stored.id).pack()),
        ]
    )
    message = await turn.show(Screen(f"{note}\n\n{text}" if note else text, keyboard))
    await turn.asked(message, f"alert-delete:{stored.id}")


async def on_delete(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, _rule = found
    if not await turn.confirmed(f"alert-delete:{stored.id}"):
        await on_delete_ask(query, callback_data, note=turn.t("confirm.again"), **data)
        return
    await turn.services.alerts.delete(turn.user.id, stored.id)
    turn.toast("alerts.deleted")
    await show_list(turn, stored.tracker_id, note=turn.t("alerts.deleted_note", number=stored.id))
