"""Updates per second: the whole bot versus a bare aiogram Dispatcher, on one fake Telegram.

Three modes are fed the same callback updates (a connected user browsing the menu: Campaigns →
a card → Back → next page → ... → Menu → Offers → Menu) through ``Dispatcher.feed_update`` on
the same ``EmulatedSession``/``FakeTelegram``:

* ``bare aiogram`` - ``Dispatcher()`` with one router whose one-line handler answers the query;
* ``full stack`` - ``create_dispatcher`` as production builds it (access, throttling, context
  and callback-answer middlewares, SQLite users/trackers/FSM, rendering, edits), talking over
  HTTP to a sandbox tracker in its own process; lists and today's numbers come from the bot's
  short list cache after the first read, as they do for a real user, cards are fetched;
* ``full, tracker replayed`` - the same Dispatcher, but the HTTP transport answers from the
  responses it recorded, so the difference to ``full stack`` is the tracker's share.

Rounds alternate between the modes so that drift in the machine's speed hits them alike; the
median round is reported. The fake Telegram itself caps all modes (about 1,000 updates/s).

    python -m bench.bench_bot [--cycles 40] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from aiogram import Bot, Dispatcher, Router
from aiogram.types import CallbackQuery, Message, Update
from cryptography.fernet import Fernet

from bench.common import API_KEY, describe, sandbox_process, save
from bot.app import Services, build_services, create_bot, create_dispatcher
from bot.config import Settings
from bot.demo import button_rows, newest_keyboard_message
from bot.emulator import EmulatedSession, EmulatedUser, FakeTelegram
from bot.middlewares.throttling import ThrottlingMiddleware
from keitaro import HttpPool

#: one walk through the menu that ends where it started, so it can repeat
PATH = (
    "🎯 Campaigns", "#1", "« Back", "Next »", "#12", "« Back", "Next »", "#21", "« Back",
    "« Menu", "💼 Offers", "« Menu",
)  # fmt: skip
FULL, REPLAYED, BARE = "full stack", "full, tracker replayed", "bare aiogram"
Step = tuple[int, str]  # (message_id, callback_data)
Feed = Callable[[Update], Awaitable[Any]]


class ReplayTransport(httpx.AsyncBaseTransport):
    """Sends to the network and keeps each answer; with ``replay`` on, answers from memory.

    Replaying keeps everything of the bot's side of a tracker call (building the request,
    the client's parsing and error mapping, the result objects) and drops only the wire and
    the tracker's own work.
    """

    def __init__(self) -> None:
        self.network = httpx.AsyncHTTPTransport()
        self.answers: dict[tuple[str, str, bytes], tuple[int, list[tuple[str, str]], bytes]] = {}
        self.replay = False
        self.sent = 0
        self.misses = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.method, str(request.url), await request.aread())
        if self.replay:
            stored = self.answers.get(key)
            if stored is not None:
                status, headers, body = stored
                return httpx.Response(status, headers=headers, content=body, request=request)
            self.misses += 1
        self.sent += 1
        response = await self.network.handle_async_request(request)
        body = await response.aread()
        await response.aclose()
        # the body is stored decoded, so the encoding headers no longer apply
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in {"content-encoding", "content-length", "transfer-encoding"}
        ]
        self.answers[key] = (response.status_code, headers, body)
        return httpx.Response(response.status_code, headers=headers, content=body, request=request)

    async def aclose(self) -> None:
        await self.network.aclose()


def bare_dispatcher() -> Dispatcher:
    """The floor: aiogram's own routing with a one-line handler per event type."""
    router = Router(name="bare")

    async def on_callback(query: CallbackQuery) -> None:
        await query.answer()

    async def on_message(message: Message) -> None:
        await message.answer("ok")

    router.callback_query.register(on_callback)
    router.message.register(on_message)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


def lift_throttling(dispatcher: Dispatcher) -> None:
    """The bench presses far faster than a person can (the limit is 12 updates per 3 s), so
    the limit goes up; the middleware still runs on every update, on its passing path."""
    for observer in (dispatcher.message, dispatcher.callback_query):
        for middleware in observer.outer_middleware:
            if isinstance(middleware, ThrottlingMiddleware):
                middleware.limit = 10**9


def bench_settings(folder: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        db_path=folder / "bench.sqlite3",
        secret_key=Fernet.generate_key().decode(),
        allow_private_trackers=True,
        allowed_users=[],
        redis_url=None,
        default_language="en",
    )


async def record_path(user: EmulatedUser, telegram: FakeTelegram) -> list[Step]:
    """Walk ``PATH`` once by label and keep what was pressed, to replay it in every mode."""
    steps: list[Step] = []
    for label in PATH:
        message = newest_keyboard_message(telegram, user.chat_id)
        if message is None:
            raise RuntimeError(f"no keyboard before pressing {label!r}")
        buttons = [b for row in button_rows(message.get("reply_markup")) for b in row]
        matches = [b for b in buttons if b["text"] == label]
        if len(matches) != 1:
            raise RuntimeError(f"{label!r} not found among {[b['text'] for b in buttons]}")
        step = (message["message_id"], matches[0]["callback_data"])
        await user.click_data(step[1], step[0])
        steps.append(step)
    return steps


@dataclass
class Bench:
    """Everything the rounds share: one fake Telegram, one Bot, the two Dispatchers."""

    telegram: FakeTelegram
    bot: Bot
    full: Dispatcher
    bare: Dispatcher
    transport: ReplayTransport
    user: dict[str, Any]
    chat_id: int
    steps: list[Step]

    def update(self, step: Step) -> Update:
        raw = self.telegram.callback_update(self.user, step[0], self.chat_id, step[1])
        return Update.model_validate(raw, context={"bot": self.bot})

    async def run(self, mode: str, count: int) -> float:
        """Updates per second for ``count`` updates fed one after another, as one user's are."""
        dispatcher = self.bare if mode == BARE else self.full
        self.transport.replay = mode == REPLAYED
        started = time.perf_counter()
        for n in range(count):
            await dispatcher.feed_update(self.bot, self.update(self.steps[n % len(self.steps)]))
        return count / (time.perf_counter() - started)


async def build(url: str, folder: Path) -> tuple[Bench, Services]:
    settings = bench_settings(folder)
    transport = ReplayTransport()
    services = await build_services(settings, pool=HttpPool(transport=transport))
    telegram = FakeTelegram()
    bot = create_bot(settings, EmulatedSession(telegram))
    full = create_dispatcher(services)
    lift_throttling(full)
    person = EmulatedUser(full, bot, telegram, user_id=5001, language_code="en")
    await person.send(f"/connect {url} {API_KEY}")
    steps = await record_path(person, telegram)
    person.close()
    bench = Bench(
        telegram=telegram, bot=bot, full=full, bare=bare_dispatcher(), transport=transport,
        user=person.user, chat_id=person.chat_id, steps=steps,
    )  # fmt: skip
    return bench, services


async def measure(bench: Bench, count: int, rounds: int) -> tuple[dict[str, list[float]], int]:
    """Updates/s of every round of every mode, and the tracker requests the full mode sent."""
    modes = (BARE, FULL, REPLAYED)
    for mode in modes:  # warm up code paths, connections, the list cache, the recording
        await bench.run(mode, 3 * len(PATH))
    samples: dict[str, list[float]] = {mode: [] for mode in modes}
    live_requests = 0
    for _ in range(rounds):
        for mode in modes:
            sent_before = bench.transport.sent
            samples[mode].append(await bench.run(mode, count))
            if mode == FULL:
                live_requests += bench.transport.sent - sent_before
    return samples, live_requests


async def main(cycles: int, rounds: int) -> dict[str, object]:
    count = cycles * len(PATH)
    with sandbox_process() as url, tempfile.TemporaryDirectory() as folder:
        bench, services = await build(url, Path(folder))
        try:
            samples, live_requests = await measure(bench, count, rounds)
        finally:
            await services.close()
            await bench.bot.session.close()
    stats = {mode: describe(values) for mode, values in samples.items()}
    per_update_ms = {mode: 1000 / stat["median"] for mode, stat in stats.items()}
    tracker_ms = per_update_ms[FULL] - per_update_ms[REPLAYED]
    return {
        "path": list(PATH),
        "updates_per_round": count,
        "rounds": rounds,
        "updates_per_second": stats,
        "ms_per_update": per_update_ms,
        "full_vs_bare": per_update_ms[FULL] / per_update_ms[BARE],
        "replayed_vs_bare": per_update_ms[REPLAYED] / per_update_ms[BARE],
        "tracker_ms_per_update": tracker_ms,
        "tracker_share_of_full": tracker_ms / per_update_ms[FULL],
        "tracker_requests_per_update": live_requests / (count * rounds),
        "replay_misses": bench.transport.misses,
    }


def report(result: dict[str, Any]) -> None:
    print(f"{'mode':<26}{'median upd/s':>14}{'min':>9}{'max':>9}{'ms/update':>11}")
    for mode, stat in result["updates_per_second"].items():
        ms = result["ms_per_update"][mode]
        print(f"{mode:<26}{stat['median']:>14.0f}{stat['min']:>9.0f}{stat['max']:>9.0f}{ms:>11.2f}")
    print(f"full / bare per update     = {result['full_vs_bare']:.2f}x (target ≤ 1.50x)")
    print(
        f"replayed / bare per update = {result['replayed_vs_bare']:.2f}x (the bot without the wire)"
    )
    print(
        f"tracker HTTP: {result['tracker_ms_per_update']:.2f} ms/update "
        f"({result['tracker_share_of_full']:.0%} of the full stack), "
        f"{result['tracker_requests_per_update']:.2f} requests/update"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=40, help="walks of the path per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    outcome = asyncio.run(main(args.cycles, args.rounds))
    report(outcome)
    print("saved", save("bot", outcome))
