"""What ``/metrics`` shows Prometheus: updates, tracker calls, what the watchers sent, lag.

One registry per process (``REGISTRY``), scraped by each process's own ``/metrics``: several
processes are several scrape targets, which is how Prometheus expects them (it sums them).
Labels are bounded on purpose: update types and catalog actions are fixed lists, outcomes a
handful; never a user, a chat or a tracker (an unbounded label is a memory leak).
"""

from __future__ import annotations

import time
from collections import Counter as TallyBase
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramServerError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, Update
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import (
    ProcessCollector as _ProcessCollector,
)

REGISTRY = CollectorRegistry()
_ProcessCollector(registry=REGISTRY)  # memory, CPU and open files of this process

UPDATES = Counter(
    "kbot_updates_total", "Telegram updates handled, by type and outcome",
    ["type", "outcome"], registry=REGISTRY,
)  # fmt: skip
UPDATE_SECONDS = Histogram(
    "kbot_update_seconds", "Time to handle one update, by type", ["type"], registry=REGISTRY,
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)  # fmt: skip
TRACKER_CALLS = Counter(
    "kbot_tracker_calls_total", "Keitaro Admin API calls, by action and outcome",
    ["action", "outcome"], registry=REGISTRY,
)  # fmt: skip
TRACKER_SECONDS = Histogram(
    "kbot_tracker_call_seconds", "Time of one Keitaro Admin API call, by action", ["action"],
    registry=REGISTRY, buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 45),
)  # fmt: skip
EVENTS = Counter(
    "kbot_events_total",
    "What the digests, the live feed, the alerts and the S2S endpoint did (event: sent, "
    "notified, alerts, taken_over, tracker_failed...)",
    ["component", "event"], registry=REGISTRY,
)  # fmt: skip
SCHEDULER_LAG = Gauge(
    "kbot_scheduler_lag_seconds", "How late the scheduler's last tick ran", registry=REGISTRY
)
RATE_LIMIT_WAITS = Counter(
    "kbot_rate_limit_waits_total", "Sends that waited for the Telegram rate limit",
    registry=REGISTRY,
)  # fmt: skip
RATE_LIMIT_WAIT_SECONDS = Counter(
    "kbot_rate_limit_wait_seconds_total", "Seconds spent waiting for the Telegram rate limit",
    registry=REGISTRY,
)  # fmt: skip
TELEGRAM_CALLS = Counter(
    "kbot_telegram_calls_total", "Bot API calls, by outcome (ok or the error's class)",
    ["outcome"], registry=REGISTRY,
)  # fmt: skip
TELEGRAM_LAST_OK = Gauge(
    "kbot_telegram_last_success_timestamp_seconds", "When a Bot API call last succeeded",
    registry=REGISTRY,
)  # fmt: skip


def render() -> tuple[bytes, str]:
    """The exposition text and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def tracker_call(action: str, outcome: str, seconds: float) -> None:
    """The tracker clients' ``on_call`` hook."""
    TRACKER_CALLS.labels(action, outcome).inc()
    TRACKER_SECONDS.labels(action).observe(seconds)


def rate_limit_wait(seconds: float) -> None:
    if seconds > 0:
        RATE_LIMIT_WAITS.inc()
        RATE_LIMIT_WAIT_SECONDS.inc(seconds)


class Tally(TallyBase[str]):
    """A component's counts (what tests and benchmarks read), mirrored into ``EVENTS``.

    ``tally["sent"] += 1`` works as on a ``Counter``; every increase also goes to the
    Prometheus counter of ``component``."""

    def __init__(self, component: str) -> None:
        super().__init__()
        self.component = component

    def __setitem__(self, key: str, value: int) -> None:
        delta = value - self.get(key, 0)
        super().__setitem__(key, value)
        if delta > 0:
            EVENTS.labels(self.component, key).inc(delta)

    def __reduce__(self) -> Any:  # Counter's pickling would call __init__ without component
        return (self.__class__, (self.component,), None, None, iter(self.items()))


def update_type(update: Update) -> str:
    return update.event_type if update.event_type != "update" else "unknown"


class UpdateMetrics(BaseMiddleware):
    """Outer middleware of ``dp.update``: each update's type, outcome and time.

    The outcome is ``handled``, ``unhandled`` (no handler wanted it), or ``error`` (it
    escaped even the error boundary); a failure the boundary answered is counted by it as
    ``failed``."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        from aiogram.dispatcher.event.bases import UNHANDLED

        kind = update_type(event) if isinstance(event, Update) else type(event).__name__
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await handler(event, data)
            outcome = "unhandled" if result is UNHANDLED else "handled"
            return result
        finally:
            UPDATES.labels(kind, outcome).inc()
            UPDATE_SECONDS.labels(kind).observe(time.perf_counter() - started)


def handler_failed(kind: str) -> None:
    """The error boundary answered a failure."""
    UPDATES.labels(kind, "failed").inc()


class TelegramCalls(BaseRequestMiddleware):
    """On the Bot's session: every Bot API call's outcome, and when Telegram last answered
    (``/healthz`` reads it; a refusal such as "blocked by the user" is an answer too, a
    network error or a 5xx is not)."""

    def __init__(self) -> None:
        self.last_ok: float | None = None
        self.last_error: str | None = None
        self.last_error_at: float | None = None
        #: the first failure since Telegram last answered (None while it answers)
        self.failing_since: float | None = None

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Any,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            response = await make_request(bot, method)
        except (TelegramNetworkError, TelegramServerError) as error:
            TELEGRAM_CALLS.labels(type(error).__name__).inc()
            self.last_error, self.last_error_at = type(error).__name__, time.time()
            if self.failing_since is None:
                self.failing_since = self.last_error_at
            raise
        except TelegramAPIError as error:  # Telegram answered (a refusal is still an answer)
            TELEGRAM_CALLS.labels(type(error).__name__).inc()
            self._answered()
            raise
        TELEGRAM_CALLS.labels("ok").inc()
        self._answered()
        return response

    def _answered(self) -> None:
        self.failing_since = None
        self.last_ok = time.time()
        TELEGRAM_LAST_OK.set(self.last_ok)
