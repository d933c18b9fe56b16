"""A FakeTelegram behind a real Bot API HTTP endpoint.

Why: a real bot process (`python -m bot run` with `TELEGRAM_API_URL=http://127.0.0.1:PORT`)
can then long-poll this server exactly as it would poll a self-hosted Bot API server, so the
whole program (settings, polling loop, aiohttp session) is exercised without Telegram. aiogram's
client for it is `AiohttpSession(api=TelegramAPIServer.from_base(url))`.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import BodyPartReader, web

from .params import Upload
from .telegram import FakeTelegram

_TELEGRAM = web.AppKey("telegram", FakeTelegram)


def create_app(telegram: FakeTelegram) -> web.Application:
    """`/bot{token}/{method}` (GET or POST; JSON, urlencoded or multipart) and file downloads."""
    app = web.Application(client_max_size=60 * 1024 * 1024)
    app[_TELEGRAM] = telegram
    app.router.add_route("*", "/bot{token}/{method}", _call)
    app.router.add_get("/file/bot{token}/{path:.+}", _download)
    return app


async def start_http(
    telegram: FakeTelegram, host: str = "127.0.0.1", port: int = 0
) -> tuple[web.AppRunner, str]:
    """Serve `telegram` on `host:port` (0 = any free port); returns the runner and base URL."""
    runner = web.AppRunner(create_app(telegram), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound_host, bound_port = runner.addresses[0][:2]
    return runner, f"http://{bound_host}:{bound_port}"


async def _call(request: web.Request) -> web.Response:
    telegram = request.app[_TELEGRAM]
    params: dict[str, Any] = dict(request.query)
    files: dict[str, Upload] = {}
    if request.body_exists:
        try:
            await _read_body(request, params, files)
        except ValueError:
            return _json(400, {"ok": False, "error_code": 400, "description": "Bad Request"})
    status, payload = await telegram.handle_async(
        request.match_info["method"], params, files, token=request.match_info["token"]
    )
    return _json(status, payload)


async def _read_body(
    request: web.Request, params: dict[str, Any], files: dict[str, Upload]
) -> None:
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ValueError("a JSON object is expected")
        params.update(body)
    elif request.content_type == "multipart/form-data":
        reader = await request.multipart()
        async for part in reader:
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            if part.filename is not None:
                files[part.name] = Upload(name=part.filename, content=await part.read())
                params.setdefault(part.name, f"attach://{part.name}")
            else:
                params[part.name] = await part.text()
    else:
        params.update(await request.post())


async def _download(request: web.Request) -> web.StreamResponse:
    telegram = request.app[_TELEGRAM]
    token = request.match_info["token"]
    if token.split(":", 1)[0] != str(telegram.bot_id):
        return _json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    stored = telegram.files.by_path.get(request.match_info["path"])
    if stored is None:
        return _json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
    return web.Response(body=stored.content, content_type=stored.mime_type)


def _json(status: int, payload: dict[str, Any]) -> web.Response:
    return web.Response(status=status, text=json.dumps(payload), content_type="application/json")
