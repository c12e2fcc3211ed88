"""Django needs settings before its test client runs: configured here, for these tests only."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_settings() -> None:
    """Minimal settings (no database, no apps), with the CSRF middleware on so that the
    adapter's exemption is tested; each test picks its own ROOT_URLCONF."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            SECRET_KEY="tests-only-not-secret",
            ALLOWED_HOSTS=["testserver"],
            ROOT_URLCONF=None,
            MIDDLEWARE=[
                "django.middleware.common.CommonMiddleware",
                "django.middleware.csrf.CsrfViewMiddleware",
            ],
            INSTALLED_APPS=[],
            DATABASES={},
            USE_TZ=True,
            LOGGING_CONFIG=None,
        )
    django.setup()
