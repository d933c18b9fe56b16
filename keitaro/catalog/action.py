"""What one Admin API action is: its HTTP shape, its parameters and what it does to the tracker.

An :class:`Action` is pure data. The client turns validated parameters into a request with
:meth:`Action.build_request`; the sandbox registers its routes from ``method`` and ``path``;
the bot will build its menus and forms from ``params`` and ``access``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

_PLACEHOLDER = re.compile(r"{(\w+)}")


class Access(StrEnum):
    """What an action does to the tracker; it decides retries and confirmations."""

    READ = "read"  # changes nothing: safe to retry, no confirmation
    WRITE = "write"  # changes data that can be changed back
    DESTROY = "destroy"  # archives, deletes, replaces or wipes: ask before doing it


class Target(StrEnum):
    """Which URL of the tracker an action goes to."""

    ADMIN_API = "admin_api"  # https://tracker/admin_api/v1/<path>
    POSTBACK = "postback"  # https://tracker/<postback_key>/postback (plain-text answers)


class Params(BaseModel):
    """Base of every action's parameter model: one flat model of path, query and body fields.

    Unknown fields are refused, so a typo is caught before a request leaves the process.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class NoParams(Params):
    """For actions that take nothing."""


@dataclass(frozen=True, slots=True)
class BuiltRequest:
    """The parts of an HTTP request that an action's parameters produce."""

    method: str
    path: str
    query: dict[str, Any]
    body: Any | None


@dataclass(frozen=True, slots=True)
class Fallback:
    """Another way to reach the same action on trackers whose routing differs (a GUESS)."""

    method: str
    path: str


@dataclass(frozen=True, slots=True)
class Action:
    """One operation of the Keitaro Admin API, declared once."""

    name: str
    method: Literal["GET", "POST", "PUT", "DELETE"]
    path: str
    params: type[Params]
    access: Access
    summary: str
    tier: Literal["core", "full"] = "core"
    target: Target = Target.ADMIN_API
    #: fields that travel in the query string even though the method carries a body
    query_fields: tuple[str, ...] = ()
    #: a key of the answer that holds what the action is about (postbacks.list reads a campaign)
    extract: str | None = None
    #: the answer is a list of entities (the bot explains an empty one for restricted keys)
    returns_list: bool = False
    #: other routes to try when the tracker says this one does not exist
    fallbacks: tuple[Fallback, ...] = ()
    path_fields: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "path_fields", tuple(_PLACEHOLDER.findall(self.path)))
        known = self.params.model_fields
        missing = [name for name in (*self.path_fields, *self.query_fields) if name not in known]
        if missing:
            raise TypeError(f"{self.name}: {self.params.__name__} has no field {missing}")
        if any("{" in fallback.path for fallback in self.fallbacks):
            raise TypeError(f"{self.name}: fallback paths take no placeholders")

    @property
    def resource(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def operation(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def is_safe(self) -> bool:
        """True when repeating the request cannot change the tracker twice."""
        return self.access is Access.READ

    def validate(self, values: BaseModel | dict[str, Any] | None = None, **kwargs: Any) -> Params:
        """Check parameters against the model; raises ``pydantic.ValidationError``."""
        if isinstance(values, self.params) and not kwargs:
            return values
        data: dict[str, Any] = {}
        if isinstance(values, BaseModel):
            data.update(values.model_dump(exclude_unset=True))
        elif values:
            data.update(values)
        data.update(kwargs)
        return self.params.model_validate(data)

    def build_request(self, params: Params) -> BuiltRequest:
        """Split validated parameters into path, query string and JSON body.

        Path placeholders take their fields; ``query_fields`` and every field of a GET go to
        the query string; the rest is the JSON body (none when the action takes no body).
        """
        values = params.model_dump(mode="json", exclude_none=True, by_alias=True)
        path = self.path
        for name in self.path_fields:
            path = path.replace("{" + name + "}", str(values.pop(name)))
        everything_in_query = self.method == "GET" or not self.body_fields
        query = {
            key: _query_value(values.pop(key))
            for key in list(values)
            if everything_in_query or key in self.query_fields
        }
        body = values if self.body_fields else None
        return BuiltRequest(self.method, path, query, body)

    @property
    def body_fields(self) -> tuple[str, ...]:
        """Fields that travel in the JSON body."""
        if self.method == "GET":
            return ()
        excluded = {*self.path_fields, *self.query_fields}
        return tuple(name for name in self.params.model_fields if name not in excluded)


def _query_value(value: Any) -> Any:
    """Keitaro reads flags in the query string as 1/0."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    return value
