"""Memory for a 20 MB tracker answer: refused by the size limit without being held.

A tracker in a process of its own answers ``POST /admin_api/v1/report/build`` with a report
of about ``--mb`` MB of JSON, in three ways: with a Content-Length, chunked (no length), and
gzip-compressed chunked (small on the wire, large once inflated). The client (the bot's own
``HttpPool`` with its default limit, ``TRACKER_MAX_ANSWER_MB`` = 8) asks for it; the figure
is the peak of the memory Python allocated over the calls (``tracemalloc``: unlike RSS, it
is not hidden by memory an earlier measurement freed but the process kept). For contrast,
the same answers are read whole with the limit raised above them, as before the limit.

    python -m bench.bench_big_answer [--mb 20] [--calls 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import gzip
import json
import multiprocessing
import time
import tracemalloc
import urllib.error
import urllib.request
from typing import Any

from aiohttp import web

from bench.common import API_KEY, free_port, save
from keitaro import HttpPool, KeitaroClient, KeitaroError
from keitaro.transport import DEFAULT_MAX_ANSWER_BYTES

WAYS = ("length", "chunked", "gzip")


def report_bytes(mb: int) -> bytes:
    row = {"campaign_id": 1, "campaign": "FB | DE | Keto Burn " * 3, "clicks": 12, "cost": 3.5}
    line = json.dumps(row)
    count = mb * 1024 * 1024 // (len(line) + 1)
    return ('{"rows":[' + ",".join([line] * count) + '],"total":' + str(count) + "}").encode()


def serve(port: int, mb: int) -> None:
    body = report_bytes(mb)
    packed = gzip.compress(body)

    chosen = {"way": "length"}

    async def choose(request: web.Request) -> web.Response:
        chosen["way"] = request.query["way"]
        return web.Response(text="ok")

    async def report(request: web.Request) -> web.StreamResponse:
        way = chosen["way"]
        if way == "length":
            return web.Response(body=body, content_type="application/json")
        response = web.StreamResponse(headers={"Content-Encoding": "gzip"} if way == "gzip" else {})
        response.content_type = "application/json"
        response.enable_chunked_encoding()
        await response.prepare(request)
        data = packed if way == "gzip" else body
        try:
            for start in range(0, len(data), 65_536):
                await response.write(data[start : start + 65_536])
            await response.write_eof()
        except (ConnectionError, RuntimeError):
            pass  # the client stopped reading: what the limit is for
        return response

    app = web.Application()
    app.router.add_post("/admin_api/v1/report/build", report)
    app.router.add_post("/bench/way", choose)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


async def measure(url: str, way: str, calls: int, limit_mb: int | None) -> dict[str, Any]:
    options = {} if limit_mb is None else {"max_answer_bytes": limit_mb * 1024 * 1024}
    pool = HttpPool(allow_private=True, **options)
    client = KeitaroClient(url, API_KEY, pool=pool, retries=0)
    await pool.client.post(f"{url}/bench/way", params={"way": way})
    outcome = ""
    try:
        await asyncio.sleep(0)
        gc.collect()
        tracemalloc.start()
        before, _ = tracemalloc.get_traced_memory()
        for _ in range(calls):
            try:
                result = await client.call("reports.build", {"range": {"interval": "today"}})
                outcome = f"read {len(result.data['rows'])} rows"
                del result
            except KeitaroError as error:
                outcome = type(error).__name__
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        await pool.aclose()
    return {"way": way, "outcome": outcome, "peak_growth_mb": round((peak - before) / 2**20, 1)}


async def run(url: str, mb: int, calls: int, limit_mb: int | None) -> dict[str, Any]:
    limited = [await measure(url, way, calls, limit_mb) for way in WAYS]
    unlimited = [await measure(url, way, calls, mb * 4) for way in WAYS]
    return {
        "answer_mb": mb,
        "limit_mb": limit_mb or DEFAULT_MAX_ANSWER_BYTES // 2**20,
        "calls": calls,
        "with_limit": limited,
        "limit_raised": unlimited,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--limit-mb", type=int, default=None, help="default: the bot's")
    args = parser.parse_args()
    port = free_port()
    server = multiprocessing.get_context("spawn").Process(target=serve, args=(port, args.mb))
    server.start()
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            except urllib.error.HTTPError:
                break  # it answers (404 for /): up
            except OSError:
                time.sleep(0.1)
        result = asyncio.run(run(f"http://127.0.0.1:{port}", args.mb, args.calls, args.limit_mb))
    finally:
        server.terminate()
        server.join(10)
    for mode in ("with_limit", "limit_raised"):
        for row in result[mode]:
            print(f"{mode:13} {row['way']:8} {row['outcome']:22} peak +{row['peak_growth_mb']} MB")
    print(f"answer {result['answer_mb']} MB, limit {result['limit_mb']} MB")
    print(f"saved to {save('big_answer', result)}")


if __name__ == "__main__":
    main()
