"""What the fake server remembers: chats with their messages, and files.

Messages are Bot API `Message` dicts. An edit replaces the dict instead of mutating it, so a
snapshot handed to a listener or a test stays what it was when it was taken. Three emulator-only
keys ride along and are stripped before anything goes back to the client: `source` (text or
caption exactly as sent), `parse_mode`, and `saved_to` (where a sent file was written).
"""

from __future__ import annotations

import mimetypes
import re
import secrets
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PRIVATE_KEYS = ("source", "parse_mode", "saved_to")
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


def public(message: dict[str, Any]) -> dict[str, Any]:
    """The message as Telegram returns it (emulator-only keys removed)."""
    if not any(key in message for key in PRIVATE_KEYS):
        return message
    return {key: value for key, value in message.items() if key not in PRIVATE_KEYS}


def commands_key(scope: Mapping[str, Any] | None, language_code: str | None) -> tuple[str, str]:
    """setMyCommands keeps one list per (scope, language); the key must not depend on order."""
    scope = scope or {"type": "default"}
    return ",".join(f"{key}={scope[key]}" for key in sorted(scope)), language_code or ""


@dataclass
class ChatState:
    """One chat: its Bot API `Chat` JSON, messages by id (oldest first) and the bot's traces."""

    chat: dict[str, Any]
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    last_message_id: int = 0
    deleted: list[int] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    menu_button: dict[str, Any] | None = None
    reply_keyboard: dict[str, Any] | None = None
    pinned: int | None = None

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id


@dataclass(frozen=True)
class StoredFile:
    """A file Telegram holds: what `getFile` describes and the file URL serves."""

    file_id: str
    file_unique_id: str
    name: str
    mime_type: str
    content: bytes
    file_path: str
    saved_to: Path | None = None

    def as_file(self) -> dict[str, Any]:
        """Bot API `File` JSON."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        """Bot API `Document` JSON."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }

    def as_photo(self) -> list[dict[str, Any]]:
        """Bot API `PhotoSize` list (Telegram sends several sizes; one is enough here)."""
        width, height = image_size(self.content)
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "width": width,
                "height": height,
                "file_size": len(self.content),
            }
        ]


class FileStore:
    """Files by id and by path; written to `files_dir` too when one is given."""

    def __init__(self, files_dir: Path | None = None) -> None:
        self.files_dir = files_dir
        self.by_id: dict[str, StoredFile] = {}
        self.by_path: dict[str, StoredFile] = {}
        self._count = 0

    def add(self, name: str, content: bytes, kind: str, *, save: bool = False) -> StoredFile:
        """Store bytes under a new file_id; `kind` is the folder Telegram uses (documents...)."""
        self._count += 1
        unique = f"{kind[:2].upper()}{self._count:06d}"
        file_id = f"{unique}-{secrets.token_urlsafe(8)}"
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        suffix = Path(name).suffix
        saved_to = None
        if save and self.files_dir is not None:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            saved_to = self.files_dir / f"{self._count:04d}_{_UNSAFE_NAME.sub('_', name)}"
            saved_to.write_bytes(content)
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=unique,
            name=name,
            mime_type=mime,
            content=content,
            file_path=f"{kind}/file_{self._count}{suffix}",
            saved_to=saved_to,
        )
        self.by_id[file_id] = stored
        self.by_path[stored.file_path] = stored
        return stored


def image_kind(content: bytes) -> str | None:
    """The image format Telegram would accept for a photo, by magic bytes."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    if content[:2] == b"BM":
        return "bmp"
    return None


def image_size(content: bytes) -> tuple[int, int]:
    """Width and height from a PNG or JPEG header; (512, 512) when unknown."""
    kind = image_kind(content)
    if kind == "png" and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return int(width), int(height)
    if kind == "jpeg":
        return _jpeg_size(content) or (512, 512)
    return 512, 512


def _jpeg_size(content: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(content):
        if content[index] != 0xFF:
            return None
        marker = content[index + 1]
        length = struct.unpack(">H", content[index + 2 : index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", content[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + length
    return None
