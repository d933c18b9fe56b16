"""Russian, English and Ukrainian texts, and the translator handlers receive as ``t``.

Texts are HTML (Telegram's subset). Values passed to :meth:`Translator.__call__` are escaped,
so a campaign called ``<b>`` cannot break a message; wrap a value in :class:`Html` when it is
already safe markup built by the bot.

A count takes its word in the language's plural form: ``{rows:p:row|rows}`` in English,
``{rows:p:строка|строки|строк}`` in Russian and Ukrainian (one, few, many) renders "3 rows",
"3 строки", "5 строк".
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import string
from pathlib import Path
from typing import Any, Final

from bot.ui.bidi import terminate_bidi

LANGUAGES: Final = ("ru", "en", "uk")


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
    return "ru" if base in {"be", "kk", "uz", "ky", "tg", "hy", "az"} else "en"


def plural_form(language: str, count: int) -> int:
    """Which of the forms a count takes: English has one and other (0, 1); Russian and
    Ukrainian one (1, 21), few (2-4, 22-24) and many (0, 5-20, 25...) (0, 1, 2)."""
    count = abs(count)
    if language == "en":
        return 0 if count == 1 else 1
    if count % 10 == 1 and count % 100 != 11:
        return 0
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return 1
    return 2


class _Formatter(string.Formatter):
    """``str.format`` plus the ``p:`` spec: the count and its word in the right form."""

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if not format_spec.startswith("p:"):
            return super().format_field(value, format_spec)
        forms = format_spec[2:].split("|")
        try:
            count = int("".join(str(value).split()))  # "1 245" with any space
        except ValueError:
            return f"{value} {forms[-1]}"
        word = forms[min(plural_form(self.language, count), len(forms) - 1)]
        return f"{value} {word}"


class Translator:
    """``t("key", name=...)`` in one language, escaping every value that is not :class:`Html`."""

    __slots__ = ("_formatter", "catalog", "language")

    def __init__(self, language: str) -> None:
        self.language = language if language in CATALOGS else LANGUAGES[0]
        self.catalog = CATALOGS[self.language]
        self._formatter = _Formatter(self.language)

    def __call__(self, key: str, /, **values: Any) -> str:
        template = self.catalog.get(key) or CATALOGS["en"].get(key) or key
        if not values:
            return unescaped(template)
        safe = {
            name: value
            if isinstance(value, Html)
            else html.escape(terminate_bidi(str(value)), quote=False)
            for name, value in values.items()
        }
        return self._formatter.vformat(template, (), safe)

    def plain(self, key: str, /, **values: Any) -> str:
        """The same text for places that take no HTML (button labels, callback answers)."""
        template = self.catalog.get(key) or CATALOGS["en"].get(key) or key
        if not values:
            return unescaped(template)
        plain = {name: terminate_bidi(str(v)) for name, v in values.items()}
        return self._formatter.vformat(template, (), plain)


def unescaped(template: str) -> str:
    """A text used without values, as formatting would show it: ``{{subid}}`` is ``{subid}``."""
    return template.replace("{{", "{").replace("}}", "}")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
