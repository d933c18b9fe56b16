"""The demo's two kinds of files beside the chat: local files the person sends with ``/file``,
and the log, which goes to a file in the files folder instead of the terminal.

Why the log moves: the demo's terminal *is* the chat. A warning from the tracker client
("groups.list: GET …: unreachable"), a traceback or an httpx line written to stderr would land
between the bot's messages, while the bot already tells the person what went wrong in its own
words. So for the length of the demo every record goes to ``demo.log``, and the demo says at
the end how many warnings it holds.
"""

from __future__ import annotations

import contextlib
import logging
import math
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

LOG_NAME = "demo.log"
#: what a bot may download through the Bot API (``getFile``): bigger files never reach it
MAX_FILE_BYTES = 20 * 1024 * 1024
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


# --- /file ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalFile:
    """A file read from disk, ready to be sent as a Telegram document."""

    name: str
    content: bytes


class FileRefused(Exception):
    """Why a ``/file`` path is not sent: ``reason`` is a NOTES key, ``values`` fill it."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


def file_argument(line: str) -> str | None:
    """The path of a ``/file <path>`` line ("" for a bare ``/file``); None for other lines.

    Everything after the command is the path, spaces included; quotes around it (as a shell
    or a file manager's "copy path" adds them) are dropped.
    """
    head, _, rest = line.strip().partition(" ")
    if head.lower() != "/file":
        return None
    path = rest.strip()
    if len(path) >= 2 and path[0] == path[-1] and path[0] in "'\"":
        path = path[1:-1].strip()
    return path


def read_local_file(raw: str, limit: int = MAX_FILE_BYTES) -> LocalFile:
    """The file at ``raw`` (``~`` expanded, relative to the working directory), or
    ``FileRefused``: no path, not a readable file, empty, or over ``limit`` bytes."""
    if not raw:
        raise FileRefused("file_usage")
    path = Path(raw).expanduser()
    try:
        if not path.is_file():
            raise FileRefused("file_missing", path=path)
        size = path.stat().st_size
        if size > limit:
            raise FileRefused("file_too_big", path=path, size=megabytes(size), limit=limit >> 20)
        with path.open("rb") as source:
            content = source.read(limit + 1)  # the file may have grown since stat
    except OSError as error:
        raise FileRefused("file_unreadable", path=path, error=error.strerror or error) from None
    if len(content) > limit:
        raise FileRefused(
            "file_too_big", path=path, size=megabytes(len(content)), limit=limit >> 20
        )
    if not content:
        raise FileRefused("file_empty", path=path)  # Telegram does not send empty files
    return LocalFile(path.name, content)


def megabytes(size: int) -> str:
    """MB with one decimal, rounded up: a file just over 20 MB does not read "20.0"."""
    return f"{math.ceil(size * 10 / (1 << 20)) / 10:.1f}"


def file_size(size: int, units: str = "B KB MB") -> str:
    """A size for people: bytes under 1 KB, else KB or MB with one decimal; ``units`` are the
    three unit names in the reader's language, separated by spaces."""
    byte, kilo, mega = units.split()
    if size >= 1 << 20:
        return f"{megabytes(size)} {mega}"
    if size >= 1 << 10:
        return f"{size / (1 << 10):.1f} {kilo}"
    return f"{size} {byte}"


# --- the log ----------------------------------------------------------------------------------


class DemoLog(logging.FileHandler):
    """The demo's log file; counts the records at WARNING and above for the goodbye."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, mode="w", encoding="utf-8")  # there from the start
        self.path = path
        self.warnings = 0
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.warnings += 1
        super().emit(record)


def _terminal_streams(extra: tuple[TextIO, ...]) -> list[object]:
    return [stream for stream in (sys.stderr, sys.stdout, sys.__stderr__, *extra) if stream]


def _writes_to_terminal(handler: logging.Handler, streams: list[object]) -> bool:
    if isinstance(handler, logging.FileHandler) or not isinstance(handler, logging.StreamHandler):
        return False
    return any(handler.stream is stream for stream in streams)


@contextlib.contextmanager
def logs_to_file(path: Path, *terminals: TextIO) -> Iterator[DemoLog]:
    """For a while, every log record goes to ``path`` and none to the terminal.

    Handlers writing to stderr/stdout (``logging.basicConfig``'s, or one on any named logger)
    are taken off and put back afterwards; the file handler on the root logger also keeps
    Python's last-resort handler (WARNING and up to stderr when nothing is configured) from
    firing, and ``warnings.warn`` goes through logging meanwhile. With no logging configured
    at all, INFO and up is kept, so the file says what happened.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = DemoLog(path)
    streams = _terminal_streams(terminals)
    root = logging.getLogger()
    loggers = [root] + [
        logger for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]  # fmt: skip
    taken = [
        (logger, found)
        for logger in loggers
        for found in list(logger.handlers)
        if _writes_to_terminal(found, streams)
    ]
    level = root.level
    if not root.handlers:
        root.setLevel(min(level or logging.WARNING, logging.INFO))
    for logger, found in taken:
        logger.removeHandler(found)
    root.addHandler(handler)
    captured = getattr(warnings.showwarning, "__module__", "") == "logging"
    logging.captureWarnings(True)
    try:
        yield handler
    finally:
        if not captured:
            logging.captureWarnings(False)
        root.removeHandler(handler)
        handler.close()
        for logger, found in taken:
            logger.addHandler(found)
        root.setLevel(level)
