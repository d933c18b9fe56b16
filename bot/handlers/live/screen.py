"""The settings screen of one tracker's feed: its state, what it tells and where, and a
button for each setting; a row to switch trackers when the user has several."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.chat_target import target_label
from bot.handlers.live.common import Feed
from bot.handlers.scope_picker import EVERYTHING, scope_label
from bot.handlers.turn import Turn
from bot.i18n import Html, Translator
from bot.live.settings import STANDARD_STATUSES
from bot.ui import format as fmt
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup, menu_button, rows_of
from bot.ui.screens import Screen
from storage import Tracker, User

#: the length of a tracker's name on the switch row
NAME_ON_SWITCH = 24


def status_label(t: Translator, status: str) -> str:
    """A standard status in the user's words; a custom one as the tracker names it."""
    if status in STANDARD_STATUSES:
        return t.plain(f"live.status_{status}")
    return fmt.cut(status, 30)


def statuses_label(t: Translator, chosen: list[str] | None) -> str:
    if chosen is None:
        return t.plain("live.statuses_all")
    return ", ".join(status_label(t, status) for status in chosen)


def revenue_label(t: Translator, amount: float) -> str:
    """The minimum as money: the tracker's currency is not known here, so no symbol."""
    return fmt.number(amount, 2) if amount > 0 else t.plain("live.revenue_none")


def quiet_label(t: Translator, quiet: dict[str, Any] | None, zone: str) -> str:
    if not quiet:
        return t.plain("live.quiet_off")
    return t.plain("live.quiet_hours", start=quiet["from"], end=quiet["to"], zone=zone)


def target_words(t: Translator, chat_id: int, here: int, user_id: int) -> str:
    """``this chat``, ``your private chat`` (seen from a group), or ``chat -100…``."""
    if chat_id != here and chat_id == user_id:
        return t.plain("live.target_private")
    return target_label(t, chat_id, here)


def zone_of(user: User) -> str:
    return user.timezone or "UTC"


def state_line(t: Translator, feed: Feed, user: User) -> str:
    if not feed.enabled:
        return t("live.state_off")
    if feed.blocked:
        return t("live.state_blocked")
    failing = feed.row.failing_since if feed.row is not None else None
    if failing is not None:
        since = fmt.local_time(failing, zone_of(user))
        return t("live.state_failing", tracker=feed.tracker.name, time=since)
    return t("live.state_on")


def summary(t: Translator, feed: Feed, here: int, user: User) -> str:
    """What the feed tells and where, one setting a line."""
    settings = feed.settings
    return t(
        "live.summary",
        statuses=statuses_label(t, settings["statuses"]),
        scope=scope_label(t, settings["scope"] or EVERYTHING),
        revenue=revenue_label(t, float(settings["min_revenue"] or 0)),
        target=target_words(t, feed.chat_id, here, user.id),
        quiet=quiet_label(t, settings["quiet"], zone_of(user)),
        burst=Html(t("live.burst_line", count=int(settings["burst"]))),
    )


def settings_button(t: Translator, tracker_id: int) -> InlineKeyboardButton:
    return button(t.plain("live.b_settings"), LiveCb(op="s", t=tracker_id).pack())


def back_row(t: Translator, tracker_id: int) -> list[InlineKeyboardButton]:
    """Back to the settings screen (a question's way out: it also ends the question)."""
    return [button(t.plain("live.back"), LiveCb(op="s", t=tracker_id).pack())]


def switch_row(feed: Feed, trackers: list[Tracker]) -> list[list[InlineKeyboardButton]]:
    """One button a tracker, the shown one marked: each has its own settings."""
    if len(trackers) < 2:
        return []
    buttons = [
        button(
            ("• " if tracker.id == feed.tracker.id else "") + fmt.cut(tracker.name, NAME_ON_SWITCH),
            LiveCb(op="s", t=tracker.id).pack(),
        )
        for tracker in trackers
    ]
    return rows_of(buttons, 2)


def settings_keyboard(t: Translator, feed: Feed, trackers: list[Tracker]) -> InlineKeyboardMarkup:
    tid = feed.tracker.id

    def key(label: str, op: str, arg: str = "") -> InlineKeyboardButton:
        return button(t.plain(label), LiveCb(op=op, t=tid, arg=arg).pack())

    toggle = key("live.b_off", "e", "0") if feed.running else key("live.b_on", "e", "1")
    return markup(
        [toggle],
        [key("live.b_statuses", "S"), key("live.b_scope", "g")],
        [key("live.b_revenue", "r"), key("live.b_target", "w")],
        [key("live.b_quiet", "q"), key("live.b_burst", "b")],
        [key("live.b_s2s", "i")],
        *switch_row(feed, trackers),
        [menu_button(f"« {t.plain('b.menu')}")],
    )


def settings_screen(
    t: Translator, feed: Feed, trackers: list[Tracker], here: int, user: User, note: str = ""
) -> Screen:
    lines = [
        t("live.title", tracker=feed.tracker.name),
        state_line(t, feed, user),
        "",
        summary(t, feed, here, user),
    ]
    if note:  # what a typed answer changed, above the screen it changed
        lines.insert(0, note)
    return Screen("\n".join(lines), settings_keyboard(t, feed, trackers))


async def show_settings(turn: Turn, feed: Feed, *, note: str = "") -> None:
    """The settings screen in place of the pressed message (or below a typed answer)."""
    trackers = await turn.services.trackers.list(turn.user.id)
    await turn.show(settings_screen(turn.t, feed, trackers, turn.chat, turn.user, note))
