"""Verbs that record the call: a voicemail-style ``Record`` and background recording."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from bxmlkit.models import _fields as f
from bxmlkit.models._base import Element
from bxmlkit.models._types import Method, TerminatingDigits, Text, Url

__all__ = ["PauseRecording", "Record", "ResumeRecording", "StartRecording", "StopRecording"]


class Record(Element):
    """Records the caller until a terminating digit, silence or the maximum duration.

    When ``record_complete_url`` is set, its reply replaces the rest of this document.

    Attributes:
        record_complete_url, record_complete_method: the record-complete webhook.
        record_complete_fallback_url, record_complete_fallback_method: its fallback (Python
            SDKs before 23.3 wrote the wrong names ``recordCompleteFallback_url``/``_method``).
        recording_available_url, recording_available_method: told when the file is ready.
        transcribe: transcribe the recording (default false).
        detect_language: detect the spoken language for transcription (needs ``transcribe``).
        transcription_available_url, transcription_available_method: told when the
            transcription is ready.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
        terminating_digits: digits that stop recording (default ``#``).
        max_duration: longest recording in seconds, 1 to 10800 (default 60).
        silence_timeout: seconds of silence that stop recording, 0 to 10800 (0: never).
        file_format: ``wav`` (default) or ``mp3``.
        recording_name: a name that identifies the recording.
    """

    xml_tag: ClassVar[str] = "Record"

    record_complete_url: Url | None = f.callback_url(
        "recordCompleteUrl", "record-complete event (its reply is new BXML)"
    )
    record_complete_method: Method | None = f.callback_method(
        "recordCompleteMethod", "recordCompleteUrl"
    )
    record_complete_fallback_url: Url | None = f.fallback_url(
        "recordCompleteFallbackUrl", "recordCompleteUrl"
    )
    record_complete_fallback_method: Method | None = f.callback_method(
        "recordCompleteFallbackMethod", "recordCompleteFallbackUrl"
    )
    recording_available_url: Url | None = f.callback_url(
        "recordingAvailableUrl", "recording-available event"
    )
    recording_available_method: Method | None = f.callback_method(
        "recordingAvailableMethod", "recordingAvailableUrl"
    )
    transcribe: bool | None = Field(None, description="Transcribe the recording (false).")
    detect_language: bool | None = Field(
        None, alias="detectLanguage", description="Detect the language for transcription."
    )
    transcription_available_url: Url | None = f.callback_url(
        "transcriptionAvailableUrl", "transcription-available event"
    )
    transcription_available_method: Method | None = f.callback_method(
        "transcriptionAvailableMethod", "transcriptionAvailableUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()
    terminating_digits: TerminatingDigits | None = Field(
        None, alias="terminatingDigits", description="Digits that stop recording (#)."
    )
    max_duration: int | None = Field(
        None, alias="maxDuration", ge=1, le=10800, description="Maximum seconds (60 when unset)."
    )
    silence_timeout: float | None = Field(
        None, alias="silenceTimeout", ge=0, le=10800, description="Seconds of silence that stop."
    )
    file_format: Literal["mp3", "wav"] | None = Field(
        None, alias="fileFormat", description="Audio format (wav when unset)."
    )
    recording_name: Text | None = Field(
        None, alias="recordingName", description="Name that identifies the recording."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            record_complete_url: Url | None = ...,
            record_complete_method: Method | None = ...,
            record_complete_fallback_url: Url | None = ...,
            record_complete_fallback_method: Method | None = ...,
            recording_available_url: Url | None = ...,
            recording_available_method: Method | None = ...,
            transcribe: bool | None = ...,
            detect_language: bool | None = ...,
            transcription_available_url: Url | None = ...,
            transcription_available_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            terminating_digits: TerminatingDigits | None = ...,
            max_duration: int | None = ...,
            silence_timeout: float | None = ...,
            file_format: Literal["mp3", "wav"] | None = ...,
            recording_name: Text | None = ...,
        ) -> None: ...
    # END generated signature


class StartRecording(Element):
    """Starts recording the call in the background while later verbs run.

    Attributes:
        recording_available_url, recording_available_method: told when the file is ready.
        transcribe: transcribe the recording (default false; ignored for conferences).
        detect_language: detect the spoken language (needs ``transcribe``).
        transcription_available_url, transcription_available_method: told when the
            transcription is ready.
        username, password: basic-auth credentials for those URLs.
        tag: custom value sent with webhooks.
        file_format: ``wav`` (default) or ``mp3``.
        multi_channel: record each side on its own channel (default false).
        recording_name: a name that identifies the recording.
    """

    xml_tag: ClassVar[str] = "StartRecording"

    recording_available_url: Url | None = f.callback_url(
        "recordingAvailableUrl", "recording-available event"
    )
    recording_available_method: Method | None = f.callback_method(
        "recordingAvailableMethod", "recordingAvailableUrl"
    )
    transcribe: bool | None = Field(None, description="Transcribe the recording (false).")
    detect_language: bool | None = Field(
        None, alias="detectLanguage", description="Detect the language for transcription."
    )
    transcription_available_url: Url | None = f.callback_url(
        "transcriptionAvailableUrl", "transcription-available event"
    )
    transcription_available_method: Method | None = f.callback_method(
        "transcriptionAvailableMethod", "transcriptionAvailableUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    tag: Text | None = f.tag()
    file_format: Literal["mp3", "wav"] | None = Field(
        None, alias="fileFormat", description="Audio format (wav when unset)."
    )
    multi_channel: bool | None = Field(
        None, alias="multiChannel", description="One channel per call leg (false)."
    )
    recording_name: Text | None = Field(
        None, alias="recordingName", description="Name that identifies the recording."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            recording_available_url: Url | None = ...,
            recording_available_method: Method | None = ...,
            transcribe: bool | None = ...,
            detect_language: bool | None = ...,
            transcription_available_url: Url | None = ...,
            transcription_available_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            tag: Text | None = ...,
            file_format: Literal["mp3", "wav"] | None = ...,
            multi_channel: bool | None = ...,
            recording_name: Text | None = ...,
        ) -> None: ...
    # END generated signature


class StopRecording(Element):
    """Stops and finishes the recording started by ``StartRecording``, even if paused."""

    xml_tag: ClassVar[str] = "StopRecording"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self) -> None: ...
    # END generated signature


class PauseRecording(Element):
    """Pauses the recording started by ``StartRecording`` (no effect if none is running)."""

    xml_tag: ClassVar[str] = "PauseRecording"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self) -> None: ...
    # END generated signature


class ResumeRecording(Element):
    """Resumes a recording paused by ``PauseRecording`` (no effect if none is paused)."""

    xml_tag: ClassVar[str] = "ResumeRecording"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self) -> None: ...
    # END generated signature
