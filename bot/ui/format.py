"""Numbers, money and values the way buyers read them, always HTML-escaped."""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.ui.bidi import terminate_bidi

NBSP = "\u00a0"
#: what a number that is not there (or could not be read) shows as: never a silent 0 or blank
MISSING = "—"
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "RUB": "₽", "GBP": "£"}


def esc(value: Any) -> str:
    """A value for an HTML message: escaped, and with no direction override left open."""
    return html.escape(terminate_bidi("" if value is None else str(value)), quote=False)


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when something was cut (cutting may drop
    the end of a direction override, so the result is closed again)."""
    return text if len(text) <= limit else terminate_bidi(text[: max(0, limit - 1)]) + "…"


def number(value: Any, digits: int = 0) -> str:
    """``1245`` → ``1 245`` (thin groups, as the tracker shows them)."""
    if value is None:
        return MISSING
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return esc(value)
    text = f"{amount:,.{digits}f}".replace(",", NBSP)
    return text


def money(value: Any, currency: str | None = "USD", *, signed: bool = False) -> str:
    """``$1 496.00``, ``−$84.10``, ``+$412.30`` (``signed``)."""
    if value is None:
        return MISSING
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return esc(value)
    sign = "−" if amount < 0 else ("+" if signed and amount > 0 else "")
    code = (currency or "USD").upper()
    symbol = CURRENCY_SIGNS.get(code)
    body = number(abs(amount), 2)
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body}{NBSP}{esc(code)}"


def percent(value: Any, digits: int = 0) -> str:
    if value is None:
        return MISSING
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return esc(value)
    return f"{'−' if amount < 0 else ''}{abs(amount):.{digits}f}%"


def roi(value: Any) -> str:
    """ROI with a colour cue: 🟢 at or above zero, 🔴 below."""
    if value is None:
        return MISSING
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return esc(value)
    sign = "−" if amount < 0 else ""
    return f"{'🟢' if amount >= 0 else '🔴'}{NBSP}{sign}{abs(amount):.0f}%"


def value(raw: Any, limit: int = 200) -> str:
    """Any field value, compact and escaped: lists and objects as short JSON."""
    if raw is None or raw == "" or raw == [] or raw == {}:
        return "—"
    if isinstance(raw, bool):
        return "✓" if raw else "✗"
    if isinstance(raw, list) and all(isinstance(item, str | int | float) for item in raw):
        return esc(cut(", ".join(str(item) for item in raw), limit))
    if isinstance(raw, list | dict):
        return esc(cut(json.dumps(raw, ensure_ascii=False, separators=(", ", ": ")), limit))
    return esc(cut(str(raw), limit))


STATE_ICONS = {"active": "🟢", "disabled": "⏸", "deleted": "🗄"}


def state_icon(state: Any) -> str:
    return STATE_ICONS.get(str(state), "▫️")


def local_time(
    moment: str | datetime | None, zone_name: str | None, *, seconds: bool = False
) -> str:
    """``14:02`` today, ``05.12 14:02`` another day, in the user's time zone (ISO text or an
    aware datetime in; "—" for nothing); ``seconds`` adds them (``14:02:31``)."""
    if not moment:
        return "—"
    try:
        when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
        tz = ZoneInfo(zone_name or "UTC")
    except (ValueError, ZoneInfoNotFoundError):
        return "—"
    local, now = when.astimezone(tz), datetime.now(tz)
    clock = "%H:%M:%S" if seconds else "%H:%M"
    return local.strftime(clock if local.date() == now.date() else f"%d.%m {clock}")
