"""FakeTelegram refuses what Telegram refuses, checked through real aiogram calls."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.formatting import Bold, Text

from bot.emulator import EmulatedSession, FakeTelegram, make_user, private_chat

CHAT = 1001
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00"


@pytest.fixture
def telegram() -> FakeTelegram:
    fake = FakeTelegram()
    fake.add_chat(private_chat(make_user(CHAT)))
    return fake


@pytest.fixture
async def bot(telegram: FakeTelegram) -> AsyncIterator[Bot]:
    instance = Bot(
        token="42:TEST",
        session=EmulatedSession(telegram),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    yield instance
    await instance.session.close()


def read_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[list(buttons)])


async def test_send_returns_a_real_message(bot: Bot, telegram: FakeTelegram) -> None:
    first = await bot.send_message(CHAT, "<b>Hello</b> &lt;world&gt;")
    second = await bot.send_message(CHAT, "again")
    assert isinstance(first, Message)
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "Hello <world>"
    assert first.html_text == "<b>Hello</b> &lt;world&gt;"
    assert first.from_user is not None and first.from_user.id == 42
    stored = telegram.message(CHAT, 1)
    assert stored is not None and stored["source"] == "<b>Hello</b> &lt;world&gt;"
    assert stored["parse_mode"] == "HTML"


async def test_get_me_and_unknown_method(bot: Bot, telegram: FakeTelegram) -> None:
    me = await bot.get_me()
    assert (me.id, me.username) == (42, "keitaro_test_bot")
    status, payload = telegram.handle("sendRocket", {})
    assert status == 404 and payload["description"] == "Not Found: method not found"
    assert telegram.handle("getMe", {}, token="43:OTHER")[0] == 401


async def test_identical_edit_is_refused(bot: Bot) -> None:
    markup = keyboard(InlineKeyboardButton(text="Go", callback_data="go"))
    sent = await bot.send_message(CHAT, "<b>Card</b>", reply_markup=markup)
    edited = await bot.edit_message_text(
        "<b>Card</b> v2", chat_id=CHAT, message_id=sent.message_id, reply_markup=markup
    )
    assert isinstance(edited, Message) and edited.edit_date is not None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<strong>Card</strong> v2", chat_id=CHAT, message_id=sent.message_id,
            reply_markup=markup,
        )  # fmt: skip
    # Telegram drops the keyboard when an edit does not repeat it: that is a change.
    plain = await bot.edit_message_text("<b>Card</b> v2", chat_id=CHAT, message_id=sent.message_id)
    assert isinstance(plain, Message) and plain.reply_markup is None


async def test_edit_and_delete_of_missing_messages(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=CHAT, message_id=99)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(CHAT, 99)
    sent = await bot.send_message(CHAT, "bye")
    assert await bot.delete_message(CHAT, sent.message_id) is True
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id)


async def test_text_length_is_counted_after_parsing(bot: Bot) -> None:
    await bot.send_message(CHAT, "<b>" + "x" * 4096 + "</b>")
    await bot.send_message(CHAT, "&amp;" * 4096)
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(CHAT, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(CHAT, "")
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(CHAT, "<b> </b>\n")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<b>x", "Can't find end tag"),
        ("<div>x</div>", 'Unsupported start tag "div"'),
        ("a < b", 'Unsupported start tag ""'),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("x</b>", "Unexpected end tag"),
        ("Tom & Jerry", "Unsupported HTML entity"),
        ("&nbsp;", "Unsupported HTML entity"),
        ('<span class="x">s</span>', 'must have class "tg-spoiler"'),
        ('<a href="https://x.org"', "Unclosed start tag"),
    ],
)
async def test_invalid_html_is_refused(bot: Bot, text: str, reason: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as error:
        await bot.send_message(CHAT, text)
    assert reason in error.value.message


async def test_valid_html_becomes_entities(bot: Bot) -> None:
    html = (
        '<b><i>x</i></b> &lt;&gt;&amp;&quot;&#39;&#x1F600; <a href="https://e.com/?a=1&amp;b=2">'
        'l</a> <span class="tg-spoiler">s</span> <tg-spoiler>t</tg-spoiler> <code>c</code> '
        '<pre><code class="language-python">p</code></pre> <blockquote expandable>q</blockquote>'
        " <u>u</u><s>s</s><ins>i</ins><del>d</del><em>e</em><strong>S</strong>"
    )
    sent = await bot.send_message(CHAT, html)
    assert sent.text is not None and sent.text.startswith("x <>&\"'😀 l s t c p q")
    types = [entity.type for entity in sent.entities or []]
    assert types[:2] == ["bold", "italic"]
    assert {"text_link", "spoiler", "code", "pre", "expandable_blockquote"} <= set(types)
    pre = next(entity for entity in sent.entities or [] if entity.type == "pre")
    assert pre.language == "python"
    link = next(entity for entity in sent.entities or [] if entity.type == "text_link")
    assert link.url == "https://e.com/?a=1&b=2"
    # Offsets are UTF-16 (the emoji counts twice): aiogram rebuilds the same HTML from them.
    assert '<a href="https://e.com/?a=1&b=2">l</a>' in sent.html_text
    assert "<b><i>x</i></b>" in sent.html_text


async def test_entities_from_aiogram_formatting(bot: Bot) -> None:
    sent = await bot.send_message(CHAT, **Text("Revenue: ", Bold("$1 < $2")).as_kwargs())
    assert sent.text == "Revenue: $1 < $2"
    assert sent.entities is not None and sent.entities[0].type == "bold"


async def test_keyboard_limits(bot: Bot) -> None:
    await bot.send_message(CHAT, "ok", reply_markup=keyboard(
        InlineKeyboardButton(text="ok", callback_data="x" * 64)))  # fmt: skip
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "no", reply_markup=keyboard(
            InlineKeyboardButton(text="no", callback_data="я" * 33)))  # fmt: skip
    many = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=str(i), callback_data=str(i)) for i in range(5)]
        ]
        * 21
    )
    with pytest.raises(TelegramBadRequest, match="reply markup is too long"):
        await bot.send_message(CHAT, "many", reply_markup=many)
    wide = keyboard(*[InlineKeyboardButton(text=str(i), callback_data=str(i)) for i in range(9)])
    with pytest.raises(TelegramBadRequest, match="reply markup is too long"):
        await bot.send_message(CHAT, "wide", reply_markup=wide)
    with pytest.raises(TelegramBadRequest, match="Text buttons are unallowed"):
        await bot.send_message(CHAT, "bare", reply_markup=keyboard(InlineKeyboardButton(text="b")))
    with pytest.raises(TelegramBadRequest, match="exactly one"):
        await bot.send_message(CHAT, "two", reply_markup=keyboard(
            InlineKeyboardButton(text="b", callback_data="b", url="https://e.com")))  # fmt: skip
    with pytest.raises(TelegramBadRequest, match="BUTTON_URL_INVALID"):
        await bot.send_message(CHAT, "url", reply_markup=keyboard(
            InlineKeyboardButton(text="b", url="http://localhost:8090")))  # fmt: skip


async def test_blocked_chat_and_unknown_chat(bot: Bot, telegram: FakeTelegram) -> None:
    telegram.block(CHAT)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(CHAT, "hi")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(777, "hi")


async def test_rate_limit(telegram: FakeTelegram, bot: Bot) -> None:
    now = [1000.0]
    telegram.rate_limit = 2
    telegram.clock = lambda: now[0]
    await bot.send_message(CHAT, "1")
    await bot.send_message(CHAT, "2")
    with pytest.raises(TelegramRetryAfter) as error:
        await bot.send_message(CHAT, "3")
    assert error.value.retry_after == 1
    now[0] += 1.0
    await bot.send_message(CHAT, "3")


async def test_documents_and_photos_are_stored(bot: Bot, telegram: FakeTelegram) -> None:
    sent = await bot.send_document(
        CHAT, BufferedInputFile(b"a,b\n1,2\n", "report.csv"), caption="<b>CSV</b>"
    )
    assert sent.document is not None and sent.document.file_name == "report.csv"
    assert sent.caption == "CSV"
    assert telegram.file(sent.document.file_id).content == b"a,b\n1,2\n"
    file = await bot.get_file(sent.document.file_id)
    downloaded = await bot.download_file(file.file_path or "")
    assert downloaded is not None and downloaded.read() == b"a,b\n1,2\n"
    again = await bot.send_document(CHAT, sent.document.file_id)
    assert again.document is not None and again.document.file_id == sent.document.file_id

    photo = await bot.send_photo(CHAT, BufferedInputFile(PNG, "chart.png"))
    assert photo.photo is not None and (photo.photo[-1].width, photo.photo[-1].height) == (640, 480)
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(CHAT, BufferedInputFile(b"not an image", "chart.png"))
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await bot.send_document(CHAT, BufferedInputFile(b"x", "x.txt"), caption="c" * 1025)
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await bot.get_file("nope")


async def test_files_dir_and_events(bot: Bot, tmp_path: Path) -> None:
    telegram = FakeTelegram(files_dir=tmp_path)
    telegram.add_chat(private_chat(make_user(CHAT)))
    events: list[tuple[str, int, dict]] = []
    telegram.subscribe(lambda kind, chat, payload: events.append((kind, chat, payload)))
    other = Bot("42:TEST", session=EmulatedSession(telegram))
    sent = await other.send_document(CHAT, BufferedInputFile(b"data", "a b.txt"))
    await other.send_chat_action(CHAT, "upload_document")
    await other.delete_message(CHAT, sent.message_id)
    assert [kind for kind, _, _ in events] == ["sent", "action", "deleted"]
    saved = events[0][2]["saved_to"]
    assert read_bytes(saved) == b"data"
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await other.send_chat_action(CHAT, "dancing")


async def test_commands_per_language_and_scope(bot: Bot, telegram: FakeTelegram) -> None:
    commands = [BotCommand(command="start", description="Старт")]
    await bot.set_my_commands(commands, language_code="ru")
    await bot.set_my_commands(
        [BotCommand(command="menu", description="Menu")], scope=BotCommandScopeAllPrivateChats()
    )
    assert [c.command for c in await bot.get_my_commands(language_code="ru")] == ["start"]
    assert await bot.get_my_commands() == []
    scoped = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats())
    assert [c.command for c in scoped] == ["menu"]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])
    await bot.delete_my_commands(language_code="ru")
    assert telegram.commands_for("ru") == []


async def test_chat_member_and_chat(bot: Bot, telegram: FakeTelegram) -> None:
    group = {"id": -100500, "type": "supergroup", "title": "Buyers"}
    telegram.add_chat(group)
    telegram.set_admins(-100500, {CHAT})
    assert (await bot.get_chat_member(-100500, CHAT)).status == "administrator"
    assert (await bot.get_chat_member(-100500, 5)).status == "member"
    chat = await bot.get_chat(-100500)
    assert chat.title == "Buyers"


async def test_callback_answers_once(bot: Bot, telegram: FakeTelegram) -> None:
    sent = await bot.send_message(CHAT, "pick", reply_markup=keyboard(
        InlineKeyboardButton(text="A", callback_data="a")))  # fmt: skip
    update = telegram.callback_update(make_user(CHAT), sent.message_id, CHAT, "a")
    query_id = update["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id, text="Done") is True
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    assert telegram.callback_answers[query_id]["text"] == "Done"


async def test_copy_and_forward(bot: Bot, telegram: FakeTelegram) -> None:
    update = telegram.message_update(make_user(CHAT), "from user")
    original = update["message"]["message_id"]
    copied = await bot.copy_message(CHAT, CHAT, original)
    forwarded = await bot.forward_message(CHAT, CHAT, original)
    assert copied.message_id == original + 1
    assert forwarded.text == "from user" and forwarded.forward_origin is not None
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("mine now", chat_id=CHAT, message_id=original)
    with pytest.raises(TelegramBadRequest, match="message to copy not found"):
        await bot.copy_message(CHAT, CHAT, 999)
