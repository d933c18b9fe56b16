"""The errors a handler raises; the app turns them into Keitaro's JSON error answers."""

from __future__ import annotations

from typing import Any

NO_PERMISSION = "You have no permission to access this resource"


class ApiError(Exception):
    """An answer other than 200: a status and the JSON body Keitaro gives with it."""

    def __init__(self, status: int, body: Any) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body


def bad_request(message: str) -> ApiError:
    return ApiError(400, {"error": message})


def not_found(title: str) -> ApiError:
    """404 ``{"error": "<Entity> not found"}``."""
    return ApiError(404, {"error": f"{title} not found"})


def forbidden() -> ApiError:
    return ApiError(403, {"error": NO_PERMISSION})


def invalid(fields: dict[str, list[str]]) -> ApiError:
    """406 with a field → messages map, as Keitaro's validation errors."""
    return ApiError(406, fields)
