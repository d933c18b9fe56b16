"""Recent call results, kept for the "Details" button under short tokens, per user.

Tokens are random and bound to the user who made the call: a token sent by someone else
(forged callback data) finds nothing. In one process they live in memory; with several
(``REDIS_URL``) any process may get the press, so they also go to Redis, encrypted for their
owner (a tracker's answer may hold anything), for a day.

``put`` stays synchronous, as the keyboards that carry the button are built: the write to
Redis runs beside it and is done long before anyone can press the button it is for (the
button has to reach the user's phone first), and this process answers from its own memory.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import OrderedDict
from typing import Any, Protocol

from bot.services.scratch import Scratch
from keitaro import ApiResult
from keitaro.result import RequestInfo
from storage.crypto import Cipher

log = logging.getLogger(__name__)
#: how long a "Details" button finds its call in Redis
SHARED_TTL = 24 * 3600.0
PURPOSE = "details"


class Results(Protocol):
    def put(self, user_id: int, result: ApiResult) -> str: ...

    async def flush(self) -> None: ...

    async def get(self, user_id: int, token: str) -> ApiResult | None: ...


class ResultStore:
    """In this process's memory: the newest ``capacity`` results across all users."""

    def __init__(self, capacity: int = 5_000) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, tuple[int, ApiResult]] = OrderedDict()

    def put(self, user_id: int, result: ApiResult) -> str:
        token = secrets.token_urlsafe(6)
        self._items[token] = (user_id, result)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return token

    async def flush(self) -> None:
        """Nothing to wait for: every result is in memory as soon as it is put."""

    async def get(self, user_id: int, token: str) -> ApiResult | None:
        found = self._items.get(token)
        if found is None or found[0] != user_id:
            return None
        return found[1]


class SharedResultStore:
    """In a scratch every process reads (Redis), encrypted with the owner in its context,
    and in this process's memory as well."""

    def __init__(
        self, scratch: Scratch, cipher: Cipher, ttl: float = SHARED_TTL, capacity: int = 5_000
    ) -> None:
        self.scratch = scratch
        self.cipher = cipher
        self.ttl = ttl
        self.local = ResultStore(capacity)
        self._writes: set[asyncio.Task[None]] = set()

    def put(self, user_id: int, result: ApiResult) -> str:
        token = self.local.put(user_id, result)
        text = json.dumps(_plain(result), ensure_ascii=False, default=str)
        blob = self.cipher.encrypt(text, owner_id=user_id, purpose=PURPOSE)
        task = asyncio.create_task(self._write(f"result:{user_id}:{token}", blob.hex()))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)
        return token

    async def _write(self, key: str, value: str) -> None:
        try:
            await self.scratch.put(key, value, self.ttl)
        except Exception as error:  # Redis away: this process still has it
            log.warning("a Details result was not shared: %s", type(error).__name__)

    async def flush(self) -> None:
        """Wait for the writes still running (before a shutdown, and in tests)."""
        if self._writes:
            await asyncio.gather(*list(self._writes), return_exceptions=True)

    async def get(self, user_id: int, token: str) -> ApiResult | None:
        mine = await self.local.get(user_id, token)
        if mine is not None:
            return mine
        try:
            stored = await self.scratch.get(f"result:{user_id}:{token}")
        except Exception as error:
            log.warning("a Details result could not be read: %s", type(error).__name__)
            return None
        if stored is None:
            return None
        try:
            text = self.cipher.decrypt(bytes.fromhex(stored), owner_id=user_id, purpose=PURPOSE)
            return _result(json.loads(text))
        except (ValueError, KeyError, TypeError):
            return None  # written under another master key: as good as gone


def _plain(result: ApiResult) -> dict[str, Any]:
    return {**result.to_dict(), "elapsed_ms": result.elapsed_ms}


def _result(data: dict[str, Any]) -> ApiResult:
    return ApiResult(
        request=RequestInfo(**data["request"]),
        resource=data["resource"],
        operation=data["operation"],
        success=bool(data["success"]),
        status_code=data.get("status_code"),
        data=data.get("data"),
        elapsed_ms=float(data.get("elapsed_ms") or 0.0),
        warnings=[str(w) for w in data.get("warnings") or []],
    )
