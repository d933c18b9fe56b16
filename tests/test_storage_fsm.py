"""FSM state in the database (SQLite or PostgreSQL): a dialog half-way through survives a
restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest
from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from storage import Database, DatabaseStorage

KEY = StorageKey(bot_id=42, chat_id=1001, user_id=1001)


class Connect(StatesGroup):
    url = State()
    api_key = State()


@pytest.fixture
def db_path(db_target: str) -> str:
    """A SQLite file or a fresh PostgreSQL database: every test runs on both."""
    return db_target


@pytest.fixture
async def storage(db_path: str) -> AsyncIterator[DatabaseStorage]:
    db = await Database.open(db_path)
    yield DatabaseStorage(db)
    await db.close()


async def test_state_and_data_survive_a_restart(db_path: str) -> None:
    db = await Database.open(db_path)
    context = FSMContext(storage=DatabaseStorage(db), key=KEY)
    await context.set_state(Connect.api_key)
    await context.update_data(url="https://t.example.com", attempts=2, flags=["a", "б"])
    await context.storage.close()
    await db.close()

    async with await Database.open(db_path) as reopened:
        context = FSMContext(storage=DatabaseStorage(reopened), key=KEY)
        assert await context.get_state() == Connect.api_key.state
        assert await context.get_data() == {
            "url": "https://t.example.com",
            "attempts": 2,
            "flags": ["a", "б"],
        }
        assert await context.get_value("attempts") == 2


async def test_close_leaves_the_shared_database_open(db_path: str) -> None:
    async with await Database.open(db_path) as db:
        storage = DatabaseStorage(db)
        await storage.close()
        await storage.set_state(KEY, "still:works")
        assert await storage.get_state(KEY) == "still:works"


async def test_non_serialisable_data_raises(storage: DatabaseStorage) -> None:
    await storage.set_data(KEY, {"kept": 1})
    for bad in ({"when": datetime.now()}, {"ids": {1, 2}}, {"obj": object()}):
        with pytest.raises(TypeError):
            await storage.set_data(KEY, bad)
        with pytest.raises(TypeError):
            await storage.update_data(KEY, bad)
    assert await storage.get_data(KEY) == {"kept": 1}
    with pytest.raises(DataNotDictLikeError):
        await storage.set_data(KEY, [("a", 1)])  # type: ignore[arg-type]


async def test_defaults_and_clearing(storage: DatabaseStorage, db_path: str) -> None:
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}
    context = FSMContext(storage=storage, key=KEY)
    await context.set_state(Connect.url)
    await context.set_data({"step": 1})
    await context.set_state(None)
    assert await context.get_data() == {"step": 1}
    await context.set_state("Connect:url")
    await context.clear()
    assert await context.get_state() is None and await context.get_data() == {}
    rows = await storage._db.fetchone("SELECT COUNT(*) FROM fsm_states")
    assert rows is not None and rows[0] == 0  # cleared dialogs leave no rows behind


async def test_data_is_a_copy(storage: DatabaseStorage) -> None:
    await storage.set_data(KEY, {"items": [1]})
    data = await storage.get_data(KEY)
    data["items"].append(2)
    assert await storage.get_data(KEY) == {"items": [1]}


@pytest.mark.parametrize(
    "other",
    [
        StorageKey(bot_id=43, chat_id=1001, user_id=1001),
        StorageKey(bot_id=42, chat_id=-500, user_id=1001),
        StorageKey(bot_id=42, chat_id=1001, user_id=2002),
        StorageKey(bot_id=42, chat_id=1001, user_id=1001, thread_id=7),
        StorageKey(bot_id=42, chat_id=1001, user_id=1001, business_connection_id="b:1"),
        StorageKey(bot_id=42, chat_id=1001, user_id=1001, destiny="aiogd:stack"),
    ],
)
async def test_every_key_field_separates_dialogs(
    storage: DatabaseStorage, other: StorageKey
) -> None:
    await storage.set_state(KEY, Connect.url)
    await storage.set_data(KEY, {"mine": True})
    assert await storage.get_state(other) is None
    assert await storage.get_data(other) == {}
    await storage.set_state(other, Connect.api_key)
    assert await storage.get_state(KEY) == Connect.url.state
