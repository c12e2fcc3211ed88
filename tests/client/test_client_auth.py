"""Credentials: Basic, OAuth2 with a cached and refreshed token, env variables, redaction."""

from __future__ import annotations

import asyncio
import base64
import logging
import traceback

import httpx
import pytest
from client_helpers import SECRETS, Sleeps, fast_retry
from fake_bandwidth import (
    ACCOUNT,
    CLIENT_ID,
    CLIENT_SECRET,
    PASSWORD,
    USERNAME,
    FakeBandwidth,
    Fault,
)

from bxmlkit.client import (
    NO_RETRY,
    ApiError,
    AsyncBandwidthClient,
    AuthenticationError,
    BandwidthClient,
    BasicAuth,
    ClientConfigError,
    ConnectionLostError,
    InvalidResponseError,
    NotFoundError,
    OAuth2ClientCredentials,
    ServiceUnavailableError,
)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_basic_auth_header(client: BandwidthClient, fake: FakeBandwidth) -> None:
    call_id = fake.add_call()
    client.calls.get_call(call_id)
    assert fake.requests[0].headers["Authorization"] == _basic(USERNAME, PASSWORD)
    assert fake.requests[0].headers["User-Agent"].startswith("bxmlkit/")
    assert fake.requests[0].headers["Accept"] == "application/json"


def test_oauth_token_is_fetched_once_and_reused(
    oauth_client: BandwidthClient, fake: FakeBandwidth
) -> None:
    call_id = fake.add_call()
    for _ in range(3):
        oauth_client.calls.get_call(call_id)
    oauth_client.messages.send_message(
        "+15551112222", "+15553334444", application_id="a", text="hi"
    )
    (token_request,) = fake.seen("POST", "/oauth2/token$")
    assert token_request.headers["Authorization"] == _basic(CLIENT_ID, CLIENT_SECRET)
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert token_request.body == b"grant_type=client_credentials"
    api = [r for r in fake.requests if "/oauth2/" not in r.path]
    tokens = {r.headers["Authorization"] for r in api}
    assert len(tokens) == 1
    assert next(iter(tokens)).startswith("Bearer tok-")


def _oauth_client(
    fake: FakeBandwidth, clock: list[float], **kwargs: object
) -> tuple[BandwidthClient, OAuth2ClientCredentials]:
    auth = OAuth2ClientCredentials(
        CLIENT_ID, CLIENT_SECRET, token_url=fake.token_url, clock=lambda: clock[0]
    )
    options: dict[str, object] = {
        "account_id": ACCOUNT,
        "auth": auth,
        "voice_base_url": fake.voice_url,
        "retry": fast_retry(),
        "sleep": Sleeps(),
    }
    options.update(kwargs)
    return BandwidthClient(**options), auth  # type: ignore[arg-type]


def test_oauth_token_is_refreshed_before_it_expires(fake: FakeBandwidth) -> None:
    fake.token_lifetime = 3600
    clock = [1000.0]
    bw, auth = _oauth_client(fake, clock)
    with bw:
        call_id = fake.add_call()
        bw.calls.get_call(call_id)
        clock[0] += 3600 - 61  # 61 s left: still good
        bw.calls.get_call(call_id)
        assert auth.tokens_fetched == 1
        clock[0] += 2  # 59 s left: inside the 60 s margin, refreshed before it can expire
        bw.calls.get_call(call_id)
        assert auth.tokens_fetched == 2
    first, second = (r.headers["Authorization"] for r in fake.seen("GET", call_id)[1:])
    assert first != second
    assert len(fake.seen("POST", "/oauth2/token$")) == 2


def test_short_lived_tokens_refresh_at_half_life(fake: FakeBandwidth) -> None:
    fake.token_lifetime = 30
    clock = [0.0]
    bw, auth = _oauth_client(fake, clock)
    with bw:
        call_id = fake.add_call()
        bw.calls.get_call(call_id)
        clock[0] = 14.0
        bw.calls.get_call(call_id)
        assert auth.tokens_fetched == 1
        clock[0] = 15.0
        bw.calls.get_call(call_id)
        assert auth.tokens_fetched == 2


def test_a_401_refreshes_the_token_and_retries_once(fake: FakeBandwidth) -> None:
    """Defect 9: a revoked token costs one 401, a new token and one resend, not an error."""
    clock = [0.0]
    bw, auth = _oauth_client(fake, clock)
    with bw:
        call_id = fake.add_call()
        bw.calls.get_call(call_id)
        fake.tokens.clear()  # the server forgot every token (revoked)
        assert bw.calls.get_call(call_id).call_id == call_id
    assert auth.tokens_fetched == 2
    statuses = [r.path for r in fake.requests]
    assert statuses.count("/api/v1/oauth2/token") == 2
    assert len(fake.seen("GET", call_id)) == 3  # ok, 401, ok


def test_a_second_401_is_raised_not_retried_again(fake: FakeBandwidth) -> None:
    clock = [0.0]
    bw, auth = _oauth_client(fake, clock)
    with bw:
        call_id = fake.add_call()
        fake.inject("GET", call_id, Fault.status(401), Fault.status(401), Fault.status(401))
        with pytest.raises(AuthenticationError) as caught:
            bw.calls.get_call(call_id)
    assert caught.value.error_type == "authentication-error"
    assert len(fake.seen("GET", call_id)) == 2  # the first try and one retry with a new token
    assert auth.tokens_fetched == 2


def test_a_401_on_a_post_is_retried_once_too(fake: FakeBandwidth) -> None:
    """A 401 is a refusal: nothing acted, so even create_call is safe to send again."""
    clock = [0.0]
    bw, _ = _oauth_client(fake, clock)
    with bw:
        fake.inject("POST", "/calls$", Fault.status(401))
        call = bw.calls.create_call(
            to="+15553334444", from_="+15551112222", application_id="a", answer_url="https://e.c"
        )
    assert call.call_id.startswith("c-")
    assert len(fake.seen("POST", "/calls$")) == 2


def test_bad_client_credentials(fake: FakeBandwidth) -> None:
    with (
        BandwidthClient(
            account_id=ACCOUNT,
            client_id=CLIENT_ID,
            client_secret="wrong-secret",
            voice_base_url=fake.voice_url,
            token_url=fake.token_url,
        ) as bw,
        pytest.raises(AuthenticationError) as caught,
    ):
        bw.calls.get_call("c-1")
    message = str(caught.value)
    assert message.startswith("OAuth2 token request failed")
    assert "BW_CLIENT_ID/BW_CLIENT_SECRET" in message
    assert "invalid_client" in message
    assert "wrong-secret" not in message
    assert fake.seen("GET") == []  # the API was never called


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        pytest.param(Fault.malformed_json(), InvalidResponseError, id="not-json"),
        pytest.param(
            Fault.status(200, body={"token_type": "Bearer"}), InvalidResponseError, id="no-token"
        ),
        pytest.param(Fault.drop(), ConnectionLostError, id="dropped"),
    ],
)
def test_broken_token_endpoint(fault: Fault, error: type[ApiError], fake: FakeBandwidth) -> None:
    fake.inject("POST", "/oauth2/token$", fault)
    clock = [0.0]
    bw, _ = _oauth_client(fake, clock, retry=NO_RETRY)
    with bw, pytest.raises(error) as caught:
        bw.calls.get_call("c-1")
    assert CLIENT_SECRET not in str(caught.value)


def test_token_fetch_is_retried_like_a_safe_request(fake: FakeBandwidth) -> None:
    fake.inject("POST", "/oauth2/token$", Fault.status(503))
    clock = [0.0]
    bw, auth = _oauth_client(fake, clock)
    with bw:
        call_id = fake.add_call()
        bw.calls.get_call(call_id)
    assert len(fake.seen("POST", "/oauth2/token$")) == 2
    assert auth.tokens_fetched == 1


# --------------------------------------------------------------------------- where from


def test_credentials_from_the_environment(
    fake: FakeBandwidth, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_ACCOUNT_ID", ACCOUNT)
    monkeypatch.setenv("BW_USERNAME", USERNAME)
    monkeypatch.setenv("BW_PASSWORD", PASSWORD)
    monkeypatch.setenv("BW_VOICE_BASE_URL", fake.voice_url)
    with BandwidthClient() as bw:
        assert isinstance(bw.settings.auth, BasicAuth)
        bw.calls.get_call(fake.add_call())
    monkeypatch.setenv("BW_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("BW_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("BW_TOKEN_URL", fake.token_url)
    with BandwidthClient() as bw:  # OAuth2 wins when both pairs are set
        assert isinstance(bw.settings.auth, OAuth2ClientCredentials)
        bw.calls.get_call(fake.add_call())
    assert len(fake.seen("POST", "/oauth2/token$")) == 1


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BW_CLIENT_ID", "env-id")
    monkeypatch.setenv("BW_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("BW_ACCOUNT_ID", "111")
    with BandwidthClient(account_id="222", username="u", password="p") as bw:
        assert isinstance(bw.settings.auth, BasicAuth)
        assert bw.settings.account_id == "222"


def test_explicit_env_mapping() -> None:
    env = {"BW_ACCOUNT_ID": "5", "BW_CLIENT_ID": "i", "BW_CLIENT_SECRET": "s"}
    with BandwidthClient(env=env) as bw:
        assert bw.settings.account_id == "5"
        assert bw.settings.voice_base_url == "https://voice.bandwidth.com/api/v2"
        assert bw.settings.messaging_base_url == "https://messaging.bandwidth.com/api/v2"
        auth = bw.settings.auth
        assert isinstance(auth, OAuth2ClientCredentials)
        assert auth.token_url == "https://api.bandwidth.com/api/v1/oauth2/token"


@pytest.mark.parametrize(
    ("kwargs", "env", "fragment"),
    [
        pytest.param({}, {}, "BW_ACCOUNT_ID", id="no-account"),
        pytest.param({"account_id": "1"}, {}, "no credentials", id="no-credentials"),
        pytest.param(
            {"account_id": "1", "username": "u"}, {}, "password is missing", id="half-basic"
        ),
        pytest.param(
            {"account_id": "1"}, {"BW_CLIENT_ID": "x"}, "BW_CLIENT_SECRET is missing", id="half-env"
        ),
        pytest.param(
            {
                "account_id": "1",
                "username": "u",
                "password": "p",
                "client_id": "c",
                "client_secret": "s",
            },
            {},
            "not both",
            id="both-pairs",
        ),
        pytest.param(
            {"account_id": "1", "username": "u", "password": "p", "auth": BasicAuth("a", "b")},
            {},
            "not both",
            id="auth-and-arguments",
        ),
        pytest.param(
            {"account_id": "1", "username": "u", "password": "p", "voice_base_url": "ftp://x"},
            {},
            "absolute http",
            id="bad-scheme",
        ),
        pytest.param(
            {
                "account_id": "1",
                "username": "u",
                "password": "p",
                "voice_base_url": "https://me:hunter2@voice.example/api/v2",
            },
            {},
            "must not contain a user name or password",
            id="credentials-in-url",
        ),
        pytest.param(
            {"account_id": "1", "username": "u", "password": ""},
            {},
            "non-empty",
            id="empty-password",
        ),
    ],
)
def test_configuration_errors(
    kwargs: dict[str, object], env: dict[str, str], fragment: str
) -> None:
    with pytest.raises(ClientConfigError, match=fragment) as caught:
        BandwidthClient(env=env, **kwargs)  # type: ignore[arg-type]
    assert "hunter2" not in str(caught.value)


# --------------------------------------------------------------------------- redaction


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into {text!r}"
    assert base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode() not in text
    assert base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode() not in text


def test_repr_never_shows_credentials(
    client: BandwidthClient, oauth_client: BandwidthClient
) -> None:
    _assert_clean(repr(client))
    _assert_clean(repr(oauth_client))
    _assert_clean(repr(client.settings))
    _assert_clean(repr(BasicAuth(USERNAME, PASSWORD)))
    _assert_clean(repr(OAuth2ClientCredentials(CLIENT_ID, CLIENT_SECRET)))
    twin = AsyncBandwidthClient(account_id="1", client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    try:
        _assert_clean(repr(twin))
    finally:
        asyncio.run(twin.close())


def test_errors_never_show_credentials(fake: FakeBandwidth, client: BandwidthClient) -> None:
    # A misbehaving server that echoes the Authorization header and the password back.
    echo = f"auth {_basic(USERNAME, PASSWORD)} user {USERNAME} pw {PASSWORD}".encode()
    fake.inject("GET", "c-1", Fault.status(500, raw=echo, content_type="text/plain"))
    fake.inject(
        "GET",
        "c-2",
        Fault.status(400, body={"type": "validation", "description": f"bad password {PASSWORD}"}),
    )
    for call_id in ("c-1", "c-2"):
        with pytest.raises(ApiError) as caught:
            client.calls.get_call(call_id)
        error = caught.value
        _assert_clean(str(error))
        _assert_clean(repr(error))
        _assert_clean(error.description)
        _assert_clean("".join(traceback.format_exception(error)))
        assert error.response is not None
        assert "authorization" not in error.response.request.headers


def test_kept_requests_have_no_authorization_and_masked_passwords(
    fake: FakeBandwidth, client: BandwidthClient
) -> None:
    fake.inject("POST", "/calls$", Fault.status(503))
    with pytest.raises(ServiceUnavailableError) as caught:
        client.calls.create_call(
            to="+15553334444",
            from_="+15551112222",
            application_id="a",
            answer_url="https://example.com/a",
            username="hook",
            password="hook-secret-123",
            fallback_password="fallback-secret-456",
        )
    kept = caught.value.response
    assert kept is not None
    assert "authorization" not in kept.request.headers
    body = kept.request.content.decode()
    assert "hook-secret-123" not in body
    assert "fallback-secret-456" not in body
    assert '"password":"*****"' in body
    # ...while the server did receive the real values.
    assert fake.requests[0].json()["password"] == "hook-secret-123"


def test_transport_errors_keep_no_credentials(fake: FakeBandwidth, client: BandwidthClient) -> None:
    fake.inject("GET", "c-1", *[Fault.drop()] * 4)
    with pytest.raises(ConnectionLostError) as caught:
        client.calls.get_call("c-1")
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.RequestError)
    assert "authorization" not in cause.request.headers


def test_log_records_never_show_credentials(
    fake: FakeBandwidth, oauth_client: BandwidthClient, caplog: pytest.LogCaptureFixture
) -> None:
    call_id = fake.add_call()
    fake.inject("GET", call_id, Fault.status(503))
    with caplog.at_level(logging.DEBUG):
        oauth_client.calls.get_call(call_id)
        with pytest.raises(NotFoundError):
            oauth_client.calls.get_call("c-missing")
    assert caplog.records, "expected debug logging"
    token = next(iter(fake.tokens))
    for record in caplog.records:
        text = record.getMessage() + repr(record.args) + str(record.__dict__)
        _assert_clean(text)
        assert token not in text
    assert any(r.name == "bxmlkit.client" for r in caplog.records)


def test_request_models_hide_passwords_in_validation_errors() -> None:
    from pydantic import ValidationError

    from bxmlkit.client import CreateCall

    with pytest.raises(ValidationError) as caught:
        CreateCall.model_validate(
            {
                "to": "+15553334444",
                "from": "+15551112222",
                "applicationId": "a",
                "answerUrl": "https://e.com",
                "password": "x" * 1025 + "TOPSECRET",
            }
        )
    assert "TOPSECRET" not in str(caught.value)
    assert "at most 1024" in str(caught.value)
