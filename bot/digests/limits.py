"""Back-pressure for a burst of digests: Telegram's global send rate and each tracker's load.

Telegram lets a bot post about 30 messages a second overall before answering 429; the
scheduler's token bucket (28/s with a burst of 1) lets at most 29 leave in any second, one
under that for the jitter on the way (see ``bot.scheduler.Scheduler``), so retries are the
exception. Trackers are someone's own server: a few requests at a time each.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.metrics import rate_limit_wait


class TokenBucket:
    """``rate`` tokens a second, at most ``capacity`` saved up; ``acquire`` waits for one.

    Waiters queue on a lock, so they are served in order and the rate holds however many
    wait. Any window of ``T`` seconds sees at most ``capacity + rate * T`` acquisitions: with
    ``capacity`` 2, ``rate + 2`` a second. The caller takes its token at once and then
    sleeps off the debt, so there is no "sleep, look again" loop that a coarse clock could
    keep spinning; a sleep that wakes late leaves the lateness in the bucket (up to
    ``capacity``) for the next caller instead of losing it.
    """

    def __init__(
        self,
        rate: float,
        capacity: float = 1.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be positive and capacity at least 1")
        self.rate = rate
        self.capacity = capacity
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = capacity
        self._stamp = monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            now = self._monotonic()
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now
            self._tokens -= 1
            if self._tokens < 0:  # in debt: wait until the token would have been there
                wait = -self._tokens / self.rate
                rate_limit_wait(wait)
                await self._sleep(wait)


#: Reserve the next send slot for all processes at once (GCRA): ``tat`` is when the slot
#: after the last one reserved opens. The caller gets how long to wait for its slot, as the
#: local bucket's debt. Redis's own clock is the one clock every process shares.
_RESERVE = """
local now_t = redis.call('TIME')
local now = tonumber(now_t[1]) * 1000000 + tonumber(now_t[2])
local interval = tonumber(ARGV[1])
local allowance = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now - allowance then tat = now - allowance end
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', 60000)
local wait = tat - now
if wait < 0 then wait = 0 end
return wait
"""


class SharedTokenBucket:
    """`TokenBucket`'s promise across every process sharing one Redis: ``rate`` a second in
    all, ``capacity`` saved up, so N processes together stay under Telegram's 30 a second
    instead of each keeping its own 28. One round trip to Redis a send."""

    def __init__(
        self,
        redis: Any,
        rate: float,
        capacity: float = 1.0,
        *,
        key: str = "kbot:telegram-rate",
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("rate must be positive and capacity at least 1")
        self.rate = rate
        self.capacity = capacity
        self._redis = redis
        self._key = key
        self._sleep = sleep
        self._script = redis.register_script(_RESERVE)

    async def acquire(self) -> None:
        interval_us = 1_000_000 / self.rate
        allowance_us = (self.capacity - 1) * interval_us
        wait_us = await self._script(keys=[self._key], args=[interval_us, allowance_us])
        wait = float(wait_us) / 1_000_000
        if wait > 0:
            rate_limit_wait(wait)
            await self._sleep(wait)


class PerKey:
    """One semaphore per key (a tracker id), created on first use."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._semaphores: dict[int, asyncio.Semaphore] = {}

    def __call__(self, key: int) -> asyncio.Semaphore:
        found = self._semaphores.get(key)
        if found is None:
            found = self._semaphores[key] = asyncio.Semaphore(self.limit)
        return found
