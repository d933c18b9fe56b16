"""``/cancel`` and the menu answer at once, even while the user's last request still waits.

aiogram handles one update per user and chat at a time (the FSM's event isolation holds a lock
for the whole handler), so a tracker that takes 45 s to answer made ``/cancel`` wait 45 s too.
This middleware, placed in front of the FSM middleware, lets the few updates that mean "stop"
or "take me out" (``/cancel``, ``/menu``, ``/start``, ``/help``, the Cancel and Menu buttons)
skip that lock, and makes ``/cancel`` and Cancel also cancel the user's updates in flight.

Cancelling a write is safe: every write is in the journal before it is sent
(:mod:`bot.services.writes`), so a cancelled one is checked with the tracker before it is
ever sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from aiogram.types import TelegramObject, Update, User

from bot.middlewares.groups import parse_command
from bot.ui.callbacks import CancelCb, MenuCb

#: commands that never wait for the user's previous update
INTERRUPTING_COMMANDS = frozenset({"cancel", "menu", "start", "help"})
#: of those, the ones that also stop what is in flight
STOPPING_COMMANDS = frozenset({"cancel"})
_CANCEL_PREFIX = f"{CancelCb.__prefix__}{CancelCb.__separator__}"
_MENU_PREFIX = f"{MenuCb.__prefix__}{MenuCb.__separator__}"

#: set while an interrupting update is handled: the isolation lets it through unlocked
_unlocked: ContextVar[bool] = ContextVar("interrupt_unlocked", default=False)


def kind_of(update: Update) -> str | None:
    """``"stop"``, ``"pass"`` (skips the queue, stops nothing) or None (an ordinary update)."""
    if update.message is not None:
        command = parse_command(update.message.text or "")
        if command is None or command.name not in INTERRUPTING_COMMANDS:
            return None
        return "stop" if command.name in STOPPING_COMMANDS else "pass"
    if update.callback_query is not None:
        data = update.callback_query.data or ""
        if data.startswith(_CANCEL_PREFIX) or data == CancelCb.__prefix__:
            return "stop"
        if data.startswith(_MENU_PREFIX):
            return "pass"
    return None


class InterruptibleIsolation(BaseEventIsolation):
    """Another isolation (aiogram's in-memory one by default), skipped for interrupts."""

    def __init__(self, inner: BaseEventIsolation) -> None:
        self.inner = inner

    @contextlib.asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        if _unlocked.get():
            yield
            return
        async with self.inner.lock(key):
            yield

    async def close(self) -> None:
        await self.inner.close()


class InterruptMiddleware(BaseMiddleware):
    """Update outer middleware: tracks each user's updates in flight, lets interrupts past."""

    def __init__(self) -> None:
        self._in_flight: defaultdict[int, set[asyncio.Task[Any]]] = defaultdict(set)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        kind = kind_of(event) if isinstance(event, Update) else None
        if user is None:
            return await handler(event, data)
        if kind is None:
            return await self._tracked(user.id, handler, event, data)
        if kind == "stop":
            data["stopped"] = self.stop(user.id)
        token = _unlocked.set(True)
        try:
            return await handler(event, data)
        finally:
            _unlocked.reset(token)

    def stop(self, user_id: int) -> int:
        """Cancel the user's updates in flight; how many were."""
        current = asyncio.current_task()
        tasks = [task for task in self._in_flight.get(user_id, ()) if task is not current]
        for task in tasks:
            task.cancel()
        return len(tasks)

    async def _tracked(
        self,
        user_id: int,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        task = asyncio.current_task()
        if task is None:
            return await handler(event, data)
        tasks = self._in_flight[user_id]
        tasks.add(task)
        try:
            return await handler(event, data)
        finally:
            tasks.discard(task)
            if not tasks:
                self._in_flight.pop(user_id, None)


def install_interrupts(dp: Dispatcher) -> InterruptMiddleware:
    """Put :class:`InterruptMiddleware` in front of the FSM middleware (which takes the lock)
    and make the dispatcher's isolation interruptible."""
    fsm = dp.fsm
    fsm.events_isolation = InterruptibleIsolation(fsm.events_isolation)
    interrupts = InterruptMiddleware()
    dp.update.outer_middleware.unregister(fsm)
    dp.update.outer_middleware(interrupts)
    dp.update.outer_middleware(fsm)
    return interrupts
