"""Countries in the buyer's language: 🇩🇪 Германия, not the tracker's "Germany".

Keitaro sends a country as its ISO code (``country_code``) beside a name in English. The
names in Russian and Ukrainian come from CLDR through Babel, by code; a code CLDR does not
know keeps the tracker's own name.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError


def code_of(raw: Any) -> str:
    """``DE`` for " de "; nothing for what is not a two-letter code."""
    text = str(raw or "").strip().upper()
    return text if len(text) == 2 and text.isascii() and text.isalpha() else ""


def flag(raw: Any) -> str:
    """🇩🇪 for "DE"; nothing for what is not a two-letter code."""
    code = code_of(raw)
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code)


@cache
def _names(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(raw_code: Any, language: str, fallback: Any = "") -> str:
    """The country of ``raw_code`` in ``language`` (``Германия``); the tracker's ``fallback``
    name, else the code itself, when there is no such name."""
    code = code_of(raw_code)
    named = _names(language).get(code) if code else None
    return named or str(fallback or "").strip() or str(raw_code or "").strip()


def country_label(raw_code: Any, language: str, fallback: Any = "") -> str:
    """``🇩🇪 Германия``: the flag and the name; empty when there is neither code nor name."""
    name = country_name(raw_code, language, fallback)
    return f"{flag(raw_code)} {name}".strip()
