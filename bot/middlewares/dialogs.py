"""A command leaves the dialog the user was in, so later text never lands in a stale dialog.

Without this, ``/menu`` in the middle of renaming a tracker left the rename waiting, and the
next ordinary message renamed it. ``/conversion`` is the exception: it offers to continue an
unfinished conversion, so it keeps its own draft; ``/cancel`` says what it cancelled.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, TelegramObject

#: commands that manage the dialog they belong to themselves
KEEPS_DIALOG = frozenset({"conversion", "cancel"})


def command_of(text: str | None) -> str | None:
    """``/menu@bot args`` → ``menu``; None when the text is not a command."""
    if not text or not text.startswith("/") or len(text) < 2:
        return None
    return text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower()


class DialogExitMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        state: FSMContext | None = data.get("state")
        if isinstance(event, Message) and state is not None:
            command = command_of(event.text)
            if command and command not in KEEPS_DIALOG and data.get("raw_state") is not None:
                await state.set_state(None)
                data["raw_state"] = None
        return await handler(event, data)
