"""Typed webhook events from Bandwidth's Voice and Messaging APIs.

::

    from bxmlkit.callbacks import check_basic_auth, parse_callback

    if not check_basic_auth(request_headers, "hook-user", "hook-password"):
        ...  # reply 401
    event = parse_callback(body_or_query_string)
    if event.expects_bxml:
        ...  # reply 200 with a <Response> document
    else:
        ...  # reply 204

``parse_callback`` dispatches on ``eventType`` (voice) or ``type`` (messaging) to one model
per event; unknown types give ``UnknownVoiceEvent`` / ``UnknownMessageEvent``; a payload
that contradicts its declared type raises ``CallbackError`` (a ``BxmlError``).
"""

from __future__ import annotations

from bxmlkit.callbacks._base import CallbackError, CallbackEvent
from bxmlkit.callbacks._parse import Payload, check_basic_auth, parse_callback, parse_callbacks
from bxmlkit.callbacks.messaging import (
    INBOUND_TYPES,
    MESSAGE_EVENTS,
    STATUS_TYPES,
    CallbackMessage,
    MessageDeliveredEvent,
    MessageEvent,
    MessageFailedEvent,
    MessageReadEvent,
    MessageReceivedEvent,
    MessageSendingEvent,
    MessageSentEvent,
    RequestedLocationResponseEvent,
    SuggestionResponseEvent,
    UnknownMessageEvent,
)
from bxmlkit.callbacks.voice import (
    VOICE_EVENTS,
    AnswerEvent,
    BridgeCompleteEvent,
    BridgeTargetCompleteEvent,
    CallEvent,
    ConferenceCompletedEvent,
    ConferenceCreatedEvent,
    ConferenceEvent,
    ConferenceMemberExitEvent,
    ConferenceMemberJoinEvent,
    ConferenceRecordingAvailableEvent,
    ConferenceRedirectEvent,
    DisconnectEvent,
    Diversion,
    DtmfEvent,
    GatherEvent,
    InitiateEvent,
    MachineDetectionCompleteEvent,
    MachineDetectionResult,
    MediaStream,
    MediaStreamRejectedEvent,
    MediaStreamStartedEvent,
    MediaStreamStoppedEvent,
    PartialGatherEvent,
    RealTimeTranscription,
    RealTimeTranscriptionAvailableEvent,
    RealTimeTranscriptionRejectedEvent,
    RealTimeTranscriptionStartedEvent,
    RealTimeTranscriptionStoppedEvent,
    RecordingAvailableEvent,
    RecordingCompleteEvent,
    RedirectEvent,
    ReferCompleteEvent,
    StirShaken,
    Transcription,
    TranscriptionAvailableEvent,
    TransferAnswerEvent,
    TransferCompleteEvent,
    TransferDisconnectEvent,
    UnknownVoiceEvent,
    VoiceEvent,
)

__all__ = [
    "INBOUND_TYPES",
    "MESSAGE_EVENTS",
    "STATUS_TYPES",
    "VOICE_EVENTS",
    "AnswerEvent",
    "BridgeCompleteEvent",
    "BridgeTargetCompleteEvent",
    "CallEvent",
    "CallbackError",
    "CallbackEvent",
    "CallbackMessage",
    "ConferenceCompletedEvent",
    "ConferenceCreatedEvent",
    "ConferenceEvent",
    "ConferenceMemberExitEvent",
    "ConferenceMemberJoinEvent",
    "ConferenceRecordingAvailableEvent",
    "ConferenceRedirectEvent",
    "DisconnectEvent",
    "Diversion",
    "DtmfEvent",
    "GatherEvent",
    "InitiateEvent",
    "MachineDetectionCompleteEvent",
    "MachineDetectionResult",
    "MediaStream",
    "MediaStreamRejectedEvent",
    "MediaStreamStartedEvent",
    "MediaStreamStoppedEvent",
    "MessageDeliveredEvent",
    "MessageEvent",
    "MessageFailedEvent",
    "MessageReadEvent",
    "MessageReceivedEvent",
    "MessageSendingEvent",
    "MessageSentEvent",
    "PartialGatherEvent",
    "Payload",
    "RealTimeTranscription",
    "RealTimeTranscriptionAvailableEvent",
    "RealTimeTranscriptionRejectedEvent",
    "RealTimeTranscriptionStartedEvent",
    "RealTimeTranscriptionStoppedEvent",
    "RecordingAvailableEvent",
    "RecordingCompleteEvent",
    "RedirectEvent",
    "ReferCompleteEvent",
    "RequestedLocationResponseEvent",
    "StirShaken",
    "SuggestionResponseEvent",
    "Transcription",
    "TranscriptionAvailableEvent",
    "TransferAnswerEvent",
    "TransferCompleteEvent",
    "TransferDisconnectEvent",
    "UnknownMessageEvent",
    "UnknownVoiceEvent",
    "VoiceEvent",
    "check_basic_auth",
    "parse_callback",
    "parse_callbacks",
]
