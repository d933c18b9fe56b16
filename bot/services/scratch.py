"""Short-lived values a later press needs: the call behind a "Details" button, the question a
"Yes" answers. In one process they live in memory; with several processes (``REDIS_URL``)
any process may get the press, so they live in Redis, each with its time to live.

Only strings go in; what must not be readable in Redis (a tracker's answer may hold
anything) is encrypted by its owner (:class:`bot.services.results.ResultStore`).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

#: Redis keys of these values start with this
PREFIX = "kbot:scratch:"


class Scratch(Protocol):
    async def put(self, key: str, value: str, ttl: float) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def pop(self, key: str) -> str | None:
        """The value, removed: of two processes popping at once, one gets it."""
        ...

    async def delete(self, key: str) -> None: ...


class LocalScratch:
    """In this process's memory: the newest ``capacity`` values, each until its TTL."""

    def __init__(self, capacity: int = 20_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = capacity
        self.clock = clock
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()

    async def put(self, key: str, value: str, ttl: float) -> None:
        self._items.pop(key, None)
        self._items[key] = (self.clock() + ttl, value)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    async def get(self, key: str) -> str | None:
        found = self._items.get(key)
        if found is None:
            return None
        if found[0] < self.clock():
            del self._items[key]
            return None
        return found[1]

    async def pop(self, key: str) -> str | None:
        value = await self.get(key)
        self._items.pop(key, None)
        return value

    async def delete(self, key: str) -> None:
        self._items.pop(key, None)


class RedisScratch:
    """In Redis, shared by every process (``GETDEL`` makes a pop atomic)."""

    def __init__(self, redis: Any) -> None:
        self.redis = redis

    async def put(self, key: str, value: str, ttl: float) -> None:
        await self.redis.set(PREFIX + key, value, px=max(1, int(ttl * 1000)))

    async def get(self, key: str) -> str | None:
        return _text(await self.redis.get(PREFIX + key))

    async def pop(self, key: str) -> str | None:
        return _text(await self.redis.getdel(PREFIX + key))

    async def delete(self, key: str) -> None:
        await self.redis.delete(PREFIX + key)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)
