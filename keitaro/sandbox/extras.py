"""Handlers of the non-entity actions: grids, costs, clicks cleaning, files of local landings
and offers, the bot list, labels, logs, integrations and the stream vocabulary."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any, get_args

from aiohttp import web

from keitaro.catalog.fields import LogType
from keitaro.sandbox import grid
from keitaro.sandbox.columns import click_columns
from keitaro.sandbox.context import Call
from keitaro.sandbox.errors import ApiError, bad_request, invalid, not_found
from keitaro.sandbox.money import money_field
from keitaro.sandbox.ranges import parse_local, zone
from keitaro.sandbox.store import LOG_TYPES, Click, Entity
from keitaro.sandbox.views import present

Handler = Callable[[Call], Any]
#: what ``/logs/types`` lists: the catalog's log types (the store also keeps "enable_ssl")
LISTED_LOG_TYPES: tuple[str, ...] = get_args(LogType)
COST_FILTER_KEYS = frozenset(
    {"keyword", "cost", "currency", "external_id", "creative_id", "ad_campaign_id", "source",
     *(f"sub_id_{n}" for n in range(1, 31))}
)  # fmt: skip


# --- grids ----------------------------------------------------------------------------------


def report_build(call: Call) -> dict[str, Any]:
    return grid.build_report(
        call.store,
        call.data or call.params,
        call.visible_campaigns(),
        dialect=call.runtime.faults.report_dialect,
    )


def clicks_log(call: Call) -> dict[str, Any]:
    return grid.clicks_log(call.store, call.data or call.params, call.visible_campaigns())


def conversions_log(call: Call) -> dict[str, Any]:
    return grid.conversions_log(call.store, call.data or call.params, call.visible_campaigns())


# --- costs and cleaning ---------------------------------------------------------------------


def _required(params: dict[str, Any], *names: str) -> None:
    missing = {n: [f"{n} is required"] for n in names if params.get(n) in (None, "", [])}
    if missing:
        raise invalid(missing)


def _cost_matches(
    call: Call,
    campaign_ids: set[int],
    start: float,
    end: float,
    filters: Any,
) -> list[Click]:
    tests: list[tuple[Callable[..., Any], set[str]]] = []
    if filters:
        if not isinstance(filters, dict):
            raise invalid({"filters": ["Filters must be an object"]})
        columns = click_columns(call.store)
        for key, value in filters.items():
            if key not in COST_FILTER_KEYS:
                raise invalid({"filters": [f"Unknown filter '{key}'"]})
            if key in ("cost", "currency"):
                continue
            tests.append((columns[key], {v.strip() for v in str(value).split(",")}))
    return [
        c
        for c in call.store.clicks_between(start, end)
        if c.campaign_id in campaign_ids and all(str(get(c, (), 0)) in ok for get, ok in tests)
    ]


def _spread(clicks: list[Click], cost: float, only_uniques: bool) -> None:
    """Replace the cost of ``clicks`` so they sum to ``cost`` (re-sending replaces)."""
    targets = [c for c in clicks if c.is_unique_campaign] if only_uniques else clicks
    if not targets:
        return
    share = cost / len(targets)
    for click in clicks:
        click.cost = 0.0
    for click in targets:
        click.cost = share


def campaign_update_costs(call: Call) -> dict[str, bool]:
    campaign_id = call.path_id()
    if call.store.campaigns.get(campaign_id) is None:
        raise not_found("Campaign")
    call.check_campaign(campaign_id)
    params = call.params
    _required(params, "start_date", "end_date", "cost")
    tz = zone(params.get("timezone"))
    start = parse_local(params["start_date"], tz, end=False)
    end = parse_local(params["end_date"], tz, end=True)
    clicks = _cost_matches(call, {campaign_id}, start, end, params.get("filters"))
    _spread(clicks, money_field(params["cost"], "cost"), call.flag("only_campaign_uniques"))
    return {"success": True}


def clicks_update_costs(call: Call) -> dict[str, bool]:
    params = call.params
    ids = params.get("campaign_ids")
    costs = params.get("costs")
    if not isinstance(ids, list) or not ids:
        raise invalid({"campaign_ids": ["Campaign ids are required"]})
    if not isinstance(costs, list) or not costs:
        raise invalid({"costs": ["Costs empty"]})
    if not all(
        (isinstance(i, int) and not isinstance(i, bool))
        or (isinstance(i, str) and i.strip().isdigit())
        for i in ids
    ):
        raise invalid({"campaign_ids": ["Campaign ids must be integers"]})
    campaign_ids = {int(i) for i in ids}
    for campaign_id in campaign_ids:
        call.check_campaign(campaign_id)
    uniques = call.flag("only_campaign_uniques")
    for entry in costs:
        if not isinstance(entry, dict):
            raise invalid({"costs": ["Each cost must be an object"]})
        _required(entry, "start_date", "end_date", "cost")
        tz = zone(entry.get("timezone") or params.get("timezone"))
        start = parse_local(entry["start_date"], tz, end=False)
        end = parse_local(entry["end_date"], tz, end=True)
        clicks = _cost_matches(call, campaign_ids, start, end, entry.get("filters"))
        _spread(clicks, money_field(entry["cost"], "cost"), uniques)
    return {"success": True}


def clicks_clean(call: Call) -> dict[str, bool]:
    call.admin_only()
    params = call.params
    _required(params, "start_date", "end_date")
    tz = zone(params.get("timezone"))
    start = parse_local(params["start_date"], tz, end=False)
    end = parse_local(params["end_date"], tz, end=True)
    campaign_id = call.int_param("campaign_id")
    doomed = [
        c
        for c in call.store.clicks_between(start, end)
        if campaign_id is None or c.campaign_id == campaign_id
    ]
    call.store.remove_clicks(doomed)
    return {"success": True}


# --- files of local landings and offers -----------------------------------------------------


def _local(call: Call, resource: str) -> tuple[Entity, dict[str, str]]:
    collection = call.store.collections[resource]
    entity = collection.get(call.path_id())
    if entity is None:
        raise not_found(collection.spec.title)
    kind = entity.get("landing_type") or entity.get("offer_type")
    if kind != "local":
        raise bad_request("Only local landing available")
    return entity, call.store.files.setdefault((resource, entity["id"]), {})


def _path(call: Call) -> str:
    path = str(call.params.get("path") or "").strip().lstrip("/")
    if not path or ".." in path.split("/"):
        raise invalid({"path": ["Path is required"]})
    return path


def _tree(name: str, files: dict[str, str]) -> dict[str, Any]:
    root: dict[str, Any] = {"name": name, "type": "root", "ext": "", "path": "", "children": []}
    folders: dict[str, dict[str, Any]] = {"": root}
    for path in sorted(files):
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in folders:
                node = {"name": parts[depth - 1], "type": "folder", "ext": "", "path": folder,
                        "children": []}  # fmt: skip
                folders["/".join(parts[: depth - 1])]["children"].append(node)
                folders[folder] = node
        ext = parts[-1].rsplit(".", 1)[1] if "." in parts[-1] else ""
        folders["/".join(parts[:-1])]["children"].append(
            {"name": parts[-1], "type": "file", "ext": ext, "path": path, "children": []}
        )
    return root


def files_of(resource: str) -> dict[str, Handler]:
    prefix = resource

    def download(call: Call) -> web.Response:
        entity, files = _local(call, resource)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, content in sorted(files.items()):
                archive.writestr(path, content)
        return web.Response(
            body=buffer.getvalue(),
            content_type="application/octet-stream",
            headers={
                "Content-Disposition": f'attachment; filename="{resource}_{entity["id"]}.zip"'
            },
        )

    def structure(call: Call) -> dict[str, Any]:
        entity, files = _local(call, resource)
        folder = (entity.get("action_options") or {}).get("folder") or str(entity["id"])
        return _tree(folder, files)

    def get_file(call: Call) -> dict[str, str]:
        _entity, files = _local(call, resource)
        path = _path(call)
        if path not in files:
            raise not_found("File")
        return {"data": files[path]}

    def add_file(call: Call) -> dict[str, str]:
        _entity, files = _local(call, resource)
        path = _path(call)
        files[path] = str(call.params.get("data") or "")
        return {"path": path}

    def update_file(call: Call) -> dict[str, str]:
        _entity, files = _local(call, resource)
        path = _path(call)
        if "data" not in call.params:
            raise invalid({"data": ["Data is required"]})
        files[path] = str(call.params["data"])
        return {"path": path}

    def remove_file(call: Call) -> dict[str, bool]:
        _entity, files = _local(call, resource)
        path = _path(call)
        if path not in files:
            raise not_found("File")
        del files[path]
        return {"success": True}

    return {
        f"{prefix}.download": download,
        f"{prefix}.get_structure": structure,
        f"{prefix}.get_file": get_file,
        f"{prefix}.add_file": add_file,
        f"{prefix}.update_file": update_file,
        f"{prefix}.remove_file": remove_file,
    }


# --- bot list and labels --------------------------------------------------------------------


def _ips(call: Call) -> list[str]:
    value = call.params.get("value")
    if value in (None, ""):
        raise invalid({"value": ["Value is required"]})
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return [part for part in re.split(r"[\s,]+", str(value)) if part]


def botlist_get(call: Call) -> dict[str, str]:
    return {"value": "\n".join(call.store.botlist)}


def botlist_replace(call: Call) -> dict[str, int]:
    call.admin_only()
    call.store.botlist = list(dict.fromkeys(_ips(call)))
    return {"count": len(call.store.botlist)}


def botlist_add(call: Call) -> dict[str, int]:
    call.admin_only()
    call.store.botlist = list(dict.fromkeys([*call.store.botlist, *_ips(call)]))
    return {"count": len(call.store.botlist)}


def botlist_exclude(call: Call) -> dict[str, int]:
    call.admin_only()
    gone = set(_ips(call))
    call.store.botlist = [ip for ip in call.store.botlist if ip not in gone]
    return {"count": len(call.store.botlist)}


def botlist_clear(call: Call) -> dict[str, int]:
    call.admin_only()
    call.store.botlist = []
    return {"count": 0}


def labels_get(call: Call) -> dict[str, str]:
    campaign_id = call.int_param("campaign_id", required=True)
    ref_name = str(call.params.get("ref_name") or "")
    if not ref_name:
        raise invalid({"ref_name": ["ref_name is required"]})
    assert campaign_id is not None
    call.check_campaign(campaign_id)
    labels = call.store.labels.get((campaign_id, ref_name), {})
    wanted = call.params.get("label_name")
    return {v: label for v, label in labels.items() if not wanted or label == wanted}


def labels_set(call: Call) -> dict[str, bool]:
    campaign_id = call.int_param("campaign_id", required=True)
    ref_name = str(call.params.get("ref_name") or "")
    items = call.params.get("items")
    errors: dict[str, list[str]] = {}
    if not ref_name:
        errors["ref_name"] = ["ref_name is required"]
    if not isinstance(items, dict):
        errors["items"] = ["Items must be an object of value → label"]
    if errors:
        raise invalid(errors)
    assert campaign_id is not None and isinstance(items, dict)
    call.check_campaign(campaign_id)
    labels = call.store.labels.setdefault((campaign_id, ref_name), {})
    for value, label in items.items():
        if isinstance(label, dict):
            label = label.get("value")
        if label in (None, "", "none", "delete"):
            labels.pop(str(value), None)
        elif label in ("blacklist", "whitelist"):
            labels[str(value)] = label
        else:
            raise invalid({"items": [f"Unknown label '{label}'"]})
    return {"success": True}


# --- logs -----------------------------------------------------------------------------------


def _log_type(call: Call) -> str:
    call.admin_only()
    kind = call.request.match_info.get("type", "")
    if kind not in LOG_TYPES:
        raise bad_request(f"Unknown log type '{kind}'")
    return kind


def logs_get(call: Call) -> list[dict[str, str]]:
    if call.request.match_info.get("type") == "types":
        return logs_types(call)  # type: ignore[return-value]
    kind = _log_type(call)
    limit = call.int_param("limit") or 50
    offset = call.int_param("offset") or 0
    query = str(call.params.get("query") or "").lower()
    lines = list(reversed(call.store.logs.get(kind, [])))
    if query:
        lines = [line for line in lines if query in line["message"].lower()]
    return lines[offset : offset + limit]


def logs_clean(call: Call) -> web.Response:
    call.store.logs[_log_type(call)] = []
    return _no_content()  # the spec: 200 "Success", no body


def logs_types(call: Call) -> list[str]:
    call.admin_only()
    return list(LISTED_LOG_TYPES)


# --- integrations ---------------------------------------------------------------------------


def _setting(name: str, *, write: bool) -> Handler:
    def handler(call: Call) -> dict[str, str]:
        call.admin_only()
        if write:
            value = call.params.get(name)
            if value in (None, ""):
                raise invalid({name: [f"{name} is required"]})
            call.store.integrations[name] = str(value)
        return {name: call.store.integrations.get(name, "")}

    return handler


def _facebook(call: Call) -> Entity:
    call.admin_only()
    entity = call.store.facebook.get(call.path_id())
    if entity is None:
        raise not_found("Integration")
    return entity


def _fb_fields(call: Call) -> dict[str, Any]:
    allowed = ("name", "ad_account_id", "token", "proxy_enabled", "proxy")
    return {k: call.params[k] for k in allowed if k in call.params}


def facebook_list(call: Call) -> dict[str, Any]:
    call.admin_only()
    return {"data": [present(call.store, "facebook", e) for e in call.store.facebook.list()]}


def facebook_get(call: Call) -> dict[str, Any]:
    return {"data": present(call.store, "facebook", _facebook(call))}


def facebook_create(call: Call) -> dict[str, Any]:
    call.admin_only()
    data = _fb_fields(call)
    errors = call.store.facebook.validate(data)
    if errors:
        raise invalid(errors)
    return present(call.store, "facebook", call.store.facebook.create(data))


def facebook_update(call: Call) -> dict[str, Any]:
    entity = _facebook(call)
    call.store.facebook.update(entity["id"], _fb_fields(call))
    return {"data": present(call.store, "facebook", entity)}


def facebook_delete(call: Call) -> dict[str, bool]:
    call.store.facebook.delete(_facebook(call)["id"])
    return {"success": True}


def facebook_campaigns(call: Call) -> list[dict[str, Any]]:
    entity = _facebook(call)
    campaigns = call.store.campaigns.items
    return [
        {"name": campaigns[cid]["name"], "value": cid}
        for cid in entity.get("_campaign_ids", [])
        if cid in campaigns
    ]


def _fb_campaign(call: Call) -> tuple[Entity, int]:
    entity = _facebook(call)
    campaign_id = call.int_param("campaign_id", required=True)
    assert campaign_id is not None
    if call.store.campaigns.get(campaign_id) is None:
        raise not_found("Campaign")
    return entity, campaign_id


def facebook_add_campaign(call: Call) -> web.Response:
    entity, campaign_id = _fb_campaign(call)
    ids = entity.setdefault("_campaign_ids", [])
    if campaign_id not in ids:
        ids.append(campaign_id)
    return _no_content()  # the spec: 200 "Successfully added", no body


def facebook_remove_campaign(call: Call) -> web.Response:
    entity, campaign_id = _fb_campaign(call)
    entity["_campaign_ids"] = [i for i in entity.get("_campaign_ids", []) if i != campaign_id]
    return _no_content()  # the spec: 200 "Successfully done", no body


def _no_content() -> web.Response:
    """A 200 with an empty body, as Keitaro answers some writes."""
    return web.Response(status=200)


# --- the stream vocabulary ------------------------------------------------------------------

FILTER_KEYS = (
    "interval", "limit", "parameter", "proxy", "referrer", "schedule", "uniqueness", "source",
    "x_requested_with", "keyword", "search_engine", "ad_campaign_id", "creative_id",
    *(f"sub_id_{n}" for n in range(1, 16)), "bot", "city", "region", "country",
    "connection_type", "empty_referrer", "ip", "ipv_6", "operator", "isp", "browser",
    "browser_version", "device_model", "device_type", "os", "os_version", "user_agent",
    "language", "imklo_detect", "hide_click_detect",
)  # fmt: skip
ACTIONS = (
    ("local_file", "Local file", "payload", "landing"),
    ("http", "HTTP redirect", "url", "redirect"),
    ("curl", "CURL", "url", "other"),
    ("status404", "404 Not found", "", "other"),
    ("show_text", "Show text", "text", "other"),
    ("show_html", "Show HTML", "text", "other"),
    ("campaign", "Send to campaign", "campaign_id", "other"),
    ("do_nothing", "Do nothing", "", "other"),
    ("meta", "Meta redirect", "url", "redirect"),
    ("double_meta", "Double meta redirect", "url", "redirect"),
    ("js", "JS redirect", "url", "redirect"),
    ("js_for_script", "JS for script", "url", "redirect"),
    ("js_for_iframe", "JS for iframe", "url", "redirect"),
    ("blank_referrer", "Blank referrer", "url", "redirect"),
    ("formsubmit", "Form submit", "url", "redirect"),
    ("iframe", "Iframe", "url", "other"),
    ("remote", "Remote", "url", "other"),
    ("frame", "Frame", "url", "other"),
)


def stream_filters(call: Call) -> list[dict[str, Any]]:
    del call
    return [
        {
            "value": key,
            "tooltip": f"Filter by {key.replace('_', ' ')}",
            "modes": {"accept": "Accept", "reject": "Reject"},
            "group": "traffic" if key.startswith("sub_id") else "visitor",
            "template": f"filter-{key}",
            "header_template": None,
            "defaults": None,
        }
        for key in FILTER_KEYS
    ]


def stream_types(call: Call) -> list[dict[str, str]]:
    del call
    return [
        {"value": "regular", "name": "Regular"},
        {"value": "default", "name": "Default"},
        {"value": "forced", "name": "Intercepting"},
    ]


def stream_schemas(call: Call) -> list[dict[str, str]]:
    del call
    return [
        {"value": "landings", "name": "Landings & offers", "description": "Landing pages, offers"},
        {"value": "redirect", "name": "Redirect", "description": "Redirect to a URL"},
        {"value": "action", "name": "Action", "description": "Show text, 404, send to campaign"},
    ]


def stream_actions(call: Call) -> list[dict[str, str]]:
    del call
    return [
        {"key": key, "name": name, "field": field, "type": kind, "description": name}
        for key, name, field, kind in ACTIONS
    ]


def postback_route(call: Call) -> Any:
    """The postback URL has its own aiohttp handler (``app.postback``): plain text, no key."""
    raise ApiError(500, {"error": "the postback is not an admin API action"})


HANDLERS: dict[str, Handler] = {
    **files_of("landing_pages"),
    **files_of("offers"),
    "botlist.get": botlist_get,
    "botlist.replace": botlist_replace,
    "botlist.add": botlist_add,
    "botlist.exclude": botlist_exclude,
    "botlist.clear": botlist_clear,
    "blacklist.get": labels_get,
    "blacklist.set": labels_set,
    "clicks.log": clicks_log,
    "clicks.update_costs": clicks_update_costs,
    "clicks.clean": clicks_clean,
    "conversions.log": conversions_log,
    "conversions.create": postback_route,
    "postbacks.send": postback_route,
    "reports.build": report_build,
    "logs.get": logs_get,
    "logs.types": logs_types,
    "logs.clean": logs_clean,
    "integrations.avscan_get": _setting("avscan_key", write=False),
    "integrations.avscan_set": _setting("avscan_key", write=True),
    "integrations.imklo_get": _setting("imklo_api_url", write=False),
    "integrations.imklo_set": _setting("imklo_api_url", write=True),
    "integrations.facebook_list": facebook_list,
    "integrations.facebook_get": facebook_get,
    "integrations.facebook_create": facebook_create,
    "integrations.facebook_update": facebook_update,
    "integrations.facebook_delete": facebook_delete,
    "integrations.facebook_campaigns": facebook_campaigns,
    "integrations.facebook_add_campaign": facebook_add_campaign,
    "integrations.facebook_remove_campaign": facebook_remove_campaign,
}
