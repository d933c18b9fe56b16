"""Russian and English texts, and the translator handlers receive as ``t``.

Texts are HTML (Telegram's subset). Values passed to :meth:`Translator.__call__` are escaped,
so a campaign called ``<b>`` cannot break a message; wrap a value in :class:`Html` when it is
already safe markup built by the bot.
"""

from __future__ import annotations

import html
import string
from typing import Any, Final

from bot.i18n import en, ru

LANGUAGES: Final = ("ru", "en")
CATALOGS: Final[dict[str, dict[str, str]]] = {"ru": ru.TEXTS, "en": en.TEXTS}


class Html(str):
    """Markup the bot built itself: inserted as it is."""

    __slots__ = ()


def language_for(code: str | None, default: str = "ru") -> str:
    """Telegram's ``language_code`` (``ru``, ``ru-RU``, ``uk``, ``en-GB``) → a language we speak."""
    if not code:
        return default
    base = code.split("-")[0].lower()
    if base in LANGUAGES:
        return base
    # Russian is understood by most buyers of the CIS markets the tracker is popular in
    return "ru" if base in {"uk", "be", "kk", "uz", "ky", "tg", "hy", "az"} else "en"


class Translator:
    """``t("key", name=...)`` in one language, escaping every value that is not :class:`Html`."""

    __slots__ = ("catalog", "language")

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGS else LANGUAGES[0]
        self.catalog = CATALOGS[self.language]

    def __call__(self, key: str, /, **values: Any) -> str:
        template = self.catalog.get(key) or CATALOGS["en"].get(key) or key
        if not values:
            return template
        safe = {
            name: value if isinstance(value, Html) else html.escape(str(value), quote=False)
            for name, value in values.items()
        }
        return template.format(**safe)

    def plain(self, key: str, /, **values: Any) -> str:
        """The same text for places that take no HTML (button labels, callback answers)."""
        template = self.catalog.get(key) or CATALOGS["en"].get(key) or key
        return template.format(**values) if values else template


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
