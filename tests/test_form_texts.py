"""Every form speaks the buyer's language: each field of each action has a label, a hint and
an example in every language, each choice a label, and no screen of any form (its questions,
its optional fields, its confirmation) shows an API field name or untranslated text.

The screens are the form engine's own (``bot.forms.screens``), drawn for every field of every
action in the catalog; tests/test_bot_editors.py walks the editors through the dispatcher.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.forms import screens, texts
from bot.forms.editors import editor_for
from bot.forms.fields import FieldSpec, fields_of
from bot.forms.form import Form
from bot.i18n import CATALOGS, LANGUAGES, Translator
from keitaro.catalog import ACTIONS

CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
#: Latin words the Keitaro interface itself uses in Russian and Ukrainian
LATIN_TERMS = re.compile(
    r"^(?:[A-Z]{2,}|IMKLO|AVScan|Sub ID.*|URL.*|Postback URL|Ad account|Click ID|ID.*|"
    r"CPA|CPC|CPM|CPS|CPUC|CPUV|CPV|RevShare|SSL.*|HTTP.*|cURL|IP.*|TID|GET|POST)$"
)
CODE = re.compile(r"<(code|pre)>.*?</\1>", re.DOTALL)


def api_names(action_name: str) -> set[str]:
    """The names a buyer must never see: the action's field names with an underscore."""
    return {s.name for s in fields_of(ACTIONS[action_name]) if "_" in s.name}


def visible(text: str) -> str:
    """What a screen says outside its code samples (JSON examples are API by nature)."""
    return CODE.sub("", text)


def sample(spec: FieldSpec) -> Any:
    """A value of the field's kind, to draw the confirmation with."""
    if spec.kind == "choice":
        return spec.choices[0]
    if spec.kind in ("id",):
        return 3
    if spec.kind in ("ids", "list"):
        return [1, 2] if spec.kind == "ids" else ["DE", "AT"]
    if spec.kind == "json":
        return [{"name": "country", "mode": "accept", "payload": ["DE"]}]
    return "12.5"


ALL_FIELDS = [
    (name, spec) for name, action in sorted(ACTIONS.items()) for spec in fields_of(action)
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_has_a_label_a_hint_and_an_example(language: str) -> None:
    t = Translator(language)
    missing = []
    for name, spec in ALL_FIELDS:
        action = ACTIONS[name]
        for prefix in ("fl", "fh", "fx"):
            keys = (f"{prefix}.{action.resource}.{spec.name}", f"{prefix}.{spec.name}")
            if not any(key in CATALOGS[language] for key in keys):
                missing.append(f"{prefix}.{spec.name} ({name})")
        if spec.kind == "choice":
            for value in spec.choices:
                if not isinstance(value, bool) and f"fc.{spec.name}.{value}" not in t.catalog:
                    missing.append(f"fc.{spec.name}.{value}")
    assert missing == []


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_field_texts_are_translated(language: str) -> None:
    t = Translator(language)
    english = Translator("en")
    for name, spec in ALL_FIELDS:
        action = ACTIONS[name]
        hint = texts.hint(t, action, spec)
        assert CYRILLIC.search(hint), (name, spec.name, hint)
        label = texts.label(t, action, spec)
        assert CYRILLIC.search(label) or LATIN_TERMS.match(label), (name, spec.name, label)
        if not LATIN_TERMS.match(label):
            assert label != texts.label(english, action, spec), (name, spec.name)
        for value in spec.choices if spec.kind == "choice" else ():
            word = texts.choice(t, spec, value)
            assert CYRILLIC.search(word) or LATIN_TERMS.match(word), (name, value, word)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_form_screen_shows_an_api_name(language: str) -> None:
    t = Translator(language)
    leaks = []
    for name, action in sorted(ACTIONS.items()):
        forbidden = api_names(name)
        if not forbidden:
            continue
        specs = fields_of(action)
        form = Form(action=name, values={s.name: sample(s) for s in specs if s.required})
        drawn = []
        for spec in specs:
            form.step, form.field = "ask", spec.name
            if editor_for(name, spec.name) is None:
                drawn.append(screens.ask(t, form, spec, [], lambda row: str(row.get("name"))))
        form.values = {s.name: sample(s) for s in specs}
        drawn += [screens.optional(t, form), screens.confirm(t, form)]
        for screen in drawn:
            shown = visible(screen.text) + " ".join(
                b.text for row in screen.keyboard.inline_keyboard for b in row
            )
            leaks += [f"{name}: {word}" for word in forbidden if re.search(rf"\b{word}\b", shown)]
    assert leaks == []
