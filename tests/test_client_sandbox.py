"""How the client copes with a tracker that misbehaves, restricts or is slow (sandbox faults)."""

from __future__ import annotations

import logging

import pytest

from keitaro import KeitaroClient, errors
from keitaro.sandbox import Sandbox
from keitaro.transport import HttpPool, Timeouts
from tests.conftest import API_KEY, RESTRICTED_KEY


async def test_a_restricted_key_gets_403_with_a_reason_and_explained_empty_lists(
    sandbox: Sandbox, pool: HttpPool
) -> None:
    client = KeitaroClient(sandbox.url, RESTRICTED_KEY, pool=pool)
    with pytest.raises(errors.PermissionDeniedError) as caught:
        await client.call("users.list")
    assert "permission" in caught.value.reason
    domains = await client.call("domains.list")
    assert domains.data == []
    assert "restricted" in domains.warnings[0]
    visible = {c["id"] for c in (await client.call("campaigns.list")).data}
    everything = {
        c["id"]
        for c in (await KeitaroClient(sandbox.url, API_KEY, pool=pool).call("campaigns.list")).data
    }
    assert visible < everything


async def test_a_wrong_key_is_a_bad_key(sandbox: Sandbox, pool: HttpPool) -> None:
    with pytest.raises(errors.AuthenticationError) as caught:
        await KeitaroClient(sandbox.url, "not-the-key-0000000000", pool=pool).check()
    assert caught.value.status_code == 401


async def test_a_read_rides_out_a_short_outage(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.fail_5xx = 2
    result = await KeitaroClient(sandbox.url, API_KEY, pool=pool, backoff=0.01).call("offers.list")
    assert result.success
    assert sandbox.count("GET", "/offers") == 3


async def test_a_write_during_an_outage_is_sent_once(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.fail_5xx = 1
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, backoff=0.01)
    with pytest.raises(errors.ServerError):
        await client.call("campaigns.disable", id=1)
    assert sandbox.count("POST", "/campaigns/1/disable") == 1
    assert sandbox.state.campaigns.get(1)["state"] == "active"


async def test_a_wrong_panel_address_is_named(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.html = True
    with pytest.raises(errors.NotKeitaroError) as caught:
        await KeitaroClient(sandbox.url, API_KEY, pool=pool).check()
    assert "panel address" in caught.value.reason


async def test_cloudflare_in_front_is_named(sandbox: Sandbox, pool: HttpPool) -> None:
    sandbox.faults.cloudflare = True
    with pytest.raises(errors.CloudflareBlockedError):
        await KeitaroClient(sandbox.url, API_KEY, pool=pool).check()


async def test_a_slow_tracker_times_out(sandbox: Sandbox) -> None:
    sandbox.faults.latency = 1.0
    async with HttpPool(timeouts=Timeouts(read=0.3)) as impatient:
        client = KeitaroClient(sandbox.url, API_KEY, pool=impatient, retries=0)
        with pytest.raises(errors.TrackerTimeoutError):
            await client.call("campaigns.list")


async def test_a_big_landing_file_fits(sandbox: Sandbox, pool: HttpPool) -> None:
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    landing = next(
        item for item in (await client.call("landing_pages.list")).data
        if item.get("landing_type") == "local" or item.get("action_type") == "local_file"
    )  # fmt: skip
    page = "<html>" + "x" * 60_000 + "</html>"
    await client.call("landing_pages.update_file", id=landing["id"], path="index.html", data=page)
    got = await client.call("landing_pages.get_file", id=landing["id"], path="index.html")
    assert got.data["data"] == page


async def test_keys_in_settings_never_reach_the_logged_urls(
    sandbox: Sandbox, pool: HttpPool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    await client.call("integrations.avscan_set", avscan_key="avscan-secret-123456789")
    assert (await client.call("integrations.avscan_get")).data["avscan_key"]
    assert "avscan-secret-123456789" not in caplog.text
