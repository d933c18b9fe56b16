"""Several bot processes: updates a second through webhook mode, and digests shared out.

Everything runs as real processes on loopback: the sandbox tracker, the fake Bot API (its
own process, with Telegram's flood limit for the digests), a real PostgreSQL and Redis
started from the machine's binaries (``tests/servers.py``), and ``python -m bot run`` in
webhook mode, N times. A load process (this one) posts ``/help`` updates to the processes in
turn, as a reverse proxy would, 64 at a time, with the secret token, and counts a reply for
each at the fake Telegram.

1. **Updates/s**: 1 process on SQLite, then 1, 2 and 3 processes on PostgreSQL + Redis, side
   by side in one run. The ratio matters more than the figure: the machine's cores are
   shared by the bot processes, PostgreSQL, Redis, the fake Telegram and the load.
2. **Digests**: ``--digests`` (10,000) due at once, on 3 processes over 12 trackers: the
   delivered rate against the 30/s limit (shared through Redis), duplicates and misses.

``python -m bench.bench_scale [--updates 3000] [--digests 10000]``; results in
``bench/results/scale.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.common import (
    API_KEY,
    free_port,
    get_json,
    post_json,
    sandbox_process,
    save,
    telegram_process,
)
from bot.app import build_services
from bot.config import Settings
from storage import generate_key
from storage.digests import DigestRepository
from tests.servers import start_postgres, start_redis

TOKEN = "42:bench-scale-token"
SECRET = "bench-scale-webhook-secret-0123456789"
ROOT = Path(__file__).resolve().parent.parent


def bot_env(
    telegram: str, port: int, folder: Path, database: str | None, redis: str | None, key: str
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_URL", "_LISTEN"))}
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=telegram,
        SECRET_KEY=key,
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_URL=f"http://127.0.0.1:{port}",
        WEBHOOK_LISTEN=f"127.0.0.1:{port}",
        DB_PATH=str(folder / "bot.sqlite3"),
        ALLOW_PRIVATE_TRACKERS="true",
        LOG_LEVEL="WARNING",
        THROTTLE_UPDATES="100000",
        PYTHONPATH=str(ROOT),
    )
    if database:
        env["DATABASE_URL"] = database
    if redis:
        env["REDIS_URL"] = redis
    return env


def start_bots(
    count: int, telegram: str, folder: Path, database: str | None, redis: str | None, key: str
) -> tuple[list[subprocess.Popen[bytes]], list[int]]:
    ports = [free_port() for _ in range(count)]
    bots = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=folder,
            env=bot_env(telegram, port, folder, database, redis, key),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    deadline = time.monotonic() + 60
    for port in ports:
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError(f"the bot on port {port} did not become healthy")
    return bots, ports


def stop_bots(bots: list[subprocess.Popen[bytes]]) -> None:
    for bot in bots:
        bot.send_signal(signal.SIGTERM)
    for bot in bots:
        try:
            bot.wait(30)
        except subprocess.TimeoutExpired:
            bot.kill()


def help_update(n: int, user_id: int) -> dict[str, Any]:
    user = {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "en"}
    return {
        "update_id": n,
        "message": {
            "message_id": n,
            "from": user,
            "date": int(time.time()),
            "text": "/help",
            "chat": {"id": user_id, "type": "private", "first_name": "U"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


async def drive(ports: list[int], telegram: str, updates: int, users: int) -> dict[str, Any]:
    ids = [8_000_000 + n for n in range(users)]
    post_json(
        f"{telegram}/bench/chats",
        [{"id": uid, "type": "private", "first_name": "U"} for uid in ids],
    )
    before = get_json(f"{telegram}/bench/stats")["delivered_messages"]
    gate = asyncio.Semaphore(64)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:

        async def post(n: int) -> int:
            port = ports[n % len(ports)]
            async with gate:
                answer = await http.post(
                    f"http://127.0.0.1:{port}/telegram/webhook",
                    json=help_update(n, ids[n % users]),
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                )
                return answer.status_code

        started = time.perf_counter()
        codes = await asyncio.gather(*(post(n) for n in range(1, updates + 1)))
        accepted = time.perf_counter() - started
        while True:  # until every update was answered at the fake Telegram
            delivered = get_json(f"{telegram}/bench/stats")["delivered_messages"] - before
            if delivered >= updates or time.perf_counter() - started > 300:
                break
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
    return {
        "updates": updates,
        "accepted_200": codes.count(200),
        "answered": delivered,
        "seconds": round(elapsed, 2),
        "updates_per_s": round(delivered / elapsed, 1),
        "seconds_to_accept_all": round(accepted, 2),
    }


async def seed_digests(settings: Settings, digests: int, trackers: int, url: str) -> list[int]:
    services = await build_services(settings)
    repo, owners = DigestRepository(services.db), []
    for n in range(trackers):
        await services.users.ensure(30_000 + n, "en")
        owners.append(await services.trackers.add(30_000 + n, f"t{n}", url, API_KEY))
    due = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")
    chats = []
    for n in range(digests):
        tracker = owners[n % trackers]
        chat = -4_000_000 - n
        await repo.create(
            tracker.owner_id, chat, tracker.id, {"time": due, "days": []}, "UTC", {"chart": False}
        )
        chats.append(chat)
    await services.close()
    return chats


async def digests_phase(
    digests: int, tracker_url: str, folder: Path, database: str, redis: str, key: str
) -> dict[str, Any]:
    with telegram_process(rate_limit=30) as telegram:
        settings = Settings(
            _env_file=None,
            database_url=database,
            redis_url=redis,
            secret_key=key,
            allow_private_trackers=True,
        )  # type: ignore[call-arg]
        chats = await seed_digests(settings, digests, 12, tracker_url)
        post_json(f"{telegram}/bench/chats", chats)
        started = time.perf_counter()
        bots, _ports = start_bots(3, telegram, folder, database, redis, key)
        last, last_change = -1, time.perf_counter()
        try:
            while True:
                seen = get_json(f"{telegram}/bench/stats")
                if seen["delivered_messages"] != last:
                    last, last_change = seen["delivered_messages"], time.perf_counter()
                if last >= digests or time.perf_counter() - last_change > 90:
                    break
                await asyncio.sleep(1)
            elapsed = last_change - started
        finally:
            stop_bots(bots)
        seen = get_json(f"{telegram}/bench/stats")
    return {
        "digests": digests,
        "processes": 3,
        "delivered_messages": seen["delivered_messages"],
        "chats_with_exactly_one": seen["chats_with_exactly_one"],
        "duplicates_chats_with_more": seen["chats_with_more"],
        "missed": digests - seen["chats_with_exactly_one"] - seen["chats_with_more"],
        "seconds_from_start_to_last": round(elapsed, 1),
        "delivered_rate_per_s": round(seen["delivered_messages"] / elapsed, 2),
        "steady_rate_per_s": seen["steady_rate_per_s"],
        "busiest_second_at_telegram": seen["busiest_second"],
        "refused_429": seen["refused_429"],
    }


async def main_async(updates: int, users: int, digests: int) -> dict[str, Any]:
    postgres, redis = start_postgres(), start_redis()
    if postgres is None or redis is None:
        raise SystemExit("needs PostgreSQL (initdb) and redis-server on this machine")
    results: dict[str, Any] = {"cores": os.cpu_count(), "updates": {}}
    try:
        with sandbox_process(clicks=5_000) as tracker_url:
            with telegram_process() as telegram:
                for label, count, engine in (
                    ("sqlite_1", 1, "sqlite"),
                    ("postgres_redis_1", 1, "pg"),
                    ("postgres_redis_2", 2, "pg"),
                    ("postgres_redis_3", 3, "pg"),
                ):
                    with tempfile.TemporaryDirectory() as folder:
                        database = postgres.new_database() if engine == "pg" else None
                        bots, ports = start_bots(
                            count,
                            telegram,
                            Path(folder),
                            database,
                            redis.url if engine == "pg" else None,
                            generate_key(),
                        )
                        try:
                            results["updates"][label] = await drive(ports, telegram, updates, users)
                        finally:
                            stop_bots(bots)
                        print(label, results["updates"][label], flush=True)
            base = results["updates"]["postgres_redis_1"]["updates_per_s"]
            results["updates_ratio_to_1_process_postgres"] = {
                label: round(r["updates_per_s"] / base, 2)
                for label, r in results["updates"].items()
            }
            if digests:
                with tempfile.TemporaryDirectory() as folder:
                    results["digests"] = await digests_phase(
                        digests,
                        tracker_url,
                        Path(folder),
                        postgres.new_database(),
                        redis.url,
                        generate_key(),
                    )
                print("digests", results["digests"], flush=True)
    finally:
        redis.stop()
        postgres.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--digests", type=int, default=10_000)
    args = parser.parse_args()
    results = asyncio.run(main_async(args.updates, args.users, args.digests))
    save("scale", results)
    print(results)


if __name__ == "__main__":
    main()
