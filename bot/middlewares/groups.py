"""How the bot behaves in group chats: quiet, private about keys, and one screen per owner.

- Ordinary messages (not a command, not a reply to the bot, not an answer in the member's own
  dialog) and commands addressed to another bot (``/stats@otherbot``) get no reply at all.
- An API key (``/connect <url> <key>``, ``/connect <key>``, any message where the bot waits
  for a key or a postback key, or a message that is nothing but something shaped like a key,
  as the key sent after ``/connect <url>`` is) is deleted and refused, with the advice to
  revoke it: every member has seen it, whether or not the deletion worked. Connecting happens
  in a private chat.
- A press on a screen another member opened is turned away with a toast; the owner's screen
  stays as it is (:mod:`bot.services.screens` records the owners).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware, Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Chat, Message, TelegramObject, User

from bot.handlers.states import Connect, ConversionForm, TrackerEdit
from bot.i18n import Translator, language_for
from bot.services.screens import current_owner
from bot.ui.screens import delete_quietly

if TYPE_CHECKING:
    from bot.app import Services

#: states in which the next message is a secret
SECRET_STATES = frozenset(
    {Connect.api_key.state, TrackerEdit.postback.state, ConversionForm.postback_key.state}
)
#: dialogs that must move to a private chat (their state is dropped in a group)
PRIVATE_DIALOGS = frozenset({Connect.url.state, Connect.api_key.state, TrackerEdit.postback.state})
#: what a Keitaro API key looks like: 32 hex digits; or one long word of letters and digits
#: (both), longer than any click id or sub_id a buyer would paste among the members
_HEX_KEY = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])")
_LONG_WORD = re.compile(r"[A-Za-z0-9_-]{24,128}")
_COMMAND = re.compile(
    r"^/(?P<name>[A-Za-z0-9_]+)(?:@(?P<mention>[A-Za-z0-9_]+))?(?:\s+(?P<args>.*))?$", re.S
)


@dataclass(frozen=True, slots=True)
class CommandLine:
    name: str
    mention: str | None
    args: str


def looks_like_key(text: str) -> bool:
    """True when ``text`` holds something shaped like an API key (see ``_HEX_KEY``)."""
    text = text.strip()
    if _HEX_KEY.search(text):
        return True
    return (
        _LONG_WORD.fullmatch(text) is not None
        and any(ch.isdigit() for ch in text)
        and any(ch.isalpha() for ch in text)
    )


def _is_address(word: str) -> bool:
    return "." in word or "/" in word or ":" in word


def parse_command(text: str) -> CommandLine | None:
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    return CommandLine(match["name"].lower(), match["mention"], (match["args"] or "").strip())


class GroupChatMiddleware(BaseMiddleware):
    """Outer middleware on messages and presses; also marks whose update is being handled."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        bot: Bot | None = data.get("bot")
        if bot is not None:
            self.services.screens.attach(bot)
        token = current_owner.set(user.id if user is not None else None)
        try:
            if user is None or bot is None or chat is None or chat.type == "private":
                return await handler(event, data)
            if isinstance(event, Message):
                return await self._message(handler, event, data, user, bot)
            if isinstance(event, CallbackQuery):
                return await self._press(handler, event, data, user)
            return await handler(event, data)
        finally:
            current_owner.reset(token)

    async def _message(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        message: Message,
        data: dict[str, Any],
        user: User,
        bot: Bot,
    ) -> Any:
        command = parse_command(message.text or message.caption or "")
        raw_state: str | None = data.get("raw_state")
        if command is not None and command.mention is not None:
            me = await bot.me()
            if command.mention.lower() != (me.username or "").lower():
                return None  # another bot's command
        is_connect = command is not None and command.name == "connect"
        text = message.text or message.caption or ""
        if raw_state in SECRET_STATES or self._holds_key(command, text):
            return await self._refuse_key(message, data, user, raw_state)
        if is_connect or raw_state in PRIVATE_DIALOGS:
            state: FSMContext = data["state"]
            await state.clear()
            t = await self._translator(user)
            await message.answer(t("group.connect_private", bot=await _bot_name(bot)))
            return None
        replying = message.reply_to_message
        to_bot = (
            replying is not None
            and replying.from_user is not None
            and (replying.from_user.id == bot.id)
        )
        if command is None and raw_state is None and not to_bot:
            return None  # talk among the members
        return await handler(message, data)

    @staticmethod
    def _holds_key(command: CommandLine | None, text: str) -> bool:
        """``/connect <url> <key>``, ``/connect <key>``, or a key on its own line of chat."""
        if command is None:
            return looks_like_key(text)
        if command.name != "connect":
            return False
        words = command.args.split()
        return len(words) >= 2 or any(not _is_address(w) or looks_like_key(w) for w in words)

    async def _refuse_key(
        self, message: Message, data: dict[str, Any], user: User, raw_state: str | None
    ) -> None:
        await delete_quietly(message)
        if raw_state in PRIVATE_DIALOGS:
            state: FSMContext = data["state"]
            await state.clear()
        t = await self._translator(user)
        await message.answer(t("group.key_refused", bot=await _bot_name(message.bot)))

    async def _press(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        query: CallbackQuery,
        data: dict[str, Any],
        user: User,
    ) -> Any:
        message = query.message
        if message is not None:
            owner = await self.services.screens.owner(message.chat.id, message.message_id)
            if owner is not None and owner != user.id:
                t = await self._translator(user)
                await query.answer(t.plain("group.not_yours"), show_alert=True)
                return None
        return await handler(query, data)

    async def _translator(self, user: User) -> Translator:
        default = self.services.settings.default_language
        stored = await self.services.users.get(user.id)
        language = stored.language if stored is not None and stored.language else None
        return Translator(language or language_for(user.language_code, default))


async def _bot_name(bot: Bot | None) -> str:
    if bot is None:
        return "the bot"
    me = await bot.me()
    return f"@{me.username}" if me.username else me.first_name
