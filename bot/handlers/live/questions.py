"""A setting asked as a typed value (minimum revenue, quiet hours, burst, another chat): the
question screen (with its buttons, which answer it too), the typed answer checked, and
either the setting saved with the settings screen below it, or why not with the question
again. Nothing is saved until the value is valid.
"""

from __future__ import annotations

from typing import Any

from aiogram.fsm.state import State
from aiogram.types import Message

from bot.handlers.live.common import Feed, feed_of, remember, remembered
from bot.handlers.live.screen import show_settings
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.screens import Screen


async def ask(turn: Turn, feed: Feed, state: State, screen: Screen) -> None:
    """Show the question and wait for its typed answer (for this tracker)."""
    await turn.state.set_state(state)
    await remember(turn, feed.tracker.id)
    await turn.show(screen)


async def answered(message: Message, data: dict[str, Any]) -> tuple[Turn, Feed] | None:
    """The turn and the feed a typed answer is for; None (and said) when its tracker is no
    longer the user's, and the question ends."""
    turn = Turn.of(message, data)
    kept = await remembered(turn)
    feed = await feed_of(turn, int(kept.get("t") or 0))
    if feed is None:
        await turn.state.set_state(None)
        return None
    return turn, feed


async def again(turn: Turn, refusal: str, question: Screen) -> None:
    """Why the answer does not fit, and the question once more (still waiting)."""
    await turn.show(Screen(f"{refusal}\n\n{question.text}", question.keyboard))


async def settled(turn: Turn, feed: Feed) -> None:
    """The answer is saved: the question ends and the settings screen shows the change."""
    await turn.state.set_state(None)
    note = turn.t("live.saved") if isinstance(turn.event, Message) else ""
    await show_settings(turn, feed, note=note)


async def on_not_text(message: Message, t: Translator) -> None:
    """A sticker or a photo where a typed value is wanted: the question keeps waiting."""
    await message.answer(t("live.type_it"))
