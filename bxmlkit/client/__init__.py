"""A thin, typed client for Bandwidth's Voice API v2 (calls) and Messaging API v2.

::

    from bxmlkit.client import BandwidthClient

    with BandwidthClient(account_id="9900000", client_id="...", client_secret="...") as bw:
        call = bw.calls.create_call(
            to="+15553334444", from_="+15551112222",
            application_id="...", answer_url="https://example.com/answer",
        )
        bw.calls.hangup(call.call_id)

``AsyncBandwidthClient`` has the same methods, awaited.  Errors are in
:mod:`bxmlkit.client.errors`; webhook payloads are parsed by :mod:`bxmlkit.callbacks`.
"""

from __future__ import annotations

from bxmlkit.client._auth import DEFAULT_TOKEN_URL, BasicAuth, OAuth2ClientCredentials
from bxmlkit.client._client import AsyncBandwidthClient, BandwidthClient
from bxmlkit.client._config import DEFAULT_MESSAGING_BASE_URL, DEFAULT_VOICE_BASE_URL, ENV_VARS
from bxmlkit.client._engine import DEFAULT_TIMEOUT
from bxmlkit.client._retry import NO_RETRY, RetryPolicy
from bxmlkit.client.errors import (
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientConfigError,
    ConflictError,
    ConnectionFailedError,
    ConnectionLostError,
    FieldError,
    ForbiddenError,
    InvalidResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ServiceUnavailableError,
    TransportError,
    UnsupportedMediaTypeError,
)
from bxmlkit.client.messaging import AsyncMessagesApi, MessagesApi
from bxmlkit.client.models import (
    CallState,
    CreateCall,
    CreateCallResponse,
    ListCallsQuery,
    MachineDetectionConfiguration,
    Message,
    MessageRequest,
    UpdateCall,
)
from bxmlkit.client.voice import AsyncCallsApi, CallsApi

__all__ = [
    "DEFAULT_MESSAGING_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOKEN_URL",
    "DEFAULT_VOICE_BASE_URL",
    "ENV_VARS",
    "NO_RETRY",
    "ApiError",
    "ApiTimeoutError",
    "AsyncBandwidthClient",
    "AsyncCallsApi",
    "AsyncMessagesApi",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthClient",
    "BasicAuth",
    "CallState",
    "CallsApi",
    "ClientConfigError",
    "ConflictError",
    "ConnectionFailedError",
    "ConnectionLostError",
    "CreateCall",
    "CreateCallResponse",
    "FieldError",
    "ForbiddenError",
    "InvalidResponseError",
    "ListCallsQuery",
    "MachineDetectionConfiguration",
    "Message",
    "MessageRequest",
    "MessagesApi",
    "NotFoundError",
    "OAuth2ClientCredentials",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailableError",
    "TransportError",
    "UnsupportedMediaTypeError",
    "UpdateCall",
]
