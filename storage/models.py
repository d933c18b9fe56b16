"""What repositories return: plain frozen dataclasses, and `Secret` for what must not leak.

`User` and `Tracker` carry no secrets, so they can be logged, cached and rendered freely.
Decrypted keys only ever travel inside `Credentials`, wrapped in `Secret`, whose `repr`,
`str` and format are masked: a key reaches a log line or a reply only if code asks for it
by name with `.reveal()`.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Any

MASK = "***"
HINT_CHARS = 4
MIN_LENGTH_FOR_HINT = 12


def hint(secret: str) -> str:
    """How a key is shown to its owner: ``***ab12``; only the mask for short keys."""
    if len(secret) < MIN_LENGTH_FOR_HINT:
        return MASK
    return MASK + secret[-HINT_CHARS:]


class Secret:
    """A string that does not print itself."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    @property
    def hint(self) -> str:
        return hint(self._value)

    def __repr__(self) -> str:
        return f"Secret({self.hint!r})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return format(repr(self), spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled: it would leave the process in clear")


@dataclass(frozen=True, slots=True)
class User:
    id: int
    language: str | None
    timezone: str | None
    active_tracker_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Tracker:
    id: int
    owner_id: int
    name: str
    url: str
    api_key_hint: str
    has_postback_key: bool
    created_at: datetime
    #: "dimensions" or "legacy" (``keitaro.guesses.REPORT_DIALECT_KEYS``); None: not known yet
    report_dialect: str | None = None


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a client needs to talk to one tracker; keys stay masked until revealed."""

    tracker_id: int
    url: str
    api_key: Secret
    postback_key: Secret | None


@dataclass(frozen=True, slots=True)
class Digest:
    id: int
    owner_id: int
    chat_id: int
    tracker_id: int
    schedule: dict[str, Any]
    timezone: str
    spec: dict[str, Any]
    paused: bool
    #: the last slot claimed for delivery (or skipped); never goes back
    last_slot: str | None
    created_at: datetime
    #: ``last_slot`` again while its delivery is not confirmed (see ``DigestRepository``)
    pending_slot: str | None = None
    #: when the pending claim was taken; a claim older than the scheduler's lease is stale
    claimed_at: datetime | None = None
