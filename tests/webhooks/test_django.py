"""The Django adapter, driven through Django's test client (settings from conftest.py)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bxmlkit.webhooks import WebhookApp
from tests.webhooks.scenarios import (
    AUTH,
    CASE_IDS,
    CASES,
    PATH,
    Case,
    Recorder,
    check_reply,
    make_app,
)

pytestmark = pytest.mark.usefixtures("django_settings")


def _urlconf(app: WebhookApp) -> type:
    from bxmlkit.webhooks.django import urlpatterns

    class Urls:  # ROOT_URLCONF may be any object with urlpatterns
        pass

    Urls.urlpatterns = urlpatterns(app, PATH.lstrip("/"))  # type: ignore[attr-defined]
    return Urls


def _send(app: WebhookApp, case: Case) -> Any:
    from django.test import Client, override_settings

    headers = {k: v for k, v in case.headers.items() if k.lower() != "content-type"}
    content_type = case.headers.get("Content-Type", "application/octet-stream")
    with override_settings(ROOT_URLCONF=_urlconf(app)):
        return Client(enforce_csrf_checks=True).generic(
            case.method,
            PATH + ("?" + case.query if case.query else ""),
            data=case.body,
            content_type=content_type,
            headers=headers,
        )


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_django_scenario(case: Case, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    with caplog.at_level(logging.INFO, logger="bxmlkit.webhooks"):
        reply = _send(make_app(recorder), case)
    headers = {name.lower(): value for name, value in reply.headers.items()}
    check_reply(case, reply.status_code, headers, reply.content, caplog.records, recorder)
    if case.framework_405:  # Django routes every method to the view: the core answers
        assert reply.status_code == 405
        assert reply.headers["Allow"] == "GET, POST"


def test_django_view_routed_by_hand() -> None:
    from django.test import Client, override_settings
    from django.urls import path

    from bxmlkit.webhooks.django import view

    class Urls:
        urlpatterns = [path("hooks/voice", view(make_app()))]

    with override_settings(ROOT_URLCONF=Urls):
        reply = Client().get("/hooks/voice?eventType=disconnect", headers=AUTH)
    assert reply.status_code == 204
    assert "Content-Type" not in reply.headers
    assert reply.content == b""
