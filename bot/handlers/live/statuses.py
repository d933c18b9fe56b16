"""Which statuses the feed tells: lead, sale, rejected and the tracker's own ones as its log
has shown them, each on or off, or all of them (the ones the tracker adds later too). At
least one stays chosen. Each tap is saved at once and the list stays on the screen.
"""

from __future__ import annotations

import re
from typing import Any

from aiogram.types import CallbackQuery

from bot.handlers.live.common import Feed, changed, feed_of, store
from bot.handlers.live.screen import back_row, status_label
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.live.settings import available_statuses
from bot.ui.callbacks import LiveCb
from bot.ui.keyboards import button, markup, rows_of
from bot.ui.screens import Screen

#: a status a button can carry: the tracker's code, short, without the data's separator
BUTTON_STATUS = re.compile(r"^[\w.\-]{1,24}$")


def statuses_of(feed: Feed) -> list[str]:
    """The statuses offered: the tracker's, then ones chosen earlier it has not shown since."""
    offered = available_statuses(feed.row.seen_statuses if feed.row else [])
    chosen = feed.settings["statuses"] or []
    offered += [status for status in chosen if status not in offered]
    return [status for status in offered if BUTTON_STATUS.match(status)]


def statuses_screen(t: Translator, feed: Feed) -> Screen:
    tid, chosen = feed.tracker.id, feed.settings["statuses"]
    every = chosen is None
    toggles = [
        button(
            ("✅ " if every or status in chosen else "▫️ ") + status_label(t, status),
            LiveCb(op="x", t=tid, arg=status).pack(),
        )
        for status in statuses_of(feed)
    ]
    everything = button(
        ("✅ " if every else "▫️ ") + t.plain("live.statuses_all_button"),
        LiveCb(op="A", t=tid).pack(),
    )
    text = t("live.statuses_title", tracker=feed.tracker.name)
    return Screen(text, markup([everything], *rows_of(toggles, 2), back_row(t, tid)))


async def on_statuses(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is not None:
        await turn.show(statuses_screen(turn.t, feed))


async def on_all(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    """Every status, the ones the tracker adds later included."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    saved = await store(turn, feed, settings=changed(feed, statuses=None))
    if saved is not None:
        await turn.show(statuses_screen(turn.t, saved))


async def on_toggle(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    if feed is None:
        return
    offered, status = statuses_of(feed), callback_data.arg
    if status not in offered:  # forged, or from a list the tracker no longer has
        turn.toast("live.status_unknown")
        await turn.show(statuses_screen(turn.t, feed))
        return
    chosen = feed.settings["statuses"]
    now = set(offered if chosen is None else chosen) ^ {status}
    if not now:
        turn.toast("live.statuses_one", alert=True)
        return
    ordered = [item for item in offered if item in now]
    saved = await store(turn, feed, settings=changed(feed, statuses=ordered))
    if saved is not None:
        await turn.show(statuses_screen(turn.t, saved))
