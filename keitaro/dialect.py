"""Which report dialect a tracker speaks: ``dimensions``/``measures`` or ``grouping``/``metrics``.

A tracker that does not know the pair it is sent ignores it, as any unknown key, and answers
its default metrics: a report asked for cost and revenue comes back without them, and every
sum of money reads $0.00. So the dialect is told by the answer: the measures asked for are
there, or they are not (see ``keitaro.guesses.REPORT_DIALECT_PROBE``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from keitaro.guesses import REPORT_DIALECT_KEYS, REPORT_DIALECT_PROBE

if TYPE_CHECKING:
    from keitaro.client import KeitaroClient

log = logging.getLogger("keitaro.dialect")

DIALECTS = tuple(REPORT_DIALECT_KEYS)


def other_dialect(dialect: str) -> str:
    """The dialect that is not ``dialect``."""
    return next(name for name in DIALECTS if name != dialect)


def asked_measures(body: Any) -> list[str]:
    """The measures a ``reports.build`` body (before renaming) asks for."""
    measures = body.get("measures") if isinstance(body, dict) else None
    return [m for m in measures if isinstance(m, str)] if isinstance(measures, list) else []


def missing_measures(asked: list[str], data: Any) -> set[str] | None:
    """The asked measures a report answer lacks, or None when the answer cannot tell.

    A measure counts as there when the summary or any row has its key (even as null: a
    garbled number is not an unknown measure). No rows and no summary (no traffic in the
    range) prove nothing either way.
    """
    if not asked or not isinstance(data, dict):
        return None
    records = [row for row in data.get("rows") or [] if isinstance(row, dict)]
    summary = data.get("summary")
    if isinstance(summary, dict) and summary:
        records.append(summary)
    if not records:
        return None
    seen = set().union(*(record.keys() for record in records))
    return {name for name in asked if name not in seen}


async def detect_report_dialect(client: KeitaroClient, *, within: float = 10.0) -> str | None:
    """The dialect ``client``'s tracker speaks, found by one small report (two when the first
    answer lacks the measures); None if it could not be told (no traffic today and no summary,
    a failure, over ``within`` seconds). Never raises.

    The client corrects its own ``report_dialect`` on the way (see ``KeitaroClient.call``).
    """
    params = dict(REPORT_DIALECT_PROBE)
    try:
        async with asyncio.timeout(within):
            result = await client.call("reports.build", params)
    except Exception as error:  # a probe must never break connecting
        log.info("no report dialect from %s: %s", client.host, type(error).__name__)
        return None
    missing = missing_measures(list(params["measures"]), result.data)
    if missing is None or missing:
        return None
    return client.report_dialect
