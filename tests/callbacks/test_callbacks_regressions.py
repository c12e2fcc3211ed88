"""Regression tests for issue 13's callback defects 7 (header containers) and 8 (errorCode 0)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import pytest

from bxmlkit.callbacks import (
    CallbackError,
    MessageDeliveredEvent,
    MessageSentEvent,
    check_basic_auth,
    parse_callback,
)

USER, PASSWORD = "hook", "pa:ss wörd"


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


RIGHT = _basic(USER, PASSWORD)
WRONG = _basic(USER, PASSWORD + "x")


class _ReadOnlyHeaders(Mapping[str, str]):
    """A mapping that is not a dict and whose keys keep the sender's spelling."""

    def __init__(self, data: dict[str, str]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


# --------------------------------------------------------------------------- defect 7


@pytest.mark.parametrize(
    ("headers", "ok"),
    [
        pytest.param([(b"authorization", RIGHT.encode())], True, id="asgi-raw-pairs"),
        pytest.param([(b"Authorization", RIGHT.encode())], True, id="asgi-pairs-mixed-case"),
        pytest.param(
            [(b"host", b"example.com"), (b"authorization", RIGHT.encode())],
            True,
            id="asgi-pairs-among-others",
        ),
        pytest.param([(b"authorization", WRONG.encode())], False, id="asgi-pairs-wrong"),
        pytest.param(
            {"type": "http", "headers": [(b"authorization", RIGHT.encode())]},
            True,
            id="asgi-scope",
        ),
        pytest.param(
            {"REQUEST_METHOD": "POST", "HTTP_AUTHORIZATION": RIGHT, "wsgi.input": object()},
            True,
            id="wsgi-environ",
        ),
        pytest.param(
            {"REQUEST_METHOD": "POST", "HTTP_AUTHORIZATION": WRONG}, False, id="wsgi-wrong"
        ),
        pytest.param({"REQUEST_METHOD": "POST"}, False, id="wsgi-without-auth"),
        pytest.param({"AUTHORIZATION": RIGHT}, True, id="uppercase-key"),
        pytest.param({"aUtHoRiZaTiOn": RIGHT}, True, id="mixed-case-key"),
        pytest.param(_ReadOnlyHeaders({"AuThOrIzAtIoN": RIGHT}), True, id="any-mapping"),
        pytest.param(
            [("authorization", RIGHT), ("Authorization", RIGHT)], True, id="repeated-same"
        ),
        pytest.param(
            [(b"authorization", RIGHT.encode()), (b"authorization", WRONG.encode())],
            False,
            id="repeated-different-is-ambiguous",
        ),
        pytest.param([(b"authorization", b"Basic \xff\xfe")], False, id="non-ascii-bytes"),
    ],
)
def test_check_basic_auth_reads_every_header_container(headers: Any, ok: bool) -> None:
    assert check_basic_auth(headers, USER, PASSWORD) is ok


def test_check_basic_auth_reads_framework_header_objects() -> None:
    from django.http.request import HttpHeaders
    from starlette.datastructures import Headers
    from werkzeug.datastructures import Headers as WerkzeugHeaders

    starlette_headers = Headers(raw=[(b"authorization", RIGHT.encode())])
    werkzeug_headers = WerkzeugHeaders([("Authorization", RIGHT)])
    django_headers = HttpHeaders({"HTTP_AUTHORIZATION": RIGHT, "CONTENT_TYPE": "text/plain"})
    for headers in (starlette_headers, werkzeug_headers, django_headers):
        assert check_basic_auth(headers, USER, PASSWORD), type(headers).__name__
        assert not check_basic_auth(headers, USER, "other"), type(headers).__name__


# --------------------------------------------------------------------------- defect 8


def _status(kind: str, **extra: Any) -> list[Mapping[str, Any]]:
    return [
        {
            "type": kind,
            "time": "2026-01-02T03:04:05.678Z",
            "to": "+15553334444",
            "description": "ok",
            "message": {"id": "m-1", "direction": "out", "to": ["+15553334444"]},
            **extra,
        }
    ]


def test_message_delivered_with_error_code_zero_is_accepted() -> None:
    event = parse_callback(_status("message-delivered", errorCode=0))
    assert isinstance(event, MessageDeliveredEvent)
    assert event.error_code == 0


def test_error_code_zero_from_a_query_string_is_accepted() -> None:
    event = parse_callback("type=message-sent&errorCode=0&to=%2B15553334444")
    assert isinstance(event, MessageSentEvent)
    assert event.error_code == 0


def test_a_real_error_code_on_message_delivered_is_still_a_contradiction() -> None:
    with pytest.raises(CallbackError, match="errorCode 4432 on a message-delivered"):
        parse_callback(_status("message-delivered", errorCode=4432))
