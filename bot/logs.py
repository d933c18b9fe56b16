"""Logging for the bot: plain text for a terminal, JSON lines for a log aggregator.

In production the bot's stderr goes to an aggregator (Loki, ELK, a cloud log service) that keeps
it for months and that many more people can read than can read the bot's settings. A tracker API
key, the bot token or a database password in one log line is then a leak: it has left the
deployment's secrets and cannot be taken back. So every line passes through `RedactSecrets`
before it is written, whatever the format, and whoever wrote the log call.

The filter masks three kinds of secret it can recognise by shape (a named header or parameter,
a Telegram bot token, the password in a URL) and any exact value registered at start-up with
`register_secret` (the bot token, SECRET_KEY, the database URL's password), which catches a
secret however it got into the text.
"""

from __future__ import annotations

import json
import logging
import math
import re
import sys
import threading
from datetime import UTC, datetime
from typing import Any, TextIO
from urllib.parse import quote

__all__ = ["JsonFormatter", "RedactSecrets", "configure_logging", "redact", "register_secret"]

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"
BOT_TOKEN_MASK = "<bot-token>"  # noqa: S105 - the placeholder, not a token
#: Shorter values would mask ordinary words and numbers all over the log.
MIN_SECRET_LENGTH = 6

# Names whose value is a secret, as header, query/form parameter, dict key or keyword argument.
# The look-behind lets `X-Api-Key` and `bot_token` match too: masking too much is the safe side.
_NAME = (
    r"(?<![A-Za-z0-9])"
    r"(?:x-telegram-bot-api-secret-token|secret_token|api[-_]?key|token|password)"
)
# A value: quoted as in a repr or JSON (an optional b for bytes), or bare up to a delimiter.
_SINGLE = r"(?P<sq>b?')(?P<sv>(?:[^'\\\n]|\\.)*)'"
_DOUBLE = r'(?P<dq>b?")(?P<dv>(?:[^"\\\n]|\\.)*)"'
_BARE = r"(?P<bare>[^\s&,;'\"<>(){}\[\]]+)"

# `Api-Key: v`, `'Api-Key': 'v'`, `"api_key": "v"`, `api_key=v`, `password='v'`
_NAMED_VALUE = re.compile(
    rf"(?P<head>{_NAME}['\"]?[ \t]*[:=][ \t]*)(?:{_SINGLE}|{_DOUBLE}|{_BARE})", re.IGNORECASE
)
# `('api-key', 'v')`: header pairs, as httpx shows headers with a repeated name
_NAMED_PAIR = re.compile(rf"(?P<head>{_NAME}['\"],[ \t]*)(?:{_SINGLE}|{_DOUBLE})", re.IGNORECASE)
# No word boundaries: in `/bot<token>/` the token follows letters directly.
_BOT_TOKEN = re.compile(r"\d{6,12}:[A-Za-z0-9_-]{30,}")
# `scheme://user:password@host`; the user may be empty (`redis://:password@host`), and the
# password runs to the last `@` so an unescaped `@` inside it is masked too.
_URL_PASSWORD = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@'\"<>]*:)(?P<password>[^\s/?#'\"<>]+)@"
)

_secrets_lock = threading.Lock()
#: Exact values to mask, as registered.
_SECRETS: set[str] = set()
# What the filter reads: longest first, so a secret that contains another goes whole. Replaced,
# never mutated, so a record logged while another thread registers sees one consistent tuple.
_ordered_secrets: tuple[str, ...] = ()


def register_secret(value: str) -> None:
    """Mask `value` wherever it appears in a log line from now on.

    Its percent-encoded form is masked too, as that is how a password shows inside a URL.
    Values shorter than `MIN_SECRET_LENGTH` are ignored.
    """
    global _ordered_secrets
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        _SECRETS.add(value)
        _SECRETS.add(quote(value, safe=""))
        _ordered_secrets = tuple(sorted(_SECRETS, key=len, reverse=True))


def _mask_value(match: re.Match[str]) -> str:
    head = match["head"]
    if match["sq"] is not None:
        return f"{head}{match['sq']}{MASK if match['sv'] else ''}'"
    if match["dq"] is not None:
        return f'{head}{match["dq"]}{MASK if match["dv"] else ""}"'
    return f"{head}{MASK}"


def redact(text: str) -> str:
    """`text` with every secret the module knows of masked."""
    for secret in _ordered_secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    text = _NAMED_VALUE.sub(_mask_value, text)
    text = _NAMED_PAIR.sub(_mask_value, text)
    text = _BOT_TOKEN.sub(BOT_TOKEN_MASK, text)
    return _URL_PASSWORD.sub(rf"\g<head>{MASK}@", text)


# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD_ATTRS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}


def _extra_items(record: logging.LogRecord) -> list[tuple[str, Any]]:
    return [
        (key, value)
        for key, value in vars(record).items()
        if isinstance(key, str) and key not in _STANDARD_ATTRS
    ]


class RedactSecrets(logging.Filter):
    """Masks secrets in a record's message, traceback, stack and string `extra=` fields.

    The message is merged with its args first and stored back with no args, so a secret passed
    as an argument is masked as well as one in the format string, and the record every later
    handler sees is the redacted one. The filter never raises and never drops a record: a
    filter that raises breaks the log call of whoever logged.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._redact(record)
        except Exception as error:  # keep logging alive; the original text may hold a secret
            record.msg = f"<log message withheld: redaction failed with {type(error).__name__}>"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True

    def _redact(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:
            # A format string that does not match its args: logging itself would print the raw
            # message and args to stderr. Keep both, redacted, in the line instead.
            message = f"{record.msg!s} (args not merged: {record.args!r})"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            # Formatters reuse `exc_text` when it is set, so the traceback is written redacted.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for key, value in _extra_items(record):
            if isinstance(value, str):
                setattr(record, key, redact(value))


def _jsonable(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        # NaN and Infinity are not JSON, whatever json.dumps writes for them
        return value if math.isfinite(value) else str(value)
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts, level, logger, message, exc (if any), extra fields.

    The core keys win over `extra=` fields of the same name.
    """

    def format(self, record: logging.LogRecord) -> str:
        created = datetime.fromtimestamp(record.created, tz=UTC)
        payload: dict[str, Any] = {
            "ts": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            payload["exc"] = record.exc_text
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        for key, value in _extra_items(record):
            payload.setdefault(key, _jsonable(value))
        return json.dumps(payload, ensure_ascii=False, default=str)


def configure_logging(level: str, log_format: str = "text", stream: TextIO | None = None) -> None:
    """Send every log record, redacted, to `stream` (stderr by default) as text or JSON lines.

    Replaces whatever handlers the root logger had, so calling it again does not duplicate lines.
    """
    if log_format == "text":
        formatter: logging.Formatter = logging.Formatter(TEXT_FORMAT)
    elif log_format == "json":
        formatter = JsonFormatter()
    else:
        raise ValueError(f"log format must be 'text' or 'json', not {log_format!r}")
    handler = logging.StreamHandler(sys.stderr if stream is None else stream)
    handler.setFormatter(formatter)
    handler.addFilter(RedactSecrets())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # httpx logs every request URL at INFO; keep it for DEBUG runs only
    logging.getLogger("httpx").setLevel(logging.WARNING if level != "DEBUG" else logging.DEBUG)
