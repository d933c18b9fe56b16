"""Digests at scale: N digests due in the same minute against a fake Bot API that enforces
Telegram's flood limit (``rate_limit`` messages a second → 429) and a sandbox tracker in its
own process.

Measures the achieved delivery rate (target ≥ 25/s: close to Telegram's ~30/s), the peak
memory of the process (target < 200 MB) and the chart rendering time (target median
< 300 ms). ``python -m bench.bench_digests [--digests N]``; the default 10,000 takes ~7 min
at 25/s. Results go to ``bench/results/digests.json``.
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

from bench.common import API_KEY, describe, sandbox_process, save
from bot.app import build_services, create_bot
from bot.charts import daily_chart
from bot.config import Settings
from bot.digests.schedule import next_slot
from bot.emulator import EmulatedSession, FakeTelegram
from bot.scheduler import Scheduler
from storage.digests import DigestRepository

TIMEZONE = "Europe/Berlin"
SCHEDULE = {"time": "09:00", "days": []}
SENDS = ("sendMessage", "sendPhoto")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def settings_for(folder: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "bench.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        redis_url=None,
        default_language="en",
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


async def run(
    digests: int, owners: int, rate_limit: float, url: str, rate: float
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        settings = settings_for(Path(folder))
        services = await build_services(settings)
        telegram = FakeTelegram(rate_limit=rate_limit)
        bot = create_bot(settings, EmulatedSession(telegram))
        repo = DigestRepository(services.db)
        trackers = []
        for owner in range(owners):
            user_id = 10_000 + owner
            await services.users.ensure(user_id, "en" if owner % 2 else "ru")
            trackers.append(await services.trackers.add(user_id, f"tracker {owner}", url, API_KEY))
        for n in range(digests):
            tracker = trackers[n % owners]
            chat_id = -2_000_000 - n
            telegram.add_chat({"id": chat_id, "type": "group", "title": f"team {n}"})
            await repo.create(tracker.owner_id, chat_id, tracker.id, SCHEDULE, TIMEZONE,
                              {"chart": True})  # fmt: skip
        slot = next_slot(SCHEDULE, TIMEZONE, datetime.now(UTC)).at
        clock = slot + timedelta(seconds=5)
        scheduler = Scheduler(services, bot, clock=lambda: clock, rate=rate)
        before = peak_mb()
        sent_at: list[float] = []
        telegram.subscribe(
            lambda kind, *_: sent_at.append(time.perf_counter()) if kind == "sent" else None
        )
        started = time.perf_counter()
        found = await scheduler.run_once()
        elapsed = time.perf_counter() - started
        delivered = sum(1 for call in telegram.calls if call.method in SENDS and call.ok)
        stamps = sorted(sent_at)
        steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
        per_chat: dict[str, int] = {}
        for call in telegram.calls:
            if call.method in SENDS and call.ok:
                key = str(call.params.get("chat_id"))
                per_chat[key] = per_chat.get(key, 0) + 1
        refused = sum(1 for call in telegram.calls if call.status == 429)
        result = {
            "digests": digests,
            "owners_trackers": owners,
            "telegram_rate_limit": rate_limit,
            "due_found": found,
            "delivered_messages": delivered,
            "chats_with_exactly_one": sum(1 for count in per_chat.values() if count == 1),
            "seconds": round(elapsed, 2),
            "limiter_rate_per_s": rate,
            "delivery_rate_per_s": round(delivered / elapsed, 2),
            "steady_rate_per_s": round(steady, 2),
            "refused_429": refused,
            "retries_after_429": scheduler.sender.retries,
            "chart_renders_in_run": scheduler.charts.renders,
            "outcomes": dict(scheduler.counts),
            "peak_rss_mb_before_run": round(before, 1),
            "peak_rss_mb": round(peak_mb(), 1),
        }
        await bot.session.close()
        await services.close()
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=50, help="users, one tracker each")
    parser.add_argument("--rate-limit", type=float, default=30.0)
    parser.add_argument("--clicks", type=int, default=25_000)
    parser.add_argument("--rate", type=float, default=25.0, help="the scheduler's limiter")
    args = parser.parse_args()
    baseline = peak_mb()
    with sandbox_process(clicks=args.clicks) as url:
        result = asyncio.run(run(args.digests, args.owners, args.rate_limit, url, args.rate))
    # aiogram's import alone peaks at ~165 MB RSS here: what digests add is the growth
    result["rss_mb_after_imports"] = round(baseline, 1)
    result["rss_growth_mb"] = round(result["peak_rss_mb"] - baseline, 1)
    result["chart_ms"] = asyncio.run(chart_times())
    targets = {
        "delivery_rate_per_s >= 25": result["delivery_rate_per_s"] >= 25,
        "peak_rss_mb < 200": result["peak_rss_mb"] < 200,
        "rss_growth_mb < 200": result["rss_growth_mb"] < 200,
        "chart median < 300 ms": result["chart_ms"]["median"] < 300,
    }
    result["targets_met"] = targets
    path = save("digests" if args.digests == 10_000 else f"digests_{args.digests}", result)
    for key, value in result.items():
        print(f"{key:28} {value}")
    print(f"saved to {path}")


if __name__ == "__main__":
    main()
