"""aiogram FSM state in the database (SQLite or PostgreSQL): a dialog survives a restart.

This is the one module of `storage` that imports aiogram: it exists to implement aiogram's
`BaseStorage`. It shares the application's `Database` and never closes it.

Data goes through `json.dumps`, exactly as it would with `RedisStorage` (the configured
alternative for several processes): a value that is not JSON (a model, a datetime, a set)
raises `TypeError` at `set_data` time in tests instead of surfacing after a restart.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey

from storage.db import Database, utc_now

EMPTY = "{}"


def storage_key(key: StorageKey) -> str:
    """One text key for all StorageKey fields; JSON keeps it unambiguous whatever they hold."""
    return json.dumps(
        [
            key.bot_id,
            key.chat_id,
            key.user_id,
            key.thread_id,
            key.business_connection_id,
            key.destiny,
        ],
        separators=(",", ":"),
    )


class DatabaseStorage(BaseStorage):
    """Writes go to the database at once; reads come from a write-through memory of recent
    keys.

    aiogram reads the state of every update; on SQLite this storage serves one process, so
    what it wrote is what the file holds and a read needs no query. A new process starts with
    an empty memory and reads the file. On a database several processes share, another one
    may move the dialog on at any time: nothing is remembered there, every read is a query
    (Redis is the faster choice for several processes; this is the one without it).
    """

    def __init__(self, db: Database, *, remember: int = 10_000) -> None:
        self._db = db
        self._remember = 0 if db.shared else remember
        #: text key → (state, data as JSON text)
        self._memory: OrderedDict[str, tuple[str | None, str]] = OrderedDict()

    async def _row(self, text_key: str) -> tuple[str | None, str]:
        found = self._memory.get(text_key)
        if found is None:
            row = await self._db.fetchone(
                "SELECT state, data FROM fsm_states WHERE key = ?", (text_key,)
            )
            found = (row["state"], row["data"]) if row else (None, EMPTY)
            self._keep(text_key, found)
        else:
            self._memory.move_to_end(text_key)
        return found

    def _keep(self, text_key: str, value: tuple[str | None, str]) -> None:
        self._memory[text_key] = value
        self._memory.move_to_end(text_key)
        while len(self._memory) > self._remember:
            self._memory.popitem(last=False)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        text_key = storage_key(key)
        _, data = await self._row(text_key)
        self._memory.pop(text_key, None)  # forget first: a failed write must not be remembered
        if value is None:
            await self._clear(text_key, column="state")
            self._keep(text_key, (None, data))
            return
        await self._db.execute(
            "INSERT INTO fsm_states (key, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at",
            (text_key, value, utc_now()),
        )
        self._keep(text_key, (value, data))

    async def get_state(self, key: StorageKey) -> str | None:
        state, _ = await self._row(storage_key(key))
        return state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(
                f"Data must be a dict or dict-like object, got {type(data).__name__}"
            )
        text = json.dumps(data, ensure_ascii=False)  # TypeError for a non-JSON value
        text_key = storage_key(key)
        state, _ = await self._row(text_key)
        self._memory.pop(text_key, None)
        if text == EMPTY:
            await self._clear(text_key, column="data")
            self._keep(text_key, (state, EMPTY))
            return
        await self._db.execute(
            "INSERT INTO fsm_states (key, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (text_key, text, utc_now()),
        )
        self._keep(text_key, (state, text))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        _, text = await self._row(storage_key(key))
        return json.loads(text)  # a fresh copy: callers may change what they get

    async def close(self) -> None:
        """Nothing to release: the Database belongs to the application, which closes it."""

    async def _clear(self, text_key: str, *, column: str) -> None:
        """Reset one column; drop the row once both state and data are empty."""
        # `column` is "state" or "data" from this module, never user input.
        value = "NULL" if column == "state" else f"'{EMPTY}'"
        async with self._db.transaction() as tx:
            await tx.execute(
                f"UPDATE fsm_states SET {column} = {value}, updated_at = ? WHERE key = ?",  # noqa: S608
                (utc_now(), text_key),
            )
            await tx.execute(
                "DELETE FROM fsm_states WHERE key = ? AND state IS NULL AND data = ?",
                (text_key, EMPTY),
            )
