"""The sandbox's in-memory tracker: entity collections, clicks, conversions, logs and settings.

Every resource is one :class:`Collection` configured by a :class:`ResourceSpec` (its defaults,
required fields, allowed values, unique fields and whether archiving is a state change or a
real delete). Clicks and conversions are light ``__slots__`` objects; clicks are kept sorted by
time with a parallel list of timestamps for ``bisect``.
"""

from __future__ import annotations

import bisect
import copy
import random
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, get_args

from keitaro.catalog.fields import LogType
from keitaro.catalog.params import new_campaign_alias
from keitaro.guesses import COST_TYPES, GROUP_TYPES

if TYPE_CHECKING:
    from keitaro.sandbox.scenarios import Scenarios

Entity = dict[str, Any]
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
#: every log the store keeps: the catalog's types and "enable_ssl" (readable, not listed)
LOG_TYPES: tuple[str, ...] = (*get_args(LogType), "enable_ssl")
SUB_IDS = 30


# --- resources ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResourceSpec:
    """How one kind of entity behaves; the data that makes :class:`Collection` specific."""

    name: str
    #: the word in "<Title> not found"
    title: str
    #: fields every new entity starts with; callables are called with the collection
    defaults: dict[str, Any]
    #: "state": archive sets state "deleted"; "delete": archive removes the entity
    archive: Literal["state", "delete"] = "state"
    required: tuple[str, ...] = ("name",)
    enums: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    #: fields whose values must not repeat (alias, login)
    unique: tuple[str, ...] = ()
    #: fields a clone gets afresh rather than copies (a campaign's alias and token)
    renew_on_clone: tuple[str, ...] = ()
    has_timestamps: bool = True
    #: with timestamps, whether the answer carries ``created_at`` too (a stream has only
    #: ``updated_at`` in the published API description)
    has_created_at: bool = True


class Collection:
    """One resource's entities by id, with Keitaro's create/update/archive/restore/clone."""

    def __init__(self, spec: ResourceSpec, clock: Callable[[], str]) -> None:
        self.spec = spec
        self.items: dict[int, Entity] = {}
        self.next_id = 1
        self._clock = clock

    def __len__(self) -> int:
        return len(self.items)

    def get(self, entity_id: int, *, deleted: bool = True) -> Entity | None:
        """The entity, or None; archived ones only when ``deleted``."""
        item = self.items.get(entity_id)
        if item is None or (not deleted and item.get("state") == "deleted"):
            return None
        return item

    def list(self) -> list[Entity]:
        return [e for e in self.items.values() if e.get("state") != "deleted"]

    def list_deleted(self) -> list[Entity]:
        return [e for e in self.items.values() if e.get("state") == "deleted"]

    def all(self) -> list[Entity]:
        return list(self.items.values())

    def validate(self, data: dict[str, Any], current: Entity | None = None) -> dict[str, list[str]]:
        """Field errors of a create (``current`` None) or an update; empty when valid."""
        errors: dict[str, list[str]] = {}
        if current is None:
            for name in self.spec.required:
                value = data.get(name)
                if value is None or (isinstance(value, str) and not value.strip()):
                    errors.setdefault(name, []).append(f"{_label(name)} is required")
        for name, allowed in self.spec.enums.items():
            if name in data and data[name] is not None and data[name] not in allowed:
                shown = ", ".join(str(a) for a in allowed if a is not None)
                errors.setdefault(name, []).append(
                    f"Value '{data[name]}' is not allowed for {name}. Allowed: {shown}"
                )
        for name in self.spec.unique:
            value = data.get(name)
            if value in (None, ""):
                continue
            for other in self.items.values():
                if other.get(name) == value and (current is None or other["id"] != current["id"]):
                    errors.setdefault(name, []).append(f"{_label(name)} '{value}' is already used")
                    break
        return errors

    def create(self, data: dict[str, Any]) -> Entity:
        entity: Entity = {"id": self.next_id}
        self.next_id += 1
        for key, value in self.spec.defaults.items():
            entity[key] = value(self) if callable(value) else copy.deepcopy(value)
        entity.update({k: v for k, v in data.items() if k != "id"})
        if self.spec.has_timestamps:
            now = self._clock()
            if self.spec.has_created_at:
                entity.setdefault("created_at", now)
            entity["updated_at"] = now
        self.items[entity["id"]] = entity
        return entity

    def update(self, entity_id: int, data: dict[str, Any]) -> Entity:
        entity = self.items[entity_id]
        entity.update({k: v for k, v in data.items() if k not in ("id", "created_at")})
        self.touch(entity)
        return entity

    def touch(self, entity: Entity) -> None:
        if self.spec.has_timestamps:
            entity["updated_at"] = self._clock()

    def set_state(self, entity_id: int, state: str) -> Entity:
        return self.update(entity_id, {"state": state})

    def archive(self, entity_id: int) -> Entity:
        """State "deleted", or a real delete for resources archived that way."""
        if self.spec.archive == "delete":
            return self.delete(entity_id)
        return self.set_state(entity_id, "deleted")

    def restore(self, entity_id: int) -> Entity:
        return self.set_state(entity_id, "active")

    def clone(self, entity_id: int) -> Entity:
        source = copy.deepcopy(self.items[entity_id])
        for key in ("id", "created_at", "updated_at", *self.spec.renew_on_clone):
            source.pop(key, None)
        if "name" in source:
            source["name"] = f"Copy of {source['name']}"
        return self.create(source)

    def delete(self, entity_id: int) -> Entity:
        return self.items.pop(entity_id)


def timestamp(when: datetime) -> float:
    """A POSIX timestamp; a naive datetime is taken as UTC (the sandbox's zone)."""
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _next_position(col: Collection) -> int:
    return max((e.get("position", 0) for e in col.items.values()), default=0) + 1


def _token(_col: Collection) -> str:
    return secrets.token_hex(16)


def _alias(col: Collection) -> str:
    while True:
        alias = new_campaign_alias()
        if all(e.get("alias") != alias for e in col.items.values()):
            return alias


STATE3 = ("active", "disabled", "deleted")
STATE2 = ("active", "deleted")

SPECS: dict[str, ResourceSpec] = {
    spec.name: spec
    for spec in (
        ResourceSpec(
            "campaigns",
            "Campaign",
            {
                "alias": _alias, "type": "position", "name": "", "uniqueness_method": "ip",
                "uniqueness_use_cookies": False, "cookies_ttl": 24, "position": _next_position,
                "state": "active", "cost_type": "CPC", "cost_value": 0.0, "cost_currency": "USD",
                "cost_auto": False, "group_id": 0, "bind_visitors": None,
                "traffic_source_id": None, "token": _token, "domain_id": None, "parameters": {},
                "postbacks": [], "notes": "", "traffic_loss": 0.0,
            },
            enums={
                "type": ("position", "weight"), "state": STATE3, "cost_type": COST_TYPES,
                "uniqueness_method": ("ip", "ip_ua", "cookie", "cookie_and_ip"),
                "bind_visitors": (None, "", "s", "sl", "slo"),
            },
            unique=("alias",),
            renew_on_clone=("alias", "token", "position"),
        ),
        ResourceSpec(
            "streams",
            "Stream",
            {
                "type": "regular", "name": "", "campaign_id": 0, "position": _next_position,
                "weight": 100, "action_options": None, "comments": None, "state": "active",
                "action_type": "http", "action_payload": "", "schema": "landings",
                "collect_clicks": False, "filter_or": False, "filters": [], "triggers": [],
                "landings": [], "offers": [],
            },
            required=("campaign_id", "name", "type", "schema", "action_type"),
            enums={
                "type": ("forced", "regular", "default"), "state": STATE3,
                "schema": ("landings", "redirect", "action"),
            },
            has_created_at=False,
        ),
        ResourceSpec(
            "offers",
            "Offer",
            {
                "name": "", "group_id": 0, "offer_type": "external", "action_type": "http",
                "action_payload": "", "action_options": [], "affiliate_network_id": 0,
                "payout_value": 0.0, "payout_currency": "USD", "payout_type": "CPA",
                "payout_auto": True, "payout_upsell": False, "state": "active", "country": [],
                "notes": "", "conversion_cap_enabled": False, "daily_cap": 0,
                "conversion_timezone": "UTC", "alternative_offer_id": 0,
            },
            enums={
                "offer_type": ("local", "external", "preloaded", "action"),
                "payout_type": ("CPA", "CPC"), "state": ("active", "disabled", "deleted"),
            },
        ),
        ResourceSpec(
            "landing_pages",
            "Landing",
            {
                "name": "", "group_id": 0, "state": "active", "landing_type": "external",
                "action_type": "http", "action_payload": "", "action_options": {}, "notes": "",
            },
            enums={
                "landing_type": ("local", "external", "preloaded", "action"), "state": STATE3,
            },
        ),
        ResourceSpec(
            "traffic_sources",
            "Traffic source",
            {
                "name": "", "postback_url": "", "postback_statuses": ["lead", "sale", "rejected"],
                "template_name": "", "accept_parameters": True, "parameters": {}, "notes": "",
                "state": "active", "traffic_loss": 0.0, "update_in_campaigns": "",
            },
            enums={"state": STATE2},
        ),
        ResourceSpec(
            "affiliate_networks",
            "Affiliate network",
            {
                "name": "", "postback_url": "", "offer_param": "", "state": "active",
                "template_name": "", "notes": "", "pull_api_options": None,
            },
            enums={"state": STATE2},
        ),
        ResourceSpec(
            "domains",
            "Domain",
            {
                "name": "", "network_status": "validating", "status": "active", "state": "active",
                "is_ssl": False, "ssl_redirect": False, "ssl_status": None,
                "ssl_data": {"checks": [], "total": 0}, "default_campaign_id": 0, "group_id": 0,
                "catch_not_found": False, "allow_indexing": False, "wildcard": False,
                "check_retries": 0, "error_description": None, "error_solution": None,
                "next_check_at": None, "notes": "",
            },
            enums={"state": STATE2, "network_status": ("validating", "active", "error")},
            unique=("name",),
        ),
        ResourceSpec(
            "groups",
            "Group",
            {"name": "", "position": 0, "type": "campaigns"},
            archive="delete",
            required=("name", "type"),
            enums={"type": GROUP_TYPES},
            has_timestamps=False,
        ),
        ResourceSpec(
            "users",
            "User",
            {
                "login": "", "type": "USER", "state": "active", "access_data": [],
                "preferences": {"language": "en", "timezone": "UTC"},
            },
            archive="delete",
            required=("login", "type", "new_password"),
            enums={"type": ("USER", "ADMIN"), "state": STATE2},
            unique=("login",),
            # the published User has no timestamps (nor rules, permissions, key counts)
            has_timestamps=False,
        ),
        ResourceSpec(
            "facebook",
            "Integration",
            {
                "integration": "facebook", "name": "", "ad_account_id": "", "token": "",
                "proxy_enabled": False, "proxy": None, "last_error": None, "last_raw_error": None,
                "_campaign_ids": [],
            },
            archive="delete",
            required=("name", "ad_account_id", "token"),
            has_timestamps=False,
        ),
    )
}  # fmt: skip


# --- traffic --------------------------------------------------------------------------------


class Click:
    """One click. ``subs`` holds sub_id_1..30 (empty strings when unset)."""

    __slots__ = (
        "ad_campaign_id", "browser", "campaign_id", "city", "connection_type", "conversions",
        "cost", "country_code", "creative_id", "device_type", "external_id", "ip", "is_bot",
        "is_unique_campaign", "is_unique_global", "is_unique_stream", "isp", "keyword",
        "landing_id", "language", "offer_id", "os", "referrer", "region", "source", "stream_id",
        "sub_id", "subs", "ts", "ts_id", "user_agent",
    )  # fmt: skip

    def __init__(self, **values: Any) -> None:
        self.conversions: list[Conversion] = []
        self.cost = 0.0
        for key, value in values.items():
            setattr(self, key, value)


class Conversion:
    """One conversion of a click; reports count it on its click's attributes and date.

    Keitaro records postbacks from a queue, so a conversion (or a change of its status) shows
    in the API some time after its ``postback_ts``: from ``visible_ts`` on. Until a change is
    visible, ``visible_state`` is a copy of the conversion before the change (with its own
    ``visible_ts`` and earlier states), None for a new conversion: the API leaves it out.
    """

    __slots__ = (
        "click", "currency", "id", "original_status", "params", "postback_ts", "previous_status",
        "revenue", "sale_ts", "status", "tid", "visible_state", "visible_ts",
    )  # fmt: skip

    def __init__(self, **values: Any) -> None:
        self.tid: str | None = None
        self.previous_status: str | None = None
        self.sale_ts: float | None = None
        self.params: dict[str, Any] = {}
        self.currency = "USD"
        self.visible_ts = 0.0
        self.visible_state: Conversion | None = None
        for key, value in values.items():
            setattr(self, key, value)

    def as_seen(self, now: float) -> Conversion | None:
        """The conversion as the API shows it at ``now``: itself once its last change is
        visible, else the last visible state, or None when it has never been visible."""
        if self.visible_ts <= now:
            self.visible_state = None  # the clock only moves on: older states are done with
            return self
        return self.visible_state.as_seen(now) if self.visible_state is not None else None

    def snapshot(self) -> Conversion:
        """A copy of the conversion as it is now (its own params; the same click)."""
        copy_ = Conversion(**{name: getattr(self, name) for name in Conversion.__slots__})
        copy_.params = dict(self.params)
        return copy_


class Store:
    """All of the fake tracker's data. Tests read and change it directly."""

    def __init__(self, now: Callable[[], datetime] | None = None) -> None:
        self.now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.collections: dict[str, Collection] = {
            name: Collection(spec, self.stamp) for name, spec in SPECS.items()
        }
        self.clicks: list[Click] = []
        self._click_times: list[float] = []
        self.clicks_by_sub_id: dict[str, Click] = {}
        self.conversions: list[Conversion] = []
        self.next_conversion_id = 1
        self.next_nested_id = 1
        self.botlist: list[str] = []
        self.labels: dict[tuple[int, str], dict[str, str]] = {}
        self.integrations: dict[str, str] = {"avscan_key": "", "imklo_api_url": ""}
        self.logs: dict[str, list[dict[str, str]]] = {name: [] for name in LOG_TYPES}
        #: (resource, id) → {path: contents} of local landings and offers
        self.files: dict[tuple[str, int], dict[str, str]] = {}
        #: stream id → events
        self.stream_events: dict[int, list[dict[str, Any]]] = {}
        #: the group of campaigns the restricted (buyer) key may see
        self.restricted_group_id = 0
        self.restricted_user_id = 0
        #: campaign id → how its clicks look (seed.py's plans), so that live and injected
        #: clicks look like the seeded ones
        self.traffic_plans: dict[int, dict[str, Any]] = {}
        #: the made-up attributes of injected clicks; seed_store reseeds it
        self.rng = random.Random(0)
        self._scenarios: Scenarios | None = None

    # collections by name, for readable tests: store.campaigns.get(7)["state"]
    @property
    def campaigns(self) -> Collection:
        return self.collections["campaigns"]

    @property
    def streams(self) -> Collection:
        return self.collections["streams"]

    @property
    def offers(self) -> Collection:
        return self.collections["offers"]

    @property
    def landing_pages(self) -> Collection:
        return self.collections["landing_pages"]

    @property
    def traffic_sources(self) -> Collection:
        return self.collections["traffic_sources"]

    @property
    def affiliate_networks(self) -> Collection:
        return self.collections["affiliate_networks"]

    @property
    def domains(self) -> Collection:
        return self.collections["domains"]

    @property
    def groups(self) -> Collection:
        return self.collections["groups"]

    @property
    def users(self) -> Collection:
        return self.collections["users"]

    @property
    def facebook(self) -> Collection:
        return self.collections["facebook"]

    # scenarios
    @property
    def scenarios(self) -> Scenarios:
        """The scenario switches (:mod:`keitaro.sandbox.scenarios`). A :class:`Sandbox` sets
        its own, which can take the served API down; a bare store makes one on first use."""
        if self._scenarios is None:
            # scenarios.py makes clicks with seed.py, which imports this module
            from keitaro.sandbox.scenarios import Scenarios

            self._scenarios = Scenarios(self)
        return self._scenarios

    @scenarios.setter
    def scenarios(self, value: Scenarios) -> None:
        self._scenarios = value

    def catch_up(self) -> None:
        """Make the traffic the scenarios owe up to ``now()`` (``steady``); called before a
        read, so traffic is made lazily, as the clock moves."""
        if self._scenarios is not None:
            self._scenarios.catch_up()

    def is_silent(self, campaign: Entity) -> bool:
        """Whether a scenario keeps every new click from the campaign (``silence``)."""
        return self._scenarios is not None and self._scenarios.is_silent(campaign)

    # time
    def stamp(self, when: datetime | float | None = None) -> str:
        """A "YYYY-MM-DD HH:MM:SS" timestamp in UTC (now by default)."""
        if when is None:
            when = self.now()
        elif isinstance(when, int | float):
            when = datetime.fromtimestamp(when, UTC)
        return when.astimezone(UTC).strftime(TIME_FORMAT)

    def nested_id(self) -> int:
        """An id for nested rows: stream offers/landings/filters, postbacks."""
        value = self.next_nested_id
        self.next_nested_id += 1
        return value

    # clicks
    def set_clicks(self, clicks: Iterable[Click]) -> None:
        self.clicks = sorted(clicks, key=lambda c: c.ts)
        self._reindex()

    def add_click(self, click: Click) -> None:
        index = bisect.bisect_right(self._click_times, click.ts)
        self.clicks.insert(index, click)
        self._click_times.insert(index, click.ts)
        self.clicks_by_sub_id[click.sub_id] = click

    def _reindex(self) -> None:
        self._click_times = [c.ts for c in self.clicks]
        self.clicks_by_sub_id = {c.sub_id: c for c in self.clicks}

    def clicks_between(self, start: float, end: float) -> list[Click]:
        """Clicks with ``start <= ts < end`` (a slice: no copy of the rest), once the
        scenarios' traffic is made up to now."""
        self.catch_up()
        lo = bisect.bisect_left(self._click_times, start)
        hi = bisect.bisect_left(self._click_times, end)
        return self.clicks[lo:hi]

    def click(self, sub_id: str) -> Click | None:
        return self.clicks_by_sub_id.get(sub_id)

    def remove_clicks(self, doomed: Iterable[Click]) -> int:
        gone = {id(c) for c in doomed}
        if not gone:
            return 0
        self.clicks = [c for c in self.clicks if id(c) not in gone]
        self.conversions = [v for v in self.conversions if id(v.click) not in gone]
        self._reindex()
        return len(gone)

    def add_conversion(self, click: Click, **values: Any) -> Conversion:
        """A new conversion of ``click``; visible from now unless ``visible_ts`` says later."""
        values.setdefault("visible_ts", self.now().timestamp())
        conversion = Conversion(id=self.next_conversion_id, click=click, **values)
        self.next_conversion_id += 1
        click.conversions.append(conversion)
        self.conversions.append(conversion)
        return conversion

    def conversion(self, conversion_id: int) -> Conversion | None:
        """The conversion with that id (ids only grow, so the list is sorted by them)."""
        index = bisect.bisect_left(self.conversions, conversion_id, key=lambda v: v.id)
        if index < len(self.conversions) and self.conversions[index].id == conversion_id:
            return self.conversions[index]
        return None

    def restate(
        self,
        conversion: Conversion,
        status: str,
        *,
        original_status: str,
        postback_ts: float,
        revenue: float | None = None,
        currency: str | None = None,
        params: Mapping[str, Any] | None = None,
        visible_ts: float | None = None,
    ) -> Conversion:
        """Change ``conversion`` as a later postback does: the old status becomes
        ``previous_status``, the first sale sets ``sale_ts``. The change shows from
        ``visible_ts`` (default now); until then the API keeps showing the last visible state."""
        now = self.now().timestamp()
        visible_ts = now if visible_ts is None else visible_ts
        conversion.as_seen(now)  # drops the states nobody sees any more
        # a queue: until this change shows, the state before it does (or an earlier one)
        conversion.visible_state = conversion.snapshot() if visible_ts > now else None
        if conversion.status != status:
            conversion.previous_status = conversion.status
        conversion.status = status
        conversion.original_status = original_status
        if revenue is not None:
            conversion.revenue = revenue
        if currency is not None:
            conversion.currency = currency
        conversion.postback_ts = postback_ts
        if status == "sale" and conversion.sale_ts is None:
            conversion.sale_ts = postback_ts
        if params:
            conversion.params.update(params)
        conversion.visible_ts = visible_ts
        return conversion

    def change_status(
        self,
        conversion_id: int,
        status: str,
        *,
        revenue: float | None = None,
        at: datetime | None = None,
        visible_at: datetime | None = None,
    ) -> Conversion:
        """Change a conversion's status as a later postback at ``at`` (default now) would,
        visible from ``visible_at`` (default ``at``). ``status`` is stored as given."""
        conversion = self.conversion(conversion_id)
        if conversion is None:
            raise KeyError(f"no conversion {conversion_id}")
        postback_ts = self.now().timestamp() if at is None else timestamp(at)
        return self.restate(
            conversion,
            status,
            original_status=status,
            postback_ts=postback_ts,
            revenue=revenue,
            visible_ts=postback_ts if visible_at is None else timestamp(visible_at),
        )

    def inject_conversion(
        self,
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
        """A conversion as a test wants it; see :func:`keitaro.sandbox.live.inject_conversion`."""
        # live.py builds clicks with seed.py, which imports this module
        from keitaro.sandbox.live import inject_conversion

        return inject_conversion(
            self,
            campaign_id=campaign_id,
            sub_id=sub_id,
            status=status,
            revenue=revenue,
            currency=currency,
            at=at,
            visible_at=visible_at,
            tid=tid,
            click_at=click_at,
        )

    # logs
    def log(self, kind: str, message: str, jid: str = "") -> None:
        self.logs.setdefault(kind, []).append(
            {"datetime": self.stamp(), "jid": jid or secrets.token_hex(4), "message": message}
        )

    # restricted access
    def visible_campaign_ids(self, restricted: bool) -> set[int] | None:
        """Ids of the campaigns a key may see; None means all."""
        if not restricted:
            return None
        return {
            c["id"]
            for c in self.campaigns.items.values()
            if c.get("group_id") == self.restricted_group_id
        }
