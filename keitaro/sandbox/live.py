"""Conversions after the seed: exact ones tests inject, and a live stream of made-up traffic.

Both go through the store's own ways in (``add_click``, ``add_conversion``, ``restate``), so
its indexes stay as the seed left them, and both read the time from ``store.now()`` only: a
test that drives the clock drives them too.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from keitaro.sandbox.seed import make_click, offer_payout, plan_for
from keitaro.sandbox.store import Click, Conversion, Store, timestamp

#: (status, original status, share) of new live conversions
STATUSES: tuple[tuple[str, str, float], ...] = (
    ("lead", "hold", 0.55),
    ("sale", "approved", 0.35),
    ("rejected", "rejected", 0.10),
)
#: raw values the network sends for each status
ORIGINAL = {status: original for status, original, _share in STATUSES}
#: clicks per conversion of live traffic (about a 3% CR, as the seed's)
CLICKS_PER_CONVERSION = 30
#: the share of postbacks the tracker records late, and how late (seconds)
LATE_SHARE = 0.2
LATE_DELAY = (20.0, 300.0)
#: the share of leads whose status changes later, and after how long (seconds)
CHANGE_SHARE = 0.25
CHANGE_DELAY = (120.0, 600.0)
#: what a changing lead becomes: (first status, then status or None, share); "then" is a
#: second change a few minutes later: a sale overwritten by a lead, or a chargeback
LEAD_FATES: tuple[tuple[str, str | None, float], ...] = (
    ("sale", None, 0.65),
    ("rejected", None, 0.20),
    ("sale", "lead", 0.10),
    ("sale", "rejected", 0.05),
)
#: a live conversion is on a click of the last half hour
CLICK_WINDOW = 1800.0


def inject_conversion(
    store: Store,
    *,
    campaign_id: int | None = None,
    sub_id: str | None = None,
    status: str = "sale",
    revenue: float | None = None,
    currency: str = "USD",
    at: datetime | None = None,
    visible_at: datetime | None = None,
    tid: str | None = None,
    click_at: datetime | None = None,
) -> Conversion:
    """A conversion exactly as a test describes it.

    Without ``sub_id`` it is on a new click of ``campaign_id`` (default: an active campaign)
    made like the seeded ones at ``click_at`` (default a few minutes before ``at``); with
    ``sub_id`` on that click. ``status`` is stored as given (a custom "deposit" too);
    ``revenue`` defaults to the offer's payout, ``at`` (the postback time) to now and
    ``visible_at`` (when the API shows it) to ``at``. Unknown ids raise ``KeyError``.
    """
    rng = store.rng
    postback_ts = store.now().timestamp() if at is None else timestamp(at)
    if sub_id is not None:
        click = store.click(sub_id)
        if click is None:
            raise KeyError(f"no click {sub_id!r}")
        if campaign_id is not None and click.campaign_id != campaign_id:
            raise KeyError(f"click {sub_id!r} is not in campaign {campaign_id}")
    else:
        plan = (
            _busy_campaign(store, rng) if campaign_id is None else plan_for(store, rng, campaign_id)
        )
        if plan is None:
            raise KeyError(
                "no active campaign" if campaign_id is None else f"no campaign {campaign_id}"
            )
        click_ts = postback_ts - rng.uniform(120, 900) if click_at is None else timestamp(click_at)
        click = make_click(store, rng, plan, click_ts, human=True)
    if revenue is None:
        offer = store.offers.get(click.offer_id)
        revenue = float(offer.get("payout_value") or 0) if offer else 0.0
    return store.add_conversion(
        click,
        tid=tid,
        status=status,
        original_status=status,
        revenue=float(revenue),
        currency=currency,
        postback_ts=postback_ts,
        sale_ts=postback_ts if status == "sale" else None,
        params={},
        visible_ts=postback_ts if visible_at is None else timestamp(visible_at),
    )


def _busy_campaign(store: Store, rng: random.Random) -> dict[str, Any] | None:
    """The traffic plan of an active campaign with an offer, the busier ones (by the seed's
    volumes) more often; read each time, so a campaign paused through the API (or silenced by
    a scenario) gets no more traffic. None when there is no such campaign."""
    plans = [
        plan
        for campaign in store.campaigns.items.values()
        if campaign.get("state") == "active"
        and not store.is_silent(campaign)
        and (plan := plan_for(store, rng, campaign["id"])) is not None
        and plan["offer_id"]
    ]
    if not plans:
        return None
    return rng.choices(plans, weights=[plan["volume"] for plan in plans])[0]


@dataclass
class StepCounts:
    """What one :meth:`LiveTraffic.step` made."""

    clicks: int = 0
    conversions: int = 0
    changes: int = 0


class LiveTraffic:
    """Made-up traffic from the last step to ``store.now()``: clicks, conversions on them
    (some recorded late), and later status changes of some leads.

    Clicks and conversions are Poisson streams (exponential gaps) at ``rate`` conversions and
    30 times as many clicks a minute; every event is made at its own time, in time order, so
    the outcome depends only on the seed and the clock readings the steps see.

    With ``campaign_id`` the traffic is that campaign's only (the ``steady`` scenario): its
    clicks, and conversions on its recent clicks; none while it is not active or silenced.
    """

    def __init__(
        self, store: Store, rng: random.Random, rate: float, *, campaign_id: int | None = None
    ) -> None:
        if rate <= 0:
            raise ValueError("the rate must be above 0 conversions a minute")
        self.store = store
        self.rng = rng
        self.campaign_id = campaign_id
        self.conversion_rate = rate / 60  # per second
        self.click_rate = self.conversion_rate * CLICKS_PER_CONVERSION
        self.last = store.now().timestamp()
        self._next_click = self.last + rng.expovariate(self.click_rate)
        self._next_conversion = self.last + rng.expovariate(self.conversion_rate)
        #: (due time, order, conversion id, status, then status): the status changes to come
        self._changes: list[tuple[float, int, int, str, str | None]] = []
        self._order = 0

    def step(self) -> StepCounts:
        """Make everything that happened between the last step and now."""
        now = self.store.now().timestamp()
        counts = StepCounts()
        while True:
            due_change = self._changes[0][0] if self._changes else float("inf")
            when = min(self._next_click, self._next_conversion, due_change)
            if when > now:
                break
            if when == due_change:
                counts.changes += self._change(*heapq.heappop(self._changes))
            elif when == self._next_click:
                counts.clicks += self._click(when) is not None
                self._next_click += self.rng.expovariate(self.click_rate)
            else:
                counts.conversions += self._conversion(when) is not None
                self._next_conversion += self.rng.expovariate(self.conversion_rate)
        self.last = max(self.last, now)
        return counts

    def _plan(self) -> dict[str, Any] | None:
        """The traffic plan of the campaign the next event is in, or None (no traffic)."""
        if self.campaign_id is None:
            return _busy_campaign(self.store, self.rng)
        campaign = self.store.campaigns.get(self.campaign_id)
        if campaign is None or campaign.get("state") != "active" or self.store.is_silent(campaign):
            return None
        return plan_for(self.store, self.rng, self.campaign_id)

    def _click(self, ts: float) -> Click | None:
        plan = self._plan()
        return None if plan is None else make_click(self.store, self.rng, plan, ts)

    def _recent_click(self, ts: float) -> Click | None:
        """A human click of the last half hour before ``ts``, or a new one a bit earlier."""
        recent = self.store.clicks_between(ts - CLICK_WINDOW, ts)
        if self.campaign_id is not None:
            recent = [c for c in recent if c.campaign_id == self.campaign_id]
        for _ in range(5 if recent else 0):
            click = recent[int(self.rng.random() * len(recent))]
            if not click.is_bot and click.offer_id:
                return click
        plan = self._plan()
        if plan is None:
            return None
        return make_click(self.store, self.rng, plan, ts - self.rng.uniform(60, 900), human=True)

    def _visible(self, ts: float) -> float:
        if self.rng.random() < LATE_SHARE:
            return ts + self.rng.uniform(*LATE_DELAY)
        return ts

    def _conversion(self, ts: float) -> Conversion | None:
        rng = self.rng
        click = self._recent_click(ts)
        if click is None:
            return None
        status = rng.choices([s[0] for s in STATUSES], weights=[s[2] for s in STATUSES])[0]
        conversion = self.store.add_conversion(
            click,
            tid=None,
            status=status,
            original_status=ORIGINAL[status],
            revenue=offer_payout(self.store, rng, click.offer_id),
            postback_ts=ts,
            sale_ts=ts if status == "sale" else None,
            params={},
            visible_ts=self._visible(ts),
        )
        if status == "lead" and rng.random() < CHANGE_SHARE:
            fate, then, _share = rng.choices(LEAD_FATES, weights=[f[2] for f in LEAD_FATES])[0]
            self._schedule(ts, conversion.id, fate, then)
        return conversion

    def _schedule(self, after: float, conversion_id: int, status: str, then: str | None) -> None:
        self._order += 1
        due = after + self.rng.uniform(*CHANGE_DELAY)
        heapq.heappush(self._changes, (due, self._order, conversion_id, status, then))

    def _change(
        self, ts: float, _order: int, conversion_id: int, status: str, then: str | None
    ) -> int:
        """A later postback of the conversion; 0 when it is gone (its click was cleaned)."""
        conversion = self.store.conversion(conversion_id)
        if conversion is None:
            return 0
        self.store.restate(
            conversion,
            status,
            original_status=ORIGINAL.get(status, status),
            postback_ts=ts,
            visible_ts=self._visible(ts),
        )
        if then is not None:
            self._schedule(ts, conversion_id, then, None)
        return 1
