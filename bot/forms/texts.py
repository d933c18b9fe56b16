"""What a form calls its fields: the label, hint and example of each field, and the label of
each choice, from the catalog of field texts (``bot/i18n/<language>_fields.py``).

Keys: ``fl.<name>`` (label), ``fh.<name>`` (hint), ``fx.<name>`` (example), ``fc.<name>.<value>``
(a choice). Where a name means different things in different resources (a campaign's ``type``
is its rotation, a stream's its kind), ``fl.<resource>.<name>`` comes first. A field missing
from the catalog shows a readable form of its name rather than the API's: the completeness
test (tests/test_form_texts.py) keeps that from happening.
"""

from __future__ import annotations

from typing import Any

from bot.forms.fields import FieldSpec
from bot.i18n import Translator
from keitaro.catalog import Action


def _key(t: Translator, prefix: str, resource: str, name: str) -> str | None:
    for key in (f"{prefix}.{resource}.{name}", f"{prefix}.{name}"):
        if key in t.catalog:
            return key
    return None


def label(t: Translator, action: Action, spec: FieldSpec) -> str:
    """The field's name for people ("Payout", "Daily cap"): plain text, for buttons too."""
    return name_label(t, action, spec.name)


def name_label(t: Translator, action: Action, name: str) -> str:
    """A field's (or a nested value's) name for people, by its API name."""
    key = _key(t, "fl", action.resource, name)
    return t.plain(key) if key else name.strip("_").replace("_", " ").capitalize()


def place(t: Translator, action: Action, loc: tuple[Any, ...]) -> str:
    """Where in a payload a problem is, in words: "Offers › #2 › Share", not ``offers.1.share``."""
    parts = [f"#{part + 1}" if isinstance(part, int) else name_label(t, action, str(part))
             for part in loc]  # fmt: skip
    return " › ".join(parts)


def hint(t: Translator, action: Action, spec: FieldSpec) -> str:
    """What the value does and what to enter (HTML)."""
    key = _key(t, "fh", action.resource, spec.name)
    return t(key) if key else ""


def example(t: Translator, action: Action, spec: FieldSpec) -> str:
    """A value the user could type (HTML-escaped)."""
    key = _key(t, "fx", action.resource, spec.name)
    return t(key) if key else ""


def choice(t: Translator, spec: FieldSpec, value: Any) -> str:
    """A choice's button label: "Yes"/"No" for flags, the catalog's label for the rest."""
    if value is True:
        return t.plain("form.yes")
    if value is False:
        return t.plain("form.no")
    if value is None:
        return "—"
    key = f"fc.{spec.name}.{value}"
    return t.plain(key) if key in t.catalog else str(value)
