"""The dialogs' states. Their data is JSON only, so it survives a restart in SQLite."""

from aiogram.fsm.state import State, StatesGroup


class Connect(StatesGroup):
    url = State()
    api_key = State()


class TrackerEdit(StatesGroup):
    rename = State()
    postback = State()


class Search(StatesGroup):
    query = State()
