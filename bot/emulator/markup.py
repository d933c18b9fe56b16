"""Reply markup checks with Telegram's limits and wording.

Why: `InlineKeyboardBuilder` happily builds a 120-button keyboard or a 70-byte callback_data
from a long entity name; Telegram then refuses the whole message. Checking here the same way
turns those into test failures.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .errors import bad_request

MAX_BUTTONS = 100
MAX_ROW = 8
MAX_CALLBACK_BYTES = 64
INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL_SCHEMES = {"http", "https", "tg", "ton"}


def check_reply_markup(markup: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate a decoded `reply_markup`; return it as stored, or None for no markup."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline(markup["inline_keyboard"])
        return markup
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in markup:
        _check_reply_keyboard(markup["keyboard"])
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise bad_request("can't parse reply keyboard markup JSON object")


def _rows(rows: Any, name: str) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'field "{name}" must be an Array of Arrays')
    if sum(len(row) for row in rows) > MAX_BUTTONS or any(len(row) > MAX_ROW for row in rows):
        raise bad_request("reply markup is too long")
    return rows


def _check_inline(rows: Any) -> None:
    for row in _rows(rows, "inline_keyboard"):
        for button in row:
            _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not button["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [name for name in INLINE_ACTIONS if button.get(name) is not None]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used, "
            f"got {', '.join(actions)}"
        )
    if "callback_data" in actions:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in actions and not is_button_url(button["url"]):
        raise bad_request("BUTTON_URL_INVALID")


def is_button_url(url: Any) -> bool:
    """Telegram wants an absolute http(s)/tg/ton link with a real host (no bare `localhost`)."""
    if not isinstance(url, str) or not url or any(char.isspace() for char in url):
        return False
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme.lower() not in _URL_SCHEMES:
        return False
    if parts.scheme.lower() in ("tg", "ton"):
        return True
    host = parts.hostname or ""
    return "." in host or ":" in host  # a domain or an IP literal


def _check_reply_keyboard(rows: Any) -> None:
    for row in _rows(rows, "keyboard"):
        for button in row:
            text = button.get("text") if isinstance(button, dict) else button
            if not isinstance(text, str) or not text.strip():
                raise bad_request("can't parse keyboard button: Text must be non-empty")


def button_labels(markup: dict[str, Any] | None) -> list[list[str]]:
    """The labels of an inline keyboard, row by row (empty when there is none)."""
    if not markup or "inline_keyboard" not in markup:
        return []
    return [[button["text"] for button in row] for row in markup["inline_keyboard"]]
