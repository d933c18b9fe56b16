"""``/healthz``: can this process do its job right now?

Three things, each with the reason when it fails: the database answers a query, Redis (when
used) answers a ping, and Telegram answered the last time it was asked, or recently enough
(a refusal such as "blocked by the user" is an answer; a network error or a 5xx is not). A
process that never reached Telegram is not healthy yet: it cannot deliver anything.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.app import Services

#: a check that takes longer than this fails
CHECK_TIMEOUT = 5.0
#: how long Bot API calls may fail before the process is unhealthy
TELEGRAM_GRACE = 120.0


@dataclass(frozen=True)
class Report:
    healthy: bool
    checks: dict[str, str]

    def as_json(self) -> dict[str, object]:
        return {"status": "ok" if self.healthy else "failing", "checks": self.checks}


async def _timed(check: object) -> str:
    try:
        await asyncio.wait_for(check, CHECK_TIMEOUT)  # type: ignore[arg-type]
    except TimeoutError:
        return f"failing: no answer within {CHECK_TIMEOUT:g} s"
    except Exception as error:  # the reason, never the details (a URL may hold a password)
        return f"failing: {type(error).__name__}"
    return "ok"


def telegram_state(services: Services, now: float | None = None) -> str:
    calls = services.telegram_calls
    now = time.time() if now is None else now
    if calls.last_ok is None:
        if calls.last_error is not None:
            return f"failing: {calls.last_error}, never answered"
        return "failing: not reached yet"
    # a blip after a quiet night is not a failure: it counts from the first failed call
    if calls.failing_since is not None and now - calls.failing_since > TELEGRAM_GRACE:
        return f"failing: {calls.last_error} for {int(now - calls.failing_since)} s"
    return f"ok: answered {int(now - calls.last_ok)} s ago"


async def check(services: Services) -> Report:
    checks = {"database": await _timed(services.db.ping())}
    if services.redis is not None:
        checks["redis"] = await _timed(services.redis.ping())
    checks["telegram"] = telegram_state(services)
    return Report(all(value.startswith("ok") for value in checks.values()), checks)
