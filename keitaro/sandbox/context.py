"""What a handler gets: the running sandbox's state and one parsed request."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from keitaro.sandbox.errors import forbidden, invalid
from keitaro.sandbox.faults import Faults
from keitaro.sandbox.store import Store


@dataclass
class Runtime:
    """The sandbox's live parts, shared by every request of one app."""

    store: Store
    faults: Faults
    api_key: str
    restricted_key: str
    postback_key: str
    #: (method, path) of every request answered, faults included: tests count retries here
    requests: list[tuple[str, str]] = field(default_factory=list)
    #: admin API requests being answered now, and the most there were at once
    in_flight: int = 0
    most_in_flight: int = 0
    pending: set[asyncio.TimerHandle] = field(default_factory=set)

    def schedule(self, job: Callable[[], None]) -> None:
        """Run ``job`` now, or after ``faults.postback_delay`` seconds."""
        delay = self.faults.postback_delay
        if delay <= 0:
            job()
            return
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle | None = None

        def run() -> None:
            if handle is not None:
                self.pending.discard(handle)
            job()

        handle = loop.call_later(delay, run)
        self.pending.add(handle)

    def cancel_pending(self) -> None:
        for handle in self.pending:
            handle.cancel()
        self.pending.clear()


RUNTIME_KEY: web.AppKey[Runtime] = web.AppKey("keitaro_sandbox_runtime", Runtime)


@dataclass
class Call:
    """One admin API request: path values, parameters (query first, then the JSON body)."""

    request: web.Request
    runtime: Runtime
    params: dict[str, Any]
    body: Any
    restricted: bool

    @property
    def store(self) -> Store:
        return self.runtime.store

    @property
    def data(self) -> dict[str, Any]:
        """The JSON body as an object ({} when it is something else)."""
        return self.body if isinstance(self.body, dict) else {}

    def path_id(self, name: str = "id") -> int:
        info = self.request.match_info
        value = info.get(name)
        if value is None:
            value = next((v for k, v in info.items() if k.endswith("id")), "0")
        return int(value)

    def flag(self, name: str) -> bool:
        return str(self.params.get(name, "")).lower() in ("1", "true", "yes", "on")

    def int_param(self, name: str, *, required: bool = False) -> int | None:
        value = self.params.get(name)
        if value in (None, ""):
            if required:
                raise invalid({name: [f"{name} is required"]})
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise invalid({name: [f"{name} must be an integer"]}) from None

    def visible_campaigns(self) -> set[int] | None:
        return self.store.visible_campaign_ids(self.restricted)

    def check_campaign(self, campaign_id: int) -> None:
        visible = self.visible_campaigns()
        if visible is not None and campaign_id not in visible:
            raise forbidden()

    def admin_only(self) -> None:
        if self.restricted:
            raise forbidden()
