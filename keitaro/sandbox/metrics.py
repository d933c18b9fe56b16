"""Report measures: the counters a report accumulates per row, and the formulas of §4.4 of
keitaro-api.md on top of them (division by zero gives 0)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

# indexes of the per-row counters
CLICKS, CU, SU, GU, BOTS, COST, LEADS, SALES, REJECTED, REBILLS = range(10)
LEAD_REV, SALE_REV, REJ_REV, REBILL_REV = range(10, 14)
COUNTERS = 14

Counters = list[float]


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _revenue(r: Counters) -> float:
    return r[LEAD_REV] + r[SALE_REV] + r[REBILL_REV]


def _conversions(r: Counters) -> float:
    return r[LEADS] + r[SALES] + r[REJECTED]


def _profit(r: Counters) -> float:
    return _revenue(r) - r[COST]


def _profit_confirmed(r: Counters) -> float:
    return r[SALE_REV] + r[REBILL_REV] - r[COST]


def _money(digits: int, fn: Callable[[Counters], float]) -> Callable[[Counters], float]:
    """Money rounded the way a database's decimals are: half up, after settling the float
    noise of summation, so the same clicks give the same cents however they were grouped
    (40.56499999 summed one way and 40.56500001 the other must not become 40.56 and 40.57)."""
    quantum = Decimal(1).scaleb(-digits)

    def rounded(r: Counters) -> float:
        settled = Decimal(repr(round(fn(r), 6)))
        return float(settled.quantize(quantum, rounding=ROUND_HALF_UP))

    return rounded


def _rate(fn: Callable[[Counters], float]) -> Callable[[Counters], float]:
    return lambda r: round(fn(r), 2)


def _count(index: int) -> Callable[[Counters], int]:
    return lambda r: int(r[index])


MEASURES: dict[str, Callable[[Counters], float | int]] = {
    "clicks": _count(CLICKS),
    "campaign_unique_clicks": _count(CU),
    "stream_unique_clicks": _count(SU),
    "global_unique_clicks": _count(GU),
    "uc_campaign_rate": _rate(lambda r: _div(r[CU], r[CLICKS]) * 100),
    "uc_stream_rate": _rate(lambda r: _div(r[SU], r[CLICKS]) * 100),
    "uc_global_rate": _rate(lambda r: _div(r[GU], r[CLICKS]) * 100),
    "bots": _count(BOTS),
    "bot_share": _rate(lambda r: _div(r[BOTS], r[CLICKS]) * 100),
    "proxies": lambda r: 0,
    "empty_referrers": lambda r: 0,
    "conversions": lambda r: int(_conversions(r)),
    "leads": _count(LEADS),
    "sales": _count(SALES),
    "rejected": _count(REJECTED),
    "rebills": _count(REBILLS),
    "approve": _rate(lambda r: _div(r[SALES], _conversions(r)) * 100),
    "cr": _rate(lambda r: _div(_conversions(r), r[CLICKS]) * 100),
    "crl": _rate(lambda r: _div(r[LEADS], r[CLICKS]) * 100),
    "crs": _rate(lambda r: _div(r[SALES], r[CLICKS]) * 100),
    "revenue": _money(2, _revenue),
    "lead_revenue": _money(2, lambda r: r[LEAD_REV]),
    "sale_revenue": _money(2, lambda r: r[SALE_REV] + r[REBILL_REV]),
    "rejected_revenue": _money(2, lambda r: r[REJ_REV]),
    "cost": _money(2, lambda r: r[COST]),
    "profit": _money(2, _profit),
    "profit_confirmed": _money(2, _profit_confirmed),
    "roi": _rate(lambda r: _div(_profit(r), r[COST]) * 100),
    "roi_confirmed": _rate(lambda r: _div(_profit_confirmed(r), r[COST]) * 100),
    "profitability": _rate(lambda r: _div(_profit(r), _revenue(r)) * 100),
    "epc": _money(4, lambda r: _div(_revenue(r), r[CLICKS])),
    "epc_confirmed": _money(4, lambda r: _div(r[SALE_REV] + r[REBILL_REV], r[CLICKS])),
    "cpc": _money(4, lambda r: _div(r[COST], r[CLICKS])),
    "ecpc": _money(4, lambda r: _div(r[COST], r[CU])),
    "cpa": _money(4, lambda r: _div(r[COST], r[LEADS])),
    "cpl": _money(4, lambda r: _div(r[COST], r[LEADS])),
    "cps": _money(4, lambda r: _div(r[COST], r[SALES])),
    "ecpm": _money(4, lambda r: _div(_revenue(r), r[CLICKS]) * 1000),
    "ecpm_confirmed": _money(4, lambda r: _div(r[SALE_REV] + r[REBILL_REV], r[CLICKS]) * 1000),
}

STATUS_INDEX: dict[str, tuple[int, int]] = {
    "lead": (LEADS, LEAD_REV),
    "sale": (SALES, SALE_REV),
    "rejected": (REJECTED, REJ_REV),
    "rebill": (REBILLS, REBILL_REV),
}
