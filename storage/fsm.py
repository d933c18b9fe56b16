"""aiogram FSM state on SQLite, so a dialog half-way through survives a restart.

This is the one module of `storage` that imports aiogram: it exists to implement aiogram's
`BaseStorage`. It shares the application's `Database` and never closes it.

Data goes through `json.dumps`, exactly as it would with `RedisStorage` (the configured
alternative for several processes): a value that is not JSON (a model, a datetime, a set)
raises `TypeError` at `set_data` time in tests instead of surfacing after a restart.
"""

from __future__ import annotations

import json
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


class SQLiteStorage(BaseStorage):
    def __init__(self, db: Database) -> None:
        self._db = db

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        if value is None:
            await self._clear(storage_key(key), column="state")
            return
        await self._db.execute(
            "INSERT INTO fsm_states (key, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at",
            (storage_key(key), value, utc_now()),
        )

    async def get_state(self, key: StorageKey) -> str | None:
        row = await self._db.fetchone(
            "SELECT state FROM fsm_states WHERE key = ?", (storage_key(key),)
        )
        return row["state"] if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(
                f"Data must be a dict or dict-like object, got {type(data).__name__}"
            )
        text = json.dumps(data, ensure_ascii=False)  # TypeError for a non-JSON value
        if text == EMPTY:
            await self._clear(storage_key(key), column="data")
            return
        await self._db.execute(
            "INSERT INTO fsm_states (key, data, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at",
            (storage_key(key), text, utc_now()),
        )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = await self._db.fetchone(
            "SELECT data FROM fsm_states WHERE key = ?", (storage_key(key),)
        )
        return json.loads(row["data"]) if row else {}

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
