"""What a digest says: the period's summary (as ``/stats`` shows it), a title, a note when it
is late or when the tracker failed, and optionally a 14-day chart.

The numbers come from ``bot.stats.build_summary`` through the owner's own tracker client, so a
digest and ``/stats`` never disagree. Reads go through the short per-tracker cache: a thousand
digests of one tracker due in the same minute ask it once, not a thousand times.
"""

from __future__ import annotations

import asyncio
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.charts import daily_chart, day_slots
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.stats import Period, Summary, build_summary, period_of, previous_of
from bot.stats.render import chart_names, summary_text
from bot.stats.summary import Call
from bot.ui.errors import describe
from bot.ui.format import esc
from keitaro import ApiResult, KeitaroClient, KeitaroError

if TYPE_CHECKING:
    from bot.app import Services
    from storage import Tracker

CAPTION_LIMIT = 1024
CHART_DAYS = 14
#: campaigns a digest names in each of its "best" and "losing" sections
SHOWN = 3
#: every losing campaign of the report (its row limit), for "Pause losing (N)"
ALL_ROWS = 1000
_TAGS = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class Composed:
    text: str
    chart: bytes | None = None
    chart_key: tuple[Any, ...] | None = None
    failed: bool = False
    #: running campaigns that lost money in the period: the "⏸ Pause losing (N)" button's N
    losing: int = 0


def visible_length(html_text: str) -> int:
    """What Telegram counts against a caption's 1024: the text without its tags."""
    stripped = _TAGS.sub("", html_text)
    return len(stripped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def short_date(t: Translator, day: date) -> str:
    months = t.plain("digest.months").split()
    return f"{day.day} {months[day.month - 1]}"


def title_of(t: Translator, period: Period, tracker_name: str, scope: str = "") -> str:
    """``☀️ Yesterday · 25 Nov · main tracker · Europe/Moscow``, with the scope (``Facebook``)
    after the tracker for a scoped digest."""
    key = "digest.title.today" if period.key == "today" else "digest.title.yesterday"
    tracker = f"{tracker_name} · {scope}" if scope else tracker_name
    # the zone is named: /stats counts days in the user's zone, which a digest may not share
    tracker = f"{tracker} · {period.timezone}"
    return t.plain(key, date=short_date(t, period.last), tracker=tracker)


def digest_period(spec: dict[str, Any], timezone: str, now: datetime) -> Period:
    """Yesterday by default (a morning digest); ``{"period": "today"}`` for today so far."""
    key = "today" if spec.get("period") == "today" else "yesterday"
    return period_of(key, timezone, now)


async def digest_summary(
    call: Call, spec: dict[str, Any], timezone: str, now: datetime, top: int = ALL_ROWS
) -> Summary:
    """The digest's numbers: its period, its scope (``spec["filters"]``), every losing
    campaign in ``worst`` (a digest shows a few; "Pause losing" needs them all)."""
    period = digest_period(spec, timezone, now)
    filters = spec.get("filters") or None
    return await build_summary(call, period, previous_of(period, now), filters=filters, top=top)


class ChartMemo:
    """Charts by (tracker, range, language): rendered once per burst, shared in flight, and
    the Telegram file id kept after the first upload so the rest send it by id."""

    def __init__(self, capacity: int = 128, concurrent: int = 2) -> None:
        self.capacity = capacity
        # rendering holds the GIL and ~10 MB per figure: more at once is slower and bigger
        self._rendering = asyncio.Semaphore(concurrent)
        self._png: OrderedDict[tuple[Any, ...], asyncio.Task[bytes]] = OrderedDict()
        self.file_ids: dict[tuple[Any, ...], str] = {}
        self.renders = 0

    async def get(self, key: tuple[Any, ...], render: Callable[[], Awaitable[bytes]]) -> bytes:
        task = self._png.get(key)
        if task is None or (task.done() and task.exception() is not None):
            self.renders += 1
            task = asyncio.ensure_future(self._render(render))
            self._png[key] = task
            while len(self._png) > self.capacity:
                old, _ = self._png.popitem(last=False)
                self.file_ids.pop(old, None)
        else:
            self._png.move_to_end(key)
        return await asyncio.shield(task)

    async def _render(self, render: Callable[[], Awaitable[bytes]]) -> bytes:
        async with self._rendering:
            return await render()


@dataclass
class Composer:
    """Builds digests for one process: one retry after ``retry_delay`` for a failing tracker;
    at most ``per_tracker`` requests to one tracker at a time (see ``limits.PerKey``)."""

    services: Services
    per_tracker: Callable[[int], asyncio.Semaphore]
    charts: ChartMemo
    retry_delay: float = 5.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def _call(self, client: KeitaroClient, tracker: Tracker) -> Callable[..., Any]:
        async def call(action: str, params: dict[str, Any]) -> ApiResult:
            async with self.per_tracker(tracker.id):
                return await perform(self.services, client, tracker, action, params, cached=True)

        return call

    async def _with_retry(self, work: Callable[[], Awaitable[Any]]) -> Any:
        try:
            return await work()
        except KeitaroError:
            await self.sleep(self.retry_delay)
            return await work()

    async def compose(
        self,
        t: Translator,
        tracker: Tracker,
        client: KeitaroClient | None,
        spec: dict[str, Any],
        timezone: str,
        now: datetime,
        late_at: str | None = None,
    ) -> Composed:
        period = digest_period(spec, timezone, now)
        title = title_of(t, period, tracker.name, str(spec.get("scope") or ""))
        currency = str(spec.get("currency") or "USD")
        late = [t("digest.late", time=late_at), ""] if late_at else []
        if client is None:
            return Composed("\n".join([*late, f"<b>{esc(title)}</b>"]), failed=True)
        call = await self._call(client, tracker)
        filters = spec.get("filters") or None
        try:
            summary: Summary = await self._with_retry(
                lambda: digest_summary(call, spec, timezone, now)
            )
        except KeitaroError as error:
            reason = Html(describe(t, error))
            text = t("digest.failed", tracker=tracker.name, reason=reason)
            return Composed("\n".join([*late, f"<b>{esc(title)}</b>", text]), failed=True)
        ranking = bool(spec.get("ranking", True))
        text = summary_text(t, summary, title, currency, ranking=ranking, top=SHOWN)
        losing = await self._running(call, summary.worst)
        composed = Composed("\n".join([*late, text]), losing=losing)
        if spec.get("chart", True):
            await self._add_chart(composed, t, tracker, call, period, currency, filters)
        return composed

    async def _running(self, call: Callable[..., Any], worst: list[dict[str, Any]]) -> int:
        """How many losing campaigns still run: what "⏸ Pause losing (N)" would pause. One
        cached list per tracker and burst; when it fails, every losing one counts."""
        if not worst:
            return 0
        try:
            campaigns = (await call("campaigns.list", {})).data
        except KeitaroError:
            return len(worst)
        rows = [row for row in campaigns or [] if isinstance(row, dict)]
        active = {row.get("id") for row in rows if row.get("state") == "active"}
        return sum(1 for row in worst if row.get("campaign_id") in active)

    async def _add_chart(
        self,
        composed: Composed,
        t: Translator,
        tracker: Tracker,
        call: Callable[..., Any],
        period: Period,
        currency: str,
        filters: list[dict[str, Any]] | None,
    ) -> None:
        """The last 14 days up to the period's last day; a digest goes out without it if the
        chart cannot be made (the numbers matter more than the picture)."""
        first = period.last - timedelta(days=CHART_DAYS - 1)
        span = {"from": first.isoformat(), "to": period.last.isoformat()}
        span["timezone"] = period.timezone
        key = (tracker.id, tuple(span.values()), t.language, currency, repr(filters), period.key)
        title = t.plain("digest.chart_title", tracker=tracker.name)

        async def render() -> bytes:
            params: dict[str, Any] = {
                "range": span, "dimensions": ["day"],
                "measures": ["revenue", "cost", "profit", "roi"],
                "sort": [{"name": "day", "order": "ASC"}], "limit": 100,
            }  # fmt: skip
            if filters:
                params["filters"] = filters
            result = await self._with_retry(lambda: call("reports.build", params))
            rows = list(result.data.get("rows") or [])
            return await daily_chart(
                rows,
                currency=currency,
                title=title,
                names=chart_names(t),
                slots=day_slots(first, period.last),
                partial=period.key == "today",
            )

        try:
            composed.chart = await self.charts.get(key, render)
            composed.chart_key = key
        except (KeitaroError, ValueError, RuntimeError):
            composed.chart = None
