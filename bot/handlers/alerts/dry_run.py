"""🧪 Test: one look at the tracker for one rule, as the watcher would take it now
(``bot.alerts.engine.look``), shown on the card's message: what would fire (the first
``SHOWN``, then how many more), how many were looked at, or that nothing fires. Nothing is
sent to anyone and nothing is recorded: the rule's states and mutes stay as they were.

A "tracker down" rule is judged from the tracker's health over minutes, which one look
cannot say; the test says whether the tracker answers now (one ``campaigns.list``).
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram.utils.chat_action import ChatActionSender

from bot.alerts.engine import look
from bot.alerts.evaluate import Finding
from bot.alerts.messages import finding_line
from bot.alerts.rules import Rule
from bot.handlers.alerts.common import CURRENCY, counted, describe, own_rule, zone_of
from bot.handlers.turn import Turn
from bot.i18n import Html, Translator
from bot.ui import format as fmt
from bot.ui.callbacks import AlertCb
from bot.ui.errors import describe as describe_error
from bot.ui.keyboards import button, markup
from bot.ui.screens import Screen
from keitaro import KeitaroClient, KeitaroError
from storage.alerts import StoredRule

#: firing entities listed at most
SHOWN = 10


async def outcome(
    turn: Turn, client: KeitaroClient, stored: StoredRule, rule: Rule, tracker: str
) -> str:
    """What the look found, in words (HTML)."""
    t = turn.t
    if rule.kind == "down":
        try:
            await client.call("campaigns.list")
        except KeitaroError as error:
            reason = Html(describe_error(t, error, client.host))
            return t("alerts.test_down_failing", tracker=tracker, reason=reason,
                     n=int(rule.value))  # fmt: skip
        return t("alerts.test_down_fine", tracker=tracker)
    seen = await look(client, {stored.id: (rule, zone_of(turn.user))}, turn.services.clock())
    if seen.failure is not None:
        reason = Html(describe_error(t, seen.failure, client.host))
        return t("alerts.test_failed", reason=reason)
    found = seen.findings.get(stored.id, [])
    firing = worst_first(rule, [finding for finding in found if finding.firing])
    looked = Html(fmt.esc(counted(t, rule, len(found))))
    if not found:
        return t("alerts.test_empty", looked=looked)
    if not firing:
        return t("alerts.test_quiet", looked=looked)
    lines = [t("alerts.test_firing", firing=Html(fmt.esc(counted(t, rule, len(firing)))),
               looked=looked)]  # fmt: skip
    lines += [f"• {finding_line(t, rule, finding, CURRENCY)}" for finding in firing[:SHOWN]]
    if len(firing) > SHOWN:
        lines.append(t("alerts.test_more", n=len(firing) - SHOWN))
    return "\n".join(lines)


def severity(rule: Rule, finding: Finding) -> float:
    """How far past its line a finding is, bigger is worse: the first ones shown."""
    main = rule.main
    if rule.kind == "drop":
        return float(finding.numbers.get("drop") or 0.0)
    if rule.kind == "cap":
        return float(finding.numbers.get("percent") or 0.0)
    if rule.kind == "threshold" and main is not None and finding.value is not None:
        return -finding.value if main.op in ("<", "<=") else finding.value
    return 0.0


def worst_first(rule: Rule, firing: list[Finding]) -> list[Finding]:
    return sorted(firing, key=lambda finding: -severity(rule, finding))


def again_keyboard(t: Translator, rule_id: int) -> Any:
    return markup(
        [
            button(t.plain("alerts.b_test_again"), AlertCb(op="t", r=rule_id).pack()),
            button(t.plain("alerts.b_back"), AlertCb(op="c", r=rule_id).pack()),
        ]
    )


async def on_test(query: CallbackQuery, callback_data: AlertCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, rule = found
    t = turn.t
    tracker = await turn.services.trackers.get(turn.user.id, stored.tracker_id)
    client = await turn.services.clients.client(tracker) if tracker is not None else None
    if tracker is None or client is None:
        turn.toast("alerts.tracker_gone", alert=True)
        return
    async with ChatActionSender.typing(bot=turn.bot, chat_id=turn.chat):
        said = await outcome(turn, client, stored, rule, tracker.name)
    head = t("alerts.test_title", number=stored.id, rule=describe(t, rule))
    text = "\n".join([head, "", said, "", t("alerts.test_nothing_sent")])
    await turn.show(Screen(text, again_keyboard(t, stored.id)))
