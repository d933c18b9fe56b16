"""Per-update cost: ``python -m bot run`` against a bare aiogram bot, as processes, side by side.

Two processes long-poll two fake Bot APIs (``bot.emulator``) served by this process:

* ``bare aiogram`` - ``Dispatcher()`` with one router whose handler answers ``/help`` with a
  line of text (``python -m bench.bench_update_cost bare``);
* ``whole bot`` - ``python -m bot run`` as deployed (SQLite, every middleware, the real help
  screen), its users connected to a sandbox tracker, so each update looks up the user, the
  active tracker and its client.

Each round pushes the same burst of plain commands (``/help`` from ``--users`` users, each
``--per-user`` times) to both at once and waits for every answer. The cost of an update is
the CPU time the process spent on the round (``/proc/<pid>/stat``: user + system) divided
by the updates; the machine's speed drifts alike for both, so the ratio is the figure.
The per-user throttle is raised for the run (``THROTTLE_UPDATES``): a slowed update is no
measure of cost.

    python -m bench.bench_update_cost [--users 50] [--per-user 10] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import API_KEY, save
from bot.emulator import FakeTelegram
from bot.emulator.http import start_http
from bot.emulator.telegram import make_user

TOKEN = "42:bench-update-cost"  # the fake Telegram is bot 42
ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of process ``pid`` so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def bare_bot(api: str) -> None:
    """The baseline: aiogram with one handler, polling like the bot does."""
    from aiogram import Bot, Dispatcher, Router
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.filters import Command
    from aiogram.types import Message

    router = Router()

    @router.message(Command("help"))
    async def help_(message: Message) -> None:
        await message.answer("Commands: /menu /stats /campaigns")

    session = AiohttpSession(api=TelegramAPIServer.from_base(api))
    bot = Bot(TOKEN, session=session)
    dp = Dispatcher()
    dp.include_router(router)
    await dp.start_polling(bot, handle_signals=True)


class Side:
    """One bot process and the fake Telegram it polls."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name, self.command, self.env = name, command, env
        self.fake = FakeTelegram()
        self.process: asyncio.subprocess.Process | None = None
        self.runner: Any = None
        self.costs: list[float] = []
        self.walls: list[float] = []
        self.log = Path(os.devnull)

    async def start(self, folder: Path) -> None:
        self.runner, url = await start_http(self.fake)
        env = {**self.env, "TELEGRAM_API_URL": url}
        self.log = folder / "process.log"
        with self.log.open("wb") as log:  # read when the process dies
            self.process = await asyncio.create_subprocess_exec(
                *self.command, cwd=folder, env=env, stdout=log, stderr=log
            )
        await self.until(lambda: any(c.method == "getUpdates" for c in self.fake.calls), 60)

    async def until(self, check: Any, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not check():
            assert self.process is not None
            if self.process.returncode is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}: timed out")
            await asyncio.sleep(0.005)

    def replies(self) -> int:
        return sum(1 for call in self.fake.calls if call.method == "sendMessage")

    async def burst(self, users: list[dict[str, Any]], per_user: int, text: str) -> None:
        """Push the burst, wait for every answer; note CPU time and wall time."""
        assert self.process is not None
        before, cpu, started = self.replies(), cpu_seconds(self.process.pid), time.monotonic()
        for _ in range(per_user):
            for user in users:
                self.fake.push_update(self.fake.message_update(user, text))
        count = len(users) * per_user
        await self.until(lambda: self.replies() >= before + count, 300)
        self.walls.append(time.monotonic() - started)
        self.costs.append((cpu_seconds(self.process.pid) - cpu) / count)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 15)
            except TimeoutError:
                self.process.kill()
        await self.fake.handle_async("getUpdates", {"timeout": 0})
        if self.runner is not None:
            await self.runner.cleanup()


def bot_env(folder: Path) -> dict[str, str]:
    dropped = {"SECRET_KEY", "REDIS_URL", "ALLOWED_USERS", "ADMIN_IDS", "DEFAULT_LANGUAGE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(
        BOT_TOKEN=TOKEN, DB_PATH=str(folder / "bot.sqlite3"), ALLOW_PRIVATE_TRACKERS="true",
        LOG_LEVEL="WARNING", THROTTLE_UPDATES="100000", PYTHONPATH=str(ROOT),
    )  # fmt: skip
    return env


async def connect_all(side: Side, users: list[dict[str, Any]], tracker_url: str) -> None:
    """Every user connects the sandbox tracker, so updates carry an active tracker."""
    for user in users:
        side.fake.push_update(side.fake.message_update(user, f"/connect {tracker_url} {API_KEY}"))

    def connected(user: dict[str, Any]) -> bool:
        return any("Connected" in str(m.get("text")) for m in side.fake.messages(user["id"]))

    await side.until(lambda: all(connected(user) for user in users), 120)


async def run(users_count: int, per_user: int, rounds: int) -> dict[str, Any]:
    from keitaro.sandbox import Sandbox

    sandbox = Sandbox(api_key=API_KEY, clicks=500)
    await sandbox.start()
    users = [make_user(9000 + n, f"User{n}", "en") for n in range(users_count)]
    with tempfile.TemporaryDirectory() as bare_dir, tempfile.TemporaryDirectory() as full_dir:
        bare = Side(
            "bare aiogram",
            [sys.executable, "-m", "bench.bench_update_cost", "bare"],
            {**bot_env(Path(bare_dir))},
        )
        whole = Side("whole bot", [sys.executable, "-m", "bot", "run"], bot_env(Path(full_dir)))
        try:
            await asyncio.gather(bare.start(Path(bare_dir)), whole.start(Path(full_dir)))
            await connect_all(whole, users, sandbox.url)
            await asyncio.gather(  # a warm-up round each: imports, first queries, caches
                bare.burst(users, 1, "/help"), whole.burst(users, 1, "/help")
            )
            bare.costs.clear(), whole.costs.clear(), bare.walls.clear(), whole.walls.clear()
            for _ in range(rounds):
                await asyncio.gather(
                    bare.burst(users, per_user, "/help"), whole.burst(users, per_user, "/help")
                )
        finally:
            await asyncio.gather(bare.stop(), whole.stop())
            await sandbox.stop()
    bare_cost, whole_cost = statistics.median(bare.costs), statistics.median(whole.costs)
    updates = users_count * per_user
    return {
        "updates_per_round": updates,
        "rounds": rounds,
        "bare_cpu_ms_per_update": round(bare_cost * 1000, 3),
        "whole_cpu_ms_per_update": round(whole_cost * 1000, 3),
        "ratio": round(whole_cost / bare_cost, 2),
        "bare_updates_per_s": round(updates / statistics.median(bare.walls)),
        "whole_updates_per_s": round(updates / statistics.median(whole.walls)),
        "rounds_ratio": [round(w / b, 2) for w, b in zip(whole.costs, bare.costs, strict=True)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="measure", choices=["measure", "bare"])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--per-user", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.mode == "bare":
        asyncio.run(bare_bot(os.environ["TELEGRAM_API_URL"]))
        return
    result = asyncio.run(run(args.users, args.per_user, args.rounds))
    for key, value in result.items():
        print(f"{key}: {value}")
    print(f"saved to {save('update_cost', result)}")


if __name__ == "__main__":
    main()
