"""What alert rules cost the tracker: 1,000 rules on 50 trackers use at most one report per
(tracker, window, grouping, scope) a tick, and each list at most once.

Counted as the tracker received them: one sandbox is served on 50 ports, one per tracker, and
an aiohttp middleware in front of the sandbox's own notes each request with the port it came
in on (so, the tracker), its path and its body. The watcher's own counters are not used: they
are what is under test. What the rules need is worked out here from a hand-written table of
what each rule line reads (``LINES``), not by ``bot.alerts.evaluate.plan``; each report on the
wire is then named back to (window, grouping, scope) from its range, dimensions and filters,
so a report the rules do not need, or one asked twice, shows up by name.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from bot.alerts.parse import parse_rule
from bot.scheduler import Scheduler
from keitaro.sandbox import Sandbox
from tests.bot_world import BotWorld
from tests.live_world import Clock

API_KEY = "alerts-cost-key-5c0e7d2a9b"
TRACKERS = 50
RULES_PER_TRACKER = 20
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/Kyiv")
#: offers given a daily cap, and the time zone each counts its conversions in
CAPPED = {3: "UTC", 4: "Europe/Berlin", 9: "Asia/Tokyo"}
REPORT = "/admin_api/v1/report/build"
LISTS = {
    "/admin_api/v1/campaigns": "campaigns",
    "/admin_api/v1/offers": "offers",
    "/admin_api/v1/domains": "domains",
}
#: the first dimension of a report → the grouping it is
GROUPINGS = {"campaign_id": "campaign", "offer_id": "offer", "country_code": "country",
             "ts_id": "source"}  # fmt: skip
#: (window, grouping, scope): what one report is, whatever its measures
Triple = tuple[tuple[str, str], str, str]


@dataclass(frozen=True)
class Line:
    """A rule line and what it reads: its reports as (window, grouping), in the rule's scope;
    the lists; whether it is a cap (the caps' reports depend on the tracker's offers)."""

    text: str
    reports: tuple[tuple[str, str], ...] = ()
    lists: frozenset[str] = frozenset()
    cap: bool = False


CAMPAIGNS = frozenset({"campaigns"})  # a campaign rule skips paused campaigns: it reads them
LINES = (
    Line("roi < -30", (("today", "campaign"),), CAMPAIGNS),
    Line("profit < -50 spend >= 20", (("today", "campaign"),), CAMPAIGNS),
    Line("cr < 1.5 3h clicks >= 200", (("3h", "campaign"),), CAMPAIGNS),
    Line("cost >= 30 conversions = 0", (("today", "campaign"),), CAMPAIGNS),
    Line("epc < 0.01 by country", (("today", "country"),)),
    Line("roi < -10 by offer 3h", (("3h", "offer"),)),
    Line("cpa > 25 by offer 6h", (("6h", "offer"),)),
    Line("profit < -20 yesterday by source", (("yesterday", "source"),)),
    Line("cost > 100 30m", (("30m", "campaign"),), CAMPAIGNS),
    # no traffic: the window now, and the 24 hours before it for the pace
    Line("clicks = 0 30m", (("30m", "campaign"), ("pace 30m", "campaign")), CAMPAIGNS),
    Line("clicks = 0 3h", (("3h", "campaign"), ("pace 3h", "campaign")), CAMPAIGNS),
    # drops: the window now, and the same hours of the last 7 days
    Line("cr drop 50%", (("today", "campaign"), ("last 7 days", "campaign by hour")), CAMPAIGNS),
    Line(
        "clicks drop 40% 3h", (("3h", "campaign"), ("last 7 days", "campaign by hour")), CAMPAIGNS
    ),
    Line("revenue drop 30% by country", (("today", "country"), ("last 7 days", "country by hour"))),
    Line("cap 90%", lists=frozenset({"offers"}), cap=True),
    Line("cap 75%", lists=frozenset({"offers"}), cap=True),
    Line("domains 7d", lists=frozenset({"domains"})),
    Line("down 10m"),
)
#: the scopes rules are drawn with (as the digests' scope picker stores them), "all" the most
SCOPES: tuple[dict[str, Any], ...] = (
    *({"kind": "all"},) * 5,
    {"kind": "group", "id": 1},
    {"kind": "group", "id": 2},
    {"kind": "campaigns", "ids": [1, 2]},
    {"kind": "campaigns", "ids": [6, 7, 8]},
)


def scope_name(scope: dict[str, Any]) -> str:
    if scope.get("kind") == "group":
        return f"group {scope['id']}"
    if scope.get("kind") == "campaigns":
        return "campaigns " + ",".join(str(i) for i in scope["ids"])
    return "all"


# ----- one sandbox, one port per tracker, every request noted ----------------------------------


@dataclass
class Seen:
    """One request as the sandbox received it."""

    port: int
    method: str
    path: str
    body: Any


class CountingSandbox(Sandbox):
    """The sandbox with a middleware in front of its own that notes every request."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.seen: list[Seen] = []

    def make_app(self) -> web.Application:
        app = super().make_app()

        @web.middleware
        async def note(
            request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
        ) -> web.StreamResponse:
            raw = await request.read()  # aiohttp keeps it: the handler reads it again
            port = request.transport.get_extra_info("sockname")[1] if request.transport else 0
            body = json.loads(raw) if raw else None
            self.seen.append(Seen(port, request.method, request.path, body))
            return await handler(request)

        app.middlewares.insert(0, note)
        return app


@dataclass
class Setup:
    world: BotWorld
    sandbox: CountingSandbox
    clock: Clock
    scheduler: Scheduler
    #: the local port of each tracker's URL → its id
    tracker_of: dict[int, int] = field(default_factory=dict)
    zone_of: dict[int, str] = field(default_factory=dict)
    #: tracker id → its rules, as (line, scope)
    rules: dict[int, list[tuple[Line, dict[str, Any]]]] = field(default_factory=dict)


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[CountingSandbox, list[int], Clock]]:
    """One small sandbox on ``TRACKERS`` ports, its clock the test's."""
    clock = Clock()
    sandbox = CountingSandbox(api_key=API_KEY, clicks=2_000, now=clock)
    for offer_id, zone in CAPPED.items():
        sandbox.state.offers.items[offer_id].update(
            conversion_cap_enabled=True, daily_cap=40, conversion_timezone=zone
        )
    runner = web.AppRunner(sandbox.make_app(), access_log=None)
    await runner.setup()
    for _ in range(TRACKERS):
        await web.TCPSite(runner, "127.0.0.1", 0).start()
    ports = [address[1] for address in runner.addresses]
    assert len(set(ports)) == TRACKERS
    yield sandbox, ports, clock
    await runner.cleanup()
    sandbox.runtime.cancel_pending()


async def build(
    sandbox: CountingSandbox,
    ports: list[int],
    clock: Clock,
    folder: Path,
    drawn: Callable[[int], list[tuple[Line, dict[str, Any]]]],
) -> Setup:
    """A user per port, with a tracker on it in a time zone of their own and the rules
    ``drawn(n)``."""
    world = await BotWorld(sandbox, folder).start()
    world.services.clock = clock
    scheduler = Scheduler(world.services, world.bot, clock=clock, sleep=clock.sleep, rate=1e6)
    setup = Setup(world, sandbox, clock, scheduler)
    services = world.services
    for n, port in enumerate(ports):
        owner = 5_000 + n
        world.user(owner)  # a chat the alerts can be sent to
        await services.users.ensure(owner, "en")
        await services.users.set_timezone(owner, ZONES[n % len(ZONES)])
        tracker = await services.trackers.add(owner, f"tracker {n}", f"http://127.0.0.1:{port}",
                                              API_KEY)  # fmt: skip
        setup.tracker_of[port] = tracker.id
        setup.zone_of[tracker.id] = ZONES[n % len(ZONES)]
        setup.rules[tracker.id] = drawn(n)
        for line, scope in setup.rules[tracker.id]:
            rule = replace(parse_rule(line.text), scope=scope)
            assert await services.alerts.create(owner, tracker.id, owner, rule.to_json())
    return setup


# ----- what the rules need, and what the tracker was asked ------------------------------------


def capped_zones(sandbox: Sandbox) -> set[str]:
    """The time zones the sandbox's capped, active offers count their conversions in."""
    return {
        str(offer.get("conversion_timezone") or "UTC")
        for offer in sandbox.state.offers.items.values()
        if offer.get("conversion_cap_enabled") and offer.get("daily_cap")
        and offer.get("state") == "active"
    }  # fmt: skip


DAYS = ("today", "yesterday", "last 7 days")


def needed(
    rules: list[tuple[Line, dict[str, Any]]], zone: str, caps: set[str]
) -> tuple[set[Triple], set[str]]:
    """The distinct reports and the lists one tracker's rules need in a tick: whole-day
    windows are in the owner's time zone, sliding ones in UTC; a cap reads today by offer in
    each zone the capped offers count in, unscoped."""
    reports: set[Triple] = set()
    lists: set[str] = set()
    for line, scope in rules:
        for window, grouping in line.reports:
            where = zone if window in DAYS else "UTC"
            reports.add(((window, where), grouping, scope_name(scope)))
        if line.cap:
            reports |= {(("today", cap_zone), "offer", "all") for cap_zone in caps}
        lists |= line.lists
    if not reports and not lists and any(line.text.startswith("down") for line, _ in rules):
        lists.add("campaigns")  # only "down" rules: one cheap read says the tracker answers
    return reports, lists


def duration_name(minutes: int) -> str:
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"


def window_of(range_: dict[str, Any], now: datetime) -> tuple[str, str]:
    """A report's range named back: (``today`` / ``yesterday`` / ``last 7 days``, its zone)
    for whole days; (``30m`` / ``3h`` ending now, or ``pace 30m``: the 24 hours ending 30
    minutes ago, "UTC") for a sliding window."""
    zone, start, end = str(range_["timezone"]), str(range_["from"]), str(range_["to"])
    if len(start) == 10:
        today = now.astimezone(ZoneInfo(zone)).date()
        day = timedelta(days=1)
        names = {(today, today): "today", (today - day, today - day): "yesterday",
                 (today - 7 * day, today - day): "last 7 days"}  # fmt: skip
        span = (date.fromisoformat(start), date.fromisoformat(end[:10]))
        return names.get(span, f"{start}..{end}"), zone
    tz = ZoneInfo(zone)
    begin = datetime.fromisoformat(start).replace(tzinfo=tz)
    finish = datetime.fromisoformat(end).replace(tzinfo=tz)
    minute = now.replace(second=0, microsecond=0)
    length = round((finish - begin).total_seconds() / 60)
    back = round((minute - finish).total_seconds() / 60)
    if back == 0:
        return duration_name(length), zone
    if length == 24 * 60 and back > 0:
        return f"pace {duration_name(back)}", zone
    return f"{start}..{end}", zone


def triple_of(body: dict[str, Any], now: datetime) -> Triple:
    dims = body.get("dimensions") or body.get("grouping") or []
    grouping = GROUPINGS.get(dims[0], str(dims)) + (" by hour" if "hour" in dims else "")
    filters = body.get("filters") or []
    scope = "all"
    if len(filters) == 1 and filters[0]["name"] == "campaign_group_id":
        scope = f"group {filters[0]['expression']}"
    elif len(filters) == 1 and filters[0]["name"] == "campaign_id":
        scope = "campaigns " + ",".join(str(i) for i in filters[0]["expression"])
    elif filters:
        scope = json.dumps(filters)
    return window_of(body["range"], now), grouping, scope


@dataclass
class Tick:
    """The requests of one tick, by tracker."""

    reports: dict[int, Counter[Triple]] = field(default_factory=lambda: defaultdict(Counter))
    bodies: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lists: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    other: list[Seen] = field(default_factory=list)

    @property
    def total_reports(self) -> int:
        return sum(sum(counts.values()) for counts in self.reports.values())


async def tick(setup: Setup, seconds: float) -> Tick:
    """``seconds`` on, one tick of the watcher; what the sandbox was asked in it."""
    setup.clock.advance(seconds)
    setup.sandbox.seen.clear()
    looked = await setup.scheduler.alerts.run_once()
    assert looked == len(setup.rules)  # every tracker was looked at
    now, found = setup.clock(), Tick()
    for seen in setup.sandbox.seen:
        tracker_id = setup.tracker_of[seen.port]
        if seen.method == "POST" and seen.path == REPORT:
            found.reports[tracker_id][triple_of(seen.body, now)] += 1
            found.bodies[tracker_id][json.dumps(seen.body, sort_keys=True)] += 1
        elif seen.method == "GET" and seen.path in LISTS:
            found.lists[tracker_id][LISTS[seen.path]] += 1
        else:
            found.other.append(seen)
    return found


def check(setup: Setup, found: Tick) -> int:
    """Each tracker was asked exactly the reports and lists its rules need, each once; the
    number of reports."""
    caps = capped_zones(setup.sandbox)
    expected_total = 0
    for tracker_id, rules in setup.rules.items():
        reports, lists = needed(rules, setup.zone_of[tracker_id], caps)
        asked = found.reports.get(tracker_id, Counter())
        twice = {triple: n for triple, n in asked.items() if n > 1}
        assert not twice, f"tracker {tracker_id}: asked more than once: {twice}"
        bodies = found.bodies.get(tracker_id, Counter())
        assert all(n == 1 for n in bodies.values()), f"tracker {tracker_id}: a body repeated"
        assert set(asked) == reports, (
            f"tracker {tracker_id}: not needed {set(asked) - reports}, "
            f"missing {reports - set(asked)}"
        )
        listed = found.lists.get(tracker_id, Counter())
        assert dict(listed) == dict.fromkeys(lists, 1), f"tracker {tracker_id}: {dict(listed)}"
        expected_total += len(reports)
    assert not found.other, f"requests that are neither reports nor lists: {found.other[:3]}"
    assert found.total_reports == expected_total
    return expected_total


def draw(n: int) -> list[tuple[Line, dict[str, Any]]]:
    """The rules of tracker ``n``: ``RULES_PER_TRACKER`` lines drawn from ``LINES`` (repeats
    allowed: two users' worth of the same rule), each in a drawn scope."""
    rng = random.Random(1_000 + n)
    return [(rng.choice(LINES), rng.choice(SCOPES)) for _ in range(RULES_PER_TRACKER)]


async def test_a_thousand_rules_on_fifty_trackers_cost_one_report_per_window_and_grouping(
    served: tuple[CountingSandbox, list[int], Clock], tmp_path: Path
) -> None:
    sandbox, ports, clock = served
    setup = await build(sandbox, ports, clock, tmp_path, draw)
    try:
        assert sum(len(rules) for rules in setup.rules.values()) == 1_000
        first = await tick(setup, 0)
        reports = check(setup, first)
        # the rules share: far fewer reports than rules, and each tracker kept to its own
        assert 0 < reports < 1_000
        assert set(first.reports) == set(setup.rules)
        # a minute later the sliding windows have moved on: new ranges, as many of them
        second = await tick(setup, 60)
        assert check(setup, second) == reports
        assert second.total_reports == first.total_reports
        assert sum(sum(c.values()) for c in second.lists.values()) == sum(
            sum(c.values()) for c in first.lists.values()
        )
    finally:
        await setup.world.stop()


async def test_a_cap_and_a_rule_by_offer_today_share_one_report(
    served: tuple[CountingSandbox, list[int], Clock], tmp_path: Path
) -> None:
    sandbox, ports, clock = served
    by_offer = Line("profit < -20 by offer", (("today", "offer"),))
    cap = next(line for line in LINES if line.cap)
    both = [(by_offer, SCOPES[0]), (cap, SCOPES[0])]
    # tracker 0's owner is in UTC, as offer 3 counts its cap
    setup = await build(sandbox, ports[:1], clock, tmp_path, lambda _n: both)
    try:
        check(setup, await tick(setup, 0))
    finally:
        await setup.world.stop()
