"""What the digest screens share: ``Turn`` (one update: who acts, where, the draft), the
repository, and the words for a schedule and a scope (days, the next delivery, a scope read
from and written as report filters). The target chat's check and words are
``bot.handlers.chat_target``, shared with the live feed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from aiogram.fsm.context import FSMContext

from bot.digests.schedule import EVERY_DAY, WEEKDAYS, next_slot
from bot.handlers.scope_picker import EVERYTHING, Scope
from bot.handlers.turn import Turn as BaseTurn
from bot.i18n import Translator
from storage.digests import DigestRepository

if TYPE_CHECKING:
    from bot.app import Services


def repository(services: Services) -> DigestRepository:
    return DigestRepository(services.db)


@dataclass
class Turn(BaseTurn):
    """One update of the digest screens: a :class:`bot.handlers.turn.Turn` with the draft
    the user is shaping (JSON under the dialog's ``digest`` key)."""

    async def draft(self) -> dict[str, Any]:
        return dict((await self.state.get_data()).get("digest") or {})

    async def save(self, draft: dict[str, Any]) -> None:
        await self.state.update_data(digest=draft)

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


def use_tracker(draft: dict[str, Any], tracker_id: int) -> bool:
    """Set the draft's tracker. A group or campaigns chosen on another tracker mean nothing
    on this one, so the scope goes back to everything; True when that happened."""
    draft["tracker"] = tracker_id
    scope = draft.get("scope") or EVERYTHING
    if scope.get("kind", "all") == "all" or draft.get("scope_tracker") == tracker_id:
        return False
    draft["scope"], draft["scope_tracker"] = dict(EVERYTHING), tracker_id
    return True
