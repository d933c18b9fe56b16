"""The grid's columns: how to read each report dimension, click-log and conversion-log column.

A click column is a function ``(click, hour_fields, seconds_into_hour) -> value``; the hour
fields are the click's local calendar fields in the range's zone (see ``ranges.hour_fields``).
Names of campaigns, offers and the rest are looked up when a request starts, so a rename shows
at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keitaro.sandbox.seed import COUNTRIES
from keitaro.sandbox.store import SUB_IDS, Click, Conversion, Store

ClickGetter = Callable[[Click, tuple[Any, ...], int], Any]
ConversionGetter = Callable[[Conversion, "TimeFormat"], Any]
TimeFormat = Callable[[float], str]

#: columns whose value depends on the click's local time
TIME_COLUMNS = frozenset(
    {"datetime", "year", "month", "week", "weekday", "day", "hour", "day_hour"}
)
#: click columns that are money, not dimensions (reports take them as measures)
MONEY_COLUMNS = frozenset({"revenue", "cost", "profit"})
#: click-log flags a report refuses as dimensions (as one 2026 tracker does)
NOT_DIMENSIONS = frozenset({"is_lead", "is_sale", "is_rejected", *MONEY_COLUMNS})
REVENUE_STATUSES = frozenset({"lead", "sale", "rebill"})


def _names(store: Store, resource: str) -> dict[int, str]:
    return {e["id"]: e.get("name", "") for e in store.collections[resource].items.values()}


def click_columns(store: Store) -> dict[str, ClickGetter]:
    """Every column a click has, by name."""
    campaigns = store.campaigns.items
    campaign_names = _names(store, "campaigns")
    group_names = _names(store, "groups")
    offer_names = _names(store, "offers")
    landing_names = _names(store, "landing_pages")
    stream_names = _names(store, "streams")
    source_names = _names(store, "traffic_sources")
    network_names = _names(store, "affiliate_networks")
    offer_network = {
        o["id"]: o.get("affiliate_network_id") or 0 for o in store.offers.items.values()
    }
    country_names = {code: row[0] for code, row in COUNTRIES.items()}
    now = store.now().timestamp()

    def seen(c: Click) -> list[Conversion]:
        """The click's conversions as the API shows them now (recorded ones only)."""
        return [v for v in (x.as_seen(now) for x in c.conversions) if v is not None]

    def group_id(c: Click) -> int:
        campaign = campaigns.get(c.campaign_id)
        return (campaign.get("group_id") or 0) if campaign else 0

    def revenue(c: Click) -> float:
        return round(sum(v.revenue for v in seen(c) if v.status in REVENUE_STATUSES), 4)

    def has_status(status: str) -> Callable[[Click, Any, int], bool]:
        return lambda c, h, r: any(v.status == status for v in seen(c))

    columns: dict[str, ClickGetter] = {
        "click_id": lambda c, h, r: c.sub_id,
        "sub_id": lambda c, h, r: c.sub_id,
        "visitor_code": lambda c, h, r: c.sub_id[::-1][:10],
        "campaign_id": lambda c, h, r: c.campaign_id,
        "campaign": lambda c, h, r: campaign_names.get(c.campaign_id, ""),
        "campaign_group_id": lambda c, h, r: group_id(c),
        "campaign_group": lambda c, h, r: group_names.get(group_id(c), ""),
        "offer_id": lambda c, h, r: c.offer_id,
        "offer": lambda c, h, r: offer_names.get(c.offer_id, ""),
        "landing_id": lambda c, h, r: c.landing_id,
        "landing": lambda c, h, r: landing_names.get(c.landing_id, ""),
        "stream_id": lambda c, h, r: c.stream_id,
        "stream": lambda c, h, r: stream_names.get(c.stream_id, ""),
        "ts_id": lambda c, h, r: c.ts_id,
        "ts": lambda c, h, r: source_names.get(c.ts_id, ""),
        "affiliate_network_id": lambda c, h, r: offer_network.get(c.offer_id, 0),
        "affiliate_network": lambda c, h, r: network_names.get(offer_network.get(c.offer_id), ""),
        "country_code": lambda c, h, r: c.country_code,
        "country": lambda c, h, r: country_names.get(c.country_code, ""),
        "region": lambda c, h, r: c.region,
        "city": lambda c, h, r: c.city,
        "device_type": lambda c, h, r: c.device_type,
        "device_model": lambda c, h, r: "",
        "os": lambda c, h, r: c.os,
        "os_version": lambda c, h, r: "",
        "browser": lambda c, h, r: c.browser,
        "browser_version": lambda c, h, r: "",
        "language": lambda c, h, r: c.language,
        "connection_type": lambda c, h, r: c.connection_type,
        "operator": lambda c, h, r: "",
        "isp": lambda c, h, r: c.isp,
        "ip": lambda c, h, r: c.ip,
        "ip_mask1": lambda c, h, r: c.ip.rsplit(".", 1)[0] + ".*",
        "ip_mask2": lambda c, h, r: c.ip.rsplit(".", 2)[0] + ".*.*",
        "user_agent": lambda c, h, r: c.user_agent,
        "referrer": lambda c, h, r: c.referrer,
        "search_engine": lambda c, h, r: "google" if c.ts_id == 3 else "",
        "source": lambda c, h, r: c.source,
        "keyword": lambda c, h, r: c.keyword,
        "destination": lambda c, h, r: "",
        "external_id": lambda c, h, r: c.external_id,
        "creative_id": lambda c, h, r: c.creative_id,
        "ad_campaign_id": lambda c, h, r: c.ad_campaign_id,
        "is_bot": lambda c, h, r: c.is_bot,
        "is_using_proxy": lambda c, h, r: False,
        "is_unique_campaign": lambda c, h, r: c.is_unique_campaign,
        "is_unique_stream": lambda c, h, r: c.is_unique_stream,
        "is_lead": has_status("lead"),
        "is_sale": has_status("sale"),
        "is_rejected": has_status("rejected"),
        "datetime": lambda c, h, r: f"{h[0]}{r // 60:02d}:{r % 60:02d}",
        "day": lambda c, h, r: h[1],
        "hour": lambda c, h, r: h[2],
        "day_hour": lambda c, h, r: h[3],
        "year": lambda c, h, r: h[4],
        "month": lambda c, h, r: h[5],
        "week": lambda c, h, r: h[6],
        "weekday": lambda c, h, r: h[7],
        "revenue": lambda c, h, r: revenue(c),
        "cost": lambda c, h, r: round(c.cost, 4),
        "profit": lambda c, h, r: round(revenue(c) - c.cost, 4),
    }
    for n in range(SUB_IDS):
        columns[f"sub_id_{n + 1}"] = lambda c, h, r, n=n: c.subs[n]
    for n in range(1, 11):
        columns[f"extra_param_{n}"] = lambda c, h, r: ""
    return columns


def report_dimensions(columns: dict[str, ClickGetter]) -> dict[str, ClickGetter]:
    return {
        name: getter
        for name, getter in columns.items()
        if name not in NOT_DIMENSIONS and not name.startswith("extra_param_")
    }


def conversion_columns(clicks: dict[str, ClickGetter]) -> dict[str, ConversionGetter]:
    """Conversion-log columns: ``(conversion, format_time) -> value``; the click's own
    columns (campaign, country, sub_id_N...) come from the conversion's click."""
    own: dict[str, ConversionGetter] = {
        "conversion_id": lambda v, f: v.id,
        "tid": lambda v, f: v.tid or "",
        "status": lambda v, f: v.status,
        "previous_status": lambda v, f: v.previous_status or "",
        "original_status": lambda v, f: v.original_status or "",
        "params": lambda v, f: dict(v.params),
        "postback_datetime": lambda v, f: f(v.postback_ts),
        "click_datetime": lambda v, f: f(v.click.ts),
        "sale_datetime": lambda v, f: f(v.sale_ts) if v.sale_ts else "",
        "sale_period": lambda v, f: int(v.sale_ts - v.click.ts) if v.sale_ts else 0,
        "revenue": lambda v, f: round(v.revenue, 4),
        "cost": lambda v, f: round(v.click.cost, 4),
    }
    columns: dict[str, ConversionGetter] = {}
    for name, getter in clicks.items():
        if name in own or name in MONEY_COLUMNS or name in TIME_COLUMNS:
            continue
        columns[name] = _from_click(getter)
    columns["datetime"] = lambda v, f: f(v.postback_ts)
    columns.update(own)
    return columns


def _from_click(getter: ClickGetter) -> ConversionGetter:
    # columns that need no local time, so the hour fields can be empty
    return lambda v, f: getter(v.click, (), 0)
