"""Parameter models of the actions: one flat model per distinct request shape.

Models whose fields are all optional serve updates (only what the user set is sent); the
``*Create`` models add what the API requires. Field names are Keitaro's.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
import string
from typing import Any, Literal

from pydantic import AliasChoices, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from keitaro.catalog.action import Params
from keitaro.catalog.fields import (
    COST_FILTER_KEYS,
    PARAMETER_KEYS,
    CostEntry,
    CostType,
    Currency,
    DateTimeText,
    FilePath,
    GridFilter,
    GridRange,
    GridSort,
    GroupType,
    Id,
    LogType,
    Money,
    MoneyText,
    Name,
    OptionalId,
    Placeholder,
    Proxy,
    S2SPostback,
    State2,
    State3,
    StreamFilterRule,
    StreamLanding,
    StreamOffer,
    StreamTrigger,
    Text,
    Timezone,
    UserAccessData,
    UserPreferences,
)
from keitaro.guesses import CAMPAIGN_ALIAS_LENGTH, DOMAIN_CREATE_IS_SSL, POSTBACK_COMMENT_PARAM

# --- ids -------------------------------------------------------------------------------------


class ById(Params):
    id: Id


class ByCampaign(Params):
    campaign_id: Id = Field(description="Campaign")


class ByIdAndPath(ById):
    path: FilePath


class ByIdPathData(ByIdAndPath):
    data: str = Field(description="New contents of the file")


# --- campaigns -------------------------------------------------------------------------------


class CampaignList(Params):
    active: bool | None = Field(None, description="Only active campaigns")
    extended: bool | None = Field(None, description="Add group, source and stream count")


class CampaignFields(Params):
    name: Name | None = None
    alias: str | None = Field(None, max_length=64, description="Alias in the campaign URL")
    type: Literal["position", "weight"] | None = Field(None, description="Stream rotation")
    state: State3 | None = None
    cost_type: CostType | None = Field(None, description="Cost model")
    cost_value: Money | None = Field(None, description="Cost per unit")
    cost_currency: Currency | None = None
    cost_auto: bool | None = Field(None, description="Take the cost from the click URL")
    group_id: OptionalId | None = Field(None, description="Group")
    traffic_source_id: OptionalId | None = Field(None, description="Traffic source")
    domain_id: OptionalId | None = Field(None, description="Domain")
    bind_visitors: Literal["s", "sl", "slo"] | None = Field(
        None, description="Bind visitors to streams, landings, offers"
    )
    cookies_ttl: int | None = Field(None, ge=1, le=8760, description="Uniqueness period, hours")
    uniqueness_method: Literal["ip", "ip_ua"] | None = None
    uniqueness_use_cookies: bool | None = None
    token: str | None = Field(None, description="Click API token")
    parameters: dict[str, Placeholder] | None = Field(
        None, description="Tracking parameters of the click URL"
    )
    postbacks: list[S2SPostback] | None = Field(None, description="Postbacks to the source")
    notes: Text | None = None

    @model_validator(mode="after")
    def _known_parameters(self) -> CampaignFields:
        unknown = set(self.parameters or {}) - set(PARAMETER_KEYS)
        if unknown:
            raise PydanticCustomError(
                "unknown_parameters", "unknown tracking parameters: {names}",
                {"names": ", ".join(sorted(unknown))},
            )  # fmt: skip
        return self


def new_campaign_alias() -> str:
    alphabet = string.ascii_lowercase + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(CAMPAIGN_ALIAS_LENGTH))


class CampaignCreate(CampaignFields):
    name: Name
    alias: str | None = Field(None, max_length=64, description="Alias (made up when empty)")

    @model_validator(mode="after")
    def _alias(self) -> CampaignCreate:
        if not self.alias:
            self.alias = new_campaign_alias()
        return self


class CampaignUpdate(CampaignFields):
    id: Id


class CampaignCosts(Params):
    id: Id
    start_date: DateTimeText = Field(description="From, YYYY-MM-DD HH:MM")
    end_date: DateTimeText = Field(description="To, YYYY-MM-DD HH:MM")
    timezone: Timezone
    cost: MoneyText = Field(description="Cost of the whole period")
    currency: Currency
    only_campaign_uniques: bool | None = Field(None, description="Spread over unique clicks only")
    filters: dict[str, str] | None = Field(None, description="Which clicks, e.g. sub_id_1")

    @model_validator(mode="after")
    def _known_filters(self) -> CampaignCosts:
        unknown = set(self.filters or {}) - set(COST_FILTER_KEYS)
        if unknown:
            raise PydanticCustomError(
                "unknown_cost_filters", "unknown cost filters: {names}",
                {"names": ", ".join(sorted(unknown))},
            )  # fmt: skip
        return self


# --- streams ---------------------------------------------------------------------------------


class StreamFields(Params):
    campaign_id: Id | None = Field(None, description="Campaign")
    name: Name | None = None
    type: Literal["forced", "regular", "default"] | None = Field(None, description="Stream type")
    schema_: Literal["landings", "redirect", "action"] | None = Field(
        None, alias="schema", description="What the stream does with a click"
    )
    action_type: str | None = Field(None, description="Action, e.g. http, campaign, status404")
    action_payload: Any = Field(None, description="URL or text of the action")
    action_options: dict[str, Any] | None = None
    position: int | None = Field(None, ge=0)
    weight: int | None = Field(None, ge=0, le=1000)
    state: State3 | None = None
    comments: Text | None = None
    collect_clicks: bool | None = None
    filter_or: bool | None = Field(None, description="Match any filter instead of all")
    filters: list[StreamFilterRule] | None = None
    triggers: list[StreamTrigger] | None = None
    landings: list[StreamLanding] | None = None
    offers: list[StreamOffer] | None = None
    offer_selection: str | None = Field(None, description="Newer trackers only")


class StreamCreate(StreamFields):
    campaign_id: Id = Field(description="Campaign")
    name: Name
    type: Literal["forced", "regular", "default"] = "regular"
    schema_: Literal["landings", "redirect", "action"] = Field("landings", alias="schema")
    action_type: str = Field("http", description="Action, e.g. http, campaign, status404")


class StreamUpdate(StreamFields):
    id: Id


class StreamSearch(Params):
    query: str = Field(min_length=1, description="Text to look for")


# --- landing pages and offers ----------------------------------------------------------------


class LandingFields(Params):
    name: Name | None = None
    landing_type: Literal["local", "external", "preloaded", "action"] | None = None
    action_type: (
        Literal["local_file", "http", "curl", "status404", "show_text", "show_html"] | None
    ) = None
    action_payload: Any = Field(None, description="URL or text")
    url: str | None = Field(None, description="Landing URL")
    group_id: OptionalId | None = None
    state: State3 | None = None
    archive: str | None = Field(None, description="Zip as data:application/zip;base64,...")
    notes: Text | None = None


class LandingCreate(LandingFields):
    name: Name


class LandingUpdate(LandingFields):
    id: Id


class OfferFields(Params):
    name: Name | None = None
    offer_type: Literal["local", "external", "preloaded", "action"] | None = None
    action_type: str | None = Field(None, description="Action, e.g. http")
    action_payload: Any = Field(None, description="Offer URL")
    group_id: OptionalId | None = None
    affiliate_network_id: OptionalId | None = Field(None, description="Affiliate network")
    payout_value: Money | None = Field(None, description="Payout")
    payout_currency: Currency | None = None
    payout_type: Literal["CPA", "CPC"] | None = None
    payout_auto: bool | None = Field(None, description="Take the payout from the postback")
    payout_upsell: bool | None = None
    state: State2 | None = None
    country: list[str] | None = Field(None, description="Countries, ISO codes")
    notes: Text | None = None
    archive: str | None = None
    conversion_cap_enabled: bool | None = None
    daily_cap: int | None = Field(None, ge=0)
    conversion_timezone: str | None = None
    alternative_offer_id: OptionalId | None = None


class OfferCreate(OfferFields):
    name: Name


class OfferUpdate(OfferFields):
    id: Id


# --- traffic sources, affiliate networks ------------------------------------------------------


class SourceFields(Params):
    name: Name | None = None
    postback_url: str | None = None
    postback_statuses: list[Literal["lead", "sale", "rejected", "rebill"]] | None = None
    template_name: str | None = None
    accept_parameters: bool | None = None
    parameters: dict[str, Placeholder] | None = None
    notes: Text | None = None
    state: State2 | None = None
    traffic_loss: float | None = Field(None, ge=0, le=100, description="Traffic loss, percent")


class SourceCreate(SourceFields):
    name: Name


class SourceUpdate(SourceFields):
    id: Id


class NetworkFields(Params):
    name: Name | None = None
    postback_url: str | None = None
    offer_param: str | None = Field(None, description="e.g. sub1={subid}")
    notes: Text | None = None


class NetworkCreate(NetworkFields):
    name: Name


class NetworkUpdate(NetworkFields):
    id: Id


# --- domains, groups --------------------------------------------------------------------------


class DomainFields(Params):
    default_campaign_id: OptionalId | None = Field(None, description="Campaign for unknown paths")
    catch_not_found: bool | None = None
    notes: Text | None = None
    ssl_redirect: bool | None = None
    allow_indexing: bool | None = None


class DomainCreate(DomainFields):
    name: str = Field(min_length=1, description="Domain; a comma list creates several")
    is_ssl: bool = DOMAIN_CREATE_IS_SSL
    wildcard: bool | None = None


class DomainUpdate(DomainFields):
    id: Id
    name: str | None = None
    is_ssl: bool | None = None
    state: State2 | None = None


class GroupList(Params):
    type: GroupType = Field(description="What the groups hold")


class GroupCreate(Params):
    name: Name
    type: GroupType = Field(description="What the group holds")


class GroupUpdate(Params):
    id: Id
    name: Name | None = None
    position: int | None = Field(None, ge=0)


# --- users --------------------------------------------------------------------------------------


class UserFields(Params):
    login: str | None = Field(None, min_length=1, max_length=100)
    new_password: str | None = Field(None, min_length=1, description="Password")
    new_password_confirmation: str | None = Field(None, min_length=1, description="Again")
    type: Literal["USER", "ADMIN"] | None = None
    preferences: UserPreferences | None = None

    @model_validator(mode="after")
    def _passwords_match(self) -> UserFields:
        if self.new_password_confirmation is None and self.new_password is not None:
            self.new_password_confirmation = self.new_password
        if self.new_password != self.new_password_confirmation:
            raise PydanticCustomError(
                "passwords_differ", "the password and its confirmation differ"
            )
        return self


class UserCreate(UserFields):
    login: str = Field(min_length=1, max_length=100)
    type: Literal["USER", "ADMIN"] = "USER"
    new_password: str = Field(min_length=1, description="Password")
    new_password_confirmation: str | None = Field(None, description="Again (same as password)")


class UserUpdate(UserFields):
    id: Id


class UserAccess(Params):
    id: Id
    access_data: UserAccessData


# --- bot list, labels -----------------------------------------------------------------------------


class BotListValue(Params):
    value: str = Field(min_length=1, description="IPs and ranges, one per line")

    @field_validator("value")
    @classmethod
    def _addresses(cls, value: str) -> str:
        """Addresses, CIDR ranges, ``a-b`` ranges or ``1.2.*.*`` masks, sent one per line;
        anything else is refused before it reaches the tracker's list."""
        items = [part for part in re.split(r"[\s,;]+", value) if part]
        wrong = [item for item in items if not is_address_or_range(item)]
        if wrong or not items:
            raise PydanticCustomError(
                "not_ips", "not an IP address or range: {values}", {"values": ", ".join(wrong[:5])}
            )
        return "\n".join(items)


def is_address_or_range(text: str) -> bool:
    """``1.2.3.4``, ``10.0.0.0/8``, ``1.2.3.4-1.2.3.99``, ``1.2.*.*`` or an IPv6 one."""
    if text.count("-") == 1:
        return all(is_address_or_range(part) for part in text.split("-")) and "/" not in text
    if "*" in text:
        parts = text.split(".")
        return len(parts) == 4 and all(p == "*" or (p.isdigit() and int(p) < 256) for p in parts)
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return True


class LabelsGet(Params):
    campaign_id: Id = Field(description="Campaign")
    label_name: Literal["blacklist", "whitelist"] = "blacklist"
    ref_name: str = Field(min_length=1, description="Column: sub_id_1, source, ip, keyword...")


class LabelsSet(Params):
    campaign_id: Id = Field(description="Campaign")
    ref_name: str = Field(min_length=1, description="Column: sub_id_1, source, ip, keyword...")
    items: dict[str, Any] = Field(description="Value → blacklist / whitelist")


# --- clicks, conversions, reports -----------------------------------------------------------------


class GridQuery(Params):
    """The grid body shared by clicks/log and conversions/log."""

    range: GridRange | None = None
    columns: list[str] | None = None
    filters: list[GridFilter] | None = None
    sort: list[GridSort] | None = None
    limit: int | None = Field(None, ge=1, le=10_000)
    offset: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _range_or_limit(self) -> GridQuery:
        if self.range is None and self.limit is None:
            raise PydanticCustomError("range_or_limit", 'give "range" or "limit"')
        return self


DEFAULT_MEASURES = ["clicks", "conversions", "revenue", "cost", "profit", "roi"]


class ReportBuild(GridQuery):
    """A report: group by dimensions, count measures. Takes either dialect's names."""

    dimensions: list[str] = Field(
        default_factory=list,
        validation_alias=AliasChoices("dimensions", "grouping"),
        description="Group by: day, campaign, offer, country, sub_id_1...",
    )
    measures: list[str] = Field(
        default_factory=lambda: list(DEFAULT_MEASURES),
        validation_alias=AliasChoices("measures", "metrics"),
        description="Numbers: clicks, conversions, revenue, profit, roi...",
    )
    summary: bool | None = Field(None, description="Add totals")


class ClicksUpdateCosts(Params):
    campaign_ids: list[Id] = Field(min_length=1, description="Campaigns")
    costs: list[CostEntry] = Field(min_length=1, description="Periods and their costs")
    timezone: Timezone | None = None
    currency: Currency | None = None
    only_campaign_uniques: Literal[0, 1] | None = None

    @model_validator(mode="after")
    def _defaults_for_entries(self) -> ClicksUpdateCosts:
        # v9 reads timezone/currency at the top, the spec per entry: send both (§2.12).
        if self.timezone is None:
            self.timezone = self.costs[0].timezone
        if self.currency is None:
            self.currency = self.costs[0].currency
        return self


class ClicksClean(Params):
    start_date: DateTimeText
    end_date: DateTimeText
    timezone: Timezone | None = None
    campaign_id: Id | None = Field(None, description="Only this campaign")


class PostbackTarget(Params):
    """Where a postback goes; the key defaults to the tracker's own."""

    postback_key: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]+$", description="Postback key of the tracker"
    )


def _one_name_each(data: Any, synonyms: tuple[tuple[str, ...], ...]) -> Any:
    """Refuse a value given under two names (``click_id`` and ``subid``); ids as text."""
    if not isinstance(data, dict):
        return data
    for names in synonyms:
        given = [name for name in names if data.get(name) not in (None, "")]
        if len(given) > 1:
            raise PydanticCustomError(
                "same_thing", "{names} name the same thing: give one of them",
                {"names": " and ".join(given)},
            )  # fmt: skip
        if given and isinstance(data[given[0]], int | float) and names[0] in _ID_NAMES:
            data = {**data, given[0]: str(data[given[0]])}
    return data


_ID_NAMES = frozenset({"click_id", "subid", "transaction_id", "tid"})


class ConversionCreate(PostbackTarget):
    """The simplified conversion form; raw JSON may add any postback parameter."""

    model_config = ConfigDict(extra="allow")

    @model_validator(mode="before")
    @classmethod
    def _synonyms(cls, data: Any) -> Any:
        return _one_name_each(
            data,
            (("click_id", "sub_id", "subid"), ("revenue", "payout"), ("transaction_id", "tid")),
        )

    click_id: str = Field(
        min_length=1,
        max_length=128,
        validation_alias=AliasChoices("click_id", "sub_id", "subid"),
        serialization_alias="subid",
        description="Click id (subid)",
    )
    status: str | None = Field(None, max_length=64, description="lead, sale, rejected, rebill")
    revenue: Money | None = Field(
        None,
        validation_alias=AliasChoices("revenue", "payout"),
        serialization_alias="payout",
        description="Revenue",
    )
    currency: Currency | None = None
    transaction_id: str | None = Field(
        None,
        max_length=128,
        validation_alias=AliasChoices("transaction_id", "tid"),
        serialization_alias="tid",
        description="Transaction id",
    )
    comment: str | None = Field(
        None, max_length=1000, serialization_alias=POSTBACK_COMMENT_PARAM, description="Comment"
    )


class PostbackSend(PostbackTarget):
    """A raw postback: Keitaro's own parameter names, any of them."""

    model_config = ConfigDict(extra="allow")

    @model_validator(mode="before")
    @classmethod
    def _ids_as_text(cls, data: Any) -> Any:
        return _one_name_each(data, (("subid",), ("tid",)))

    subid: str = Field(min_length=1, max_length=128, description="Click id (subid)")
    status: str | None = Field(None, max_length=64)
    payout: Money | None = None
    currency: Currency | None = None
    tid: str | None = Field(None, max_length=128)


class CampaignPostbacks(Params):
    campaign_id: Id = Field(description="Campaign")
    postbacks: list[S2SPostback] = Field(description="The whole list; missing ones are removed")


# --- logs, integrations ---------------------------------------------------------------------------


class LogsGet(Params):
    type: LogType = Field(description="Which log")
    limit: int = Field(50, ge=1, le=10_000)
    offset: int | None = Field(None, ge=0)
    query: str | None = Field(None, description="Text to look for")


class LogsClean(Params):
    type: LogType = Field(description="Which log")


class AvscanSet(Params):
    avscan_key: str = Field(min_length=1, description="AVScan key")


class ImkloSet(Params):
    imklo_api_url: str = Field(min_length=1, description="IMKLO API URL")


class FacebookFields(Params):
    name: Name | None = None
    ad_account_id: str | None = Field(None, description="Ad account id")
    token: str | None = Field(None, description="Access token")
    proxy_enabled: bool | None = None
    proxy: Proxy | None = None


class FacebookCreate(FacebookFields):
    name: Name
    ad_account_id: str = Field(min_length=1, description="Ad account id")
    token: str = Field(min_length=1, description="Access token")


class FacebookUpdate(FacebookFields):
    id: Id


class FacebookCampaign(ById):
    campaign_id: Id = Field(description="Campaign")


__all__ = [name for name in dir() if name[0].isupper()]
