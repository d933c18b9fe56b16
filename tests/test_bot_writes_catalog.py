"""Every write action of the catalog, performed from the chat through the form engine.

Each scenario opens the action from ``/actions`` (resource → action), pastes its payload in
the form's JSON mode, confirms, and checks the sandbox tracker's own state. The helpers here
(buttons found by their callback data) serve the other write tests too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.emulator import EmulatedUser
from bot.emulator.user import Screen
from bot.forms.codes import WRITE_ACTIONS, code_of, is_one_tap, resource_index
from bot.ui.callbacks import WriteCb, WriteMenuCb
from keitaro.catalog import ACTIONS, Access
from keitaro.sandbox.store import Store
from tests.bot_world import BotWorld, done_said

# --- driving ------------------------------------------------------------------------------------


def buttons(user: EmulatedUser) -> tuple[int, list[dict[str, Any]]]:
    """The newest keyboard's message id and its buttons."""
    for message in reversed(user.messages):
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        if rows:
            return message["message_id"], [b for row in rows for b in row]
    raise AssertionError("no keyboard in the chat")


async def press_data(user: EmulatedUser, prefix: str) -> Screen:
    """Press the newest keyboard's button whose callback data starts with ``prefix``."""
    message_id, found = buttons(user)
    matches = [b for b in found if b.get("callback_data", "").startswith(prefix)]
    assert len(matches) == 1, (prefix, [(b["text"], b.get("callback_data")) for b in found])
    return await user.click_data(matches[0]["callback_data"], message_id)


async def open_action(user: EmulatedUser, name: str) -> Screen:
    """/actions → the resource → the action: the form's first screen."""
    action = ACTIONS[name]
    await user.send("/actions")
    await press_data(user, WriteMenuCb(r=resource_index(action.resource)).pack())
    op = "r" if is_one_tap(action) else "f"
    packed = WriteCb(op=op, a=code_of(name), id=0).pack()
    return await press_data(user, packed.rsplit(":", 1)[0] + ":")  # any tracker id


# --- scenarios ----------------------------------------------------------------------------------

Check = Callable[[Store], bool]
Setup = Callable[[Store], None]


def days_ago(days: int, time: str = "00:00") -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d") + f" {time}"


PERIOD = {"start_date": days_ago(31), "end_date": days_ago(-1, "23:59"), "timezone": "UTC"}


def cost_of(store: Store, campaign_id: int) -> float:
    return sum(c.cost for c in store.clicks if c.campaign_id == campaign_id)


def stream_of(store: Store, campaign_id: int = 1) -> int:
    return min(s["id"] for s in store.streams.all() if s["campaign_id"] == campaign_id)


def named(collection_items: list[dict[str, Any]], name: str, key: str = "name") -> bool:
    return any(item.get(key) == name for item in collection_items)


def set_state(resource: str, entity_id: int | Callable[[Store], int], state: str) -> Setup:
    def setup(store: Store) -> None:
        target = entity_id(store) if callable(entity_id) else entity_id
        store.collections[resource].set_state(target, state)

    return setup


def no_setup(store: Store) -> None:
    return None


#: action → (payload, setup, the tracker's state afterwards)
SCENARIOS: dict[str, tuple[dict[str, Any] | Callable[[Store], dict], Setup, Check]] = {
    "campaigns.create": ({"name": "Chat | DE | New"}, no_setup,
                         lambda s: named(s.campaigns.list(), "Chat | DE | New")),
    "campaigns.update": ({"id": 2, "name": "Renamed"}, no_setup,
                         lambda s: s.campaigns.get(2)["name"] == "Renamed"),
    "campaigns.archive": ({"id": 2}, no_setup, lambda s: s.campaigns.get(2)["state"] == "deleted"),
    "campaigns.restore": ({"id": 23}, no_setup, lambda s: s.campaigns.get(23)["state"] == "active"),
    "campaigns.clone": ({"id": 1}, no_setup, lambda s: len(s.campaigns.items) == 27),
    "campaigns.enable": ({"id": 5}, no_setup, lambda s: s.campaigns.get(5)["state"] == "active"),
    "campaigns.disable": ({"id": 1}, no_setup,
                          lambda s: s.campaigns.get(1)["state"] == "disabled"),
    "campaigns.update_costs": ({"id": 1, **PERIOD, "cost": "100", "currency": "USD"}, no_setup,
                               lambda s: abs(cost_of(s, 1) - 100) < 0.01),
    "streams.create": (
        {"campaign_id": 1, "name": "Chat stream",
         "offers": [{"offer_id": 1, "share": 70}, {"offer_id": 2, "share": 30}]},
        no_setup,
        lambda s: any(st["name"] == "Chat stream" and len(st["offers"]) == 2
                      for st in s.streams.list()),
    ),
    "streams.update": (lambda s: {"id": stream_of(s), "weight": 7}, no_setup,
                       lambda s: s.streams.get(stream_of(s))["weight"] == 7),
    "streams.archive": (lambda s: {"id": stream_of(s, 2)}, no_setup,
                        lambda s: s.streams.get(stream_of(s, 2))["state"] == "deleted"),
    "streams.restore": (lambda s: {"id": stream_of(s, 3)},
                        set_state("streams", lambda s: stream_of(s, 3), "deleted"),
                        lambda s: s.streams.get(stream_of(s, 3))["state"] == "active"),
    "streams.enable": (lambda s: {"id": stream_of(s)}, set_state("streams", stream_of, "disabled"),
                       lambda s: s.streams.get(stream_of(s))["state"] == "active"),
    "streams.disable": (lambda s: {"id": stream_of(s)}, no_setup,
                        lambda s: s.streams.get(stream_of(s))["state"] == "disabled"),
    "landing_pages.create": ({"name": "Chat landing"}, no_setup,
                             lambda s: named(s.landing_pages.list(), "Chat landing")),
    "landing_pages.update": ({"id": 4, "name": "L4"}, no_setup,
                             lambda s: s.landing_pages.get(4)["name"] == "L4"),
    "landing_pages.archive": ({"id": 4}, no_setup,
                              lambda s: s.landing_pages.get(4)["state"] == "deleted"),
    "landing_pages.clone": ({"id": 4}, no_setup, lambda s: len(s.landing_pages.items) == 9),
    "landing_pages.add_file": ({"id": 1, "path": "new.html"}, no_setup,
                               lambda s: "new.html" in s.files[("landing_pages", 1)]),
    "landing_pages.update_file": (
        {"id": 1, "path": "index.html", "data": "<p>new</p>"}, no_setup,
        lambda s: s.files[("landing_pages", 1)]["index.html"] == "<p>new</p>",
    ),
    "landing_pages.remove_file": ({"id": 1, "path": "index.html"}, no_setup,
                                  lambda s: "index.html" not in s.files[("landing_pages", 1)]),
    "offers.create": ({"name": "Chat offer", "payout_value": 12.5}, no_setup,
                      lambda s: any(o["name"] == "Chat offer" and o["payout_value"] == 12.5
                                    for o in s.offers.list())),
    "offers.update": ({"id": 3, "payout_value": "4,2"}, no_setup,
                      lambda s: s.offers.get(3)["payout_value"] == 4.2),
    "offers.archive": ({"id": 3}, no_setup, lambda s: s.offers.get(3)["state"] == "deleted"),
    "offers.clone": ({"id": 3}, no_setup, lambda s: len(s.offers.items) == 16),
    "offers.add_file": ({"id": 15, "path": "new.html"}, no_setup,
                        lambda s: "new.html" in s.files[("offers", 15)]),
    "offers.update_file": ({"id": 15, "path": "index.html", "data": "x"}, no_setup,
                           lambda s: s.files[("offers", 15)]["index.html"] == "x"),
    "offers.remove_file": ({"id": 15, "path": "index.html"}, no_setup,
                           lambda s: "index.html" not in s.files[("offers", 15)]),
    "traffic_sources.create": ({"name": "Chat source"}, no_setup,
                               lambda s: named(s.traffic_sources.list(), "Chat source")),
    "traffic_sources.update": ({"id": 2, "traffic_loss": 5}, no_setup,
                               lambda s: s.traffic_sources.get(2)["traffic_loss"] == 5),
    "traffic_sources.archive": ({"id": 2}, no_setup,
                                lambda s: s.traffic_sources.get(2)["state"] == "deleted"),
    "traffic_sources.clone": ({"id": 2}, no_setup, lambda s: len(s.traffic_sources.items) == 7),
    "affiliate_networks.create": ({"name": "Chat network"}, no_setup,
                                  lambda s: named(s.affiliate_networks.list(), "Chat network")),
    "affiliate_networks.update": ({"id": 2, "offer_param": "sub1={subid}"}, no_setup,
                                  lambda s: s.affiliate_networks.get(2)["offer_param"]
                                  == "sub1={subid}"),
    "affiliate_networks.archive": ({"id": 2}, no_setup,
                                   lambda s: s.affiliate_networks.get(2)["state"] == "deleted"),
    "affiliate_networks.clone": ({"id": 2}, no_setup,
                                 lambda s: len(s.affiliate_networks.items) == 5),
    "domains.create": ({"name": "chat.example.com"}, no_setup,
                       lambda s: named(s.domains.list(), "chat.example.com")),
    "domains.update": ({"id": 1, "notes": "from the chat"}, no_setup,
                       lambda s: s.domains.get(1)["notes"] == "from the chat"),
    "domains.archive": ({"id": 2}, no_setup, lambda s: s.domains.get(2)["state"] == "deleted"),
    "domains.restore": ({"id": 2}, set_state("domains", 2, "deleted"),
                        lambda s: s.domains.get(2)["state"] == "active"),
    "domains.check": ({"id": 1}, lambda s: s.domains.update(1, {"network_status": "error"}),
                      lambda s: s.domains.get(1)["network_status"] == "active"),
    "groups.create": ({"name": "Chat group", "type": "offers"}, no_setup,
                      lambda s: named(s.groups.list(), "Chat group")),
    "groups.update": ({"id": 1, "name": "FB"}, no_setup,
                      lambda s: s.groups.get(1)["name"] == "FB"),
    "groups.delete": ({"id": 11}, no_setup, lambda s: s.groups.get(11) is None),
    "users.create": ({"login": "newbie", "new_password": "pass-1234"}, no_setup,
                     lambda s: named(s.users.list(), "newbie", "login")),
    "users.update": ({"id": 2, "type": "ADMIN"}, no_setup,
                     lambda s: s.users.get(2)["type"] == "ADMIN"),
    "users.delete": ({"id": 2}, no_setup, lambda s: s.users.get(2) is None),
    "users.update_access": (
        {"id": 2, "access_data": {"campaigns_access_type": "read_only"}}, no_setup,
        lambda s: s.users.get(2)["access_data"].get("campaigns_access_type") == "read_only",
    ),
    "botlist.replace": ({"value": "9.9.9.9"}, no_setup, lambda s: s.botlist == ["9.9.9.9"]),
    "botlist.add": ({"value": "8.8.8.8"}, no_setup, lambda s: "8.8.8.8" in s.botlist),
    "botlist.exclude": ({"value": "1.2.3.4"}, no_setup, lambda s: "1.2.3.4" not in s.botlist),
    "botlist.clear": ({}, no_setup, lambda s: s.botlist == []),
    "blacklist.set": (
        {"campaign_id": 1, "ref_name": "sub_id_1", "items": {"zone-7": "blacklist"}}, no_setup,
        lambda s: s.labels.get((1, "sub_id_1")) == {"zone-7": "blacklist"},
    ),
    "clicks.update_costs": (
        {"campaign_ids": [1], "costs": [{**PERIOD, "cost": "50", "currency": "USD"}]},
        no_setup,
        lambda s: abs(cost_of(s, 1) - 50) < 0.01,
    ),
    "clicks.clean": ({**PERIOD, "campaign_id": 1}, no_setup,
                     lambda s: not any(c.campaign_id == 1 for c in s.clicks)),
    "postbacks.set": (
        {"campaign_id": 1, "postbacks": [{"url": "https://ts.example/pb?c={subid}"}]}, no_setup,
        lambda s: [p["url"] for p in s.campaigns.get(1)["postbacks"]]
        == ["https://ts.example/pb?c={subid}"],
    ),
    "logs.clean": ({"type": "system"}, lambda s: s.log("system", "something happened"),
                   lambda s: s.logs["system"] == []),
    "integrations.avscan_set": ({"avscan_key": "av-123"}, no_setup,
                                lambda s: s.integrations["avscan_key"] == "av-123"),
    "integrations.imklo_set": ({"imklo_api_url": "https://imklo.example/v2"}, no_setup,
                               lambda s: s.integrations["imklo_api_url"]
                               == "https://imklo.example/v2"),
    "integrations.facebook_create": (
        {"name": "FB 2", "ad_account_id": "act_2", "token": "EAAB-2"}, no_setup,
        lambda s: named(s.facebook.list(), "FB 2"),
    ),
    "integrations.facebook_update": ({"id": 1, "name": "FB main"}, no_setup,
                                     lambda s: s.facebook.get(1)["name"] == "FB main"),
    "integrations.facebook_delete": ({"id": 1}, no_setup, lambda s: s.facebook.get(1) is None),
    "integrations.facebook_add_campaign": ({"id": 1, "campaign_id": 5}, no_setup,
                                           lambda s: 5 in s.facebook.get(1)["_campaign_ids"]),
    "integrations.facebook_remove_campaign": (
        {"id": 1, "campaign_id": 1}, no_setup,
        lambda s: 1 not in s.facebook.get(1)["_campaign_ids"],
    ),
}  # fmt: skip
#: the conversion dialog covers these
ELSEWHERE = {"conversions.create", "postbacks.send"}


def test_every_write_action_has_a_scenario() -> None:
    assert set(SCENARIOS) == set(WRITE_ACTIONS) - ELSEWHERE


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_every_write_action_from_the_chat(world: BotWorld, name: str) -> None:
    payload, setup, check = SCENARIOS[name]
    store = world.sandbox.state
    setup(store)
    body = payload(store) if callable(payload) else payload
    assert not check(store), "the scenario must change something"
    anna = await world.connected_user()
    await open_action(anna, name)
    await press_data(anna, "fm:j:")
    confirm = await anna.send(json.dumps(body))
    destroy = ACTIONS[name].access is Access.DESTROY
    assert ("⚠️" in confirm.text) == destroy, confirm.text
    done = await press_data(anna, "fm:y:")
    assert done_said(done.text), done.text
    assert check(store), done.text
    assert await anna.state() is None
    assert anna.unanswered == []
