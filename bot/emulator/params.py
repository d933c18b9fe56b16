"""Typed access to a Bot API call's parameters, whichever way they arrived.

aiogram (like any HTTP client) sends every field as a string: numbers as `"42"`, objects as
JSON text, files as `attach://<key>`. A test may also call `FakeTelegram.handle` with plain
Python values. `Params` accepts both and refuses malformed values with Telegram's wording,
so the in-process session and the HTTP server share one code path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import bad_request


@dataclass(frozen=True, slots=True)
class Upload:
    """A file that came with the request (multipart part or aiogram `InputFile`)."""

    name: str
    content: bytes


class Params:
    """A request's fields plus its uploaded files, read with Telegram's coercions."""

    __slots__ = ("files", "raw")

    def __init__(self, raw: Mapping[str, Any], files: Mapping[str, Upload] | None = None) -> None:
        self.raw = raw
        self.files = files or {}

    def has(self, name: str) -> bool:
        return self.raw.get(name) not in (None, "")

    def text(self, name: str, default: str | None = None) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            raise bad_request(f'field "{name}" must be of type Integer')
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(f'field "{name}" must be of type Integer') from None

    def require_int(self, name: str) -> int:
        value = self.integer(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("true", "1")

    def obj(self, name: str, default: Any = None) -> Any:
        """An object or array field: JSON text from the wire, or an already decoded value."""
        value = self.raw.get(name)
        if value is None or value == "":
            return default
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def file(self, name: str) -> Upload | str | None:
        """An `InputFile` field: the upload it attaches, or a file_id / URL string."""
        value = self.raw.get(name)
        if isinstance(value, Upload):
            return value
        if value is None or value == "":
            return self.files.get(name)
        return self.attachment(str(value))

    def attachment(self, value: str) -> Upload | str:
        """Resolve `attach://key` (also inside InputMedia) to the uploaded part."""
        if value.startswith("attach://"):
            upload = self.files.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return upload
        return value
