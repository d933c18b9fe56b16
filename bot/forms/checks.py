"""Checks beyond one field's type, made before anything is sent."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.forms.texts import place
from bot.i18n import Translator
from bot.ui.format import esc
from bot.ui.validation import explain
from keitaro.catalog import ACTIONS

#: actions whose ``offers`` and ``landings`` are traffic shares that must make a whole
SHARED_OFFERS = frozenset({"streams.create", "streams.update"})
SHARED_FIELDS = ("offers", "landings")


def offer_shares(t: Translator, action: str, offers: Any, field: str = "offers") -> str | None:
    """Active offers (landings) of a stream must share 100% of its traffic; the message says
    how far off."""
    if field not in SHARED_FIELDS or action not in SHARED_OFFERS:
        return None
    if not isinstance(offers, list) or not offers:
        return None
    active = [o for o in offers if isinstance(o, dict) and o.get("state") != "disabled"]
    total = sum(int(o.get("share", 100) or 0) for o in active)
    if active and total != 100:
        return t("form.shares" if field == "offers" else "form.shares_landings", total=total)
    return None


def whole_form(t: Translator, action: str, values: dict[str, Any]) -> list[str]:
    """Problems of the whole payload (the model's own rules and ours): empty when fine."""
    problems = []
    try:
        ACTIONS[action].validate(values)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            at = place(t, ACTIONS[action], tuple(error.get("loc", ())))
            text = explain(t, error)
            problems.append(f"{esc(at)}: {text}" if at else text)
    for field in SHARED_FIELDS:
        shares = offer_shares(t, action, values.get(field), field)
        if shares:
            problems.append(shares)
    return problems
