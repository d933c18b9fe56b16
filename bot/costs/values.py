"""Cell values of a cost file: amounts written the way people and ad platforms write them,
dates and periods in the two notations buyers use (ISO and the Russian ``DD.MM.YYYY``).

Every parser returns ``None`` for a value it cannot read, so the caller can report the row
with its line number instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

#: spaces of every kind and group marks inside an amount
_MONEY_SPACES = re.compile(r"[\s\u00a0\u202f'’_]")
#: a currency before or after an amount: a sign, a code, or the rouble's abbreviations
_MONEY_AFFIX = re.compile(r"^([$€₽£¥]|[A-Za-z]{3})|([$€₽£¥]|[A-Za-z]{3}|руб\.?|р\.?)$", re.I)
_MONEY_SHAPE = re.compile(r"^-?\d[\d.,]*$")
#: the most digits after the point Keitaro keeps (``MoneyText``)
MAX_DECIMALS = 6
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "₽": "RUB", "£": "GBP", "¥": "JPY"}
_CURRENCY_CODE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})(?![A-Za-z])")

_DATE = r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})"
_MOMENT = rf"{_DATE}(?:[ T]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
_PERIOD = re.compile(
    rf"^\s*(?P<start>{_MOMENT})(?:\s*(?:-|–|—|\.\.|/|to|по)\s*(?P<end>{_MOMENT}))?\s*$",
    re.IGNORECASE,
)
_WHEN_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y",
)  # fmt: skip
#: Keitaro's notation for both ends of a period (minutes; an end minute is included)
KEITARO_MINUTE = "%Y-%m-%d %H:%M"


def parse_money(text: str) -> Decimal | None:
    """``"12,50"``, ``"1 234,56"``, ``"1,234.56"``, ``"1.234,56"``, ``"$12.5"`` → a Decimal.

    The last of ``,`` and ``.`` is the decimal mark when both appear. A lone comma followed by
    exactly three digits (``"1,234"``) groups thousands; with one or two digits it is a
    decimal comma. Negative amounts and more than six decimals are refused.
    """
    cleaned = _MONEY_SPACES.sub("", text)
    affix = _MONEY_AFFIX.search(cleaned)
    while affix is not None and _named_currency(affix.group()) is not None:
        cleaned = cleaned[: affix.start()] + cleaned[affix.end() :]
        affix = _MONEY_AFFIX.search(cleaned)
    if not _MONEY_SHAPE.match(cleaned) or cleaned.startswith("-"):
        return None
    decimal_mark, group_mark = _marks(cleaned)
    whole, _, fraction = cleaned.partition(decimal_mark) if decimal_mark else (cleaned, "", "")
    if group_mark and group_mark in whole:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group_mark)}\d{{3}})+", whole):
            return None
        whole = whole.replace(group_mark, "")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    cleaned = f"{whole}.{fraction}" if fraction else whole
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None
    if amount.as_tuple().exponent < -MAX_DECIMALS:  # type: ignore[operator]
        return None
    return amount


def _marks(text: str) -> tuple[str, str]:
    """The decimal mark and the group mark an amount uses ("" when it has none)."""
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        return (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
    if commas == 1 and len(text.split(",")[1]) != 3:
        return ",", ""
    if commas:
        return "", ","
    if dots > 1:
        return "", "."
    return (".", "") if dots else ("", "")


def currency_in(text: str) -> str | None:
    """A currency named in a header or a cell (``"Cost, USD"``, ``"12.5 €"``), or None."""
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in text:
            return code
    found = _CURRENCY_CODE.findall(text)
    codes = [code.upper() for code in found if code.isascii() and code.upper() in KNOWN_CODES]
    return codes[0] if codes else None


#: currencies a header or an amount may name; a column of codes accepts any three letters
KNOWN_CODES = frozenset(
    {
        "USD", "EUR", "RUB", "UAH", "KZT", "BYN", "GBP", "CNY", "JPY", "INR", "BRL", "TRY",
        "PLN", "CZK", "IDR", "THB", "VND", "MXN", "ARS", "AZN", "GEL", "UZS", "KGS", "AMD",
        "MDL", "CHF", "SEK", "NOK", "DKK", "CAD", "AUD", "NZD", "ILS", "AED", "SAR", "HKD",
        "SGD", "KRW", "PHP", "MYR", "NGN", "ZAR", "EGP",
    }
)  # fmt: skip
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


_ROUBLE_WORDS = frozenset({"руб", "руб.", "р", "р.", "рубли", "рублей"})


def _named_currency(text: str) -> str | None:
    """A sign, a rouble abbreviation or a well-known code; anything else is not a currency."""
    text = text.strip()
    if text in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[text]
    if text.casefold() in _ROUBLE_WORDS:
        return "RUB"
    return text.upper() if text.upper() in KNOWN_CODES else None


def parse_currency(text: str) -> str | None:
    """A currency cell: a sign (``$``, ``€``, ``₽``), ``руб.``, or any three-letter code."""
    named = _named_currency(text)
    if named is not None:
        return named
    text = text.strip()
    return text.upper() if _CURRENCY.match(text) else None


@dataclass(frozen=True, slots=True)
class Period:
    """Both ends in Keitaro's minute notation, in the user's time zone; the end is included."""

    start: str
    end: str


def _moment(text: str) -> tuple[datetime, bool] | None:
    """A date or date-time, and whether it had a time."""
    text = re.sub(r"[ T]+", " ", text.strip())
    for fmt in _WHEN_FORMATS:
        try:
            return datetime.strptime(text, fmt), "%H" in fmt
        except ValueError:
            continue
    return None


def parse_period(text: str) -> Period | None:
    """``"2026-11-01"`` (the whole day), ``"2026-11-01 10:00"`` (that hour), or a range
    ``"2026-11-01 - 2026-11-07"`` / ``"01.11.2026–07.11.2026"`` (whole days unless times are
    given). None when unreadable or when the range ends before it starts."""
    match = _PERIOD.match(text)
    if match is None:
        return None
    start = _moment(match["start"])
    end = _moment(match["end"]) if match["end"] else start
    if start is None or end is None:
        return None
    return span(start, end)


def parse_bounds(start_text: str, end_text: str) -> Period | None:
    """Two cells, start and end; an empty end means the start's own day (or hour)."""
    start = _moment(start_text)
    end = _moment(end_text) if end_text.strip() else start
    if start is None or end is None:
        return None
    return span(start, end)


def span(start: tuple[datetime, bool], end: tuple[datetime, bool]) -> Period | None:
    """A bare date starts at 00:00 and ends at 23:59; a lone time covers its hour."""
    (first, _), (last, last_timed) = start, end
    if last_timed and first == last:
        last = first + timedelta(minutes=59)
    elif not last_timed:
        last = last.replace(hour=23, minute=59, second=0)
    if last < first:
        return None
    return Period(first.strftime(KEITARO_MINUTE), last.strftime(KEITARO_MINUTE))
