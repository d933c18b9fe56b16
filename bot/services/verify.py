"""Asking the tracker whether a write that may have happened did happen.

Each kind of write leaves its own trace, and each verifier knows where to look: a created
entity is a new id in its list, a change is the entity's values, a pause is its state, a
conversion is a new or changed row of the click's conversion log, a cost upload is the cost in
the report. ``before`` notes what the tracker looked like before sending (the evidence kept
with the write); ``check`` compares what it looks like now.

The verdict is one of three: the write happened (and here is what it made), it did not (send
it), or the tracker cannot tell (a postback Keitaro has not processed yet, an action that
leaves no trace), in which case the user chooses.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.forms.entities import view_of
from bot.services.followup import Sent as SentConversion
from bot.services.followup import find_recorded, snapshot
from keitaro import (
    ConnectionFailedError,
    ConnectionLostError,
    KeitaroClient,
    KeitaroError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TrackerTimeoutError,
)
from keitaro.catalog import ACTIONS, Action

log = logging.getLogger(__name__)
Row = dict[str, Any]

#: the state an entity is in after each state-changing operation (None: gone from the API)
TARGET_STATES = {
    "enable": "active",
    "disable": "disabled",
    "restore": "active",
    "archive": "deleted",
    "delete": "deleted",
}
#: the tracker is down or slow: checking must wait, so these reach the user as they are
TRANSIENT = (
    ConnectionFailedError, ConnectionLostError, RateLimitedError, ServerError, TrackerTimeoutError
)  # fmt: skip
#: report cost and sent cost agree to the cent (Keitaro spreads a cost over clicks)
COST_TOLERANCE = Decimal("0.02")


class Verdict(enum.Enum):
    APPLIED = "applied"
    NOT_APPLIED = "not_applied"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Check:
    verdict: Verdict
    #: what shows the write happened: the entity it made or changed, the conversion row
    found: Row | None = None


APPLIED_NOTHING = Check(Verdict.NOT_APPLIED)
CANNOT_TELL = Check(Verdict.UNKNOWN)


class Verifier:
    """The default: the tracker keeps no trace we can read, so it cannot tell."""

    async def before(self, client: KeitaroClient, action: Action, params: Row) -> Row:
        return {}

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        return CANNOT_TELL


# --- comparing what was sent with what the tracker holds ---------------------------------------


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def same(sent: Any, held: Any) -> bool:
    """Whether the tracker holds what was sent: numbers by value (``"0.05"`` is ``0.0500``),
    objects by the keys that were sent (the tracker adds its own), lists item by item."""
    if isinstance(sent, dict):
        return isinstance(held, dict) and all(same(v, held.get(k)) for k, v in sent.items())
    if isinstance(sent, list):
        return (
            isinstance(held, list)
            and len(sent) == len(held)
            and all(same(a, b) for a, b in zip(sent, held, strict=True))
        )
    if isinstance(sent, bool) or isinstance(held, bool):
        return bool(sent) == bool(held) if held is not None else sent is False
    left, right = _decimal(sent), _decimal(held)
    if left is not None and right is not None:
        return left == right
    return str("" if sent is None else sent).strip() == str("" if held is None else held).strip()


def _rows(data: Any) -> list[Row]:
    return [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []


async def _list(client: KeitaroClient, resource: str, params: Row) -> list[Row] | None:
    """The resource's entities as a fresh read (never the cache), scoped like ``params``;
    None when the tracker will not list them. A tracker that is down raises."""
    view = view_of(resource)
    if view is None:
        return None
    parent = int(params.get(view.parent_param or "", 0) or 0)
    arg = str(params.get(view.arg_param or "", "") or "")
    if view.arg_choices and not arg:
        arg = view.arg_choices[0]
    try:
        result = await client.call(view.list_action, view.list_params(parent, arg))
    except TRANSIENT:
        raise
    except KeitaroError as error:
        log.info("verify: %s could not be listed: %s", resource, error.code)
        return None
    return _rows(result.data)


async def _noted(client: KeitaroClient, resource: str, params: Row) -> list[Row] | None:
    """``_list`` for evidence taken before sending: a failure only means no evidence (the
    write itself will say what is wrong with the tracker)."""
    try:
        return await _list(client, resource, params)
    except KeitaroError:
        return None


async def _entity(client: KeitaroClient, resource: str, entity_id: int) -> Row | None:
    """The entity as the tracker holds it now; raises NotFoundError when it is gone."""
    view = view_of(resource)
    if view is None:
        return None
    if view.get_action:
        result = await client.call(view.get_action, {"id": entity_id})
        return result.data if isinstance(result.data, dict) else None
    rows = await _list(client, resource, {})
    found = next((row for row in rows or [] if row.get("id") == entity_id), None)
    if rows is not None and found is None:
        raise NotFoundError("not in the list")
    return found


def _ids(rows: list[Row]) -> list[int]:
    return sorted(int(row["id"]) for row in rows if isinstance(row.get("id"), int))


# --- the verifiers ---------------------------------------------------------------------------


class CreatedVerifier(Verifier):
    """A create made a new entity: an id the list did not have, with the values sent."""

    async def before(self, client: KeitaroClient, action: Action, params: Row) -> Row:
        rows = await _noted(client, action.resource, params)
        return {} if rows is None else {"ids": _ids(rows)}

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        rows = await _list(client, action.resource, payload)
        if rows is None:
            return CANNOT_TELL
        named = {k: v for k, v in payload.items() if k in ("name", "login") and v}
        wanted = named or {k: v for k, v in payload.items() if not isinstance(v, dict | list)}
        matching = [row for row in rows if same(wanted, row)]
        if "ids" not in evidence:  # the list could not be read before: a namesake may be old
            return CANNOT_TELL if matching else APPLIED_NOTHING
        known = set(evidence["ids"])
        new = [row for row in matching if row.get("id") not in known]
        return Check(Verdict.APPLIED, new[-1]) if new else APPLIED_NOTHING


class ClonedVerifier(Verifier):
    """A clone made a new entity named after the original."""

    async def before(self, client: KeitaroClient, action: Action, params: Row) -> Row:
        rows = await _noted(client, action.resource, params)
        if rows is None:
            return {}
        source = next((row for row in rows if row.get("id") == params.get("id")), {})
        return {"ids": _ids(rows), "name": str(source.get("name") or "")}

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        rows = await _list(client, action.resource, payload)
        if rows is None or "ids" not in evidence:
            return CANNOT_TELL
        known, name = set(evidence["ids"]), evidence.get("name") or ""
        new = [r for r in rows if r.get("id") not in known and name in str(r.get("name") or "")]
        return Check(Verdict.APPLIED, new[-1]) if new else APPLIED_NOTHING


class ChangedVerifier(Verifier):
    """An update holds when the entity has every value that was sent."""

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        key = "id" if "id" in payload else next(iter(action.path_fields), "id")
        try:
            entity = await _entity(client, action.resource, int(payload.get(key) or 0))
        except TRANSIENT:
            raise
        except KeitaroError:
            return CANNOT_TELL
        if entity is None:
            return CANNOT_TELL
        sent = {k: v for k, v in payload.items() if k != key}
        return Check(Verdict.APPLIED, entity) if same(sent, entity) else APPLIED_NOTHING


class StateVerifier(Verifier):
    """Pause, resume, archive, restore: the entity is in the state the action leads to."""

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        target = TARGET_STATES[action.operation]
        try:
            entity = await _entity(client, action.resource, int(payload.get("id") or 0))
        except NotFoundError:  # archived entities are not found any more
            return Check(Verdict.APPLIED) if target == "deleted" else APPLIED_NOTHING
        except TRANSIENT:
            raise
        except KeitaroError:
            return CANNOT_TELL
        if entity is None:
            return CANNOT_TELL
        state = str(entity.get("state") or "")
        return Check(Verdict.APPLIED, entity) if state == target else APPLIED_NOTHING


class PostbackVerifier(Verifier):
    """A conversion is a new or changed row of the click's conversion log. Keitaro records
    postbacks from a queue, so a row not there yet may still come: the tracker cannot tell."""

    async def before(self, client: KeitaroClient, action: Action, params: Row) -> Row:
        sub_id = str(params.get("click_id") or params.get("subid") or "")
        rows = await snapshot(client, sub_id) if sub_id else None
        return {"sub_id": sub_id, "rows": rows}

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        sub_id = str(evidence.get("sub_id") or payload.get("click_id") or "")
        tid = payload.get("transaction_id") or payload.get("tid")
        sent = SentConversion(sub_id, str(tid) if tid else None, evidence.get("rows"))
        try:
            row = await find_recorded(client, sent)
        except TRANSIENT:
            raise
        except KeitaroError:
            return CANNOT_TELL
        return Check(Verdict.APPLIED, row) if row is not None else CANNOT_TELL


class PostbacksVerifier(Verifier):
    """A campaign's outgoing postbacks were replaced: the campaign lists exactly those."""

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        try:
            result = await client.call("postbacks.list", {"campaign_id": payload["campaign_id"]})
        except TRANSIENT:
            raise
        except (KeitaroError, KeyError):
            return CANNOT_TELL
        held = _rows(result.data)
        return Check(Verdict.APPLIED) if same(payload.get("postbacks"), held) else APPLIED_NOTHING


class CostsVerifier(Verifier):
    """Costs sent for a campaign show as its cost in the report for the same period.

    Keitaro's cost upload *replaces* the cost of the matched clicks, so sending it again can
    never double it: where the report cannot confirm (filters by sub_id, a period without
    clicks), the verdict is "not applied" and the costs are simply sent again.
    """

    async def check(
        self, client: KeitaroClient, action: Action, payload: Row, evidence: Row
    ) -> Check:
        costs = payload.get("costs") or []
        ids = payload.get("campaign_ids") or []
        if not costs or not ids or any(entry.get("filters") for entry in costs):
            return APPLIED_NOTHING
        for entry in costs:
            params = {
                "range": {
                    "from": entry["start_date"],
                    "to": entry["end_date"],
                    "timezone": entry.get("timezone") or payload.get("timezone") or "UTC",
                },
                "measures": ["cost"],
                "filters": [{"name": "campaign_id", "operator": "IN_LIST", "expression": ids}],
                "summary": True,
                "limit": 1,
            }
            try:
                result = await client.call("reports.build", params)
            except TRANSIENT:
                raise
            except KeitaroError:
                return APPLIED_NOTHING
            data = result.data if isinstance(result.data, dict) else {}
            summary = data.get("summary") or next(iter(data.get("rows") or []), {})
            held, sent = _decimal(summary.get("cost")), _decimal(entry.get("cost"))
            if held is None or sent is None or abs(held - sent) > COST_TOLERANCE:
                return APPLIED_NOTHING
        return Check(Verdict.APPLIED)


_DEFAULT = Verifier()
_BY_OPERATION: dict[str, Verifier] = {
    "create": CreatedVerifier(),
    "clone": ClonedVerifier(),
    "update": ChangedVerifier(),
    **dict.fromkeys(TARGET_STATES, StateVerifier()),
}
_BY_ACTION: dict[str, Verifier] = {
    "conversions.create": PostbackVerifier(),
    "postbacks.send": PostbackVerifier(),
    "clicks.update_costs": CostsVerifier(),
    "postbacks.set": PostbacksVerifier(),
}


def verifier_for(action: Action | str) -> Verifier:
    """Where the tracker shows that ``action`` happened (the default: nowhere)."""
    spec = ACTIONS[action] if isinstance(action, str) else action
    found = _BY_ACTION.get(spec.name) or _BY_OPERATION.get(spec.operation)
    if found is not None and spec.name not in _BY_ACTION and view_of(spec.resource) is None:
        return _DEFAULT  # no list or card to look at (integrations, the bot list)
    return found or _DEFAULT
