"""Every read action of the catalog is one menu away too, downloads arrive as files."""

from __future__ import annotations

import io
import zipfile

from bot.forms.codes import code_of, resource_index
from bot.ui.callbacks import WriteMenuCb
from keitaro.catalog import ACTIONS, Access
from tests.bot_world import BotWorld
from tests.test_bot_writes_catalog import buttons, open_action, press_data


async def test_every_read_action_is_offered_in_its_resources_menu(world: BotWorld) -> None:
    anna = await world.connected_user()
    missing = []
    for name in sorted(n for n, a in ACTIONS.items() if a.access is Access.READ):
        await anna.send("/actions")
        await press_data(anna, WriteMenuCb(r=resource_index(ACTIONS[name].resource)).pack())
        _, found = buttons(anna)
        if not any(b.get("callback_data", "").startswith(f"wa:f:{code_of(name)}:") for b in found):
            missing.append(name)
    assert missing == []


async def test_a_landing_downloads_as_a_zip(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "landing_pages.download")
    await anna.send("1")
    done = await anna.click("Send")
    document = next(m for m in done.messages if "document" in m)
    content = world.telegram.file(document["document"]["file_id"]).content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "index.html" in archive.namelist()
    assert "bytes" in done.text


async def test_a_file_of_a_landing_can_be_read(world: BotWorld) -> None:
    anna = await world.connected_user()
    await open_action(anna, "landing_pages.get_file")
    await anna.send("1")
    await anna.send("index.html")
    done = await anna.click("Send")
    assert "html" in done.text.lower()
