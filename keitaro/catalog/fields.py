"""Field types and nested structures shared by the actions' parameter models.

Names, types, allowed values and required flags follow Keitaro's published OpenAPI description
(``shared/keitaro-admin-api.json``); where the real API is known to differ, ``keitaro.guesses``
says so and the type here follows it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from keitaro.guesses import COST_TYPES, GROUP_TYPES, REPORT_SUB_ID_COUNT, SUB_ID_COUNT


def _decimal_text(value: Any) -> Any:
    """Accept 12.5, "12.5" and "12,5" (buyers type commas) for money fields."""
    if isinstance(value, str):
        return value.strip().replace(" ", "").replace(",", ".")
    return value


#: an amount of money; sent as a number
Money = Annotated[
    Decimal,
    BeforeValidator(_decimal_text),
    Field(ge=0, max_digits=16, decimal_places=6),
    PlainSerializer(float, return_type=float, when_used="json"),
]
#: an amount of money that Keitaro wants as a string ("19.22")
MoneyText = Annotated[
    Decimal,
    BeforeValidator(_decimal_text),
    Field(ge=0, max_digits=16, decimal_places=6),
    PlainSerializer(lambda v: format(v.normalize(), "f"), return_type=str, when_used="json"),
]
Id = Annotated[int, Field(gt=0, description="Id of the entity")]
OptionalId = Annotated[int, Field(ge=0, description="Id (0 for none)")]
Text = Annotated[str, Field(max_length=10_000)]
Name = Annotated[str, Field(min_length=1, max_length=255, description="Name")]
Currency = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    Field(pattern=r"^[A-Z]{3}$", description="Currency, three letters (USD, EUR, RUB)"),
]
DateTimeText = Annotated[
    str,
    Field(
        pattern=r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$",
        description="Date and time, YYYY-MM-DD HH:MM",
    ),
]
Timezone = Annotated[str, Field(min_length=1, description="Time zone, e.g. Europe/Moscow")]
FilePath = Annotated[str, Field(min_length=1, description="File path inside the archive")]

State3 = Literal["active", "disabled", "deleted"]
State2 = Literal["active", "deleted"]
CostType = Literal[COST_TYPES]  # type: ignore[valid-type]
GroupType = Literal[GROUP_TYPES]  # type: ignore[valid-type]
AccessType = Literal[
    "full_access", "read_only", "to_groups_and_selected", "created_by_user_groups_and_selected"
]
ConversionStatus = Literal["lead", "sale", "rejected", "rebill"]
LogType = Literal["system", "traffic", "postbacks", "sent_postbacks", "ssl"]

_SOURCE_KEYS = (
    "keyword",
    "cost",
    "currency",
    "external_id",
    "creative_id",
    "ad_campaign_id",
    "source",
)
#: tracking parameters of a campaign or source (``parameters``): newer trackers go to sub_id_30
PARAMETER_KEYS: tuple[str, ...] = (
    *_SOURCE_KEYS,
    *(f"sub_id_{n}" for n in range(1, REPORT_SUB_ID_COUNT + 1)),
)
#: filters of ``campaigns.update_costs``: the spec and v9 read exactly these
COST_FILTER_KEYS: tuple[str, ...] = (
    *_SOURCE_KEYS,
    *(f"sub_id_{n}" for n in range(1, SUB_ID_COUNT + 1)),
)


class Nested(BaseModel):
    """A structure inside a request body; Keitaro versions add fields, so extras pass through."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Placeholder(Nested):
    """How one tracking parameter is read from the click URL."""

    name: str | None = Field(None, description="URL parameter name")
    placeholder: str | None = Field(None, description="Macro of the source, e.g. {keyword}")
    alias: str | None = None


class S2SPostback(Nested):
    """An outgoing postback of a campaign (to the traffic source)."""

    id: int | None = None
    campaign_id: int | None = None
    method: Literal["GET", "POST"] = "GET"
    statuses: list[ConversionStatus] = Field(
        default_factory=lambda: ["sale"], description="Statuses that fire it"
    )
    url: str = Field(min_length=1, description="URL with macros, e.g. https://ts/pb?cid={subid}")


class StreamFilterRule(Nested):
    """One filter of a stream (country, device, sub id...)."""

    id: int | None = None
    name: str = Field(min_length=1, description="Filter key, e.g. country")
    mode: Literal["accept", "reject"] = "accept"
    payload: Any = Field(None, description='Values, e.g. ["DE", "AT"]')


class StreamTrigger(Nested):
    id: int | None = None
    stream_id: int | None = None
    condition: Literal["not_respond", "always", "not_contains", "av_detected"]
    target: Literal["stream", "landings", "offers", "selected_page"]
    action: Literal["disable", "replace_url", "grab_from_page"]
    selected_page: str | None = None
    pattern: str | None = None
    interval: int | None = None
    alternative_urls: str | None = None
    grab_from_page: str | None = None
    av_settings: str | None = None
    reverse: bool | None = None
    scan_page: bool | None = None


class StreamOffer(Nested):
    offer_id: Id
    share: int = Field(100, ge=0, le=100, description="Share of traffic, percent")
    state: Literal["active", "disabled"] | None = None


class StreamLanding(Nested):
    landing_id: Id
    share: int = Field(100, ge=0, le=100, description="Share of traffic, percent")
    state: Literal["active", "disabled"] | None = None


class UserPreferences(Nested):
    language: Literal["ru", "en"] | None = None
    timezone: str | None = None


class UserAccessData(Nested):
    offers_access_type: AccessType | None = None
    campaigns_access_type: AccessType | None = None
    landings_access_type: AccessType | None = None
    traffic_sources_access_type: AccessType | None = None
    streams_access_type: AccessType | None = None
    affiliate_networks_access_type: AccessType | None = None
    domains_access_type: AccessType | None = None
    resources: list[str] | None = None
    reports: list[str] | None = None


class Proxy(Nested):
    protocol: Literal["http", "https", "socks5"] = "http"
    address: str
    port: int = Field(gt=0, lt=65536)
    login: str | None = None
    password: str | None = None


class CostEntry(Nested):
    """One period of costs for ``clicks.update_costs``."""

    start_date: DateTimeText
    end_date: DateTimeText
    cost: MoneyText
    timezone: Timezone
    currency: Currency
    filters: dict[str, str] | None = Field(
        None, description='Which clicks: {"sub_id_1": "1,2", "source": "site"}'
    )


class GridRange(Nested):
    """A report or log period: from/to dates, or a named interval, in a time zone."""

    from_: str | None = Field(None, alias="from", description="From, YYYY-MM-DD [HH:MM:SS]")
    to: str | None = Field(None, description="To, YYYY-MM-DD [HH:MM:SS]")
    timezone: str | None = Field(None, description="Time zone, e.g. Europe/Moscow")
    interval: str | None = Field(None, description="today, yesterday, 7_days_ago...")


GridOperator = Literal[
    "EQUALS",
    "NOT_EQUAL",
    "EQUALS_OR_GREATER_THAN",
    "EQUALS_OR_LESS_THAN",
    "GREATER_THAN",
    "LESS_THAN",
    "MATCH_REGEXP",
    "NOT_MATCH_REGEXP",
    "BEGINS_WITH",
    "ENDS_WITH",
    "CONTAINS",
    "NOT_CONTAIN",
    "IN_LIST",
    "NOT_IN_LIST",
    "BETWEEN",
    "IS_SET",
    "IS_NOT_SET",
    "IS_TRUE",
    "IS_FALSE",
    "HAS_LABEL",
    "NOT_HAS_LABEL",
]


class GridFilter(Nested):
    name: str = Field(min_length=1)
    operator: Annotated[
        GridOperator, BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v)
    ]
    expression: Any = None


class GridSort(Nested):
    name: str = Field(min_length=1)
    order: Annotated[
        Literal["ASC", "DESC"], BeforeValidator(lambda v: v.upper() if isinstance(v, str) else v)
    ] = "ASC"
