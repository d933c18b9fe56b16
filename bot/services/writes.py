"""Every write to a tracker goes out once, whatever crashes or times out in between.

``Writes.send`` marks the write in storage before the request and settles it after: done, or
forgotten when the tracker refused it (it did not happen), or in doubt when the tracker did
not say (a timeout, a lost connection, a 5xx). A process killed mid-request leaves it marked
*sending*. Sending the same write again (the same key: the same form, conversion, cost line or
button) first asks the tracker whether the earlier attempt happened (``bot.services.verify``):

* it did: nothing is sent; the caller tells the user what the tracker shows (``ALREADY``);
* it did not: it is sent now (``SENT``);
* the tracker cannot tell: nothing is sent and the user chooses (``UNCLEAR``); sending
  anyway is ``force=True``.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from bot.services.verify import Verdict, verifier_for
from keitaro import (
    ApiResult,
    ConnectionLostError,
    KeitaroClient,
    KeitaroError,
    ServerError,
    TrackerTimeoutError,
)
from keitaro.catalog import ACTIONS
from storage.writes import DONE, Write, WriteRepository

log = logging.getLogger(__name__)

#: failures after which the tracker may or may not have made the change
UNKNOWN_FATE = (TrackerTimeoutError, ConnectionLostError, ServerError)


class Outcome(enum.Enum):
    SENT = "sent"
    ALREADY = "already"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Sent:
    outcome: Outcome
    #: the tracker's answer, when the write was sent now
    result: ApiResult | None = None
    #: what shows an earlier attempt happened (the entity, the conversion row), if anything
    found: dict[str, Any] | None = None
    #: when the earlier attempt was made (ALREADY and UNCLEAR)
    since: datetime | None = None
    #: what the tracker looked like before this write (a click's conversions...)
    evidence: dict[str, Any] | None = None


class Writer(Protocol):
    """Who writes: the user, their tracker and client, and how a call is made for them (the
    bot's ``TrackerRequest``: chat action, cache invalidation)."""

    @property
    def owner_id(self) -> int: ...

    @property
    def tracker_id(self) -> int: ...

    @property
    def client(self) -> KeitaroClient: ...

    async def call(self, action: str, params: dict[str, Any] | None = None) -> ApiResult: ...


def outcome_of(result: ApiResult) -> dict[str, Any] | None:
    """What to remember of the answer: the entity made or changed (id and name)."""
    data = result.data
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if isinstance(data, dict) and isinstance(data.get("id"), int):
        return {"id": data["id"], "name": str(data.get("name") or data.get("login") or "")}
    return None


class Writes:
    def __init__(self, repository: WriteRepository) -> None:
        self.repository = repository

    async def pending(self, owner_id: int, key: str) -> Write | None:
        """The write under ``key`` when its fate is not known yet."""
        write = await self.repository.get(owner_id, key)
        return write if write is not None and write.in_doubt else None

    async def send(
        self,
        writer: Writer,
        key: str,
        action: str,
        params: dict[str, Any],
        *,
        force: bool = False,
        remember: bool = True,
    ) -> Sent:
        """Send ``action`` once under ``key``; raises what the client raises when it fails.

        ``remember=False`` keeps a write on record only while its fate is in doubt: for a
        button that may rightly be pressed again once it worked (Pause, after an Undo).
        """
        spec = ACTIONS[action]
        verifier = verifier_for(spec)
        owner = writer.owner_id
        earlier = await self.repository.get(owner, key)
        if earlier is not None and earlier.tracker_id == writer.tracker_id:
            if earlier.state == DONE:
                return Sent(Outcome.ALREADY, found=earlier.outcome, since=earlier.started_at)
            if earlier.in_doubt and not force:
                check = await verifier.check(
                    writer.client, ACTIONS[earlier.action], earlier.payload, earlier.evidence
                )
                log.info("write %s was in doubt: %s", earlier.action, check.verdict.value)
                if check.verdict is Verdict.APPLIED:
                    found = check.found if check.found is not None else earlier.outcome
                    await self._settle(owner, key, _brief(found), remember)
                    return Sent(Outcome.ALREADY, found=found, since=earlier.started_at)
                if check.verdict is Verdict.UNKNOWN:
                    return Sent(Outcome.UNCLEAR, since=earlier.started_at)
        evidence = await verifier.before(writer.client, spec, params)
        await self.repository.begin(owner, key, writer.tracker_id, action, params, evidence)
        try:
            result = await writer.call(action, params)
        except UNKNOWN_FATE:
            await self.repository.doubt(owner, key)
            raise
        except KeitaroError:
            await self.repository.forget(owner, key)  # refused: it did not happen
            raise
        await self._settle(owner, key, outcome_of(result), remember)
        return Sent(Outcome.SENT, result=result, evidence=evidence)

    async def _settle(self, owner: int, key: str, outcome: Any, remember: bool) -> None:
        if remember:
            await self.repository.finish(owner, key, outcome)
        else:
            await self.repository.forget(owner, key)


def _brief(found: dict[str, Any] | None) -> dict[str, Any] | None:
    if not isinstance(found, dict):
        return None
    if isinstance(found.get("id"), int):
        return {"id": found["id"], "name": str(found.get("name") or found.get("login") or "")}
    return {k: found[k] for k in ("conversion_id", "status", "revenue") if k in found} or None
