"""Fixtures for the client tests: the fake Bandwidth server and clients pointed at it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from client_helpers import Sleeps, fast_retry
from fake_bandwidth import ACCOUNT, CLIENT_ID, CLIENT_SECRET, PASSWORD, USERNAME, FakeBandwidth

from bxmlkit.client import BandwidthClient

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def _no_credentials_or_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """No BW_* credential or proxy variable from the machine leaks into a test."""
    for name in list(os.environ):
        if name.startswith(("BW_", "BXMLKIT_")) or name.upper() in _PROXY_VARS:
            monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake() -> Iterator[FakeBandwidth]:
    server = FakeBandwidth().start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.errors, server.errors


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(fake: FakeBandwidth, sleeps: Sleeps) -> Iterator[BandwidthClient]:
    with BandwidthClient(
        account_id=ACCOUNT,
        username=USERNAME,
        password=PASSWORD,
        voice_base_url=fake.voice_url,
        messaging_base_url=fake.messaging_url,
        retry=fast_retry(),
        sleep=sleeps,
        timeout=5.0,
    ) as bw:
        yield bw


@pytest.fixture
def oauth_client(fake: FakeBandwidth, sleeps: Sleeps) -> Iterator[BandwidthClient]:
    with BandwidthClient(
        account_id=ACCOUNT,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        voice_base_url=fake.voice_url,
        messaging_base_url=fake.messaging_url,
        token_url=fake.token_url,
        retry=fast_retry(),
        sleep=sleeps,
        timeout=5.0,
    ) as bw:
        yield bw
