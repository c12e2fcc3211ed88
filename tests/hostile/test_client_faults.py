"""Client faults that tests/client does not already cover, against the loopback fake server.

Already covered there (not repeated here): connection refused (test_client_errors,
test_client_retries), reset mid-body, dropped and truncated replies, read timeouts, a single
500, 503 retries and their bound, 429 with Retry-After in seconds and as an HTTP date,
malformed and cut JSON, a broken token endpoint (not JSON, no token, dropped, 401), and
credentials in reprs, errors and logs for those cases (test_client_auth).

Added here: a timeout while connecting, 500 and 503 storms with a bounded total time, 429
without Retry-After, redirects (never followed, no credential sent on), non-JSON success
bodies, token-endpoint storms, timeouts and redirects, no POST repeated after any fault that
may have reached the server, and a sweep that no credential appears in any message, repr,
traceback or log record of any fault.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import socket
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "client"))

from fake_bandwidth import (
    ACCOUNT,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    USERNAME,
    FakeBandwidth,
    Fault,
    http_date,
)

from bxmlkit.client import (
    NO_RETRY,
    ApiError,
    ApiTimeoutError,
    BandwidthClient,
    ConnectionLostError,
    InvalidResponseError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    ServiceUnavailableError,
)

from .conftest import Canary

SECRETS = (
    PASSWORD,
    CLIENT_SECRET,
    base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
    base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode(),
)
CALL = {"to": "+15553334444", "from_": "+15551112222", "application_id": "a",
        "answer_url": "https://example.com/answer"}  # fmt: skip


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _retry(**overrides: Any) -> RetryPolicy:
    values: dict[str, Any] = {"max_retries": 3, "backoff_base": 0.01, "backoff_max": 0.04,
                              "retry_after_max": 5.0, "max_elapsed": 10.0}  # fmt: skip
    values.update(overrides)
    return RetryPolicy(**values)


@pytest.fixture
def fake() -> Iterator[FakeBandwidth]:
    server = FakeBandwidth().start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.errors, server.errors


def _client(fake: FakeBandwidth, sleeps: Sleeps | None = None, **kwargs: Any) -> BandwidthClient:
    options: dict[str, Any] = {
        "account_id": ACCOUNT, "username": USERNAME, "password": PASSWORD,
        "voice_base_url": fake.voice_url, "messaging_base_url": fake.messaging_url,
        "retry": _retry(), "sleep": sleeps if sleeps is not None else Sleeps(), "timeout": 2.0,
    }  # fmt: skip
    options.update(kwargs)
    return BandwidthClient(**options)


def _oauth(fake: FakeBandwidth, **kwargs: Any) -> BandwidthClient:
    return _client(
        fake, username=None, password=None, client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
        token_url=fake.token_url, **kwargs,
    )  # fmt: skip


def _assert_clean(error: BaseException, records: list[logging.LogRecord] = ()) -> None:  # type: ignore[assignment]
    texts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    cause = error.__cause__
    if cause is not None:
        texts += [str(cause), repr(cause)]
    response = getattr(error, "response", None)
    if response is not None:
        texts += [str(dict(response.request.headers)), repr(response.request.content)]
    for record in records:
        texts.append(record.getMessage() + repr(record.args) + str(record.__dict__))
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into {text[:300]!r}"


# --------------------------------------------------------------------------- connect timeout


@contextlib.contextmanager
def _black_hole() -> Iterator[int]:
    """A loopback port whose accept queue is full: a new connection's SYN is never answered,
    so connecting times out (Linux drops SYNs to a full queue)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(8):  # fill the queue; never accepted
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def test_connect_timeout_is_typed_bounded_and_retried_only_as_unsent() -> None:
    import httpx

    sleeps = Sleeps()
    with _black_hole() as port:
        client = BandwidthClient(
            account_id=ACCOUNT, username=USERNAME, password=PASSWORD,
            voice_base_url=f"http://127.0.0.1:{port}/api/v2",
            retry=_retry(max_retries=2), sleep=sleeps,
            timeout=httpx.Timeout(5.0, connect=0.3),
        )  # fmt: skip
        started = time.monotonic()
        with client, pytest.raises(ApiTimeoutError) as caught:
            client.calls.create_call(**CALL)  # type: ignore[arg-type]
        elapsed = time.monotonic() - started
    if caught.value.phase != "connect":  # pragma: no cover - a kernel that answers anyway
        pytest.skip(f"this kernel does not drop SYNs to a full queue ({caught.value.phase})")
    assert caught.value.request_sent is False
    # nothing was sent, so even the POST may be retried: 3 attempts of 0.3 s, then give up
    assert len(sleeps) == 2
    assert "gave up after 3 attempts" in str(caught.value)
    assert elapsed < 3 * 0.3 + 2.0
    _assert_clean(caught.value)


# --------------------------------------------------------------------------- storms


def test_500_storm_is_never_retried_and_stays_fast(fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/", *[Fault.status(500)] * 20)
    sleeps = Sleeps()
    started = time.monotonic()
    with _client(fake, sleeps) as bw:
        for _ in range(20):
            with pytest.raises(ServerError) as caught:
                bw.calls.get_call("c-1")
            assert caught.value.status_code == 500
            assert "HTTP 500" in str(caught.value)
    assert time.monotonic() - started < 5.0
    assert sleeps == []
    assert len(fake.requests) == 20


def test_503_storm_is_bounded_per_call(fake: FakeBandwidth) -> None:
    fake.inject("GET", "/calls/", *[Fault.status(503)] * 40)
    fake.inject("POST", "/calls/", *[Fault.status(503)] * 10)
    sleeps = Sleeps()
    with _client(fake, sleeps) as bw:
        for _ in range(10):
            with pytest.raises(ServiceUnavailableError, match="gave up after 4 attempts"):
                bw.calls.get_call("c-1")
        for _ in range(10):  # update_call is a POST: never repeated
            with pytest.raises(ServiceUnavailableError):
                bw.calls.hangup("c-1")
    assert len(fake.seen("GET")) == 40
    assert len(fake.seen("POST")) == 10
    assert len(sleeps) == 30 and max(sleeps) <= 0.04


def test_429_without_retry_after_backs_off(fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(429), Fault.status(429))
    sleeps = Sleeps()
    with _client(fake, sleeps) as bw:
        assert bw.calls.get_call(call_id).call_id == call_id
    assert len(sleeps) == 2 and all(0.0 < s <= 0.04 for s in sleeps)


def test_429_without_retry_after_on_a_post_backs_off_and_is_sent_again(
    fake: FakeBandwidth,
) -> None:
    # A 429 is a refusal (nothing acted), so even create_call is resent (issue 13, defect 4).
    fake.inject("POST", "/calls$", Fault.status(429))
    sleeps = Sleeps()
    with _client(fake, sleeps) as bw:
        bw.calls.create_call(**CALL)  # type: ignore[arg-type]
    assert len(fake.seen("POST", "/calls$")) == 2
    assert len(sleeps) == 1 and 0.0 < sleeps[0] <= 0.04
    assert len(fake.calls) == 1


def test_429_on_a_post_is_raised_at_once_when_turned_off(fake: FakeBandwidth) -> None:
    fake.inject("POST", "/calls$", Fault.status(429))
    with (
        _client(fake, retry=_retry(retry_rate_limited=False)) as bw,
        pytest.raises(RateLimitError) as caught,
    ):
        bw.calls.create_call(**CALL)  # type: ignore[arg-type]
    assert caught.value.retry_after is None
    assert len(fake.seen("POST", "/calls$")) == 1


@pytest.mark.parametrize("header", ["2", "date"])
def test_429_storm_with_retry_after_stops_at_the_budget(fake: FakeBandwidth, header: str) -> None:
    value = "2" if header == "2" else http_date(2)
    fake.inject("GET", "/calls/", *[Fault.status(429, retry_after=value)] * 10)
    sleeps = Sleeps()
    with _client(fake, sleeps, retry=_retry(max_retries=10, max_elapsed=5.0)) as bw:
        bw._engine._ctx.clock = lambda: sum(sleeps)  # the fake sleeps advance the clock
        with pytest.raises(RateLimitError):
            bw.calls.get_call("c-1")
    assert sum(sleeps) <= 5.0
    # An HTTP date has whole seconds, so each wait is under 2 s (under 1 s on a loaded machine,
    # when the request arrives late): the number of waits is what the budget allows.
    assert 1 <= len(sleeps) <= 5.0 // min(sleeps)


# --------------------------------------------------------------------------- redirects


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_not_followed(fake: FakeBandwidth, canary: Canary, status: int) -> None:
    fake.inject("GET", "/calls/c-1$", Fault("status", status, {"Location": f"{canary.url}/x"}))
    fake.inject("POST", "/calls$", Fault("status", status, {"Location": f"{canary.url}/y"}))
    with _client(fake) as bw:
        with pytest.raises(ApiError) as caught:
            bw.calls.get_call("c-1")
        assert caught.value.status_code == status
        assert f"HTTP {status}" in str(caught.value)
        _assert_clean(caught.value)
        with pytest.raises(ApiError) as caught:
            bw.calls.create_call(**CALL)  # type: ignore[arg-type]
        assert caught.value.status_code == status
    assert len(fake.requests) == 2  # each sent once, the redirect never followed
    # canary (fixture teardown) asserts that no connection reached the redirect target


# --------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        (b"", "application/json"),
        (b"null", "application/json"),
        (b"[1, 2]", "application/json"),
        (b"\xff\xfe\x00garbage", "application/json"),
    ],
    ids=["html", "empty", "null", "list", "binary"],
)
def test_non_json_success_bodies_are_invalid_responses(
    fake: FakeBandwidth, raw: bytes, content_type: str
) -> None:
    fake.inject("GET", "/calls/c-1$", Fault.status(200, raw=raw, content_type=content_type))
    with _client(fake, retry=NO_RETRY) as bw, pytest.raises(InvalidResponseError) as caught:
        bw.calls.get_call("c-1")
    assert caught.value.status_code == 200
    _assert_clean(caught.value)


# --------------------------------------------------------------------------- token endpoint


@pytest.mark.parametrize(
    ("faults", "error"),
    [
        ([Fault.status(500)] * 5, ServerError),
        ([Fault.status(503)] * 5, ServiceUnavailableError),
        ([Fault.slow(1.0)] * 5, ApiTimeoutError),
        ([Fault.reset_mid_body()] * 5, ConnectionLostError),
        ([Fault("status", 302, {"Location": "http://127.0.0.1:9/token"})], ApiError),
        (
            [Fault.status(200, raw=b"<html>login</html>", content_type="text/html")],
            InvalidResponseError,
        ),
    ],
    ids=["500", "503-storm", "timeout", "reset", "redirect", "html"],
)
def test_failing_token_endpoint(fake: FakeBandwidth, faults: list[Fault], error: type[ApiError],
                                caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    fake.inject("POST", "/oauth2/token$", *faults)
    started = time.monotonic()
    with (
        caplog.at_level(logging.DEBUG),
        _oauth(fake, timeout=0.3) as bw,
        pytest.raises(error) as caught,
    ):
        bw.calls.get_call("c-1")
    assert time.monotonic() - started < 5.0
    assert fake.seen("GET") == []  # the API itself was never called without a token
    assert len(fake.seen("POST", "/oauth2/token$")) <= 4
    _assert_clean(caught.value, caplog.records)


# --------------------------------------------------------------------------- unsafe requests


FAULTS_AFTER_SENDING = [
    pytest.param(Fault.status(503), id="503"),
    pytest.param(Fault.status(500), id="500"),
    pytest.param(Fault.status(502), id="502"),
    pytest.param(Fault.status(504), id="504"),
    pytest.param(Fault.drop(), id="dropped"),
    pytest.param(Fault.reset_mid_body(), id="reset-mid-body"),
    pytest.param(Fault.truncated(), id="truncated"),
    pytest.param(Fault.slow(1.0), id="read-timeout"),
]


@pytest.mark.parametrize("fault", FAULTS_AFTER_SENDING)
def test_no_post_is_ever_repeated(fake: FakeBandwidth, fault: Fault,
                                  caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    call_id = fake.add_call()
    with caplog.at_level(logging.DEBUG), _client(fake, timeout=0.3) as bw:
        for path, send in (
            ("/calls$", lambda: bw.calls.create_call(**CALL)),  # type: ignore[arg-type]
            (f"/calls/{call_id}$", lambda: bw.calls.hangup(call_id)),
            ("/messages$", lambda: bw.messages.send_message(
                "+15551112222", "+15553334444", application_id="a", text="x")),
            (f"/calls/{call_id}/bxml$", lambda: bw.calls.update_call_bxml(
                call_id, "<Bxml><SpeakSentence>once</SpeakSentence></Bxml>")),
        ):  # fmt: skip
            method = "PUT" if path.endswith("bxml$") else "POST"
            fake.inject(method, path, fault)
            with pytest.raises(ApiError) as caught:
                send()
            assert len(fake.seen(method, path)) == 1, path
            _assert_clean(caught.value, caplog.records)
