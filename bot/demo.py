"""``python -m bot demo``: the real bot in the terminal, against the built-in sandbox tracker.

Why it exists: anyone can try the bot right after installing it, with no token, no network and
no tracker of their own. Nothing here is a second implementation: the updates go through the
same ``create_dispatcher`` (middlewares, SQLite, rendering) that ``run`` uses, the Bot API is
the in-process ``FakeTelegram`` the tests use, the tracker is ``keitaro.sandbox`` on loopback,
and the digest scheduler is the one ``run`` starts. This module only turns the fake server's
events into readable terminal lines and the person's lines into updates (``/file`` turns a
local file into a document, as attaching it in Telegram does); log records go to ``demo.log``
in the files folder, never between the messages (``bot.demo_files``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from aiogram.types import MessageEntity
from aiogram.utils.text_decorations import TextDecoration
from cryptography.fernet import Fernet

from bot.config import Settings
from bot.demo_files import (
    LOG_NAME,
    DemoLog,
    FileRefused,
    file_argument,
    file_size,
    logs_to_file,
    read_local_file,
)
from bot.demo_scenarios import is_scenario_line, play_line
from bot.emulator import EmulatedSession, EmulatedUser, FakeTelegram
from keitaro.sandbox import Sandbox

if TYPE_CHECKING:
    # imported where they are used instead: they load matplotlib, which logs at INFO on a
    # first run (rebuilding its font cache), and by then the log must already go to the file
    from bot.app import Services
    from bot.scheduler import Clock, Scheduler

log = logging.getLogger(__name__)

DEMO_USER_ID = 100_001
#: loggers that narrate every update at INFO
CHATTY_LOGGERS = ("aiogram.event", "aiogram.middlewares")
QUIT_WORDS = frozenset({"quit", "exit", "q", "выход", "вихід"})
#: seconds a digest being sent may take to finish when the demo ends
SCHEDULER_GRACE = 5.0
BANNER = {
    "ru": (
        "Keitaro-бот в терминале: тот же бот, что в Telegram, без токена и без сети.\n"
        "Трекер — встроенная песочница с тестовыми данными за месяц: {url}\n"
        "Цифра нажимает кнопку последней клавиатуры ([1], [2]...), /команды и текст уходят\n"
        "боту; '12 отправит число текстом. Файлы и графики сохраняются в {files}.\n"
        "/file путь.csv отправит боту файл, как вложение в Telegram (например, после /costs).\n"
        "Дайджесты (/digest) приходят сюда в своё время, пока демо открыто.\n"
        "Алерты: /alert roi < -30, /alert cap 90%, /alert down 1m; строка ! — сценарии\n"
        "песочницы, чтобы они сработали (!down, !near_cap 2 0, !domain_trouble 1 ssl).\n"
        "Журнал бота пишется не сюда, а в {log}.\n"
        "Выход: quit или Ctrl+D."
    ),
    "en": (
        "The Keitaro bot in your terminal: the same bot as in Telegram, no token, no network.\n"
        "The tracker is the built-in sandbox with a month of demo data: {url}\n"
        "A number presses a button of the newest keyboard ([1], [2]...); /commands and text\n"
        "go to the bot; '12 sends a number as text. Files and charts go to {files}.\n"
        "/file path.csv sends the bot a file, as attaching it in Telegram does (try it after\n"
        "/costs). Digests (/digest) arrive here at their time while the demo runs.\n"
        "Alerts: /alert roi < -30, /alert cap 90%, /alert down 1m; a line ! lists the\n"
        "sandbox's scenarios that make them fire (!down, !near_cap 2 0, !domain_trouble 1 ssl).\n"
        "The bot's log goes to {log}, not here.\n"
        "Leave: quit or Ctrl+D."
    ),
    "uk": (
        "Keitaro-бот у терміналі: той самий бот, що в Telegram, без токена й без мережі.\n"
        "Трекер — вбудована пісочниця з тестовими даними за місяць: {url}\n"
        "Цифра натискає кнопку останньої клавіатури ([1], [2]...), /команди й текст ідуть\n"
        "ботові; '12 надішле число текстом. Файли й графіки зберігаються в {files}.\n"
        "/file шлях.csv надішле ботові файл, як вкладення в Telegram (наприклад, після /costs).\n"
        "Дайджести (/digest) приходять сюди у свій час, поки працює демо.\n"
        "Алерти: /alert roi < -30, /alert cap 90%, /alert down 1m; рядок ! — сценарії\n"
        "пісочниці, щоб вони спрацювали (!down, !near_cap 2 0, !domain_trouble 1 ssl).\n"
        "Журнал бота пишеться не сюди, а в {log}.\n"
        "Вихід: quit або Ctrl+D."
    ),
}
NOTES = {
    "ru": {
        "edited": "✎ (изменено)",
        "deleted_bot": "🗑 (бот удалил сообщение)",
        "deleted_user": "🗑 (бот удалил ваше сообщение)",
        "typing": "⋯ (печатает)",
        "no_keyboard": "Нет кнопок, которые можно нажать. Отправьте /menu.",
        "no_button": "Нет кнопки [{n}]: на последней клавиатуре есть {numbers}.",
        "opens": "🔗 Эта кнопка открывает {url}",
        "connect_failed": "⚠️ Песочницу подключить не удалось; попробуйте /connect сами.",
        "error": "⚠️ Сбой демо: {error} (подробности в {log})",
        "bye": "Пока!",
        "saved": "сохранено: {path}",
        "file_usage": "Укажите файл: /file путь/к/spend.csv",
        "file_missing": "Файла {path} нет (или это папка); ничего не отправлено.",
        "file_unreadable": "Не удалось прочитать {path}: {error}; ничего не отправлено.",
        "file_empty": "Файл {path} пуст, а пустые файлы Telegram не отправляет.",
        "file_too_big": (
            "Файл {path} слишком большой: {size} МБ, а бот может скачать из Telegram не больше "
            "{limit} МБ. Ничего не отправлено."
        ),
        "file_sent": "📎 {name} ({size})",
        "units": "Б КБ МБ",
        "log_warnings": "⚠️ Предупреждений в журнале: {count}; см. {log}",
    },
    "en": {
        "edited": "✎ (edited)",
        "deleted_bot": "🗑 (the bot deleted a message)",
        "deleted_user": "🗑 (the bot deleted your message)",
        "typing": "⋯ (typing)",
        "no_keyboard": "There are no buttons to press. Send /menu.",
        "no_button": "There is no button [{n}]: the newest keyboard has {numbers}.",
        "opens": "🔗 This button opens {url}",
        "connect_failed": "⚠️ The sandbox could not be connected; try /connect yourself.",
        "error": "⚠️ The demo failed here: {error} (details in {log})",
        "bye": "Bye!",
        "saved": "saved to {path}",
        "file_usage": "Name a file: /file path/to/spend.csv",
        "file_missing": "There is no file {path} (or it is a folder); nothing was sent.",
        "file_unreadable": "Could not read {path}: {error}; nothing was sent.",
        "file_empty": "{path} is empty, and Telegram does not send empty files.",
        "file_too_big": (
            "{path} is too big: {size} MB, and a bot can download at most {limit} MB from "
            "Telegram. Nothing was sent."
        ),
        "file_sent": "📎 {name} ({size})",
        "units": "B KB MB",
        "log_warnings": "⚠️ Warnings in the log: {count}; see {log}",
    },
    "uk": {
        "edited": "✎ (змінено)",
        "deleted_bot": "🗑 (бот видалив повідомлення)",
        "deleted_user": "🗑 (бот видалив ваше повідомлення)",
        "typing": "⋯ (друкує)",
        "no_keyboard": "Немає кнопок, які можна натиснути. Надішліть /menu.",
        "no_button": "Немає кнопки [{n}]: на останній клавіатурі є {numbers}.",
        "opens": "🔗 Ця кнопка відкриває {url}",
        "connect_failed": "⚠️ Пісочницю підключити не вдалося; спробуйте /connect самі.",
        "error": "⚠️ Збій демо: {error} (подробиці в {log})",
        "bye": "Бувайте!",
        "saved": "збережено: {path}",
        "file_usage": "Вкажіть файл: /file шлях/до/spend.csv",
        "file_missing": "Файлу {path} немає (або це тека); нічого не надіслано.",
        "file_unreadable": "Не вдалося прочитати {path}: {error}; нічого не надіслано.",
        "file_empty": "Файл {path} порожній, а порожні файли Telegram не надсилає.",
        "file_too_big": (
            "Файл {path} завеликий: {size} МБ, а бот може завантажити з Telegram не більше "
            "{limit} МБ. Нічого не надіслано."
        ),
        "file_sent": "📎 {name} ({size})",
        "units": "Б КБ МБ",
        "log_warnings": "⚠️ Попереджень у журналі: {count}; див. {log}",
    },
}


# --- formatting: Telegram entities → terminal text -------------------------------------------


class TerminalDecoration(TextDecoration):
    """Entities as a terminal shows them: ANSI bold/italic on a TTY, plain text otherwise.

    Built on aiogram's ``TextDecoration.unparse``, which already walks nested entities with
    Telegram's UTF-16 offsets; only the look of each entity is decided here.
    """

    def __init__(self, color: bool) -> None:
        self.color = color

    def _ansi(self, value: str, on: str, off: str) -> str:
        return f"\x1b[{on}m{value}\x1b[{off}m" if self.color else value

    def bold(self, value: str) -> str:
        return self._ansi(value, "1", "22")

    def italic(self, value: str) -> str:
        return self._ansi(value, "3", "23")

    def underline(self, value: str) -> str:
        return self._ansi(value, "4", "24")

    def strikethrough(self, value: str) -> str:
        return self._ansi(value, "9", "29")

    def spoiler(self, value: str) -> str:
        return self._ansi(value, "2", "22")

    def code(self, value: str) -> str:
        return value

    def pre(self, value: str) -> str:
        return value

    def pre_language(self, value: str, language: str) -> str:
        return value

    def link(self, value: str, link: str) -> str:
        return value if value == link else f"{value} ({link})"

    def quote(self, value: str) -> str:
        return value

    def blockquote(self, value: str) -> str:
        return "\n".join(f"│ {line}" for line in value.split("\n"))

    def expandable_blockquote(self, value: str) -> str:
        return self.blockquote(value)

    def custom_emoji(self, value: str, custom_emoji_id: str) -> str:
        return value

    def date_time(
        self, value: str, unix_time: int | datetime, date_time_format: str | None = None
    ) -> str:
        return value


def readable_text(message: dict[str, Any], decoration: TerminalDecoration) -> str:
    """The text or caption of a Bot API message with its entities applied for a terminal."""
    if message.get("text") is not None:
        text, raw = message["text"], message.get("entities") or []
    else:
        text, raw = message.get("caption") or "", message.get("caption_entities") or []
    entities = [MessageEntity.model_validate(entity) for entity in raw]
    return decoration.unparse(text, entities) if entities else text


def button_rows(markup: dict[str, Any] | None) -> list[list[dict[str, Any]]]:
    return list((markup or {}).get("inline_keyboard") or [])


def label_number(button: dict[str, Any]) -> int | None:
    """The number a button's label is (``"12"``, as the report builder labels its rows)."""
    label = str(button.get("text", "")).strip()
    if label.isascii() and label.isdigit() and not label.startswith("0"):
        return int(label)
    return None


def numbered_buttons(markup: dict[str, Any] | None) -> list[list[tuple[int, dict[str, Any]]]]:
    """Each button with the number that presses it, row by row.

    A button whose label is itself a number (once on the keyboard) is pressed by that number,
    so the report builder's row 12 is ``[12] 12`` on every page, and typing a row's number
    opens that row. The other buttons are counted on after the biggest such number: on the
    first page (rows 1–10) ``▶️`` is ``[11]`` as before; on the second (rows 11–20) it comes
    after ``[20]``, and ``[1]``–``[10]`` press nothing there. A keyboard without number labels
    is numbered 1, 2, 3... as it reads.
    """
    rows = button_rows(markup)
    counts = Counter(label_number(button) for row in rows for button in row)
    own = {number for number, count in counts.items() if number is not None and count == 1}
    following = max(own, default=0)
    numbered = []
    for row in rows:
        cells = []
        for button in row:
            number = label_number(button)
            if number not in own:
                following += 1
                number = following
            cells.append((number, button))
        numbered.append(cells)
    return numbered


def number_ranges(numbers: list[int]) -> str:
    """``[1]–[9]``, or ``[11]–[34]``, or ``[1]–[3], [5]``: the numbers a keyboard answers to."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"[{a}]" if a == b else f"[{a}]–[{b}]" for a, b in spans)


def keyboard_lines(markup: dict[str, Any] | None, *, numbered: bool) -> list[str]:
    """One line per keyboard row: ``[1] 📊 Stats  [2] 🎯 Campaigns``.

    Only the newest keyboard is numbered, because a number always presses that one; an older
    keyboard that was edited shows its labels with ``[·]``.
    """
    lines = []
    for row in numbered_buttons(markup):
        cells = []
        for number, button in row:
            tag = f"[{number}]" if numbered else "[·]"
            arrow = " ↗" if "url" in button else ""
            cells.append(f"{tag} {button['text']}{arrow}")
        lines.append("  ".join(cells))
    return lines


# --- the chat as the person sees it ---------------------------------------------------------


class ChatPrinter:
    """Prints what the fake Telegram reports for one chat, as it happens.

    It listens to ``FakeTelegram.subscribe`` rather than to the return values of the calls, so
    everything the bot does reaches the screen: several messages per update, edits of older
    messages, deletions, callback toasts and chat actions.
    """

    def __init__(self, telegram: FakeTelegram, chat_id: int, output: TextIO, language: str) -> None:
        self.telegram = telegram
        self.chat_id = chat_id
        self.output = output
        self.notes = NOTES[language]
        self.decoration = TerminalDecoration(color=_is_tty(output))
        self.bot_message_ids: set[int] = set()

    def write(self, text: str = "") -> None:
        self.output.write(text + "\n")
        self.output.flush()

    def on_event(self, kind: str, chat_id: int, payload: dict[str, Any]) -> None:
        """``FakeTelegram`` listener: sent/edited/deleted/action/answer."""
        if chat_id != self.chat_id:
            return
        if kind == "sent":
            self.bot_message_ids.add(payload["message_id"])
            self.show_message(payload)
        elif kind == "edited":
            self.show_message(payload, note=self.notes["edited"])
        elif kind == "deleted":
            mine = payload["message_id"] in self.bot_message_ids
            self.write(self.notes["deleted_bot" if mine else "deleted_user"])
        elif kind == "action" and payload.get("action") == "typing":
            self.write(self.notes["typing"])
        elif kind == "answer":
            self.show_answer(payload)

    def show_message(self, message: dict[str, Any], note: str | None = None) -> None:
        lines = [note] if note else []
        lines.extend(self.attachment_lines(message))
        text = readable_text(message, self.decoration)
        if text:
            lines.append(text)
        newest = newest_keyboard_message(self.telegram, self.chat_id)
        is_newest = newest is not None and newest["message_id"] == message["message_id"]
        lines.extend(keyboard_lines(message.get("reply_markup"), numbered=is_newest))
        self.write("\n".join(lines) + "\n")

    def attachment_lines(self, message: dict[str, Any]) -> list[str]:
        """Photos and documents were written to the files folder by the fake server."""
        for kind, icon in (("photo", "🖼"), ("document", "📄")):
            if kind not in message:
                continue
            where = message.get("saved_to")
            if where is None and kind == "document":
                where = message["document"].get("file_name", "")
            return [f"{icon} {self.notes['saved'].format(path=where)}"]
        return []

    def show_answer(self, answer: dict[str, Any]) -> None:
        text = answer.get("text")
        if text:
            self.write(f"{'⚠️' if answer.get('show_alert') else '💬'} {text}\n")


def newest_keyboard_message(telegram: FakeTelegram, chat_id: int) -> dict[str, Any] | None:
    """The bot's newest message that has inline buttons: the one a number presses."""
    for message in reversed(telegram.messages(chat_id)):
        from_bot = message.get("from", {}).get("id") == telegram.bot_id
        if from_bot and button_rows(message.get("reply_markup")):
            return message
    return None


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# --- input ------------------------------------------------------------------------------------


async def stdin_lines(stream: TextIO | None = None) -> AsyncIterator[str]:
    """Lines of stdin without blocking the event loop; ends at EOF (Ctrl+D).

    A daemon thread reads, so that a pending read never keeps the process alive after Ctrl+C
    (the default executor would: ``asyncio.run`` waits for its threads on the way out).
    """
    source = stream or sys.stdin
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def hand_over(line: str | None) -> bool:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        except RuntimeError:  # the loop is closed: the demo is over
            return False
        return True

    def pump() -> None:
        try:
            for line in iter(source.readline, ""):
                if not hand_over(line):
                    return
        except (OSError, ValueError):  # stdin closed under us
            pass
        hand_over(None)

    threading.Thread(target=pump, name="demo-stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        yield line


# --- the session ------------------------------------------------------------------------------


class DemoChat:
    """One person, one chat, the real Dispatcher; turns typed lines into updates."""

    def __init__(
        self, services: Services, telegram: FakeTelegram, printer: ChatPrinter, language: str
    ) -> None:
        self.services = services
        self.telegram = telegram
        self.printer = printer
        self.notes = NOTES[language]
        #: where the log goes (``open_demo`` sets it), for the note when a step fails
        self.log_path: Path | None = None
        #: the demo's tracker, for the ``!scenario`` lines (``open_demo`` sets it)
        self.sandbox: Sandbox | None = None
        from bot.app import create_bot, create_dispatcher

        self.bot = create_bot(services.settings, EmulatedSession(telegram))
        self.user = EmulatedUser(
            create_dispatcher(services), self.bot, telegram, user_id=DEMO_USER_ID,
            first_name="Demo", language_code=language,
        )  # fmt: skip

    async def close(self) -> None:
        self.user.close()
        await self.bot.session.close()

    async def connect(self, sandbox: Sandbox) -> bool:
        """Connect the sandbox the way a user would (``/connect <url> <key>``), then store its
        postback key so conversions work without asking; returns whether it worked."""
        command = f"/connect {sandbox.url} {sandbox.api_key}"
        self.printer.write(f"› {command}")
        await self.send(command)
        user = await self.services.users.get(DEMO_USER_ID)
        tracker_id = user.active_tracker_id if user else None
        if tracker_id is None:
            self.printer.write(self.notes["connect_failed"])
            return False
        await self.services.trackers.set_postback_key(
            DEMO_USER_ID, tracker_id, sandbox.postback_key
        )
        return True

    async def show_menu(self) -> None:
        """``/connect`` ends on the main menu; send ``/menu`` only if it did not (so the first
        screen is the menu either way, shown once)."""
        if newest_keyboard_message(self.telegram, self.user.chat_id) is None:
            self.printer.write("› /menu")
            await self.send("/menu")

    async def handle(self, line: str) -> None:
        """A number presses a button, ``/file <path>`` sends a local file as a document;
        ``'text`` and everything else is sent as a message."""
        path = file_argument(line)
        if is_scenario_line(line) and self.sandbox is not None:
            self.printer.write(play_line(self.sandbox, line))
        elif path is not None:
            await self.send_file(path)
        elif line.isdigit():
            await self.press(int(line))
        elif line.startswith("'") and len(line) > 1:
            await self.send(line[1:])
        else:
            await self.send(line)

    async def send(self, text: str) -> None:
        await self._guarded(self.user.send(text))

    async def send_file(self, raw_path: str) -> None:
        """What attaching a file in Telegram does: a message with the file as a document (no
        caption), which the bot downloads through ``getFile`` like any other. A path that is
        not a readable file, or a file a bot could not download (over 20 MB), is explained and
        nothing is sent."""
        try:
            local = read_local_file(raw_path)
        except FileRefused as refused:
            self.printer.write(self.notes[refused.reason].format(**refused.values))
            return
        size = file_size(len(local.content), self.notes["units"])
        self.printer.write(self.notes["file_sent"].format(name=local.name, size=size) + "\n")
        await self._guarded(self.user.send_document(local.name, local.content))

    async def press(self, number: int) -> None:
        message = newest_keyboard_message(self.telegram, self.user.chat_id)
        if message is None:
            self.printer.write(self.notes["no_keyboard"])
            return
        buttons = {
            n: button for row in numbered_buttons(message.get("reply_markup")) for n, button in row
        }
        button = buttons.get(number)
        if button is None:
            numbers = number_ranges(list(buttons))
            self.printer.write(self.notes["no_button"].format(n=number, numbers=numbers))
            return
        if "callback_data" not in button:
            target = button.get("url") or next(iter(v for k, v in button.items() if k != "text"))
            self.printer.write(self.notes["opens"].format(url=target))
            return
        await self._guarded(self.user.click_data(button["callback_data"], message["message_id"]))

    async def _guarded(self, step: Awaitable[object]) -> None:
        """The bot's own error boundary answers handler failures; this catches the rest
        (a refused update, an emulator error) so one bad line does not end the demo."""
        try:
            await step
        except Exception as error:
            log.exception("demo step failed")
            log_path = self.log_path or LOG_NAME
            self.printer.write(self.notes["error"].format(error=error, log=log_path))


#: seconds between the live feed's polls in the demo: a sale shows soon after "/live on"
DEMO_LIVE_POLL = 10
#: seconds between the alert rules' looks in the demo: "!down" is an alert within a minute
DEMO_ALERTS_TICK = 15


def demo_settings(folder: Path, language: str) -> Settings:
    """Settings that ignore the environment's deployment values: a throwaway database, a fresh
    key (no key file, no warning), nobody locked out, private (loopback) trackers allowed."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "demo.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        admin_ids=[DEMO_USER_ID],
        redis_url=None,
        default_language=language,
        bot_token=None,
        telegram_api_url=None,
        live_poll_seconds=DEMO_LIVE_POLL,
        alerts_tick_seconds=DEMO_ALERTS_TICK,
    )


def files_folder(files: str) -> Path:
    """Where the fake Telegram writes the photos and documents the bot sends (created now, so
    the banner can point to it)."""
    folder = Path(files)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def quieter(names: tuple[str, ...], level: int) -> Iterator[None]:
    """Raise some loggers to ``level`` for a while (unless the run is at DEBUG).

    On a terminal chat, aiogram's per-update INFO lines and the start-up note about the demo's
    own throwaway key only get in the way of the conversation.
    """
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        if logger.getEffectiveLevel() > logging.DEBUG:
            logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in zip(loggers, previous, strict=True):
            logger.setLevel(old)


async def converse(chat: DemoChat, lines: AsyncIterator[str], *, echo: bool) -> None:
    """Read lines until quit/EOF; echo them when they did not come from a person typing."""
    prompt = not echo
    while True:
        if prompt:
            chat.printer.output.write("› ")
            chat.printer.output.flush()
        try:
            raw = await anext(lines)
        except StopAsyncIteration:
            return
        line = raw.strip()
        if echo and line:
            chat.printer.write(f"› {line}")
        if not line:
            continue
        if line.lower() in QUIT_WORDS:
            return
        await chat.handle(line)


@dataclass
class Demo:
    """What a demo session is made of; ``open_demo`` builds it and closes it."""

    sandbox: Sandbox
    telegram: FakeTelegram
    printer: ChatPrinter
    services: Services
    chat: DemoChat
    scheduler: Scheduler
    log: DemoLog


@contextlib.asynccontextmanager
async def open_demo(
    files_dir: Path,
    language: str,
    output: TextIO,
    *,
    clock: Clock | None = None,
    tick: float | None = None,
) -> AsyncIterator[Demo]:
    """The sandbox, the bot's services, the chat and the digest scheduler, running; closed in
    reverse order on the way out (the scheduler first, so no digest is sent into a closed
    session).

    The scheduler is the one ``run`` starts with polling (``bot.scheduler``): digests arrive in
    the terminal at their time. ``clock`` replaces the time digests are scheduled by and
    ``tick`` the scheduler's pause between looks (tests use both).
    """
    async with contextlib.AsyncExitStack() as stack:
        demo_log = stack.enter_context(logs_to_file(files_dir / LOG_NAME, output))
        from bot.app import build_services
        from bot.scheduler import Scheduler

        sandbox = Sandbox(live=6.0)  # live traffic: "/live on" shows a conversion within a minute
        telegram = FakeTelegram(files_dir=files_dir)
        printer = ChatPrinter(telegram, DEMO_USER_ID, output, language)
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="keitaro-demo-"))
        stack.enter_context(quieter(CHATTY_LOGGERS, logging.WARNING))
        await sandbox.start()
        stack.push_async_callback(sandbox.stop)
        with quieter(("bot.app",), logging.ERROR):
            services = await build_services(demo_settings(Path(folder), language))
        stack.push_async_callback(services.close)
        if clock is not None:
            services.clock = clock
        chat = DemoChat(services, telegram, printer, language)
        chat.log_path = demo_log.path
        chat.sandbox = sandbox
        stack.push_async_callback(chat.close)
        stack.callback(telegram.subscribe(printer.on_event))
        options = {} if tick is None else {"tick": tick}
        scheduler = Scheduler(services, chat.bot, **options)
        services.scheduler = scheduler  # ``/digest now`` sends through it too
        scheduler.start()
        stack.push_async_callback(scheduler.stop, SCHEDULER_GRACE)
        yield Demo(sandbox, telegram, printer, services, chat, scheduler, demo_log)


async def run_demo(
    files: str = "demo-files",
    language: str = "ru",
    *,
    input_lines: AsyncIterator[str] | None = None,
    output: TextIO = sys.stdout,
) -> None:
    """The demo chat until quit, EOF or Ctrl+C; everything it started is closed on the way out.

    ``input_lines`` replaces stdin (tests feed scripted lines); ``output`` replaces stdout.
    """
    language = language if language in BANNER else "ru"
    files_dir = files_folder(files)
    interactive = input_lines is None and _is_tty(sys.stdin) and _is_tty(output)
    lines = input_lines if input_lines is not None else stdin_lines()
    demo_log: DemoLog | None = None
    try:
        async with open_demo(files_dir, language, output) as demo:
            demo_log = demo.log
            banner = BANNER[language].format(
                url=demo.sandbox.url, files=files_dir, log=demo.log.path
            )
            demo.printer.write(banner + "\n")
            await demo.chat.connect(demo.sandbox)
            await demo.chat.show_menu()
            await converse(demo.chat, lines, echo=not interactive)
    finally:
        if input_lines is None:
            await lines.aclose()  # type: ignore[attr-defined]
        notes = NOTES[language]
        if demo_log is not None and demo_log.warnings:
            count, where = demo_log.warnings, demo_log.path
            output.write(notes["log_warnings"].format(count=count, log=where) + "\n")
        output.write(notes["bye"] + "\n")
        output.flush()
