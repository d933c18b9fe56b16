"""Turning an HTTP answer into data or into the error that explains it."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from keitaro import errors
from keitaro.guesses import (
    CLOUDFLARE_MARKERS,
    LICENSE_MARKERS,
    NO_ROUTE_MARKER,
    POSTBACK_BAD_KEY_PREFIX,
    POSTBACK_BAD_SUBID,
    POSTBACK_OK,
    POSTBACK_RETURN_PARAM,
)
from keitaro.masking import mask_postback_path, scrub
from keitaro.result import RequestInfo

_BINARY_TYPES = ("application/octet-stream", "application/zip", "application/x-zip")
NOT_JSON_REASON = (
    "The tracker answered with a web page, not the Keitaro API. Is this the panel address "
    "(the one you log in to), e.g. https://trk.example.com?"
)


#: deeper than any tracker answer (they nest 5-6 levels), far shallower than what breaks
#: Python's recursion (about 1,000 frames: ``repr``, ``json.dumps``, pydantic, renderers)
MAX_NESTING = 100
_FIRST_NON_SPACE = re.compile(rb"[^ \t\n\r\x0b\x0c]")


def parse_body(response: httpx.Response, raw: bytes | None = None) -> tuple[Any, bool]:
    """The answer's content and whether it was JSON (bytes for downloads, text otherwise).

    ``raw`` is the body as read (the client streams it under a size limit); without it, the
    response's own content. JSON nested deeper than :data:`MAX_NESTING` (including so deep
    that ``json.loads`` itself gives up) raises :class:`errors.UnreadableAnswerError`, without
    the request: the caller attaches it.
    """
    if raw is None:
        raw = response.content
    content_type = response.headers.get("content-type", "").lower()
    if any(kind in content_type for kind in _BINARY_TYPES):
        return raw, False
    first = _FIRST_NON_SPACE.search(raw)
    if first is None:
        return None, True
    if raw[first.start() : first.start() + 1] in (b"{", b"[") or "json" in content_type:
        try:
            value = json.loads(raw)
        except RecursionError:
            raise _too_deep() from None
        except ValueError:
            pass
        else:
            if nested_deeper_than(value, MAX_NESTING):
                raise _too_deep()
            return value, True
    return raw.decode(response.encoding or "utf-8", errors="replace"), False


def nested_deeper_than(value: Any, limit: int) -> bool:
    """True when lists/dicts in ``value`` nest more than ``limit`` levels (no recursion)."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            below.extend(child for child in children if isinstance(child, dict | list))
        level = below
    return False


def _too_deep() -> errors.UnreadableAnswerError:
    return errors.UnreadableAnswerError(
        f"The tracker's answer nests its data more than {MAX_NESTING} levels deep: no "
        "Keitaro answer does that, and reading it could crash the bot."
    )


def looks_like_html(content: Any) -> bool:
    return isinstance(content, str) and content.lstrip()[:1] == "<"


def _message(content: Any, fallback: str) -> str:
    if isinstance(content, dict):
        for key in ("error", "message", "errors"):
            if isinstance(content.get(key), str) and content[key]:
                return content[key][:500]
    if isinstance(content, str) and content.strip() and not looks_like_html(content):
        return content.strip()[:500]
    return fallback


def _field_errors(content: Any) -> dict[str, list[str]]:
    """Keitaro's 406 body: ``{"name": ["..."], "alias": ["..."]}`` (or under ``errors``)."""
    if isinstance(content, dict) and isinstance(content.get("errors"), dict):
        content = content["errors"]
    if not isinstance(content, dict):
        return {}
    fields: dict[str, list[str]] = {}
    for key, value in content.items():
        if key in ("error", "stacktrace", "message"):
            continue
        if isinstance(value, list):
            fields[key] = [str(item) for item in value]
        elif isinstance(value, str):
            fields[key] = [value]
    return fields


def error_for(
    response: httpx.Response,
    content: Any,
    request: RequestInfo,
    secrets: tuple[str, ...] = (),
) -> errors.KeitaroError:
    """The typed error for a non-2xx (or non-JSON) answer."""
    status = response.status_code
    kw: dict[str, Any] = {"request": request, "status_code": status}
    html = looks_like_html(content)
    if 300 <= status < 400:
        location = scrub(mask_postback_path(response.headers.get("location", "?")), secrets)
        return errors.NotKeitaroError(
            f"The tracker redirects to {location}. Connect it with that address instead.", **kw
        )
    if status == 401:
        return errors.AuthenticationError(
            "The tracker refused the API key. It may have been revoked, or typed with a space.",
            **kw,
        )
    if status == 403:
        # Cloudflare stamps cf-ray on everything it proxies, Keitaro's own JSON 403s included:
        # only a page that is not Keitaro's JSON is Cloudflare's own refusal.
        text = (content if isinstance(content, str) else "").lower()
        if text and ("cf-ray" in response.headers or any(m in text for m in CLOUDFLARE_MARKERS)):
            return errors.CloudflareBlockedError(
                "Cloudflare in front of the tracker blocked the request before Keitaro saw it. "
                "Allow the bot's address in Cloudflare, or use the panel's direct address.",
                **kw,
            )
        return errors.PermissionDeniedError(
            "The key's user has no permission for this: "
            + _message(content, "access denied")
            + ". Use an admin key or ask for access.",
            **kw,
        )
    if html and status in (200, 404):
        return errors.NotKeitaroError(NOT_JSON_REASON, **kw)
    message = _message(content, response.reason_phrase or f"HTTP {status}")
    if status == 402:
        if any(mark in message.lower() for mark in LICENSE_MARKERS):
            return errors.PlanError(
                f"The tracker's plan has no Admin API for this: {message}", **kw
            )
        if "not found" in message.lower():  # v9 answers 402 for every error
            return errors.NotFoundError(f"Not found: {message}", **kw)
        return errors.KeitaroError(f"The tracker refused: {message}", **kw)
    if status == 404:
        return errors.NotFoundError(f"Not found: {message}", **kw)
    if status == 405 or (status == 400 and NO_ROUTE_MARKER in message):
        return errors.UnsupportedEndpointError(
            "This tracker's version does not have this action.", **kw
        )
    if status in (400, 406, 422):
        fields = _field_errors(content)
        detail = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in fields.items())
        return errors.ValidationError(
            f"The tracker refused the data: {detail or message}", fields=fields, **kw
        )
    if status == 429:
        retry_after = _retry_after(response)
        return errors.RateLimitedError(
            "The tracker asks to slow down; try again shortly.", retry_after=retry_after, **kw
        )
    if status >= 500:
        return errors.ServerError(
            f"The tracker failed (HTTP {status}): {message}. Try again in a minute.",
            **kw,
        )
    if 200 <= status < 300:
        return errors.NotKeitaroError(NOT_JSON_REASON, **kw)
    return errors.KeitaroError(f"Unexpected answer HTTP {status}: {message}", **kw)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def postback_outcome(
    response: httpx.Response,
    content: Any,
    request: RequestInfo,
    secrets: tuple[str, ...] = (),
) -> errors.KeitaroError | None:
    """The postback's plain-text answer: None for ``Success``, else the error it means."""
    if response.status_code != 200:
        return error_for(response, content, request, secrets)
    text = content.strip() if isinstance(content, str) else ""
    lowered = text.lower()
    if lowered == POSTBACK_OK:
        return None
    kw: dict[str, Any] = {"request": request, "status_code": 200}
    if lowered.startswith(POSTBACK_BAD_KEY_PREFIX):
        return errors.PostbackKeyError(
            "The tracker does not know this postback key. Copy the postback URL from the "
            "tracker's settings.",
            **kw,
        )
    if lowered.startswith(POSTBACK_BAD_SUBID):
        return errors.ValidationError(
            "The tracker got no click id (subid).",
            fields={"click_id": ["missing or empty"]},
            **kw,
        )
    if looks_like_html(content) or not text:
        return errors.NotKeitaroError(
            "The postback address answered with a web page, not Keitaro's postback reply.", **kw
        )
    if POSTBACK_RETURN_PARAM in request.query:
        return None  # ``return=`` makes Keitaro echo the value (or JSONP) instead of Success
    return errors.KeitaroError(f"The tracker answered the postback with: {text[:200]}", **kw)
