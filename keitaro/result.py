"""What one call returns: the formatted request (secrets masked), the answer and its status."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """The request as sent, safe to show: the API key and postback key are masked."""

    method: str
    url: str
    headers: dict[str, str]
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Unreadable:
    """What a client could not read in one answer, counted while the answer is shaped.

    ``entries``: list items left out (not records, or entities without a usable integer id,
    which nothing could open or act on); ``values``: numbers that could not be read and are
    now ``None`` (missing), never a silent 0.
    """

    entries: int = 0
    values: int = 0

    def __bool__(self) -> bool:
        return bool(self.entries or self.values)

    def __add__(self, other: Unreadable) -> Unreadable:
        return Unreadable(self.entries + other.entries, self.values + other.values)

    def note(self) -> ReadingNote:
        """The warning telling it, in English; the counts ride along for UIs in other words."""
        parts = []
        if self.entries:
            parts.append(f"{self.entries} entries could not be read and are left out")
        if self.values:
            parts.append(f"{self.values} numbers could not be read and count as missing")
        return ReadingNote("The tracker's answer was partly unreadable: " + "; ".join(parts), self)


class ReadingNote(str):
    """A warning (a plain string, as every warning) that carries its :class:`Unreadable`."""

    __slots__ = ("unreadable",)

    def __new__(cls, text: str, unreadable: Unreadable) -> ReadingNote:
        note = super().__new__(cls, text)
        note.unreadable = unreadable
        return note

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the counts
        return ReadingNote, (str(self), self.unreadable)


@dataclass(slots=True)
class ApiResult:
    """The outcome of one action, shaped like automation tools report it.

    ``data`` is the parsed answer (for ``extract`` actions, the part the action is about);
    ``warnings`` explain surprises such as an empty list for a restricted key.
    """

    request: RequestInfo
    resource: str
    operation: str
    success: bool
    status_code: int | None
    data: Any
    elapsed_ms: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        return f"{self.resource}.{self.operation}"

    @property
    def unreadable(self) -> Unreadable:
        """What the client could not read in this answer (nothing, for most answers)."""
        total = Unreadable()
        for warning in self.warnings:
            if isinstance(warning, ReadingNote):
                total += warning.unreadable
        return total

    def first(self) -> Any:
        """The entity of an answer that may be a list of one (archive, clone, enable...)."""
        if isinstance(self.data, list):
            return self.data[0] if self.data else None
        return self.data

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": self.request.to_dict(),
            "resource": self.resource,
            "operation": self.operation,
            "success": self.success,
            "status_code": self.status_code,
            "data": self.data,
            "warnings": list(self.warnings),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, default=str)
