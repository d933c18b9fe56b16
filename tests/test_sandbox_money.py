"""The sandbox's money is rounded like a tracker's decimals: the same clicks give the same
cents whether the report is grouped or not, so every screen's totals agree."""

from __future__ import annotations

from datetime import date, timedelta

from keitaro import KeitaroClient
from keitaro.sandbox.metrics import COST, COUNTERS, MEASURES


def counters_with_cost(cost: float) -> list[float]:
    counters = [0.0] * COUNTERS
    counters[COST] = cost
    return counters


def test_half_a_cent_rounds_up_whatever_the_float_noise() -> None:
    below, above = 40.56499999999999, 40.565000000000005  # one sum in two orders
    assert MEASURES["cost"](counters_with_cost(below)) == 40.57
    assert MEASURES["cost"](counters_with_cost(above)) == 40.57
    assert MEASURES["profit"](counters_with_cost(below)) == -40.57
    assert MEASURES["cost"](counters_with_cost(40.5649)) == 40.56


async def test_grouped_and_ungrouped_totals_agree_to_the_cent(client: KeitaroClient) -> None:
    money = ["revenue", "cost", "profit"]
    for timezone in ("UTC", "Asia/Tokyo", "America/New_York"):
        for day in range(1, 29):
            when = (date.today() - timedelta(days=day)).isoformat()
            span = {"from": when, "to": when, "timezone": timezone}
            totals = []
            for dimensions in ([], ["campaign_id"], ["country", "offer_id"]):
                answer = await client.call("reports.build", {
                    "range": span, "dimensions": dimensions, "measures": money,
                    "summary": True, "limit": 1,
                })  # fmt: skip
                totals.append({name: answer.data["summary"][name] for name in money})
            assert totals[0] == totals[1] == totals[2], (timezone, day, totals)
