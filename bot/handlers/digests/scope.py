"""The digest card's scope button: the shared picker (``bot.handlers.scope_picker``) hosted
by the digest dialog. Its buttons are ``DigestCb`` with the picker's own step letters as ops;
the scope and the ticked campaigns live in the dialog's draft; every choice goes back to the
card, and a button of a finished dialog shows the list.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery

from bot.handlers import scope_picker as picker
from bot.handlers.digests.common import Turn
from bot.handlers.digests.dialog import show_card
from bot.handlers.digests.listing import show_list
from bot.handlers.scope_picker import EVERYTHING, Picking, Scope, ScopeHost, Step
from bot.ui.callbacks import DigestCb


class DigestScope(ScopeHost):
    turn: Turn

    def data(self, step: Step, *, id: int = 0, arg: str = "") -> str:
        return DigestCb(op=step, id=id, arg=arg).pack()

    async def picking(self) -> Picking | None:
        draft = await self.turn.draft()
        if not draft:  # a button of a finished or lost dialog
            await show_list(self.turn)
            return None
        tracker = int(draft.get("tracker") or 0)
        return Picking(tracker, draft.get("scope") or dict(EVERYTHING), draft.get("picked") or [])

    async def keep_picked(self, picked: list[int]) -> None:
        draft = await self.turn.draft()
        draft["picked"] = picked
        await self.turn.save(draft)

    async def chosen(self, scope: Scope, tracker_id: int) -> None:
        draft = await self.turn.draft()
        draft["scope"], draft["scope_tracker"] = scope, tracker_id
        draft.pop("picked", None)
        await self.turn.save(draft)
        await show_card(self.turn)

    async def back(self) -> None:
        await show_card(self.turn)


def host(query: CallbackQuery, data: dict[str, Any]) -> DigestScope:
    return DigestScope(Turn.of(query, data))


async def on_scope(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await picker.open_scope(host(query, data), callback_data.arg, callback_data.id)


async def on_group(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await picker.choose_group(host(query, data), callback_data.id)


async def on_campaign_page(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await picker.campaign_page(host(query, data), callback_data.id)


async def on_campaign_toggle(query: CallbackQuery, callback_data: DigestCb, **data: Any) -> None:
    await picker.toggle_campaign(host(query, data), callback_data.id, callback_data.arg)


async def on_campaigns_done(query: CallbackQuery, **data: Any) -> None:
    await picker.campaigns_done(host(query, data))
