"""`EmulatedUser`: plays one Telegram user against a real Dispatcher.

Why: tests should read like a conversation (`await anna.send("/start")`,
`await anna.click("Campaigns")`) while driving the real pipeline: real `Update` objects through
`Dispatcher.feed_update`, with the bot's answers produced by `FakeTelegram`. Each step returns a
`Screen` with what the bot did in this chat during that update. A callback query the bot never
answered is recorded in `unanswered`, because Telegram then shows the user a spinner.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from aiogram.fsm.context import FSMContext
from aiogram.types import Update

from .markup import button_labels
from .telegram import FakeTelegram, make_user, private_chat

if TYPE_CHECKING:
    from aiogram import Bot, Dispatcher


def content_text(message: dict[str, Any]) -> str:
    """What the user reads: the text, or the caption of a photo or document."""
    return message.get("text") or message.get("caption") or ""


@dataclass
class Screen:
    """What the bot did in the chat while one update was handled, in order."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    """Sent and edited messages (snapshots; an edited message appears once per version)."""
    deleted: list[int] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    """answerCallbackQuery calls: `text` shows as a toast, or an alert with `show_alert`."""

    @property
    def texts(self) -> list[str]:
        return [content_text(message) for message in self.messages]

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts)

    @property
    def alerts(self) -> list[str]:
        return [answer["text"] for answer in self.answers if answer.get("text")]

    @property
    def buttons(self) -> list[str]:
        """Every inline button label on the screen's messages, flattened in order."""
        return [
            label
            for message in self.messages
            for row in button_labels(message.get("reply_markup"))
            for label in row
        ]

    def __contains__(self, substring: str) -> bool:
        """True when the text, a callback toast/alert or a button label contains it."""
        return any(substring in part for part in (self.text, *self.alerts, *self.buttons))

    def __str__(self) -> str:
        return self.text


class EmulatedUser:
    """One user in one chat (their private chat with the bot unless `chat_id` is given)."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        telegram: FakeTelegram,
        *,
        user_id: int = 1001,
        first_name: str = "Anna",
        language_code: str | None = "ru",
        chat_id: int | None = None,
        username: str | None = None,
        **feed_kwargs: Any,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.telegram = telegram
        extra = {"username": username} if username else {}
        self.user = make_user(user_id, first_name, language_code, **extra)
        chat = private_chat(self.user)
        if chat_id is not None and chat_id != user_id:
            chat = {"id": chat_id, "type": "supergroup", "title": f"Chat {chat_id}"}
        self.chat = telegram.add_chat(chat).chat
        self.chat_id: int = self.chat["id"]
        self.feed_kwargs = feed_kwargs
        self.unanswered: list[dict[str, Any]] = []
        self._screen: Screen | None = None
        self._unsubscribe = telegram.subscribe(self._record)

    def close(self) -> None:
        """Stop listening to the fake server (a user is cheap; call this in long benchmarks)."""
        self._unsubscribe()

    # ----- acting ----------------------------------------------------------------------------

    async def send(self, text: str) -> Screen:
        """Type and send a text message."""
        return await self._feed(self.telegram.message_update(self.user, text, chat=self.chat))

    async def send_document(self, name: str, content: bytes, caption: str | None = None) -> Screen:
        """Send a file (as a document), with an optional caption."""
        update = self.telegram.message_update(
            self.user, caption or "", chat=self.chat, document=(name, content)
        )
        return await self._feed(update)

    async def click(self, label: str, *, message_id: int | None = None) -> Screen:
        """Press the inline button whose label contains `label` (case-insensitive).

        An exact (case-insensitive) label wins over partial matches; otherwise exactly one
        button must match. Looks at the newest message with a keyboard unless `message_id`.
        """
        message = self._keyboard_message(message_id)
        buttons = [button for row in message["reply_markup"]["inline_keyboard"] for button in row]
        wanted = label.casefold()
        matches = [button for button in buttons if wanted in button["text"].casefold()]
        exact = [button for button in matches if button["text"].casefold() == wanted]
        if len(exact) == 1:
            matches = exact
        if len(matches) != 1:
            found = "no button" if not matches else f"{len(matches)} buttons"
            raise AssertionError(
                f"{found} matching {label!r} on message {message['message_id']}; "
                f"buttons: {self.keyboard(message['message_id'])}"
            )
        return await self._press(message, matches[0])

    async def press(self, index: int) -> Screen:
        """Press the N-th button (1-based, rows left to right) of the newest keyboard."""
        message = self._keyboard_message(None)
        buttons = [button for row in message["reply_markup"]["inline_keyboard"] for button in row]
        if not 1 <= index <= len(buttons):
            raise AssertionError(f"no button #{index}; buttons: {self.keyboard()}")
        return await self._press(message, buttons[index - 1])

    async def click_data(self, data: str, message_id: int) -> Screen:
        """Send a callback query with arbitrary (possibly forged) data from `message_id`."""
        return await self._callback(message_id, data)

    # ----- reading ------------------------------------------------------------------------------

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every bot message in the chat, current versions, oldest first."""
        return [
            message
            for message in self.telegram.messages(self.chat_id)
            if message.get("from", {}).get("id") == self.telegram.bot_id
        ]

    @property
    def last(self) -> str:
        """The text (or caption) of the bot's newest message; empty when there is none."""
        messages = self.messages
        return content_text(messages[-1]) if messages else ""

    def keyboard(self, message_id: int | None = None) -> list[list[str]]:
        """Button labels of `message_id`, or of the newest message that has a keyboard."""
        if message_id is not None:
            message = self.telegram.message(self.chat_id, message_id)
            return button_labels(message.get("reply_markup")) if message else []
        for message in reversed(self.messages):
            if button_labels(message.get("reply_markup")):
                return button_labels(message["reply_markup"])
        return []

    async def state(self) -> str | None:
        """The user's current FSM state in this chat."""
        return await self._fsm().get_state()

    async def data(self, *, stats: bool = False) -> dict[str, Any]:
        """The user's FSM data in this chat (``stats``: the stats data kept beside it)."""
        context = self._fsm()
        if stats:
            context = FSMContext(storage=context.storage, key=replace(context.key, destiny="stats"))
        return await context.get_data()

    # ----- plumbing ----------------------------------------------------------------------------

    def _fsm(self) -> Any:
        return self.dispatcher.fsm.get_context(
            bot=self.bot, chat_id=self.chat_id, user_id=self.user["id"]
        )

    def _keyboard_message(self, message_id: int | None) -> dict[str, Any]:
        if message_id is not None:
            message = self.telegram.message(self.chat_id, message_id)
            if message is None or not button_labels(message.get("reply_markup")):
                raise AssertionError(f"message {message_id} has no inline keyboard")
            return message
        for message in reversed(self.messages):
            if button_labels(message.get("reply_markup")):
                return message
        raise AssertionError("no message with an inline keyboard in the chat")

    async def _press(self, message: dict[str, Any], button: dict[str, Any]) -> Screen:
        if "callback_data" not in button:
            kind = next(key for key in button if key != "text")
            raise AssertionError(f"button {button['text']!r} is a {kind} button, not a callback")
        return await self._callback(message["message_id"], button["callback_data"])

    async def _callback(self, message_id: int, data: str) -> Screen:
        update = self.telegram.callback_update(self.user, message_id, self.chat_id, data)
        query = update["callback_query"]
        screen = await self._feed(update)
        if query["id"] in self.telegram.pending_callbacks:
            self.unanswered.append(query)
        return screen

    async def _feed(self, data: dict[str, Any]) -> Screen:
        update = Update.model_validate(data, context={"bot": self.bot})
        self._screen = screen = Screen()
        try:
            await self.dispatcher.feed_update(self.bot, update, **self.feed_kwargs)
        finally:
            self._screen = None
        return screen

    def _record(self, kind: str, chat_id: int, payload: dict[str, Any]) -> None:
        screen = self._screen
        if screen is None or chat_id != self.chat_id:
            return
        if kind in ("sent", "edited"):
            screen.messages.append(payload)
        elif kind == "deleted":
            screen.deleted.append(payload["message_id"])
        elif kind == "action":
            screen.actions.append(payload["action"])
        elif kind == "answer":
            screen.answers.append(payload)
