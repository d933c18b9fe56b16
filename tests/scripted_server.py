"""A real HTTP server on loopback whose answers a test scripts, one by one.

Used where the sandbox would have to lie to produce an answer (a Cloudflare page, numbers as
strings, a redirect): the client still talks real HTTP to a real socket.
"""

from __future__ import annotations

import asyncio
import gzip
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
    #: send the body chunked (no Content-Length), in pieces of ``chunk`` bytes
    stream: bool = False
    chunk: int = 65_536
    #: seconds between pieces of a streamed body (with ``chunk=1``: a byte at a time)
    trickle: float = 0.0
    #: gzip the body and say so (Content-Encoding: gzip)
    gzipped: bool = False


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
        raw = body.encode() if isinstance(body, str) else body or b""
        headers = dict(answer.headers)
        if answer.gzipped:
            raw = gzip.compress(raw)
            headers["Content-Encoding"] = "gzip"
        if answer.stream or answer.trickle:
            return await self._stream(request, answer, raw, content_type, headers)
        return web.Response(
            status=answer.status,
            body=raw,
            content_type=content_type or "text/plain",
            headers=headers,
        )

    @staticmethod
    async def _stream(
        request: web.Request,
        answer: Answer,
        raw: bytes,
        content_type: str | None,
        headers: dict[str, str],
    ) -> web.StreamResponse:
        response = web.StreamResponse(status=answer.status, headers=headers)
        response.content_type = content_type or "text/plain"
        if "Content-Length" not in headers:
            response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for start in range(0, len(raw), answer.chunk):
                await response.write(raw[start : start + answer.chunk])
                if answer.trickle:
                    await asyncio.sleep(answer.trickle)
            await response.write_eof()
        except (ConnectionError, RuntimeError):
            pass  # the client hung up, as it should when it has read enough
        return response

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
