"""The command list Telegram shows under "/", in Russian and English."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

COMMANDS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("menu", "Today's numbers and every section"),
        ("campaigns", "Campaigns"),
        ("stats", "Stats"),
        ("conversion", "Record a conversion"),
        ("click", "A click's trail"),
        ("costs", "Upload costs from a CSV"),
        ("actions", "Create, change, archive anything"),
        ("digest", "Scheduled digests"),
        ("connect", "Connect a tracker"),
        ("trackers", "Your trackers"),
        ("settings", "Settings"),
        ("lang", "Language"),
        ("help", "What the bot can do"),
        ("cancel", "Leave the current dialog"),
    ],
    "ru": [
        ("menu", "Цифры за сегодня и все разделы"),
        ("campaigns", "Кампании"),
        ("stats", "Статистика"),
        ("conversion", "Записать конверсию"),
        ("click", "Путь клика"),
        ("costs", "Загрузить расходы из CSV"),
        ("actions", "Создать, изменить, архивировать"),
        ("digest", "Сводки по расписанию"),
        ("connect", "Подключить трекер"),
        ("trackers", "Ваши трекеры"),
        ("settings", "Настройки"),
        ("lang", "Язык"),
        ("help", "Что умеет бот"),
        ("cancel", "Выйти из диалога"),
    ],
}
#: commands of the list that this version answers; the rest arrive with later work
AVAILABLE = frozenset(
    {"menu", "campaigns", "connect", "trackers", "settings", "lang", "help", "cancel"}
    | {"conversion", "click", "costs", "actions", "stats", "digest"}
)


def command_list(language: str) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=text)
        for name, text in COMMANDS[language]
        if name in AVAILABLE
    ]


async def register_commands(bot: Bot) -> None:
    """English is the default list; Russian-speaking users get theirs."""
    await bot.set_my_commands(command_list("en"))
    await bot.set_my_commands(command_list("ru"), language_code="ru")
