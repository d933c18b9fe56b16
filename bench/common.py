"""Shared pieces of the benchmarks: the sandbox and a fake Telegram in processes of their own,
many sandboxes in one process on a simulated clock, memory readings and samples, timing,
printing.

Why other processes: in production neither the tracker nor Telegram lives in the bot's
process, so a benchmark that hosts them in-process measures their memory and CPU as the
bot's. ``python -m bench.common telegram --port N [--rate-limit R]`` is the fake Bot API
(``bot.emulator`` behind its HTTP endpoint) that ``telegram_process`` starts.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import gc
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # heavy imports stay lazy: ``import_costs`` measures a bare import of this
    from aiohttp import web
    from aiohttp.typedefs import Middleware

    from bot.emulator import FakeTelegram
    from keitaro.sandbox import Sandbox

API_KEY = "bench-api-key-3f9a1c7e5b2d4068"
RESULTS = Path(__file__).resolve().parent / "results"
SENDS = ("sendMessage", "sendPhoto")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(command: Sequence[str], port: int, what: str) -> Iterator[str]:
    """Run ``command`` (a server of ours on ``port``) until the block ends; yield its URL."""
    process = subprocess.Popen(  # noqa: S603 - our own modules, fixed arguments
        list(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if process.poll() is not None:
                raise RuntimeError(f"the {what} exited with {process.returncode}")
            time.sleep(0.1)
        else:
            raise RuntimeError(f"the {what} did not start in 30 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@contextlib.contextmanager
def sandbox_process(clicks: int = 25_000) -> Iterator[str]:
    """``python -m keitaro.sandbox`` in a process of its own, so it does not share our loop."""
    port = free_port()
    command = [
        sys.executable, "-m", "keitaro.sandbox", "--port", str(port),
        "--api-key", API_KEY, "--clicks", str(clicks),
    ]  # fmt: skip
    with serving(command, port, "sandbox") as url:
        yield url


@contextlib.contextmanager
def telegram_process(rate_limit: float | None = None) -> Iterator[str]:
    """The fake Bot API in a process of its own; point ``TELEGRAM_API_URL`` at the URL.

    Besides the Bot API it answers ``POST /bench/chats`` (a JSON list of group chat ids to
    make known) and ``GET /bench/stats`` (see ``telegram_stats``)."""
    port = free_port()
    command = [sys.executable, "-m", "bench.common", "telegram", "--port", str(port)]
    if rate_limit is not None:
        command += ["--rate-limit", str(rate_limit)]
    with serving(command, port, "fake Telegram") as url:
        yield url


def post_json(url: str, payload: Any) -> Any:
    request = urllib.request.Request(  # noqa: S310 - our own loopback server
        url, json.dumps(payload).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        return json.loads(answer.read())


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310 - loopback
        return json.loads(answer.read())


# ----- simulated time, and many sandboxes in one process --------------------------------------


class SimClock:
    """Wall time plus the idle time skipped so far; the same in every process given the same
    ``offset``, since they read one system clock. ``frozen`` (a timestamp) stops it there
    instead: for a benchmark whose every tick happens at one instant, in every process."""

    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset
        self.frozen: float | None = None

    def timestamp(self) -> float:
        return self.frozen if self.frozen is not None else time.time() + self.offset

    def __call__(self) -> datetime:
        return datetime.fromtimestamp(self.timestamp(), UTC)

    def skip_to(self, moment: float) -> None:
        """Jump ahead to ``moment`` (never back)."""
        self.offset += max(0.0, moment - self.timestamp())


async def serve_sandboxes(
    port: int,
    sandboxes: Sequence[Sandbox],
    clock: SimClock,
    *,
    middleware: Callable[[int], Middleware] | None = None,
    routes: Sequence[web.AbstractRouteDef] = (),
    on_clock: Callable[[], None] | None = None,
) -> None:
    """Serve each sandbox on a port of its own (with ``middleware(n)`` after the sandbox's own
    transport, if given), and on ``port`` the benchmark's controls until killed: ``GET
    /bench/urls`` (the sandboxes' base URLs, in order), ``POST /bench/clock`` (``{"offset":
    s}``: the skipped time, and optionally ``"frozen": timestamp``; then ``on_clock()``;
    answered ``{"now": timestamp}``) and ``routes``."""
    from aiohttp import web

    urls = []
    for n, sandbox in enumerate(sandboxes):
        app = sandbox.make_app()
        if middleware is not None:
            app.middlewares.append(middleware(n))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        urls.append(f"http://127.0.0.1:{runner.addresses[0][1]}")

    async def list_urls(_request: web.Request) -> web.Response:
        return web.json_response(urls)

    async def set_clock(request: web.Request) -> web.Response:
        wanted = await request.json()
        clock.offset = float(wanted.get("offset", clock.offset))
        frozen = wanted.get("frozen")
        clock.frozen = None if frozen is None else float(frozen)
        if on_clock is not None:
            on_clock()
        return web.json_response({"now": clock.timestamp()})

    control = web.Application()
    control.router.add_get("/bench/urls", list_urls)
    control.router.add_post("/bench/clock", set_clock)
    control.router.add_routes(routes)
    runner = web.AppRunner(control, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await asyncio.Event().wait()


@contextlib.contextmanager
def sandboxes_process(module: str, arguments: Sequence[str]) -> Iterator[str]:
    """``python -m <module> --serve-trackers PORT <arguments>`` (a benchmark serving its
    sandboxes with ``serve_sandboxes``) in a process of its own; yields its controls' URL."""
    port = free_port()
    command = [sys.executable, "-m", module, "--serve-trackers", str(port), *arguments]
    with serving(command, port, "sandboxes") as url:
        yield url


# ----- memory ---------------------------------------------------------------------------------


def memory_mb() -> dict[str, float]:
    """This process's resident memory now (``rss``) and its peak (``peak``, VmHWM), in MB."""
    found = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) / 1024
    return {"rss": round(found["VmRSS"], 1), "peak": round(found["VmHWM"], 1)}


def reset_peak() -> None:
    """Start this process's peak RSS (VmHWM) afresh from its current RSS (Linux ≥ 4.0)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def import_costs(modules: Sequence[str]) -> dict[str, float]:
    """RSS in MB of a fresh interpreter after importing each of ``modules`` in turn."""
    script = (
        "import sys, json\n"
        "from bench.common import memory_mb\n"
        "costs = {'python': memory_mb()['rss']}\n"
        "for name in sys.argv[1:]:\n"
        "    __import__(name)\n"
        "    costs[name] = memory_mb()['rss']\n"
        "print(json.dumps(costs))\n"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, *modules], capture_output=True, check=True, text=True
    ).stdout
    return json.loads(output)


@dataclass
class Sample:
    """The process at a moment of simulated time."""

    minute: float
    rss_mb: float
    peak_rss_mb: float
    allocated_blocks: int
    cpu_s: float
    #: what SQLite holds (its page cache, statements, sorts): memory tracemalloc never sees
    sqlite_mb: float | None = None
    #: with tracemalloc on: Python's live memory now, and its peak since the last sample
    traced_mb: float | None = None
    traced_peak_mb: float | None = None


def sample(minute: float, cpu_s: float) -> Sample:
    """This process now (after a full collection); resets tracemalloc's peak if it traces."""
    import tracemalloc

    gc.collect()
    memory = memory_mb()
    found = Sample(round(minute, 1), memory["rss"], memory["peak"], sys.getallocatedblocks(), cpu_s)
    found.sqlite_mb = sqlite_memory_mb()
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        found.traced_mb, found.traced_peak_mb = round(current / 2**20, 1), round(peak / 2**20, 1)
        tracemalloc.reset_peak()
    return found


def sqlite_memory_mb() -> float | None:
    """``sqlite3_memory_used()`` of the SQLite library this process loaded (None when it is
    not a shared ``libsqlite3``)."""
    import ctypes

    try:
        library = ctypes.CDLL("libsqlite3.so.0")
    except OSError:
        return None
    library.sqlite3_memory_used.restype = ctypes.c_int64
    return round(library.sqlite3_memory_used() / 2**20, 1)


def trimmed_rss() -> float | None:
    """RSS after glibc gave back the free memory it keeps (None off glibc): what of the RSS
    is live, and what the allocator holds from an earlier high-water mark."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return None
    return memory_mb()["rss"]


# ----- the fake Telegram process --------------------------------------------------------------


def busiest_second(stamps: Sequence[float]) -> int:
    """The most sends in any window ``(t - 1, t]``: what Telegram's flood control counts."""
    ordered = sorted(stamps)
    return max(
        (n + 1 - bisect.bisect_right(ordered, t - 1.0) for n, t in enumerate(ordered)),
        default=0,
    )


def per_second(stamps: Sequence[float]) -> list[int]:
    """Messages accepted in each second from the first one on."""
    if not stamps:
        return []
    counts = Counter(int(stamp - stamps[0]) for stamp in stamps)
    return [counts[second] for second in range(max(counts) + 1)]


class Watch:
    """What the fake Telegram process saw: sends accepted and refused (when), and its own
    stalls, a pause of its event loop or a garbage collection over 20 ms. A server that
    pauses takes the backlog as one burst, and its one-second window then counts requests
    the bot paced correctly, so its stalls are reported next to its 429s."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self.sent_at: list[float] = []
        self.refused_at: list[float] = []
        self.stalls: list[tuple[float, int, str]] = []
        self._gc_started = 0.0
        telegram.subscribe(self._on_event)
        self._spend = telegram.spend_rate
        telegram.spend_rate = self._spend_rate  # type: ignore[method-assign]
        gc.callbacks.append(self._on_gc)

    def _on_event(self, kind: str, *_: Any) -> None:
        if kind == "sent":
            self.sent_at.append(time.time())

    def _spend_rate(self, method: str) -> None:
        try:
            self._spend(method)
        except Exception:
            self.refused_at.append(time.time())
            raise

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.time()
        elif (ms := (time.time() - self._gc_started) * 1000) > 20:
            self.stalls.append((self._gc_started, round(ms), f"gc{info['generation']}"))

    async def watch_loop(self, every: float = 0.01) -> None:
        while True:
            started = time.time()
            await asyncio.sleep(every)
            if (ms := (time.time() - started - every) * 1000) > 20:
                self.stalls.append((started, round(ms), "loop"))

    def stats(self) -> dict[str, Any]:
        """Messages accepted per chat, refusals, the pace, stalls, the process's memory."""
        calls = self.telegram.calls
        per_chat = Counter(
            str(call.params.get("chat_id")) for call in calls if call.method in SENDS and call.ok
        )
        sent = self.sent_at
        steady = (len(sent) - 1) / (sent[-1] - sent[0]) if len(sent) > 1 else 0.0
        start = sent[0] if sent else 0.0
        return {
            "delivered_messages": sum(per_chat.values()),
            "chats_with_exactly_one": sum(1 for count in per_chat.values() if count == 1),
            "chats_with_more": sum(1 for count in per_chat.values() if count > 1),
            "refused_429": sum(1 for call in calls if call.status == 429),
            "refused_at_s": [round(moment - start, 2) for moment in self.refused_at],
            "failed_other": sum(1 for call in calls if not call.ok and call.status != 429),
            "busiest_second": busiest_second(sent),
            "steady_rate_per_s": round(steady, 2),
            "sends_per_second": per_second(sent),
            "photos_uploaded": len(self.telegram.files.by_id),
            "stalls_ms": [(round(at - start, 2), ms, why) for at, ms, why in self.stalls],
            "peak_rss_mb": memory_mb()["peak"],
        }


def telegram_app(rate_limit: float | None) -> web.Application:
    """The fake Bot API over HTTP plus the two ``/bench`` routes."""
    from aiohttp import web

    from bot.emulator import FakeTelegram
    from bot.emulator.http import create_app

    telegram = FakeTelegram(rate_limit=rate_limit)
    watch = Watch(telegram)
    watching: list[asyncio.Task[None]] = []  # held, so the task is not collected

    async def add_chats(request: web.Request) -> web.Response:
        for chat in await request.json():  # a group's id, or a whole chat (a private one)
            if isinstance(chat, dict):
                telegram.add_chat(chat)
            else:
                telegram.add_chat({"id": int(chat), "type": "group", "title": f"team {chat}"})
        gc.collect()
        gc.freeze()  # the chats stay: no collection needs to look at them again
        return web.json_response({"known": len(telegram.chats)})

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response(watch.stats())

    async def start_watching(_app: web.Application) -> None:
        watching.append(asyncio.create_task(watch.watch_loop()))

    app = create_app(telegram)
    app.router.add_post("/bench/chats", add_chats)
    app.router.add_get("/bench/stats", stats)
    app.on_startup.append(start_watching)
    return app


async def serve_telegram(port: int, rate_limit: float | None) -> None:
    """Serve the fake until killed. Telegram's flood counter does not stop for a garbage
    collection, so neither may the fake's: a full collection over its growing store of
    messages paused it for ~180 ms, and it then refused messages the bot had paced
    correctly. Young garbage is still collected; full collections are left out."""
    from aiohttp import web

    gc.set_threshold(700, 10, 1_000_000_000)
    runner = web.AppRunner(telegram_app(rate_limit), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    await asyncio.Event().wait()


# ----- results --------------------------------------------------------------------------------


def describe(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered),
        "p90": ordered[int(len(ordered) * 0.9) - 1] if len(ordered) >= 10 else ordered[-1],
        "min": ordered[0],
        "max": ordered[-1],
    }


def quantiles(samples: Sequence[float]) -> dict[str, float]:
    """p50, p95, max (and how many), rounded to 0.1."""
    if not samples:
        return {"n": 0}
    ordered = sorted(samples)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))], 1)

    return {"n": len(ordered), "p50": at(0.5), "p95": at(0.95), "max": round(ordered[-1], 1)}


def save(name: str, payload: dict[str, object]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="servers the benchmarks run in processes")
    commands = parser.add_subparsers(dest="command", required=True)
    telegram = commands.add_parser("telegram", help="the fake Bot API over HTTP")
    telegram.add_argument("--port", type=int, required=True)
    telegram.add_argument("--rate-limit", type=float, default=None)
    args = parser.parse_args()
    asyncio.run(serve_telegram(args.port, args.rate_limit))


if __name__ == "__main__":
    main()
