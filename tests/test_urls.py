"""Tracker addresses are accepted the way people type them."""

from __future__ import annotations

import pytest

from keitaro.urls import InvalidTrackerUrl, normalize_tracker_url, parse_postback_url


@pytest.mark.parametrize(
    "typed",
    [
        "tracker.example.com",
        "https://tracker.example.com",
        "https://tracker.example.com/",
        "https://tracker.example.com/admin_api/v1/",
        "https://tracker.example.com/admin_api/v1/campaigns",
        "https://tracker.example.com/admin/",
        "https://tracker.example.com/admin/#!/campaigns",
        "  HTTPS://Tracker.Example.com:443/  ",
        "<https://tracker.example.com>",
        "tracker.example.com/?lang=ru",
    ],
)
def test_every_form_means_the_same_tracker_root(typed: str) -> None:
    assert normalize_tracker_url(typed) == "https://tracker.example.com"


@pytest.mark.parametrize(
    ("typed", "root"),
    [
        ("http://127.0.0.1:8090", "http://127.0.0.1:8090"),
        ("http://127.0.0.1:8090/admin_api/v1", "http://127.0.0.1:8090"),
        ("localhost:8090", "https://localhost:8090"),
        ("https://host.example.com/keitaro/admin_api/v1/", "https://host.example.com/keitaro"),
        ("трекер.рф", "https://xn--e1aaowdh.xn--p1ai"),
        ("http://[::1]:8090/", "http://[::1]:8090"),
    ],
)
def test_ports_folders_and_idn_are_kept(typed: str, root: str) -> None:
    assert normalize_tracker_url(typed) == root


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "ftp://tracker.example.com", "just words here", "https://:80", "http://x:abc"],
)
def test_garbage_is_refused_with_a_reason(typed: str) -> None:
    with pytest.raises(InvalidTrackerUrl) as caught:
        normalize_tracker_url(typed)
    assert str(caught.value)


def test_a_postback_url_gives_its_root_and_key() -> None:
    address = parse_postback_url(
        "https://trk.example.com/e89bcbe/postback?subid={subid}&status={status}"
    )
    assert (address.root, address.key) == ("https://trk.example.com", "e89bcbe")
    with pytest.raises(InvalidTrackerUrl):
        parse_postback_url("https://trk.example.com/admin/")


@pytest.mark.parametrize(
    ("typed", "root"),
    [
        ("https://trk.example.com/e89bcbe/postback?subid={subid}", "https://trk.example.com"),
        ("trk.example.com.", "https://trk.example.com"),
        ("my_trk.example.com", "https://my_trk.example.com"),
    ],
)
def test_odd_but_real_addresses(typed: str, root: str) -> None:
    assert normalize_tracker_url(typed) == root
