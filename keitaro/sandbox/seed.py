"""Deterministic demo data: a media buyer's tracker with a month of traffic.

The entity tables below are fixed, so ids are stable whatever the seed: campaigns 1-26 (5, 12
and 19 disabled; 23 and 26 archived), offers 1-15 (15 is local), landings 1-8 (1-3 local),
traffic sources 1-6, affiliate networks 1-4, domains 1-4, groups 1-11, users 1 (admin) and
2 (buyer). ``seed`` only changes the traffic: clicks, conversions and their attributes.
Each campaign has a quality factor: above 1 it earns more than it spends, below 1 it loses.
"""

from __future__ import annotations

import random
from collections.abc import Container
from datetime import UTC, datetime, timedelta
from typing import Any

from keitaro.sandbox.store import Click, Store

GROUPS: tuple[tuple[str, str], ...] = (
    ("Facebook", "campaigns"),  # 1
    ("TikTok", "campaigns"),  # 2: the restricted (buyer) key sees this group only
    ("Search", "campaigns"),  # 3
    ("Push", "campaigns"),  # 4
    ("Native", "campaigns"),  # 5
    ("Nutra", "offers"),  # 6
    ("Sweeps & Dating", "offers"),  # 7
    ("Finance", "offers"),  # 8
    ("Prelanders", "landings"),  # 9
    ("Quizzes", "landings"),  # 10
    ("Main", "domains"),  # 11
)
RESTRICTED_GROUP_ID = 2

NETWORKS: tuple[str, ...] = ("AdCombo", "Everad", "Dr.Cash", "LeadBit")

# name, network id, payout, countries, payout_auto, group id
OFFERS: tuple[tuple[str, int, float, tuple[str, ...], bool, int], ...] = (
    ("Keto Burn | DE", 1, 38.0, ("DE", "AT"), True, 6),  # 1
    ("Keto Burn | NL", 1, 34.0, ("NL",), True, 6),  # 2
    ("Nutra Keto | PL", 2, 22.0, ("PL",), True, 6),  # 3
    ("Hondrox | IT", 2, 26.0, ("IT",), True, 6),  # 4
    ("Hondrox | RO", 3, 18.0, ("RO",), True, 6),  # 5
    ("Hondrox | TH", 3, 12.0, ("TH",), True, 6),  # 6
    ("Cardio Plus | ES", 2, 27.0, ("ES",), True, 6),  # 7
    ("Cardio Plus | DE", 1, 40.0, ("DE",), False, 6),  # 8: fixed payout
    ("Slim Drops | FR", 3, 30.0, ("FR",), True, 6),  # 9
    ("Slim Drops | CZ-AU", 4, 25.0, ("CZ", "AU"), True, 6),  # 10
    ("Prostatin | MX", 3, 15.0, ("MX",), True, 6),  # 11
    ("Crypto Edge | Tier1", 4, 90.0, ("US", "GB", "CA"), True, 8),  # 12
    ("Dating Spark | WW", 4, 6.0, ("CA", "ID", "DE"), False, 7),  # 13: fixed payout
    ("Sweeps iPhone 16 | WW", 1, 2.5, ("BR", "IN", "VN"), True, 7),  # 14
    ("Sweeps Gift Card | BR", 1, 3.0, ("BR",), True, 7),  # 15: local offer with files
)
LOCAL_OFFER_IDS: tuple[int, ...] = (15,)

# name, local, group id
LANDINGS: tuple[tuple[str, bool, int], ...] = (
    ("Keto Quiz", True, 10),  # 1
    ("Nutra Story Prelander", True, 9),  # 2
    ("Sweeps Wheel", True, 10),  # 3
    ("Crypto News Article", False, 9),  # 4
    ("Dating Chat Pre", False, 9),  # 5
    ("Doctor Review", False, 9),  # 6
    ("Before-After", False, 9),  # 7
    ("Push Lander", False, 9),  # 8
)
LOCAL_LANDING_IDS: tuple[int, ...] = (1, 2, 3)
LOCAL_FILES: tuple[str, ...] = ("index.html", "css/style.css", "order/success.html")

# name, short code, default source domain, traffic weight
SOURCES: tuple[tuple[str, str, str, float], ...] = (
    ("Facebook", "FB", "facebook.com", 1.4),  # 1
    ("TikTok", "TT", "tiktok.com", 1.2),  # 2
    ("Google Ads", "GG", "google.com", 0.9),  # 3
    ("PropellerAds push", "PUSH", "propellerads.com", 1.6),  # 4
    ("Taboola", "TAB", "taboola.com", 0.8),  # 5
    ("MGID", "MGID", "mgid.com", 0.9),  # 6
)
SOURCE_GROUP = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 5}

DOMAINS: tuple[str, ...] = (
    "trk.buyer-demo.com",
    "go.fastnews-daily.com",
    "best-offers.club",
    "lp.health-today.info",
)

# source id, geo, offer id, landing ids, quality, state
CAMPAIGNS: tuple[tuple[int, str, int, tuple[int, ...], float, str], ...] = (
    (1, "DE", 1, (1, 6), 1.6, "active"),  # 1
    (1, "PL", 3, (1,), 0.6, "active"),  # 2
    (1, "IT", 4, (6, 7), 1.3, "active"),  # 3
    (1, "ES", 7, (6,), 0.8, "active"),  # 4
    (1, "FR", 9, (7,), 1.1, "disabled"),  # 5
    (2, "PL", 3, (2,), 1.4, "active"),  # 6
    (2, "DE", 1, (1, 2), 0.7, "active"),  # 7
    (2, "RO", 5, (2,), 1.2, "active"),  # 8
    (2, "MX", 11, (6,), 0.65, "active"),  # 9
    (3, "US", 12, (4,), 1.25, "active"),  # 10
    (3, "GB", 12, (4,), 0.55, "active"),  # 11
    (3, "CA", 13, (5,), 0.9, "disabled"),  # 12
    (4, "BR", 14, (3, 8), 1.5, "active"),  # 13
    (4, "IN", 14, (8,), 0.5, "active"),  # 14
    (4, "ID", 13, (5,), 1.15, "active"),  # 15
    (4, "TH", 6, (8,), 0.7, "active"),  # 16
    (5, "US", 12, (4,), 1.35, "active"),  # 17
    (5, "AU", 10, (7,), 0.6, "active"),  # 18
    (5, "DE", 8, (6,), 1.0, "disabled"),  # 19
    (6, "PL", 3, (2, 7), 1.2, "active"),  # 20
    (6, "CZ", 10, (7,), 0.75, "active"),  # 21
    (6, "IT", 4, (6,), 1.45, "active"),  # 22
    (1, "NL", 2, (1,), 0.5, "deleted"),  # 23
    (2, "BR", 15, (3,), 1.3, "active"),  # 24
    (3, "DE", 13, (5,), 0.85, "active"),  # 25
    (4, "VN", 14, (8,), 0.6, "deleted"),  # 26
)
DISABLED_CAMPAIGN_IDS = tuple(i + 1 for i, c in enumerate(CAMPAIGNS) if c[5] == "disabled")
ARCHIVED_CAMPAIGN_IDS = tuple(i + 1 for i, c in enumerate(CAMPAIGNS) if c[5] == "deleted")
ACTIVE_CAMPAIGN_IDS = tuple(i + 1 for i, c in enumerate(CAMPAIGNS) if c[5] == "active")

COUNTRIES: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {
    "DE": ("Germany", "de", (("Berlin", "Berlin"), ("Bavaria", "Munich"), ("Hamburg", "Hamburg"))),
    "AT": ("Austria", "de", (("Vienna", "Vienna"),)),
    "NL": ("Netherlands", "nl", (("North Holland", "Amsterdam"), ("South Holland", "Rotterdam"))),
    "PL": ("Poland", "pl", (("Masovia", "Warsaw"), ("Lesser Poland", "Krakow"))),
    "IT": ("Italy", "it", (("Lazio", "Rome"), ("Lombardy", "Milan"))),
    "ES": ("Spain", "es", (("Madrid", "Madrid"), ("Catalonia", "Barcelona"))),
    "FR": ("France", "fr", (("Ile-de-France", "Paris"), ("Provence", "Marseille"))),
    "RO": ("Romania", "ro", (("Bucharest", "Bucharest"), ("Cluj", "Cluj-Napoca"))),
    "MX": ("Mexico", "es", (("Mexico City", "Mexico City"), ("Jalisco", "Guadalajara"))),
    "US": ("United States", "en", (("California", "Los Angeles"), ("New York", "New York"))),
    "GB": ("United Kingdom", "en", (("England", "London"), ("England", "Manchester"))),
    "CA": ("Canada", "en", (("Ontario", "Toronto"), ("Quebec", "Montreal"))),
    "BR": ("Brazil", "pt", (("Sao Paulo", "Sao Paulo"), ("Rio de Janeiro", "Rio de Janeiro"))),
    "IN": ("India", "hi", (("Maharashtra", "Mumbai"), ("Delhi", "New Delhi"))),
    "ID": ("Indonesia", "id", (("Jakarta", "Jakarta"), ("East Java", "Surabaya"))),
    "TH": ("Thailand", "th", (("Bangkok", "Bangkok"),)),
    "AU": ("Australia", "en", (("New South Wales", "Sydney"), ("Victoria", "Melbourne"))),
    "CZ": ("Czechia", "cs", (("Prague", "Prague"), ("South Moravia", "Brno"))),
    "VN": ("Vietnam", "vi", (("Hanoi", "Hanoi"), ("Ho Chi Minh", "Ho Chi Minh City"))),
}
COUNTRY_CODES = tuple(COUNTRIES)
SUB_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
ISPS = ("Vodafone", "Orange", "T-Mobile", "Telefonica", "Claro", "Jio", "Telkomsel", "Comcast")
UA = {
    "Android": "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 Chrome/126 Mobile",
    "iOS": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile",
    "Windows": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0",
    "Mac OS X": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605",
}
BOT_NETS = ("66.249.", "157.55.", "40.77.", "34.102.")
PLACEMENTS = {
    1: ("feed", "stories", "reels", "marketplace"),
    2: ("for_you", "pangle", "topview"),
    3: ("search", "display", "youtube"),
    4: ("zone_4711", "zone_5820", "zone_6013", "zone_7702"),
    5: ("msn.com", "nbcnews.com", "usatoday.com"),
    6: ("widget_112", "widget_345", "widget_678"),
}
KEYWORDS = ("keto diet pills", "lose weight fast", "joint pain relief", "crypto trading app")
HOUR_CURVE = (
    2, 1.5, 1, 0.8, 0.7, 0.8, 1.2, 2, 2.8, 3.2, 3.4, 3.5,
    3.6, 3.6, 3.5, 3.5, 3.7, 4, 4.5, 5, 5.2, 4.8, 4, 3,
)  # fmt: skip
HTML = {
    "index.html": "<!doctype html>\n<html><head><title>{name}</title>"
    '<link rel="stylesheet" href="css/style.css"></head>\n<body><h1>{name}</h1>'
    '<a href="{{offer}}">Order now</a></body></html>\n',
    "css/style.css": "body {{ font-family: sans-serif; margin: 0 auto; max-width: 640px; }}\n",
    "order/success.html": "<html><body><h2>Thank you! We will call you soon.</h2></body></html>\n",
}


def seed_store(store: Store, seed: int = 42, clicks: int = 25_000) -> None:
    """Fill an empty ``store`` with the demo tracker."""
    rng = random.Random(seed)
    now = store.now()
    _entities(store, rng, now)
    _traffic(store, rng, now, clicks)
    _logs(store, rng)
    store.rng = random.Random(seed + 1)  # injected clicks: their own stream, as reproducible


def _entities(store: Store, rng: random.Random, now: datetime) -> None:
    created = store.stamp(now - timedelta(days=60))
    for name, kind in GROUPS:
        store.groups.create({"name": name, "type": kind})
    store.restricted_group_id = RESTRICTED_GROUP_ID
    for name in NETWORKS:
        slug = name.lower().replace(".", "")
        store.affiliate_networks.create(
            {
                "name": name,
                "postback_url": f"https://trk.buyer-demo.com/e89bcbe/postback?subid={{subid}}&net={slug}",
                "offer_param": "sub1={subid}&sub2={campaign_name}",
                "template_name": slug,
                "created_at": created,
            }
        )
    for name, code, domain, _weight in SOURCES:
        store.traffic_sources.create(
            {
                "name": name,
                "template_name": code.lower(),
                "postback_url": f"https://{domain}/conversion?click_id={{external_id}}",
                "parameters": _source_parameters(code),
                "created_at": created,
            }
        )
    for name in DOMAINS:
        store.domains.create(
            {
                "name": name, "network_status": "active", "is_ssl": True, "ssl_redirect": True,
                "ssl_status": "issued", "group_id": 11, "created_at": created,
            }
        )  # fmt: skip
    for name, network, payout, countries, auto, group in OFFERS:
        local = len(store.offers) + 1 in LOCAL_OFFER_IDS
        offer = store.offers.create(
            {
                "name": name, "group_id": group, "affiliate_network_id": network,
                "offer_type": "local" if local else "external",
                "action_type": "local_file" if local else "http",
                "action_payload": "" if local else f"https://{NETWORKS[network - 1].lower()}"
                f".example/click?o={len(store.offers) + 101}&sub1={{subid}}",
                "action_options": {"folder": f"offer_{len(store.offers) + 1}"} if local else [],
                "payout_value": payout, "payout_currency": "USD", "payout_auto": auto,
                "country": list(countries), "created_at": created,
            }
        )  # fmt: skip
        if local:
            store.files[("offers", offer["id"])] = _files(name)
    for name, local, group in LANDINGS:
        landing = store.landing_pages.create(
            {
                "name": name, "group_id": group,
                "landing_type": "local" if local else "external",
                "action_type": "local_file" if local else "http",
                "action_payload": "" if local else f"https://{DOMAINS[3]}/"
                f"{name.lower().replace(' ', '-')}/",
                "action_options": {"folder": f"lander_{len(store.landing_pages) + 1}"}
                if local else {},
                "created_at": created,
            }
        )  # fmt: skip
        if local:
            store.files[("landing_pages", landing["id"])] = _files(name)
    # UTC like the sandbox's reports without a ``range.timezone``: Keitaro reports in the key
    # owner's zone by default, and the bot takes a new user's zone from this preference
    store.users.create(
        {"login": "admin", "type": "ADMIN", "_password": "admin-pass",
         "preferences": {"language": "en", "timezone": "UTC"}}
    )  # fmt: skip
    buyer = store.users.create(
        {
            "login": "buyer", "type": "USER", "_password": "buyer-pass",
            "access_data": {
                "campaigns_access_type": "to_groups_and_selected",
                "offers_access_type": "read_only", "landings_access_type": "read_only",
                "traffic_sources_access_type": "read_only", "streams_access_type": "full_access",
                "affiliate_networks_access_type": "read_only",
                "domains_access_type": "read_only", "resources": ["campaigns", "reports"],
                "reports": ["campaigns"], "campaigns_selected_entities": [],
            },
        }
    )  # fmt: skip
    store.restricted_user_id = buyer["id"]
    for index, (source_id, geo, offer_id, landing_ids, _q, state) in enumerate(CAMPAIGNS):
        cid = index + 1
        code = SOURCES[source_id - 1][1]
        offer = store.offers.items[offer_id]
        short = offer["name"].split(" | ")[0]
        if short.startswith("Sweeps"):
            short = "Sweeps"
        campaign = store.campaigns.create(
            {
                "name": f"{code} | {geo} | {short}",
                "alias": f"{code.lower()}{geo.lower()}{cid:03d}",
                "type": "position" if cid % 4 else "weight", "uniqueness_method": "ip_ua",
                "uniqueness_use_cookies": True, "state": state, "cost_auto": cid % 3 == 0,
                "group_id": SOURCE_GROUP[source_id], "traffic_source_id": source_id,
                "domain_id": 1 + cid % 3, "bind_visitors": "slo" if cid % 4 == 0 else None,
                "parameters": _source_parameters(code),
                "postbacks": [
                    {"id": store.nested_id(), "campaign_id": cid, "method": "GET",
                     "statuses": ["sale"],
                     "url": f"https://{SOURCES[source_id - 1][2]}/pb?cid={{external_id}}"}
                ] if cid % 2 else [],
                "notes": "", "created_at": store.stamp(now - timedelta(days=45 - cid)),
            }
        )  # fmt: skip
        _streams(store, rng, campaign, geo, offer_id, landing_ids)
    fb = store.facebook.create(
        {"name": "FB Ads - Main BM", "ad_account_id": "act_1029384756", "token": "EAAB-demo-token",
         "_campaign_ids": [1, 2, 3]}
    )  # fmt: skip
    del fb
    store.botlist = ["66.249.64.0/19", "157.55.39.0/24", "40.77.167.0/24", "1.2.3.4"]
    store.integrations = {"avscan_key": "", "imklo_api_url": "https://imklo.example/api"}


def _streams(
    store: Store,
    rng: random.Random,
    campaign: dict[str, Any],
    geo: str,
    offer_id: int,
    landing_ids: tuple[int, ...],
) -> None:
    cid = campaign["id"]
    count = 1 + cid % 3
    alt_offer = offer_id % len(OFFERS) + 1

    def create(name: str, kind: str, schema: str, **extra: Any) -> dict[str, Any]:
        stream = store.streams.create(
            {"name": name, "campaign_id": cid, "type": kind, "schema": schema,
             "collect_clicks": True, **extra}
        )  # fmt: skip
        for key in ("filters", "offers", "landings"):
            for item in stream[key]:
                item["id"] = store.nested_id()
                item["stream_id"] = stream["id"]
                if key != "filters":
                    item.setdefault("state", "active")
                    item["created_at"] = item["updated_at"] = campaign["created_at"]
                else:
                    item.setdefault("oid", None)
        return stream

    offers = [{"offer_id": offer_id, "share": 100}]
    if cid % 2 == 0:
        offers = [{"offer_id": offer_id, "share": 70}, {"offer_id": alt_offer, "share": 30}]
    shares = _split(len(landing_ids))
    create(
        f"{geo} main",
        "regular",
        "landings",
        filters=[{"name": "country", "mode": "accept", "payload": [geo]}],
        offers=offers,
        landings=[
            {"landing_id": lid, "share": s} for lid, s in zip(landing_ids, shares, strict=True)
        ],
    )
    if count >= 2:
        create(
            "Fallback",
            "default",
            "landings",
            offers=[{"offer_id": offer_id, "share": 100}],
            landings=[{"landing_id": landing_ids[0], "share": 100}],
        )
    if count >= 3:
        create(
            "Bots",
            "forced",
            "action",
            action_type="status404",
            filters=[{"name": "bot", "mode": "accept", "payload": None}],
        )
    for stream_id in [s["id"] for s in store.streams.items.values() if s["campaign_id"] == cid]:
        if rng.random() < 0.3:
            store.stream_events[stream_id] = [
                {
                    "id": stream_id * 10 + 1, "stream_id": stream_id, "type": "trigger",
                    "message": "Trigger 'not_respond': landing page did not answer, rotated",
                    "is_read": False, "created_at": campaign["created_at"],
                }
            ]  # fmt: skip


def _split(parts: int) -> list[int]:
    base = 100 // parts
    return [base + (100 - base * parts if i == 0 else 0) for i in range(parts)]


def _source_parameters(code: str) -> dict[str, dict[str, str]]:
    macros = {
        "FB": ("{{ad.id}}", "{{adset.id}}", "{{placement}}", "{{campaign.id}}"),
        "TT": ("__CID__", "__AID__", "__PLACEMENT__", "__CAMPAIGN_ID__"),
        "GG": ("{creative}", "{adgroupid}", "{network}", "{campaignid}"),
    }.get(code, ("{ad_id}", "{creative}", "{zone_id}", "{campaign_id}"))
    params = {
        "keyword": {"name": "keyword", "placeholder": "{keyword}" if code == "GG" else "",
                    "alias": ""},
        "external_id": {"name": "click_id", "placeholder": "{clickid}", "alias": ""},
        "cost": {"name": "cost", "placeholder": "{cost}", "alias": ""},
    }  # fmt: skip
    for n, (macro, alias) in enumerate(
        zip(macros, ("ad_id", "adset_id", "placement", "ts_campaign"), strict=True), 1
    ):
        params[f"sub_id_{n}"] = {"name": f"sub{n}", "placeholder": macro, "alias": alias}
    return params


def _files(name: str) -> dict[str, str]:
    return {path: text.format(name=name) for path, text in HTML.items()}


def _traffic(store: Store, rng: random.Random, now: datetime, total: int) -> None:
    """``total`` clicks over the last 30 days, and their conversions."""
    end = now.timestamp()
    start = end - 30 * 86400
    first_day = datetime(now.year, now.month, now.day, tzinfo=UTC) - timedelta(days=30)
    base = first_day.timestamp()
    plans = [_plan(store, rng, index + 1, row) for index, row in enumerate(CAMPAIGNS)]
    for plan in plans:
        store.campaigns.items[plan["id"]]["cost_value"] = plan["cpc"]
        store.traffic_plans[plan["id"]] = plan
    # (campaign, hour slot) population, weighted by volume, day trend and hour of day
    population: list[tuple[int, float]] = []
    cum: list[float] = []
    acc = 0.0
    for slot in range(31 * 24):
        lo = base + slot * 3600
        if lo + 3600 <= start or lo >= end:
            continue
        day = slot // 24
        day_weight = (0.8 + 0.4 * day / 30) * (1.15 if (first_day.weekday() + day) % 7 < 5 else 0.9)
        hour_weight = HOUR_CURVE[slot % 24]
        for plan in plans:
            if not plan["first_day"] <= day <= plan["last_day"]:
                continue
            acc += plan["volume"] * day_weight * hour_weight
            population.append((plan["index"], lo))
            cum.append(acc)
    picks = rng.choices(population, cum_weights=cum, k=total)
    seen: set[str] = set()
    made: list[Click] = []
    rand = rng.random
    for index, slot_start in picks:
        plan = plans[index]
        ts = slot_start + rand() * 3600
        if ts < start:
            ts = start + rand() * (slot_start + 3600 - start)
        if ts >= end:
            ts = slot_start + rand() * (end - slot_start) * 0.999
        sub_id = new_sub_id(rng, seen)
        seen.add(sub_id)
        made.append(_click(rng, plan, ts, sub_id))
    store.set_clicks(made)
    for click in store.clicks:
        plan = plans[click.campaign_id - 1]
        if click.is_bot or rand() >= plan["cr"]:
            continue
        _conversion(store, rng, click, end)


def new_sub_id(rng: random.Random, taken: Container[str]) -> str:
    """A click id of 12 letters and digits that is not in ``taken``."""
    while True:
        sub_id = "".join(rng.choices(SUB_ID_ALPHABET, k=12))
        if sub_id not in taken:
            return sub_id


def _plan(store: Store, rng: random.Random, cid: int, row: tuple[Any, ...]) -> dict[str, Any]:
    """How one campaign's traffic looks: volume, days live, CR, CPC (from its quality)."""
    source_id, geo, offer_id, _landings, quality, state = row
    streams = [s for s in store.streams.items.values() if s["campaign_id"] == cid and s["offers"]]
    payouts = {o["id"]: o["payout_value"] for o in store.offers.items.values()}
    cr = rng.uniform(0.022, 0.038)
    main = streams[0]
    mean_payout = sum(payouts[o["offer_id"]] * o["share"] for o in main["offers"]) / 100
    # revenue counts leads and sales (80% of conversions); 3% of clicks are bots
    epc = cr * mean_payout * 0.8 * 0.97
    cpc = round(epc / quality, 4)
    first_day, last_day = 0, 30
    if state == "disabled":
        last_day = 18 + cid % 6
    elif state == "deleted":
        first_day, last_day = 0, 12
    ad_ids = [str(rng.randrange(10**17, 10**18)) for _ in range(6)]
    return {
        "index": cid - 1, "id": cid, "source_id": source_id, "geo": geo, "offer_id": offer_id,
        "cr": cr, "cpc": cpc, "streams": streams, "first_day": first_day, "last_day": last_day,
        "volume": SOURCES[source_id - 1][3] * rng.uniform(0.6, 1.4), "ad_ids": ad_ids,
        "adsets": [str(rng.randrange(10**17, 10**18)) for _ in range(3)],
        "ts_campaign": str(rng.randrange(10**17, 10**18)),
        "bot_stream": next((s["id"] for s in store.streams.items.values()
                            if s["campaign_id"] == cid and s["type"] == "forced"), None),
    }  # fmt: skip


def plan_for(store: Store, rng: random.Random, campaign_id: int) -> dict[str, Any] | None:
    """The traffic plan of a campaign (see :func:`make_click`): the seeded one, or for a
    campaign made later one from its streams, traffic source and CPC. None: no such campaign."""
    plan = store.traffic_plans.get(campaign_id)
    if plan is not None:
        return plan
    campaign = store.campaigns.get(campaign_id)
    if campaign is None:
        return None
    streams = [
        s for s in store.streams.items.values() if s["campaign_id"] == campaign_id and s["offers"]
    ] or [{"id": 0, "offers": [{"offer_id": 0, "share": 100}], "landings": []}]
    source_id = campaign.get("traffic_source_id")
    if source_id not in range(1, len(SOURCES) + 1):
        source_id = 1
    countries = [
        code
        for f in streams[0].get("filters", [])
        if f.get("name") == "country" and isinstance(f.get("payload"), list)
        for code in f["payload"]
        if code in COUNTRIES
    ]
    plan = {
        "index": campaign_id - 1, "id": campaign_id, "source_id": source_id,
        "geo": countries[0] if countries else "US", "offer_id": streams[0]["offers"][0]["offer_id"],
        "cr": 0.03, "cpc": float(campaign.get("cost_value") or 0), "streams": streams,
        "volume": SOURCES[source_id - 1][3], "bot_stream": None,
        "ad_ids": [str(rng.randrange(10**17, 10**18)) for _ in range(6)],
        "adsets": [str(rng.randrange(10**17, 10**18)) for _ in range(3)],
        "ts_campaign": str(rng.randrange(10**17, 10**18)),
    }  # fmt: skip
    store.traffic_plans[campaign_id] = plan
    return plan


def make_click(
    store: Store, rng: random.Random, plan: dict[str, Any], ts: float, *, human: bool = False
) -> Click:
    """A new click of ``plan``'s campaign at ``ts``, added to ``store`` (a human one when
    ``human``: bots do not convert)."""
    while True:
        click = _click(rng, plan, ts, new_sub_id(rng, store.clicks_by_sub_id))
        if not (human and click.is_bot):
            break
    store.add_click(click)
    return click


def offer_payout(store: Store, rng: random.Random, offer_id: int) -> float:
    """What a conversion of the offer earns: its payout, give or take 10% when the network
    reports the amount (``payout_auto``)."""
    offer = store.offers.items.get(offer_id)
    if offer is None:
        return 0.0
    payout = float(offer.get("payout_value") or 0)
    if offer.get("payout_auto"):
        payout = round(payout * rng.uniform(0.9, 1.1), 2)
    return payout


def _pick(rng: random.Random, items: list[dict[str, Any]], key: str) -> int:
    roll = rng.random() * 100
    for item in items:
        roll -= item["share"]
        if roll < 0:
            return item[key]
    return items[-1][key]


def _click(rng: random.Random, plan: dict[str, Any], ts: float, sub_id: str) -> Click:
    rand = rng.random
    source_id = plan["source_id"]
    is_bot = rand() < 0.03
    country = plan["geo"] if rand() < 0.88 else COUNTRY_CODES[int(rand() * len(COUNTRY_CODES))]
    _name, language, places = COUNTRIES[country]
    region, city = places[int(rand() * len(places))]
    roll = rand()
    mobile_share = 0.85 if source_id in (1, 2, 4) else 0.55
    if roll < mobile_share:
        device, os_name = "mobile", ("Android" if rand() < 0.65 else "iOS")
    elif roll < mobile_share + 0.05:
        device, os_name = "tablet", ("Android" if rand() < 0.5 else "iOS")
    else:
        device, os_name = "desktop", ("Windows" if rand() < 0.75 else "Mac OS X")
    if os_name == "iOS" or (os_name == "Mac OS X" and rand() < 0.6):
        browser = "Safari"
    elif source_id == 1 and device != "desktop":
        browser = "Facebook" if rand() < 0.7 else "Chrome"
    else:
        browser = (
            "Chrome" if rand() < 0.8 else ("Samsung Internet" if device != "desktop" else "Edge")
        )
    streams = plan["streams"]
    stream = streams[0] if country == plan["geo"] or len(streams) == 1 else streams[1]
    stream_id = stream["id"]
    offer_id = _pick(rng, stream["offers"], "offer_id")
    landing_id = _pick(rng, stream["landings"], "landing_id") if stream["landings"] else 0
    if is_bot and plan["bot_stream"]:
        stream_id, offer_id, landing_id = plan["bot_stream"], 0, 0
    if is_bot:
        ip = f"{BOT_NETS[int(rand() * len(BOT_NETS))]}{int(rand() * 256)}.{int(rand() * 256)}"
    else:
        bits = rng.getrandbits(32)
        ip = f"{(bits >> 24) % 223 + 1}.{(bits >> 16) & 255}.{(bits >> 8) & 255}.{bits & 255}"
    unique = not is_bot and rand() < 0.86
    ad = plan["ad_ids"][int(rand() * 6)]
    creative = f"{'video' if source_id in (1, 2) else 'banner'}_{int(rand() * 8) + 1:02d}"
    placements = PLACEMENTS[source_id]
    subs = [
        ad,
        plan["adsets"][int(rand() * 3)],
        placements[int(rand() * len(placements))],
        plan["ts_campaign"],
        creative,
        ("18-24", "25-34", "35-44", "45-54", "55+")[int(rand() * 5)],
        "male" if rand() < 0.45 else "female",
        "",
        "",
        "",
    ] + [""] * 20
    return Click(
        ts=ts, sub_id=sub_id, campaign_id=plan["id"], stream_id=stream_id, offer_id=offer_id,
        landing_id=landing_id, ts_id=source_id, country_code=country, region=region, city=city,
        device_type=device, os=os_name, browser=browser, language=language,
        connection_type="Cellular" if device != "desktop" and rand() < 0.7 else "Broadband",
        isp=ISPS[int(rand() * len(ISPS))], ip=ip, source=SOURCES[source_id - 1][2],
        keyword=KEYWORDS[int(rand() * len(KEYWORDS))] if source_id == 3 else "",
        external_id=f"{rng.getrandbits(64):016x}", creative_id=creative,
        ad_campaign_id=plan["ts_campaign"], subs=subs, is_bot=is_bot, is_unique_campaign=unique,
        is_unique_stream=unique or rand() < 0.05, is_unique_global=unique and rand() < 0.9,
        user_agent=UA[os_name], referrer=f"https://{SOURCES[source_id - 1][2]}/",
        cost=plan["cpc"],
    )  # fmt: skip


def _conversion(store: Store, rng: random.Random, click: Click, end: float) -> None:
    roll = rng.random()
    status, original = ("sale", "approved") if roll < 0.5 else (
        ("lead", "hold") if roll < 0.8 else ("rejected", "rejected")
    )  # fmt: skip
    payout = offer_payout(store, rng, click.offer_id)
    postback_ts = min(click.ts + rng.expovariate(1 / 7200), end - 1)
    previous = "lead" if status != "lead" and rng.random() < 0.3 else None
    store.add_conversion(
        click,
        tid=None,
        status=status,
        previous_status=previous,
        original_status=original,
        revenue=payout,
        postback_ts=postback_ts,
        sale_ts=postback_ts if status == "sale" else None,
        params={},
        # recorded long ago: visible whatever clock a test puts on the store later
        visible_ts=postback_ts,
    )


def _logs(store: Store, rng: random.Random) -> None:
    for message in (
        "Tracker started",
        "Cron: statistics aggregated",
        "GeoIP database updated",
        "Cron: cleaned expired visitors",
    ):
        store.log("system", message)
    for conversion in store.conversions[-20:]:
        sub_id = conversion.click.sub_id
        store.log(
            "postbacks",
            f"Received postback /e89bcbe/postback?subid={sub_id}"
            f"&status={conversion.original_status}",
        )
        store.log("postbacks", f'Using "{sub_id}" as subid. Postback added to queue.')
        store.log("postbacks", f"Subid {sub_id} complete")
    for campaign in list(store.campaigns.items.values())[:5]:
        store.log("traffic", f'Campaign #{campaign["id"]} "{campaign["name"]}": click processed')
    for domain in store.domains.items.values():
        store.log("ssl", f"Certificate for {domain['name']} is valid")
    store.log("sent_postbacks", "GET https://facebook.com/pb?cid=1234 → 200")
    del rng
