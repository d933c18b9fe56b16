"""The S2S postback (``GET|POST /<postback_key>/postback``), by §3 of keitaro-api.md.

The HTTP answer is plain text and immediate; the conversion itself is made by :func:`apply`,
which the server may run later (Keitaro queues postbacks), so a subid that matches no click
still answers "Success" and only the postbacks log tells.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from keitaro.sandbox.money import TRACKER_CURRENCY, USD_RATES, parse_money, to_tracker_currency
from keitaro.sandbox.store import Conversion, Store

SUBID_NAMES = (
    "trackID", "subid", "sub_id", "subaccount", "aff_sub", "clickid", "subId", "SubID",
    "trackingCodes",
)  # fmt: skip
REVENUE_NAMES = (
    "revenue", "profit", "payout", "summ_approved", "payment", "amount", "order_sum",
    "order_amount", "affiliateCommission", "value",
)  # fmt: skip
TID_NAMES = ("tid", "transaction_id", "txid", "trans_id", "receipt")
STATUS_NAMES = ("status", "transactionType")
TIME_NAMES = ("conversion_time", "action_time", "postback_date", "datetime", "time")
OVERRIDES = ("sale_status", "lead_status", "rejected_status", "ignore_status")
DEFAULT_SALE = frozenset(
    [
        "approved",
        "1",
        "done",
        "confirm",
        "confirmed",
        "paid",
        "rebill",
        "sale",
        "signup",
        "payed",
        "awarded",
        "sell",
        "sms",
        "birj",
        "redeem",
        "cgbk",
        "insf",
        "test_sale",
    ]
)
DEFAULT_REJECTED = frozenset(
    [
        "failure",
        "reject",
        "cancelled",
        "refund",
        "cancel",
        "decline",
        "declined",
        "rejected",
        "invalid",
        "canceled",
        "trash",
    ]
)
DEFAULT_IGNORE = frozenset(
    [
        "unsubscribe",
        "subscribeoff",
        "off",
        "rfnd",
        "cancel-rebill",
        "test_rfnd",
        "cancel-test-rebill",
    ]
)
KNOWN = frozenset(
    {*SUBID_NAMES, *REVENUE_NAMES, *TID_NAMES, *STATUS_NAMES, *TIME_NAMES, *OVERRIDES,
     "currency", "cost", "return"}
)  # fmt: skip
#: a conversion time further than this from now is ignored (seconds; two years)
MAX_TIME_SHIFT = 2 * 366 * 86400
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def first(params: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = params.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def map_status(raw: str | None, params: Mapping[str, Any]) -> str:
    """Keitaro's status: none → sale, a listed value → its status, anything else → lead."""
    if raw is None:
        return "sale"
    value = raw.strip().lower()
    for name in OVERRIDES:
        listed = {v.strip().lower() for v in str(params.get(name) or "").split(",") if v.strip()}
        if value in listed:
            return name.removesuffix("_status")
    if value in DEFAULT_SALE:
        return "sale"
    if value in DEFAULT_REJECTED:
        return "rejected"
    if value in DEFAULT_IGNORE:
        return "ignore"
    return "lead"


def answer(params: Mapping[str, Any], text: str) -> tuple[bytes, str]:
    """The body and content type, honouring ``return=gif|jsonp|<anything>``."""
    mode = params.get("return")
    if mode == "gif":
        return GIF, "image/gif"
    if mode == "jsonp":
        return f'KTracking && KTracking.response("{text}")'.encode(), "application/javascript"
    if mode:
        return str(mode).encode(), "text/plain"
    return text.encode(), "text/plain"


def receive(
    store: Store,
    key: str,
    expected_key: str,
    params: Mapping[str, Any],
    url: str,
    schedule: Callable[[Callable[[], None]], None],
) -> str:
    """Check a postback and queue it; returns the plain-text answer."""
    if key != expected_key:
        return f"Incorrect postback code ({key} in {url})"
    subid = first(params, SUBID_NAMES)
    if not subid:
        store.log("postbacks", f"Received postback {url}")
        store.log("postbacks", "Incorrect subid")
        return "Incorrect subid"
    store.log("postbacks", f"Received postback {url}")
    values = dict(params)
    schedule(lambda: apply(store, values))
    return "Success"


def apply(store: Store, params: Mapping[str, Any]) -> Conversion | None:
    """Make or change the conversion a postback describes."""
    subid = (first(params, SUBID_NAMES) or "").split(":")[0]
    store.log("postbacks", f'Using "{subid}" as subid. Postback added to queue.')
    click = store.click(subid)
    if click is None:
        store.log("postbacks", f'SubID not found "{subid}"')
        return None
    raw = first(params, STATUS_NAMES)
    status = map_status(raw, params)
    if status == "ignore":
        store.log("postbacks", f'Status "{raw}" is ignored. Subid {subid} skipped')
        return None
    currency = str(params.get("currency") or TRACKER_CURRENCY).strip().upper()
    amount = _in_tracker_currency(store, parse_money(first(params, REVENUE_NAMES)), currency)
    offer = store.offers.get(click.offer_id)
    if offer is not None and not offer.get("payout_auto", True):
        amount = float(offer.get("payout_value") or 0)
    cost = _in_tracker_currency(store, parse_money(params.get("cost")), currency)
    if cost is not None:
        click.cost = cost
    tid = first(params, TID_NAMES)
    extras = {k: v for k, v in params.items() if k not in KNOWN}
    now = _conversion_time(store, first(params, TIME_NAMES))
    existing = next((v for v in click.conversions if v.tid == tid), None)
    if existing is None:
        revenue = amount
        if revenue is None:
            revenue = float(offer.get("payout_value") or 0) if offer else 0.0
        conversion = store.add_conversion(
            click,
            tid=tid,
            status=status,
            original_status=raw or "",
            revenue=revenue,
            postback_ts=now,
            sale_ts=now if status == "sale" else None,
            params=extras,
            currency=_stored_currency(currency),
        )
    else:
        conversion = store.restate(
            existing,
            status,
            original_status=raw or "",
            postback_ts=now,
            revenue=amount,
            currency=_stored_currency(currency)
            if amount is not None or params.get("currency")
            else None,
            params=extras,
        )
    store.log("postbacks", f"Subid {subid} complete")
    return conversion


def _in_tracker_currency(store: Store, amount: float | None, currency: str) -> float | None:
    """``amount`` converted to the tracker currency; an unknown currency keeps the amount as
    it is and says so in the postbacks log."""
    if amount is None:
        return None
    converted = to_tracker_currency(amount, currency)
    if converted is None:
        store.log("postbacks", f'Unknown currency "{currency}": the amount {amount} is kept')
        return amount
    return converted


def _stored_currency(currency: str) -> str:
    """A converted amount is in the tracker currency; an unknown one keeps its own."""
    return TRACKER_CURRENCY if currency in USD_RATES else currency


def _conversion_time(store: Store, text: str | None) -> float:
    """The postback's own time ("Y-m-d H:i:s", UTC) when it is at most two years off from
    now; otherwise now."""
    now = store.now().timestamp()
    if text is None:
        return now
    try:
        when = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return now
    ts = when.timestamp()
    return ts if abs(ts - now) <= MAX_TIME_SHIFT else now
