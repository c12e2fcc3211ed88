"""One model per voice webhook event of Bandwidth's Voice API v2.

Fields follow the reference (voice-callbacks-v2.json): the spec's callback schemas, plus the
events Bandwidth documents but the current spec lacks (media stream and real-time
transcription events, ``partialgather``).  Every field is optional, unknown fields are kept,
and enumerations (``direction``, ``cause``, ``status``...) are plain strings, because the API
adds values.  Times are ``datetime``; durations stay ISO 8601 strings (``PT20.056S``).

``expects_bxml`` says whether the reply is executed as BXML (reply 200 with a
``<Response>``) or ignored (reply 204).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from bxmlkit.callbacks._base import CallbackEvent

__all__ = [
    "VOICE_EVENTS",
    "AnswerEvent",
    "BridgeCompleteEvent",
    "BridgeTargetCompleteEvent",
    "CallEvent",
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
    "PartialGatherEvent",
    "RealTimeTranscription",
    "RealTimeTranscriptionAvailableEvent",
    "RealTimeTranscriptionRejectedEvent",
    "RealTimeTranscriptionStartedEvent",
    "RealTimeTranscriptionStoppedEvent",
    "RecordingAvailableEvent",
    "RecordingCompleteEvent",
    "RedirectEvent",
    "ReferCompleteEvent",
    "StirShaken",
    "Transcription",
    "TranscriptionAvailableEvent",
    "TransferAnswerEvent",
    "TransferCompleteEvent",
    "TransferDisconnectEvent",
    "UnknownVoiceEvent",
    "VoiceEvent",
]


class _Part(BaseModel):
    """A nested object of an event: tolerant like the events themselves."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        extra="allow",
        coerce_numbers_to_str=True,
        frozen=True,
    )


class MachineDetectionResult(_Part):
    """``value``: answering-machine, human, silence, timeout, error (or newer);
    ``duration``: how long detection took (ISO 8601)."""

    value: str | None = None
    duration: str | None = None


class Diversion(_Part):
    """The inbound call's Diversion header, as Bandwidth parses it (values are strings)."""

    reason: str | None = None
    privacy: str | None = None
    screen: str | None = None
    counter: str | None = None
    limit: str | None = None
    unknown: str | None = None
    orig_to: str | None = None


class StirShaken(_Part):
    """STIR/SHAKEN verification of an inbound call."""

    verstat: str | None = None
    attestation_indicator: str | None = None
    originating_id: str | None = None


class Transcription(_Part):
    """A recording transcription, modelled loosely: the spec gives ``speaker``/``text``/
    ``confidence``; Bandwidth's docs example gives ``id``/``url``/``status``/``completedTime``."""

    speaker: int | None = None
    text: str | None = None
    confidence: float | None = None
    id: str | None = None
    url: str | None = None
    status: str | None = None
    completed_time: datetime | None = None


class MediaStream(_Part):
    """A media stream started by ``<StartStream>``."""

    id: str | None = None
    name: str | None = None
    destination: str | None = None
    start_time: datetime | None = None
    duration: str | None = None
    tracks: list[str] | None = None
    type: str | None = None


class RealTimeTranscription(_Part):
    """A real-time transcription started by ``<StartTranscription>``."""

    id: str | None = None
    name: str | None = None
    start_time: datetime | None = None
    duration: str | None = None
    tracks: list[str] | None = None
    destination: str | None = None
    stabilized: bool | None = None
    status: str | None = None
    url: str | None = None
    completed_time: datetime | None = None


class VoiceEvent(CallbackEvent):
    """Base of voice events: ``eventType`` and ``eventTime``."""

    event_type: str = ""
    event_time: datetime | None = None

    @property
    def declared_type(self) -> str:
        return self.event_type

    @model_validator(mode="after")
    def _type_matches_model(self) -> VoiceEvent:
        allowed = {t.casefold() for t in type(self).event_types}
        if allowed and self.event_type.casefold() not in allowed:
            raise ValueError(
                f"eventType {self.event_type!r} is not a {type(self).__name__} "
                f"(expected {' or '.join(type(self).event_types)})"
            )
        return self


class UnknownVoiceEvent(VoiceEvent):
    """A voice event type bxmlkit does not know (yet): every field is in ``model_extra``.

    ``expects_bxml`` is False: bxmlkit cannot tell; replying 204 ends nothing by itself.
    """


class CallEvent(VoiceEvent):
    """Base of events about one call: the call's identity and timeline."""

    account_id: str | None = None
    application_id: str | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    direction: str | None = None
    call_id: str | None = None
    call_url: str | None = None
    enqueued_time: datetime | None = None
    start_time: datetime | None = None
    answer_time: datetime | None = None
    tag: str | None = None


class _Transfer(BaseModel):
    parent_call_id: str | None = None
    transfer_caller_id: str | None = None
    transfer_to: str | None = None


class _Failure(BaseModel):
    cause: str | None = None
    error_message: str | None = None
    error_id: str | None = None


class _Recording(BaseModel):
    recording_id: str | None = None
    media_url: str | None = None
    end_time: datetime | None = None
    duration: str | None = None
    file_format: str | None = None
    channels: int | None = None
    status: str | None = None


# --------------------------------------------------------------------------- call events


class InitiateEvent(CallEvent):
    """An inbound call arrived.  Reply with BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("initiate",)
    expects_bxml: ClassVar[bool] = True
    diversion: Diversion | None = None
    stir_shaken: StirShaken | None = None
    uui: str | None = None
    sip_call_id: str | None = None
    sip_headers: dict[str, str] | None = None


class AnswerEvent(CallEvent):
    """An outbound call was answered.  Reply with BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("answer",)
    expects_bxml: ClassVar[bool] = True
    machine_detection_result: MachineDetectionResult | None = None
    sip_call_id: str | None = None


class BridgeCompleteEvent(CallEvent, _Failure):
    """The target call left the ``<Bridge>``; the reply BXML runs on the original call."""

    event_types: ClassVar[tuple[str, ...]] = ("bridgeComplete",)
    expects_bxml: ClassVar[bool] = True


class BridgeTargetCompleteEvent(CallEvent):
    """The original call left the ``<Bridge>``; the reply BXML runs on the target call."""

    event_types: ClassVar[tuple[str, ...]] = ("bridgeTargetComplete",)
    expects_bxml: ClassVar[bool] = True


class DisconnectEvent(CallEvent, _Failure):
    """The call ended, for any reason (``cause``).  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("disconnect",)
    end_time: datetime | None = None
    sip_call_id: str | None = None
    sip_response_code: int | None = None


class DtmfEvent(CallEvent, _Transfer):
    """One digit pressed after ``<StartGather>``.  Reply 204 (BXML is not allowed)."""

    event_types: ClassVar[tuple[str, ...]] = ("dtmf",)
    digit: str | None = None


class GatherEvent(CallEvent, _Transfer):
    """A ``<Gather>`` finished (``digits``, ``terminatingDigit``).  Reply with BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("gather",)
    expects_bxml: ClassVar[bool] = True
    digits: str | None = None
    terminating_digit: str | None = None


class MachineDetectionCompleteEvent(CallEvent):
    """Async answering-machine detection finished.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("machineDetectionComplete",)
    machine_detection_result: MachineDetectionResult | None = None


class RecordingCompleteEvent(CallEvent, _Transfer, _Recording):
    """A ``<Record>`` finished and the call is still up.  Reply with BXML.

    The spec names this event ``recordingComplete``; Bandwidth's docs and examples say
    ``recordComplete``.  Both are accepted; ``event_type`` keeps what was sent.
    """

    event_types: ClassVar[tuple[str, ...]] = ("recordingComplete", "recordComplete")
    expects_bxml: ClassVar[bool] = True


class RecordingAvailableEvent(CallEvent, _Transfer, _Recording):
    """A recording is processed and can be downloaded (``mediaUrl``).  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("recordingAvailable",)


class RedirectEvent(CallEvent, _Transfer):
    """A ``<Redirect>`` (or a redirect through the API) asks for new BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("redirect",)
    expects_bxml: ClassVar[bool] = True


class TranscriptionAvailableEvent(CallEvent, _Transfer, _Recording):
    """A recording's transcription can be downloaded.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("transcriptionAvailable",)
    transcription: Transcription | None = None


class TransferAnswerEvent(CallEvent, _Transfer):
    """A ``<Transfer>`` B-leg answered; the reply BXML runs on that leg only."""

    event_types: ClassVar[tuple[str, ...]] = ("transferAnswer",)
    expects_bxml: ClassVar[bool] = True


class TransferCompleteEvent(CallEvent, _Transfer, _Failure):
    """The transferred leg ended; the reply BXML runs on the original (A-leg) call."""

    event_types: ClassVar[tuple[str, ...]] = ("transferComplete",)
    expects_bxml: ClassVar[bool] = True


class TransferDisconnectEvent(CallEvent, _Transfer, _Failure):
    """One ``<Transfer>`` leg ended, for any reason.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("transferDisconnect",)
    end_time: datetime | None = None


class ReferCompleteEvent(CallEvent):
    """The SIP REFER of a ``<Refer>`` finished (``referCallStatus`` success/failure).

    On failure the call is still up and the reply BXML runs; on success the call is gone and
    any BXML is ignored, so ``bxml_optional`` is True.
    """

    event_types: ClassVar[tuple[str, ...]] = ("referComplete",)
    expects_bxml: ClassVar[bool] = True
    bxml_optional: ClassVar[bool] = True
    refer_call_status: str | None = None
    refer_sip_response_code: int | None = None
    notify_sip_response_code: int | None = None


# --------------------------------------------------------------------------- conference events


class ConferenceEvent(VoiceEvent):
    """Base of conference events (``conferenceId``, ``name``, ``tag``)."""

    conference_id: str | None = None
    name: str | None = None
    tag: str | None = None


class _ConferenceBxml(ConferenceEvent):
    expects_bxml: ClassVar[bool] = True
    bxml_optional: ClassVar[bool] = True


class ConferenceCreatedEvent(_ConferenceBxml):
    """A conference was created.  Reply 204 or BXML (conference verbs only)."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceCreated",)


class ConferenceRedirectEvent(_ConferenceBxml):
    """A conference was redirected through the API.  Reply 204 or BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceRedirect",)


class ConferenceMemberJoinEvent(_ConferenceBxml):
    """A call joined the conference.  Reply 204 or BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceMemberJoin",)
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    call_id: str | None = None


class ConferenceMemberExitEvent(_ConferenceBxml):
    """A call left the conference.  Reply 204 or BXML."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceMemberExit",)
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    call_id: str | None = None


class ConferenceCompletedEvent(ConferenceEvent):
    """The last member left.  Reply 204 (BXML is not allowed)."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceCompleted",)


class ConferenceRecordingAvailableEvent(ConferenceEvent, _Recording):
    """A conference recording can be downloaded.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("conferenceRecordingAvailable",)
    account_id: str | None = None
    start_time: datetime | None = None


# --------------------------------------------------------------------------- documented-only


class _DocumentedOnly(CallEvent):
    in_spec: ClassVar[bool] = False


class MediaStreamStartedEvent(_DocumentedOnly):
    """A ``<StartStream>`` stream started.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("mediaStreamStarted",)
    media_stream: MediaStream | None = None


class MediaStreamStoppedEvent(_DocumentedOnly):
    """A stream stopped (``cause``: closed, connection-error, error...).  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("mediaStreamStopped",)
    media_stream: MediaStream | None = None
    cause: str | None = None
    error_message: str | None = None


class MediaStreamRejectedEvent(_DocumentedOnly):
    """A requested stream was not started (``cause``: duplicate, track-limit...)."""

    event_types: ClassVar[tuple[str, ...]] = ("mediaStreamRejected",)
    media_stream: MediaStream | None = None
    original_media_stream: MediaStream | None = None
    cause: str | None = None
    error_message: str | None = None


class _RealTime(_DocumentedOnly):
    # Bandwidth's pages name the object realTimeTranscription, but their examples for the
    # stopped/rejected events use "transcription"; both are read.
    real_time_transcription: RealTimeTranscription | None = None
    transcription: RealTimeTranscription | None = None

    @property
    def stream(self) -> RealTimeTranscription | None:
        """Whichever of ``realTimeTranscription`` / ``transcription`` was sent."""
        return self.real_time_transcription or self.transcription


class RealTimeTranscriptionStartedEvent(_RealTime):
    """A ``<StartTranscription>`` transcription started.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("realTimeTranscriptionStarted",)


class RealTimeTranscriptionStoppedEvent(_RealTime):
    """A real-time transcription stopped.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("realTimeTranscriptionStopped",)
    cause: str | None = None
    error_message: str | None = None


class RealTimeTranscriptionRejectedEvent(_RealTime):
    """A requested real-time transcription was not started.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("realTimeTranscriptionRejected",)
    original_transcription: RealTimeTranscription | None = None
    cause: str | None = None
    error_message: str | None = None


class RealTimeTranscriptionAvailableEvent(_RealTime):
    """A real-time transcription can be downloaded.  Reply 204."""

    event_types: ClassVar[tuple[str, ...]] = ("realTimeTranscriptionAvailable",)


class PartialGatherEvent(_DocumentedOnly):
    """Speech recognised so far in a ``<Gather partialResultCallback>`` (may fire often).

    Bandwidth's page writes the type ``partialgather``; it is matched case-insensitively.
    The field carrying the partial text is undocumented: look in ``model_extra``.
    """

    event_types: ClassVar[tuple[str, ...]] = ("partialgather",)


VOICE_EVENT_CLASSES: tuple[type[VoiceEvent], ...] = (
    AnswerEvent,
    BridgeCompleteEvent,
    BridgeTargetCompleteEvent,
    ConferenceCompletedEvent,
    ConferenceCreatedEvent,
    ConferenceMemberExitEvent,
    ConferenceMemberJoinEvent,
    ConferenceRecordingAvailableEvent,
    ConferenceRedirectEvent,
    DisconnectEvent,
    DtmfEvent,
    GatherEvent,
    InitiateEvent,
    MachineDetectionCompleteEvent,
    MediaStreamRejectedEvent,
    MediaStreamStartedEvent,
    MediaStreamStoppedEvent,
    PartialGatherEvent,
    RealTimeTranscriptionAvailableEvent,
    RealTimeTranscriptionRejectedEvent,
    RealTimeTranscriptionStartedEvent,
    RealTimeTranscriptionStoppedEvent,
    RecordingAvailableEvent,
    RecordingCompleteEvent,
    RedirectEvent,
    ReferCompleteEvent,
    TranscriptionAvailableEvent,
    TransferAnswerEvent,
    TransferCompleteEvent,
    TransferDisconnectEvent,
)

#: ``{eventType: model}`` for every known voice event (both record-complete spellings).
VOICE_EVENTS: dict[str, type[VoiceEvent]] = {
    name: cls for cls in VOICE_EVENT_CLASSES for name in cls.event_types
}
