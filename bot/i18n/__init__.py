"""Russian and English texts, and the translator handlers receive as ``t``.

Texts are HTML (Telegram's subset). Values passed to :meth:`Translator.__call__` are escaped,
so a campaign called ``<b>`` cannot break a message; wrap a value in :class:`Html` when it is
already safe markup built by the bot.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import string
from pathlib import Path
from typing import Any, Final

from bot.ui.bidi import terminate_bidi

LANGUAGES: Final = ("ru", "en")


def _load(language: str) -> dict[str, str]:
    """``<language>.py`` plus every ``<language>_<feature>.py`` beside it, merged.

    Features keep their texts in their own module; a key defined twice is a mistake.
    """
    folder = str(Path(__file__).parent)
    features = sorted(
        info.name for info in pkgutil.iter_modules([folder]) if info.name.startswith(f"{language}_")
    )
    names = [language, *features]
    merged: dict[str, str] = {}
    for name in names:
        texts = importlib.import_module(f"bot.i18n.{name}").TEXTS
        clash = merged.keys() & texts.keys()
        if clash:
            raise RuntimeError(f"bot/i18n/{name}.py defines {sorted(clash)} again")
        merged.update(texts)
    return merged


CATALOGS: Final[dict[str, dict[str, str]]] = {code: _load(code) for code in LANGUAGES}


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
            name: value
            if isinstance(value, Html)
            else html.escape(terminate_bidi(str(value)), quote=False)
            for name, value in values.items()
        }
        return template.format(**safe)

    def plain(self, key: str, /, **values: Any) -> str:
        """The same text for places that take no HTML (button labels, callback answers)."""
        template = self.catalog.get(key) or CATALOGS["en"].get(key) or key
        if not values:
            return template
        return template.format(**{name: terminate_bidi(str(v)) for name, v in values.items()})


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
