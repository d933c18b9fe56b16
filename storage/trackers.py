"""Trackers: each user's Keitaro panels, with their keys encrypted.

Every query carries ``WHERE owner_id = ?``: a tracker id comes from callback data or typed
text, i.e. from the client, so an id alone never reaches another user's row.
"""

from __future__ import annotations

import hashlib

from storage.crypto import Cipher
from storage.db import Database, Row, Session, parse_time, utc_now
from storage.errors import TrackerNameTaken
from storage.memo import MISS
from storage.models import Credentials, Secret, Tracker, hint
from storage.users import user_key

API_KEY = "api_key"
#: an S2S address's token: 32 of the 43 characters of `Cipher.token` (192 bits)
S2S_TOKEN_LENGTH = 32
POSTBACK_KEY = "postback_key"
MAX_NAME_LENGTH = 64

# The encrypted columns are left out on purpose: listing trackers never loads a key.
_COLUMNS = (
    "SELECT id, owner_id, name, url, api_key_hint, "
    "postback_key_enc IS NOT NULL AS has_postback_key, created_at, report_dialect FROM trackers"
)
_SELECT_ONE = f"{_COLUMNS} WHERE id = ? AND owner_id = ?"
_SELECT_ALL = f"{_COLUMNS} WHERE owner_id = ? ORDER BY id"
_SELECT_BY_S2S = f"{_COLUMNS} WHERE s2s_hash = ?"


def _tracker(row: Row) -> Tracker:
    return Tracker(
        id=row["id"],
        owner_id=row["owner_id"],
        name=row["name"],
        url=row["url"],
        api_key_hint=row["api_key_hint"],
        has_postback_key=bool(row["has_postback_key"]),
        created_at=parse_time(row["created_at"]),
        report_dialect=row["report_dialect"],
    )


def clean_name(name: str) -> str:
    """Collapse whitespace; refuse an empty name; cut to `MAX_NAME_LENGTH` characters."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("a tracker name cannot be empty")
    return cleaned[:MAX_NAME_LENGTH]


def free_name(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted (2)`, `wanted (3)`... whichever is not in `taken` (casefolded)."""
    if wanted.casefold() not in taken:
        return wanted
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = wanted[: MAX_NAME_LENGTH - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def tracker_key(tracker_id: int) -> tuple[str, int]:
    return ("tracker", tracker_id)


class TrackerRepository:
    def __init__(self, db: Database, cipher: Cipher) -> None:
        self._db = db
        self._cipher = cipher

    async def add(
        self,
        owner_id: int,
        name: str,
        url: str,
        api_key: str,
        postback_key: str | None = None,
        report_dialect: str | None = None,
    ) -> Tracker:
        """Save a tracker; a name the owner already uses gets `` (2)``, `` (3)``...

        Creates the owner's user row if it does not exist yet. ``report_dialect``: the one
        the tracker was found to speak, None when not known yet.
        """
        if not url.strip():
            raise ValueError("a tracker URL cannot be empty")
        if not api_key:
            raise ValueError("an API key cannot be empty")
        wanted = clean_name(name)
        api_key_enc = self._cipher.encrypt(api_key, owner_id=owner_id, purpose=API_KEY)
        postback_enc = self._encrypt_postback(owner_id, postback_key)
        now = utc_now()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (id, created_at, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (owner_id, now, now),
            )
            final = free_name(wanted, await _names(tx, owner_id))
            tracker_id = await tx.insert(
                "INSERT INTO trackers (owner_id, name, url, api_key_enc, api_key_hint, "
                "postback_key_enc, report_dialect, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    owner_id,
                    final,
                    url.strip(),
                    api_key_enc,
                    hint(api_key),
                    postback_enc,
                    report_dialect,
                    now,
                    now,
                ),
            )
            row = await tx.fetchone(
                _SELECT_ONE,
                (tracker_id, owner_id),
            )
        assert row is not None
        self._forget(owner_id, tracker_id)  # the owner's row may be new
        return _tracker(row)

    async def list(self, owner_id: int) -> list[Tracker]:
        rows = await self._db.fetchall(_SELECT_ALL, (owner_id,))
        return [_tracker(row) for row in rows]

    async def get(self, owner_id: int, tracker_id: int) -> Tracker | None:
        """The owner's tracker; read once, then from memory until this repository changes it."""
        memo, key = self._db.memo, tracker_key(tracker_id)
        found = memo.get(key)
        if found is not MISS:
            return found if found is not None and found.owner_id == owner_id else None
        generation = memo.generation(key)
        row = await self._db.fetchone(_SELECT_ONE, (tracker_id, owner_id))
        tracker = _tracker(row) if row else None
        if tracker is not None:
            memo.put(key, tracker, generation)
        return tracker

    def _forget(self, owner_id: int, tracker_id: int) -> None:
        """After a change: the tracker, and its owner (whose active tracker a removal unsets)."""
        self._db.memo.forget(tracker_key(tracker_id), user_key(owner_id))

    async def count(self, owner_id: int) -> int:
        row = await self._db.fetchone(
            "SELECT COUNT(*) FROM trackers WHERE owner_id = ?", (owner_id,)
        )
        return int(row[0]) if row else 0

    async def rename(self, owner_id: int, tracker_id: int, name: str) -> bool:
        """Rename; False if the tracker is not the owner's. Raises `TrackerNameTaken`."""
        new_name = clean_name(name)
        async with self._db.transaction() as tx:
            clash = await tx.fetchone(
                "SELECT id FROM trackers WHERE owner_id = ? AND name = ? AND id != ?",
                (owner_id, new_name, tracker_id),
            )
            if clash is not None:
                raise TrackerNameTaken(f"another tracker is already named {new_name!r}")
            changed = await tx.execute(
                "UPDATE trackers SET name = ?, updated_at = ? WHERE id = ? AND owner_id = ?",
                (new_name, utc_now(), tracker_id, owner_id),
            )
        self._forget(owner_id, tracker_id)
        return changed == 1

    async def remove(self, owner_id: int, tracker_id: int) -> bool:
        """Delete the tracker (its digests and alerts go with it) and unset it as active."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE users SET active_tracker_id = NULL, updated_at = ? "
                "WHERE id = ? AND active_tracker_id = ?",
                (utc_now(), owner_id, tracker_id),
            )
            changed = await tx.execute(
                "DELETE FROM trackers WHERE id = ? AND owner_id = ?", (tracker_id, owner_id)
            )
        self._forget(owner_id, tracker_id)
        return changed == 1

    async def set_postback_key(self, owner_id: int, tracker_id: int, key: str | None) -> bool:
        """Store (or with None, forget) the postback key; False if not the owner's tracker."""
        changed = await self._db.execute(
            "UPDATE trackers SET postback_key_enc = ?, updated_at = ? "
            "WHERE id = ? AND owner_id = ?",
            (self._encrypt_postback(owner_id, key), utc_now(), tracker_id, owner_id),
        )
        self._forget(owner_id, tracker_id)
        return changed == 1

    async def set_report_dialect(self, owner_id: int, tracker_id: int, dialect: str | None) -> bool:
        """Remember the report dialect the tracker speaks (None: find it out again)."""
        changed = await self._db.execute(
            "UPDATE trackers SET report_dialect = ?, updated_at = ? WHERE id = ? AND owner_id = ?",
            (dialect, utc_now(), tracker_id, owner_id),
        )
        self._forget(owner_id, tracker_id)
        return changed == 1

    async def set_api_key(self, owner_id: int, tracker_id: int, api_key: str) -> bool:
        """Replace the API key (e.g. after the owner rotated it in Keitaro)."""
        if not api_key:
            raise ValueError("an API key cannot be empty")
        changed = await self._db.execute(
            "UPDATE trackers SET api_key_enc = ?, api_key_hint = ?, updated_at = ? "
            "WHERE id = ? AND owner_id = ?",
            (
                self._cipher.encrypt(api_key, owner_id=owner_id, purpose=API_KEY),
                hint(api_key),
                utc_now(),
                tracker_id,
                owner_id,
            ),
        )
        self._forget(owner_id, tracker_id)
        return changed == 1

    async def credentials(self, owner_id: int, tracker_id: int) -> Credentials | None:
        """Decrypt the tracker's keys for its owner; None if it is not theirs.

        Raises `CipherError` when the stored keys cannot be decrypted (another master key).
        """
        row = await self._db.fetchone(
            "SELECT id, url, api_key_enc, postback_key_enc FROM trackers "
            "WHERE id = ? AND owner_id = ?",
            (tracker_id, owner_id),
        )
        if row is None:
            return None
        api_key = self._cipher.decrypt(row["api_key_enc"], owner_id=owner_id, purpose=API_KEY)
        postback = row["postback_key_enc"]
        return Credentials(
            tracker_id=row["id"],
            url=row["url"],
            api_key=Secret(api_key),
            postback_key=(
                Secret(self._cipher.decrypt(postback, owner_id=owner_id, purpose=POSTBACK_KEY))
                if postback is not None
                else None
            ),
        )

    def _encrypt_postback(self, owner_id: int, key: str | None) -> bytes | None:
        if not key:
            return None
        return self._cipher.encrypt(key, owner_id=owner_id, purpose=POSTBACK_KEY)

    # ----- the S2S postback address -----------------------------------------------

    def _s2s_token(self, tracker_id: int, generation: int) -> str:
        return self._cipher.token("s2s", tracker_id, generation)[:S2S_TOKEN_LENGTH]

    async def s2s_token(self, owner_id: int, tracker_id: int) -> str | None:
        """The token of the tracker's S2S address (``/s2s/<token>``); None if not the
        owner's. Derived from the master key, never stored: only its hash is, to find the
        tracker a postback is for."""
        row = await self._db.fetchone(
            "SELECT s2s_generation, s2s_hash FROM trackers WHERE id = ? AND owner_id = ?",
            (tracker_id, owner_id),
        )
        if row is None:
            return None
        token = self._s2s_token(tracker_id, int(row["s2s_generation"]))
        if row["s2s_hash"] != token_hash(token):
            await self._db.execute(
                "UPDATE trackers SET s2s_hash = ? WHERE id = ? AND owner_id = ?",
                (token_hash(token), tracker_id, owner_id),
            )
        return token

    async def new_s2s_token(self, owner_id: int, tracker_id: int) -> str | None:
        """A new S2S address; the old one answers 404 from now on."""
        changed = await self._db.execute(
            "UPDATE trackers SET s2s_generation = s2s_generation + 1, s2s_hash = NULL "
            "WHERE id = ? AND owner_id = ?",
            (tracker_id, owner_id),
        )
        return await self.s2s_token(owner_id, tracker_id) if changed else None

    async def by_s2s_token(self, token: str) -> Tracker | None:
        """The tracker whose current S2S address this is, or None (a wrong or an old one)."""
        if len(token) != S2S_TOKEN_LENGTH:
            return None
        row = await self._db.fetchone(_SELECT_BY_S2S, (token_hash(token),))
        return _tracker(row) if row is not None else None


async def _names(tx: Session, owner_id: int) -> set[str]:
    rows = await tx.fetchall("SELECT name FROM trackers WHERE owner_id = ?", (owner_id,))
    return {row["name"].casefold() for row in rows}


def token_hash(token: str) -> str:
    """What is stored of a token: enough to find it, nothing to reuse."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
