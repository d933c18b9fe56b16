"""Alert rules at scale: 5,000 rules over 200 trackers, a tick every 60 s for 24 simulated hours.

What is real: every tracker is a sandbox of its own (``keitaro.sandbox``, its own seed and
port), all in one process of their own and reached over HTTP by the bot's real
``KeitaroClient``; each has steady clicks on a few campaigns, and every simulated hour some
are made to look the ways alerts watch for (a campaign losing money, one gone silent, an offer
near its cap, a domain in trouble), undone the hour after, so rules fire, remind and recover
all day. The bot's scheduler, its ``AlertWatcher``, the SQLite database and aiogram's
``AiohttpSession`` are the production ones, sending to the fake Bot API (``bench.common``) in
a process of its own that refuses more than ``--rate-limit`` messages a second. Each tracker
has one owner (20 % of them with quiet hours) in one of five time zones, and ``--rules``
rules drawn from ``LINES`` in drawn scopes (everything, a campaign group, some campaigns).

What is simulated: time. The clock of the bot and of the sandboxes is frozen at each tick's
moment (``SimClock.frozen``, the same in both processes) and jumps a tick ahead after it: a
tick runs in real time (its reads, its sends paced by the rate limiter), then the next one
starts at once. One difference from production: ``run_once`` waits for every tracker's look,
where the real loop would start the next tick and skip trackers still being looked at
(``tick_overruns`` counts the ticks that took longer than ``--tick``).

Measures:

- **Tracker requests per tick** against what the rules need, counted at the HTTP level by
  the sandboxes' process (a middleware notes each request with its range, dimensions and
  filters): reports asked, distinct (range, grouping, scope) among them, and the number the
  rules need, worked out here from the rules' kind, window, grouping and scope (``needed``,
  not ``bot.alerts.evaluate.plan``), with a cap's report of today by offer in each time zone
  the tracker's capped offers count in. Targets: reports = distinct = needed, every tick;
  each list (campaigns, offers, domains) at most once per tracker and tick; no tracker call
  failing (``tracker_call_failures``, by error: a report that times out in the bot's own
  connection pool never reaches the tracker, and shows as fewer reports than needed).
- **Evaluation time per tick, without the tracker**, two ways:

  1. *CPU outside the tracker calls* (``tick_own_cpu_s``): the process's CPU during the tick
     (``process_time``: every thread, so SQLite's too) minus the CPU spent inside
     ``KeitaroClient.call``. Each call's coroutine is driven step by step by a ``Meter``
     and each step timed with ``thread_time``: the bot's side of a call (making and
     validating the request, httpx and its connection pool, reading and decoding the answer)
     is counted, the time it waits for the tracker is not (it is no CPU at all). Metered the
     same way, what is left splits into *judging* (the watcher's ``look`` coroutine, whose
     reads run in tasks of their own: planning and every rule's findings), *telling*
     (``tell`` without its automatic pauses' calls: claims, sends to Telegram, settles) and
     the *rest* (rules, states and mutes read from the database, deciding, the reads' tasks
     around their calls, the event loop's own work on the trackers' sockets, garbage
     collections). The rest holds some of the tracker's cost (the loop's socket callbacks run
     outside any call), so this is an upper bound.
  2. *Replayed* (``replayed_tick_wall_s``): every ``--sample-minutes`` the tick just run is
     run again at the same moment with every tracker call answered from what it recorded (no
     HTTP; a call not recorded would go to the tracker and count as a miss). Its wall time is
     a whole tick over every rule with a tracker that answers at once; nothing changed since,
     so nothing is told: the common case of a tick, and a lower bound.

  Target: under 1 s per tick (the worst tick).
- **Memory** every ``--sample-minutes`` (an hour; less in short runs): RSS, its peak,
  pymalloc blocks, SQLite's own (``--tracemalloc`` adds Python's traced memory, at a large
  CPU cost), and RSS after ``malloc_trim`` at the end. Target: flat from the first sample
  after the first tick on (≤ 5 MB).

    python -m bench.bench_alerts [--trackers 200] [--rules 5000] [--hours 24] [--tick 60]

A quick run: ``--trackers 10 --rules 250 --hours 1``. Results go to
``bench/results/alerts.json`` (``alerts_<trackers>x<hours>.json`` for other sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from array import array
from collections import Counter
from collections.abc import Awaitable, Callable, Generator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware
from cryptography.fernet import Fernet

from bench.common import (
    API_KEY,
    Sample,
    SimClock,
    get_json,
    post_json,
    quantiles,
    sample,
    sandboxes_process,
    save,
    serve_sandboxes,
    telegram_process,
    trimmed_rss,
)
from bot.alerts.parse import parse_rule
from bot.alerts.rules import Rule, window_minutes
from bot.app import build_services, create_bot, create_dispatcher, settle_memory
from bot.config import Settings
from bot.scheduler import Scheduler
from keitaro import KeitaroClient, KeitaroError
from keitaro.sandbox import Sandbox

#: the rule lines drawn (a line twice is drawn twice as often)
LINES = (
    "roi < -30",
    "roi < -30",
    "profit < -50 spend >= 20",
    "cr < 1.5 3h clicks >= 200",
    "cost >= 30 conversions = 0",
    "epc < 0.01 by country",
    "roi < -10 by offer 3h",
    "cpa > 25 by offer 6h",
    "profit < -20 by offer",
    "profit < -20 yesterday by source",
    "cost > 20 30m",
    "profit < -5 3h every 4h",
    "clicks = 0 30m",
    "clicks = 0 3h",
    "cr drop 50%",
    "clicks drop 40% 3h",
    "revenue drop 30% by country",
    "cap 90%",
    "domains 7d",
    "down 10m",
    "roi < -80 autopause",
)
#: the scopes rules are drawn with, "everything" the most
SCOPES: tuple[dict[str, Any], ...] = (
    *({"kind": "all"},) * 6,
    *({"kind": "group", "id": g} for g in range(1, 6)),
    {"kind": "campaigns", "ids": [1, 2]},
    {"kind": "campaigns", "ids": [6, 7, 8]},
)
ZONES = ("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/Kyiv")
QUIET = {"from": "23:00", "to": "08:00"}
REPORT_PATH = "/admin_api/v1/report/build"
LIST_PATHS = {
    "/admin_api/v1/campaigns": "campaigns",
    "/admin_api/v1/offers": "offers",
    "/admin_api/v1/domains": "domains",
}
#: what a sandbox's hour may bring: each is undone at the start of the next hour
SWITCHES = ("losing", "silence", "near_cap", "domain_trouble")
DOMAIN_TROUBLES = ("error", "ssl", "expiring")


# ----- the trackers' process ------------------------------------------------------------------


@dataclass
class Noted:
    """What one sandbox was asked since the last collect."""

    reports: Counter[str] = field(default_factory=Counter)  # (range, dims, filters) → asked
    bodies: Counter[str] = field(default_factory=Counter)
    lists: Counter[str] = field(default_factory=Counter)
    other: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    #: the client ends (host, port) seen: each is a connection the bot opened or reused
    peers: set[Any] = field(default_factory=set)
    #: the switches played this hour, to undo at the next
    undo: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def report_key(body: dict[str, Any]) -> str:
    """A report's identity: its range, grouping and scope (not its measures)."""
    dims = body.get("dimensions") or body.get("grouping") or []
    return json.dumps([body.get("range"), dims, body.get("filters") or []], sort_keys=True)


def capped_zones(sandbox: Sandbox) -> list[str]:
    """The time zones of the sandbox's active offers with a daily cap."""
    return sorted(
        {
            str(offer.get("conversion_timezone") or "UTC")
            for offer in sandbox.state.offers.items.values()
            if offer.get("conversion_cap_enabled")
            and offer.get("daily_cap")
            and str(offer.get("state") or "active") == "active"
        }
    )


def play_hour(sandbox: Sandbox, noted: Noted, rng: random.Random, share: float) -> str | None:
    """Undo last hour's switch; with probability ``share`` play one for this hour."""
    scenarios = sandbox.scenarios
    for name, args in noted.undo:
        scenarios.play(name, args)
    noted.undo.clear()
    if rng.random() >= share:
        return None
    state = sandbox.state
    active = sorted(c["id"] for c in state.campaigns.items.values() if c.get("state") == "active")
    switch = rng.choice(SWITCHES)
    if switch == "losing" and active:
        campaign = rng.choice(active)
        scenarios.play("losing", {"campaign_id": campaign, "clicks": 80, "cost": 0.5})
        noted.undo.append(("recover", {"campaign_id": campaign}))
    elif switch == "silence" and active:
        campaign = rng.choice(active)
        scenarios.play("silence", {"campaign_id": campaign})
        noted.undo.append(("resume_traffic", {"campaign_id": campaign}))
    elif switch == "near_cap":
        offer = rng.choice(sorted(state.offers.items))
        scenarios.play("near_cap", {"offer_id": offer, "left": 1})
        noted.undo.append(("lift_cap", {"offer_id": offer}))
    elif switch == "domain_trouble":
        domain = rng.choice(sorted(state.domains.items))
        kind = rng.choice(DOMAIN_TROUBLES)
        scenarios.play("domain_trouble", {"domain_id": domain, "kind": kind})
        noted.undo.append(("domain_fixed", {"domain_id": domain}))
    return switch


async def serve_trackers(
    port: int, count: int, clicks: int, seed: int, steady: float, share: float
) -> None:
    """``count`` sandboxes and the benchmark's controls (``bench.common.serve_sandboxes``),
    plus ``POST /bench/start`` (steady clicks on three campaigns of each sandbox from now
    on; simulated hours count from now), ``POST /bench/collect`` (what each sandbox was asked
    since the last collect, and the time zones of its capped offers; then forgets it) and
    ``GET /bench/stats`` (the switches played). Setting the clock plays the switches of each
    simulated hour it crossed."""
    clock = SimClock()
    sandboxes = [
        Sandbox(api_key=API_KEY, clicks=clicks, seed=seed + 7 * n, now=clock) for n in range(count)
    ]
    notes = [Noted() for _ in sandboxes]
    hours = {"origin": None, "played": -1}
    played: Counter[str] = Counter()

    def noting(n: int) -> Middleware:
        noted = notes[n]

        @web.middleware
        async def note(request: web.Request, handler: Handler) -> web.StreamResponse:
            path = request.path
            if request.transport is not None:
                noted.peers.add(request.transport.get_extra_info("peername"))
            if request.method == "POST" and path == REPORT_PATH:
                body = await request.json()  # aiohttp keeps the body: the handler reads it too
                noted.reports[report_key(body)] += 1
                noted.bodies[json.dumps(body, sort_keys=True)] += 1
            elif request.method == "GET" and path in LIST_PATHS:
                noted.lists[LIST_PATHS[path]] += 1
            else:
                noted.other[f"{request.method} {path}"] += 1
            response = await handler(request)
            if response.status >= 400:
                noted.failed += 1
            return response

        return note

    def on_clock() -> None:
        origin = hours["origin"]
        if origin is None:
            return
        hour = int((clock.timestamp() - origin) // 3600)
        while hours["played"] < hour:
            hours["played"] += 1
            for n, sandbox in enumerate(sandboxes):
                rng = random.Random(f"{seed}:{n}:{hours['played']}")
                switch = play_hour(sandbox, notes[n], rng, share)
                if switch is not None:
                    played[switch] += 1

    async def start(_request: web.Request) -> web.Response:
        for n, sandbox in enumerate(sandboxes):
            rng = random.Random(seed * 1000 + n)
            active = sorted(c["id"] for c in sandbox.state.campaigns.items.values()
                            if c.get("state") == "active")  # fmt: skip
            for campaign in rng.sample(active, min(3, len(active))):
                sandbox.scenarios.play("steady", {"campaign_id": campaign, "per_minute": steady})
        hours["origin"] = clock.timestamp()
        on_clock()
        return web.json_response({"now": clock.timestamp()})

    async def collect(_request: web.Request) -> web.Response:
        answer = []
        for sandbox, noted in zip(sandboxes, notes, strict=True):
            answer.append(
                {
                    "reports": sum(noted.reports.values()),
                    "distinct": len(noted.reports),
                    "repeated_bodies": sum(n - 1 for n in noted.bodies.values() if n > 1),
                    "repeated": [key for key, n in noted.reports.items() if n > 1][:3],
                    "lists": dict(noted.lists),
                    "other": dict(noted.other),
                    "failed": noted.failed,
                    "connections": len(noted.peers),
                    "capped_zones": capped_zones(sandbox),
                }
            )
            noted.peers.clear()
            noted.reports.clear()
            noted.bodies.clear()
            noted.lists.clear()
            noted.other.clear()
            noted.failed = 0
        return web.json_response(answer)

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response(
            {
                "switches_played": dict(played),
                "hours_played": hours["played"] + 1,
                "clicks_per_sandbox": statistics.fmean(len(s.state.clicks) for s in sandboxes),
            }
        )

    routes = [
        web.post("/bench/start", start),
        web.post("/bench/collect", collect),
        web.get("/bench/stats", stats),
    ]
    await serve_sandboxes(
        port, sandboxes, clock, middleware=noting, routes=routes, on_clock=on_clock
    )


# ----- what the rules need, worked out apart from the watcher -----------------------------------


def needed(rules: Sequence[Rule], zone: str) -> tuple[set[tuple[Any, ...]], set[str], bool]:
    """The reports one tracker's rules need in a tick, as (window, grouping, scope): whole-day
    windows in the owner's zone, sliding ones by their minutes; the lists; whether a cap is
    among them (its reports depend on the tracker's offers: see ``cap_reports``)."""
    reports: set[tuple[Any, ...]] = set()
    lists: set[str] = set()
    has_cap = False
    for rule in rules:
        scope = "all" if rule.scope.get("kind") == "all" else json.dumps(rule.scope, sort_keys=True)
        if rule.kind in ("threshold", "no_traffic", "drop"):
            minutes = window_minutes(rule.window)
            window = ("sliding", minutes) if minutes else (rule.window, zone)
            reports.add((window, rule.group, scope))
            if rule.group == "campaign" or rule.kind == "no_traffic":
                lists.add("campaigns")  # paused campaigns are not alerted about
        if rule.kind == "no_traffic":
            reports.add((("pace", window_minutes(rule.window) or 60), "campaign", scope))
        if rule.kind == "drop":
            reports.add((("last 7 days", zone), f"{rule.group} by hour", scope))
        if rule.auto_pause:
            lists.add("campaigns")
        if rule.kind == "cap":
            has_cap = True
            lists.add("offers")
        if rule.kind == "domain":
            lists.add("domains")
    if not reports and not lists and any(rule.kind == "down" for rule in rules):
        lists.add("campaigns")  # only "down" rules: one cheap read says the tracker answers
    return reports, lists, has_cap


def cap_reports(capped: Sequence[str]) -> set[tuple[Any, ...]]:
    """A cap reads today's conversions by offer in each zone the capped offers count in."""
    return {(("today", zone), "offer", "all") for zone in capped}


# ----- the bot's side of the tracker calls -----------------------------------------------------


#: which metered part of the watcher a tracker call is made from: "look", "tell" or ""
_WHERE: contextvars.ContextVar[str] = contextvars.ContextVar("where", default="")


class _Throw:
    def __init__(self, error: BaseException) -> None:
        self.error = error


class Meter:
    """The CPU spent inside the coroutines it drives: each is run step by step here, each
    step timed with ``thread_time`` (the event loop's thread), so what is counted is the
    work of the coroutine and of those it awaits, never the time it waits."""

    def __init__(self) -> None:
        self.cpu_s = 0.0
        self.runs = 0

    def drive(self, coroutine: Awaitable[Any]) -> Awaitable[Any]:
        meter = self
        meter.runs += 1

        class Stepped:
            def __await__(self) -> Generator[Any, Any, Any]:
                inner = coroutine.__await__()
                sent: Any = None
                while True:
                    started = time.thread_time()
                    try:
                        if isinstance(sent, _Throw):
                            yielded = inner.throw(sent.error)
                        else:
                            yielded = inner.send(sent)
                    except StopIteration as done:
                        meter.cpu_s += time.thread_time() - started
                        return done.value
                    except BaseException:
                        meter.cpu_s += time.thread_time() - started
                        raise
                    meter.cpu_s += time.thread_time() - started
                    try:
                        sent = yield yielded
                    except BaseException as error:  # cancellation too: passed on inside
                        sent = _Throw(error)

        return Stepped()


class Instruments:
    """Meters around ``KeitaroClient.call`` (the class's: every client of the process), the
    watcher's ``look`` (planning, the reads, judging) and its ``tell`` (claims, sends,
    settles, automatic pauses); and a recording of one tick's tracker answers, to replay
    that tick without HTTP."""

    def __init__(self) -> None:
        self.looks, self.tells = Meter(), Meter()
        #: tracker calls by where they are made: the looks' reads, the tells' automatic
        #: pauses, and elsewhere (the probe of "down" rules)
        self.calls = {"look": Meter(), "tell": Meter(), "": Meter()}
        self.recording = False
        self.replaying = False
        self.recorded: dict[tuple[int, str, str], Any] = {}
        self.misses = 0
        #: tracker calls that raised, by the error's class
        self.failures: Counter[str] = Counter()

    def install(self) -> None:
        import bot.alerts.watcher as watcher_module
        from bot.alerts.watcher import AlertWatcher

        me = self
        original_call = KeitaroClient.call

        async def call(
            client: KeitaroClient, action: Any, params: Any = None, /, **kwargs: Any
        ) -> Any:
            key = (id(client), str(getattr(action, "name", action)),
                   json.dumps([params, kwargs], sort_keys=True, default=str))  # fmt: skip
            if me.replaying:
                found = me.recorded.get(key)
                if found is not None:
                    return found
                me.misses += 1
            meter = me.calls[_WHERE.get()]
            try:
                result = await meter.drive(original_call(client, action, params, **kwargs))
            except KeitaroError as error:
                me.failures[type(error).__name__] += 1
                raise
            if me.recording:
                me.recorded[key] = result
            return result

        original_look = watcher_module.look

        async def look(*args: Any, **kwargs: Any) -> Any:
            token = _WHERE.set("look")  # the reads' tasks copy it when they are made
            try:
                return await me.looks.drive(original_look(*args, **kwargs))
            finally:
                _WHERE.reset(token)

        original_tell = AlertWatcher.tell

        async def tell(watcher: AlertWatcher, *args: Any, **kwargs: Any) -> Any:
            token = _WHERE.set("tell")
            try:
                return await me.tells.drive(original_tell(watcher, *args, **kwargs))
            finally:
                _WHERE.reset(token)

        KeitaroClient.call = call  # type: ignore[method-assign]
        watcher_module.look = look  # type: ignore[assignment]
        AlertWatcher.tell = tell  # type: ignore[method-assign]

    def readings(self) -> tuple[float, float, float, float, float, int]:
        calls = self.calls
        return (sum(m.cpu_s for m in calls.values()), calls["look"].cpu_s,
                calls["tell"].cpu_s, self.looks.cpu_s, self.tells.cpu_s,
                sum(m.runs for m in calls.values()))  # fmt: skip


# ----- the bot ----------------------------------------------------------------------------------


def settings_for(folder: Path, telegram_url: str, tick: float) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "bench.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        redis_url=None,
        default_language="en",
        telegram_api_url=telegram_url,
        alerts_tick_seconds=tick,
    )


@dataclass
class Seeded:
    """Per tracker id: its rules, the owner's zone, and the chat its alerts go to."""

    rules: dict[int, list[Rule]] = field(default_factory=dict)
    zones: dict[int, str] = field(default_factory=dict)
    chats: dict[int, int] = field(default_factory=dict)
    #: the sandbox (its position) of each tracker id
    index: dict[int, int] = field(default_factory=dict)


async def seed(services: Any, urls: list[str], rules: int, rng_seed: int) -> Seeded:
    """One owner per sandbox with a tracker on it; ``rules`` rules dealt round-robin, each a
    drawn line in a drawn scope, sent to the owner's group chat."""
    seeded = Seeded()
    trackers = len(urls)
    for n, url in enumerate(urls):
        owner, zone = 20_000 + n, ZONES[n % len(ZONES)]
        await services.users.ensure(owner, "en")
        await services.users.set_timezone(owner, zone)
        if n % 5 == 2:
            await services.alerts.set_quiet(owner, QUIET)
        tracker = await services.trackers.add(owner, f"tracker {n}", url, API_KEY)
        seeded.rules[tracker.id], seeded.zones[tracker.id] = [], zone
        seeded.chats[tracker.id], seeded.index[tracker.id] = -4_000_000 - n, n
    rng = random.Random(rng_seed)
    tracker_ids = list(seeded.rules)
    for k in range(rules):
        tracker_id = tracker_ids[k % trackers]
        rule = replace(parse_rule(rng.choice(LINES)), scope=dict(rng.choice(SCOPES)))
        owner = 20_000 + seeded.index[tracker_id]
        made = await services.alerts.create(
            owner, tracker_id, seeded.chats[tracker_id], rule.to_json()
        )
        if made is None:
            raise SystemExit(f"tracker {tracker_id}: too many rules (storage.alerts.MAX_RULES)")
        seeded.rules[tracker_id].append(rule)
    return seeded


@dataclass
class Timed:
    """One tick: its wall time, the process's CPU, and the CPU inside the meters."""

    wall_s: float
    cpu_s: float
    in_calls_cpu_s: float
    in_look_calls_cpu_s: float
    in_tell_calls_cpu_s: float
    in_looks_cpu_s: float
    in_tells_cpu_s: float
    calls: int

    @property
    def own_cpu_s(self) -> float:
        """Everything but the bot's side of the tracker calls."""
        return self.cpu_s - self.in_calls_cpu_s

    @property
    def judging_cpu_s(self) -> float:
        """Planning and judging: the ``look`` coroutines themselves (their reads run in
        tasks of their own, not metered with them)."""
        return self.in_looks_cpu_s

    @property
    def rest_cpu_s(self) -> float:
        """Neither a tracker call, nor judging, nor telling: the rules and states read from
        the database, the event loop's own work (the sockets' callbacks), collections."""
        return self.own_cpu_s - self.judging_cpu_s - self.telling_cpu_s

    @property
    def telling_cpu_s(self) -> float:
        """Claims, sends to Telegram, settles: the tells without their tracker calls."""
        return self.in_tells_cpu_s - self.in_tell_calls_cpu_s


async def measured(run: Callable[[], Awaitable[Any]], meters: Instruments) -> Timed:
    cpu, wall, before = time.process_time(), time.perf_counter(), meters.readings()
    await run()
    after = meters.readings()
    return Timed(
        time.perf_counter() - wall,
        time.process_time() - cpu,
        *(b - a for a, b in zip(before[:5], after[:5], strict=True)),
        after[5] - before[5],
    )


@dataclass
class TickCount:
    """One tick's requests, summed over the trackers."""

    reports: int = 0
    distinct: int = 0
    needed: int = 0
    repeated_bodies: int = 0
    #: trackers whose reports were not exactly the ones needed, each once
    trackers_off: int = 0
    #: trackers with a list read that was not needed, missing, or made twice
    lists_off: int = 0
    list_reads: int = 0
    failed: int = 0
    #: connections the trackers saw the bot use in the tick (new ones and kept ones)
    connections: int = 0
    other: Counter[str] = field(default_factory=Counter)
    repeated: list[str] = field(default_factory=list)


def count_tick(seeded: Seeded, asked: list[dict[str, Any]], needs: dict[int, Any]) -> TickCount:
    tick = TickCount()
    for tracker_id, n in seeded.index.items():
        entry = asked[n]
        reports, lists, has_cap = needs[tracker_id]
        wanted = len(reports | cap_reports(entry["capped_zones"]) if has_cap else reports)
        tick.reports += entry["reports"]
        tick.distinct += entry["distinct"]
        tick.needed += wanted
        tick.repeated_bodies += entry["repeated_bodies"]
        tick.failed += entry["failed"]
        tick.connections += entry["connections"]
        tick.other.update(entry["other"])
        if not entry["reports"] == entry["distinct"] == wanted:
            tick.trackers_off += 1
            tick.repeated += entry["repeated"][: max(0, 3 - len(tick.repeated))]
        tick.list_reads += sum(entry["lists"].values())
        if entry["lists"] != dict.fromkeys(lists, 1):
            tick.lists_off += 1
    return tick


class Series:
    """Figures per tick by name, in flat arrays: a day of ticks keeps no Python object per
    tick, so the pymalloc blocks of the memory samples are the bot's, not the benchmark's."""

    def __init__(self) -> None:
        self.values: dict[str, array[float]] = {}

    def add(self, figures: dict[str, float]) -> None:
        for name, value in figures.items():
            self.values.setdefault(name, array("d")).append(value)

    def __getitem__(self, name: str) -> array[float]:
        return self.values.get(name, array("d"))

    def __len__(self) -> int:
        return len(next(iter(self.values.values()), ()))


TIMED = ("wall_s", "cpu_s", "in_calls_cpu_s", "in_look_calls_cpu_s", "calls", "own_cpu_s",
         "judging_cpu_s", "telling_cpu_s", "rest_cpu_s")  # fmt: skip
COUNTED = ("reports", "distinct", "needed", "repeated_bodies", "trackers_off", "lists_off",
           "list_reads", "failed", "connections")  # fmt: skip


@dataclass
class Run:
    ticks: Series = field(default_factory=Series)
    replays: Series = field(default_factory=Series)
    #: the tracker requests of the ticks: per tick in ``counted``, the rest summed
    counted: Series = field(default_factory=Series)
    other: Counter[str] = field(default_factory=Counter)
    repeated: list[str] = field(default_factory=list)
    replay_requests: int = 0
    samples: list[Sample] = field(default_factory=list)
    overruns: int = 0
    wall_s: float = 0.0
    rss_after_trim_mb: float | None = None


async def drive(
    scheduler: Scheduler,
    clock: SimClock,
    control: str,
    seeded: Seeded,
    args: argparse.Namespace,
    meters: Instruments,
) -> Run:
    """The ticks, each at its own frozen moment; every ``--sample-minutes``, a replay of the
    tick and a sample of the process (neither counted in the ticks' figures)."""
    needs = {tid: needed(rules, seeded.zones[tid]) for tid, rules in seeded.rules.items()}
    run = Run()
    ticks = round(args.hours * 3600 / args.tick)
    every = max(1, round(args.sample_minutes * 60 / args.tick))
    origin = clock.timestamp()
    cpu_at_start = time.process_time()
    wall = time.perf_counter()
    watcher = scheduler.alerts
    for k in range(ticks + 1):
        at = origin + k * args.tick
        clock.frozen = at
        if k == ticks:  # the last sample, an hour after the one before
            run.samples.append(sample(k * args.tick / 60, time.process_time() - cpu_at_start))
            break
        await asyncio.to_thread(post_json, f"{control}/bench/clock", {"frozen": at})
        sampled = k % every == 0
        meters.recording = sampled
        timed = await measured(watcher.run_once, meters)
        meters.recording = False
        run.ticks.add({name: getattr(timed, name) for name in TIMED})
        run.overruns += timed.wall_s > args.tick
        asked = await asyncio.to_thread(post_json, f"{control}/bench/collect", {})
        counted = count_tick(seeded, asked, needs)
        run.counted.add({name: getattr(counted, name) for name in COUNTED})
        run.other.update(counted.other)
        run.repeated += counted.repeated[: max(0, 5 - len(run.repeated))]
        if sampled:
            meters.replaying = True
            replayed = await measured(watcher.run_once, meters)
            run.replays.add({name: getattr(replayed, name) for name in TIMED})
            meters.replaying = False
            meters.recorded.clear()
            again = await asyncio.to_thread(post_json, f"{control}/bench/collect", {})
            run.replay_requests += sum(
                e["reports"] + sum(e["lists"].values()) + sum(e["other"].values()) for e in again
            )
            run.samples.append(sample(k * args.tick / 60, time.process_time() - cpu_at_start))
        if k % every == 0 or k == ticks - 1:
            print(
                f"  {k * args.tick / 3600:5.1f} h: tick {timed.wall_s:.2f} s wall, "
                f"{timed.own_cpu_s:.2f} s own CPU; reports {counted.reports} / needed "
                f"{counted.needed}; RSS {run.samples[-1].rss_mb} MB",
                flush=True,
            )
    run.wall_s = time.perf_counter() - wall
    run.rss_after_trim_mb = trimmed_rss()
    return run


async def run(args: argparse.Namespace, control: str, telegram_url: str) -> dict[str, Any]:
    urls = await asyncio.to_thread(get_json, f"{control}/bench/urls")
    clock = SimClock()
    clock.frozen = time.time()
    meters = Instruments()
    meters.install()
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(Path(folder), telegram_url, args.tick)
        services = await build_services(settings)
        services.clock = clock
        bot = create_bot(settings)  # aiogram's AiohttpSession, as in production
        dispatcher = create_dispatcher(services)  # the whole bot's memory, as it runs
        seeded = await seed(services, urls, args.rules, args.seed)
        chats = list(seeded.chats.values())
        await asyncio.to_thread(post_json, f"{telegram_url}/bench/chats", chats)
        scheduler = Scheduler(services, bot, clock=clock, tick=args.tick)
        await asyncio.to_thread(post_json, f"{control}/bench/clock", {"frozen": clock.timestamp()})
        await asyncio.to_thread(post_json, f"{control}/bench/start", {})
        settle_memory()
        if args.tracemalloc:
            tracemalloc.start()
        driven = await drive(scheduler, clock, control, seeded, args, meters)
        states = await services.db.fetchone(
            "SELECT COUNT(*) AS n, SUM(firing) AS firing FROM alert_states"
        )
        made = await asyncio.to_thread(get_json, f"{control}/bench/stats")
        seen = await asyncio.to_thread(get_json, f"{telegram_url}/bench/stats")
        counts = dict(scheduler.alerts.counts)
        await bot.session.close()
        await services.close()
        del dispatcher
    result = summarise(args, driven, seeded, made, seen, counts)
    result["alert_states_at_end"] = {"rows": states["n"], "firing": states["firing"]}
    result["replay_misses"] = meters.misses
    result["tracker_call_failures"] = dict(meters.failures)
    return result


def seconds(values: Sequence[float]) -> dict[str, float]:
    """Quantiles of one figure of the ticks, in seconds to the millisecond."""
    values = sorted(values)
    if not values:
        return {"n": 0}

    def at(share: float) -> float:
        return round(values[min(len(values) - 1, int(len(values) * share))], 3)

    return {"n": len(values), "p50": at(0.5), "p95": at(0.95), "max": round(values[-1], 3)}


def summarise(
    args: argparse.Namespace,
    driven: Run,
    seeded: Seeded,
    made: dict[str, Any],
    seen: dict[str, Any],
    counts: dict[str, int],
) -> dict[str, Any]:
    counted, timed, replays = driven.counted, driven.ticks, driven.replays
    reports, needed_ = counted["reports"], counted["needed"]
    samples = driven.samples
    warm = next((s for s in samples if s.minute >= args.sample_minutes), samples[-1])
    last = samples[-1]
    highest = max((s.rss_mb for s in samples if s.minute >= warm.minute), default=warm.rss_mb)
    return {
        "trackers": args.trackers,
        "rules": args.rules,
        "simulated_hours": args.hours,
        "tick_s": args.tick,
        "ticks": len(timed),
        "rules_by_kind": dict(Counter(r.kind for rules in seeded.rules.values() for r in rules)),
        "tracker_requests_per_tick": {
            "reports": quantiles(reports),
            "needed_by_the_rules": quantiles(needed_),
            "reports_minus_needed_total": int(sum(reports) - sum(needed_)),
            "repeated_reports_total": int(sum(reports) - sum(counted["distinct"])),
            "repeated_bodies_total": int(sum(counted["repeated_bodies"])),
            "ticks_with_reports_not_as_needed": sum(1 for n in counted["trackers_off"] if n),
            "tracker_ticks_with_reports_not_as_needed": int(sum(counted["trackers_off"])),
            "tracker_ticks_with_list_reads_not_as_needed": int(sum(counted["lists_off"])),
            "list_reads": quantiles(counted["list_reads"]),
            "failed_requests_total": int(sum(counted["failed"])),
            "connections_per_tracker": round(
                statistics.fmean(counted["connections"]) / args.trackers, 1
            ),
            "other_requests_total": dict(driven.other),
            "repeated_examples": driven.repeated,
        },
        "tick_wall_s": seconds(timed["wall_s"]),
        "tick_cpu_s": seconds(timed["cpu_s"]),
        "tick_cpu_in_tracker_calls_s": seconds(timed["in_calls_cpu_s"]),
        "tick_cpu_in_tracker_calls_of_the_reads_s": seconds(timed["in_look_calls_cpu_s"]),
        "tick_own_cpu_s": seconds(timed["own_cpu_s"]),
        "tick_own_cpu_judging_s": seconds(timed["judging_cpu_s"]),
        "tick_own_cpu_telling_s": seconds(timed["telling_cpu_s"]),
        "tick_own_cpu_rest_s": seconds(timed["rest_cpu_s"]),
        "replayed_tick_wall_s": seconds(replays["wall_s"]),
        "replayed_tick_cpu_s": seconds(replays["cpu_s"]),
        "replayed_tick_cpu_judging_s": seconds(replays["judging_cpu_s"]),
        "replayed_tick_tracker_requests": driven.replay_requests,
        "tracker_calls_per_tick": quantiles(timed["calls"]),
        "cpu_ms_per_tracker_call": round(
            sum(timed["in_calls_cpu_s"]) / max(1, sum(timed["calls"])) * 1000, 2
        ),
        "tick_overruns": driven.overruns,
        "wall_s": round(driven.wall_s, 1),
        "watcher_counts": counts,
        "sandboxes": made,
        "memory": [
            {
                "hour": round(s.minute / 60, 2),
                "rss_mb": s.rss_mb,
                "peak_rss_mb": s.peak_rss_mb,
                "allocated_blocks": s.allocated_blocks,
                "sqlite_mb": s.sqlite_mb,
                "traced_mb": s.traced_mb,
                "traced_peak_mb": s.traced_peak_mb,
            }
            for s in samples
        ],
        "rss_growth_mb": {
            "from_hour": round(warm.minute / 60, 2),
            "to_hour": round(last.minute / 60, 2),
            "mb": round(last.rss_mb - warm.rss_mb, 1),
            "allocated_blocks": last.allocated_blocks - warm.allocated_blocks,
            "max_mb_over_the_warm": round(highest - warm.rss_mb, 1),
        },
        "rss_mb_at_end_after_malloc_trim": driven.rss_after_trim_mb,
        "telegram": {
            key: seen[key]
            for key in ("delivered_messages", "refused_429", "failed_other", "busiest_second")
        },
        "command": "python -m bench.bench_alerts " + " ".join(sys.argv[1:]),
    }


def verdicts(result: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(what, the figure, met) for each target."""
    requests = result["tracker_requests_per_tick"]
    reports, wanted = requests["reports"], requests["needed_by_the_rules"]
    own, replayed = result["tick_own_cpu_s"], result["replayed_tick_wall_s"]
    growth = result["rss_growth_mb"]
    off = requests["tracker_ticks_with_reports_not_as_needed"]
    checks = [
        ("reports per tick = distinct (tracker, window, grouping, scope) needed",
         f"p50 {reports.get('p50')} vs {wanted.get('p50')}; {off} tracker-ticks off, "
         f"{requests['repeated_reports_total']} repeated in all",
         off == 0 and requests["reports_minus_needed_total"] == 0),
        ("each list read at most once per tracker and tick, when needed",
         f"{requests['tracker_ticks_with_list_reads_not_as_needed']} tracker-ticks off",
         requests["tracker_ticks_with_list_reads_not_as_needed"] == 0),
        ("evaluation CPU per tick outside tracker calls < 1 s (p95, max)",
         f"p50 {own.get('p50')} s, p95 {own.get('p95')} s, max {own.get('max')} s",
         own.get("max", 1e9) < 1.0),
        ("replayed tick (tracker answers instantly) < 1 s wall (p95, max)",
         f"p50 {replayed.get('p50')} s, p95 {replayed.get('p95')} s, "
         f"max {replayed.get('max')} s", replayed.get("max", 1e9) < 1.0),
        (f"RSS flat from hour {growth['from_hour']:g} to {growth['to_hour']:g} (≤ 5 MB)",
         f"{growth['mb']:+} MB ({growth['allocated_blocks']:+} blocks), highest "
         f"{growth['max_mb_over_the_warm']:+} MB", growth["mb"] <= 5),
        ("no tracker call failed", json.dumps(result["tracker_call_failures"]),
         not result["tracker_call_failures"]),
        ("no 429 from Telegram", str(result["telegram"]["refused_429"]),
         result["telegram"]["refused_429"] == 0),
    ]  # fmt: skip
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trackers", type=int, default=200, help="one owner and sandbox each")
    parser.add_argument("--rules", type=int, default=5000, help="dealt round-robin")
    parser.add_argument("--hours", type=float, default=24.0, help="simulated hours")
    parser.add_argument("--tick", type=float, default=60.0, help="ALERTS_TICK_SECONDS")
    parser.add_argument("--clicks", type=int, default=1000, help="each sandbox's seeded traffic")
    parser.add_argument("--steady", type=float, default=1.0, help="clicks/min, 3 campaigns each")
    parser.add_argument("--share", type=float, default=0.3, help="sandboxes with trouble an hour")
    parser.add_argument("--rate-limit", type=float, default=30.0, help="Telegram's, per second")
    parser.add_argument(
        "--sample-minutes", type=float, default=None,
        help="simulated minutes between memory samples and replays (60; less for short runs)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--tracemalloc", action="store_true",
        help="also trace Python's memory (live and peak per sample; slows the CPU figures)",
    )  # fmt: skip
    parser.add_argument("--serve-trackers", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_trackers is not None:
        asyncio.run(serve_trackers(args.serve_trackers, args.trackers, args.clicks, args.seed,
                                   args.steady, args.share))  # fmt: skip
        return
    if args.sample_minutes is None:
        args.sample_minutes = 60.0 if args.hours >= 6 else max(args.tick / 60, args.hours * 10)
    arguments = ["--trackers", str(args.trackers), "--clicks", str(args.clicks),
                 "--seed", str(args.seed), "--steady", str(args.steady),
                 "--share", str(args.share)]  # fmt: skip
    with (
        sandboxes_process("bench.bench_alerts", arguments) as control,
        telegram_process(args.rate_limit) as telegram_url,
    ):
        result = asyncio.run(run(args, control, telegram_url))
    checks = verdicts(result)
    result["targets_met"] = {what: met for what, _figure, met in checks}
    default = (args.trackers, args.rules, args.hours, args.tick) == (200, 5000, 24, 60)
    name = "alerts" if default else f"alerts_{args.trackers}x{args.hours:g}"
    if args.tracemalloc:
        name += "_tracemalloc"  # not comparable CPU figures: kept apart
    path = save(name, result)
    for key, value in result.items():
        if key not in ("targets_met", "memory"):
            print(f"{key:40} {json.dumps(value, ensure_ascii=False)}")
    print("memory (hour: RSS MB / peak RSS / allocated blocks / SQLite MB [/ traced / peak]):")
    for m in result["memory"]:
        traced = f" / {m['traced_mb']} / {m['traced_peak_mb']}" if args.tracemalloc else ""
        print(f"  {m['hour']:>5.1f}: {m['rss_mb']} / {m['peak_rss_mb']} / "
              f"{m['allocated_blocks']} / {m['sqlite_mb']}{traced}")  # fmt: skip
    print()
    width = max(len(what) for what, _, _ in checks)
    for what, figure, met in checks:
        print(f"{'PASS' if met else 'FAIL'}  {what:<{width}}  {figure}")
    print(f"saved to {path}")


if __name__ == "__main__":
    main()
