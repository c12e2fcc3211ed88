"""A thin, typed client for every operation of Bandwidth's Voice API v2 and Messaging API v2.

::

    from bxmlkit.client import BandwidthClient

    with BandwidthClient(account_id="9900000", client_id="...", client_secret="...") as bw:
        call = bw.calls.create_call(
            to="+15553334444", from_="+15551112222",
            application_id="...", answer_url="https://example.com/answer",
        )
        bw.calls.hangup(call.call_id)

Methods are the snake_case of the reference's operation ids, on ``calls``, ``conferences``,
``recordings``, ``transcriptions``, ``statistics``, ``messages`` and ``media``
(``listCallRecordings`` -> ``bw.recordings.list_call_recordings(call_id)``); two older names
stay as aliases (``calls.get_call`` = ``get_call_state``, ``messages.send_message`` =
``create_message`` with positional sender and recipients).  ``AsyncBandwidthClient`` has the
same methods, awaited.  Errors are in :mod:`bxmlkit.client.errors`; webhook payloads are
parsed by :mod:`bxmlkit.callbacks`.  The guide: docs/guides/client.md.
"""

from __future__ import annotations

from bxmlkit.client._api_async import (
    AsyncCallsApi,
    AsyncConferencesApi,
    AsyncMediaApi,
    AsyncMessagesApi,
    AsyncRecordingsApi,
    AsyncStatisticsApi,
    AsyncTranscriptionsApi,
)
from bxmlkit.client._api_sync import (
    CallsApi,
    ConferencesApi,
    MediaApi,
    MessagesApi,
    RecordingsApi,
    StatisticsApi,
    TranscriptionsApi,
)
from bxmlkit.client._auth import DEFAULT_TOKEN_URL, BasicAuth, OAuth2ClientCredentials
from bxmlkit.client._client import AsyncBandwidthClient, BandwidthClient
from bxmlkit.client._config import DEFAULT_MESSAGING_BASE_URL, DEFAULT_VOICE_BASE_URL, ENV_VARS
from bxmlkit.client._engine import DEFAULT_TIMEOUT
from bxmlkit.client._operations import Downloaded
from bxmlkit.client._paging import DEFAULT_MAX_PAGES
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
from bxmlkit.client.models import (
    AccountStatistics,
    CallRecordingMetadata,
    CallState,
    CallTranscription,
    CallTranscriptionMetadata,
    CallTranscriptionResponse,
    Conference,
    ConferenceMember,
    ConferenceRecordingMetadata,
    CreateCall,
    CreateCallResponse,
    ListAccountCallRecordingsQuery,
    ListCallsQuery,
    ListConferencesQuery,
    ListMessageItem,
    ListMessagesQuery,
    MachineDetectionConfiguration,
    Media,
    Message,
    MessageRequest,
    MessagesList,
    PageInfo,
    RecordingTranscriptionClip,
    RecordingTranscriptionMetadata,
    RecordingTranscriptions,
    TranscribeRecording,
    Transcription,
    UpdateCall,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
)

__all__ = [
    "DEFAULT_MAX_PAGES",
    "DEFAULT_MESSAGING_BASE_URL",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOKEN_URL",
    "DEFAULT_VOICE_BASE_URL",
    "ENV_VARS",
    "NO_RETRY",
    "AccountStatistics",
    "ApiError",
    "ApiTimeoutError",
    "AsyncBandwidthClient",
    "AsyncCallsApi",
    "AsyncConferencesApi",
    "AsyncMediaApi",
    "AsyncMessagesApi",
    "AsyncRecordingsApi",
    "AsyncStatisticsApi",
    "AsyncTranscriptionsApi",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthClient",
    "BasicAuth",
    "CallRecordingMetadata",
    "CallState",
    "CallTranscription",
    "CallTranscriptionMetadata",
    "CallTranscriptionResponse",
    "CallsApi",
    "ClientConfigError",
    "Conference",
    "ConferenceMember",
    "ConferenceRecordingMetadata",
    "ConferencesApi",
    "ConflictError",
    "ConnectionFailedError",
    "ConnectionLostError",
    "CreateCall",
    "CreateCallResponse",
    "Downloaded",
    "FieldError",
    "ForbiddenError",
    "InvalidResponseError",
    "ListAccountCallRecordingsQuery",
    "ListCallsQuery",
    "ListConferencesQuery",
    "ListMessageItem",
    "ListMessagesQuery",
    "MachineDetectionConfiguration",
    "Media",
    "MediaApi",
    "Message",
    "MessageRequest",
    "MessagesApi",
    "MessagesList",
    "NotFoundError",
    "OAuth2ClientCredentials",
    "PageInfo",
    "RateLimitError",
    "RecordingTranscriptionClip",
    "RecordingTranscriptionMetadata",
    "RecordingTranscriptions",
    "RecordingsApi",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailableError",
    "StatisticsApi",
    "TranscribeRecording",
    "Transcription",
    "TranscriptionsApi",
    "TransportError",
    "UnsupportedMediaTypeError",
    "UpdateCall",
    "UpdateCallRecording",
    "UpdateConference",
    "UpdateConferenceMember",
]
