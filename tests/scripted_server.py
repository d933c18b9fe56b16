"""A real HTTP server on loopback whose answers a test scripts, one by one.

Used where the sandbox would have to lie to produce an answer (a Cloudflare page, numbers as
strings, a redirect): the client still talks real HTTP to a real socket.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # dict/list → JSON; str/bytes → as they are
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    #: close the connection instead of answering (the request did arrive)
    drop: bool = False


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    def __init__(self) -> None:
        self.answers: deque[Answer] = deque()
        self.default = Answer(body={"ok": True})
        self.seen: list[Seen] = []
        self._runner: web.AppRunner | None = None
        self.url = ""

    def reply(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.seen.append(
            Seen(
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                await request.read(),
            )
        )
        answer = self.answers.popleft() if self.answers else self.default
        if answer.delay:
            await asyncio.sleep(answer.delay)
        if answer.drop and request.transport is not None:
            request.transport.close()
            return web.Response(status=200)
        body = answer.body
        content_type = answer.content_type
        if isinstance(body, dict | list):
            body, content_type = json.dumps(body), content_type or "application/json"
        return web.Response(
            status=answer.status,
            body=body.encode() if isinstance(body, str) else body,
            content_type=content_type or "text/plain",
            headers=answer.headers,
        )

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
