"""What the feed tells: the shared scope picker (``bot.handlers.scope_picker``) hosted by the
settings screen. Its buttons are ``LiveCb`` with the tracker in ``t`` (the picker's steps
mapped to ops the notification buttons do not use); the scope is the feed's, saved the
moment it is chosen; the campaigns ticked so far wait in the dialog's data.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery

from bot.handlers import scope_picker as picker
from bot.handlers.live.common import (
    Feed,
    changed,
    feed_of,
    remember,
    remembered,
    say,
    store,
)
from bot.handlers.live.screen import show_settings
from bot.handlers.scope_picker import Picking, Scope, ScopeHost, Step
from bot.handlers.turn import Turn
from bot.ui.callbacks import LiveCb

#: the picker's steps → the ops of its buttons here
STEP_OPS: dict[Step, str] = {"o": "g", "G": "G", "m": "p", "M": "P", "F": "F"}


class LiveScope(ScopeHost):
    title_key = "live.scope_title"
    failed_key = "live.scope_failed"

    def __init__(self, turn: Turn, feed: Feed) -> None:
        super().__init__(turn)
        self.feed = feed

    def data(self, step: Step, *, id: int = 0, arg: str = "") -> str:
        return LiveCb(op=STEP_OPS[step], t=self.feed.tracker.id, id=id, arg=arg).pack()

    async def picking(self) -> Picking:
        kept = await remembered(self.turn)
        tracker_id = self.feed.tracker.id
        picked = list(kept.get("picked") or []) if kept.get("t") == tracker_id else []
        return Picking(tracker_id, self.feed.settings["scope"], picked)

    async def keep_picked(self, picked: list[int]) -> None:
        await remember(self.turn, self.feed.tracker.id, picked=picked)

    async def chosen(self, scope: Scope, tracker_id: int) -> None:
        saved = await store(self.turn, self.feed, settings=changed(self.feed, scope=scope))
        await remember(self.turn, tracker_id)
        if saved is not None:
            await show_settings(self.turn, saved)

    async def back(self) -> None:
        await show_settings(self.turn, self.feed)

    async def gone(self) -> None:
        await say(self.turn, "live.tracker_gone")


async def host(
    query: CallbackQuery, callback_data: LiveCb, data: dict[str, Any]
) -> LiveScope | None:
    """The picker for tracker ``t``, once it is known to be the presser's."""
    turn = Turn.of(query, data)
    feed = await feed_of(turn, callback_data.t)
    return LiveScope(turn, feed) if feed is not None else None


async def on_scope(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    if scope := await host(query, callback_data, data):
        await picker.open_scope(scope, callback_data.arg, callback_data.id)


async def on_group(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    if scope := await host(query, callback_data, data):
        await picker.choose_group(scope, callback_data.id)


async def on_campaign_page(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    if scope := await host(query, callback_data, data):
        await picker.campaign_page(scope, callback_data.id)


async def on_campaign_toggle(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    if scope := await host(query, callback_data, data):
        await picker.toggle_campaign(scope, callback_data.id, callback_data.arg)


async def on_campaigns_done(query: CallbackQuery, callback_data: LiveCb, **data: Any) -> None:
    if scope := await host(query, callback_data, data):
        await picker.campaigns_done(scope)
