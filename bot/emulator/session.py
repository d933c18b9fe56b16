"""`EmulatedSession`: aiogram's HTTP session, with the network replaced by a `FakeTelegram`.

Why this level: everything above the wire stays real. Parameters are prepared exactly as
`AiohttpSession.build_form_data` prepares them (defaults from `DefaultBotProperties`, JSON for
objects, `attach://` for files, empty values dropped), and the answer goes through aiogram's
own `check_response`, so handlers receive real `Message` objects and real
`TelegramBadRequest` / `TelegramForbiddenError` / `TelegramRetryAfter` exceptions.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any, cast

from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile

from .params import Upload
from .telegram import FakeTelegram

if TYPE_CHECKING:
    from aiogram import Bot


class EmulatedSession(BaseSession):
    """A Bot API session answered in-process by `telegram`."""

    def __init__(self, telegram: FakeTelegram, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.telegram = telegram

    async def build_params(
        self, bot: Bot, method: TelegramMethod[Any]
    ) -> tuple[dict[str, Any], dict[str, Upload]]:
        """The form fields and files `AiohttpSession` would post for this call."""
        files: dict[str, InputFile] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if not prepared:
                continue
            params[key] = prepared
        uploads = {}
        for key, input_file in files.items():
            content = b"".join([chunk async for chunk in input_file.read(bot)])
            uploads[key] = Upload(name=input_file.filename or key, content=content)
        return params, uploads

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's signature)
    ) -> TelegramType:
        params, uploads = await self.build_params(bot, method)
        status, payload = await self.telegram.handle_async(
            method.__api_method__, params, uploads, token=bot.token
        )
        response = self.check_response(
            bot=bot, method=method, status_code=status, content=self.json_dumps(payload)
        )
        return cast(TelegramType, response.result)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram's signature)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        """Serve a stored file for `bot.download(...)`; the URL ends in `/file/bot<t>/<path>`."""
        path = url.split("/file/bot", 1)[-1].split("/", 1)[-1]
        stored = self.telegram.files.by_path.get(path)
        if stored is None:
            if raise_for_status:
                raise FileNotFoundError(f"the fake Telegram has no file at {path!r}")
            yield b'{"ok":false,"error_code":404,"description":"Not Found"}'
            return
        for start in range(0, len(stored.content), chunk_size):
            yield stored.content[start : start + chunk_size]

    async def close(self) -> None:
        """Nothing to release: there is no connection."""
