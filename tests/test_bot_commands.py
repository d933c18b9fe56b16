"""Every command is answered, listed under "/" in every language and named in /help."""

from __future__ import annotations

import re

import pytest
from aiogram import Router
from aiogram.filters import Command, CommandStart

from bot.commands import COMMANDS
from bot.i18n import LANGUAGES, Translator
from tests.bot_world import BotWorld


def handled_commands(router: Router) -> set[str]:
    """The commands the dispatcher's message handlers answer (its real routers)."""
    found: set[str] = set()
    for handler in router.message.handlers:
        for item in handler.filters or []:
            command = item.callback
            if isinstance(command, Command) and not isinstance(command, CommandStart):
                found |= {str(c) for c in command.commands}
    for child in router.sub_routers:
        found |= handled_commands(child)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
async def test_help_lists_every_command_and_each_one_is_answered(
    world: BotWorld, language: str
) -> None:
    handled = handled_commands(world.dp)
    help_text = Translator(language)("help")
    named = set(re.findall(r"(?<![<\w])/([a-z_]+)", help_text)) | {"help"}
    assert named == handled, (sorted(named - handled), sorted(handled - named))
    listed = {name for name, _ in COMMANDS[language]}
    assert listed <= handled
    user = await world.connected_user(user_id=3300 + LANGUAGES.index(language), language=language)
    answer = await user.send("/help")
    assert answer.text.startswith(help_text.split("\n")[0].replace("<b>", "").replace("</b>", ""))


async def test_every_command_leaves_a_way_to_the_menu(world: BotWorld) -> None:
    """No dead end: each command's screen has « Menu (or ✖️ Cancel, in a dialog)."""
    t = Translator("en")
    user = await world.connected_user()
    exits = {t.plain("b.menu"), t.plain("b.cancel").split(" ", 1)[-1]}  # "Menu", "Cancel"
    for name in sorted(handled_commands(world.dp) - {"menu"}):
        screen = await user.send(f"/{name}")
        labels = {
            label.split(" ", 1)[-1]  # "« Menu", "❌ Cancel": the word after the mark
            for message in screen.messages
            for row in user.keyboard(message["message_id"])
            for label in row
        }
        assert labels & exits, (name, sorted(labels))
        await user.send("/cancel")
