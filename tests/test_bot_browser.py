"""Browsing every resource from the chat, big trackers, stale buttons, failing trackers."""

from __future__ import annotations

import pytest

from bot.emulator import EmulatedUser
from bot.ui.callbacks import BrowseCb
from bot.ui.views import ENTITY_VIEWS, TABLE_VIEWS, VIEWS, EntityView
from tests.bot_world import BotWorld

#: text that means a screen failed instead of showing data
FAILURE_MARKS = ("❌", "💥", "out of date")


def assert_fine(screen: object) -> None:
    text = str(screen)
    assert text, "the bot stayed silent"
    assert not any(mark in text for mark in FAILURE_MARKS), text


async def open_view(user: EmulatedUser, code: str) -> object:
    """Open a view from the menu message, as its menu button does."""
    view = VIEWS[code]
    await user.send("/menu")
    op = "l" if isinstance(view, EntityView) else "t"
    return await user.click_data(BrowseCb(op=op, view=code).pack(), user.messages[-1]["message_id"])


async def test_every_resource_is_reachable_from_the_menus(world: BotWorld) -> None:
    anna = await world.connected_user()
    menu = await anna.send("/menu")
    for label in (
        "📊 Stats",
        "🎯 Campaigns",
        "🔀 Streams",
        "💼 Offers",
        "🧾 Conversions",
        "🖱 Clicks",
    ):
        assert label in menu.buttons
    more = await anna.click("More")
    for label in (
        "📄 Landings", "📣 Traffic sources", "🌐 Domains", "🗂 Groups", "🧩 Filters",
        "🤖 Bots (IP list)", "🚫 Blacklist", "📮 Postbacks", "👤 Users", "📜 Logs",
        "🤝 Affiliate networks", "⚙️ Tracker settings",
    ):  # fmt: skip
        assert label in more.buttons
    settings = await anna.click("Tracker settings")
    assert {"⚙️ AVScan", "⚙️ IMKLO", "📘 Facebook integrations"} <= set(settings.buttons)
    assert anna.unanswered == []


@pytest.mark.parametrize("view", [v.code for v in ENTITY_VIEWS])
async def test_each_entity_view_lists_opens_a_card_and_all_fields(
    world: BotWorld, view: str
) -> None:
    anna = await world.connected_user()
    screen = await open_view(anna, view)
    assert_fine(screen)
    if VIEWS[view].parent_view:  # a campaign first, for its streams
        screen = await anna.click("#1")
        assert_fine(screen)
    if VIEWS[view].arg_choices:  # a kind first, for groups
        screen = await anna.press(1)
        assert_fine(screen)
    first = next(b for b in screen.buttons if b.startswith("#"))
    card = await anna.click(first)
    assert_fine(card)
    assert "200" not in card.text.splitlines()[-1]  # no HTTP status on a buyer's card
    assert '{"' not in card.text and "[{" not in card.text  # structures read as lines
    fields = await anna.click("All fields")
    assert_fine(fields)
    assert "<b>" not in fields.text  # tags rendered, not shown
    assert anna.unanswered == []


@pytest.mark.parametrize(
    "view", [v.code for v in TABLE_VIEWS if not v.parent_param or v.parent_view]
)
async def test_each_table_view_shows_rows(world: BotWorld, view: str) -> None:
    anna = await world.connected_user()
    await world.services.trackers.set_postback_key(
        anna.user["id"], (await world.services.trackers.list(anna.user["id"]))[0].id, "e89bcbe"
    )
    screen = await open_view(anna, view)
    assert_fine(screen)
    table = VIEWS[view]
    if table.parent_view:
        screen = await anna.click("#1")
        assert_fine(screen)
    if table.arg_choices:
        screen = await anna.press(1)
        assert_fine(screen)
    assert "page 1 of" in screen.text
    assert "Details" in " ".join(screen.buttons)


async def test_related_entities_are_one_tap_away(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#1")
    streams = await anna.click("Streams")
    assert "🔀 Streams · #1" in streams.text
    stream = await anna.click(next(b for b in streams.buttons if b.startswith("#")))
    assert "Offers" in stream.text
    offer_button = next(b for b in stream.buttons if b.startswith("💼 Offer #"))
    offer = await anna.click(offer_button)
    assert f"#{offer_button.split('#')[1]}" in offer.text
    assert "Payout" in offer.text
    await anna.click("Back")
    campaign = await anna.click_data(
        next(
            button["callback_data"]
            for row in stream.messages[-1]["reply_markup"]["inline_keyboard"]
            for button in row
            if button["text"].endswith("Campaign")
        ),
        stream.messages[-1]["message_id"],
    )
    assert "#1" in campaign.text and "✅ 200" not in campaign.text


async def test_a_slow_tracker_shows_typing(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.sandbox.faults.latency = 1.3
    screen = await anna.send("/campaigns")
    assert "typing" in screen.actions
    assert "Campaigns" in screen.text


async def test_details_show_the_request_with_the_key_masked(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    await anna.click("#1")
    details = await anna.click("Details")
    assert "campaigns.get" in details.text
    assert "/admin_api/v1/campaigns/1" in details.text
    assert "Api-Key" in details.text
    assert world.sandbox.api_key not in details.text
    assert "***" in details.text


async def test_long_details_arrive_as_a_document(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    details = await anna.click("Details")
    document = details.messages[-1]
    assert "document" in document
    content = world.telegram.file(document["document"]["file_id"]).content
    assert b'"resource": "campaigns"' in content
    assert document["document"]["file_name"] == "campaigns.list.json"
    assert world.sandbox.api_key.encode() not in content


async def test_a_tracker_with_5000_campaigns(world: BotWorld) -> None:
    for n in range(5_000):
        world.sandbox.state.campaigns.create(
            {"name": f"Bulk {n:04d} | PUSH | BR", "alias": f"bulk{n:04d}x"}
        )
    anna = await world.connected_user()
    first = await anna.send("/campaigns")
    assert "of 503" in first.text or "of 502" in first.text
    assert len(first.text) < 4096
    for _ in range(3):
        page = await anna.click("Next")
        assert_fine(page)
    assert "page 4 of" in page.text
    await anna.click("Search")
    found = await anna.send("Bulk 4321")
    assert "Bulk 4321 | PUSH | BR" in found.text
    assert "page 1 of 1" in found.text
    by_id = await anna.click("Search")
    assert by_id is not None
    exact = await anna.send("#3")
    assert "#3" in exact.text
    assert "page 1 of 1" in exact.text


async def test_a_stale_card_button_after_the_campaign_was_archived(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    list_message = anna.messages[-1]["message_id"]
    world.sandbox.state.campaigns.archive(2)
    gone = await anna.click("#2", message_id=list_message)
    assert "no longer exists" in gone.text
    back = await anna.click("Back")
    assert_fine(back)


async def test_a_stale_page_beyond_the_end_shows_the_last_page(world: BotWorld) -> None:
    anna = await world.connected_user()
    await anna.send("/campaigns")
    screen = await anna.click_data(
        BrowseCb(op="l", view="cm", page=40).pack(), anna.messages[-1]["message_id"]
    )
    assert "page 3 of 3" in screen.text


async def test_forged_and_unknown_buttons_get_an_answer(world: BotWorld) -> None:
    anna = await world.connected_user()
    menu = await anna.send("/menu")
    message_id = menu.messages[-1]["message_id"]
    unknown = await anna.click_data("b:l:zz:0:0:0::0", message_id)
    assert "out of date" in unknown.text
    garbage = await anna.click_data("something-else", message_id)
    assert garbage.texts or garbage.alerts
    assert anna.unanswered == []


async def test_a_failing_tracker_is_explained_with_a_retry(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.sandbox.faults.fail_5xx = 10
    failed = await anna.send("/campaigns")
    assert "server error" in failed.text
    assert "🔄 Retry" in failed.buttons
    world.sandbox.faults.reset()
    world.services.cache.forget(1)
    retried = await anna.click("Retry")
    assert_fine(retried)
    assert "Campaigns" in retried.text


async def test_an_empty_list_of_a_restricted_key_is_explained(world: BotWorld) -> None:
    anna = world.user()
    await anna.send(f"/connect {world.sandbox.url} {world.sandbox.restricted_key}")
    await anna.send("/menu")
    await anna.click("More")
    domains = await anna.click("Domains")
    assert "restricted" in domains.text
    await anna.send("/menu")
    await anna.click("More")
    users = await anna.click("Users")
    assert "no permission" in users.text


async def test_a_bug_in_the_bot_still_gets_an_answer(world: BotWorld, monkeypatch) -> None:
    anna = await world.connected_user()

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(world.services.results, "put", broken)
    screen = await anna.send("/campaigns")
    assert "went wrong on my side" in screen.text
    assert anna.unanswered == []
