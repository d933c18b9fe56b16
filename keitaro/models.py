"""Entities as trackers send them: typed where it helps, open to fields newer versions add.

The client returns plain JSON; :func:`tidy_entities` mends the quirks every caller would
otherwise trip on (money as ``"0.0000"``, campaign ``parameters`` as a JSON string, sometimes
encoded twice). The models are for callers who want attributes: ``Campaign.model_validate(d)``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from keitaro.reports import coerce_number

#: fields that carry numbers but may arrive as decimal strings (§1.3)
NUMBER_FIELDS = frozenset({"cost_value", "payout_value", "traffic_loss", "weight", "share"})
#: fields that should be objects but may arrive as JSON text (§1.3)
JSON_TEXT_FIELDS = frozenset({"parameters", "action_options", "preferences", "access_data"})


def _decode_json_text(value: Any) -> Any:
    for _ in range(3):  # double-encoded happens
        if not isinstance(value, str) or value[:1] not in ("{", "[", '"'):
            return value
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return value


def tidy_entity(entity: Any) -> Any:
    """One entity with its number and JSON-text fields mended, in place."""
    if not isinstance(entity, dict):
        return entity
    for key in NUMBER_FIELDS.intersection(entity):
        entity[key] = coerce_number(entity[key])
    for key in JSON_TEXT_FIELDS.intersection(entity):
        entity[key] = _decode_json_text(entity[key])
    return entity


def tidy_entities(data: Any) -> Any:
    """An entity or a list of entities, mended (see :func:`tidy_entity`)."""
    if isinstance(data, list):
        for item in data:
            tidy_entity(item)
        return data
    return tidy_entity(data)


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
