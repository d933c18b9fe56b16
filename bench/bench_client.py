"""Requests per second: ``KeitaroClient.call``, raw pooled httpx, a connection per request.

All three send the same requests (``GET /campaigns/{id}`` over the seeded ids, with the API key)
to one sandbox running in its own process, with the same concurrency. Rounds alternate between
the three so that drift in the machine's speed hits them alike; the median round is reported.

    python -m bench.bench_client [--requests 2000] [--concurrency 16] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
from collections.abc import Awaitable, Callable

import httpx

from bench.common import API_KEY, describe, sandbox_process, save
from keitaro import HttpPool, KeitaroClient
from keitaro.transport import USER_AGENT

Runner = Callable[[int], Awaitable[None]]


async def run_round(runner: Runner, requests: int, concurrency: int) -> float:
    """Requests per second for ``requests`` calls spread over ``concurrency`` workers."""
    counter = itertools.count()

    async def worker() -> None:
        while (n := next(counter)) < requests:
            await runner(n)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return requests / (time.perf_counter() - started)


async def main(requests: int, concurrency: int, rounds: int) -> dict[str, object]:
    with sandbox_process() as url:
        pool = HttpPool()
        client = KeitaroClient(url, API_KEY, pool=pool)
        ids = [c["id"] for c in (await client.call("campaigns.list")).data]
        raw = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
        )
        headers = {"Api-Key": API_KEY}

        async def via_client(n: int) -> None:
            result = await client.call("campaigns.get", id=ids[n % len(ids)])
            assert result.success

        async def via_raw_httpx(n: int) -> None:
            response = await raw.get(
                f"{url}/admin_api/v1/campaigns/{ids[n % len(ids)]}", headers=headers
            )
            response.raise_for_status()
            response.json()

        async def via_new_connection(n: int) -> None:
            async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}) as fresh:
                response = await fresh.get(
                    f"{url}/admin_api/v1/campaigns/{ids[n % len(ids)]}", headers=headers
                )
                response.raise_for_status()
                response.json()

        runners: dict[str, Runner] = {
            "KeitaroClient.call": via_client,
            "raw pooled httpx": via_raw_httpx,
            "new connection per request": via_new_connection,
        }
        for runner in runners.values():  # warm up connections and code paths
            await run_round(runner, 100, concurrency)
        # A client per request spends most of its time building TLS contexts and pools, so it
        # gets a fifth of the requests; requests per second stay comparable.
        counts = {name: requests for name in runners} | {
            "new connection per request": requests // 5
        }
        samples: dict[str, list[float]] = {name: [] for name in runners}
        for _ in range(rounds):
            for name, runner in runners.items():
                samples[name].append(await run_round(runner, counts[name], concurrency))
        await raw.aclose()
        await pool.aclose()
    stats = {name: describe(values) for name, values in samples.items()}
    ratio = stats["KeitaroClient.call"]["median"] / stats["raw pooled httpx"]["median"]
    return {
        "requests": requests,
        "concurrency": concurrency,
        "rounds": rounds,
        "rps": stats,
        "client_vs_raw": ratio,
    }


def report(result: dict[str, object]) -> None:
    print(f"{'mode':<30}{'median req/s':>14}{'min':>10}{'max':>10}")
    for name, stat in result["rps"].items():  # type: ignore[union-attr]
        print(f"{name:<30}{stat['median']:>14.0f}{stat['min']:>10.0f}{stat['max']:>10.0f}")
    print(f"KeitaroClient.call / raw pooled httpx = {result['client_vs_raw']:.2f} (target ≥ 0.90)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    outcome = asyncio.run(main(args.requests, args.concurrency, args.rounds))
    report(outcome)
    print("saved", save("client", outcome))
