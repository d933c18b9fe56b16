"""A slow or hostile tracker cannot stall or swell the bot: one deadline per call, a size limit
checked before parsing, and JSON nested absurdly deep refused (issue 9, item 4)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from keitaro import KeitaroClient, errors
from keitaro.transport import MB, HttpPool, Timeouts
from tests.scripted_server import Answer, ScriptedServer

KEY = "k3y-f0r-l1m1t-tests-0123456789abcdef"


@pytest.fixture
async def server() -> AsyncIterator[ScriptedServer]:
    srv = ScriptedServer()
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def pool() -> AsyncIterator[HttpPool]:
    # reads may pause 2 s between bytes; the whole call gets 1.5 s
    timeouts = Timeouts(connect=2, read=2, write=2, pool=2, total=1.5)
    async with HttpPool(timeouts=timeouts, max_answer_bytes=1 * MB) as shared:
        yield shared


def client(server: ScriptedServer, pool: HttpPool) -> KeitaroClient:
    return KeitaroClient(server.url, KEY, pool=pool, retries=0)


async def test_a_tracker_trickling_its_answer_hits_the_overall_deadline(
    server: ScriptedServer, pool: HttpPool
) -> None:
    body = json.dumps([{"id": n, "name": f"Campaign {n}"} for n in range(200)])
    server.reply(Answer(200, body, content_type="application/json", chunk=1, trickle=0.2))
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(errors.TrackerTimeoutError) as caught:
        await client(server, pool).call("campaigns.list")
    assert loop.time() - started < 3  # each byte came within the read timeout: only the deadline
    assert "within 1.5 s" in str(caught.value) and caught.value.request is not None


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "chunked"])
async def test_an_answer_over_the_limit_is_refused_unparsed(
    server: ScriptedServer, pool: HttpPool, streamed: bool
) -> None:
    big = (
        b"[" + b",".join(b'{"id": 1, "name": "xxxxxxxxxxxxxxxxxxxx"}' for _ in range(60_000)) + b"]"
    )
    assert len(big) > 2 * MB
    server.reply(Answer(200, big, content_type="application/json", stream=streamed))
    with pytest.raises(errors.AnswerTooLargeError) as caught:
        await client(server, pool).call("campaigns.list")
    assert caught.value.code == "too_large" and caught.value.limit == MB


async def test_a_gzip_bomb_is_refused_without_inflating_it(
    server: ScriptedServer, pool: HttpPool
) -> None:
    bomb = b'{"rows": "' + b"a" * (50 * MB) + b'"}'  # ~50 KB compressed
    server.reply(Answer(200, bomb, content_type="application/json", gzipped=True))
    with pytest.raises(errors.AnswerTooLargeError):
        await client(server, pool).call("campaigns.list")


async def test_json_nested_absurdly_deep_is_unreadable_not_a_crash(
    server: ScriptedServer, pool: HttpPool
) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    server.reply(Answer(200, deep, content_type="application/json"))
    with pytest.raises(errors.UnreadableAnswerError) as caught:
        await client(server, pool).call("campaigns.list")
    assert caught.value.code == "unreadable" and caught.value.request is not None


async def test_an_ordinary_answer_still_reads(server: ScriptedServer, pool: HttpPool) -> None:
    server.reply(Answer(200, [{"id": 7, "name": "Fine"}], stream=True, gzipped=True))
    result = await client(server, pool).call("campaigns.list")
    assert result.data[0]["id"] == 7 and result.data[0]["name"] == "Fine"
