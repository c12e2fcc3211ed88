"""Regression tests for issue 13's client defects 1, 2 and 6 (3, 4, 5 and 9 are in
test_client_retries, test_client_errors and test_client_auth), and the error-module cycle."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_bandwidth import ACCOUNT, FakeBandwidth, Fault
from pydantic import ValidationError

import bxmlkit.errors
from bxmlkit.client import (
    NO_RETRY,
    AuthenticationError,
    BadRequestError,
    BandwidthClient,
    ConflictError,
    CreateCall,
    InvalidResponseError,
    MachineDetectionConfiguration,
    NotFoundError,
    UpdateCall,
)
from bxmlkit.client._paging import PageTrail, same_origin
from bxmlkit.client._redact import WITHHELD

HOOK_USER = "hook-user-7Q"
HOOK_PASSWORD = "hook-pass-9Z!"
FALLBACK_USER = "fallback-user-3K"
FALLBACK_PASSWORD = "fallback-pass-5M"
HOOK_SECRETS = (HOOK_USER, HOOK_PASSWORD, FALLBACK_USER, FALLBACK_PASSWORD)


def _assert_no_hook_secret(*texts: str) -> None:
    for text in texts:
        for secret in HOOK_SECRETS:
            assert secret not in text, f"{secret!r} leaked into {text!r}"


# --------------------------------------------------------------------------- defect 1

_CREDENTIALS = {
    "username": HOOK_USER,
    "password": HOOK_PASSWORD,
    "fallback_username": FALLBACK_USER,
    "fallback_password": FALLBACK_PASSWORD,
}


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        pytest.param(
            UpdateCall,
            {"state": "completed", "redirect_url": "https://e.example/r", **_CREDENTIALS},
            id="update-call-cross-field",
        ),
        pytest.param(
            CreateCall,
            {
                "to": "+15553334444",
                "from_": "+15551112222",
                "application_id": "a",
                "answer_url": "http://e.example/a",  # http with credentials: refused
                **_CREDENTIALS,
            },
            id="create-call-cross-field",
        ),
        pytest.param(
            CreateCall,
            {
                "to": "+15553334444",
                "from_": "+15551112222",
                "application_id": "a",
                "answer_url": "https://e.example/a",
                "machine_detection": {"callback_url": "ftp://x", **_CREDENTIALS},
            },
            id="nested-machine-detection",
        ),
        pytest.param(
            MachineDetectionConfiguration,
            {"username": HOOK_USER * 200, "password": HOOK_PASSWORD * 200},
            id="credential-too-long",
        ),
    ],
)
def test_validation_errors_never_show_webhook_credentials(
    model: type[UpdateCall | CreateCall | MachineDetectionConfiguration], fields: dict[str, Any]
) -> None:
    def construct() -> object:
        return model(**fields)

    def validate() -> object:
        return model.model_validate(fields)

    for build in (construct, validate):
        with pytest.raises(ValidationError) as caught:
            build()
        error = caught.value
        _assert_no_hook_secret(str(error), repr(error), json.dumps(error.errors(), default=str))
        for item in error.errors():
            _assert_no_hook_secret(repr(item["input"]))
        assert error.__context__ is None  # the raw input is not kept on a chained exception
        assert error.errors()  # the errors themselves are all still there


def test_client_methods_report_the_mistake_without_the_credentials(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    with pytest.raises(ValidationError) as caught:
        client.calls.update_call("c-1", state="completed", redirect_url="https://e.x/r",
                                 username=HOOK_USER, password=HOOK_PASSWORD)  # fmt: skip
    assert "not allowed with state='completed'" in str(caught.value)
    _assert_no_hook_secret(str(caught.value), repr(caught.value.errors()))
    assert fake.requests == []


def test_request_reprs_and_kept_bodies_hide_webhook_credentials(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    update = UpdateCall(redirect_url="https://e.example/r", **_CREDENTIALS)
    _assert_no_hook_secret(repr(update), str(update), json.dumps(update.recorded()))
    call_id = fake.add_call()
    fake.inject("POST", call_id, Fault.status(409))
    with pytest.raises(ConflictError) as caught:
        client.calls.update_call(call_id, update)
    kept = caught.value.response
    assert kept is not None
    _assert_no_hook_secret(kept.request.content.decode())
    # ...while the server got the real values.
    sent = fake.seen("POST", call_id)[0].json()
    assert (sent["username"], sent["password"]) == (HOOK_USER, HOOK_PASSWORD)


# --------------------------------------------------------------------------- defect 2


def test_a_short_username_is_not_redacted_inside_unrelated_text(fake: FakeBandwidth) -> None:
    """With username ``api`` the URL ``.../api/v2/...`` stays readable."""
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username="api",
            password="p",
            voice_base_url=fake.voice_url,
            retry=NO_RETRY,
        ) as bw,
        pytest.raises(AuthenticationError) as caught,
    ):  # the fake refuses them
        bw.calls.get_call("c-1")
    message = str(caught.value)
    assert f"{fake.voice_url}/accounts/{ACCOUNT}/calls/c-1" in message
    assert "[redacted]" not in message
    assert "The credentials provided were invalid" in message  # the description is kept


def test_server_text_carrying_a_secret_is_withheld_whole(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    from fake_bandwidth import PASSWORD

    fake.inject(
        "GET",
        "c-9",
        Fault.status(400, body={"type": "validation", "description": f"bad pw {PASSWORD}!",
                                "id": "e-77"}),
    )  # fmt: skip
    with pytest.raises(BadRequestError) as caught:
        client.calls.get_call("c-9")
    error = caught.value
    assert PASSWORD not in str(error)
    assert error.description == WITHHELD
    # Nothing says where the secret was, or how long it is.
    assert "bad pw" not in str(error)
    assert error.error_type == "validation"
    assert error.error_id == "e-77"
    assert f"{fake.voice_url}/accounts/{ACCOUNT}/calls/c-9" in str(error)


def test_errors_keep_the_api_fields_and_say_what_to_do(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    fake.inject("GET", "c-4", Fault.status(404, body={"type": "validation",
                                                       "description": "Call [c-4] not found",
                                                       "id": "abc-123"}))  # fmt: skip
    with pytest.raises(NotFoundError) as caught:
        client.calls.get_call("c-4")
    error = caught.value
    assert (error.error_type, error.description, error.error_id) == (
        "validation",
        "Call [c-4] not found",
        "abc-123",
    )
    assert "(error id abc-123)" in str(error)
    assert "check the id" in str(error)


@pytest.mark.parametrize("status", [405, 406, 418, 500, 502, 504, 599])
def test_every_error_status_gets_advice(status: int) -> None:
    from bxmlkit.client.errors import error_from_response

    request = httpx.Request("GET", "https://voice.example/api/v2/accounts/1/calls/c-1")
    response = httpx.Response(status, json={"type": "t", "description": "d"}, request=request)
    message = str(error_from_response(response))
    assert message.startswith(f"GET {request.url} failed: HTTP {status}")
    assert message.count(";") >= 1 and len(message.rsplit(";", 1)[1].strip()) > 10


# --------------------------------------------------------------------------- defect 6


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://h.example/api", "https://h.example:443/api/x", True),
        ("http://h.example/api", "http://H.EXAMPLE:80/x", True),
        ("https://h.example/api", "http://h.example/api", False),
        ("https://h.example/api", "https://h.example:8443/api", False),
        ("https://h.example/api", "https://evil.example/api", False),
        ("https://h.example/api", "https://h.example:99999/api", False),
    ],
)
def test_same_origin_knows_default_ports(a: str, b: str, same: bool) -> None:
    assert same_origin(a, b) is same


def _calls_page(fake: FakeBandwidth, link: str) -> Fault:
    fault = Fault.status(200, body=[{"callId": f"c-{len(fake.requests)}"}])
    fault.headers["Link"] = f'<{link}>; rel="next"'
    return fault


def test_a_next_link_with_the_default_port_is_followed(fake: FakeBandwidth) -> None:
    # The fake serves on a random port, so check the rule where it applies: PageTrail.
    trail = PageTrail("https://voice.example/api/v2")
    trail.visit("https://voice.example/api/v2/accounts/1/calls")
    request = httpx.Request("GET", "https://voice.example/api/v2/accounts/1/calls")
    response = httpx.Response(200, request=request)
    target = trail.follow(response, "https://voice.example:443/api/v2/accounts/1/calls?t=2")
    assert target == "https://voice.example:443/api/v2/accounts/1/calls?t=2"


def test_a_repeating_next_link_stops_with_a_clear_error(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    path = f"/api/v2/accounts/{ACCOUNT}/calls"
    fake.inject("GET", "/calls$", _calls_page(fake, f"{path}?pageToken=2"))
    fake.inject("GET", "/calls$", _calls_page(fake, f"{path}?pageToken=3"))
    fake.inject("GET", "/calls$", _calls_page(fake, f"{path}?pageToken=2"))  # back to page 2
    seen: list[str] = []
    calls = client.calls.list_calls()

    def drain() -> None:
        for call in calls:
            seen.append(call.call_id or "")

    with pytest.raises(InvalidResponseError) as caught:
        drain()
    assert len(seen) == 3  # every item before the loop was returned
    assert "leads back to page 2" in str(caught.value)
    assert len(fake.seen("GET", "/calls$")) == 3


def test_a_next_link_to_the_same_page_stops(fake: FakeBandwidth, client: BandwidthClient) -> None:
    path = f"/api/v2/accounts/{ACCOUNT}/calls"
    fake.inject("GET", "/calls$", _calls_page(fake, f"{path}?pageSize=1"))
    with pytest.raises(InvalidResponseError, match="leads back to page 1"):
        list(client.calls.list_calls(page_size=1))


def test_pages_are_bounded(fake: FakeBandwidth) -> None:
    path = f"/api/v2/accounts/{ACCOUNT}/calls"
    for n in range(6):
        fake.inject("GET", "/calls$", _calls_page(fake, f"{path}?pageToken={n + 1}"))
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username="u",
            password="p",
            voice_base_url=fake.voice_url,
            max_pages=4,
        ) as bw,
        pytest.raises(InvalidResponseError, match=r"stopped after 4 pages \(max_pages\)"),
    ):
        list(bw.calls.list_calls())
    assert len(fake.seen("GET", "/calls$")) == 4


def test_a_foreign_next_link_is_refused(fake: FakeBandwidth, client: BandwidthClient) -> None:
    fake.inject("GET", "/calls$", _calls_page(fake, "https://evil.example/steal"))
    with pytest.raises(InvalidResponseError, match="another origin"):
        list(client.calls.list_calls())


# --------------------------------------------------------------------------- error modules


def test_the_root_error_module_imports_nothing_from_bxmlkit() -> None:
    tree = ast.parse(Path(bxmlkit.errors.__file__).read_text())
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("bxmlkit")], imported


def test_importing_the_root_error_module_loads_no_client_code() -> None:
    code = (
        "import sys, bxmlkit.errors; "
        "print(sorted(m for m in sys.modules if m.startswith(('bxmlkit.client', 'httpx'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
