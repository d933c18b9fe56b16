"""The one way the fake server refuses a call: an `ApiError` carrying Telegram's status and text.

Every check raises it; `FakeTelegram.handle` turns it into the Bot API error JSON, so the
client side (aiogram's own `check_response`) raises the same exception class Telegram would.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A refused Bot API call: HTTP status, Telegram's description, optional `parameters`."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends with this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    """400 with Telegram's `Bad Request: ` prefix."""
    return ApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> ApiError:
    """403 with Telegram's `Forbidden: ` prefix."""
    return ApiError(403, f"Forbidden: {reason}")
