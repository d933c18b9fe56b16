"""Entities as trackers send them: typed where it helps, open to fields newer versions add.

The client returns plain JSON; :func:`tidy_entities` mends the quirks every caller would
otherwise trip on (money as ``"0.0000"``, campaign ``parameters`` as a JSON string, sometimes
encoded twice). The models are for callers who want attributes: ``Campaign.model_validate(d)``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from keitaro.reports import read_number
from keitaro.responses import MAX_NESTING, nested_deeper_than
from keitaro.result import Unreadable

#: fields that carry numbers but may arrive as decimal strings (§1.3)
NUMBER_FIELDS = frozenset({"cost_value", "payout_value", "traffic_loss", "weight", "share"})
#: references to other entities (integers in the published description); a stream carries
#: them in its lists of offers and landings too
REFERENCE_FIELDS = frozenset(
    {
        "affiliate_network_id",
        "campaign_id",
        "domain_id",
        "group_id",
        "landing_id",
        "offer_id",
        "stream_id",
        "traffic_source_id",
    }
)
#: fields that should be objects but may arrive as JSON text (§1.3)
JSON_TEXT_FIELDS = frozenset({"parameters", "action_options", "preferences", "access_data"})


def _decode_json_text(value: Any) -> Any:
    """The object a JSON-text field holds; the text as it came when it holds none we can use
    (not JSON, or nested so deep that reading it would crash whoever walks it)."""
    original = value
    for _ in range(3):  # double-encoded happens
        if not isinstance(value, str) or value[:1] not in ("{", "[", '"'):
            break
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            break
    if nested_deeper_than(value, MAX_NESTING):
        return original
    return value


def read_id(value: Any) -> tuple[int | None, bool]:
    """An id as an integer, and whether it could be read: ``7`` and ``"7"`` → (7, True);
    ``None`` → (None, True) (no reference is not a misreading); ``"n/a"``, ``"12,5"``, ``""``,
    ``1.5``, ``true`` → (None, False)."""
    number, readable = read_number(value)
    if number is None:
        return None, readable
    if float(number).is_integer():
        return int(number), True
    return None, False


def tidy_entity(entity: Any, unread: Unreadable | None = None) -> Any:
    """One entity with its number, reference and JSON-text fields mended, in place.

    A number or a reference that cannot be read becomes None (missing, never a silent 0)
    and is counted in ``unread``; an entity's own ``id`` given as digits becomes an integer.
    """
    if not isinstance(entity, dict):
        return entity
    if "id" in entity:
        number, readable = read_id(entity["id"])
        if readable and number is not None:
            entity["id"] = number
    _mend_fields(entity, unread)
    for value in entity.values():  # a stream's offers and landings carry references too
        if isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _mend_fields(item, unread)
    for key in JSON_TEXT_FIELDS.intersection(entity):
        entity[key] = _decode_json_text(entity[key])
    return entity


def _mend_fields(record: dict[str, Any], unread: Unreadable | None) -> None:
    for key in NUMBER_FIELDS.intersection(record):
        record[key], readable = read_number(record[key])
        if not readable and unread is not None:
            unread.values += 1
    for key in REFERENCE_FIELDS.intersection(record):
        record[key], readable = read_id(record[key])
        if not readable and unread is not None:
            unread.values += 1


def tidy_entities(data: Any, unread: Unreadable | None = None) -> Any:
    """An entity or a list of entities, mended (see :func:`tidy_entity`).

    From a list, items that are not records or have no usable id are left out (nothing
    could open or act on them) and counted in ``unread``.
    """
    if isinstance(data, list):
        kept = [tidy_entity(item, unread) for item in data if isinstance(item, dict)]
        kept = [item for item in kept if "id" not in item or isinstance(item["id"], int)]
        if unread is not None:
            unread.entries += len(data) - len(kept)
        return kept
    return tidy_entity(data, unread)


class Entity(BaseModel):
    """Any tracker entity: known fields typed, unknown ones kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: int
    name: str | None = None
    state: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _mend(cls, value: Any) -> Any:
        return tidy_entity(dict(value)) if isinstance(value, dict) else value


class Campaign(Entity):
    alias: str | None = None
    type: str | None = None
    cost_type: str | None = None
    cost_value: float | None = None
    cost_currency: str | None = None
    group_id: int | None = None
    traffic_source_id: int | None = None
    domain_id: int | None = None
    parameters: dict[str, Any] | list[Any] | None = None
    postbacks: list[dict[str, Any]] | None = None


class Stream(Entity):
    campaign_id: int | None = None
    type: str | None = None
    schema_: str | None = Field(None, alias="schema")
    action_type: str | None = None
    weight: float | None = None
    position: int | None = None
    filters: list[dict[str, Any]] | None = None
    offers: list[dict[str, Any]] | None = None
    landings: list[dict[str, Any]] | None = None


class Offer(Entity):
    payout_value: float | None = None
    payout_currency: str | None = None
    payout_type: str | None = None
    payout_auto: bool | None = None
    affiliate_network_id: int | None = None
    country: list[str] | None = None


class LandingPage(Entity):
    landing_type: str | None = None
    action_type: str | None = None


class TrafficSource(Entity):
    postback_url: str | None = None
    parameters: dict[str, Any] | list[Any] | None = None


class AffiliateNetwork(Entity):
    postback_url: str | None = None
    offer_param: str | None = None


class Domain(Entity):
    network_status: str | None = None
    default_campaign_id: int | None = None


class Group(Entity):
    type: str | None = None
    position: int | None = None


class User(Entity):
    login: str | None = None
    type: str | None = None
    preferences: dict[str, Any] | list[Any] | None = None


ENTITY_MODELS: dict[str, type[Entity]] = {
    "campaigns": Campaign,
    "streams": Stream,
    "offers": Offer,
    "landing_pages": LandingPage,
    "traffic_sources": TrafficSource,
    "affiliate_networks": AffiliateNetwork,
    "domains": Domain,
    "groups": Group,
    "users": User,
}
