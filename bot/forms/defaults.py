"""What a form starts from: the entity it is about (named, and its current values for a
change) and sensible values for the common jobs, so they take a tap or two, not six."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.forms.context import FormContext
from bot.forms.entities import fetch_entity, title_of
from bot.forms.form import Form
from keitaro.catalog import Action


def ref_field(action: Action) -> tuple[str, str] | None:
    """The field that names the entity a form is about, and that entity's resource."""
    fields = action.params.model_fields
    if "id" in fields:
        return "id", action.resource
    if "campaign_id" in action.path_fields:
        return "campaign_id", "campaigns"
    return None


def current_values(action: Action, ref: str, row: dict[str, Any]) -> dict[str, Any]:
    """The entity's values of the fields a change (PUT of the entity itself) can set."""
    if action.method != "PUT" or ref not in action.path_fields:
        return {}
    found = {}
    for name, info in action.params.model_fields.items():
        key = info.alias or name
        if name != ref and key in row and row[key] is not None:
            found[name] = row[key]
    return found


def suggested(action: Action, tz: str, row: dict[str, Any] | None) -> dict[str, Any]:
    """Prefilled values the user sees on the confirmation card and may change."""
    if action.name == "campaigns.update_costs":
        try:
            today = datetime.now(ZoneInfo(tz)).strftime("%Y-%m-%d")
        except (KeyError, ValueError):
            today, tz = datetime.now().strftime("%Y-%m-%d"), "UTC"
        return {
            "start_date": f"{today} 00:00",
            "end_date": f"{today} 23:59",
            "timezone": tz,
            "currency": (row or {}).get("cost_currency") or "USD",
        }
    return {}


async def prefill(ctx: FormContext, form: Form) -> None:
    """Name the entity, read its current values and suggest the rest."""
    action = form.spec
    ref = ref_field(action)
    row = None
    if ref is not None and isinstance(form.values.get(ref[0]), int):
        row = await fetch_entity(ctx, ref[1], form.values[ref[0]])
        form.title = title_of(ref[1], row)
        if row:
            form.current = current_values(action, ref[0], row)
    for name, value in suggested(action, ctx.user.timezone or "UTC", row).items():
        form.values.setdefault(name, value)
