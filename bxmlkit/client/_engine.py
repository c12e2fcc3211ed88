"""The one request loop: auth, retries, error translation, redaction and logging.

The loop is written once, as a generator that yields what it needs done (``Send`` a request,
``Sleep``) and is told what happened (a response, or httpx's exception).  A sync driver and an
async driver run it; neither makes a decision of its own.  So the retry rules, the status ->
error mapping and the httpx -> bxmlkit translation live in exactly one place each.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import httpx

from bxmlkit._version import __version__
from bxmlkit.client._auth import Auth, BasicAuth, OAuth2ClientCredentials
from bxmlkit.client._redact import withhold_secrets
from bxmlkit.client._retry import RetryPolicy
from bxmlkit.client.errors import (
    ApiError,
    AuthenticationError,
    InvalidResponseError,
    TransportError,
    error_from_response,
    translate_transport_error,
)

__all__ = ["DEFAULT_TIMEOUT", "AsyncEngine", "Operation", "SyncEngine"]

logger = logging.getLogger("bxmlkit.client")

#: 5 s to connect, 30 s for each read/write/pool wait.  Override with ``timeout=``.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)

_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
#: Statuses after which a request that is safe to repeat is sent again.
_RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: A refusal: the server did not act, so even a request whose effect would repeat may be
#: sent again (``RetryPolicy.retry_rate_limited``).
_REFUSED = 429


@dataclass(frozen=True)
class Operation:
    """One API call, fully described before anything is sent.

    ``content`` is what goes on the wire; ``recorded_content`` is what the request kept on a
    response or error shows (passwords masked).  ``idempotent`` defaults from the method.
    """

    name: str
    method: str
    url: str
    expected: frozenset[int]
    params: Mapping[str, str] | None = None
    content: bytes | None = None
    recorded_content: bytes | None = None
    content_type: str | None = None
    auth: Literal["api", "token"] = "api"
    idempotent: bool | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    #: A body read in chunks (an upload); it is opened afresh for each attempt.
    upload: Any = None
    #: Keep the reply's body unread (a download); the reader streams it and closes it.
    stream_response: bool = False

    def page_key(self) -> tuple[str, str | None]:
        """Which page this request fetches: its URL and any Continuation-Token."""
        url = str(httpx.URL(self.url, params=self.params)) if self.params else self.url
        return url, self.headers.get("Continuation-Token")

    @property
    def safe_to_repeat(self) -> bool:
        return self.idempotent if self.idempotent is not None else self.method in _IDEMPOTENT

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request, with the client's default headers and timeouts applied."""
        headers = {"Accept": "application/json", **self.headers}
        if self.content_type:
            headers["Content-Type"] = self.content_type
        content: Any = self.content
        if self.upload is not None:
            chunks = self.upload.open_chunks()
            content = _async_chunks(chunks) if isinstance(http, httpx.AsyncClient) else chunks
        return http.build_request(
            self.method, self.url, params=self.params, headers=headers, content=content
        )

    def recorded(self, request: httpx.Request) -> httpx.Request:
        """A copy of ``request`` that is safe to keep: no Authorization, masked body."""
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "authorization"]
        body = self.recorded_content if self.recorded_content is not None else self.content
        return httpx.Request(request.method, request.url, headers=headers, content=body)


async def _async_chunks(chunks: Iterator[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:  # file reads of 64 KB: short enough not to stall the event loop
        yield chunk


def json_operation(
    name: str,
    method: str,
    url: str,
    *,
    expected: frozenset[int],
    wire: Any,
    recorded: Any,
) -> Operation:
    """An operation with a JSON body (``wire`` with secrets, ``recorded`` with them masked)."""
    return Operation(
        name=name,
        method=method,
        url=url,
        expected=expected,
        content=json.dumps(wire, separators=(",", ":")).encode(),
        recorded_content=json.dumps(recorded, separators=(",", ":")).encode(),
        content_type="application/json",
    )


class Send(NamedTuple):
    request: httpx.Request


class Sleep(NamedTuple):
    seconds: float


Outcome = httpx.Response | Exception | None


class Redactor:
    """Withholds server-supplied text that carries one of the client's current secrets.

    Secrets are redacted where they are, never by searching our own text: the Authorization
    header is never kept, URLs never hold credentials (the settings refuse them) and request
    bodies are kept with passwords masked by the models.  What the server sends back
    (an error description, a body snippet, httpx's exception text) is checked as a whole: if a
    secret of at least :data:`MIN_SEARCHED_SECRET` characters occurs in it, the whole text is
    withheld, so nothing reveals where (or how long) the secret was.  Shorter secrets (an API
    user called ``api``) cannot be told apart from ordinary words and are not searched.
    """

    def __init__(self, auth: Auth) -> None:
        self._auth = auth

    def __call__(self, text: str) -> str:
        return withhold_secrets(text, self._auth.secrets())


@dataclass
class _Context:
    retry: RetryPolicy
    redact: Redactor
    http: httpx.Client | httpx.AsyncClient
    oauth: bool = False
    clock: Callable[[], float] = time.monotonic


def _exchange(op: Operation, ctx: _Context) -> Generator[Send | Sleep, Outcome, httpx.Response]:
    """Send ``op`` until it succeeds, fails for good, or the retry budget is spent.

    Any 2xx is success, documented or not: the server acted, so nothing is sent again (the
    reader takes what it can from the reply).  A request is sent again only when that cannot
    repeat an effect: it is safe to repeat (GET, DELETE, most PUTs) and got 429, 502, 503 or
    504 or lost its connection; or the server refused it (429, and with OAuth2 a 401 once,
    after a new token); or it never left (connection refused).
    """
    started = ctx.clock()
    attempt = 0
    refreshed = False
    while True:
        attempt += 1
        request = op.build(ctx.http)
        logger.debug("%s %s (%s, attempt %d)", op.method, request.url, op.name, attempt)
        outcome = yield Send(request)
        retry_after: float | None = None
        if isinstance(outcome, httpx.Response):
            status = outcome.status_code
            logger.debug(
                "%s %s -> %d (%s, attempt %d)", op.method, request.url, status, op.name, attempt
            )
            if 200 <= status <= 299:
                if status not in op.expected:
                    logger.info(
                        "%s %s -> %d, documented %s; taken as success",
                        op.method,
                        request.url,
                        status,
                        "/".join(str(s) for s in sorted(op.expected)),
                    )
                return outcome
            if status == 401 and ctx.oauth and op.auth == "api" and not refreshed:
                # The token was refused (revoked, or expired early): the driver has dropped
                # it; fetch a new one and send once more.  A 401 is a refusal: nothing acted.
                refreshed = True
                logger.info("%s %s -> 401; retrying once with a new token", op.method, request.url)
                attempt -= 1
                continue
            error = error_from_response(outcome, redact=ctx.redact)
            if status == _REFUSED:
                retryable = op.safe_to_repeat or ctx.retry.retry_rate_limited
            else:
                retryable = status in _RETRY_STATUSES and op.safe_to_repeat
            retry_after = getattr(error, "retry_after", None)
            cause: Exception | None = None
        elif isinstance(outcome, Exception):
            # The one place httpx's exceptions become bxmlkit's.
            error = translate_transport_error(
                outcome, method=op.method, url=str(request.url), redact=ctx.redact
            )
            cause = outcome
            retryable = isinstance(error, TransportError) and (
                op.safe_to_repeat or error.request_sent is False
            )
            retryable = retryable and not isinstance(
                outcome, (httpx.UnsupportedProtocol, httpx.LocalProtocolError, httpx.ProxyError)
            )
        else:  # pragma: no cover - drivers always answer a Send
            raise TypeError(f"unexpected outcome {outcome!r}")
        wait = (
            ctx.retry.delay(
                retry_number=attempt, elapsed=ctx.clock() - started, retry_after=retry_after
            )
            if retryable
            else None
        )
        if wait is None:
            if retryable and attempt > 1:
                error.message += f" (gave up after {attempt} attempts)"
                error.args = (error.message,)
            if cause is not None:
                raise error from cause
            raise error
        logger.info(
            "%s %s failed (%s); retry %d of %d in %.3f s",
            op.method,
            request.url,
            type(error).__name__,
            attempt,
            ctx.retry.max_retries,
            wait,
        )
        yield Sleep(wait)


def _scrub(request: httpx.Request, op: Operation, outcome: Outcome) -> None:
    """Leave no credential on anything the caller can reach after the attempt."""
    recorded = op.recorded(request)
    if isinstance(outcome, (httpx.Response, httpx.RequestError)):
        outcome.request = recorded
    request.headers.pop("Authorization", None)


def _decode_token(response: httpx.Response, auth: OAuth2ClientCredentials) -> str:
    try:
        return auth.store_json(response.content)
    except ValueError as exc:
        raise InvalidResponseError(
            f"POST {auth.token_url}: {exc}; check token_url (BW_TOKEN_URL)",
            status_code=response.status_code,
            method="POST",
            url=auth.token_url,
            response=response,
        ) from None


def _token_operation(auth: OAuth2ClientCredentials) -> Operation:
    return Operation(
        name="oauth2_token",
        method="POST",
        url=auth.token_url,
        expected=frozenset({200}),
        content=b"grant_type=client_credentials",
        content_type="application/x-www-form-urlencoded",
        auth="token",
        idempotent=True,  # fetching a token twice is harmless
    )


def _user_agent() -> str:
    return f"bxmlkit/{__version__} httpx/{httpx.__version__}"


class _EngineBase:
    #: The bound on pages per listing (``BandwidthClient(max_pages=...)``).
    max_pages: int = 10000

    def __init__(self, auth: Auth, retry: RetryPolicy, http: httpx.Client | httpx.AsyncClient):
        self.auth = auth
        self.retry = retry
        self.redact = Redactor(auth)
        self._ctx = _Context(
            retry=retry,
            redact=self.redact,
            http=http,
            oauth=isinstance(auth, OAuth2ClientCredentials),
        )

    def _header_for(self, op: Operation, token: str | None) -> str:
        if op.auth == "token":
            assert isinstance(self.auth, OAuth2ClientCredentials)
            return self.auth.token_request_header()
        if isinstance(self.auth, BasicAuth):
            return self.auth.header_value()
        assert token is not None
        return f"Bearer {token}"

    def _after(self, op: Operation, outcome: Outcome) -> None:
        if (
            isinstance(outcome, httpx.Response)
            and outcome.status_code == 401
            and op.auth == "api"
            and isinstance(self.auth, OAuth2ClientCredentials)
        ):
            self.auth.invalidate()

    def _token_failed(self, error: ApiError) -> ApiError:
        if isinstance(error, AuthenticationError) or error.status_code in (400, 401, 403):
            error.message = (
                f"OAuth2 token request failed: {error.message}; "
                "check BW_CLIENT_ID/BW_CLIENT_SECRET and token_url"
            )
            error.args = (error.message,)
        return error


class SyncEngine(_EngineBase):
    """Runs operations with an ``httpx.Client``."""

    def __init__(
        self,
        *,
        auth: Auth,
        retry: RetryPolicy,
        timeout: float | httpx.Timeout,
        transport: httpx.BaseTransport | None,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self._sleep = sleep if sleep is not None else time.sleep
        self.http = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": _user_agent()},
        )
        super().__init__(auth, retry, self.http)

    def close(self) -> None:
        self.http.close()

    def _token(self) -> str | None:
        auth = self.auth
        if not isinstance(auth, OAuth2ClientCredentials):
            return None
        token = auth.current_token()
        if token is not None:
            return token
        with auth.lock:
            token = auth.current_token()
            if token is None:
                try:
                    response = self.run(_token_operation(auth))
                except ApiError as exc:
                    raise self._token_failed(exc) from exc.__cause__
                token = _decode_token(response, auth)
        return token

    def run(self, op: Operation) -> httpx.Response:
        token: str | None = None
        steps = _exchange(op, self._ctx)
        outcome: Outcome = None
        try:
            while True:
                try:
                    step = steps.send(outcome)
                except StopIteration as stop:
                    response: httpx.Response = stop.value
                    return response
                if isinstance(step, Sleep):
                    self._sleep(step.seconds)
                    outcome = None
                    continue
                request = step.request
                if op.auth == "api":
                    token = self._token()  # cached; fetched again after a 401 dropped it
                request.headers["Authorization"] = self._header_for(op, token)
                outcome = None
                try:
                    outcome = self.http.send(request, stream=op.stream_response)
                    if op.stream_response and not 200 <= outcome.status_code <= 299:
                        try:
                            outcome.read()  # an error body: small, read it for the message
                        finally:
                            outcome.close()
                except (httpx.HTTPError, httpx.InvalidURL) as exc:
                    outcome = exc
                finally:
                    _scrub(request, op, outcome)
                self._after(op, outcome)
        finally:
            steps.close()


class AsyncEngine(_EngineBase):
    """Runs operations with an ``httpx.AsyncClient``."""

    def __init__(
        self,
        *,
        auth: Auth,
        retry: RetryPolicy,
        timeout: float | httpx.Timeout,
        transport: httpx.AsyncBaseTransport | None,
        sleep: Callable[[float], Awaitable[None]] | None,
    ) -> None:
        self._sleep = sleep if sleep is not None else asyncio.sleep
        self._lock: asyncio.Lock | None = None
        self.http = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": _user_agent()},
        )
        super().__init__(auth, retry, self.http)

    async def close(self) -> None:
        await self.http.aclose()

    async def _token(self) -> str | None:
        auth = self.auth
        if not isinstance(auth, OAuth2ClientCredentials):
            return None
        token = auth.current_token()
        if token is not None:
            return token
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            token = auth.current_token()
            if token is None:
                try:
                    response = await self.run(_token_operation(auth))
                except ApiError as exc:
                    raise self._token_failed(exc) from exc.__cause__
                token = _decode_token(response, auth)
        return token

    async def run(self, op: Operation) -> httpx.Response:
        token: str | None = None
        steps = _exchange(op, self._ctx)
        outcome: Outcome = None
        try:
            while True:
                try:
                    step = steps.send(outcome)
                except StopIteration as stop:
                    response: httpx.Response = stop.value
                    return response
                if isinstance(step, Sleep):
                    await self._sleep(step.seconds)
                    outcome = None
                    continue
                request = step.request
                if op.auth == "api":
                    token = await self._token()  # cached; fetched again after a 401 dropped it
                request.headers["Authorization"] = self._header_for(op, token)
                outcome = None
                try:
                    outcome = await self.http.send(request, stream=op.stream_response)
                    if op.stream_response and not 200 <= outcome.status_code <= 299:
                        try:
                            await outcome.aread()
                        finally:
                            await outcome.aclose()
                except (httpx.HTTPError, httpx.InvalidURL) as exc:
                    outcome = exc
                finally:
                    _scrub(request, op, outcome)
                self._after(op, outcome)
        finally:
            steps.close()
