"""`FakeTelegram`: the Bot API server side, in memory, refusing what Telegram refuses.

Why a server and not a mock: handlers must get real `Message` objects back (ids, edit dates,
file ids) and real `TelegramBadRequest` / `TelegramForbiddenError` / `TelegramRetryAfter`
errors, so the tests exercise the same code paths production does. The in-process session
(`session.py`), the HTTP wrapper (`http.py`) and the test driver (`user.py`) all talk to this
one object through `handle()`, with the same parameters Telegram would receive.

Method implementations live in `methods.py`; this module keeps the state, the checks every
method shares, the getUpdates queue and the update builders.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ApiError, bad_request, forbidden
from .formatting import Entity, EntityParseError, parse_text
from .methods import METHODS
from .params import Params, Upload
from .store import ChatState, FileStore, StoredFile, commands_key, public

MAX_TEXT = 4096
MAX_CAPTION = 1024
Listener = Callable[[str, int, dict[str, Any]], None]
_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")
_RATED = ("send", "copy", "forward", "edit")  # method prefixes that count against flood control


@dataclass(frozen=True, slots=True)
class Call:
    """One request as the server saw it, for tests that check what was (not) called."""

    method: str
    params: dict[str, Any]
    ok: bool
    error: str | None = None
    status: int = 200


def make_user(
    user_id: int, first_name: str = "Anna", language_code: str | None = "ru", **extra: Any
) -> dict[str, Any]:
    """Bot API `User` JSON for a human."""
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        user["language_code"] = language_code
    user.update(extra)
    return user


def private_chat(user: Mapping[str, Any]) -> dict[str, Any]:
    """Bot API `Chat` JSON of the private chat with `user`."""
    chat = {"id": user["id"], "type": "private", "first_name": user.get("first_name", "")}
    if user.get("username"):
        chat["username"] = user["username"]
    return chat


class FakeTelegram:
    """A stateful Bot API server for one bot. See the module docstring for why."""

    def __init__(
        self,
        *,
        bot_id: int = 42,
        username: str = "keitaro_test_bot",
        first_name: str = "Keitaro",
        files_dir: Path | None = None,
        rate_limit: float | None = None,
        strict_html: bool = True,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bot_id = bot_id
        self.username = username
        self.first_name = first_name
        self.rate_limit = rate_limit
        self.strict_html = strict_html
        self.clock = clock
        self.chats: dict[int, ChatState] = {}
        self.files = FileStore(files_dir)
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.default_menu_button: dict[str, Any] = {"type": "commands"}
        self.pending_callbacks: dict[str, dict[str, Any]] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.blocked: set[int] = set()
        self.admins: dict[int, set[int]] = {}
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.webhook_url = ""
        #: what the last setWebhook asked for: the secret token, the update types
        self.webhook_secret = ""
        self.webhook_updates: list[str] = []
        self.users: dict[int, dict[str, Any]] = {}
        self.profile: dict[str, dict[str, Any]] = {}
        self._listeners: list[Listener] = []
        self._last_update_id = 0
        self._last_query_id = 0
        self._sent_at: deque[float] = deque()
        self._waiters: list[asyncio.Future[None]] = []
        self._poll_generation = 0

    # ----- identity and configuration -------------------------------------------------------

    @property
    def me(self) -> dict[str, Any]:
        """The bot as a Bot API `User` (the `from` of its messages)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: every send to this chat now fails with 403."""
        self.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def set_admins(self, chat_id: int, user_ids: set[int] | list[int]) -> None:
        """`getChatMember` answers `administrator` for these users in this chat."""
        self.admins[chat_id] = set(user_ids)

    def add_chat(self, chat: Mapping[str, Any]) -> ChatState:
        """Make a chat known (Telegram answers `chat not found` for chats the bot never saw)."""
        state = self.chats.get(chat["id"])
        if state is None:
            state = self.chats[chat["id"]] = ChatState(chat=dict(chat))
        else:
            state.chat = {**state.chat, **chat}
        return state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(kind, chat_id, payload)` on sent/edited/deleted/action/answer events.

        Returns the function that unsubscribes it.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ----- reading the state (for tests and the demo) ----------------------------------------

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Current version of every message in the chat, oldest first (bot's and user's)."""
        state = self.chats.get(chat_id)
        return list(state.messages.values()) if state else []

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        state = self.chats.get(chat_id)
        return state.messages.get(message_id) if state else None

    def file(self, file_id: str) -> StoredFile:
        return self.files.by_id[file_id]

    def commands_for(
        self, language_code: str = "", scope: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        return self.commands.get(commands_key(scope, language_code), [])

    # ----- the API -----------------------------------------------------------------------------

    def handle(
        self,
        method: str,
        params: Mapping[str, Any],
        files: Mapping[str, Upload] | None = None,
        *,
        token: str | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call: (HTTP status, Bot API JSON). getUpdates does not wait here."""
        try:
            self._check_token(token)
            implementation = METHODS.get(method.lower())
            if implementation is None:
                raise ApiError(404, "Not Found: method not found")
            result = implementation(self, Params(params, files))
        except ApiError as error:
            return self._failed(method, params, error)
        return self._succeeded(method, params, result)

    async def handle_async(
        self,
        method: str,
        params: Mapping[str, Any],
        files: Mapping[str, Upload] | None = None,
        *,
        token: str | None = None,
    ) -> tuple[int, dict[str, Any]]:
        """Like `handle`, but getUpdates long-polls: it waits up to `timeout` for an update."""
        if method.lower() != "getupdates":
            return self.handle(method, params, files, token=token)
        try:
            self._check_token(token)
            result = await self._long_poll(Params(params, files))
        except ApiError as error:
            return self._failed(method, params, error)
        return self._succeeded(method, params, result)

    def _check_token(self, token: str | None) -> None:
        if token is not None and token.split(":", 1)[0] != str(self.bot_id):
            raise ApiError(401, "Unauthorized")

    def _failed(
        self, method: str, params: Mapping[str, Any], error: ApiError
    ) -> tuple[int, dict[str, Any]]:
        self.calls.append(Call(method, dict(params), False, error.description, error.status))
        return error.status, error.payload()

    def _succeeded(
        self, method: str, params: Mapping[str, Any], result: Any
    ) -> tuple[int, dict[str, Any]]:
        self.calls.append(Call(method, dict(params), True))
        return 200, {"ok": True, "result": result}

    # ----- checks shared by the methods -------------------------------------------------------

    def resolve_chat(self, params: Params, name: str = "chat_id") -> ChatState:
        """The chat a call targets, by id or `@username`; `chat not found` otherwise."""
        raw = params.raw.get(name)
        if raw is None or raw == "":
            raise bad_request(f"{name} is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for state in self.chats.values():
                if state.chat.get("username", "").lower() == raw[1:].lower():
                    return state
            raise bad_request("chat not found")
        state = self.chats.get(params.require_int(name))
        if state is None:
            raise bad_request("chat not found")
        return state

    def writable_chat(self, params: Params) -> ChatState:
        """A chat the bot may post to: known, and not blocked by its user."""
        state = self.resolve_chat(params)
        if state.chat["id"] in self.blocked:
            raise forbidden("bot was blocked by the user")
        return state

    def render(
        self,
        text: str | None,
        parse_mode: str | None,
        entities: list[Entity] | None,
        *,
        caption: bool,
    ) -> tuple[str, list[Entity]]:
        """Visible text and entities, refused the way Telegram refuses them."""
        if parse_mode and parse_mode.lower() not in ("html", "markdown", "markdownv2"):
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        if entities is not None:
            parse_mode = None
        try:
            visible, found = parse_text(text or "", parse_mode, strict=self.strict_html)
        except EntityParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
        if entities is not None:
            found = entities
        if caption:
            if len(visible) > MAX_CAPTION:
                raise bad_request("message caption is too long")
        elif not visible:
            raise bad_request("message text is empty")
        elif len(visible) > MAX_TEXT:
            raise bad_request("message is too long")
        return visible, found

    def spend_rate(self, method: str) -> None:
        """Flood control: more than `rate_limit` messages within a second → 429."""
        if self.rate_limit is None or not method.lower().startswith(_RATED):
            return
        now = self.clock()
        window = self._sent_at
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= self.rate_limit:
            retry_after = max(1, math.ceil(window[0] + 1.0 - now))
            raise ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        window.append(now)

    def now(self) -> int:
        return int(self.clock())

    # ----- what the bot did (methods call these) ---------------------------------------------

    def post(self, state: ChatState, content: dict[str, Any]) -> dict[str, Any]:
        """Store a new bot message in the chat and tell the listeners."""
        message = {
            "message_id": state.next_message_id(),
            "from": self.me,
            "chat": state.chat,
            "date": self.now(),
            **content,
        }
        state.messages[message["message_id"]] = message
        self.emit("sent", state.chat["id"], message)
        return message

    def replace(self, state: ChatState, message: dict[str, Any]) -> dict[str, Any]:
        """Store an edited version (a new dict, so earlier snapshots stay as they were)."""
        state.messages[message["message_id"]] = message
        self.emit("edited", state.chat["id"], message)
        return message

    def emit(self, kind: str, chat_id: int, payload: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            listener(kind, chat_id, payload)

    # ----- updates -----------------------------------------------------------------------------

    def next_update_id(self) -> int:
        self._last_update_id += 1
        return self._last_update_id

    def message_update(
        self,
        user: Mapping[str, Any],
        text: str = "",
        chat: Mapping[str, Any] | None = None,
        document: tuple[str, bytes] | None = None,
    ) -> dict[str, Any]:
        """An Update with a message from `user` (with `document`, `text` is its caption)."""
        state = self.add_chat(chat or private_chat(user))
        self.users[user["id"]] = dict(user)
        message: dict[str, Any] = {
            "message_id": state.next_message_id(),
            "from": dict(user),
            "chat": state.chat,
            "date": self.now(),
        }
        if document is not None:
            stored = self.files.add(document[0], document[1], "documents")
            message["document"] = stored.as_document()
            if text:
                message["caption"] = text
        elif not text:
            raise ValueError("a user cannot send an empty message")
        else:
            message["text"] = text
            command = _COMMAND.match(text)
            if command:
                length = command.end()
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        state.messages[message["message_id"]] = message
        return {"update_id": self.next_update_id(), "message": message}

    def callback_update(
        self, user: Mapping[str, Any], message_id: int, chat_id: int, data: str
    ) -> dict[str, Any]:
        """An Update with a button press; its query id becomes pending until answered."""
        state = self.chats.get(chat_id)
        if state is None:
            raise ValueError(f"chat {chat_id} is unknown to the fake Telegram")
        self.users[user["id"]] = dict(user)
        current = state.messages.get(message_id)
        if current is None:  # deleted meanwhile: Telegram sends an InaccessibleMessage
            message = {"chat": state.chat, "message_id": message_id, "date": 0}
        else:
            message = public(current)
        self._last_query_id += 1
        query = {
            "id": f"{self.bot_id}{self._last_query_id:08d}",
            "from": dict(user),
            "chat_instance": f"{chat_id}{self.bot_id}",
            "message": message,
            "data": data,
        }
        self.pending_callbacks[query["id"]] = query
        return {"update_id": self.next_update_id(), "callback_query": query}

    def push_update(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates and wake a waiting long poll."""
        self.updates.append(update)
        self._wake()

    def _wake(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)

    def take_updates(self, params: Params) -> list[dict[str, Any]]:
        """getUpdates without waiting: confirm below `offset`, return up to `limit`."""
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.integer("offset", 0) or 0
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        if offset > 0:
            self.updates = [update for update in self.updates if update["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        return self.updates[:limit]

    async def _long_poll(self, params: Params) -> list[dict[str, Any]]:
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake()  # an older poll still waiting is terminated with 409, as Telegram does
        updates = self.take_updates(params)
        timeout = params.integer("timeout", 0) or 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not updates and loop.time() < deadline:
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            try:
                await asyncio.wait_for(waiter, deadline - loop.time())
            except TimeoutError:
                pass
            finally:
                self._waiters.remove(waiter)
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            updates = self.take_updates(params)
        return updates
