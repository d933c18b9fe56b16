"""Digests at scale: N digests due in the same minute, sent through aiogram's real HTTP session
to a fake Bot API that enforces Telegram's flood limit (``--rate-limit`` messages a second,
then 429), reading a sandbox tracker. Both servers run in processes of their own, as Telegram
and the tracker do in production, so the memory and CPU measured are the bot's.

Measures the achieved delivery rate (target ≥ 25/s: close to Telegram's ~30/s, never a 429),
the bot process's memory (target: peak < 200 MB; reported as the RSS after imports, before
the run, the peak during the run and what the run added) and the chart rendering time
(target median < 300 ms). ``python -m bench.bench_digests [--digests N]``; the default 10,000
takes ~6 min at 28/s. Results go to ``bench/results/digests.json`` (``digests_N.json`` for
other counts).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

from bench.common import (
    API_KEY,
    describe,
    get_json,
    import_costs,
    memory_mb,
    post_json,
    reset_peak,
    sandbox_process,
    save,
    telegram_process,
)
from bot.app import Services, build_services, create_bot, settle_memory
from bot.charts import daily_chart
from bot.config import Settings
from bot.digests.schedule import next_slot
from bot.scheduler import Scheduler
from storage.digests import DigestRepository

TIMEZONE = "Europe/Berlin"
SCHEDULE = {"time": "09:00", "days": []}
#: what the bot process imports, in the order the breakdown adds them up
IMPORTS = ("aiogram", "numpy", "matplotlib.pyplot", "bot.app")


def settings_for(folder: Path, telegram_url: str) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "bench.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        redis_url=None,
        default_language="en",
        telegram_api_url=telegram_url,
    )


async def chart_times(samples: int = 15) -> dict[str, float]:
    """Rendering alone: 14 days of revenue, cost, profit and ROI, one chart at a time."""
    rows = [
        {"day": f"2026-11-{day:02d}", "revenue": 900 + 40 * day, "cost": 700 + 25 * day,
         "profit": 200 + 15 * day, "roi": 20 + day}
        for day in range(1, 15)
    ]  # fmt: skip
    await daily_chart(rows, title="warm-up")
    times = []
    for n in range(samples):
        started = time.perf_counter()
        await daily_chart(rows, currency="USD", title=f"Last 14 days, tracker {n}")
        times.append((time.perf_counter() - started) * 1000)
    return describe(times)


async def seed(services: Services, digests: int, owners: int, tracker_url: str) -> list[int]:
    """``owners`` users with a tracker each and ``digests`` daily digests to group chats,
    spread evenly over the trackers; returns the chat ids."""
    repo = DigestRepository(services.db)
    trackers = []
    for owner in range(owners):
        user_id = 10_000 + owner
        await services.users.ensure(user_id, "en" if owner % 2 else "ru")
        name = f"tracker {owner}"
        trackers.append(await services.trackers.add(user_id, name, tracker_url, API_KEY))
    chats = []
    for n in range(digests):
        tracker = trackers[n % owners]
        chat_id = -2_000_000 - n
        await repo.create(tracker.owner_id, chat_id, tracker.id, SCHEDULE, TIMEZONE,
                          {"chart": True})  # fmt: skip
        chats.append(chat_id)
    return chats


async def run(
    digests: int, owners: int, tracker_url: str, telegram_url: str, rate: float | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(Path(folder), telegram_url)
        services = await build_services(settings)
        bot = create_bot(settings)  # aiogram's AiohttpSession, as in production
        chats = await seed(services, digests, owners, tracker_url)
        await asyncio.to_thread(post_json, f"{telegram_url}/bench/chats", chats)
        slot = next_slot(SCHEDULE, TIMEZONE, datetime.now(UTC)).at
        clock = slot + timedelta(seconds=5)
        pacing = {} if rate is None else {"rate": rate}
        scheduler = Scheduler(services, bot, clock=lambda: clock, **pacing)
        settle_memory()  # as `python -m bot run` does once the bot is built
        reset_peak()
        before = memory_mb()
        started = time.perf_counter()
        found = await scheduler.run_once()
        elapsed = time.perf_counter() - started
        during = memory_mb()
        seen = await asyncio.to_thread(get_json, f"{telegram_url}/bench/stats")
        bucket = scheduler.sender.bucket
        result = {
            "digests": digests,
            "owners_trackers": owners,
            "due_found": found,
            "delivered_messages": seen["delivered_messages"],
            "chats_with_exactly_one": seen["chats_with_exactly_one"],
            "chats_with_more": seen["chats_with_more"],
            "seconds": round(elapsed, 2),
            "limiter_rate_per_s": bucket.rate,
            "limiter_burst": bucket.capacity,
            "delivery_rate_per_s": round(seen["delivered_messages"] / elapsed, 2),
            "steady_rate_per_s": seen["steady_rate_per_s"],
            "busiest_second_at_telegram": seen["busiest_second"],
            "refused_429": seen["refused_429"],
            "refused_at_s": seen["refused_at_s"],
            "failed_other": seen["failed_other"],
            "retries_after_429": scheduler.sender.retries,
            "chart_renders_in_run": scheduler.charts.renders,
            "photos_uploaded": seen["photos_uploaded"],
            "outcomes": dict(scheduler.counts),
            "rss_mb_before_run": before["rss"],
            "peak_rss_mb": during["peak"],
            "rss_added_by_run_mb": round(during["peak"] - before["rss"], 1),
            "rss_mb_after_run": during["rss"],
            "fake_telegram_stalls_ms": seen["stalls_ms"],
            "fake_telegram_peak_rss_mb": seen["peak_rss_mb"],
            "sends_per_second": seen["sends_per_second"],
        }
        await bot.session.close()
        await services.close()
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=50, help="users, one tracker each")
    parser.add_argument("--rate-limit", type=float, default=30.0, help="Telegram's, per second")
    parser.add_argument("--clicks", type=int, default=25_000, help="the sandbox's traffic")
    parser.add_argument(
        "--rate", type=float, default=None, help="the scheduler's limiter (default: its own)"
    )
    args = parser.parse_args()
    after_imports = memory_mb()["rss"]
    with sandbox_process(args.clicks) as tracker_url, telegram_process(args.rate_limit) as url:
        result = asyncio.run(run(args.digests, args.owners, tracker_url, url, args.rate))
    result["telegram_rate_limit"] = args.rate_limit
    result["rss_mb_after_imports"] = after_imports
    result["rss_mb_imports_breakdown"] = import_costs(IMPORTS)
    result["rss_mb_process_peak"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    result["chart_ms"] = asyncio.run(chart_times())
    result["targets_met"] = {
        "delivery_rate_per_s >= 25": result["delivery_rate_per_s"] >= 25,
        "refused_429 == 0": result["refused_429"] == 0,
        "peak_rss_mb < 200": result["peak_rss_mb"] < 200,
        "chart median < 300 ms": result["chart_ms"]["median"] < 300,
    }
    path = save("digests" if args.digests == 10_000 else f"digests_{args.digests}", result)
    for key, value in result.items():
        print(f"{key:28} {value}")
    print(f"saved to {path}")


if __name__ == "__main__":
    main()
