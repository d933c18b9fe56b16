"""Every text exists in Russian and English, with the same placeholders, and every key the
code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

from bot.i18n import CATALOGS, Translator, language_for, placeholders
from bot.ui.errors import KNOWN_CODES
from bot.ui.views import ENTITY_VIEWS, TABLE_VIEWS, VIEWS, EntityView, TableView

BOT = Path(__file__).resolve().parents[1] / "bot"
LITERAL_KEY = re.compile(r"""\bt(?:\.plain)?\(\s*["']([a-z_]+\.[a-z_.]+|[a-z_]+)["']""")


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    ru, en = CATALOGS["ru"], CATALOGS["en"]
    assert set(ru) == set(en)
    for key in en:
        assert placeholders(ru[key]) == placeholders(en[key]), key


def test_every_key_the_code_uses_exists() -> None:
    used = set()
    for path in (p for p in BOT.rglob("*.py") if "i18n" not in p.parts):
        used |= set(LITERAL_KEY.findall(path.read_text()))
    for view in VIEWS.values():
        used.add(view.label)
        if isinstance(view, EntityView):
            used |= {field.label for field in view.card} | {link.label for link in view.links}
        used |= {f"arg.{choice}" for choice in view.arg_choices}
        if isinstance(view, TableView) and view.shape == "grid":
            used |= {f"col.{column}" for column in view.columns}
    used |= {f"e.{code}" for code in KNOWN_CODES} | {
        f"state.{s}" for s in ("active", "disabled", "deleted")
    }
    missing = sorted(key for key in used if key not in CATALOGS["en"])
    assert not missing
    assert len(ENTITY_VIEWS) + len(TABLE_VIEWS) == len(VIEWS)


def test_values_are_escaped_so_a_name_cannot_break_a_message() -> None:
    t = Translator("en")
    assert "&lt;b&gt;" in t("connect.done", name="<b>")


def test_telegram_languages_map_to_ours() -> None:
    assert language_for("ru-RU") == "ru"
    assert language_for("uk") == "ru"
    assert language_for("de") == "en"
    assert language_for(None, "en") == "en"
