"""Sync against a real sandbox process over loopback."""

from __future__ import annotations

from icanal_desktop.sync import sync_account

from .conftest import Account

AVAILABLE = ("profile", "subscriptions")


def test_first_sync_fills_the_cache_and_a_second_costs_only_304s(demo: Account) -> None:
    report = sync_account(demo.client, demo.cache, resources=AVAILABLE)
    assert report.ok, report.failed
    assert report.fetched == list(AVAILABLE)
    snapshot = demo.cache.snapshot()
    assert snapshot.profile is not None
    assert snapshot.profile.email == "demo@icanal.example"
    assert snapshot.subscriptions

    demo.client.statuses.clear()
    again = sync_account(demo.client, demo.cache, resources=AVAILABLE)
    assert again.ok
    assert again.unchanged == list(AVAILABLE)
    assert set(demo.client.statuses) == {304}
    assert sum(demo.client.statuses.values()) == len(AVAILABLE)
