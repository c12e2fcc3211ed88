"""Django needs settings before its test client runs: configured here, for these tests only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]


@pytest.fixture
def django_settings() -> Iterator[None]:
    """Minimal settings (no database, no apps) with the CSRF middleware on, so that the
    adapter's exemption is tested; each test picks its own ROOT_URLCONF.  When something
    else in the process configured Django first (the docs page does), the settings these
    tests depend on are overridden for each test."""
    import django
    from django.conf import settings
    from django.test import override_settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            SECRET_KEY="tests-only-not-secret",
            ALLOWED_HOSTS=["testserver"],
            MIDDLEWARE=MIDDLEWARE,
            INSTALLED_APPS=[],
            DATABASES={},
            USE_TZ=True,
            LOGGING_CONFIG=None,
        )
        django.setup()
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"], MIDDLEWARE=MIDDLEWARE):
        yield
