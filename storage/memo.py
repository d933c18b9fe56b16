"""Rows every update reads (the user, the active tracker), kept in memory until they change.

Each update looks up its user and their active tracker; reading SQLite for both on every
update is most of the bot's own cost per update. The repositories that write those rows are
the only writers, so they forget what they change, and a read that raced a write never puts
the row it read before the write back (each key has a generation, bumped by every forget).

The memo lives on the :class:`~storage.db.Database`, so every repository object on one
database shares it. It is per process: several processes on one database (a later issue)
need it off or invalidated through the database.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

#: rows kept; the oldest read goes first
CAPACITY = 10_000
_MISSING = object()


class RowMemo:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._rows: OrderedDict[Hashable, Any] = OrderedDict()
        self._generations: dict[Hashable, int] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Any:
        """The remembered value, or :data:`MISS`."""
        found = self._rows.get(key, _MISSING)
        if found is _MISSING:
            self.misses += 1
            return MISS
        self.hits += 1
        self._rows.move_to_end(key)
        return found

    def generation(self, key: Hashable) -> int:
        """Read before querying; hand to :meth:`put` with what the query found."""
        return self._generations.get(key, 0)

    def put(self, key: Hashable, value: Any, generation: int) -> None:
        """Remember ``value`` unless ``key`` was forgotten since ``generation`` was read."""
        if self._generations.get(key, 0) != generation:
            return
        self._rows[key] = value
        self._rows.move_to_end(key)
        while len(self._rows) > self.capacity:
            old, _ = self._rows.popitem(last=False)
            self._generations.pop(old, None)

    def forget(self, *keys: Hashable) -> None:
        for key in keys:
            self._rows.pop(key, None)
            self._generations[key] = self._generations.get(key, 0) + 1


MISS: Any = _MISSING
