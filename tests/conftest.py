"""Fixtures for the whole suite."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# CI-friendly Hypothesis profiles; choose with HYPOTHESIS_PROFILE=long for deeper runs.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_SCRUBBED_PREFIXES = ("BXMLKIT_", "BW_", "BANDWIDTH_")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's credentials or bxmlkit settings."""
    for name in list(os.environ):
        if name.startswith(_SCRUBBED_PREFIXES) or name in ("GITHUB_ACTIONS", "NO_COLOR"):
            monkeypatch.delenv(name, raising=False)
