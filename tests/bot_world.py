"""The whole bot in one process: sandbox tracker, database, real Dispatcher, fake Bot API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher

from bot.app import Services, build_services, create_bot, create_dispatcher
from bot.config import Settings
from bot.emulator import EmulatedSession, EmulatedUser, FakeTelegram
from keitaro.sandbox import Sandbox


class BotWorld:
    """Build it with :meth:`start`; :meth:`restart` is a process restart on the same files."""

    def __init__(self, sandbox: Sandbox, folder: Path, **settings: Any) -> None:
        self.sandbox = sandbox
        self.folder = folder
        defaults = {
            "allow_private_trackers": True,
            "default_language": "en",
            # the driver taps far faster than a person; test_bot_throttling sets its own
            "throttle_updates": 10_000,
        }
        self.settings = Settings(
            _env_file=None, db_path=folder / "bot.sqlite3", **(defaults | settings)
        )
        self.telegram = FakeTelegram()
        self.services: Services
        self.bot: Bot
        self.dp: Dispatcher
        self.users: list[EmulatedUser] = []

    async def start(self) -> BotWorld:
        self.services = await build_services(self.settings)
        self.bot = create_bot(self.settings, EmulatedSession(self.telegram))
        self.dp = create_dispatcher(self.services)
        return self

    async def stop(self) -> None:
        for user in self.users:
            user.close()
        await self.services.close()

    async def restart(self) -> None:
        """A new process: new services, Dispatcher and Bot over the same database file."""
        await self.services.close()
        await self.start()
        for user in self.users:
            user.dispatcher, user.bot = self.dp, self.bot

    def user(self, user_id: int = 1001, language: str = "en", name: str = "Anna") -> EmulatedUser:
        person = EmulatedUser(
            self.dp, self.bot, self.telegram, user_id=user_id, first_name=name,
            language_code=language,
        )  # fmt: skip
        self.users.append(person)
        return person

    async def connected_user(self, user_id: int = 1001, language: str = "en") -> EmulatedUser:
        """A user who has connected the sandbox with its admin key."""
        person = self.user(user_id, language)
        await person.send(f"/connect {self.sandbox.url} {self.sandbox.api_key}")
        return person


def done_said(text: str) -> bool:
    """Whether a form's result says it was done ("✅ Saved.", "🗄 Archived."...), in English."""
    from bot.i18n import CATALOGS

    english = CATALOGS["en"]
    return any(english[key] in text for key in english if key.startswith("form.did."))


def shown(html: str) -> str:
    """A text of the bot as a user reads it in Telegram: tags rendered, entities decoded."""
    import html as html_module
    import re

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))
