"""Money as the sandbox reads it: numbers that may arrive as text with a decimal comma
("12,5"), and the one fixed rate table that turns other currencies into the tracker's (USD)."""

from __future__ import annotations

import math
from typing import Any

from keitaro.sandbox.errors import invalid

TRACKER_CURRENCY = "USD"
#: USD per one unit of a currency; fixed, so tests can count on the results
USD_RATES: dict[str, float] = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "RUB": 0.011, "UAH": 0.024}


def parse_money(value: Any) -> float | None:
    """A number from a number or a text like "12,5" or "1 000.5"; None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.replace(" ", "").replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def money_field(value: Any, name: str) -> float:
    """:func:`parse_money` for an entity or request field: not a number is a 406 on ``name``."""
    number = parse_money(value)
    if number is None:
        raise invalid({name: [f"{name} must be a number"]})
    return number


def to_tracker_currency(amount: float, currency: str | None) -> float | None:
    """``amount`` of ``currency`` in the tracker currency; None for a currency not in the table
    (no currency means the tracker's own)."""
    rate = USD_RATES.get((currency or TRACKER_CURRENCY).strip().upper())
    return None if rate is None else round(amount * rate, 4)
