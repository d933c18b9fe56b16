"""How each of the 17 resources looks in the browser: data read by one generic browser.

An :class:`EntityView` lists entities and opens cards (campaigns, offers...); a
:class:`TableView` shows the rows of one read action page by page (logs, the click log, the bot
list...). What differs between resources is here — fields, labels, links — not code paths.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from keitaro.catalog import ACTIONS
from keitaro.catalog.fields import LogType

Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One line of a card: ``key`` may be dotted (``preferences.language``)."""

    key: str
    label: str  # i18n key
    kind: str = "text"  # text | money | state | count | list | ref (an id; 0 is none)
    currency_key: str | None = None


@dataclass(frozen=True)
class Link:
    """A button on a card that opens a related view."""

    view: str
    label: str  # i18n key
    #: where the target's parent id comes from: the card's ``id`` or one of its fields
    parent_from: str = "id"
    #: open the target's card (an id) rather than a list scoped to a parent
    as_card: bool = False
    #: one button per item of this list field (a stream's ``offers``), each opening the card
    #: whose id is the item's ``item_id`` (``offer_id``)
    items_from: str | None = None
    item_id: str = "id"


@dataclass(frozen=True)
class EntityView:
    code: str
    resource: str
    icon: str
    label: str  # i18n key of the plural name
    list_action: str
    get_action: str | None = None
    #: the list needs a parent picked first from this view (a campaign for streams)
    parent_view: str | None = None
    parent_param: str | None = None
    #: the list needs one of these codes picked first (a group type)
    arg_param: str | None = None
    arg_choices: tuple[str, ...] = ()
    title_keys: tuple[str, ...] = ("name",)
    card: tuple[Field, ...] = ()
    links: tuple[Link, ...] = ()
    tables: tuple[str, ...] = ()
    list_extract: str | None = None
    #: write actions the card offers as buttons (pause/resume/restore come from the state)
    writes: tuple[str, ...] = ()
    #: one-field jobs on the card: (action, field), e.g. an offer's payout
    quick: tuple[tuple[str, str], ...] = ()
    #: the report builder's filter for this entity: its card opens its own stats
    stats_filter: str | None = None

    def list_params(self, parent: int, arg: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if self.parent_param and parent:
            params[self.parent_param] = parent
        if self.arg_param and arg:
            params[self.arg_param] = arg
        return params

    def title(self, row: Row) -> str:
        for key in self.title_keys:
            if row.get(key):
                return str(row[key])
        return f"#{row.get('id', '?')}"


@dataclass(frozen=True)
class TableView:
    code: str
    icon: str
    label: str  # i18n key
    action: str
    #: the fields of a row shown on its line, in order
    columns: tuple[str, ...] = ()
    #: static parameters of the call
    params: dict[str, Any] = field(default_factory=dict)
    parent_view: str | None = None
    parent_param: str | None = None
    arg_param: str | None = None
    arg_choices: tuple[str, ...] = ()
    #: the rows come from the tracker a page at a time (grids); otherwise all at once
    server_paging: bool = False
    #: relative range for grid actions: days back from now
    days: int | None = None
    #: how the answer becomes rows: "list", "grid", "lines" (a newline-separated value),
    #: "mapping" (value → label), "tree" (a file tree)
    shape: str = "list"
    #: a button per row: "status" (a conversion: send it a new status)
    row_action: str = ""

    def call_params(self, parent: int, arg: str, page: int, page_size: int, tz: str) -> dict:
        params = dict(self.params)
        if self.parent_param and parent:
            params[self.parent_param] = parent
        if self.arg_param and arg:
            params[self.arg_param] = arg
        if self.server_paging:
            params["limit"] = page_size
            params["offset"] = page * page_size
        if self.days == 0:  # the same "today" as the menu's numbers
            params["range"] = {"interval": "today", "timezone": tz}
        elif self.days is not None:
            since = (datetime.now(UTC) - timedelta(days=self.days)).strftime("%Y-%m-%d")
            params["range"] = {"from": since, "to": _tomorrow(), "timezone": tz}
        return params


def _tomorrow() -> str:
    return (datetime.now(UTC) + timedelta(days=1)).strftime("%Y-%m-%d")


CAMPAIGN_CARD = (
    Field("state", "f.state", "state"),
    Field("cost_value", "f.cost", "money", currency_key="cost_currency"),
    Field("cost_type", "f.cost_type"),
    Field("ts", "f.source"),
    Field("domain", "f.domain"),
    Field("group", "f.group"),
    Field("alias", "f.link", "link"),
)
STREAM_CARD = (
    Field("state", "f.state", "state"),
    Field("type", "f.type"),
    Field("schema", "f.schema"),
    Field("action_type", "f.action"),
    Field("weight", "f.weight"),
    Field("filters", "f.filters", "list"),
    Field("offers", "f.offers", "list"),
    Field("landings", "f.landings", "list"),
)

ENTITY_VIEWS: tuple[EntityView, ...] = (
    EntityView(
        "cm", "campaigns", "🎯", "r.campaigns", "campaigns.list", "campaigns.get",
        title_keys=("name", "alias"), card=CAMPAIGN_CARD,
        links=(Link("st", "l.streams"), Link("pb", "l.postbacks"), Link("bl", "l.blacklist")),
        writes=(
            "campaigns.update",
            "campaigns.clone",
            "campaigns.update_costs",
            "postbacks.set",
            "campaigns.archive",
        ),
        stats_filter="campaign",
    ),
    EntityView(
        "st", "streams", "🔀", "r.streams", "streams.list", "streams.get",
        parent_view="cm", parent_param="campaign_id", card=STREAM_CARD,
        links=(
            Link("cm", "l.campaign", parent_from="campaign_id", as_card=True),
            Link("of", "l.offer", as_card=True, items_from="offers", item_id="offer_id"),
            Link("lp", "l.landing", as_card=True, items_from="landings", item_id="landing_id"),
        ),
        writes=("streams.update", "streams.archive"),
        quick=(("streams.update", "offers"),),
    ),
    EntityView(
        "of", "offers", "💼", "r.offers", "offers.list", "offers.get",
        card=(
            Field("state", "f.state", "state"),
            Field("payout_value", "f.payout", "money", currency_key="payout_currency"),
            Field("payout_type", "f.payout_type"),
            Field("affiliate_network", "f.network"),
            Field("country", "f.countries", "list"),
            Field("group", "f.group"),
        ),
        links=(Link("an", "l.network", parent_from="affiliate_network_id", as_card=True),),
        tables=("of_files",),
        writes=("offers.update", "offers.clone", "offers.archive"),
        quick=(("offers.update", "payout_value"),),
        stats_filter="offer",
    ),
    EntityView(
        "lp", "landing_pages", "📄", "r.landing_pages", "landing_pages.list", "landing_pages.get",
        card=(
            Field("state", "f.state", "state"),
            Field("landing_type", "f.type"),
            Field("action_type", "f.action"),
            Field("action_payload", "f.url"),
            Field("group", "f.group"),
        ),
        tables=("lp_files",),
        writes=("landing_pages.update", "landing_pages.clone", "landing_pages.archive"),
    ),
    EntityView(
        "ts", "traffic_sources", "📣", "r.traffic_sources", "traffic_sources.list",
        "traffic_sources.get",
        card=(
            Field("state", "f.state", "state"),
            Field("postback_url", "f.postback_url"),
            Field("postback_statuses", "f.statuses", "list"),
            Field("template_name", "f.template"),
        ),
        writes=("traffic_sources.update", "traffic_sources.clone", "traffic_sources.archive"),
        stats_filter="ts",
    ),
    EntityView(
        "an", "affiliate_networks", "🤝", "r.affiliate_networks", "affiliate_networks.list",
        "affiliate_networks.get",
        card=(
            Field("state", "f.state", "state"),
            Field("postback_url", "f.postback_url"),
            Field("offer_param", "f.offer_param"),
            Field("offers", "f.offer_count"),
        ),
        writes=(
            "affiliate_networks.update",
            "affiliate_networks.clone",
            "affiliate_networks.archive",
        ),
    ),
    EntityView(
        "dm", "domains", "🌐", "r.domains", "domains.list", "domains.get",
        card=(
            Field("state", "f.state", "state"),
            Field("network_status", "f.network_status"),
            Field("ssl_status", "f.ssl"),
            Field("error_description", "f.domain_error"),
            Field("default_campaign_id", "f.default_campaign", "ref"),
            Field("catch_not_found", "f.catch_not_found"),
        ),
        links=(Link("cm", "l.default_campaign", parent_from="default_campaign_id", as_card=True),),
        writes=("domains.update", "domains.check", "domains.archive"),
    ),
    EntityView(
        "gr", "groups", "🗂", "r.groups", "groups.list",
        arg_param="type", arg_choices=("campaigns", "offers", "landings", "domains"),
        card=(Field("type", "f.type"), Field("position", "f.position")),
        writes=("groups.update", "groups.delete"),
    ),
    EntityView(
        "us", "users", "👤", "r.users", "users.list", "users.get",
        title_keys=("login",),
        card=(
            Field("type", "f.type"),
            Field("state", "f.state", "state"),
            Field("preferences.language", "f.language"),
            Field("preferences.timezone", "f.timezone"),
        ),
        writes=("users.update", "users.update_access", "users.delete"),
    ),
    EntityView(
        "fb", "integrations", "📘", "r.facebook", "integrations.facebook_list",
        "integrations.facebook_get",
        card=(Field("ad_account_id", "f.ad_account"), Field("proxy_enabled", "f.proxy")),
        tables=("fb_campaigns",),
        writes=(
            "integrations.facebook_update",
            "integrations.facebook_add_campaign",
            "integrations.facebook_delete",
        ),
    ),
)  # fmt: skip

LOG_TYPES: tuple[str, ...] = tuple(LogType.__args__)  # type: ignore[attr-defined]
LABEL_REFS = ("sub_id_1", "sub_id_2", "sub_id_3", "source", "keyword", "ip")

TABLE_VIEWS: tuple[TableView, ...] = (
    TableView(
        "rp", "📊", "r.stats", "reports.build",
        columns=("campaign", "clicks", "conversions", "revenue", "cost", "profit", "roi"),
        params={
            "dimensions": ["campaign"],
            "measures": ["clicks", "conversions", "revenue", "cost", "profit", "roi"],
            "sort": [{"name": "profit", "order": "DESC"}],
            "summary": True,
        },
        server_paging=True, days=0, shape="grid",
    ),
    TableView(
        "ck", "🖱", "r.clicks", "clicks.log",
        columns=("datetime", "sub_id", "campaign", "country", "device_type"),
        params={
            "columns": ["datetime", "sub_id", "campaign", "country", "device_type"],
            "sort": [{"name": "datetime", "order": "DESC"}],
        },
        server_paging=True, days=1, shape="grid",
    ),
    TableView(
        "cv", "🧾", "r.conversions", "conversions.log",
        columns=("postback_datetime", "sub_id", "status", "revenue", "campaign"),
        params={
            "columns": ["postback_datetime", "sub_id", "status", "revenue", "campaign", "tid"],
            "sort": [{"name": "postback_datetime", "order": "DESC"}],
        },
        server_paging=True, days=7, shape="grid", row_action="status",
    ),
    TableView("bt", "🤖", "r.botlist", "botlist.get", shape="lines"),
    TableView(
        "bl", "🚫", "r.blacklist", "blacklist.get",
        params={"label_name": "blacklist"}, parent_view="cm", parent_param="campaign_id",
        arg_param="ref_name", arg_choices=LABEL_REFS, shape="mapping",
    ),
    TableView(
        "pb", "📮", "r.postbacks", "postbacks.list", columns=("method", "statuses", "url"),
        parent_view="cm", parent_param="campaign_id",
    ),
    TableView(
        "lg", "📜", "r.logs", "logs.get", columns=("datetime", "message"),
        params={"limit": 200}, arg_param="type", arg_choices=LOG_TYPES,
    ),
    TableView(
        "fl", "🧩", "r.filters", "filters.list", columns=("value", "group", "tooltip"),
    ),
    TableView("fs", "🧩", "r.stream_types", "filters.stream_types", columns=("value", "name")),
    TableView("fc", "🧩", "r.stream_schemas", "filters.stream_schemas", columns=("value", "name")),
    TableView("fa", "🧩", "r.stream_actions", "filters.stream_actions", columns=("key", "name")),
    TableView("av", "⚙️", "r.avscan", "integrations.avscan_get", shape="mapping"),
    TableView("ik", "⚙️", "r.imklo", "integrations.imklo_get", shape="mapping"),
    TableView("sd", "🗄", "r.deleted_streams", "streams.list_deleted", columns=("id", "name", "campaign_id")),
    TableView("lp_files", "📁", "r.files", "landing_pages.get_structure", parent_param="id", shape="tree"),
    TableView("of_files", "📁", "r.files", "offers.get_structure", parent_param="id", shape="tree"),
    TableView(
        "fb_campaigns", "🎯", "r.campaigns", "integrations.facebook_campaigns",
        columns=("value", "name"), parent_param="id",
    ),
)  # fmt: skip

VIEWS: dict[str, EntityView | TableView] = {v.code: v for v in (*ENTITY_VIEWS, *TABLE_VIEWS)}

#: the main menu (two a row) and the "More" screen, by view code
MAIN_MENU: tuple[str, ...] = ("rp", "cm", "st", "of", "cv", "ck")
MORE_MENU: tuple[str, ...] = (
    "lp", "ts", "dm", "gr", "fl", "bt", "bl", "pb", "us", "lg", "an", "settings",
)  # fmt: skip
#: the tracker's own settings (the API's integrations), one screen of views
SETTINGS_VIEWS: tuple[str, ...] = ("av", "ik", "fb")
FILTER_VIEWS: tuple[str, ...] = ("fl", "fs", "fc", "fa")


def _check() -> None:
    """Every view names real catalog actions; codes fit callback data."""
    for view in VIEWS.values():
        actions = (
            [view.list_action, view.get_action] if isinstance(view, EntityView) else [view.action]
        )
        if isinstance(view, EntityView):
            actions += [*view.writes, *(name for name, _ in view.quick)]
        for name in filter(None, actions):
            if name not in ACTIONS:
                raise RuntimeError(f"view {view.code}: no action {name}")
        if len(view.code) > 12:
            raise RuntimeError(f"view code {view.code} is too long for callback data")


_check()

Line = Callable[[Row], str]
