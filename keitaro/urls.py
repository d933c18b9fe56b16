"""Tracker addresses as users type them, reduced to one canonical root.

``tracker.example.com``, ``https://tracker.example.com/admin_api/v1/``, ``https://tracker.example.com/admin/``
and ``HTTPS://Tracker.Example.com`` all mean ``https://tracker.example.com``. A tracker installed
under a folder keeps the folder: ``https://host/keitaro/admin_api/v1`` → ``https://host/keitaro``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

ADMIN_API_PREFIX = "/admin_api/v1"
_TAIL = re.compile(r"/(admin_api(/v\d+)?|admin)(/.*)?$", re.IGNORECASE)
#: a postback URL pasted where the tracker's address was asked: the key and "postback" go
_POSTBACK_IN_PATH = re.compile(r"/[A-Za-z0-9_-]+/postback/?$")
_POSTBACK_TAIL = re.compile(r"/([A-Za-z0-9_-]+)/postback/?$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9_-]{1,63}\.)*[a-z0-9_-]{1,63}$|^\[[0-9a-f:.]+\]$")


class InvalidTrackerUrl(ValueError):
    """The text is not a web address a tracker could live at."""

    code = "invalid_url"


def normalize_tracker_url(text: str) -> str:
    """The tracker's root URL (scheme, host, port and install folder, no trailing slash)."""
    raw = (text or "").strip().strip("<>\"'")
    if not raw:
        raise InvalidTrackerUrl("The address is empty.")
    if "://" not in raw:
        raw = "https://" + raw.lstrip("/")
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidTrackerUrl(f"Only http and https addresses work, not {scheme}://.")
    try:
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError as exc:  # a port that is not a number
        raise InvalidTrackerUrl("The port in the address is not a number.") from exc
    if ":" in host:
        host = f"[{host}]"
    try:
        host = host.encode("idna").decode("ascii") if not host.startswith("[") else host
    except UnicodeError as exc:
        raise InvalidTrackerUrl("The host name is not valid.") from exc
    if not _HOST.match(host) or ("." not in host and host != "localhost" and "[" not in host):
        raise InvalidTrackerUrl(f"{host or raw!r} does not look like a host name.")
    path = _POSTBACK_IN_PATH.sub("", _TAIL.sub("", parts.path.rstrip("/")))
    netloc = (
        host
        if port is None or (scheme, port) in (("http", 80), ("https", 443))
        else f"{host}:{port}"
    )
    return f"{scheme}://{netloc}{path.rstrip('/')}"


@dataclass(frozen=True, slots=True)
class PostbackAddress:
    root: str
    key: str


def parse_postback_url(text: str) -> PostbackAddress:
    """Split a postback URL (``https://trk/e89bcbe/postback?subid=...``) into root and key."""
    raw = (text or "").strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    match = _POSTBACK_TAIL.search(parts.path)
    if not match:
        raise InvalidTrackerUrl("A postback URL ends with /<key>/postback.")
    root_path = parts.path[: match.start()]
    root = normalize_tracker_url(f"{parts.scheme}://{parts.netloc}{root_path}")
    return PostbackAddress(root=root, key=match.group(1))


_BARE_POSTBACK_KEY = re.compile(r"^[A-Za-z0-9_-]{4,64}$")


def postback_key_from(text: str) -> str | None:
    """The key from a whole postback URL (``…/<key>/postback?…``) or a bare key; else None."""
    text = (text or "").strip()
    if "/postback" in text:
        try:
            return parse_postback_url(text).key
        except InvalidTrackerUrl:
            return None
    return text if _BARE_POSTBACK_KEY.match(text) else None


def admin_api_url(root: str, path: str) -> str:
    return f"{root}{ADMIN_API_PREFIX}{path}"


def host_of(root: str) -> str:
    """The host a person recognises (for messages): ``trk.example.com``."""
    return urlsplit(root).netloc
