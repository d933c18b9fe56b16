"""What the digest screens share: ``Turn`` (one update: who acts, where, the draft), the
repository, and the words for a schedule and a scope (days, the next delivery, the target
chat, a scope read from and written as report filters).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.digests.schedule import EVERY_DAY, WEEKDAYS, next_slot
from bot.i18n import Translator
from bot.ui.format import cut
from bot.ui.screens import Screen, fit, present
from storage import User
from storage.digests import DigestRepository

if TYPE_CHECKING:
    from bot.app import Services

Event = Message | CallbackQuery
Scope = dict[str, Any]
Row = dict[str, Any]

#: the scope of a digest that counts the whole tracker
EVERYTHING: Scope = {"kind": "all"}
#: the length of a group or campaign name on a button
NAME_ON_BUTTON = 40


def repository(services: Services) -> DigestRepository:
    return DigestRepository(services.db)


def chat_of(event: Event) -> int:
    if isinstance(event, CallbackQuery):
        return event.message.chat.id if event.message else event.from_user.id
    return event.chat.id


@dataclass
class Turn:
    """One update of the digest screens: who acts, where, and the draft they are shaping.

    Built from the handler's data (``Turn.of``) so each handler takes the event, its
    callback data and ``**data`` instead of the same seven arguments.
    """

    event: Event
    t: Translator
    user: User
    services: Services
    state: FSMContext
    bot: Bot
    answer: CallbackAnswer | None = None

    @classmethod
    def of(cls, event: Event, data: dict[str, Any]) -> Turn:
        return cls(
            event, data["t"], data["user"], data["services"], data["state"], data["bot"],
            data.get("callback_answer"),
        )  # fmt: skip

    @property
    def chat(self) -> int:
        return chat_of(self.event)

    def toast(self, key: str, /, *, alert: bool = False, **values: Any) -> None:
        """The button's answer (a toast, or an alert the user must close)."""
        if self.answer is not None:
            self.answer.text = self.t.plain(key, **values)
            if alert:
                self.answer.show_alert = True

    async def draft(self) -> dict[str, Any]:
        return dict((await self.state.get_data()).get("digest") or {})

    async def save(self, draft: dict[str, Any]) -> None:
        await self.state.update_data(digest=draft)

    async def show(self, screen: Screen) -> Message | None:
        return await present(self.event, screen)

    async def post(self, screen: Screen) -> Message:
        """A new message in the chat, leaving the pressed one (a delivered digest) as it is."""
        screen = fit(screen)
        message = self.event.message if isinstance(self.event, CallbackQuery) else self.event
        if isinstance(message, Message):
            return await message.answer(screen.text, reply_markup=screen.keyboard)
        return await self.bot.send_message(self.chat, screen.text, reply_markup=screen.keyboard)

    def asked(self, message: Message | None, purpose: str) -> None:
        """``message`` asks a destructive question (``bot.services.confirm``)."""
        self.services.confirmations.issue(self.chat, self.user.id, message, purpose)

    def confirmed(self, purpose: str) -> bool:
        """This press answers ``purpose`` from its own screen, in time (once)."""
        message = self.event.message if isinstance(self.event, CallbackQuery) else None
        message_id = message.message_id if message is not None else None
        if self.services.confirmations.redeem(self.chat, self.user.id, message_id, purpose):
            return True
        self.toast("confirm.again_short")
        return False

    def pause_store(self) -> FSMContext:
        """The "pause these?" lists beside the dialogs, not inside: a dialog's Cancel or Save
        clears its own data and must not forget a question still on the screen."""
        key = replace(self.state.key, destiny="digest_pause")
        return FSMContext(storage=self.state.storage, key=key)


def days_label(t: Translator, days: list[int] | tuple[int, ...]) -> str:
    chosen = tuple(sorted(days)) or EVERY_DAY
    if chosen == EVERY_DAY:
        return t.plain("digest.every_day")
    if chosen == WEEKDAYS:
        return t.plain("digest.weekdays_only")
    names = t.plain("digest.weekdays").split()
    return ", ".join(names[day] for day in chosen)


def when_label(t: Translator, schedule: dict[str, Any], timezone: str, services: Services) -> str:
    slot = next_slot(schedule, timezone, services.clock())
    names, months = t.plain("digest.weekdays").split(), t.plain("digest.months").split()
    local = slot.local
    return f"{names[local.weekday()]} {local.day} {months[local.month - 1]} {local:%H:%M}"


def target_label(t: Translator, chat_id: int, here: int | None) -> str:
    if chat_id == here:
        return t.plain("digest.target_here")
    return t.plain("digest.target_chat", chat=chat_id)


def scope_filters(scope: Scope) -> list[dict[str, Any]]:
    """The scope as Keitaro report filters (what ``spec["filters"]`` holds)."""
    if scope.get("kind") == "group":
        return [{"name": "campaign_group_id", "operator": "EQUALS", "expression": scope["id"]}]
    if scope.get("kind") == "campaigns":
        ids = [int(cid) for cid in scope.get("ids") or []]
        return [{"name": "campaign_id", "operator": "IN_LIST", "expression": ids}]
    if scope.get("kind") == "custom":
        return list(scope.get("filters") or [])
    return []


def scope_of_spec(spec: dict[str, Any]) -> Scope:
    """A saved digest's scope, read back from its filters, so editing it keeps the scope."""
    filters = [f for f in spec.get("filters") or [] if isinstance(f, dict)]
    label = str(spec.get("scope") or "")
    if not filters:
        return dict(EVERYTHING)
    first = filters[0]
    if len(filters) == 1 and first.get("name") == "campaign_group_id":
        return {"kind": "group", "id": int(first.get("expression") or 0), "label": label}
    if len(filters) == 1 and first.get("name") == "campaign_id":
        expression = first.get("expression")
        ids = expression if isinstance(expression, list) else [expression]
        return {"kind": "campaigns", "ids": [int(cid) for cid in ids], "label": label}
    return {"kind": "custom", "filters": filters, "label": label}


def scope_label(t: Translator, scope: Scope) -> str:
    if scope.get("kind", "all") == "all":
        return t.plain("digest.scope_all")
    return str(scope.get("label") or "?")


def campaigns_label(t: Translator, chosen: list[Row]) -> str:
    """The one campaign's name, or "3 campaigns"."""
    if len(chosen) == 1:
        return cut(str(chosen[0].get("name") or f"#{chosen[0]['id']}"), NAME_ON_BUTTON)
    return t.plain("digest.scope_count", count=len(chosen))


def use_tracker(draft: dict[str, Any], tracker_id: int) -> bool:
    """Set the draft's tracker. A group or campaigns chosen on another tracker mean nothing
    on this one, so the scope goes back to everything; True when that happened."""
    draft["tracker"] = tracker_id
    scope = draft.get("scope") or EVERYTHING
    if scope.get("kind", "all") == "all" or draft.get("scope_tracker") == tracker_id:
        return False
    draft["scope"], draft["scope_tracker"] = dict(EVERYTHING), tracker_id
    return True
