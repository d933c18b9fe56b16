"""One look at a tracker for a set of rules: the planned reads, each made once, and what
every rule finds in them. The watcher looks every tick; "Test" looks once for one rule.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.alerts.evaluate import Finding, Read, ReadKey, cap_reads, findings, plan
from bot.alerts.rules import Rule
from keitaro import KeitaroClient, KeitaroError

#: a context manager bounding the requests in flight to one tracker (the digests' PerKey)
Limit = Callable[[], contextlib.AbstractAsyncContextManager[Any]]


@dataclass
class Look:
    """What one look found: per rule its findings; the first failure, if any read failed
    (the rules that needed it found nothing, and judge nothing this time)."""

    findings: dict[int, list[Finding]] = field(default_factory=dict)
    failure: KeitaroError | None = None
    requests: int = 0
    #: the rules that could not be judged (a read they needed failed)
    unjudged: set[int] = field(default_factory=set)
    #: the campaigns list, when a rule needed it (automatic pauses read the states)
    campaigns: list[dict[str, Any]] = field(default_factory=list)


@contextlib.asynccontextmanager
async def _no_limit() -> AsyncIterator[None]:
    yield


async def look(
    client: KeitaroClient,
    rules: Mapping[int, tuple[Rule, str]],
    now: datetime,
    *,
    limit: Limit | None = None,
) -> Look:
    """Read what ``rules`` (id → (rule, the owner's time zone)) need, once each, and judge."""
    planned = plan(rules, now)
    result = Look()
    answers: dict[ReadKey, Any] = {}
    failed: set[ReadKey] = set()

    async def fetch(read: Read) -> None:
        try:
            async with (limit or _no_limit)():
                answer = await client.call(read.action, read.body)
        except KeitaroError as error:
            failed.add(read.key)
            if result.failure is None:
                result.failure = error
            return
        finally:
            result.requests += 1
        answers[read.key] = answer.data

    await asyncio.gather(*(fetch(read) for read in planned.reads.values()))
    caps = [rule_id for rule_id, (rule, _tz) in rules.items() if rule.kind == "cap"]
    cap_keys: dict[str, ReadKey] = {}
    offers_key = ("list", "offers.list")
    if caps and offers_key in answers:
        offers = answers[offers_key]
        rows = offers if isinstance(offers, list) else []
        extra = cap_reads(rows, now)
        cap_keys = {read.body["range"]["timezone"]: read.key for read in extra}
        # a rule "by offer today" in the same zone read it already, with more measures
        fresh = [read for read in extra if read.key not in answers and read.key not in failed]
        await asyncio.gather(*(fetch(read) for read in fresh))
    campaigns = answers.get(("list", "campaigns.list"))
    result.campaigns = campaigns if isinstance(campaigns, list) else []
    for rule_id, (rule, timezone) in rules.items():
        uses = dict(planned.uses.get(rule_id, {}))
        if rule.kind == "cap":
            uses.update({f"cap:{zone}": key for zone, key in cap_keys.items()})
        if rule.kind == "down" or any(key in failed for key in uses.values()):
            result.unjudged.add(rule_id)
            continue
        reads = {role: answers.get(key) for role, key in uses.items()}
        result.findings[rule_id] = findings(rule, reads, now, timezone)
    return result
