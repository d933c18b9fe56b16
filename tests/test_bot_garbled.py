"""A tracker that garbles its answers (ids that are no numbers, numbers as "n/a" or "12,5",
nulls, stray values among records) never ends a screen in "something went wrong": each
screen shows what it could read and says, once and in the user's language, what it could
not. The sandbox's ``garble`` fault does the garbling (``keitaro/sandbox/garble.py``)."""

from __future__ import annotations

import pytest

from bot.emulator import EmulatedUser
from bot.i18n import Translator
from bot.ui.callbacks import BrowseCb
from keitaro.models import tidy_entities
from keitaro.reports import normalize_grid
from keitaro.result import Unreadable
from tests.bot_world import BotWorld
from tests.conversion_helpers import payout_auto_click, ready_user, settle

BROKEN = Translator("en").plain("e.internal")
PARTIAL = Translator("en").plain("reading.partial")


async def walk(anna: EmulatedUser, sub_id: str) -> dict[str, str]:
    """Every screen a buyer opens in a day, by name."""
    screens = {
        "menu": (await anna.send("/menu")).text,
        "today": (await anna.send("/stats")).text,
        "week": (await anna.send("/stats 7d")).text,
        "digest": (await anna.send("/digest now")).text,
        "click": (await anna.send(f"/click {sub_id}")).text,
    }
    await anna.send("/stats")
    screens["report"] = (await anna.click("Build report")).text
    screens["campaigns"] = (await anna.send("/campaigns")).text
    screens["card"] = (
        await anna.click_data(
            BrowseCb(op="c", view="cm", id=1).pack(), anna.messages[-1]["message_id"]
        )
    ).text
    screens["offers"] = (await anna.send("/offers")).text
    screens["streams"] = (await anna.send("/streams")).text  # campaigns to choose from
    return screens


@pytest.mark.parametrize("modes", ["ids", "numbers", "nulls", "rows", "ids,numbers,nulls,rows"])
async def test_no_screen_breaks_on_a_garbled_tracker(world: BotWorld, modes: str) -> None:
    anna = await ready_user(world)
    click = payout_auto_click(world)
    await anna.send(f"/conversion {click.sub_id} sale 25")
    await anna.click("Send")
    await settle(world)
    world.sandbox.faults.garble = modes
    screens = await walk(anna, click.sub_id)
    for name, text in screens.items():
        assert BROKEN not in text, f"{name}: {text}"
        assert text.count(PARTIAL) <= 1, f"{name} says it twice: {text}"
    told = [name for name, text in screens.items() if PARTIAL in text]
    if "numbers" in modes or "nulls" in modes:  # report rows and their totals are garbled
        assert {"today", "week", "digest", "report"} <= set(told), told
    if "ids" in modes or "rows" in modes:  # the lists lose entries
        assert {"campaigns", "offers", "streams"} <= set(told), told
    # what could be read is still there
    assert "Campaigns" in screens["campaigns"] and "#3" in screens["campaigns"]
    assert "Clicks" in screens["today"]


async def test_unreadable_numbers_show_as_missing_not_as_zero(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.sandbox.faults.garble = "nulls"
    today = (await anna.send("/stats 7d")).text
    # the totals that came as null show as a dash, with the note, never as a made-up 0
    totals = today.split("\n\n")[0].splitlines()[1:]
    assert any("—" in line for line in totals), today
    assert "Numbers not read (missing from the totals):" in today
    assert not any(line.rstrip().endswith("ROI") for line in today.splitlines()), today


async def test_entries_without_a_usable_id_are_left_out_and_counted(world: BotWorld) -> None:
    anna = await world.connected_user()
    world.sandbox.faults.garble = "ids"
    listed = (await anna.send("/campaigns")).text
    assert "Entries left out:" in listed
    # the id that came as the digit string "1" (of the first campaign) is read as 1
    assert "#1 " in listed
    card = await anna.click_data(
        BrowseCb(op="c", view="cm", id=1).pack(), anna.messages[-1]["message_id"]
    )
    assert BROKEN not in card.text and "#1" in card.text


async def test_the_note_speaks_the_users_language(world: BotWorld) -> None:
    ivan = await world.connected_user(language="ru")
    world.sandbox.faults.garble = "rows"
    listed = (await ivan.send("/campaigns")).text
    assert "Часть ответа трекера не удалось прочитать" in listed
    assert "Пропущено записей:" in listed


def test_the_client_counts_what_it_could_not_read() -> None:
    unread = Unreadable()
    grid = normalize_grid(
        {"rows": [{"clicks": "12", "cost": "n/a"}, 7, {"clicks": None, "cost": "1.5"}],
         "summary": {"clicks": "12,5"}},
        unread,
    )  # fmt: skip
    assert grid["rows"] == [{"clicks": 12, "cost": None}, {"clicks": None, "cost": 1.5}]
    assert grid["summary"] == {"clicks": None}
    assert (unread.entries, unread.values) == (1, 3)  # a stray row; n/a, null clicks, 12,5
    unread = Unreadable()
    entities = tidy_entities(
        [{"id": "7", "group_id": "n/a"}, {"id": "abc-"}, "x", {"id": 9, "cost_value": "-"}],
        unread,
    )
    assert entities == [{"id": 7, "group_id": None}, {"id": 9, "cost_value": None}]
    assert (unread.entries, unread.values) == (2, 2)
    assert "2 entries could not be read" in unread.note()
