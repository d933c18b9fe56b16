"""The tracker's own entities for forms: one entity by id (to name it, and to start an update
from its current values) and the lists an id field is picked from."""

from __future__ import annotations

from typing import Any

from bot.forms.context import FormContext
from bot.forms.fields import RESOURCE_VIEWS
from bot.ui.views import VIEWS, EntityView
from keitaro import KeitaroError
from keitaro.catalog import ACTIONS

Row = dict[str, Any]
#: which groups a resource's ``group_id`` picks from
GROUP_TYPES = {
    "campaigns": "campaigns",
    "offers": "offers",
    "landing_pages": "landings",
    "domains": "domains",
}


def view_of(resource: str) -> EntityView | None:
    view = VIEWS.get(RESOURCE_VIEWS.get(resource, ""))
    return view if isinstance(view, EntityView) else None


def _rows(data: Any) -> list[Row]:
    return [row for row in data if isinstance(row, dict)] if isinstance(data, list) else []


async def fetch_entity(ctx: FormContext, resource: str, entity_id: int) -> Row | None:
    """The entity, or None when it cannot be read (gone, no permission, tracker down)."""
    view = view_of(resource)
    if view is None or not entity_id:
        return None
    try:
        if view.get_action:
            result = await ctx.call(view.get_action, {"id": entity_id})
            return result.data if isinstance(result.data, dict) else None
        rows = await list_rows(ctx, view, {})
    except KeitaroError:
        return None
    return next((row for row in rows if row.get("id") == entity_id), None)


async def list_rows(ctx: FormContext, view: EntityView, values: dict[str, Any]) -> list[Row]:
    """A view's entities, scoped the way the form allows; views that need a kind (groups)
    list every kind unless the form says which."""
    args = [""]
    if view.arg_choices:
        wanted = values.get("__group_type")
        args = [wanted] if wanted else list(view.arg_choices)
    rows: list[Row] = []
    for arg in args:
        params = view.list_params(int(values.get(view.parent_param or "", 0) or 0), arg)
        result = await ctx.call(view.list_action, params, cached=True)
        rows += _rows(result.data)
    return rows


async def pick_rows(ctx: FormContext, action_name: str, view_code: str, values: dict) -> list[Row]:
    """What an id field of ``action_name`` offers: archived entities to restore, otherwise the
    live ones; a list that needs a parent (a campaign's streams) needs it in the form."""
    action = ACTIONS[action_name]
    deleted = f"{action.resource}.list_deleted"
    if action.operation == "restore" and deleted in ACTIONS:
        return _rows((await ctx.call(deleted, {}, cached=True)).data)
    view = VIEWS.get(view_code)
    if not isinstance(view, EntityView):
        return []
    if view.parent_view and not values.get(view.parent_param or ""):
        return []
    scope = dict(values)
    if view.code == "gr" and action.resource in GROUP_TYPES:
        scope["__group_type"] = GROUP_TYPES[action.resource]
    rows = await list_rows(ctx, view, scope)
    return [row for row in rows if row.get("state") != "deleted" and row.get("id") is not None]


def title_of(resource: str, row: Row | None) -> str:
    if not row:
        return ""
    view = view_of(resource)
    return view.title(row) if view else str(row.get("name") or row.get("login") or "")
