"""The API key (and the postback key) never show in a result, a log record or an exception."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from keitaro import ApiResult, KeitaroClient, KeitaroError
from keitaro.sandbox import Sandbox
from keitaro.transport import HttpPool
from tests.conftest import API_KEY, POSTBACK_KEY
from tests.test_actions import SCENARIOS


class WatchedClient(KeitaroClient):
    """The real client, keeping every result and error it produced."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[ApiResult | KeitaroError] = []

    async def call(self, *args: Any, **kwargs: Any) -> ApiResult:  # type: ignore[override]
        try:
            result = await super().call(*args, **kwargs)
        except KeitaroError as error:
            self.seen.append(error)
            raise
        self.seen.append(result)
        return result


def shown(item: ApiResult | KeitaroError) -> str:
    """Everything a person or a log could be shown of a result or an error."""
    if isinstance(item, ApiResult):
        return item.to_json() + repr(item)
    text = f"{item}\n{item!r}\n{item.reason}\n{item.args}"
    if item.request is not None:
        text += repr(item.request)
    if item.result is not None:
        text += item.result.to_json()
    return text


def all_logs(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(record.getMessage() + repr(record.args) for record in caplog.records)


UNIQUE_SCENARIOS = {func: name for name, func in sorted(SCENARIOS.items())}


@pytest.mark.parametrize("name", sorted(UNIQUE_SCENARIOS.values()))
async def test_no_action_shows_the_keys(
    name: str, sandbox: Sandbox, pool: HttpPool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = WatchedClient(sandbox.url, API_KEY, postback_key=POSTBACK_KEY, pool=pool)
    await SCENARIOS[name](client, sandbox)
    assert client.seen
    for item in client.seen:
        text = shown(item)
        assert API_KEY not in text
        assert f"/{POSTBACK_KEY}/" not in text
    logs = all_logs(caplog)
    assert API_KEY not in logs
    assert f"/{POSTBACK_KEY}/" not in logs
    assert API_KEY not in repr(client) and API_KEY not in str(client)


async def test_a_key_pasted_into_the_data_is_masked_in_the_result(
    sandbox: Sandbox, pool: HttpPool
) -> None:
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool)
    made = await client.call("campaigns.create", name=f"oops {API_KEY}", notes=API_KEY)
    assert API_KEY not in made.to_json()
    assert "***" in made.request.body["notes"]
    # the tracker itself stored what it was sent: the mask is ours, not a lost write
    campaign = sandbox.state.campaigns.get(made.first()["id"])
    assert campaign["notes"] == API_KEY


async def test_errors_from_a_failing_tracker_do_not_show_the_key(
    sandbox: Sandbox, pool: HttpPool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = KeitaroClient(sandbox.url, API_KEY, pool=pool, retries=0)
    for fault in ({"fail_5xx": 1}, {"html": True}, {"cloudflare": True}):
        sandbox.faults.reset()
        for key, value in fault.items():
            setattr(sandbox.faults, key, value)
        with pytest.raises(KeitaroError) as caught:
            await client.call("campaigns.list")
        assert API_KEY not in shown(caught.value)
    wrong = KeitaroClient(sandbox.url, API_KEY[::-1], pool=pool)
    sandbox.faults.reset()
    with pytest.raises(KeitaroError) as caught:
        await wrong.call("campaigns.list")
    assert API_KEY[::-1] not in shown(caught.value)
    assert API_KEY not in all_logs(caplog) and API_KEY[::-1] not in all_logs(caplog)
