"""The command list Telegram shows under "/", in each language; every one is answered
(tests/test_bot_commands.py checks the list, /help and the handlers agree)."""

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
        ("live", "Live conversion feed"),
        ("alerts", "Alert rules"),
        ("alert", "New alert rule (also in one line)"),
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
        ("live", "Живая лента конверсий"),
        ("alerts", "Правила алертов"),
        ("alert", "Новое правило алерта (и одной строкой)"),
        ("connect", "Подключить трекер"),
        ("trackers", "Ваши трекеры"),
        ("settings", "Настройки"),
        ("lang", "Язык"),
        ("help", "Что умеет бот"),
        ("cancel", "Выйти из диалога"),
    ],
    "uk": [
        ("menu", "Цифри за сьогодні й усі розділи"),
        ("campaigns", "Кампанії"),
        ("stats", "Статистика"),
        ("conversion", "Записати конверсію"),
        ("click", "Шлях кліку"),
        ("costs", "Завантажити витрати з CSV"),
        ("actions", "Створити, змінити, архівувати"),
        ("digest", "Зведення за розкладом"),
        ("live", "Жива стрічка конверсій"),
        ("alerts", "Правила алертів"),
        ("alert", "Нове правило алерту (і одним рядком)"),
        ("connect", "Підключити трекер"),
        ("trackers", "Ваші трекери"),
        ("settings", "Налаштування"),
        ("lang", "Мова"),
        ("help", "Що вміє бот"),
        ("cancel", "Вийти з діалогу"),
    ],
}


def command_list(language: str) -> list[BotCommand]:
    return [BotCommand(command=name, description=text) for name, text in COMMANDS[language]]


async def register_commands(bot: Bot) -> None:
    """English is the default list; Russian- and Ukrainian-speaking users get theirs."""
    await bot.set_my_commands(command_list("en"))
    await bot.set_my_commands(command_list("ru"), language_code="ru")
    await bot.set_my_commands(command_list("uk"), language_code="uk")
