"""Names from the tracker cannot attack the buyer: no formula in a CSV cell, no reversed line.

A campaign name is whatever somebody typed into the tracker (a teammate, a compromised account,
an imported feed). Opened in Excel, ``=HYPERLINK(...)`` runs; shown in Telegram, an unclosed
RIGHT-TO-LEFT OVERRIDE turns the rest of the line around (the ROI and the profit after it).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from bot.emulator.markup import button_labels
from bot.ui.bidi import EMBEDDINGS, ISOLATES, PDF, PDI, terminate_bidi
from tests.bot_world import BotWorld

RLO = "\u202e"
FORMULAS = ('=HYPERLINK("http://evil.example","open")', "@SUM(A1:A9)", "+1+1", "-2+3", "\tx")


def open_controls_at_line_ends(text: str) -> list[str]:
    """The lines of ``text`` that end with an embedding, override or isolate still open."""
    bad = []
    for line in text.split("\n"):
        stack: list[str] = []
        for ch in line:
            if ch in EMBEDDINGS or ch in ISOLATES:
                stack.append(ch)
            elif ch == PDF and stack and stack[-1] in EMBEDDINGS:
                stack.pop()
            elif ch == PDI and any(c in ISOLATES for c in stack):
                while stack and stack.pop() not in ISOLATES:
                    pass
        if stack:
            bad.append(line)
    return bad


def everything_shown(messages: list[dict[str, Any]]) -> list[str]:
    parts = []
    for message in messages:
        parts.append(message.get("text") or message.get("caption") or "")
        parts += [label for row in button_labels(message.get("reply_markup")) for label in row]
    return parts


def campaigns_with_traffic(world: BotWorld, count: int) -> list[dict[str, Any]]:
    store = world.sandbox.state
    with_clicks = {click.campaign_id for click in store.clicks[-500:]}
    return [c for c in store.campaigns.list() if c["id"] in with_clicks][:count]


async def test_csv_cells_that_a_sheet_would_run_are_defused(world: BotWorld) -> None:
    targets = campaigns_with_traffic(world, len(FORMULAS))
    for campaign, name in zip(targets, FORMULAS, strict=True):
        campaign["name"] = name
    anna = await world.connected_user()
    await anna.send("/stats 30d")
    screen = await anna.click("CSV")
    document = next(message for message in screen.messages if message.get("document"))
    content = world.telegram.file(document["document"]["file_id"]).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    names = {row["campaign"] for row in rows}
    for name in FORMULAS:
        assert "'" + name in names, name
        assert name not in names
    # numbers stay numbers: a loss is still a negative number a sheet can add up
    profits = [float(row["profit"]) for row in rows]
    assert any(value < 0 for value in profits)
    assert not any(row["profit"].startswith("'") for row in rows)


async def test_a_right_to_left_override_in_a_name_is_closed_where_it_is_shown(
    world: BotWorld,
) -> None:
    target = campaigns_with_traffic(world, 1)[0]
    target["name"] = f"{RLO}A reffO | ED"
    anna = await world.connected_user()
    shown: list[str] = []
    menu = await anna.send("/campaigns")
    shown += everything_shown(menu.messages)
    card = await anna.click(f"#{target['id']}") if f"#{target['id']}" in menu else None
    if card is None:  # not on the first page: search for it
        await anna.click("Search")
        found = await anna.send("reffO")
        shown += everything_shown(found.messages)
        card = await anna.click(f"#{target['id']}")
    shown += everything_shown(card.messages)
    stats = await anna.send("/stats 30d")
    shown += everything_shown(stats.messages)
    assert any(RLO in part for part in shown), "the name should be shown as it is"
    for part in shown:
        assert open_controls_at_line_ends(part) == [], part


def test_terminate_bidi_closes_what_a_value_opens() -> None:
    assert terminate_bidi("plain") == "plain"
    assert terminate_bidi(f"{RLO}abc") == f"{RLO}abc{PDF}"
    assert terminate_bidi(f"{RLO}a{PDF}b") == f"{RLO}a{PDF}b"
    nested = terminate_bidi("\u2067x\u202by")  # an isolate with an embedding inside
    assert open_controls_at_line_ends(nested) == []
    two_lines = terminate_bidi(f"{RLO}a\nb")
    assert open_controls_at_line_ends(two_lines) == []
    assert two_lines.endswith("b")
