"""Everything the bot must keep across restarts: one SQLite file, or PostgreSQL.

Users, trackers (keys encrypted, see `storage.crypto`), digests, alerts and FSM state.
This package knows nothing of Telegram or HTTP; the only aiogram import is in `storage.fsm`
(the FSM storage itself), loaded on first use of `DatabaseStorage` so that ``import storage``
stays free of aiogram.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storage.crypto import Cipher, generate_key, key_file_path, load_master_key
from storage.db import Database
from storage.digests import DigestRepository
from storage.errors import (
    CipherError,
    ConstraintError,
    MasterKeyError,
    MigrationError,
    StorageError,
    TrackerNameTaken,
)
from storage.models import Credentials, Digest, Secret, Tracker, User
from storage.screens import ScreenRepository
from storage.trackers import TrackerRepository
from storage.users import UserRepository
from storage.writes import Write, WriteRepository

if TYPE_CHECKING:
    from storage.fsm import DatabaseStorage

__all__ = [
    "Cipher",
    "CipherError",
    "ConstraintError",
    "Credentials",
    "Database",
    "DatabaseStorage",
    "Digest",
    "DigestRepository",
    "MasterKeyError",
    "MigrationError",
    "ScreenRepository",
    "Secret",
    "StorageError",
    "Tracker",
    "TrackerNameTaken",
    "TrackerRepository",
    "User",
    "UserRepository",
    "Write",
    "WriteRepository",
    "generate_key",
    "key_file_path",
    "load_master_key",
]


def __getattr__(name: str) -> Any:
    if name == "DatabaseStorage":
        from storage.fsm import DatabaseStorage

        return DatabaseStorage
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
