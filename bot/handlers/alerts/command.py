"""``/alert <line>``: the rule read from one line (``bot.alerts.parse``), saved for the
active tracker with this chat as its target, and its card; a line that is not a rule gets
why, in the user's language, and three examples. ``/alert`` alone starts the dialog.

In a group chat the rule's alerts go to that group, so only its administrators may make one
there (the shared check of ``bot.handlers.chat_target``).
"""

from __future__ import annotations

from typing import Any

from aiogram.filters import CommandObject
from aiogram.types import Message

from bot.alerts.parse import RuleError, parse_rule
from bot.handlers.alerts.card import card_screen
from bot.handlers.alerts.common import target_refused
from bot.handlers.alerts.dialog import explain, start
from bot.handlers.turn import Turn
from bot.ui.screens import Screen
from storage import Tracker
from storage.alerts import MAX_RULES


async def on_command(message: Message, command: CommandObject, **data: Any) -> None:
    turn = Turn.of(message, data)
    t = turn.t
    tracker: Tracker | None = data.get("tracker")
    if tracker is None:
        await message.answer(t("alerts.no_tracker"))
        return
    line = (command.args or "").strip()
    if not line:
        await start(turn, tracker)
        return
    try:
        rule = parse_rule(line)
    except RuleError as error:
        text = explain(t, error) + "\n\n" + t("alerts.examples_short")
        await turn.show(Screen(text))
        return
    problem = await target_refused(turn, turn.chat)
    if problem is not None:
        await turn.show(Screen(t(problem, chat=turn.chat)))
        return
    rule_id = await turn.services.alerts.create(turn.user.id, tracker.id, turn.chat,
                                                rule.to_json())  # fmt: skip
    stored = await turn.services.alerts.get(turn.user.id, rule_id) if rule_id else None
    if stored is None:
        await turn.show(Screen(t("alerts.create_refused", n=MAX_RULES)))
        return
    await turn.show(await card_screen(turn, stored, rule, note=t("alerts.saved")))
