"""Every error class, from real HTTP replies and real broken connections."""

from __future__ import annotations

import inspect

import httpx
import pytest
from fake_bandwidth import ACCOUNT, PASSWORD, USERNAME, FakeBandwidth, Fault, http_date

import bxmlkit.client.errors as errors_module
from bxmlkit.client import (
    NO_RETRY,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    BandwidthClient,
    ConflictError,
    ConnectionFailedError,
    ConnectionLostError,
    ForbiddenError,
    InvalidResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TransportError,
    UnsupportedMediaTypeError,
)
from bxmlkit.client.errors import (
    ClientConfigError,
    error_class_for,
    parse_retry_after,
    translate_transport_error,
)
from bxmlkit.errors import BxmlError


def _no_retry_client(fake: FakeBandwidth, **kwargs: object) -> BandwidthClient:
    options: dict[str, object] = {
        "account_id": ACCOUNT,
        "username": USERNAME,
        "password": PASSWORD,
        "voice_base_url": fake.voice_url,
        "messaging_base_url": fake.messaging_url,
        "retry": NO_RETRY,
        "timeout": 5.0,
    }
    options.update(kwargs)
    return BandwidthClient(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        pytest.param(400, BadRequestError, id="400"),
        pytest.param(401, AuthenticationError, id="401"),
        pytest.param(403, ForbiddenError, id="403"),
        pytest.param(404, NotFoundError, id="404"),
        pytest.param(405, ApiError, id="405-root-class"),
        pytest.param(409, ConflictError, id="409"),
        pytest.param(415, UnsupportedMediaTypeError, id="415"),
        pytest.param(429, RateLimitError, id="429"),
        pytest.param(500, ServerError, id="500"),
        pytest.param(502, ServerError, id="502"),
        pytest.param(503, ServiceUnavailableError, id="503"),
    ],
)
def test_each_status_has_its_class(status: int, cls: type[ApiError], fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/c-1$", Fault.status(status))
    with _no_retry_client(fake) as bw, pytest.raises(ApiError) as caught:
        bw.calls.get_call("c-1")
    error = caught.value
    assert type(error) is cls
    assert isinstance(error, BxmlError)
    assert error.status_code == status
    assert error.response is not None
    assert error.response.status_code == status
    assert error.method == "GET"
    assert error.url.endswith("/calls/c-1")
    assert f"HTTP {status}" in str(error)


def test_error_body_fields(fake: FakeBandwidth) -> None:
    fake.inject(
        "POST",
        "/calls$",
        Fault.status(400, body={"type": "validation", "description": "Invalid to", "id": "e-42"}),
    )
    with _no_retry_client(fake) as bw, pytest.raises(BadRequestError) as caught:
        bw.calls.create_call(
            to="+15553334444",
            from_="+15551112222",
            application_id="a",
            answer_url="https://e.com/a",
        )
    error = caught.value
    assert (error.error_type, error.description, error.error_id) == (
        "validation",
        "Invalid to",
        "e-42",
    )
    assert "validation: Invalid to (error id e-42)" in str(error)


def test_real_auth_failures(fake: FakeBandwidth) -> None:
    with _no_retry_client(fake, password="wrong") as bw, pytest.raises(AuthenticationError) as a:
        bw.calls.get_call("c-1")
    assert a.value.error_type == "authentication-error"
    assert "BW_USERNAME" in str(a.value)
    with _no_retry_client(fake, account_id="1234") as bw, pytest.raises(ForbiddenError) as f:
        bw.calls.get_call("c-1")
    assert f.value.description == "Access is denied"


def test_non_json_error_body_still_says_something_useful(fake: FakeBandwidth) -> None:
    html = b"<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>"
    fake.inject("GET", "/calls/c-1$", Fault.status(502, raw=html, content_type="text/html"))
    with _no_retry_client(fake) as bw, pytest.raises(ServerError) as caught:
        bw.calls.get_call("c-1")
    message = str(caught.value)
    assert "non-JSON error body (text/html)" in message
    assert "502 Bad Gateway" in message
    assert caught.value.error_type == ""


def test_empty_and_foreign_json_error_bodies(fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/c-1$", Fault.status(500, raw=b""))
    fake.inject("GET", "/calls/c-2$", Fault.status(400, body={"error": "invalid_request"}))
    with _no_retry_client(fake) as bw:
        with pytest.raises(ServerError, match="empty error body"):
            bw.calls.get_call("c-1")
        with pytest.raises(BadRequestError, match="invalid_request"):
            bw.calls.get_call("c-2")


def test_messaging_field_errors(fake: FakeBandwidth) -> None:
    fake.inject(
        "POST",
        "/messages$",
        Fault.status(
            400,
            body={
                "type": "request-validation",
                "description": "Your request could not be accepted",
                "fieldErrors": [{"fieldName": "to", "description": "'+1555' is not valid"}],
            },
        ),
    )
    with _no_retry_client(fake) as bw, pytest.raises(BadRequestError) as caught:
        bw.messages.send_message("+15551112222", "+15553334444", application_id="a", text="hi")
    assert [tuple(f) for f in caught.value.field_errors] == [("to", "'+1555' is not valid")]
    assert "to: '+1555' is not valid" in str(caught.value)


@pytest.mark.parametrize(
    ("header", "low", "high"),
    [
        pytest.param("7", 7.0, 7.0, id="seconds"),
        pytest.param(30.0, 28.0, 30.0, id="http-date"),
        pytest.param(-60.0, 0.0, 0.0, id="date-in-the-past"),
    ],
)
def test_rate_limit_retry_after(
    header: str | float, low: float, high: float, fake: FakeBandwidth
) -> None:
    if isinstance(header, float):
        header = http_date(header)
    fake.inject("POST", "/calls$", Fault.status(429, retry_after=header))
    with _no_retry_client(fake) as bw, pytest.raises(RateLimitError) as caught:
        bw.calls.create_call(
            to="+15553334444", from_="+15551112222", application_id="a", answer_url="https://e.c"
        )
    assert caught.value.retry_after is not None
    assert low <= caught.value.retry_after <= high


def test_unreadable_retry_after_is_none() -> None:
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0


def test_unavailable_carries_retry_after(fake: FakeBandwidth) -> None:
    fake.inject("POST", "/calls/c-1$", Fault.status(503, retry_after="3"))
    with _no_retry_client(fake) as bw, pytest.raises(ServiceUnavailableError) as caught:
        bw.calls.hangup("c-1")
    assert caught.value.retry_after == 3.0
    assert isinstance(caught.value, ServerError)


# --------------------------------------------------------------------------- broken replies


def test_malformed_json_on_success(fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/c-1$", Fault.malformed_json())
    with _no_retry_client(fake) as bw, pytest.raises(InvalidResponseError) as caught:
        bw.calls.get_call("c-1")
    assert "not valid JSON" in str(caught.value)
    assert caught.value.status_code == 200


def test_json_cut_short_with_matching_length(fake: FakeBandwidth) -> None:
    fake.inject("POST", "/calls$", Fault.cut_json(201))
    with _no_retry_client(fake) as bw, pytest.raises(InvalidResponseError, match="truncated"):
        bw.calls.create_call(
            to="+15553334444", from_="+15551112222", application_id="a", answer_url="https://e.c"
        )


@pytest.mark.parametrize(
    ("status", "body", "location"),
    [
        pytest.param(201, {"callId": "c-1"}, None, id="201-without-callUrl-and-more"),
        pytest.param(200, {"callId": "c-1", "accountId": ACCOUNT}, None, id="200-not-201"),
        pytest.param(201, None, "https://v.example/api/v2/accounts/1/calls/c-1", id="location"),
        pytest.param(202, None, "https://v.example/api/v2/accounts/1/calls/c-1", id="202-empty"),
    ],
)
def test_an_unexpected_2xx_is_success(
    status: int, body: dict[str, str] | None, location: str | None, fake: FakeBandwidth
) -> None:
    """Defect 5: the call was placed; its id is read from the body or from Location."""
    fault = Fault.status(status, body=body) if body else Fault.status(status, raw=b"")
    if location:
        fault.headers["Location"] = location
    fake.inject("POST", "/calls$", fault)
    with _no_retry_client(fake) as bw:
        call = bw.calls.create_call(
            to="+15553334444", from_="+15551112222", application_id="a", answer_url="https://e.c"
        )
    assert call.call_id == "c-1"
    assert call.location == location
    assert len(fake.seen("POST", "/calls$")) == 1


def test_a_2xx_without_any_call_id_says_the_call_was_placed(fake: FakeBandwidth) -> None:
    fake.inject("POST", "/calls$", Fault.status(201, body={"to": "+15553334444"}))
    with _no_retry_client(fake) as bw, pytest.raises(InvalidResponseError) as caught:
        bw.calls.create_call(
            to="+15553334444", from_="+15551112222", application_id="a", answer_url="https://e.c"
        )
    assert "the call was placed" in str(caught.value)
    assert "do not create it again" in str(caught.value)
    assert len(fake.seen("POST", "/calls$")) == 1


def test_an_unexpected_2xx_on_update_is_success(fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    fake.inject("POST", call_id, Fault.status(204, raw=b""))
    fake.inject("PUT", call_id, Fault.status(200, body={"unexpected": True}))
    with _no_retry_client(fake) as bw:
        bw.calls.hangup(call_id)
        bw.calls.update_call_bxml(call_id, "<Bxml><Hangup/></Bxml>")
    assert len(fake.seen("POST", call_id)) == 1
    assert len(fake.seen("PUT", call_id)) == 1


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault.drop(), id="dropped"),
        pytest.param(Fault.reset_mid_body(), id="reset-mid-body"),
        pytest.param(Fault.truncated(), id="truncated-body"),
    ],
)
def test_broken_connections_are_connection_lost(fault: Fault, fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/c-1$", fault)
    with _no_retry_client(fake) as bw, pytest.raises(ConnectionLostError) as caught:
        bw.calls.get_call("c-1")
    error = caught.value
    assert isinstance(error, TransportError)
    assert error.status_code is None
    assert error.request_sent is True
    assert isinstance(error.__cause__, httpx.HTTPError)
    assert "may or may not have acted" in str(error)


def test_slow_reply_is_a_timeout(fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/c-1$", Fault.slow(2.0))
    with _no_retry_client(fake, timeout=0.2) as bw, pytest.raises(ApiTimeoutError) as caught:
        bw.calls.get_call("c-1")
    assert caught.value.phase == "read"
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert "raise the client's timeout" in str(caught.value)


def test_nothing_listening_is_connection_failed() -> None:
    port = _free_port()
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=f"http://127.0.0.1:{port}/api/v2",
            retry=NO_RETRY,
        ) as bw,
        pytest.raises(ConnectionFailedError) as caught,
    ):
        bw.calls.get_call("c-1")
    assert caught.value.request_sent is False
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --------------------------------------------------------------------------- the mapping


def _httpx_exception_classes() -> list[type[Exception]]:
    found: list[type[Exception]] = []
    for _, obj in inspect.getmembers(httpx):
        if (
            isinstance(obj, type)
            and issubclass(obj, Exception)
            and obj.__module__.startswith("httpx")
        ):
            found.append(obj)
    return found


def test_every_httpx_exception_has_a_deliberate_mapping() -> None:
    """Every exception class httpx defines is covered by a row of the table, and every
    transport-level one (what a request can raise) by a row of its own."""
    rows = [row[0] for row in errors_module._TRANSPORT_MAP]
    classes = _httpx_exception_classes()
    assert len(classes) >= 20
    uncovered = [
        c.__name__
        for c in classes
        if c is not httpx.CookieConflict and not any(issubclass(c, row) for row in rows)
    ]
    assert uncovered == []
    leaves = [c for c in classes if issubclass(c, httpx.TransportError) and not c.__subclasses__()]
    assert leaves
    assert [c.__name__ for c in leaves if c not in rows] == []


@pytest.mark.parametrize(
    ("exc", "cls", "sent"),
    [
        (httpx.ConnectError("refused"), ConnectionFailedError, False),
        (httpx.ConnectTimeout("slow"), ApiTimeoutError, False),
        (httpx.PoolTimeout("busy"), ApiTimeoutError, False),
        (httpx.ReadTimeout("slow"), ApiTimeoutError, True),
        (httpx.WriteTimeout("slow"), ApiTimeoutError, None),
        (httpx.ReadError("reset"), ConnectionLostError, True),
        (httpx.WriteError("broken pipe"), ConnectionLostError, None),
        (httpx.RemoteProtocolError("closed"), ConnectionLostError, True),
        (httpx.LocalProtocolError("bad header"), TransportError, False),
        (httpx.ProxyError("proxy"), ConnectionFailedError, False),
        (httpx.UnsupportedProtocol("ftp"), ClientConfigError, None),
        (httpx.DecodingError("gzip"), InvalidResponseError, None),
        (httpx.TooManyRedirects("loop"), InvalidResponseError, None),
        (httpx.InvalidURL("bad"), ClientConfigError, None),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else str(v),
)
def test_translation(exc: Exception, cls: type[ApiError], sent: bool | None) -> None:
    error = translate_transport_error(exc, method="GET", url="https://h/x")
    assert type(error) is cls
    assert "GET https://h/x" in str(error)
    if isinstance(error, TransportError):
        assert error.request_sent is sent


def test_translation_redacts() -> None:
    exc = httpx.ConnectError("failed for user s3cret")
    error = translate_transport_error(
        exc, method="GET", url="https://h/x", redact=lambda s: s.replace("s3cret", "[redacted]")
    )
    assert "s3cret" not in str(error)


def test_error_class_for_unlisted_statuses() -> None:
    assert error_class_for(418) is ApiError
    assert error_class_for(599) is ServerError
    assert issubclass(ClientConfigError, ValueError)


def test_the_drawn_tree_matches_the_classes() -> None:
    """The tree in bxmlkit.client.errors' docstring is the real inheritance, class by class."""
    import re

    import bxmlkit.errors as root_errors

    doc = errors_module.__doc__ or ""
    drawn: list[tuple[int, str]] = []
    for line in doc.splitlines():
        match = re.match(r"^([\s│]*(?:[├└]── )?)([A-Z][A-Za-z]+)\b", line)
        if match and (hasattr(errors_module, match.group(2)) or match.group(2) == "BxmlError"):
            drawn.append((len(match.group(1)), match.group(2)))
    names = [name for _, name in drawn]
    assert names[:2] == ["BxmlError", "ApiError"]
    stack: list[tuple[int, str]] = []
    for depth, name in drawn:
        while stack and stack[-1][0] >= depth:
            stack.pop()
        cls = getattr(errors_module, name, None) or getattr(root_errors, name)
        if stack:
            parent = stack[-1][1]
            parent_cls = getattr(errors_module, parent, None) or getattr(root_errors, parent)
            assert parent_cls in cls.__bases__, f"{name} is drawn under {parent}"
        stack.append((depth, name))
    public = {
        n
        for n in errors_module.__all__
        if isinstance(getattr(errors_module, n), type)
        and issubclass(getattr(errors_module, n), Exception)
    }
    assert public <= set(names)
