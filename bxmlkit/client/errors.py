"""The errors ``bxmlkit.client`` raises, and the one place httpx's exceptions become them.

The tree (``ApiError`` lives in :mod:`bxmlkit.errors`, under ``BxmlError``)::

    BxmlError
    └── ApiError                        anything the REST client raises on purpose
        ├── ClientConfigError           bad client setup: no account id, half a credential pair,
        │                               a base URL with a password in it (nothing was sent)
        ├── BadRequestError             400  the API refused the request as invalid
        ├── AuthenticationError         401  wrong credentials (or the OAuth2 token request failed)
        ├── ForbiddenError              403  the user may not use this API or this account
        ├── NotFoundError               404  no such call (or it ended more than 7 days ago)
        ├── ConflictError               409  the call cannot be modified in its current state
        ├── UnsupportedMediaTypeError   415  wrong Content-Type
        ├── RateLimitError              429  too many requests; ``retry_after`` in seconds
        ├── ServerError                 5xx  the API failed
        │   └── ServiceUnavailableError 503  overloaded; ``retry_after`` in seconds
        ├── InvalidResponseError        a reply the reference does not allow: malformed or
        │                               truncated JSON, a missing field, a foreign next-page link
        └── TransportError              no HTTP response arrived (``request_sent`` says whether
            │                           the server may have received the request)
            ├── ConnectionFailedError   could not connect; nothing was sent
            ├── ConnectionLostError     the connection dropped or was reset mid-exchange
            └── ApiTimeoutError         connect, read, write or pool timeout (``phase``)

Other statuses the API documents (405, 406) and any status it does not raise ``ApiError``
itself, with ``status_code`` set.

Arguments a client method cannot send (a negative ``call_timeout``, a 3000-character text
message) raise pydantic's ``ValidationError`` (a ``ValueError``) before anything is sent, as
building any bxmlkit model does.  A BXML document that ``update_call_bxml`` refuses raises
:class:`bxmlkit.errors.BxmlParseError`: ``BxmlStructureError`` for a ``<Response>`` root or
invalid BXML, ``XmlSyntaxError`` for broken XML, ``XmlLimitError`` over Bandwidth's 64 KB.

httpx's exceptions are translated in exactly one place, :func:`translate_transport_error`,
called from the one retry loop (``bxmlkit.client._engine``) with ``raise ... from exc``; a test
walks httpx's whole exception tree to prove the mapping complete.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from bxmlkit.errors import ApiError, FieldError

__all__ = [
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientConfigError",
    "ConflictError",
    "ConnectionFailedError",
    "ConnectionLostError",
    "FieldError",
    "ForbiddenError",
    "InvalidResponseError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "ServiceUnavailableError",
    "TransportError",
    "UnsupportedMediaTypeError",
    "error_from_response",
    "parse_retry_after",
    "translate_transport_error",
]


class ClientConfigError(ApiError, ValueError):
    """The client cannot be set up as asked; the message names the argument or variable."""


class BadRequestError(ApiError):
    """400: the API refused the request as malformed or invalid."""


class AuthenticationError(ApiError):
    """401: the credentials were refused (or the OAuth2 token request failed)."""


class ForbiddenError(ApiError):
    """403: the credentials are valid but may not use this API or account."""


class NotFoundError(ApiError):
    """404: no such call, or its record is gone (calls are kept 7 days after hang-up)."""


class ConflictError(ApiError):
    """409: the call cannot be modified in its current state (ended, or not yet answered)."""


class UnsupportedMediaTypeError(ApiError):
    """415: the request's Content-Type was refused."""


class RateLimitError(ApiError):
    """429: too many requests.  ``retry_after`` is the server's wait in seconds, or None."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx: the API failed to handle a request it may or may not have acted on."""


class ServiceUnavailableError(ServerError):
    """503: the API is overloaded.  ``retry_after`` is the server's wait in seconds, or None."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InvalidResponseError(ApiError):
    """The API answered, but not with what the reference documents (bad JSON, missing field)."""


class TransportError(ApiError):
    """No HTTP response arrived.

    ``request_sent`` is False when the request certainly never left (the connection was never
    made), True or None (unknown) otherwise: a POST is only retried when it is False.
    """

    def __init__(self, message: str, *, request_sent: bool | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.request_sent = request_sent


class ConnectionFailedError(TransportError):
    """The connection could not be made (refused, DNS failure, TLS failure); nothing was sent."""


class ConnectionLostError(TransportError):
    """The connection dropped or was reset before a whole response arrived."""


class ApiTimeoutError(TransportError):
    """A timeout expired; ``phase`` is ``connect``, ``read``, ``write`` or ``pool``."""

    def __init__(self, message: str, *, phase: str = "", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.phase = phase


# --------------------------------------------------------------------------- status -> class

STATUS_ERRORS: Mapping[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}

_NEXT_STEP: Mapping[int, str] = {
    400: "fix the request as the description says",
    401: "check the credentials (BW_USERNAME/BW_PASSWORD or BW_CLIENT_ID/BW_CLIENT_SECRET)",
    403: "check that these credentials have Voice/Messaging API access to this account",
    404: "check the id; call records are kept 7 days after the call ends",
    405: "this operation does not exist at this URL: check voice_base_url/messaging_base_url",
    406: "the API cannot answer in JSON here: check the base URL",
    409: "the call may have ended or not be answered yet",
    415: "this is a client bug: please report it with the error id",
    429: "slow down, or retry after the server's Retry-After",
    500: "the API failed and may or may not have acted: read the state (e.g. get_call_state) "
    "before sending it again, and quote the error id to Bandwidth support",
    502: "a gateway in front of the API failed: retry later",
    503: "retry later",
    504: "a gateway in front of the API timed out; it may or may not have acted: read the "
    "state before sending it again",
}


def next_step(status: int) -> str:
    """What the user can do about an error status (every status gets advice)."""
    if status in _NEXT_STEP:
        return _NEXT_STEP[status]
    if 300 <= status <= 399:
        return "the API redirected, which it never does: check the base URL (not followed)"
    if 500 <= status <= 599:
        return "the API failed: retry later, and quote the error id to Bandwidth support"
    return "see the description; quote the error id to Bandwidth support if it persists"


def error_class_for(status: int) -> type[ApiError]:
    """The ``ApiError`` subclass for an HTTP status (``ApiError`` itself for unlisted ones)."""
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    if 500 <= status <= 599:
        return ServerError
    return ApiError


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delay-seconds or an HTTP date.

    Returns None for a missing or unreadable value; never a negative number.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:  # pragma: no cover - parsedate gives aware for GMT
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


_SNIPPET = 200


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[:_SNIPPET] + "..."


def error_from_response(
    response: httpx.Response, *, redact: Callable[[str], str] = lambda s: s
) -> ApiError:
    """Build the typed error for a response whose status the operation does not expect.

    Reads the API's ``{type, description, id}`` body (and messaging ``fieldErrors``) when it is
    JSON; otherwise quotes the start of the body so that a proxy's HTML page is still useful.
    ``redact`` scrubs any credential the server may have echoed.
    """
    status = response.status_code
    request = response.request
    method, url = request.method, str(request.url)
    error_type, description, error_id = "", "", None
    field_errors: list[FieldError] = []
    detail = ""
    text = response.text if response.content else ""
    body: Any = None
    if text:
        try:
            body = json.loads(text)
        except ValueError:
            body = None
    if isinstance(body, dict):
        error_type = redact(str(body.get("type") or ""))
        description = redact(str(body.get("description") or ""))
        raw_id = body.get("id")
        error_id = None if raw_id is None or raw_id == "" else redact(str(raw_id))
        for item in body.get("fieldErrors") or ():
            if isinstance(item, dict):
                field_errors.append(
                    FieldError(
                        redact(str(item.get("fieldName", ""))),
                        redact(str(item.get("description", ""))),
                    )
                )
        parts = [p for p in (error_type, description) if p]
        detail = ": ".join(parts)
        if error_id:
            detail += f" (error id {error_id})"
        if field_errors:
            detail += "; " + "; ".join(f"{f.field_name}: {f.description}" for f in field_errors)
    if not detail:
        content_type = response.headers.get("content-type", "no content type")
        detail = (
            f"non-JSON error body ({content_type}): {redact(_snippet(text))!r}"
            if text
            else "empty error body"
        )
    reason = response.reason_phrase or "error"
    message = f"{method} {url} failed: HTTP {status} {reason}: {detail}"
    message += f"; {next_step(status)}"
    cls = error_class_for(status)
    kwargs: dict[str, Any] = {
        "status_code": status,
        "error_type": error_type,
        "description": description,
        "error_id": error_id,
        "field_errors": tuple(field_errors),
        "method": method,
        "url": url,
        "response": response,
    }
    if cls in (RateLimitError, ServiceUnavailableError):
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            message += f" (Retry-After: {retry_after:g} s)"
        kwargs["retry_after"] = retry_after
    return cls(message, **kwargs)


# --------------------------------------------------------------------------- httpx -> bxmlkit

#: Ordered: the first matching httpx class wins (subclasses before their bases).
#: (httpx class, bxmlkit class, request_sent, phase, what happened)
_TRANSPORT_MAP: tuple[tuple[type[Exception], type[ApiError], bool | None, str, str], ...] = (
    (httpx.ConnectTimeout, ApiTimeoutError, False, "connect", "timed out connecting"),
    (httpx.PoolTimeout, ApiTimeoutError, False, "pool", "timed out waiting for a connection"),
    (httpx.WriteTimeout, ApiTimeoutError, None, "write", "timed out sending the request"),
    (httpx.ReadTimeout, ApiTimeoutError, True, "read", "timed out waiting for the response"),
    (httpx.TimeoutException, ApiTimeoutError, None, "", "timed out"),
    (httpx.ConnectError, ConnectionFailedError, False, "", "could not connect"),
    (httpx.ProxyError, ConnectionFailedError, False, "", "the proxy refused the connection"),
    (httpx.UnsupportedProtocol, ClientConfigError, False, "", "unsupported URL scheme"),
    (httpx.ReadError, ConnectionLostError, True, "", "the connection broke while reading"),
    (httpx.WriteError, ConnectionLostError, None, "", "the connection broke while sending"),
    (httpx.CloseError, ConnectionLostError, True, "", "the connection failed to close"),
    (httpx.RemoteProtocolError, ConnectionLostError, True, "", "the server broke the protocol"),
    (httpx.LocalProtocolError, TransportError, False, "", "the request could not be encoded"),
    (httpx.NetworkError, ConnectionLostError, None, "", "network error"),
    (httpx.ProtocolError, TransportError, None, "", "protocol error"),
    (httpx.DecodingError, InvalidResponseError, True, "", "the response could not be decoded"),
    (httpx.TooManyRedirects, InvalidResponseError, True, "", "too many redirects"),
    (httpx.HTTPStatusError, InvalidResponseError, True, "", "unexpected status"),
    (httpx.StreamError, TransportError, None, "", "stream misuse"),
    (httpx.InvalidURL, ClientConfigError, False, "", "invalid URL"),
    (httpx.TransportError, TransportError, None, "", "transport error"),
    (httpx.RequestError, TransportError, None, "", "request error"),
    (httpx.HTTPError, TransportError, None, "", "HTTP error"),
)


def _lookup(exc: Exception) -> tuple[type[ApiError], bool | None, str, str]:
    for httpx_cls, cls, sent, phase, what in _TRANSPORT_MAP:
        if isinstance(exc, httpx_cls):
            return cls, sent, phase, what
    return TransportError, None, "", "unexpected error"


def translate_transport_error(
    exc: Exception, *, method: str, url: str, redact: Callable[[str], str] = lambda s: s
) -> ApiError:
    """The bxmlkit error for an httpx exception (the caller does ``raise ... from exc``).

    The message names the request and what to do next; it carries httpx's own text only after
    ``redact`` has scrubbed it.
    """
    cls, sent, phase, what = _lookup(exc)
    cause = redact(str(exc) or type(exc).__name__)
    message = f"{method} {url}: {what} ({type(exc).__name__}: {cause})"
    if cls is ConnectionFailedError or (cls is ApiTimeoutError and phase == "connect"):
        message += "; check the base URL, DNS and network"
    elif cls is ApiTimeoutError:
        message += "; raise the client's timeout or retry later"
        if sent is not False:
            message += " (the server may have acted: read the state before sending it again)"
    elif cls is ConnectionLostError:
        message += (
            "; the server may or may not have acted on it: read the state (e.g. "
            "get_call_state) before sending it again"
        )
    elif cls is ClientConfigError:
        message += "; check the base URL (http:// or https:// and a host)"
    elif cls is InvalidResponseError:
        message += "; the reply was not usable: retry later, or report it with the URL"
    else:
        message += "; check the network and retry later"
    kwargs: dict[str, Any] = {"method": method, "url": url}
    if issubclass(cls, TransportError):
        kwargs["request_sent"] = sent
    if cls is ApiTimeoutError:
        kwargs["phase"] = phase
    return cls(message, **kwargs)
