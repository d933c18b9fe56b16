"""Keeping API keys and other secrets out of everything a person or a log can read."""

from __future__ import annotations

import logging
import re
from typing import Any, Final

MASK: Final = "***"
#: request fields whose values are secrets wherever they appear
SECRET_FIELDS: Final = frozenset(
    {"api_key", "api-key", "authorization", "token", "password", "new_password",
     "new_password_confirmation", "avscan_key", "postback_key"}
)  # fmt: skip
_POSTBACK_PATH = re.compile(r"/[A-Za-z0-9_-]+/postback\b")
_SECRET_QUERY = re.compile(
    r"([?&](?:" + "|".join(sorted(SECRET_FIELDS)).replace("-", "\\-") + r")=)[^&#\s\"']*",
    re.IGNORECASE,
)


def mask(secret: str | None) -> str:
    """``***7f3a`` for a long key, ``***`` for a short one: enough to tell two keys apart."""
    if not secret:
        return ""
    return f"{MASK}{secret[-4:]}" if len(secret) >= 16 else MASK


class Secret:
    """A string that never shows itself in ``repr``, ``str``, f-strings or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Secret({mask(self._value)!r})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled")


def mask_postback_path(url: str) -> str:
    """Hide the postback key in ``https://trk/<key>/postback`` and secrets in the query."""
    return _SECRET_QUERY.sub(rf"\g<1>{MASK}", _POSTBACK_PATH.sub(f"/{MASK}/postback", url))


#: nesting no JSON answer or request reaches; a structure this deep refers to itself
_SCRUB_DEPTH: Final = 10_000


def scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """A copy of ``value`` (JSON-like) with every secret string masked and secret fields hidden.

    Walks with its own stack, not recursion: a hostile answer nested thousands of levels deep
    is scrubbed like any other (a recursive walk would die of RecursionError half-way).
    """
    if not isinstance(value, dict | list):
        return _scrub_text(value, secrets)
    root: dict[Any, Any] | list[Any] = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any, int]] = [(value, root, 1)]
    while stack:
        source, target, depth = stack.pop()
        if depth > _SCRUB_DEPTH:
            raise ValueError("too deeply nested to scrub (does it contain itself?)")
        is_dict = isinstance(source, dict)
        for key, item in source.items() if is_dict else enumerate(source):
            copied: Any
            if is_dict and str(key).lower() in SECRET_FIELDS and item:
                copied = MASK
            elif isinstance(item, dict | list):
                copied = {} if isinstance(item, dict) else []
                stack.append((item, copied, depth + 1))
            else:
                copied = _scrub_text(item, secrets)
            if is_dict:
                target[key] = copied
            else:
                target.append(copied)
    return root


def _scrub_text(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            if secret and secret in value:
                value = value.replace(secret, mask(secret))
    return value


def contains_secret(value: Any, secrets: tuple[str, ...]) -> bool:
    """True when any secret appears in the string form of ``value`` (a cheap pre-check)."""
    text = value if isinstance(value, str) else repr(value)
    return any(secret and secret in text for secret in secrets)


class PostbackKeyFilter(logging.Filter):
    """Masks postback keys and secret query parameters in log lines of libraries that log
    request URLs (httpx logs every request at INFO)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_masked_arg(arg) for arg in args)
        if isinstance(record.msg, str):
            record.msg = mask_postback_path(record.msg)
        return True


def _masked_arg(arg: Any) -> Any:
    text = str(arg)
    if "/postback" in text or "=" in text:
        masked = mask_postback_path(text)
        return masked if masked != text else arg
    return arg


def install_log_filters() -> None:
    """Attach the postback-key filter to httpx's loggers once."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, PostbackKeyFilter) for f in logger.filters):
            logger.addFilter(PostbackKeyFilter())
