"""Examples shown for fields entered as JSON: nested structures a step-by-step form would
make absurd (stream filters, offers with shares, postbacks, access rights, cost entries...)."""

from __future__ import annotations

import json
from typing import Any

from keitaro.catalog import fields as f

#: by the nested model a field holds (alone or in a list)
BY_MODEL: dict[type, Any] = {
    f.StreamOffer: [{"offer_id": 1, "share": 60}, {"offer_id": 2, "share": 40}],
    f.StreamLanding: [{"landing_id": 1, "share": 100}],
    f.StreamFilterRule: [{"name": "country", "mode": "accept", "payload": ["DE", "AT"]}],
    f.StreamTrigger: [{"condition": "not_respond", "target": "offers", "action": "disable"}],
    f.S2SPostback: [
        {"method": "GET", "statuses": ["sale"], "url": "https://ts.example/pb?cid={subid}"}
    ],
    f.Placeholder: {"sub_id_1": {"name": "sub1", "placeholder": "{zone}"}},
    f.CostEntry: [
        {
            "start_date": "2024-05-01 00:00",
            "end_date": "2024-05-01 23:59",
            "cost": "120.50",
            "timezone": "UTC",
            "currency": "USD",
        }
    ],
    f.UserAccessData: {"campaigns_access_type": "read_only", "resources": ["campaigns"]},
    f.UserPreferences: {"language": "en", "timezone": "Europe/Berlin"},
    f.Proxy: {"protocol": "http", "address": "10.0.0.1", "port": 3128},
    f.GridRange: {"interval": "today", "timezone": "UTC"},
    f.GridFilter: [{"name": "country", "operator": "EQUALS", "expression": "DE"}],
    f.GridSort: [{"name": "clicks", "order": "DESC"}],
}
#: by field name, for plain dicts and lists
BY_NAME: dict[str, Any] = {
    "filters": {"sub_id_1": "123"},
    "items": {"1.2.3.4": "blacklist", "5.6.7.8": "whitelist"},
    "action_options": {"url": "https://example.com"},
    "country": ["DE", "AT"],
    "campaign_ids": [1, 2],
}


def example_for(name: str, models: tuple[type, ...]) -> str | None:
    """Compact JSON to copy and edit, or None when there is nothing useful to show."""
    for model in models:
        if model in BY_MODEL:
            return json.dumps(BY_MODEL[model], ensure_ascii=False)
    if name in BY_NAME:
        return json.dumps(BY_NAME[name], ensure_ascii=False)
    return None
