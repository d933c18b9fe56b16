"""``python -m bot run`` in webhook mode, as a real process: it registers the webhook with its
secret and the update types it handles, refuses requests without the secret, answers with
it, serves /healthz and /metrics, logs JSON lines without the token, and on SIGTERM finishes
the update in flight before it exits. Polling afterwards removes the webhook."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.emulator import FakeTelegram, make_user, start_http
from keitaro.sandbox import Sandbox
from tests.servers import free_port
from tests.test_bot_process import TOKEN, BotProcess, kill, start_bot, wait_until


@pytest.fixture
async def telegram() -> AsyncIterator[tuple[FakeTelegram, str]]:
    fake = FakeTelegram()
    runner, url = await start_http(fake)
    yield fake, url
    fake.webhook_url = ""
    await fake.handle_async("getUpdates", {"timeout": 0})
    await runner.cleanup()


def replies(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [str(m.get("text") or "") for m in fake.messages(chat_id) if m["from"]["is_bot"]]


async def test_webhook_mode_end_to_end(telegram: tuple[FakeTelegram, str], tmp_path: Path) -> None:
    fake, url = telegram
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bot: BotProcess = await start_bot(
        url, tmp_path, WEBHOOK_URL=base, WEBHOOK_LISTEN=f"127.0.0.1:{port}", LOG_FORMAT="json"
    )
    try:
        await wait_until(lambda: bool(fake.webhook_url), "setWebhook", bot)
        assert fake.webhook_url == f"{base}/telegram/webhook"
        assert len(fake.webhook_secret) >= 32
        assert {"message", "callback_query"} <= set(fake.webhook_updates)
        anna = make_user(7101, "Anna", "en")
        async with httpx.AsyncClient(timeout=10) as http:
            refused = await http.post(fake.webhook_url, json=fake.message_update(anna, "/help"))
            assert refused.status_code == 401
            health = await http.get(f"{base}/healthz")
            assert health.status_code == 200, health.text  # getMe and setWebhook answered
            secret = {"X-Telegram-Bot-Api-Secret-Token": fake.webhook_secret}
            helped = await http.post(
                fake.webhook_url, json=fake.message_update(anna, "/help"), headers=secret
            )
            assert helped.status_code == 200
            await wait_until(lambda: bool(replies(fake, 7101)), "the answer to /help", bot)
            metrics = (await http.get(f"{base}/metrics")).text
            assert 'kbot_updates_total{outcome="handled",type="message"} 1.0' in metrics

            sandbox = Sandbox(api_key="webhook-process-key-0a1b2c3d4e5f")
            await sandbox.start()
            try:
                sandbox.faults.latency = 1.0  # the next update is still running at SIGTERM
                update = fake.message_update(anna, f"/connect {sandbox.url} {sandbox.api_key}")
                accepted = await http.post(fake.webhook_url, json=update, headers=secret)
                assert accepted.status_code == 200
                await asyncio.sleep(0.3)
                code = await bot.stop(grace=30)
            finally:
                await sandbox.stop()
        assert code == 0
        assert any("connected" in text.lower() or "✅" in text for text in replies(fake, 7101))
        lines = [line for line in bot.stderr.decode().splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]  # every line is a JSON object
        assert any("webhook registered" in r["message"] for r in records)
        assert TOKEN.split(":")[1] not in bot.logs
    finally:
        await kill(bot)

    polling = await start_bot(url, tmp_path)
    try:
        await wait_until(lambda: not fake.webhook_url, "deleteWebhook in polling mode", polling)
        await wait_until(
            lambda: any(c.method == "getUpdates" for c in fake.calls), "polling", polling
        )
    finally:
        await kill(polling)
