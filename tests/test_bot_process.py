"""``python -m bot run`` as a real process, long-polling a Bot API over HTTP.

Everything in-process tests cannot see is exercised here: settings read from the environment,
``TELEGRAM_API_URL``, aiogram's aiohttp session and polling loop, command registration, the
logs a deployment keeps, and a clean shutdown on SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import FakeTelegram, make_user, start_http
from bot.forms.codes import code_of, resource_index
from bot.ui.callbacks import WriteCb, WriteMenuCb
from keitaro.catalog import ACTIONS
from keitaro.sandbox import Sandbox

ROOT = Path(__file__).resolve().parent.parent
API_KEY = "process-test-admin-key-5c2e9a71d04b"
TOKEN = "42:process-test-token"
DEADLINE = 15.0


@dataclass
class BotProcess:
    """The running bot and everything it printed so far."""

    process: asyncio.subprocess.Process
    stdout: bytearray = field(default_factory=bytearray)
    stderr: bytearray = field(default_factory=bytearray)
    readers: list[asyncio.Task[None]] = field(default_factory=list)

    @property
    def logs(self) -> str:
        return (self.stdout + self.stderr).decode(errors="replace")

    async def stop(self, grace: float = 10.0) -> int:
        """SIGTERM, then the exit code within ``grace`` seconds; the output is read to the end."""
        self.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.process.wait(), grace)
        await asyncio.gather(*self.readers)
        return code


async def _drain(stream: asyncio.StreamReader | None, into: bytearray) -> None:
    """Keep reading so the child never blocks on a full pipe."""
    if stream is None:
        return
    while chunk := await stream.read(65536):
        into.extend(chunk)


def bot_env(telegram_url: str, db_path: Path) -> dict[str, str]:
    """The environment of a deployment, without anything the developer's shell may add."""
    dropped = {
        "SECRET_KEY", "REDIS_URL", "ALLOWED_USERS", "ADMIN_IDS", "DEFAULT_LANGUAGE",
        "DATABASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET", "METRICS_LISTEN", "LOG_FORMAT",
    }  # fmt: skip
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=telegram_url,
        DB_PATH=str(db_path),
        ALLOW_PRIVATE_TRACKERS="true",
        LOG_LEVEL="INFO",
        PYTHONPATH=str(ROOT),
    )
    return env


async def wait_until(check: Callable[[], bool], what: str, bot: BotProcess) -> None:
    """Poll until ``check()``; fail with the bot's logs when the deadline passes."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE
    while not check():
        if bot.process.returncode is not None or loop.time() > deadline:
            pytest.fail(f"waited in vain for {what}; the bot's output:\n{bot.logs[-3000:]}")
        await asyncio.sleep(0.05)


def sent_texts(telegram: FakeTelegram) -> list[str]:
    return [str(c.params.get("text", "")) for c in telegram.calls if c.method == "sendMessage"]


def database_files_holding(folder: Path, secret: str) -> list[str]:
    """Names of the database's files (main, WAL, shared memory) whose bytes contain ``secret``."""
    stored = sorted(folder.glob("bot.sqlite3*"))
    assert folder / "bot.sqlite3" in stored
    return [path.name for path in stored if secret.encode() in path.read_bytes()]


@pytest.fixture
async def tracker() -> AsyncIterator[Sandbox]:
    sandbox = Sandbox(api_key=API_KEY, clicks=2_000)
    await sandbox.start()
    yield sandbox
    await sandbox.stop()


@pytest.fixture
async def telegram() -> AsyncIterator[tuple[FakeTelegram, str]]:
    fake = FakeTelegram()
    runner, url = await start_http(fake)
    yield fake, url
    # a long poll the stopped bot left behind would hold the server's shutdown for its whole
    # timeout; a newer poll ends it at once (409), as it does on Telegram
    await fake.handle_async("getUpdates", {"timeout": 0})
    await runner.cleanup()


@pytest.fixture
async def bot_process(
    telegram: tuple[FakeTelegram, str], tmp_path: Path
) -> AsyncIterator[BotProcess]:
    _, url = telegram
    bot = await start_bot(url, tmp_path)
    yield bot
    await kill(bot)


async def test_the_bot_as_a_real_process(
    tracker: Sandbox, telegram: tuple[FakeTelegram, str], bot_process: BotProcess, tmp_path: Path
) -> None:
    fake, _ = telegram
    anna = make_user(7001, "Anna", "en")

    def polling() -> bool:  # getMe comes right before the first getUpdates
        return any(call.method == "getMe" for call in fake.calls)

    await wait_until(polling, "the polling loop", bot_process)
    english = [command["description"] for command in fake.commands_for("")]  # the default
    assert "Today's numbers and every section" in english
    assert fake.commands_for("ru")
    assert fake.commands_for("ru") != fake.commands_for("")

    fake.push_update(fake.message_update(anna, "/start"))
    await wait_until(lambda: any("Hi, Anna" in t for t in sent_texts(fake)), "the greeting",
                     bot_process)  # fmt: skip

    connect = fake.message_update(anna, f"/connect {tracker.url} {API_KEY}")
    fake.push_update(connect)
    await wait_until(lambda: any("Connected" in t for t in sent_texts(fake)), "Connected",
                     bot_process)  # fmt: skip
    assert fake.message(7001, connect["message"]["message_id"]) is None  # the key was deleted

    menus_before = sum("Today:" in text for text in sent_texts(fake))
    fake.push_update(fake.message_update(anna, "/menu"))
    await wait_until(lambda: sum("Today:" in t for t in sent_texts(fake)) > menus_before,
                     "the menu", bot_process)  # fmt: skip
    assert "Keitaro" in sent_texts(fake)[-1]

    code = await bot_process.stop()
    assert code == 0, bot_process.logs[-3000:]
    assert "stopped" in bot_process.logs
    assert "Traceback" not in bot_process.logs

    # the key is nowhere: not in the logs, the database files, nor anything the bot sent
    assert API_KEY not in bot_process.logs
    assert database_files_holding(tmp_path, API_KEY) == []
    assert not any(API_KEY in text for text in sent_texts(fake))


# ----- kill -9 while a write is on the wire ---------------------------------------------------
#
# The in-process tests (tests/test_bot_write_once.py) cancel the handler; here the operating
# system kills the process outright while the sandbox holds a create it has already made, a new
# process starts on the same database, and the same Send button is pressed: the tracker must
# end up with one group, and the user must be told it was already done.

CHAT = 7002
POST_GROUPS = ("POST", "/admin_api/v1/groups")


async def start_bot(url: str, folder: Path, **extra_env: str) -> BotProcess:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        cwd=folder, env={**bot_env(url, folder / "bot.sqlite3"), **extra_env},
    )  # fmt: skip
    bot = BotProcess(process)
    bot.readers = [
        asyncio.create_task(_drain(process.stdout, bot.stdout)),
        asyncio.create_task(_drain(process.stderr, bot.stderr)),
    ]
    return bot


async def kill(bot: BotProcess) -> None:
    if bot.process.returncode is None:
        bot.process.kill()  # SIGKILL: nothing in the process runs after this
        await bot.process.wait()
    for reader in bot.readers:
        reader.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*bot.readers)


def texts(fake: FakeTelegram) -> list[str]:
    return [str(m.get("text") or "") for m in fake.messages(CHAT)]


def button(fake: FakeTelegram, prefix: str) -> tuple[int, str] | None:
    """The newest message's button whose data starts with ``prefix``: (message id, data)."""
    for message in reversed(fake.messages(CHAT)):
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        for row in rows:
            for key in row:
                data = key.get("callback_data", "")
                if data.startswith(prefix):
                    return message["message_id"], data
    return None


def labelled(fake: FakeTelegram, text: str) -> tuple[int, str] | None:
    """The newest message's button labelled ``text``: (message id, data)."""
    for message in reversed(fake.messages(CHAT)):
        for row in (message.get("reply_markup") or {}).get("inline_keyboard") or []:
            for key in row:
                if key.get("text") == text and "callback_data" in key:
                    return message["message_id"], key["callback_data"]
    return None


async def press(fake: FakeTelegram, user: dict[str, Any], prefix: str, bot: BotProcess) -> None:
    await wait_until(lambda: button(fake, prefix) is not None, f"a button {prefix}", bot)
    found = button(fake, prefix)
    assert found is not None
    fake.push_update(fake.callback_update(user, found[0], CHAT, found[1]))


async def test_a_create_cut_by_kill_9_is_not_made_twice(
    tracker: Sandbox, telegram: tuple[FakeTelegram, str], tmp_path: Path
) -> None:
    fake, url = telegram
    anna = make_user(CHAT, "Anna", "en")
    first = await start_bot(url, tmp_path)
    try:
        fake.push_update(fake.message_update(anna, f"/connect {tracker.url} {API_KEY}"))
        await wait_until(lambda: any("Connected" in t for t in texts(fake)), "Connected", first)
        action = ACTIONS["groups.create"]
        fake.push_update(fake.message_update(anna, "/actions"))
        await press(fake, anna, WriteMenuCb(r=resource_index(action.resource)).pack(), first)
        form = WriteCb(op="f", a=code_of("groups.create"), id=0).pack().rsplit(":", 1)[0] + ":"
        await press(fake, anna, form, first)
        await wait_until(lambda: any("Type the value" in t for t in texts(fake)), "the name",
                         first)  # fmt: skip
        fake.push_update(fake.message_update(anna, "Killed mid-write"))
        await wait_until(lambda: labelled(fake, "Offers") is not None, "the type step", first)
        found = labelled(fake, "Offers")
        assert found is not None
        fake.push_update(fake.callback_update(anna, found[0], CHAT, found[1]))
        tracker.faults.write_stall = 30  # the tracker makes the group, then answers slowly
        await press(fake, anna, "fm:y:", first)
        await wait_until(lambda: tracker.count(*POST_GROUPS) == 1, "the create on the wire", first)
    finally:
        await kill(first)
    tracker.faults.write_stall = 0
    assert [g["name"] for g in tracker.state.groups.list()].count("Killed mid-write") == 1

    getme = sum(call.method == "getMe" for call in fake.calls)
    second = await start_bot(url, tmp_path)  # the same database, a new process
    try:
        await wait_until(
            lambda: sum(call.method == "getMe" for call in fake.calls) > getme, "restart", second
        )
        await press(fake, anna, "fm:y:", second)  # the same Send, pressed again
        await wait_until(lambda: any("Already done" in t for t in texts(fake)), "the check",
                         second)  # fmt: skip
    finally:
        await kill(second)
    assert tracker.count(*POST_GROUPS) == 1  # never sent again
    assert [g["name"] for g in tracker.state.groups.list()].count("Killed mid-write") == 1
    assert "Traceback" not in second.logs
