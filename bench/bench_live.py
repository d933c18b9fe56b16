"""The live feed at scale: N trackers with the feed on, each polled once a period, live traffic.

What is real: every tracker is a sandbox of its own (``keitaro.sandbox``, its own seed, port
and made-up live traffic: conversions, some recorded late, later status changes), all in one
process of their own, reached over HTTP by the bot's real ``KeitaroClient``; the bot's
scheduler, poller, SQLite database and aiogram's ``AiohttpSession`` are the production ones,
sending to the fake Bot API (``bench.common``) in a process of its own that refuses more than
``--rate-limit`` messages a second, as Telegram does. So the CPU and memory measured in this
process are the bot's, and the sends are paced in real time.

What is simulated: time. The clock of the bot and of the sandboxes is the wall clock plus the
idle time skipped so far. The poller looks for due trackers every ``--tick / --steps`` (2 s),
as its loop does, each tracker due at its own place in the period; a look runs in real time
(its polls, their sends waiting for the rate limiter), then the clock jumps to the next look
instead of waiting for it. Thirty simulated minutes take as long as their looks' work. One
difference from production: a look here waits for the polls it started (``run_once``), so a
busy look delays the next one (``tick_overruns``) where the real loop would go on. The
sandboxes make their traffic for the time that passed before answering each request and at
each jump, and note when each tracker was polled.

Measures, in simulated seconds, the time from a conversion (or a change of its status)
becoming visible in the tracker's API to the bot having sent its message (``told_at`` of the
event in ``live_events``; split at the poll of its tracker that read it into the wait for
that poll and the send), the log requests per tracker per minute, the CPU the process spends
per simulated second (what a deployment would spend per wall second at this load) and its
memory every few minutes (RSS, pymalloc blocks, SQLite's own; ``--tracemalloc`` adds
Python's traced memory, at a large CPU cost).

    python -m bench.bench_live [--trackers 200] [--minutes 30] [--tick 30] [--rate 4]

A quick run (~30 s): ``--trackers 20 --minutes 5``; the full one takes ~19 min on two
cores. Results go to ``bench/results/live.json`` (``live_<trackers>x<minutes>.json`` for
other sizes).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import itertools
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
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
from bot.app import Services, build_services, create_bot, create_dispatcher, settle_memory
from bot.config import Settings
from bot.live.events import base_status
from bot.live.settings import default_settings
from bot.scheduler import Scheduler
from keitaro.sandbox import Sandbox
from keitaro.sandbox.live import LiveTraffic
from keitaro.sandbox.store import Conversion, Store

LOG_PATH = "/admin_api/v1/conversions/log"
#: a poll may miss an event visible less than this before it (the log's times are whole
#: seconds, the window ends at the poll's start): the next poll must tell it
EDGE = 2.0


# ----- the trackers' process ------------------------------------------------------------------


class RecordingTraffic(LiveTraffic):
    """``LiveTraffic`` that also notes each event it makes in ``events``: (conversion id,
    status, postback time, visible time), a status change as well as a new conversion."""

    def __init__(self, store: Store, rng: random.Random, rate: float) -> None:
        super().__init__(store, rng, rate)
        self.events: list[tuple[int, str, float, float]] = []

    def _conversion(self, ts: float) -> Conversion | None:
        made = super()._conversion(ts)
        if made is not None:
            self.events.append((made.id, made.status, made.postback_ts, made.visible_ts))
        return made

    def _change(
        self, ts: float, _order: int, conversion_id: int, status: str, then: str | None
    ) -> int:
        changed = super()._change(ts, _order, conversion_id, status, then)
        conversion = self.store.conversion(conversion_id)
        if changed and conversion is not None:
            self.events.append(
                (conversion_id, status, conversion.postback_ts, conversion.visible_ts)
            )
        return changed


@dataclass
class Tracker:
    """One sandbox of the trackers' process and what the benchmark reads of it."""

    sandbox: Sandbox
    traffic: RecordingTraffic | None = None
    #: (host, port) of each client connection seen: a new port is a new connection
    peers: set[Any] = field(default_factory=set)
    #: the simulated time of each log request: when a poll of this tracker read its state
    polls: list[float] = field(default_factory=list)


async def serve_trackers(port: int, count: int, clicks: int, rate: float, seed: int) -> None:
    """``count`` sandboxes on ports of their own, and on ``port`` the benchmark's controls
    (``bench.common.serve_sandboxes``): ``GET /bench/urls``, ``POST /bench/start`` (live
    traffic from now on), ``POST /bench/clock`` (``{"offset": s}``: the skipped time; makes the
    traffic up to the new now) and ``GET /bench/stats`` (requests, connections, poll times and
    the events made, per sandbox)."""

    def stepping(n: int) -> Middleware:
        tracker = trackers[n]

        @web.middleware
        async def step_first(request: web.Request, handler: Handler) -> web.StreamResponse:
            if tracker.traffic is not None:
                tracker.traffic.step()  # what happened up to now, before answering
            if request.transport is not None:  # a new client port: a new connection
                tracker.peers.add(request.transport.get_extra_info("peername"))
            if request.path == LOG_PATH:
                tracker.polls.append(clock.timestamp())
            return await handler(request)

        return step_first

    clock = SimClock()
    trackers = [
        Tracker(Sandbox(api_key=API_KEY, clicks=clicks, seed=seed + 7 * n, now=clock))
        for n in range(count)
    ]

    def step_all() -> None:
        for tracker in trackers:
            if tracker.traffic is not None:
                tracker.traffic.step()

    async def start(_request: web.Request) -> web.Response:
        for n, tracker in enumerate(trackers):
            rng = random.Random(seed * 1000 + n)
            tracker.traffic = RecordingTraffic(tracker.sandbox.state, rng, rate)
        return web.json_response({"now": clock.timestamp()})

    async def stats(_request: web.Request) -> web.Response:
        step_all()
        answer = []
        for tracker in trackers:
            paths = Counter(f"{method} {path}" for method, path in tracker.sandbox.requests)
            answer.append(
                {
                    "log_requests": paths.get(f"POST {LOG_PATH}", 0),
                    "requests": dict(paths),
                    "connections": len(tracker.peers),
                    "polls": tracker.polls,
                    "events": tracker.traffic.events if tracker.traffic else [],
                }
            )
        return web.json_response(answer)

    routes = [web.post("/bench/start", start), web.get("/bench/stats", stats)]
    sandboxes = [tracker.sandbox for tracker in trackers]
    await serve_sandboxes(
        port, sandboxes, clock, middleware=stepping, routes=routes, on_clock=step_all
    )


@contextlib.contextmanager
def trackers_process(count: int, clicks: int, rate: float, seed: int) -> Iterator[str]:
    """The sandboxes in a process of their own; yields the URL of its controls."""
    arguments = ["--trackers", str(count), "--clicks", str(clicks), "--rate", str(rate),
                 "--seed", str(seed)]  # fmt: skip
    with sandboxes_process("bench.bench_live", arguments) as url:
        yield url


# ----- the bot ----------------------------------------------------------------------------------


def settings_for(folder: Path, telegram_url: str, tick: float, overlap: float) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "bench.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        redis_url=None,
        default_language="en",
        telegram_api_url=telegram_url,
        live_poll_seconds=tick,
        live_overlap_minutes=overlap,
    )


@dataclass
class Run:
    ticks: list[float] = field(default_factory=list)  # simulated start of each tick
    tick_wall: list[float] = field(default_factory=list)
    polled: list[int] = field(default_factory=list)
    overruns: int = 0
    samples: list[Sample] = field(default_factory=list)
    cpu_s: float = 0.0
    wall_s: float = 0.0
    rss_after_trim_mb: float | None = None
    #: simulated seconds from the first look to the end (looks that ran late included)
    sim_s: float = 0.0


async def drive(
    scheduler: Scheduler, clock: SimClock, control: str, ticks: int, tick: float, every: int
) -> Run:
    """``ticks`` ticks of the poller, the clock skipping the idle time between them; a sample
    of the process every ``every`` ticks (its own CPU is not counted)."""
    run = Run()
    cpu, spent_sampling = time.process_time(), 0.0
    wall = time.perf_counter()
    started = clock.timestamp()
    next_at = started
    for k in range(ticks + 1):
        if k % every == 0 or k == ticks:
            before = time.process_time()
            minute = (clock.timestamp() - started) / 60
            run.samples.append(sample(minute, before - cpu - spent_sampling))
            spent_sampling += time.process_time() - before
        if k == ticks:
            break
        if clock.timestamp() < next_at:
            clock.skip_to(next_at)
        elif k and clock.timestamp() - next_at > 1.0:
            run.overruns += 1  # the last tick took longer than a tick
        await asyncio.to_thread(post_json, f"{control}/bench/clock", {"offset": clock.offset})
        at = clock.timestamp()
        run.ticks.append(at)
        tick_started = time.perf_counter()
        run.polled.append(await scheduler.live.run_once())
        run.tick_wall.append(time.perf_counter() - tick_started)
        next_at = at + tick
    run.cpu_s = time.process_time() - cpu - spent_sampling
    run.wall_s = time.perf_counter() - wall
    run.sim_s = clock.timestamp() - started
    run.rss_after_trim_mb = trimmed_rss()
    return run


async def seed_feeds(
    services: Services, urls: list[str], trackers: int, clock: SimClock
) -> dict[int, int]:
    """One owner, tracker and feed (to a group chat of its own) per sandbox; the chat id of
    each tracker id."""
    chats = {}
    for n in range(trackers):
        owner = 10_000 + n
        await services.users.ensure(owner, "en")
        tracker = await services.trackers.add(owner, f"tracker {n}", urls[n], API_KEY)
        chat_id = -3_000_000 - n
        feed = await services.live.save(
            owner, tracker.id, chat_id=chat_id, settings=default_settings(), enabled=True,
            now=clock(),
        )  # fmt: skip
        assert feed is not None
        chats[tracker.id] = chat_id
    return chats


@dataclass
class Tally:
    """What the events came to: latencies of the told ones, reasons for the others."""

    total: list[float] = field(default_factory=list)
    wait: list[float] = field(default_factory=list)
    send: list[float] = field(default_factory=list)
    singles: list[float] = field(default_factory=list)
    untold: Counter[str] = field(default_factory=Counter)
    slowest: list[tuple[float, str]] = field(default_factory=list)


#: one event of a conversion as the tracker made it: (position, status, visible time)
Made = tuple[int, str, float]


def tally_conversion(
    tally: Tally,
    key: tuple[int, int],
    history: list[Made],
    rows: list[sqlite3.Row],
    polls: list[float],
    origin: float,
) -> None:
    """One conversion's events, against the times its tracker was polled. Each told row
    (``sale``, ``sale#1`` for the second time...) is the event of its status that was on
    display at the poll that told it; an event of a status told later was replaced unseen."""
    chosen: dict[int, sqlite3.Row] = {}  # position in the history → the row that told it
    for row in sorted(rows, key=lambda row: row["told_at"] or ""):
        if row["told_at"] is None or row["state"] == "primed":
            continue
        at = datetime.fromisoformat(row["told_at"]).timestamp()
        poll = polls[max(0, bisect.bisect_right(polls, at) - 1)]
        status = base_status(row["status"])
        shown = [e for e in history if e[1] == status and e[2] <= poll and e[0] not in chosen]
        candidates = shown or [e for e in history if e[1] == status and e[0] not in chosen]
        if not candidates:
            continue
        event = max(candidates, key=lambda event: event[2])
        chosen[event[0]] = row
        tally.total.append(at - event[2])
        tally.wait.append(poll - event[2])
        tally.send.append(at - poll)
        if row["state"] == "sent":
            tally.singles.append(at - event[2])
        trail = " ".join(f"{s}@{v - origin:.0f}" for _, s, v in history)
        tally.slowest = sorted([*tally.slowest, (at - event[2], f"{key} {trail}")])[-5:]
    for event in history:
        if event[0] not in chosen:
            tally.untold[why_untold(event, chosen, history, polls)] += 1


def why_untold(
    event: Made, chosen: dict[int, sqlite3.Row], history: list[Made], polls: list[float]
) -> str:
    """Why an event was not told. A poll sees an event some seconds after it is visible
    (the log's times are whole seconds): the first poll ``EDGE`` after it is the one that
    must have told it, unless a later event of the conversion was on display by then."""
    position, status, visible = event
    first = bisect.bisect_left(polls, visible + EDGE)
    if first == len(polls):
        return "after the last poll"
    if any(later[2] <= polls[first] for later in history[position + 1 :]):
        return "replaced before a poll saw it"
    told_before = [e for e in history[:position] if e[0] in chosen]
    if told_before and told_before[-1][1] == status:  # lead, (sale unseen), lead: no change
        return "same status as the last told (the change between was not seen)"
    return "missed"


def latencies(
    rows: list[sqlite3.Row], made: list[dict[str, Any]], tracker_of: dict[int, int], origin: float
) -> dict[str, Any]:
    """Visible → told, per event, split at the poll of its tracker that read it (the wait
    for that poll, then the send), and why the events not told were not."""
    told: dict[tuple[int, int], list[sqlite3.Row]] = {}
    for row in rows:
        told.setdefault((row["tracker_id"], row["conversion_id"]), []).append(row)
    tally = Tally()
    for tracker_id, index in tracker_of.items():
        polls = sorted(made[index]["polls"])
        conversions: dict[int, list[Made]] = {}
        for conversion_id, status, _postback, visible in made[index]["events"]:
            history = conversions.setdefault(conversion_id, [])
            history.append((len(history), status, visible))
        for conversion_id, history in conversions.items():
            key = (tracker_id, conversion_id)
            tally_conversion(tally, key, history, told.get(key, []), polls, origin)
    return {
        "visible_to_sent_s": quantiles(tally.total),
        "wait_for_poll_s": quantiles(tally.wait),
        "poll_to_sent_s": quantiles(tally.send),
        "single_notifications_s": quantiles(tally.singles),
        "events_by_state": dict(Counter(row["state"] for row in rows)),
        "repeated_statuses_told": sum(1 for row in rows if "#" in row["status"]),
        "not_told": dict(tally.untold),
        "slowest_events": [f"{late:.1f} s: {what}" for late, what in reversed(tally.slowest)],
    }


async def run(args: argparse.Namespace, control: str, telegram_url: str) -> dict[str, Any]:
    urls = await asyncio.to_thread(get_json, f"{control}/bench/urls")
    clock = SimClock()
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(Path(folder), telegram_url, args.tick, args.overlap)
        services = await build_services(settings)
        services.clock = clock
        bot = create_bot(settings)  # aiogram's AiohttpSession, as in production
        dispatcher = create_dispatcher(services)  # the whole bot's memory, as it runs
        chats = await seed_feeds(services, urls, args.trackers, clock)
        await asyncio.to_thread(post_json, f"{telegram_url}/bench/chats", list(chats.values()))
        scheduler = Scheduler(services, bot, clock=clock, tick=args.tick)
        settle_memory()
        if args.tracemalloc:
            tracemalloc.start()
        await asyncio.to_thread(post_json, f"{control}/bench/start", {})
        # the poller looks for due trackers every tick / steps (each keeps its own offset
        # in the period, see ``bot.live.poller.spread``), as its loop does in production
        step = args.tick / args.steps
        ticks = round(args.minutes * 60 / step)
        every = max(1, round(args.sample_minutes * 60 / step))
        driven = await drive(scheduler, clock, control, ticks, step, every)
        rows = await services.db.fetchall(
            "SELECT tracker_id, conversion_id, status, state, told_at FROM live_events"
        )
        made = await asyncio.to_thread(get_json, f"{control}/bench/stats")
        seen = await asyncio.to_thread(get_json, f"{telegram_url}/bench/stats")
        counts = dict(scheduler.live.counts)
        await bot.session.close()
        await services.close()
        del dispatcher
    tracker_of = {tracker_id: n for n, tracker_id in enumerate(chats)}  # sandbox n
    return summarise(
        args, driven, latencies(rows, made, tracker_of, driven.ticks[0]), made, seen, counts
    )


def request_rate(polls: list[float]) -> float:
    """A tracker's log requests a minute, from its first request to its last (the count over
    the run's minutes is one off: ten 30 s periods hold eleven polls)."""
    if len(polls) < 2:
        return 0.0
    return (len(polls) - 1) / (max(polls) - min(polls)) * 60


def summarise(
    args: argparse.Namespace,
    driven: Run,
    told: dict[str, Any],
    made: list[dict[str, Any]],
    seen: dict[str, Any],
    counts: dict[str, int],
) -> dict[str, Any]:
    simulated = driven.sim_s
    minutes = simulated / 60
    per_tracker = [request_rate(entry["polls"]) for entry in made]
    counted = [entry["log_requests"] / minutes for entry in made]
    connections = [entry["connections"] / minutes for entry in made]
    others = Counter[str]()
    for entry in made:
        others.update({k: v for k, v in entry["requests"].items() if k != f"POST {LOG_PATH}"})
    samples = driven.samples
    segments = [
        round((b.cpu_s - a.cpu_s) / ((b.minute - a.minute) * 60) * 100, 2)
        for a, b in itertools.pairwise(samples)
    ]
    warm = next((s for s in samples if s.minute >= args.sample_minutes), samples[-1])
    full = args.overlap + args.sample_minutes  # the overlap window is full from here on
    settled = next((s for s in samples if s.minute >= full), samples[-1])
    last = samples[-1]
    return {
        "trackers": args.trackers,
        "simulated_minutes": round(minutes, 1),
        "tick_s": args.tick,
        "conversions_per_minute_per_tracker": args.rate,
        "telegram_rate_limit": args.rate_limit,
        "events_made": sum(len(entry["events"]) for entry in made),
        **told,
        "log_requests_per_tracker_per_minute": {
            "mean": round(statistics.fmean(per_tracker), 2),
            "max": round(max(per_tracker), 2),
            "counted_over_the_run": round(statistics.fmean(counted), 2),
        },
        "new_connections_per_tracker_per_minute": round(statistics.fmean(connections), 2),
        "other_requests": dict(others),
        "poller_counts": counts,
        "looks_per_tick": args.steps,
        "polls_per_look": quantiles([float(n) for n in driven.polled]),
        "tick_wall_s": quantiles(driven.tick_wall),
        "tick_overruns": driven.overruns,
        "wall_s": round(driven.wall_s, 1),
        "cpu_s": round(driven.cpu_s, 1),
        "cpu_share_of_simulated_time_pct": round(driven.cpu_s / simulated * 100, 2),
        "cpu_share_of_wall_time_pct": round(driven.cpu_s / driven.wall_s * 100, 1),
        "cpu_ms_per_poll": round(driven.cpu_s / max(1, sum(driven.polled)) * 1000, 2),
        "cpu_share_per_segment_pct": segments,
        "memory": [
            {
                "minute": s.minute,
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
            "from_minute": warm.minute,
            "to_minute": last.minute,
            "mb": round(last.rss_mb - warm.rss_mb, 1),
            "allocated_blocks": last.allocated_blocks - warm.allocated_blocks,
        },
        "rss_growth_once_overlap_full_mb": {
            "from_minute": settled.minute,
            "to_minute": last.minute,
            "mb": round(last.rss_mb - settled.rss_mb, 1),
        },
        "rss_mb_at_end_after_malloc_trim": driven.rss_after_trim_mb,
        "telegram": {
            key: seen[key]
            for key in ("delivered_messages", "refused_429", "failed_other", "busiest_second")
        },
        "command": "python -m bench.bench_live " + " ".join(sys.argv[1:]),
    }


def verdicts(result: dict[str, Any], args: argparse.Namespace) -> list[tuple[str, str, bool]]:
    """(what, the figure, met) for each target."""
    latency = result["visible_to_sent_s"]
    requests = result["log_requests_per_tracker_per_minute"]
    growth = result["rss_growth_mb"]
    settled = result["rss_growth_once_overlap_full_mb"]
    segments = result["cpu_share_per_segment_pct"][1:] or result["cpu_share_per_segment_pct"]
    flat_cpu = segments[-1] <= 1.25 * statistics.median(segments)
    missed = result["not_told"].get("missed", 0)
    checks = [
        (f"p95 visible → sent ≤ tick + 5 s ({args.tick + 5:g} s)",
         f"p50 {latency.get('p50')} s, p95 {latency.get('p95')} s",
         latency.get("p95", 1e9) <= args.tick + 5),
        ("log requests per tracker per minute ≤ 2",
         f"mean {requests['mean']}, max {requests['max']}", requests["max"] <= 2),
        ("every visible event told (none missed)", f"{missed} missed", missed == 0),
        ("no 429 from Telegram", str(result["telegram"]["refused_429"]),
         result["telegram"]["refused_429"] == 0),
        ("CPU share flat (last segment ≤ 1.25 × median)",
         f"{result['cpu_share_of_simulated_time_pct']} % overall; segments {segments}",
         flat_cpu),
        (f"RSS flat from minute {growth['from_minute']:g} to {growth['to_minute']:g} (≤ 5 MB)",
         f"{growth['mb']:+} MB ({growth['allocated_blocks']:+} blocks)", growth["mb"] <= 5),
    ]  # fmt: skip
    if settled["from_minute"] < settled["to_minute"]:  # the run is longer than the overlap
        checks.append((
            f"RSS flat once the overlap is full, minute {settled['from_minute']:g} to "
            f"{settled['to_minute']:g} (≤ 5 MB)", f"{settled['mb']:+} MB", settled["mb"] <= 5,
        ))  # fmt: skip
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trackers", type=int, default=200, help="feeds, one tracker each")
    parser.add_argument("--minutes", type=float, default=30.0, help="simulated minutes")
    parser.add_argument("--tick", type=float, default=30.0, help="LIVE_POLL_SECONDS")
    parser.add_argument("--steps", type=int, default=15, help="looks for due feeds a tick")
    parser.add_argument("--overlap", type=float, default=15.0, help="LIVE_OVERLAP_MINUTES")
    parser.add_argument("--rate", type=float, default=4.0, help="conversions/min per tracker")
    parser.add_argument("--clicks", type=int, default=1000, help="each sandbox's seeded traffic")
    parser.add_argument("--rate-limit", type=float, default=30.0, help="Telegram's, per second")
    parser.add_argument("--sample-minutes", type=float, default=None, help="memory samples")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--tracemalloc", action="store_true",
        help="also trace Python's memory (live and peak per sample; slows the CPU figures)",
    )  # fmt: skip
    parser.add_argument("--serve-trackers", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_trackers is not None:
        asyncio.run(serve_trackers(args.serve_trackers, args.trackers, args.clicks, args.rate,
                                   args.seed))  # fmt: skip
        return
    if args.sample_minutes is None:
        args.sample_minutes = 5.0 if args.minutes >= 15 else max(args.tick / 60, args.minutes / 5)
    with (
        trackers_process(args.trackers, args.clicks, args.rate, args.seed) as control,
        telegram_process(args.rate_limit) as telegram_url,
    ):
        result = asyncio.run(run(args, control, telegram_url))
    checks = verdicts(result, args)
    result["targets_met"] = {what: met for what, _figure, met in checks}
    default = (args.trackers, args.minutes, args.tick, args.rate, args.overlap) == (
        200,
        30,
        30,
        4,
        15,
    )
    name = "live" if default else f"live_{args.trackers}x{args.minutes:g}"
    if args.tracemalloc:
        name += "_tracemalloc"  # not comparable CPU figures: kept apart
    path = save(name, result)
    for key, value in result.items():
        if key not in ("targets_met", "memory"):
            print(f"{key:40} {json.dumps(value, ensure_ascii=False)}")
    print("memory (minute: RSS MB / peak RSS / allocated blocks / SQLite MB [/ traced / peak]):")
    for m in result["memory"]:
        traced = f" / {m['traced_mb']} / {m['traced_peak_mb']}" if args.tracemalloc else ""
        print(f"  {m['minute']:>5.1f}: {m['rss_mb']} / {m['peak_rss_mb']} / "
              f"{m['allocated_blocks']} / {m['sqlite_mb']}{traced}")  # fmt: skip
    print()
    width = max(len(what) for what, _, _ in checks)
    for what, figure, met in checks:
        print(f"{'PASS' if met else 'FAIL'}  {what:<{width}}  {figure}")
    print(f"saved to {path}")


if __name__ == "__main__":
    main()
