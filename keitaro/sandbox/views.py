"""How entities look in answers: stored fields plus what Keitaro's serializers add (names of
the group, source and network, counts, the campaign's domain URL), minus private fields
(those starting with "_", such as a user's password)."""

from __future__ import annotations

from typing import Any

from keitaro.sandbox.store import Entity, Store


def _public(entity: Entity) -> dict[str, Any]:
    return {k: v for k, v in entity.items() if not k.startswith("_")}


def _name(store: Store, resource: str, entity_id: Any) -> str:
    entity = store.collections[resource].items.get(entity_id) if entity_id else None
    return entity.get("name", "") if entity else ""


def campaign(store: Store, entity: Entity, *, extended: bool = False) -> dict[str, Any]:
    out = _public(entity)
    domain = store.domains.items.get(entity.get("domain_id") or 0)
    out["domain"] = f"https://{domain['name']}/" if domain else None
    if extended:
        out["group"] = _name(store, "groups", entity.get("group_id")) or "Default"
        out["ts"] = _name(store, "traffic_sources", entity.get("traffic_source_id"))
        out["streams_count"] = sum(
            1
            for s in store.streams.items.values()
            if s["campaign_id"] == entity["id"] and s.get("state") != "deleted"
        )
    return out


def offer(store: Store, entity: Entity) -> dict[str, Any]:
    out = _public(entity)
    out["group"] = _name(store, "groups", entity.get("group_id"))
    out["affiliate_network"] = _name(
        store, "affiliate_networks", entity.get("affiliate_network_id")
    )
    if entity.get("offer_type") == "local":
        out["preview_path"] = f"/lander/offer_{entity['id']}/index.html"
    return out


def landing(store: Store, entity: Entity) -> dict[str, Any]:
    out = _public(entity)
    out["group"] = _name(store, "groups", entity.get("group_id"))
    out["offer_count"] = 1 if entity.get("landing_type") == "local" else 0
    if entity.get("landing_type") == "local":
        out["preview"] = f"/lander/lander_{entity['id']}/index.html"
    return out


def network(store: Store, entity: Entity) -> dict[str, Any]:
    out = _public(entity)
    out["offers"] = sum(
        1 for o in store.offers.items.values() if o.get("affiliate_network_id") == entity["id"]
    )
    return out


def domain(store: Store, entity: Entity) -> dict[str, Any]:
    out = _public(entity)
    out["default_campaign"] = _name(store, "campaigns", entity.get("default_campaign_id")) or None
    out["group"] = _name(store, "groups", entity.get("group_id"))
    out["campaigns_count"] = sum(
        1 for c in store.campaigns.items.values() if c.get("domain_id") == entity["id"]
    )
    return out


def plain(store: Store, entity: Entity) -> dict[str, Any]:
    del store
    return _public(entity)


PRESENTERS = {
    "campaigns": campaign,
    "offers": offer,
    "landing_pages": landing,
    "affiliate_networks": network,
    "domains": domain,
}


def present(store: Store, resource: str, entity: Entity) -> dict[str, Any]:
    """The answer form of an entity of ``resource``."""
    return PRESENTERS.get(resource, plain)(store, entity)
