"""Who each bot message in a group chat answered: the owner of that screen.

In a private chat every button belongs to the one person there. In a group, any member can
press a button under someone else's stats or form, and the handler would overwrite that
person's screen (or act for them). The bot records the owner of every message it sends in
reply to someone in a group; a press by anyone else is turned away. Messages the bot sends
on its own (digests) have no owner: their buttons check what they need themselves.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.db import Database

#: screens older than this are forgotten (their buttons are stale by then anyway)
KEEP = timedelta(days=30)


class ScreenRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(self, chat_id: int, message_id: int, owner_id: int, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO chat_screens (chat_id, message_id, owner_id, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING",
            (chat_id, message_id, owner_id, now.isoformat(timespec="seconds")),
        )

    async def owner(self, chat_id: int, message_id: int) -> int | None:
        row = await self._db.fetchone(
            "SELECT owner_id FROM chat_screens WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )
        return int(row["owner_id"]) if row else None

    async def prune(self, now: datetime) -> int:
        cutoff = (now - KEEP).isoformat(timespec="seconds")
        return await self._db.execute("DELETE FROM chat_screens WHERE created_at < ?", (cutoff,))
