"""The HTTP wrapper speaks the Bot API to aiogram's real aiohttp session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramUnauthorizedError,
)
from aiogram.types import BufferedInputFile, Message

from bot.emulator import FakeTelegram, make_user, private_chat, start_http

CHAT = 1001


@pytest.fixture
async def served() -> AsyncIterator[tuple[FakeTelegram, str]]:
    telegram = FakeTelegram()
    telegram.add_chat(private_chat(make_user(CHAT)))
    runner, url = await start_http(telegram)
    yield telegram, url
    await runner.cleanup()


def real_bot(url: str, token: str = "42:TEST") -> Bot:  # noqa: S107
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(url)))


async def test_get_me_and_send_message(served: tuple[FakeTelegram, str]) -> None:
    telegram, url = served
    async with real_bot(url) as bot:
        me = await bot.get_me()
        assert me.id == 42
        sent = await bot.send_message(CHAT, "<i>hi</i>", parse_mode="HTML")
        assert sent.text == "hi" and sent.message_id == 1
        with pytest.raises(TelegramBadRequest, match="message is too long"):
            await bot.send_message(CHAT, "x" * 4097)
        document = await bot.send_document(CHAT, BufferedInputFile(b"abc", "a.txt"))
        assert document.document is not None
        file = await bot.get_file(document.document.file_id)
        downloaded = await bot.download_file(file.file_path or "")
        assert downloaded is not None and downloaded.read() == b"abc"
    assert telegram.message(CHAT, 1) is not None
    async with real_bot(url, token="43:WRONG") as stranger:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()


async def test_get_updates_long_poll(served: tuple[FakeTelegram, str]) -> None:
    telegram, url = served
    async with real_bot(url) as bot:
        assert await bot.get_updates(timeout=0) == []
        poll = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.05)
        assert not poll.done()
        telegram.push_update(telegram.message_update(make_user(CHAT), "/start"))
        updates = await asyncio.wait_for(poll, 2)
        assert [update.message.text for update in updates if update.message] == ["/start"]
        assert len(await bot.get_updates(timeout=0)) == 1  # not yet confirmed
        assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == []


async def test_dispatcher_polls_the_fake_server(served: tuple[FakeTelegram, str]) -> None:
    telegram, url = served
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    replied = asyncio.Event()
    telegram.subscribe(lambda kind, chat_id, payload: replied.set())
    async with real_bot(url) as bot:
        polling = asyncio.create_task(
            dispatcher.start_polling(bot, handle_signals=False, polling_timeout=1)
        )
        telegram.push_update(telegram.message_update(make_user(CHAT), "ping"))
        await asyncio.wait_for(replied.wait(), 5)
        await dispatcher.stop_polling()
        await polling
    assert telegram.messages(CHAT)[-1]["text"] == "echo: ping"
    assert any(call.method == "getUpdates" and call.ok for call in telegram.calls)


async def test_second_poller_conflicts(served: tuple[FakeTelegram, str]) -> None:
    _, url = served
    async with real_bot(url) as first, real_bot(url) as second:
        waiting = asyncio.create_task(first.get_updates(timeout=5))
        await asyncio.sleep(0.05)
        assert await second.get_updates(timeout=0) == []
        with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
            await asyncio.wait_for(waiting, 2)


async def test_json_and_direct_multipart_bodies(served: tuple[FakeTelegram, str]) -> None:
    telegram, url = served
    async with aiohttp.ClientSession() as client:
        async with client.post(
            f"{url}/bot42:TEST/sendMessage",
            json={"chat_id": CHAT, "text": "<b>json</b>", "parse_mode": "HTML"},
        ) as response:
            body = await response.json()
        assert response.status == 200 and body["result"]["text"] == "json"
        form = aiohttp.FormData()
        form.add_field("chat_id", str(CHAT))
        form.add_field("document", b"raw", filename="raw.bin")
        async with client.post(f"{url}/bot42:TEST/sendDocument", data=form) as response:
            body = await response.json()
        assert body["result"]["document"]["file_name"] == "raw.bin"
        async with client.get(f"{url}/bot42:TEST/nope") as response:
            assert response.status == 404
    assert telegram.file(body["result"]["document"]["file_id"]).content == b"raw"
