"""Scenario switches: make the sandbox tracker look the ways alerts watch for, then recover.

Each switch is a method of :class:`Scenarios` (``sandbox.scenarios.losing(3)``; a bare store
has one too, ``store.scenarios``), and ``POST /_sandbox/scenario`` plays it over HTTP with a
body ``{"name": "losing", "campaign_id": 3}``. Every switch answers a small dict of what it
did; :data:`SCENARIOS` lists them with a line on each.

Time is the store's clock (``store.now()``), so a test that moves the clock moves the
scenarios: ``steady`` traffic is made lazily, up to now, whenever the store is read (the app
catches up before every request, :meth:`Store.clicks_between` before every read of clicks),
with the same Poisson streams as the demo's :class:`LiveTraffic`. Every switch first catches
up, so traffic owed from before a switch follows the rules from before it.

What is made up follows the seed's traffic plans (see :mod:`keitaro.sandbox.seed`): clicks of
a campaign land in its streams, offers, traffic source and countries, so reports grouped by
any of them show the change.
"""

from __future__ import annotations

import inspect
import logging
import math
import random
import types
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, Union, get_args, get_origin, get_type_hints

from keitaro.guesses import SSL_EXPIRY_FIELD
from keitaro.sandbox import grid
from keitaro.sandbox.errors import ApiError
from keitaro.sandbox.faults import DOWN_KINDS, Faults
from keitaro.sandbox.live import CLICKS_PER_CONVERSION, LiveTraffic
from keitaro.sandbox.seed import make_click, plan_for
from keitaro.sandbox.store import Click, Entity, Store

#: every switch, with a line for a help text (the demo's); the names are the API
SCENARIOS: Mapping[str, str] = types.MappingProxyType(
    {
        "losing": "clicks with a cost and no conversions over the last minutes: the campaign "
        "loses money (campaign_id, clicks=60, cost=0.5, minutes=60)",
        "recover": "take back the clicks 'losing' added to the campaign (campaign_id)",
        "steady": "clicks (and a few conversions) for the campaign as the clock moves; "
        "per_minute=0 stops them (campaign_id, per_minute=2.0)",
        "silence": "no new clicks at all for a campaign, or for every campaign of a traffic "
        "source (campaign_id or traffic_source_id)",
        "resume_traffic": "undo 'silence' (the same arguments)",
        "near_cap": "turn the offer's daily conversion cap on, 'left' conversions above "
        "today's count (offer_id, left=1)",
        "lift_cap": "turn the offer's conversion cap off (offer_id)",
        "domain_trouble": "a domain in trouble: kind 'error' (DNS), 'ssl' (no certificate) "
        "or 'expiring' (certificate expires in 3 days) (domain_id, kind)",
        "domain_fixed": "the domain active again, its certificate issued (domain_id)",
        "down": "the Admin API down: kind '5xx' (every request 500), 'timeout' (requests "
        "hang) or 'revoked' (every API key 401) (kind='5xx')",
        "up": "the Admin API answers again",
    }
)
DOMAIN_TROUBLES = ("error", "ssl", "expiring")
#: what a domain whose DNS does not point to the tracker shows (Keitaro's check of a domain)
DNS_ERROR = "DNS record does not point to the tracker"
DNS_SOLUTION = "Point the domain's A record to the tracker's IP address"
SSL_ERROR_LOG = "Certificate for {name} was not issued: the domain did not pass the check"
#: days left on the certificate of an "expiring" domain
EXPIRING_DAYS = 3
#: bounds of the arguments (a typo must not make a million clicks)
MAX_LOSING_CLICKS = 100_000
MAX_MINUTES = 30 * 24 * 60
MAX_PER_MINUTE = 600.0
log = logging.getLogger(__name__)


class ScenarioError(ValueError):
    """A switch that cannot be played as asked: an unknown name, id or argument. The message
    is for a person (the HTTP endpoint answers it with a 400)."""


class Scenarios:
    """The switches of one store; ``faults`` are the served app's (``down``/``up`` set
    ``faults.down``). ``seed`` makes the made-up clicks reproducible."""

    def __init__(self, store: Store, faults: Faults | None = None, *, seed: int = 0) -> None:
        self.store = store
        self.faults = faults if faults is not None else Faults()
        self.seed = seed
        self._rng = random.Random(f"{seed}:scenarios")
        #: campaign id → the clicks ``losing`` added
        self._losing: dict[int, list[Click]] = {}
        #: campaign id → its ``steady`` traffic, and how many were started (for their seeds)
        self._steady: dict[int, LiveTraffic] = {}
        self._steady_started: dict[int, int] = {}
        self._silent_campaigns: set[int] = set()
        self._silent_sources: set[int] = set()
        #: offer id → its daily cap before ``near_cap``
        self._caps: dict[int, int] = {}
        #: domain id → the troubles it is in, and its SSL fields before the first
        self._domain_troubles: dict[int, set[str]] = {}
        self._domain_before: dict[int, dict[str, Any]] = {}
        self._catching_up = False

    # --- the list and the dispatcher -------------------------------------------------------

    @staticmethod
    def names() -> dict[str, str]:
        """Every switch name with a line on it."""
        return dict(SCENARIOS)

    def play(self, name: str, args: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Play switch ``name`` with arguments as JSON gives them (the HTTP endpoint's way
        in): unknown names and arguments, and values of the wrong kind, are a
        :class:`ScenarioError`."""
        if name not in SCENARIOS:
            raise ScenarioError(f"Unknown scenario '{name}'. Available: {', '.join(SCENARIOS)}")
        method: Callable[..., dict[str, Any]] = getattr(self, name)
        params = inspect.signature(method).parameters
        hints = get_type_hints(method)
        given = dict(args or {})
        unknown = sorted(set(given) - set(params))
        if unknown:
            takes = ", ".join(params) or "no arguments"
            raise ScenarioError(f"Scenario '{name}' takes {takes}; unknown: {', '.join(unknown)}")
        missing = [
            p for p, param in params.items() if param.default is param.empty and p not in given
        ]
        if missing:
            raise ScenarioError(f"Scenario '{name}' needs {', '.join(missing)}")
        values = {key: _argument(name, key, value, hints[key]) for key, value in given.items()}
        return method(**values)

    # --- made-up traffic -------------------------------------------------------------------

    def catch_up(self) -> None:
        """Make the ``steady`` traffic up to now. Re-entered while it runs (its own reads of
        the clicks), it does nothing."""
        if self._catching_up or not self._steady:
            return
        self._catching_up = True
        try:
            for feed in list(self._steady.values()):
                try:
                    feed.step()
                except Exception:  # a bug in made-up traffic must not break the tracker
                    log.exception("Steady traffic of campaign %s failed", feed.campaign_id)
        finally:
            self._catching_up = False

    def is_silent(self, campaign: Entity) -> bool:
        """Whether ``silence`` keeps new clicks from the campaign (by id or its source)."""
        return (
            campaign.get("id") in self._silent_campaigns
            or campaign.get("traffic_source_id") in self._silent_sources
        )

    def losing(
        self, campaign_id: int, clicks: int = 60, cost: float = 0.5, minutes: float = 60
    ) -> dict[str, Any]:
        """``clicks`` clicks of the campaign spread evenly over the last ``minutes``, each
        costing ``cost`` (tracker currency), none converting: a report of today or the last
        hour shows the campaign's profit down by ``clicks * cost`` and its CR lower."""
        self.catch_up()
        self._campaign(campaign_id)
        _check(1 <= clicks <= MAX_LOSING_CLICKS, f"clicks must be 1 to {MAX_LOSING_CLICKS}")
        _check(math.isfinite(cost) and cost >= 0, "cost must be 0 or more")
        _check(0 < minutes <= MAX_MINUTES, f"minutes must be above 0, at most {MAX_MINUTES}")
        plan = plan_for(self.store, self._rng, campaign_id)
        if plan is None:  # pragma: no cover - _campaign checked it exists
            raise ScenarioError(f"No campaign {campaign_id}")
        end = self.store.now().timestamp()
        start = end - minutes * 60
        gap = minutes * 60 / clicks
        made = []
        for index in range(clicks):
            # human clicks: a bot would go to the bot stream, with no offer to show it in
            click = make_click(self.store, self._rng, plan, start + (index + 0.5) * gap, human=True)
            click.cost = cost
            made.append(click)
        self._losing.setdefault(campaign_id, []).extend(made)
        return {
            "campaign_id": campaign_id,
            "clicks": clicks,
            "cost": round(clicks * cost, 4),
            "from": self.store.stamp(start),
            "to": self.store.stamp(end),
        }

    def recover(self, campaign_id: int) -> dict[str, Any]:
        """Take back every click ``losing`` added to the campaign (and any conversion made on
        them since), so its numbers are what they were."""
        self.catch_up()
        if self.store.campaigns.get(campaign_id) is None:
            raise ScenarioError(f"No campaign {campaign_id}")
        before = len(self.store.clicks)
        self.store.remove_clicks(self._losing.pop(campaign_id, []))
        return {"campaign_id": campaign_id, "clicks_removed": before - len(self.store.clicks)}

    def steady(self, campaign_id: int, per_minute: float = 2.0) -> dict[str, Any]:
        """About ``per_minute`` clicks a minute for the campaign from now on, as the clock
        moves, with conversions on some (one in 30, like the demo's live traffic); a new
        call replaces the rate, 0 stops it. None while the campaign is paused or silenced."""
        self.catch_up()
        campaign = self._campaign(campaign_id)
        _check(
            math.isfinite(per_minute) and 0 <= per_minute <= MAX_PER_MINUTE,
            f"per_minute must be 0 to {MAX_PER_MINUTE:g}",
        )
        self._steady.pop(campaign_id, None)
        if per_minute > 0:
            started = self._steady_started.get(campaign_id, 0) + 1
            self._steady_started[campaign_id] = started
            rng = random.Random(f"{self.seed}:steady:{campaign_id}:{started}")
            self._steady[campaign_id] = LiveTraffic(
                self.store, rng, per_minute / CLICKS_PER_CONVERSION, campaign_id=campaign_id
            )
        return {
            "campaign_id": campaign_id,
            "per_minute": per_minute,
            "flowing": per_minute > 0
            and campaign.get("state") == "active"
            and not self.is_silent(campaign),
        }

    def silence(
        self, campaign_id: int | None = None, traffic_source_id: int | None = None
    ) -> dict[str, Any]:
        """No new clicks from now on for the campaign, or for every campaign of the traffic
        source: neither ``steady`` ones nor the demo's live traffic. Conversions may still
        come on clicks from before, as postbacks do."""
        self.catch_up()
        self._silence_targets(campaign_id, traffic_source_id)
        if campaign_id is not None:
            self._silent_campaigns.add(campaign_id)
        if traffic_source_id is not None:
            self._silent_sources.add(traffic_source_id)
        return self._silenced()

    def resume_traffic(
        self, campaign_id: int | None = None, traffic_source_id: int | None = None
    ) -> dict[str, Any]:
        """Undo :meth:`silence` with the same arguments: clicks come again from now on (none
        are made for the quiet time)."""
        self.catch_up()
        self._silence_targets(campaign_id, traffic_source_id)
        if campaign_id is not None:
            self._silent_campaigns.discard(campaign_id)
        if traffic_source_id is not None:
            self._silent_sources.discard(traffic_source_id)
        return self._silenced()

    def _silence_targets(self, campaign_id: int | None, traffic_source_id: int | None) -> None:
        if campaign_id is None and traffic_source_id is None:
            raise ScenarioError("Give campaign_id or traffic_source_id")
        if campaign_id is not None and self.store.campaigns.get(campaign_id) is None:
            raise ScenarioError(f"No campaign {campaign_id}")
        if (
            traffic_source_id is not None
            and self.store.traffic_sources.get(traffic_source_id) is None
        ):
            raise ScenarioError(f"No traffic source {traffic_source_id}")

    def _silenced(self) -> dict[str, Any]:
        return {
            "silenced_campaigns": sorted(self._silent_campaigns),
            "silenced_sources": sorted(self._silent_sources),
        }

    # --- offers ----------------------------------------------------------------------------

    def near_cap(self, offer_id: int, left: int = 1) -> dict[str, Any]:
        """Turn the offer's daily conversion cap on at its conversions today (in its
        ``conversion_timezone``) plus ``left``: 0 is at the cap."""
        self.catch_up()
        offer = self._offer(offer_id)
        _check(left >= 0, "left must be 0 or more")
        zone = offer.get("conversion_timezone") or "UTC"
        today = self.conversions_today(offer_id, zone)
        self._caps.setdefault(offer_id, offer.get("daily_cap") or 0)
        self.store.offers.update(
            offer_id,
            {
                "conversion_cap_enabled": True,
                "daily_cap": today + left,
                "conversion_timezone": zone,
            },
        )
        return {
            "offer_id": offer_id,
            "conversions_today": today,
            "daily_cap": today + left,
            "left": left,
            "conversion_timezone": zone,
        }

    def lift_cap(self, offer_id: int) -> dict[str, Any]:
        """Turn the offer's conversion cap off (its ``daily_cap`` back to what it was before
        ``near_cap``)."""
        self.catch_up()
        offer = self._offer(offer_id)
        cap = self._caps.pop(offer_id, offer.get("daily_cap") or 0)
        self.store.offers.update(offer_id, {"conversion_cap_enabled": False, "daily_cap": cap})
        return {"offer_id": offer_id, "conversion_cap_enabled": False, "daily_cap": cap}

    def conversions_today(self, offer_id: int, zone: str = "UTC") -> int:
        """The offer's conversions today in ``zone``, as a report of today grouped by offer
        counts them (by click time; every status, rejected too, as the ``conversions``
        measure does)."""
        try:
            answer = grid.build_report(
                self.store,
                {
                    "range": {"interval": "today", "timezone": zone},
                    "dimensions": ["offer_id"],
                    "measures": ["conversions"],
                },
            )
        except ApiError as error:  # an offer with an unknown time zone
            raise ScenarioError(f"Offer {offer_id}: {error.body.get('error')}") from None
        return next(
            (int(row["conversions"]) for row in answer["rows"] if row["offer_id"] == offer_id), 0
        )

    # --- domains ---------------------------------------------------------------------------

    def domain_trouble(self, domain_id: int, kind: str) -> dict[str, Any]:
        """Put the domain in trouble, as the domain list and its check show it: ``error``
        (the DNS does not point to the tracker), ``ssl`` (no certificate could be issued) or
        ``expiring`` (issued, expiring in 3 days: in :data:`SSL_EXPIRY_FIELD`, a GUESS).
        Troubles add up, except ``ssl`` and ``expiring``, which replace each other."""
        self.catch_up()
        domain = self._domain(domain_id)
        _check(kind in DOMAIN_TROUBLES, f"kind must be one of {', '.join(DOMAIN_TROUBLES)}")
        self._domain_before.setdefault(
            domain_id,
            {
                key: domain[key]
                for key in ("is_ssl", "ssl_status", SSL_EXPIRY_FIELD)
                if key in domain
            },
        )
        troubles = self._domain_troubles.setdefault(domain_id, set())
        if kind == "error":
            fields: dict[str, Any] = {
                "network_status": "error",
                "error_description": DNS_ERROR,
                "error_solution": DNS_SOLUTION,
                "check_retries": int(domain.get("check_retries") or 0) + 1,
            }
        elif kind == "ssl":
            troubles.discard("expiring")
            domain.pop(SSL_EXPIRY_FIELD, None)
            fields = {"is_ssl": True, "ssl_status": "error"}
            self.store.log("ssl", SSL_ERROR_LOG.format(name=domain.get("name", "")))
        else:
            troubles.discard("ssl")
            expires = self.store.now() + timedelta(days=EXPIRING_DAYS)
            fields = {
                "is_ssl": True,
                "ssl_status": "issued",
                SSL_EXPIRY_FIELD: self.store.stamp(expires),
            }
        troubles.add(kind)
        self.store.domains.update(domain_id, fields)
        return {"domain_id": domain_id, "kind": kind, "troubles": sorted(troubles), **fields}

    def domain_fixed(self, domain_id: int) -> dict[str, Any]:
        """The domain out of every trouble: active, and its certificate issued (a domain
        without SSL before its trouble gets its SSL fields back as they were)."""
        self.catch_up()
        domain = self._domain(domain_id)
        before = self._domain_before.pop(domain_id, {})
        self._domain_troubles.pop(domain_id, None)
        had_ssl = bool(before.get("is_ssl", True))
        fields: dict[str, Any] = {
            "network_status": "active",
            "error_description": None,
            "error_solution": None,
            "check_retries": 0,
            "is_ssl": had_ssl,
            "ssl_status": "issued" if had_ssl else before.get("ssl_status"),
        }
        domain.pop(SSL_EXPIRY_FIELD, None)
        if SSL_EXPIRY_FIELD in before:
            fields[SSL_EXPIRY_FIELD] = before[SSL_EXPIRY_FIELD]
        self.store.domains.update(domain_id, fields)
        return {"domain_id": domain_id, **fields}

    def domain_check(self, domain: Entity) -> dict[str, Any]:
        """The fields ``POST /domains/{id}/check`` sets: a domain in DNS trouble fails the
        check again, any other passes (its SSL is not what the check looks at)."""
        if "error" in self._domain_troubles.get(domain["id"], ()):
            return {
                "network_status": "error",
                "check_retries": int(domain.get("check_retries") or 0) + 1,
            }
        return {"network_status": "active", "check_retries": 0}

    # --- the API as a whole ----------------------------------------------------------------

    def down(self, kind: str = "5xx") -> dict[str, Any]:
        """Take the Admin API down until :meth:`up`: ``5xx`` (every request answers 500),
        ``timeout`` (every request hangs until the client gives up) or ``revoked`` (every API
        key gets the 401 of a wrong key). The ``/_sandbox`` endpoints keep answering."""
        kinds = [k for k in DOWN_KINDS if k]
        _check(kind in kinds, f"kind must be one of {', '.join(kinds)}")
        self.faults.down = kind
        return {"down": kind}

    def up(self) -> dict[str, Any]:
        """End the outage :meth:`down` began (requests held by a timeout are answered)."""
        was = self.faults.down
        self.faults.down = ""
        return {"down": "", "was": was}

    # --- lookups ---------------------------------------------------------------------------

    def _campaign(self, campaign_id: int) -> Entity:
        campaign = self.store.campaigns.get(campaign_id)
        if campaign is None:
            raise ScenarioError(f"No campaign {campaign_id}")
        if campaign.get("state") == "deleted":
            raise ScenarioError(f"Campaign {campaign_id} is archived")
        return campaign

    def _offer(self, offer_id: int) -> Entity:
        offer = self.store.offers.get(offer_id)
        if offer is None:
            raise ScenarioError(f"No offer {offer_id}")
        return offer

    def _domain(self, domain_id: int) -> Entity:
        domain = self.store.domains.get(domain_id)
        if domain is None:
            raise ScenarioError(f"No domain {domain_id}")
        return domain


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise ScenarioError(message)


def _argument(switch: str, name: str, value: Any, hint: Any) -> Any:
    """A JSON value checked against the switch's type hint (int, float, str, or one of them
    or None); as strict as ``/_sandbox/conversions``: "3" is not a number."""
    optional = False
    if get_origin(hint) in (Union, types.UnionType):
        options = get_args(hint)
        optional = type(None) in options
        hint = next(option for option in options if option is not type(None))
    where = f"Scenario '{switch}': '{name}'"
    if value is None:
        if optional:
            return None
        raise ScenarioError(f"{where} must not be null")
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScenarioError(f"{where} must be an integer")
        return value
    if hint is float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ScenarioError(f"{where} must be a number")
        return float(value)
    if hint is str and not isinstance(value, str):
        raise ScenarioError(f"{where} must be text")
    return value
