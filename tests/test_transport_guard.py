"""Internal addresses are never reached: checked on the address of every connection.

The tracker is a real server on loopback; "DNS" is played by replacing
``keitaro.netguard.resolve``, the resolver both the connect-time check and the connection
guard use.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from bot.services.netguard import PrivateAddressError, ensure_public
from keitaro import KeitaroClient, errors, netguard
from keitaro.sandbox import Sandbox
from keitaro.transport import HttpPool, Timeouts
from tests.bot_world import BotWorld
from tests.scripted_server import Answer, ScriptedServer

KEY = "k3y-f0r-guard-tests-0123456789abcdef"
PUBLIC = "93.184.216.34"


@pytest.fixture
async def server() -> AsyncIterator[ScriptedServer]:
    srv = ScriptedServer()
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def guarded() -> AsyncIterator[HttpPool]:
    async with HttpPool(allow_private=False, timeouts=Timeouts(connect=2, read=2)) as pool:
        yield pool


class Dns:
    """Answers for host names, one list per lookup (the last one repeats); records lookups."""

    def __init__(self, **names: list[list[str]]) -> None:
        self.names = names
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int | None = None) -> list[str]:
        self.lookups.append(host)
        if host not in self.names:
            return [host]  # an IP literal resolves to itself
        answers = self.names[host]
        return answers.pop(0) if len(answers) > 1 else answers[0]


def port_of(url: str) -> int:
    return httpx.URL(url).port or 80


def assert_safe(error: errors.KeitaroError) -> None:
    assert error.request is not None
    assert KEY not in str(error) and KEY not in repr(error)
    assert KEY not in json.dumps(error.request.to_dict(), default=str)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("172.31.255.254", False),
        ("192.168.1.1", False),
        ("127.0.0.1", False),
        ("127.8.8.8", False),
        ("100.64.0.1", False),  # carrier-grade NAT: neither private nor global
        ("169.254.169.254", False),  # cloud metadata
        ("0.0.0.0", False),
        ("255.255.255.255", False),
        ("224.0.0.1", False),  # multicast, which ipaddress calls global
        ("192.0.0.192", False),  # IETF protocol assignments: global to Python 3.11
        ("192.88.99.1", False),  # the retired 6to4 relay anycast
        ("198.18.0.1", False),  # benchmarking
        ("240.0.0.1", False),  # reserved
        ("::", False),
        ("::1", False),
        ("fe80::1%eth0", False),  # link-local with a zone id
        ("fc00::1", False),
        ("fec0::1", False),  # deprecated site-local
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:10.0.0.1", False),
        ("::127.0.0.1", False),  # IPv4-compatible (deprecated)
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
        ("64:ff9b:1::808:808", False),  # local-use NAT64: goes wherever the site says
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("2002:a9fe:a9fe::1", False),  # 6to4 of 169.254.169.254
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
        ("not an address", False),
        ("8.8.8.8", True),
        ("1.1.1.1", True),
        ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True),
        ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8
        ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
    ],
)
def test_only_global_unicast_addresses_are_public(address: str, public: bool) -> None:
    assert netguard.is_public_address(address) is public


async def test_a_loopback_tracker_is_refused_at_call_time(
    server: ScriptedServer, guarded: HttpPool
) -> None:
    client = KeitaroClient(server.url, KEY, pool=guarded)
    with pytest.raises(errors.PrivateAddressError) as caught:
        await client.call("campaigns.list")
    error = caught.value
    assert error.code == "private_address" and not error.retryable
    assert "127.0.0.1" in error.reason
    assert_safe(error)
    assert server.seen == []


async def test_a_host_that_later_resolves_to_loopback_is_refused(
    server: ScriptedServer, guarded: HttpPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    dns = Dns(**{"trk.example.com": [["127.0.0.1"]]})
    monkeypatch.setattr(netguard, "resolve", dns)
    client = KeitaroClient(f"http://trk.example.com:{port_of(server.url)}", KEY, pool=guarded)
    with pytest.raises(errors.PrivateAddressError) as caught:
        await client.call("campaigns.list")
    assert "trk.example.com" in caught.value.reason
    assert_safe(caught.value)
    assert server.seen == []
    assert dns.lookups == ["trk.example.com"]  # refused once, not retried like a slow read


async def test_dns_rebinding_is_caught_at_connection(
    server: ScriptedServer, guarded: HttpPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Public when the user connects the tracker, loopback when the request connects."""
    dns = Dns(**{"rebind.example.com": [[PUBLIC], ["127.0.0.1"]]})
    monkeypatch.setattr(netguard, "resolve", dns)
    url = f"http://rebind.example.com:{port_of(server.url)}"
    await ensure_public(url, allow_private=False)  # the early check is satisfied
    with pytest.raises(errors.PrivateAddressError):
        await KeitaroClient(url, KEY, pool=guarded).call("campaigns.list")
    assert dns.lookups == ["rebind.example.com", "rebind.example.com"]
    assert server.seen == []


async def test_one_private_record_among_public_ones_is_enough_to_refuse(
    server: ScriptedServer, guarded: HttpPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(netguard, "resolve", Dns(**{"mixed.example": [[PUBLIC, "127.0.0.1"]]}))
    url = f"http://mixed.example:{port_of(server.url)}"
    with pytest.raises(PrivateAddressError):
        await ensure_public(url, allow_private=False)
    with pytest.raises(errors.PrivateAddressError):
        await KeitaroClient(url, KEY, pool=guarded).call("campaigns.list")
    assert server.seen == []


@pytest.fixture
def loopback_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], bool]:
    """Lets the guarded pool reach the loopback server, as it would reach a public tracker."""
    real = netguard.is_public_address

    def public(address: str | netguard.IPAddress) -> bool:
        return str(address) == "127.0.0.1" or real(address)

    monkeypatch.setattr(netguard, "is_public_address", public)
    return public


@pytest.mark.usefixtures("loopback_counts_as_public")
async def test_an_allowed_address_is_connected_to_under_the_host_name(
    server: ScriptedServer, guarded: HttpPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(netguard, "resolve", Dns(**{"trk.example.com": [["127.0.0.1"]]}))
    port = port_of(server.url)
    server.reply(Answer(200, [{"id": 1, "name": "Main"}]))
    result = await KeitaroClient(f"http://trk.example.com:{port}", KEY, pool=guarded).call(
        "campaigns.list"
    )
    assert result.data[0]["name"] == "Main"
    assert server.seen[0].headers["Host"] == f"trk.example.com:{port}"


@pytest.mark.usefixtures("loopback_counts_as_public")
async def test_redirects_stay_unfollowed_through_the_guard(
    server: ScriptedServer, guarded: HttpPool
) -> None:
    server.reply(Answer(302, "", headers={"Location": "http://169.254.169.254/latest/"}))
    with pytest.raises(errors.NotKeitaroError) as caught:
        await KeitaroClient(server.url, KEY, pool=guarded).call("campaigns.list")
    assert "169.254.169.254" in caught.value.reason
    assert len(server.seen) == 1


async def test_a_name_that_does_not_resolve_is_unreachable(
    guarded: HttpPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_such_host(host: str, port: int | None = None) -> list[str]:
        raise OSError(-2, "Name or service not known")

    monkeypatch.setattr(netguard, "resolve", no_such_host)
    client = KeitaroClient("http://gone.example.com", KEY, pool=guarded, retries=0)
    with pytest.raises(errors.ConnectionFailedError) as caught:
        await client.call("campaigns.list")
    assert_safe(caught.value)


async def test_carrier_grade_nat_is_refused_when_connecting_a_tracker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(netguard, "resolve", Dns(**{"cgnat.example": [["100.64.0.7"]]}))
    with pytest.raises(PrivateAddressError):
        await ensure_public("http://cgnat.example", allow_private=False)
    await ensure_public("http://cgnat.example", allow_private=True)


async def test_the_default_pool_and_a_given_transport_are_left_alone(
    server: ScriptedServer,
) -> None:
    server.default = Answer(200, [])
    async with HttpPool() as pool:
        assert not pool.guarded
        await KeitaroClient(server.url, KEY, pool=pool).call("campaigns.list")
    transport = httpx.AsyncHTTPTransport()
    async with HttpPool(transport=transport, allow_private=False) as pool:
        assert not pool.guarded
        await KeitaroClient(server.url, KEY, pool=pool).call("campaigns.list")
    assert len(server.seen) == 2


async def test_a_stored_tracker_is_refused_once_private_addresses_are_off(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The operator turns ALLOW_PRIVATE_TRACKERS off; a tracker stored before now resolves
    inside the network: the bot says so instead of showing what it found there."""
    monkeypatch.setattr(netguard, "resolve", Dns(**{"trk.example.com": [["127.0.0.1"]]}))
    world = await BotWorld(sandbox, tmp_path, allow_private_trackers=False).start()
    try:
        anna = world.user()
        await anna.send("/start")
        url = f"http://trk.example.com:{port_of(sandbox.url)}"
        tracker = await world.services.trackers.add(anna.user["id"], "Main", url, sandbox.api_key)
        await world.services.users.set_active_tracker(anna.user["id"], tracker.id)
        screen = await anna.send("/campaigns")
        assert "private or local address" in screen.text
        assert "trk.example.com" in screen.text
        assert sandbox.api_key not in screen.text
    finally:
        await world.stop()
