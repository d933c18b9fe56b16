"""Every text exists in Russian, English and Ukrainian, with the same placeholders and plural
forms that fit the language, and every key the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import CATALOGS, Translator, language_for, placeholders
from bot.ui.errors import KNOWN_CODES
from bot.ui.views import ENTITY_VIEWS, TABLE_VIEWS, VIEWS, EntityView, TableView

BOT = Path(__file__).resolve().parents[1] / "bot"
LITERAL_KEY = re.compile(r"""\bt(?:\.plain)?\(\s*["']([a-z_]+\.[a-z_.]+|[a-z_]+)["']""")


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_every_language_has_the_same_keys_and_placeholders(language: str) -> None:
    other, en = CATALOGS[language], CATALOGS["en"]
    assert sorted(set(en) - set(other)) == [] and sorted(set(other) - set(en)) == []
    for key in en:
        assert placeholders(other[key]) == placeholders(en[key]), key


PLURAL = re.compile(r"\{\w+:p:([^}]*)\}")


@pytest.mark.parametrize(("language", "forms"), [("en", 2), ("ru", 3), ("uk", 3)])
def test_counted_words_have_the_languages_plural_forms(language: str, forms: int) -> None:
    for key, text in CATALOGS[language].items():
        for spec in PLURAL.findall(text):
            assert len(spec.split("|")) == forms, (language, key, spec)


def test_counts_take_the_right_word() -> None:
    ru, uk, en = Translator("ru"), Translator("uk"), Translator("en")
    said = [ru.plain("digest.scope_count", count=n) for n in (1, 3, 5, 11, 21, 22)]
    assert said == [
        "1 кампания", "3 кампании", "5 кампаний", "11 кампаний", "21 кампания", "22 кампании"
    ]  # fmt: skip
    assert uk.plain("digest.scope_count", count=2) == "2 кампанії"
    assert en.plain("digest.scope_count", count=1) == "1 campaign"
    assert en.plain("digest.scope_count", count="1 245") == "1 245 campaigns"


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
    assert language_for("uk") == "uk"
    assert language_for("uk-UA") == "uk"
    assert language_for("be") == "ru"
    assert language_for("de") == "en"
    assert language_for(None, "en") == "en"
