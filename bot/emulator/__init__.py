"""An in-process Telegram for tests, the terminal demo and benchmarks.

`FakeTelegram` is the Bot API server (state and Telegram's refusals), `EmulatedSession` plugs
it into aiogram's `Bot`, `EmulatedUser` plays a user through a real `Dispatcher` and returns
`Screen`s, and `start_http` serves the same fake over HTTP for a real bot process.
"""

from .errors import ApiError
from .http import start_http
from .session import EmulatedSession
from .telegram import Call, FakeTelegram, make_user, private_chat
from .user import EmulatedUser, Screen

__all__ = [
    "ApiError",
    "Call",
    "EmulatedSession",
    "EmulatedUser",
    "FakeTelegram",
    "Screen",
    "make_user",
    "private_chat",
    "start_http",
]
