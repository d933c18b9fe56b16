"""What the alert screens share: the presser's own rule (refused with a toast when it is not
theirs), a stored spec read back as a :class:`Rule`, and the words for a rule, its target
chat and its reminder interval.

Callback data comes from the client: a rule id may be another user's, deleted, or a week-old
button's, so every press goes through :func:`own_rule` (``AlertRepository.get`` is scoped to
the owner) and a tracker id through :func:`own_tracker`.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message

from bot.alerts.messages import describe_rule
from bot.alerts.rules import Rule
from bot.handlers.chat_target import needs_check, target_problem
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui import format as fmt
from storage import Tracker, User
from storage.alerts import StoredRule

log = logging.getLogger(__name__)
#: the tracker's money is shown in dollars, as /stats shows it
CURRENCY = "USD"
#: the length of a chat's title on a card
TITLE = 40


def zone_of(user: User) -> str:
    return user.timezone or "UTC"


def rule_of(stored: StoredRule) -> Rule | None:
    """The stored spec as a rule; None for a row that no longer reads as one."""
    try:
        return Rule.from_json(stored.spec)
    except (TypeError, ValueError, KeyError) as error:
        log.warning("alert rule %s does not read: %s", stored.id, error)
        return None


def describe(t: Translator, rule: Rule) -> str:
    """The rule in words (plain text: escape it for a message)."""
    return describe_rule(t, rule, CURRENCY)


async def say(turn: Turn, key: str, **values: Any) -> None:
    """A refusal: the button's alert, or a reply to a typed message."""
    if isinstance(turn.event, Message):
        await turn.event.answer(turn.t(key, **values))
    else:
        turn.toast(key, alert=True, **values)


async def own_rule(turn: Turn, rule_id: int) -> tuple[StoredRule, Rule] | None:
    """The presser's rule ``rule_id`` and what it says; None (and told) when it is not theirs
    (another user's, deleted meanwhile, a forged button) or does not read."""
    stored = await turn.services.alerts.get(turn.user.id, rule_id)
    rule = rule_of(stored) if stored is not None else None
    if stored is None or rule is None:
        await say(turn, "alerts.not_yours")
        return None
    return stored, rule


async def own_tracker(turn: Turn, tracker_id: int) -> Tracker | None:
    tracker = await turn.services.trackers.get(turn.user.id, tracker_id)
    if tracker is None:
        await say(turn, "alerts.tracker_gone")
    return tracker


async def target_refused(turn: Turn, chat_id: int) -> str | None:
    """Why alerts may not go to ``chat_id`` (a text key taking ``chat``), or None: any chat
    but the user's private one needs them to administer it and the bot to be in it."""
    if not needs_check(chat_id, turn.user.id):
        return None
    return await target_problem(turn.bot, chat_id, turn.user.id, texts="alerts")


async def target_words(t: Translator, bot: Bot, chat_id: int, here: int, user_id: int) -> str:
    """``this chat``, ``your private chat`` (seen from a group), a group by its title, or
    ``chat -100…`` when Telegram does not say (plain text)."""
    if chat_id == here:
        return t.plain("alerts.target_here")
    if chat_id == user_id:
        return t.plain("alerts.target_private")
    try:
        chat = await bot.get_chat(chat_id)
    except TelegramAPIError:
        chat = None
    if chat is not None and chat.title:
        return t.plain("alerts.target_group", title=fmt.cut(chat.title, TITLE), chat=chat_id)
    return t.plain("alerts.target_chat", chat=chat_id)


def interval_words(t: Translator, minutes: int) -> str:
    """``2 h``, ``90 min``, ``1 day`` (plain text)."""
    if minutes % 1440 == 0:
        return t.plain("alerts.days", n=minutes // 1440)
    if minutes % 60 == 0:
        return t.plain("alerts.hours", n=minutes // 60)
    return t.plain("alerts.minutes", n=minutes)


def noun_of(rule: Rule) -> str:
    """What a rule's alerts are about: ``campaign``, ``offer``, ``source``, ``country``,
    ``domain``, or ``tracker``."""
    if rule.kind == "cap":
        return "offer"
    if rule.kind == "domain":
        return "domain"
    if rule.kind == "down":
        return "tracker"
    return rule.group


def counted(t: Translator, rule: Rule, n: int) -> str:
    """``3 campaigns``, ``1 offer``... in the user's language (plain text)."""
    return t.plain(f"alerts.n.{noun_of(rule)}", n=n)
