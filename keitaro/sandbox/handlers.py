"""Handlers of the entity actions (campaigns, streams, offers, landings, sources, networks,
domains, groups, users), and ``HANDLERS``: every catalog action name → its handler.

A handler takes a :class:`Call` and returns what becomes the JSON answer (or raises an
``ApiError``). Most are made by the factories below from a resource name and the shape Keitaro
answers with (§1.6: archive, restore and clone mostly answer with a JSON array).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keitaro.sandbox import extras
from keitaro.sandbox.context import Call
from keitaro.sandbox.errors import forbidden, invalid, not_found
from keitaro.sandbox.money import money_field
from keitaro.sandbox.store import SPECS, Entity, Store
from keitaro.sandbox.views import campaign as campaign_view
from keitaro.sandbox.views import present

Handler = Callable[[Call], Any]
#: resources a restricted key sees as empty lists, and may not read one by one
HIDDEN_FROM_RESTRICTED = frozenset({"domains", "affiliate_networks", "traffic_sources"})
NUMBER_FIELDS = frozenset({"cost_value", "payout_value", "traffic_loss"})
INT_FIELDS = frozenset(
    {"group_id", "traffic_source_id", "domain_id", "affiliate_network_id", "campaign_id",
     "default_campaign_id", "position", "weight", "cookies_ttl", "daily_cap"}
)  # fmt: skip


# --- shared steps ---------------------------------------------------------------------------


def _fields(resource: str, data: dict[str, Any]) -> dict[str, Any]:
    """The known fields of ``data``, with numbers as numbers (strings like "0.0000" too)."""
    spec = SPECS[resource]
    allowed = {*spec.defaults, *spec.required} - {"id", "created_at", "updated_at"}
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in allowed or key.startswith("_"):
            continue
        if key in NUMBER_FIELDS and value is not None and not _is_number(value):
            value = money_field(value, key)
        elif key in INT_FIELDS:
            value = _int_field(key, value)
        out[key] = value
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _int_field(key: str, value: Any) -> Any:
    """An id or counter: digits become an int, None and "" stay (Keitaro's "not set"), anything
    else is a 406 on the field."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return value
        if text.lstrip("-").isdigit():
            return int(text)
    raise invalid({key: [f"{key} must be an integer"]})


def _entity(call: Call, resource: str, *, deleted: bool = True) -> Entity:
    if call.restricted and resource in HIDDEN_FROM_RESTRICTED:
        raise forbidden()
    collection = call.store.collections[resource]
    entity = collection.get(call.path_id(), deleted=deleted)
    if entity is None:
        raise not_found(collection.spec.title)
    if resource == "campaigns":
        call.check_campaign(entity["id"])
    elif resource == "streams":
        call.check_campaign(entity["campaign_id"])
    return entity


def _check(call: Call, resource: str, data: dict[str, Any], current: Entity | None) -> None:
    if current is None and not data:
        spec = SPECS[resource]
        raise invalid({name: [f"{name.capitalize()} is required"] for name in spec.required})
    errors = call.store.collections[resource].validate(data, current)
    if errors:
        raise invalid(errors)


def _show(call: Call, resource: str, entity: Entity) -> dict[str, Any]:
    return present(call.store, resource, entity)


# --- generic handlers -----------------------------------------------------------------------


def list_of(resource: str) -> Handler:
    def handler(call: Call) -> list[dict[str, Any]]:
        if call.restricted and resource in HIDDEN_FROM_RESTRICTED:
            return []
        return [_show(call, resource, e) for e in call.store.collections[resource].list()]

    return handler


def deleted_of(resource: str) -> Handler:
    def handler(call: Call) -> list[dict[str, Any]]:
        if call.restricted and resource in HIDDEN_FROM_RESTRICTED:
            return []
        items = call.store.collections[resource].list_deleted()
        visible = call.visible_campaigns()
        if visible is not None and resource in ("campaigns", "streams"):
            key = "id" if resource == "campaigns" else "campaign_id"
            items = [e for e in items if e[key] in visible]
        return [_show(call, resource, e) for e in items]

    return handler


def get_of(resource: str) -> Handler:
    def handler(call: Call) -> dict[str, Any]:
        return _show(call, resource, _entity(call, resource))

    return handler


def create_of(resource: str, *, as_list: bool = False) -> Handler:
    def handler(call: Call) -> Any:
        if call.restricted and resource in HIDDEN_FROM_RESTRICTED:
            raise forbidden()
        data = _fields(resource, call.params)
        _check(call, resource, data, None)
        entity = call.store.collections[resource].create(data)
        shown = _show(call, resource, entity)
        return [shown] if as_list else shown

    return handler


def update_of(resource: str) -> Handler:
    def handler(call: Call) -> dict[str, Any]:
        entity = _entity(call, resource)
        data = _fields(resource, call.params)
        _check(call, resource, data, entity)
        call.store.collections[resource].update(entity["id"], data)
        return _show(call, resource, entity)

    return handler


def change_of(resource: str, operation: str, *, as_list: bool) -> Handler:
    """archive / restore / clone / enable / disable: one entity in, the result as Keitaro
    shapes it (a list for most, one object for streams)."""

    def handler(call: Call) -> Any:
        entity = _entity(call, resource)
        collection = call.store.collections[resource]
        if operation == "archive":
            result = collection.archive(entity["id"])
        elif operation == "restore":
            result = collection.restore(entity["id"])
        elif operation == "clone":
            result = collection.clone(entity["id"])
        else:
            result = collection.set_state(
                entity["id"], "active" if operation == "enable" else "disabled"
            )
        shown = _show(call, resource, result)
        return [shown] if as_list else shown

    return handler


# --- campaigns ------------------------------------------------------------------------------


def campaigns_list(call: Call) -> list[dict[str, Any]]:
    items = call.store.campaigns.list()
    visible = call.visible_campaigns()
    if visible is not None:
        items = [c for c in items if c["id"] in visible]
    if call.flag("active"):
        items = sorted(
            (c for c in items if c["state"] == "active"), key=lambda c: (c["position"], c["id"])
        )
    extended = call.flag("extended")
    return [campaign_view(call.store, c, extended=extended) for c in items]


def campaigns_get(call: Call) -> dict[str, Any]:
    entity = _entity(call, "campaigns", deleted=False)
    return campaign_view(call.store, entity, extended=True)


def _postbacks(store: Store, campaign_id: int, items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        raise invalid({"postbacks": ["Postbacks must be an array"]})
    out = []
    for item in items:
        if not isinstance(item, dict) or not item.get("url"):
            raise invalid({"postbacks": ["Each postback needs a url"]})
        out.append(
            {
                "id": store.nested_id(),
                "campaign_id": campaign_id,
                "method": str(item.get("method") or "GET").upper(),
                "statuses": list(item.get("statuses") or ["sale"]),
                "url": item["url"],
            }
        )
    return out


def campaigns_create(call: Call) -> dict[str, Any]:
    data = _fields("campaigns", call.params)
    _check(call, "campaigns", data, None)
    postbacks = data.pop("postbacks", None)
    if call.restricted:
        data["group_id"] = call.store.restricted_group_id
    entity = call.store.campaigns.create(data)
    if postbacks:
        entity["postbacks"] = _postbacks(call.store, entity["id"], postbacks)
    if isinstance(call.data.get("streams"), list):
        _replace_streams(call, entity, call.data["streams"])
    return campaign_view(call.store, entity)


def campaigns_update(call: Call) -> dict[str, Any]:
    entity = _entity(call, "campaigns")
    data = _fields("campaigns", call.params)
    _check(call, "campaigns", data, entity)
    if "postbacks" in data:
        data["postbacks"] = _postbacks(call.store, entity["id"], data["postbacks"])
    call.store.campaigns.update(entity["id"], data)
    if isinstance(call.data.get("streams"), list):
        _replace_streams(call, entity, call.data["streams"])
    out = campaign_view(call.store, entity, extended=True)
    out["streams"] = [
        _show(call, "streams", s) for s in _campaign_streams(call.store, entity["id"])
    ]
    return out


def campaigns_clone(call: Call) -> list[dict[str, Any]]:
    entity = _entity(call, "campaigns")
    copy = call.store.campaigns.clone(entity["id"])
    for stream in _campaign_streams(call.store, entity["id"]):
        clone = call.store.streams.clone(stream["id"])
        clone["name"] = stream["name"]
        clone["campaign_id"] = copy["id"]
    return [campaign_view(call.store, copy)]


def _campaign_streams(store: Store, campaign_id: int) -> list[Entity]:
    return sorted(
        (
            s
            for s in store.streams.items.values()
            if s["campaign_id"] == campaign_id and s.get("state") != "deleted"
        ),
        key=lambda s: (s.get("position", 0), s["id"]),
    )


def _replace_streams(call: Call, campaign: Entity, items: list[Any]) -> None:
    """``streams`` on a campaign write: listed ones are created or changed, the rest go."""
    keep: set[int] = set()
    for item in items:
        if not isinstance(item, dict):
            raise invalid({"streams": ["Each stream must be an object"]})
        data = _fields("streams", {**item, "campaign_id": campaign["id"]})
        stream_id = item.get("id") or 0
        if not isinstance(stream_id, int) and not str(stream_id).strip().isdigit():
            raise invalid({"streams": ["Each stream id must be an integer"]})
        existing = call.store.streams.get(int(stream_id))
        if existing is not None and existing["campaign_id"] == campaign["id"]:
            _check(call, "streams", data, existing)
            call.store.streams.update(existing["id"], _nested(call.store, existing["id"], data))
            keep.add(existing["id"])
        else:
            data.setdefault("name", "Stream")
            _check(call, "streams", data, None)
            stream = call.store.streams.create(data)
            call.store.streams.update(stream["id"], _nested(call.store, stream["id"], data))
            keep.add(stream["id"])
    for stream in _campaign_streams(call.store, campaign["id"]):
        if stream["id"] not in keep:
            call.store.streams.archive(stream["id"])


# --- streams --------------------------------------------------------------------------------


def _nested(store: Store, stream_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Give filters, offers and landings of a stream write their ids (full replacement)."""
    now = store.stamp()
    for key in ("filters", "offers", "landings", "triggers"):
        if key not in data:
            continue
        items = data[key]
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise invalid({key: [f"{key.capitalize()} must be an array of objects"]})
        fixed = []
        for item in items:
            row = dict(item)
            row["id"] = row.get("id") or store.nested_id()
            row["stream_id"] = stream_id
            if key == "filters":
                row.setdefault("mode", "accept")
                row.setdefault("payload", None)
                row.setdefault("oid", None)
            elif key != "triggers":
                row.setdefault("share", 100)
                row.setdefault("state", "active")
                row.setdefault("created_at", now)
                row["updated_at"] = now
            fixed.append(row)
        data[key] = fixed
    return data


def streams_list(call: Call) -> list[dict[str, Any]]:
    campaign_id = call.path_id("campaign_id")
    if call.store.campaigns.get(campaign_id) is None:
        raise not_found("Campaign")
    call.check_campaign(campaign_id)
    return [_show(call, "streams", s) for s in _campaign_streams(call.store, campaign_id)]


def streams_create(call: Call) -> dict[str, Any]:
    data = _fields("streams", call.params)
    _check(call, "streams", data, None)
    campaign_id = int(data["campaign_id"])
    if call.store.campaigns.get(campaign_id) is None:
        raise invalid({"campaign_id": ["Campaign not found"]})
    call.check_campaign(campaign_id)
    if "action_payload" not in data and isinstance(data.get("action_options"), dict):
        data["action_payload"] = next(iter(data["action_options"].values()), "")
    stream = call.store.streams.create(data)
    call.store.streams.update(stream["id"], _nested(call.store, stream["id"], data))
    return _show(call, "streams", stream)


def streams_update(call: Call) -> dict[str, Any]:
    stream = _entity(call, "streams")
    data = _fields("streams", call.params)
    _check(call, "streams", data, stream)
    call.store.streams.update(stream["id"], _nested(call.store, stream["id"], data))
    return _show(call, "streams", stream)


def streams_search(call: Call) -> list[dict[str, Any]]:
    query = str(call.params.get("query") or "").strip().lower()
    if not query:
        raise invalid({"query": ["Query is required"]})
    visible = call.visible_campaigns()
    return [
        _show(call, "streams", s)
        for s in call.store.streams.items.values()
        if query in str(s.get("name", "")).lower()
        and (visible is None or s["campaign_id"] in visible)
    ]


def streams_events(call: Call) -> dict[str, Any]:
    stream = _entity(call, "streams")
    events = call.store.stream_events.get(stream["id"], [])
    answer = {"total": len(events), "items": [dict(e) for e in events]}
    for event in events:
        event["is_read"] = True  # reading an event marks it read
    return answer


# --- domains, groups, users -----------------------------------------------------------------


def domains_create(call: Call) -> list[dict[str, Any]]:
    if call.restricted:
        raise forbidden()
    data = _fields("domains", call.params)
    names = [n.strip() for n in str(data.get("name") or "").split(",") if n.strip()]
    if not names:
        raise invalid({"name": ["Name is required"]})
    data["is_ssl"] = False
    data["network_status"] = "validating"
    created = []
    for name in names:
        one = {**data, "name": name}
        _check(call, "domains", one, None)
        created.append(call.store.domains.create(one))
    return [_show(call, "domains", d) for d in created]


def domains_check(call: Call) -> list[dict[str, Any]]:
    domain = _entity(call, "domains")
    # passes, unless a scenario put the domain in DNS trouble (domain_trouble "error")
    call.store.domains.update(domain["id"], call.store.scenarios.domain_check(domain))
    return [_show(call, "domains", domain)]


def domains_update(call: Call) -> dict[str, Any]:
    data = dict(call.params)
    if data.get("redirect") == "https":
        data["ssl_redirect"] = True
    if "is_robots_allowed" in data:
        data["allow_indexing"] = data["is_robots_allowed"]
    data.pop("network_status", None)
    data.pop("is_ssl", None)
    domain = _entity(call, "domains")
    fields = _fields("domains", data)
    if domain.get("network_status") == "active":
        fields.pop("name", None)  # Keitaro ignores a new name of an active domain
    _check(call, "domains", fields, domain)
    call.store.domains.update(domain["id"], fields)
    return _show(call, "domains", domain)


def groups_list(call: Call) -> list[dict[str, Any]]:
    kind = call.params.get("type")
    items = call.store.groups.list()
    if kind:
        items = [g for g in items if g["type"] == kind]
    shown = [_show(call, "groups", g) for g in items]
    if call.flag("extended"):
        for group in shown:
            resource = {"campaigns": "campaigns", "offers": "offers"}.get(
                group["type"], "landing_pages" if group["type"] == "landings" else "domains"
            )
            group["count"] = sum(
                1
                for e in call.store.collections[resource].items.values()
                if e.get("group_id") == group["id"]
            )
    return shown


def groups_update(call: Call) -> dict[str, Any]:
    group = _entity(call, "groups")
    data = {k: v for k, v in _fields("groups", call.params).items() if k in ("name", "position")}
    _check(call, "groups", data, group)
    call.store.groups.update(group["id"], data)
    return _show(call, "groups", group)


def groups_delete(call: Call) -> dict[str, Any]:
    group = _entity(call, "groups")
    call.store.groups.delete(group["id"])
    return _show(call, "groups", group)


def _user_data(call: Call, current: Entity | None) -> dict[str, Any]:
    params = call.params
    data = _fields("users", params)
    password = params.get("new_password")
    errors: dict[str, list[str]] = {}
    if current is None and not password:
        errors["new_password"] = ["New password is required"]
    confirmation = params.get("new_password_confirmation")
    if password and confirmation is not None and confirmation != password:
        errors["new_password_confirmation"] = ["Passwords do not match"]
    if errors:
        raise invalid(errors)
    if password:
        data["_password"] = password
    data.pop("new_password", None)
    return data


def users_create(call: Call) -> dict[str, Any]:
    call.admin_only()
    if not call.params:
        raise invalid({"login": ["Login is required"], "new_password": ["Password is required"]})
    data = _user_data(call, None)
    data.setdefault("type", "USER")
    _check(call, "users", {**data, "new_password": data.get("_password")}, None)
    return _show(call, "users", call.store.users.create(data))


def users_update(call: Call) -> dict[str, Any]:
    call.admin_only()
    user = _entity(call, "users")
    data = _user_data(call, user)
    _check(call, "users", data, user)
    call.store.users.update(user["id"], data)
    return _show(call, "users", user)


def users_delete(call: Call) -> dict[str, bool]:
    call.admin_only()
    user = _entity(call, "users")
    call.store.users.delete(user["id"])
    return {"success": True}


def users_access(call: Call) -> dict[str, Any]:
    call.admin_only()
    user = _entity(call, "users")
    access = call.params.get("access_data")
    if not isinstance(access, dict):
        raise invalid({"access_data": ["Access data must be an object"]})
    call.store.users.update(user["id"], {"access_data": access})
    return _show(call, "users", user)


def _admin(handler: Handler) -> Handler:
    def guarded(call: Call) -> Any:
        call.admin_only()
        return handler(call)

    return guarded


# --- the table ------------------------------------------------------------------------------

HANDLERS: dict[str, Handler] = {
    "campaigns.list": campaigns_list,
    "campaigns.get": campaigns_get,
    "campaigns.create": campaigns_create,
    "campaigns.update": campaigns_update,
    "campaigns.archive": change_of("campaigns", "archive", as_list=True),
    "campaigns.restore": change_of("campaigns", "restore", as_list=True),
    "campaigns.clone": campaigns_clone,
    "campaigns.enable": change_of("campaigns", "enable", as_list=True),
    "campaigns.disable": change_of("campaigns", "disable", as_list=True),
    "campaigns.update_costs": extras.campaign_update_costs,
    "campaigns.list_deleted": deleted_of("campaigns"),
    "streams.list": streams_list,
    "streams.get": get_of("streams"),
    "streams.create": streams_create,
    "streams.update": streams_update,
    "streams.archive": change_of("streams", "archive", as_list=False),
    "streams.restore": change_of("streams", "restore", as_list=False),
    "streams.enable": change_of("streams", "enable", as_list=False),
    "streams.disable": change_of("streams", "disable", as_list=False),
    "streams.search": streams_search,
    "streams.list_deleted": deleted_of("streams"),
    "streams.events": streams_events,
    "filters.list": extras.stream_filters,
    "filters.stream_types": extras.stream_types,
    "filters.stream_schemas": extras.stream_schemas,
    "filters.stream_actions": extras.stream_actions,
    "landing_pages.list": list_of("landing_pages"),
    "landing_pages.get": get_of("landing_pages"),
    "landing_pages.create": create_of("landing_pages"),
    "landing_pages.update": update_of("landing_pages"),
    "landing_pages.archive": change_of("landing_pages", "archive", as_list=True),
    "landing_pages.clone": change_of("landing_pages", "clone", as_list=True),
    "offers.list": list_of("offers"),
    "offers.get": get_of("offers"),
    "offers.create": create_of("offers"),
    "offers.update": update_of("offers"),
    "offers.archive": change_of("offers", "archive", as_list=True),
    "offers.clone": change_of("offers", "clone", as_list=True),
    "traffic_sources.list": list_of("traffic_sources"),
    "traffic_sources.get": get_of("traffic_sources"),
    "traffic_sources.create": create_of("traffic_sources"),
    "traffic_sources.update": update_of("traffic_sources"),
    "traffic_sources.archive": change_of("traffic_sources", "archive", as_list=True),
    "traffic_sources.clone": change_of("traffic_sources", "clone", as_list=True),
    "affiliate_networks.list": list_of("affiliate_networks"),
    "affiliate_networks.get": get_of("affiliate_networks"),
    "affiliate_networks.create": create_of("affiliate_networks"),
    "affiliate_networks.update": update_of("affiliate_networks"),
    "affiliate_networks.archive": change_of("affiliate_networks", "archive", as_list=True),
    "affiliate_networks.clone": change_of("affiliate_networks", "clone", as_list=True),
    "domains.list": list_of("domains"),
    "domains.get": get_of("domains"),
    "domains.create": domains_create,
    "domains.update": domains_update,
    "domains.archive": change_of("domains", "archive", as_list=True),
    "domains.restore": change_of("domains", "restore", as_list=True),
    "domains.check": domains_check,
    "domains.list_deleted": deleted_of("domains"),
    "groups.list": groups_list,
    "groups.create": create_of("groups"),
    "groups.update": groups_update,
    "groups.delete": groups_delete,
    "users.list": _admin(lambda call: sorted(list_of("users")(call), key=lambda u: u["login"])),
    "users.get": _admin(get_of("users")),
    "users.create": users_create,
    "users.update": users_update,
    "users.delete": users_delete,
    "users.update_access": users_access,
    # the same routes as campaigns.get / campaigns.update
    "postbacks.list": campaigns_get,
    "postbacks.set": campaigns_update,
    **extras.HANDLERS,
}
