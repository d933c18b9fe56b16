"""The report dialect: the sandbox's Keitaro 9 mode, the probe, the client's self-correction;
the AVScan key in the query (masked); and the fields real trackers do not send."""

from __future__ import annotations

import logging

import pytest

from keitaro import KeitaroClient
from keitaro.dialect import detect_report_dialect, missing_measures
from keitaro.sandbox import Sandbox
from keitaro.transport import HttpPool
from tests.conftest import API_KEY, Recorder

TODAY = {"range": {"interval": "today"}, "limit": 100}


def builds(recorder: Recorder) -> list[dict]:
    return [e.body for e in recorder.exchanges if e.path.endswith("/report/build")]


async def test_a_legacy_sandbox_reads_only_grouping_and_metrics(
    sandbox: Sandbox, pool: HttpPool
) -> None:
    sandbox.faults.report_dialect = "legacy"
    raw = pool.client
    url = f"{sandbox.url}/admin_api/v1/report/build"
    headers = {"Api-Key": API_KEY}
    newer = (
        await raw.post(url, json={**TODAY, "dimensions": ["country"], "measures": ["cost"]},
                       headers=headers)
    ).json()  # fmt: skip
    assert newer["rows"] and all(set(row) == {"clicks"} for row in newer["rows"])  # the $0.00
    older = (
        await raw.post(url, json={**TODAY, "grouping": ["country"], "metrics": ["cost"]},
                       headers=headers)
    ).json()  # fmt: skip
    assert older["rows"] and all(set(row) == {"country", "cost"} for row in older["rows"])
    sandbox.faults.report_dialect = "dimensions"
    only_new = (
        await raw.post(url, json={**TODAY, "grouping": ["country"], "metrics": ["cost"]},
                       headers=headers)
    ).json()  # fmt: skip
    assert "country" not in only_new["rows"][0] and "clicks" in only_new["rows"][0]
    answer = await raw.post(
        f"{sandbox.url}/_sandbox/faults", json={"report_dialect": "v8"}, headers=headers
    )
    assert answer.status_code == 400 and sandbox.faults.report_dialect == "dimensions"


@pytest.mark.parametrize(("mode", "expected"), [("", "dimensions"), ("legacy", "legacy")])
async def test_the_probe_tells_the_dialect(
    sandbox: Sandbox, pool: HttpPool, recorder: Recorder, mode: str, expected: str
) -> None:
    sandbox.faults.report_dialect = mode
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    assert await detect_report_dialect(client) == expected
    assert client.report_dialect == expected
    assert len(builds(recorder)) == (2 if mode else 1)


async def test_the_probe_never_raises(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.fail_5xx = 10
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, retries=0)
    assert await detect_report_dialect(client) is None


async def test_the_client_switches_once_and_says_so(
    sandbox: Sandbox, pool: HttpPool, recorder: Recorder
) -> None:
    sandbox.faults.report_dialect = "legacy"
    told: list[str] = []

    async def keep(dialect: str) -> None:
        told.append(dialect)

    client = KeitaroClient(
        sandbox.url, API_KEY, pool=pool, report_dialect="dimensions", on_report_dialect=keep
    )
    params = {**TODAY, "dimensions": ["campaign_id"], "measures": ["clicks", "cost", "profit"]}
    first = await client.call("reports.build", params)
    assert first.data["rows"] and all("cost" in row for row in first.data["rows"])
    assert client.report_dialect == "legacy" and told == ["legacy"]
    assert first.request.body["metrics"] == ["clicks", "cost", "profit"]
    sent = builds(recorder)
    assert [("measures" in b, "metrics" in b) for b in sent] == [(True, False), (False, True)]
    await client.call("reports.build", params)
    assert len(builds(recorder)) == 3 and told == ["legacy"]  # straight in the right dialect


async def test_an_unknown_dialect_is_told_when_the_default_is_proved(
    sandbox: Sandbox, pool: HttpPool
) -> None:
    told: list[str] = []

    async def keep(dialect: str) -> None:
        told.append(dialect)

    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, on_report_dialect=keep)
    for _ in range(2):
        await client.call("reports.build", {**TODAY, "measures": ["clicks", "cost"]})
    assert told == ["dimensions"]


async def test_a_measure_the_tracker_lacks_is_no_reason_to_switch(
    sandbox: Sandbox, pool: HttpPool, recorder: Recorder
) -> None:
    """A newer tracker drops a measure it does not know (``rebills`` on one 2026 tracker):
    asked the other way the answer is no better, so the dialect stays, and is asked once."""
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    params = {**TODAY, "measures": ["clicks", "cost", "no_such_measure"]}
    for _ in range(2):
        result = await client.call("reports.build", params)
        assert "cost" in result.data["rows"][0]
    assert client.report_dialect == "dimensions"
    assert len(builds(recorder)) == 3  # asked again the first time only


async def test_a_failing_keeper_does_not_fail_the_report(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.report_dialect = "legacy"

    async def broken(dialect: str) -> None:
        raise RuntimeError("database is locked")

    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, on_report_dialect=broken)
    result = await client.call("reports.build", {**TODAY, "measures": ["cost"]})
    assert "cost" in result.data["rows"][0] and client.report_dialect == "legacy"


def test_what_an_answer_proves() -> None:
    assert missing_measures(["cost"], {"rows": [], "total": 0}) is None  # no traffic
    assert missing_measures(["cost"], {"rows": [], "summary": {"clicks": 0}}) == {"cost"}
    assert missing_measures(["cost"], {"rows": [], "summary": {"cost": None}}) == set()
    rows = [{"clicks": 1}, {"clicks": 2, "cost": None}]  # one row garbled: the key is known
    assert missing_measures(["clicks", "cost"], {"rows": rows}) == set()
    assert missing_measures([], {"rows": rows}) is None


# --- AVScan -----------------------------------------------------------------------------------


async def test_the_avscan_key_goes_in_the_query_masked_everywhere(
    sandbox: Sandbox, pool: HttpPool, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "avscan-secret-123456789"
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    result = await client.call("integrations.avscan_set", avscan_key=secret)
    [sent] = [e for e in recorder.exchanges if e.path.endswith("/integrations/avscan")]
    assert sent.method == "PUT" and sent.query == {"avscan_key": secret} and sent.body is None
    assert sandbox.runtime.store.integrations["avscan_key"] == secret
    assert secret not in str(result.request) and secret not in repr(result.request.query)
    assert result.request.query["avscan_key"] != secret
    assert secret not in result.request.url
    assert "avscan_key=" in caplog.text and secret not in caplog.text  # httpx's request line


# --- fields real trackers do not send -----------------------------------------------------------


async def test_the_sandbox_sends_only_what_trackers_send(
    sandbox: Sandbox, client: KeitaroClient, pool: HttpPool
) -> None:
    users = (await client.call("users.list")).data
    for user in users:
        assert not {"rules", "permissions", "key_count", "keyCount", "created_at"} & set(user)
        assert "updated_at" not in user and "state" in user
        assert set(user["preferences"]) <= {"language", "timezone"}
    streams = (await client.call("streams.list", campaign_id=1)).data
    assert streams and all("created_at" not in s and "updated_at" in s for s in streams)
    made = await client.call(
        "streams.create", campaign_id=1, name="New", type="regular", schema="redirect",
        action_type="http",
    )  # fmt: skip
    assert "created_at" not in made.data
    domains = (await client.call("domains.list")).data
    assert all("wildcard" in d for d in domains)  # the published Domain has it
    headers = {"Api-Key": API_KEY}
    cleaned = await pool.client.delete(f"{sandbox.url}/admin_api/v1/logs/system", headers=headers)
    assert cleaned.status_code == 200 and cleaned.content == b""
    tied = await pool.client.post(
        f"{sandbox.url}/admin_api/v1/integrations/facebook/1/campaign",
        json={"campaign_id": 1},
        headers=headers,
    )
    assert tied.status_code == 200 and tied.content == b""
    grid = f"{sandbox.url}/admin_api/v1/clicks/log"
    refused = await pool.client.post(
        grid, json={**TODAY, "columns": ["is_unique_global"]}, headers=headers
    )
    assert refused.status_code == 400
    conversions = await pool.client.post(
        f"{sandbox.url}/admin_api/v1/conversions/log",
        json={**TODAY, "columns": ["currency"]},
        headers=headers,
    )
    assert conversions.status_code == 400
