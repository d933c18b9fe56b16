"""Callback data of every button: short prefixes, ids and codes only, never names or free text.

Everything here comes back from the client and may be forged: handlers re-check each id
against the caller's own tracker (and the tracker's own answer) before acting.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    """A menu screen: ``main``, ``more``."""

    screen: str


class BrowseCb(CallbackData, prefix="b"):
    """The resource browser.

    ``op``: ``l`` list page, ``c`` card, ``f`` all fields, ``s`` start a search, ``p`` pick a
    parent first, ``t`` a table of a read action. ``view`` is a short view code (``cm``,
    ``st``...); ``parent`` scopes a list (a campaign's streams); ``arg`` is a code the view
    understands (a log type, a group type).
    """

    op: str
    view: str
    id: int = 0
    page: int = 0
    parent: int = 0
    arg: str = ""
    #: 1 when the list shows the results of the user's stored search
    q: int = 0


class TrackerCb(CallbackData, prefix="t"):
    """Tracker management: ``o`` open, ``u`` use, ``r`` rename, ``x`` test, ``k`` postback key,
    ``d`` delete (asks), ``D`` delete (confirmed), ``a`` add, ``l`` list."""

    op: str
    id: int = 0


class DetailsCb(CallbackData, prefix="d"):
    """The raw request and answer of a recent call, kept for a while under a short token."""

    token: str


class LangCb(CallbackData, prefix="lg"):
    code: str


class CancelCb(CallbackData, prefix="x"):
    """Leave the current dialog."""

    where: str = ""
