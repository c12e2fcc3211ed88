"""Retries: what is repeated, how long it waits, and that a POST never arrives twice."""

from __future__ import annotations

import logging
import random
import socket
import time

import pytest
from client_helpers import Sleeps, fast_retry
from fake_bandwidth import ACCOUNT, PASSWORD, USERNAME, FakeBandwidth, Fault, http_date

from bxmlkit.client import (
    ApiError,
    ApiTimeoutError,
    BandwidthClient,
    ConnectionFailedError,
    ConnectionLostError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    ServiceUnavailableError,
    TransportError,
)

NEW_CALL = {
    "to": "+15553334444",
    "from_": "+15551112222",
    "application_id": "a",
    "answer_url": "https://example.com/answer",
}


def test_get_is_retried_after_503_then_succeeds(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(503), Fault.status(503))
    assert client.calls.get_call(call_id).call_id == call_id
    assert len(fake.seen("GET", call_id)) == 3
    assert len(sleeps) == 2
    assert sleeps[0] <= sleeps[1] <= 0.04  # backoff grows, capped by backoff_max


def test_retry_after_seconds_is_honoured_exactly(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(429, retry_after="2"))
    client.calls.get_call(call_id)
    assert sleeps == [2.0]
    assert len(fake.seen("GET", call_id)) == 2


def test_retry_after_http_date_is_honoured(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(503, retry_after=http_date(3)))
    client.calls.get_call(call_id)
    assert len(sleeps) == 1
    assert 1.0 <= sleeps[0] <= 3.0


def test_retry_after_longer_than_the_cap_is_raised_not_shortened(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(429, retry_after="600"))
    with pytest.raises(RateLimitError) as caught:
        client.calls.get_call(call_id)
    assert caught.value.retry_after == 600.0
    assert sleeps == []
    assert len(fake.seen("GET", call_id)) == 1


def test_retries_are_bounded(client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps) -> None:
    fake.inject("GET", "c-1", *[Fault.status(503)] * 10)
    with pytest.raises(ServiceUnavailableError, match="gave up after 4 attempts"):
        client.calls.get_call("c-1")
    assert len(fake.seen("GET", "c-1")) == 4  # 1 + max_retries
    assert len(sleeps) == 3


def test_500_is_not_retried(client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps) -> None:
    fake.inject("GET", "c-1", Fault.status(500))
    with pytest.raises(ServerError):
        client.calls.get_call("c-1")
    assert len(fake.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault.status(503), id="503"),
        pytest.param(Fault.drop(), id="dropped-connection"),
        pytest.param(Fault.reset_mid_body(), id="reset-mid-body"),
        pytest.param(Fault.slow(1.0), id="timeout"),
    ],
)
def test_create_call_is_never_sent_twice(fault: Fault, fake: FakeBandwidth, sleeps: Sleeps) -> None:
    fake.inject("POST", "/calls$", fault)
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=fake.voice_url,
            retry=fast_retry(),
            sleep=sleeps,
            timeout=0.3,
        ) as bw,
        pytest.raises((ServiceUnavailableError, ConnectionLostError, ApiTimeoutError)),
    ):
        bw.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
    assert len(fake.seen("POST", "/calls$")) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault.status(503), id="503"),
        pytest.param(Fault.drop(), id="dropped-connection"),
    ],
)
def test_send_message_is_never_sent_twice(
    fault: Fault, client: BandwidthClient, fake: FakeBandwidth
) -> None:
    fake.inject("POST", "/messages$", fault)
    with pytest.raises((ServiceUnavailableError, ConnectionLostError)):
        client.messages.send_message("+15551112222", "+15553334444", application_id="a", text="x")
    assert len(fake.seen("POST", "/messages$")) == 1


def test_update_call_post_is_not_retried(client: BandwidthClient, fake: FakeBandwidth) -> None:
    fake.inject("POST", "c-1", Fault.status(503))
    with pytest.raises(ServiceUnavailableError):
        client.calls.hangup("c-1")
    assert len(fake.seen("POST", "c-1")) == 1


def _reserved_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_post_is_retried_when_the_connection_was_never_made() -> None:
    """Connection refused, so nothing was sent: the POST is retried, and arrives once."""
    port = _reserved_port()
    started: list[FakeBandwidth] = []

    def sleep(seconds: float) -> None:
        # Between the attempts, the server comes up on the port that refused the first one.
        if not started:
            started.append(FakeBandwidth(port=port).start())

    try:
        with BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=f"http://127.0.0.1:{port}/api/v2",
            retry=fast_retry(),
            sleep=sleep,
        ) as bw:
            call = bw.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
        assert call.call_id
        assert len(started[0].seen("POST", "/calls$")) == 1
    finally:
        for server in started:
            server.stop()


def test_connection_refused_every_time_gives_up() -> None:
    sleeps = Sleeps()
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=f"http://127.0.0.1:{_reserved_port()}/api/v2",
            retry=fast_retry(max_retries=2),
            sleep=sleeps,
        ) as bw,
        pytest.raises(ConnectionFailedError, match="gave up after 3 attempts"),
    ):
        bw.messages.send_message("+15551112222", "+15553334444", application_id="a", text="x")
    assert len(sleeps) == 2


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault.drop(), id="dropped-connection"),
        pytest.param(Fault.reset_mid_body(), id="reset-mid-body"),
        pytest.param(Fault.truncated(), id="truncated-body"),
    ],
)
def test_get_is_retried_after_a_broken_connection(
    fault: Fault, client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, fault)
    assert client.calls.get_call(call_id).call_id == call_id
    assert len(fake.seen("GET", call_id)) == 2
    assert len(sleeps) == 1


def test_get_is_retried_after_a_timeout(fake: FakeBandwidth, sleeps: Sleeps) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.slow(1.0))
    with BandwidthClient(
        account_id=ACCOUNT,
        username=USERNAME,
        password=PASSWORD,
        voice_base_url=fake.voice_url,
        retry=fast_retry(),
        sleep=sleeps,
        timeout=0.2,
    ) as bw:
        started = time.monotonic()
        assert bw.calls.get_call(call_id).call_id == call_id
        assert time.monotonic() - started < 1.0
    assert len(fake.seen("GET", call_id)) == 2


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(Fault.status(503), id="503"),
        pytest.param(Fault.status(502), id="502"),
        pytest.param(Fault.drop(), id="dropped-connection"),
        pytest.param(Fault.reset_mid_body(), id="reset"),
        pytest.param(Fault.slow(1.0), id="read-timeout"),
    ],
)
def test_put_bxml_is_never_sent_twice(fault: Fault, fake: FakeBandwidth, sleeps: Sleeps) -> None:
    """Defect 3: a second PUT .../bxml restarts the document (audio replays, Transfer redials)."""
    call_id = fake.add_call()
    fake.inject("PUT", call_id, fault)
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=fake.voice_url,
            retry=fast_retry(),
            sleep=sleeps,
            timeout=0.3,
        ) as bw,
        pytest.raises(ApiError) as caught,
    ):
        bw.calls.update_call_bxml(call_id, "<Bxml><Pause duration='1'/></Bxml>")
    assert len(fake.seen("PUT", call_id)) == 1
    assert sleeps == []
    if isinstance(caught.value, TransportError):
        assert caught.value.request_sent is True


def test_put_bxml_refused_with_429_is_sent_again(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    call_id = fake.add_call()
    fake.inject("PUT", call_id, Fault.status(429, retry_after="1"))
    client.calls.update_call_bxml(call_id, "<Bxml><Pause duration='1'/></Bxml>")
    assert len(fake.seen("PUT", call_id)) == 2
    assert sleeps == [1.0]
    assert len(fake.bxml[call_id]) == 1  # the document ran once


def test_a_post_refused_with_429_is_sent_again_after_retry_after(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    """Defect 4: a 429 is a refusal, so even create_call is safe to resend."""
    fake.inject("POST", "/calls$", Fault.status(429, retry_after="2"), Fault.status(429))
    call = client.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
    assert call.call_id.startswith("c-")
    assert len(fake.seen("POST", "/calls$")) == 3
    assert sleeps[0] == 2.0 and 0 < sleeps[1] <= 0.04
    assert len(fake.calls) == 1


def test_post_429_retries_are_bounded(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    fake.inject("POST", "/messages$", *[Fault.status(429, retry_after="1")] * 10)
    with pytest.raises(RateLimitError) as caught:
        client.messages.send_message("+15551112222", "+15553334444", application_id="a", text="x")
    assert len(fake.seen("POST", "/messages$")) == 4  # max_retries=3
    assert sleeps == [1.0, 1.0, 1.0]
    assert "gave up after 4 attempts" in str(caught.value)
    assert fake.messages == []


def test_post_429_retry_can_be_turned_off(fake: FakeBandwidth, sleeps: Sleeps) -> None:
    fake.inject("POST", "/calls$", Fault.status(429, retry_after="1"))
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            username=USERNAME,
            password=PASSWORD,
            voice_base_url=fake.voice_url,
            retry=fast_retry(retry_rate_limited=False),
            sleep=sleeps,
        ) as bw,
        pytest.raises(RateLimitError) as caught,
    ):
        bw.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
    assert caught.value.retry_after == 1.0
    assert len(fake.seen("POST", "/calls$")) == 1
    assert sleeps == []


@pytest.mark.parametrize("status", [502, 503, 504])
def test_get_is_retried_after_gateway_errors(
    status: int, client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    """Defect 9: 502 and 504 are retried for GET like 503."""
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(status, raw=b"<html>gateway</html>"))
    assert client.calls.get_call(call_id).call_id == call_id
    assert len(fake.seen("GET", call_id)) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [502, 504])
def test_post_is_not_retried_after_gateway_errors(
    status: int, client: BandwidthClient, fake: FakeBandwidth
) -> None:
    fake.inject("POST", "/calls$", Fault.status(status))
    with pytest.raises(ServerError) as caught:
        client.calls.create_call(**NEW_CALL)  # type: ignore[arg-type]
    assert len(fake.seen("POST", "/calls$")) == 1
    assert "may or may not" in str(caught.value) or "retry later" in str(caught.value)


def test_list_pages_are_retried_individually(
    client: BandwidthClient, fake: FakeBandwidth, sleeps: Sleeps
) -> None:
    for _ in range(3):
        fake.add_call()
    calls = client.calls.list_calls(page_size=2)
    next(calls)
    fake.inject("GET", "/calls$", Fault.status(503))
    assert len(list(calls)) == 2
    assert len(fake.seen("GET", "/calls$")) == 3


def test_total_budget_stops_retries(fake: FakeBandwidth) -> None:
    clock = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    policy = RetryPolicy(max_retries=10, backoff_base=4, backoff_max=4, jitter=False, max_elapsed=9)
    fake.inject("GET", "c-1", *[Fault.status(503)] * 20)
    with BandwidthClient(
        account_id=ACCOUNT,
        username=USERNAME,
        password=PASSWORD,
        voice_base_url=fake.voice_url,
        retry=policy,
        sleep=sleep,
    ) as bw:
        bw._engine._ctx.clock = lambda: clock[0] + sum(sleeps)
        with pytest.raises(ServiceUnavailableError):
            bw.calls.get_call("c-1")
    assert sleeps == [4, 4]  # a third 4 s wait would end after the 9 s budget
    assert len(fake.requests) == 3


def test_retries_are_logged_without_secrets(
    client: BandwidthClient, fake: FakeBandwidth, caplog: pytest.LogCaptureFixture
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(503))
    with caplog.at_level(logging.DEBUG):
        client.calls.get_call(call_id)
    retries = [r for r in caplog.records if r.name == "bxmlkit.client" and "retry" in r.message]
    assert len(retries) == 1
    assert "ServiceUnavailableError" in retries[0].message


# --------------------------------------------------------------------------- the policy itself


def test_policy_backoff_doubles_and_is_capped() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8, jitter=False, max_retries=10)
    assert [policy.backoff(n) for n in range(1, 7)] == [0.5, 1, 2, 4, 8, 8]


def test_policy_jitter_stays_within_half_and_whole() -> None:
    policy = RetryPolicy(backoff_base=1, backoff_max=8, rng=random.Random(1), max_retries=10)
    for n in range(1, 6):
        ceiling = min(8, 2 ** (n - 1))
        for _ in range(50):
            assert ceiling / 2 <= policy.backoff(n) <= ceiling


def test_default_policy_bounds() -> None:
    policy = RetryPolicy()
    # computed backoff alone: 0.5 + 1 + 2 = 3.5 s; with three honoured Retry-After of 30 s
    # the wait could reach 90 s, but the 60 s budget caps it.
    assert policy.worst_case_wait() == 60.0
    assert RetryPolicy(retry_after_max=0).worst_case_wait() == 3.5


@pytest.mark.parametrize(
    "kwargs",
    [{"max_retries": -1}, {"backoff_base": -1.0}, {"max_elapsed": float("nan")}],
    ids=str,
)
def test_policy_refuses_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
