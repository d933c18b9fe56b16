"""Failures in the user's words: what happened and what to do next, in their language."""

from __future__ import annotations

from bot.i18n import Translator
from bot.ui.format import cut, esc
from keitaro import KeitaroError
from keitaro.urls import host_of

#: error codes that have their own text; anything else gets the generic one
KNOWN_CODES = frozenset(
    {
        "bad_key", "forbidden", "cloudflare", "plan", "not_found", "unsupported", "invalid",
        "rate_limited", "server", "unreachable", "connection_lost", "timeout", "tls",
        "not_keitaro", "bad_postback_key", "postback_key_missing", "invalid_url",
        "private_address", "unresolvable", "too_large", "unreadable",
    }
)  # fmt: skip


def describe(t: Translator, error: Exception, host: str = "") -> str:
    """One or two lines: the cause and the next step; field messages for invalid data."""
    code = getattr(error, "code", "error")
    if isinstance(error, KeitaroError) and error.request is not None and not host:
        host = host_of(error.request.url)
    key = f"e.{code}" if code in KNOWN_CODES else "e.error"
    text = t(key, host=host or "—")
    fields = getattr(error, "fields", None)
    if fields:
        lines = [
            f"• <b>{esc(name)}</b>: {esc(cut(' '.join(msgs), 200))}"
            for name, msgs in fields.items()
        ]
        text += "\n" + "\n".join(lines[:10])
    return text
