"""Latency of ``report/build`` on the seeded sandbox (25,000 clicks over 30 days).

Measures the report a digest and /stats ask for most: the last 30 days grouped by day and
campaign, in a non-UTC time zone, with the usual measures and a summary. End to end through
``KeitaroClient.call`` to a sandbox in its own process.

    python -m bench.bench_report [--runs 50]
"""

from __future__ import annotations

import argparse
import asyncio
import time

from bench.common import API_KEY, describe, sandbox_process, save
from keitaro import HttpPool, KeitaroClient

MEASURES = [
    "clicks",
    "campaign_unique_clicks",
    "conversions",
    "leads",
    "sales",
    "revenue",
    "cost",
    "profit",
    "roi",
    "cr",
    "epc",
]
MOSCOW_30_DAYS = {"interval": "30_days_ago", "timezone": "Europe/Moscow"}
REPORTS = {
    "30 days × day × campaign": {"dimensions": ["day", "campaign"], "range": MOSCOW_30_DAYS},
    "today × hour": {"dimensions": ["hour"], "range": {"interval": "today", "timezone": "UTC"}},
    "30 days × sub_id_1 (top 100)": {
        "dimensions": ["sub_id_1"], "range": {"interval": "30_days_ago", "timezone": "UTC"},
        "sort": [{"name": "profit", "order": "DESC"}], "limit": 100,
    },
}  # fmt: skip


async def main(runs: int) -> dict[str, object]:
    results: dict[str, object] = {}
    with sandbox_process() as url:
        async with HttpPool() as pool:
            client = KeitaroClient(url, API_KEY, pool=pool)
            for name, params in REPORTS.items():
                samples = []
                rows = 0
                for _ in range(runs):
                    started = time.perf_counter()
                    result = await client.call(
                        "reports.build", measures=MEASURES, summary=True, **params
                    )
                    samples.append((time.perf_counter() - started) * 1000)
                    rows = len(result.data["rows"])
                results[name] = {"rows": rows, "ms": describe(samples)}
    return {"runs": runs, "clicks": 25_000, "reports": results}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    outcome = asyncio.run(main(parser.parse_args().runs))
    print(f"{'report':<32}{'rows':>6}{'median ms':>11}{'p90 ms':>9}")
    for name, stat in outcome["reports"].items():  # type: ignore[union-attr]
        ms = stat["ms"]
        print(f"{name:<32}{stat['rows']:>6}{ms['median']:>11.1f}{ms['p90']:>9.1f}")
    print("target: median under 100 ms for 30 days × day × campaign")
    print("saved", save("report", outcome))
