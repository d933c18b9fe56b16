"""EmulatedUser drives a real Dispatcher; the bot's answers come back as Screens."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.emulator import EmulatedSession, EmulatedUser, FakeTelegram


def create_router() -> Router:
    router = Router()

    @router.message(Command("start"))
    async def start(message: Message) -> None:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(text="📊 Stats", callback_data="stats"),
                    InlineKeyboardButton(text="Stats export", callback_data="export"),
                ],
                [InlineKeyboardButton(text="Silent", callback_data="silent")],
                [InlineKeyboardButton(text="Docs", url="https://example.com/docs")],
            ]
        )
        await message.answer(f"Hi, <b>{message.from_user.first_name}</b>!", reply_markup=markup)

    @router.callback_query(F.data == "stats")
    async def stats(query: CallbackQuery) -> None:
        assert isinstance(query.message, Message)
        await query.message.edit_text("<b>Stats</b>: 10 clicks")
        await query.answer("Updated")

    @router.callback_query(F.data == "export")
    async def export(query: CallbackQuery) -> None:
        await query.answer("Not yet", show_alert=True)

    @router.callback_query(F.data == "silent")
    async def silent(query: CallbackQuery) -> None:
        """Forgets to answer: Telegram would show the user a spinner."""

    @router.message(Command("echo"))
    async def echo(message: Message) -> None:
        await message.answer((message.text or "").removeprefix("/echo "))

    @router.message(F.document)
    async def document(message: Message, bot: Bot) -> None:
        assert message.document is not None
        data = await bot.download(message.document.file_id)
        assert data is not None
        await message.answer(f"Got {message.document.file_name}: {len(data.read())} bytes")

    @router.message(Command("twice"))
    async def twice(message: Message) -> None:
        sent = await message.answer("once")
        await sent.edit_text("once")

    return router


@pytest.fixture
async def bot_and_telegram() -> AsyncIterator[tuple[Bot, FakeTelegram]]:
    telegram = FakeTelegram()
    bot = Bot(
        token="42:TEST",
        session=EmulatedSession(telegram),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    yield bot, telegram
    await bot.session.close()


@pytest.fixture
def anna(bot_and_telegram: tuple[Bot, FakeTelegram]) -> EmulatedUser:
    bot, telegram = bot_and_telegram
    dispatcher = Dispatcher()
    dispatcher.include_router(create_router())
    return EmulatedUser(dispatcher, bot, telegram, user_id=1001, first_name="Anna")


async def test_message_handler_answers(anna: EmulatedUser) -> None:
    screen = await anna.send("/start")
    assert screen.texts == ["Hi, Anna!"]
    assert "Anna" in screen
    assert screen.messages[0]["message_id"] == 2  # the user's /start was message 1
    assert screen.buttons == ["📊 Stats", "Stats export", "Silent", "Docs"]
    assert anna.keyboard() == [["📊 Stats", "Stats export"], ["Silent"], ["Docs"]]
    assert anna.last == "Hi, Anna!"


async def test_click_by_label_edits_and_answers(anna: EmulatedUser) -> None:
    await anna.send("/start")
    screen = await anna.click("📊 stats")
    assert screen.text == "Stats: 10 clicks"
    assert screen.messages[0]["edit_date"]
    assert screen.alerts == ["Updated"]
    assert anna.unanswered == []
    assert anna.keyboard() == []  # the edit did not repeat the keyboard
    assert [message["text"] for message in anna.messages] == ["Stats: 10 clicks"]


async def test_exact_label_wins_and_ambiguity_is_reported(anna: EmulatedUser) -> None:
    await anna.send("/start")
    with pytest.raises(AssertionError, match="2 buttons matching 'stat'"):
        await anna.click("stat")
    with pytest.raises(AssertionError, match="no button matching 'nope'"):
        await anna.click("nope")
    with pytest.raises(AssertionError, match="url button"):
        await anna.click("docs")
    screen = await anna.press(2)
    assert screen.answers[0]["show_alert"] is True and "Not yet" in screen


async def test_unanswered_callback_is_recorded(anna: EmulatedUser) -> None:
    await anna.send("/start")
    await anna.click("Silent")
    assert [query["data"] for query in anna.unanswered] == ["silent"]


async def test_forged_callback_data_reaches_no_handler(anna: EmulatedUser) -> None:
    start = await anna.send("/start")
    screen = await anna.click_data("admin:drop", start.messages[0]["message_id"])
    assert screen.messages == []
    assert len(anna.unanswered) == 1


async def test_errors_reach_the_test(anna: EmulatedUser) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await anna.send("/echo a <b")
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await anna.send("/twice")


async def test_document_round_trip(anna: EmulatedUser) -> None:
    screen = await anna.send_document("clicks.csv", b"id\n1\n2\n", caption="import")
    assert screen.text == "Got clicks.csv: 7 bytes"


async def test_fsm_state_is_readable(anna: EmulatedUser) -> None:
    assert await anna.state() is None
    assert await anna.data() == {}
