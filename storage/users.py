"""Users: one row per Telegram user, created on first contact."""

from __future__ import annotations

from storage.db import Database, Row, parse_time, utc_now
from storage.memo import MISS
from storage.models import User


def _user(row: Row) -> User:
    return User(
        id=row["id"],
        language=row["language"],
        timezone=row["timezone"],
        active_tracker_id=row["active_tracker_id"],
        created_at=parse_time(row["created_at"]),
        updated_at=parse_time(row["updated_at"]),
    )


def user_key(user_id: int) -> tuple[str, int]:
    """The user's key in the database's memo (trackers forget it too: removing the active
    tracker unsets it)."""
    return ("user", user_id)


class UserRepository:
    """Language, time zone and active tracker of each user.

    Values are stored as given: the bot validates languages and time zones (it knows which
    it supports), storage only keeps them.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, user_id: int) -> User | None:
        """The user; read once, then from memory until this repository changes them."""
        memo, key = self._db.memo, user_key(user_id)
        found = memo.get(key)
        if found is not MISS:
            return found
        generation = memo.generation(key)
        row = await self._db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        user = _user(row) if row else None
        if user is not None:  # an unknown user is about to be created: nothing to keep
            memo.put(key, user, generation)
        return user

    async def ensure(self, user_id: int, language: str | None = None) -> User:
        """Return the user, creating them with `language` if new (an existing choice stays)."""
        # Read first: this runs on every update, and a read costs no write transaction.
        user = await self.get(user_id)
        if user is not None:
            return user
        now = utc_now()
        await self._db.execute(
            "INSERT INTO users (id, language, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (user_id, language, now, now),
        )
        self._db.memo.forget(user_key(user_id))
        user = await self.get(user_id)
        assert user is not None
        return user

    async def set_language(self, user_id: int, language: str | None) -> bool:
        return await self._update(user_id, "language", language)

    async def set_timezone(self, user_id: int, timezone: str | None) -> bool:
        return await self._update(user_id, "timezone", timezone)

    async def set_active_tracker(self, user_id: int, tracker_id: int | None) -> bool:
        """Make `tracker_id` the user's active tracker (None clears it).

        Returns False, changing nothing, when the user is unknown or the tracker is not theirs.
        """
        if tracker_id is None:
            return await self._update(user_id, "active_tracker_id", None)
        changed = await self._db.execute(
            "UPDATE users SET active_tracker_id = ?, updated_at = ? WHERE id = ? AND EXISTS "
            "(SELECT 1 FROM trackers WHERE id = ? AND owner_id = ?)",
            (tracker_id, utc_now(), user_id, tracker_id, user_id),
        )
        self._db.memo.forget(user_key(user_id))
        return changed == 1

    async def _update(self, user_id: int, column: str, value: object) -> bool:
        # `column` is one of this module's literals, never user input.
        changed = await self._db.execute(
            f"UPDATE users SET {column} = ?, updated_at = ? WHERE id = ?",  # noqa: S608
            (value, utc_now(), user_id),
        )
        self._db.memo.forget(user_key(user_id))
        return changed == 1
