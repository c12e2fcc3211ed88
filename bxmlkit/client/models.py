"""Request and response bodies of the Voice and Messaging APIs, as pydantic models.

Field names are snake_case in Python and the API's camelCase on the wire (``answer_url`` <->
``answerUrl``; ``from_`` <-> ``from``); both spellings are accepted when building a model.

* Request models (``CreateCall``, ``UpdateCall``, ``MachineDetectionConfiguration``,
  ``ListCallsQuery``, ``MessageRequest``) check every limit the reference documents before
  anything is sent, refuse unknown fields, and hold webhook passwords as ``SecretStr`` (their
  repr and their validation errors never show them).
* Response models (``CreateCallResponse``, ``CallState``, ``Message``) accept unknown fields
  (kept in ``model_extra``) and unknown enum values (typed ``str``), because the API says it
  adds both.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated, Any, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    SecretStr,
    SerializationInfo,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from typing_extensions import Self

from bxmlkit.client._redact import scrub_validation_error

__all__ = [
    "AccountStatistics",
    "CallRecordingMetadata",
    "CallState",
    "CallTranscription",
    "CallTranscriptionMetadata",
    "CallTranscriptionResponse",
    "Conference",
    "ConferenceMember",
    "ConferenceRecordingMetadata",
    "CreateCall",
    "CreateCallResponse",
    "ListAccountCallRecordingsQuery",
    "ListCallsQuery",
    "ListConferencesQuery",
    "ListMessageItem",
    "ListMessagesQuery",
    "MachineDetectionConfiguration",
    "Media",
    "Message",
    "MessageRequest",
    "MessagesList",
    "PageInfo",
    "RecordingTranscriptionClip",
    "RecordingTranscriptionMetadata",
    "RecordingTranscriptions",
    "TranscribeRecording",
    "Transcription",
    "UpdateCall",
    "UpdateCallRecording",
    "UpdateConference",
    "UpdateConferenceMember",
]

E164 = re.compile(r"\+[1-9][0-9]{1,14}")
SIP_URI = re.compile(r"sips?:\S+")
#: Alphanumeric sender id: up to 11 of A-Z a-z 0-9 space - + _ &, with at least one letter.
SENDER_ID = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 \-+_&]{1,11}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UUI_ENCODING = re.compile(r";\s*encoding\s*=\s*(jwt|base64|hex)\s*$", re.IGNORECASE)
PRIVACY_DISPLAY_NAMES = ("Restricted", "Anonymous", "Private", "Unavailable")

_MASK = "*****"


# --------------------------------------------------------------------------- reusable types


def _check_url(value: str) -> str:
    if any(ch.isspace() for ch in value):
        raise ValueError("a URL may not contain whitespace")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an absolute http:// or https:// URL")
    return value


#: An absolute http(s) URL of at most 2048 (4096) characters.
Url2048 = Annotated[str, Field(max_length=2048), AfterValidator(_check_url)]
Url4096 = Annotated[str, Field(max_length=4096), AfterValidator(_check_url)]


def _check_secret_length(value: SecretStr) -> SecretStr:
    if len(value.get_secret_value()) > 1024:
        raise ValueError("must be at most 1024 characters")
    return value


def _reveal(value: SecretStr, info: SerializationInfo) -> str:
    context = info.context if isinstance(info.context, dict) else {}
    return value.get_secret_value() if context.get("reveal_secrets") else _MASK


#: A webhook password: at most 1024 characters, masked unless serialised for the wire.
WebhookPassword = Annotated[
    SecretStr,
    AfterValidator(_check_secret_length),
    PlainSerializer(_reveal, return_type=str),
]

_SECRET_KEYS = frozenset({"password", "fallbackPassword", "fallback_password"})


def _e164(value: str) -> str:
    if not E164.fullmatch(value):
        raise ValueError("must be an E.164 number such as +15555551212")
    return value


def _e164_or_sip(value: str) -> str:
    if not (E164.fullmatch(value) or SIP_URI.fullmatch(value)):
        raise ValueError(
            "must be an E.164 number (+15555551212) or a SIP URI (sip:user@server.example)"
        )
    return value


Callback = Literal["GET", "POST"]


class _Request(BaseModel):
    """Base of request bodies: strict, camelCase on the wire, secrets masked.

    Webhook credentials never show: passwords are ``SecretStr``, user names are left out of
    the repr, the kept body masks both, and a ``ValidationError`` (its text and
    ``errors()[i]["input"]``) has them replaced by ``[redacted]``, even when a cross-field
    check reports the whole input.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        extra="forbid",
        frozen=True,
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            error = scrub_validation_error(exc)
        else:
            return
        raise error  # outside the except block: no __context__ holding the raw input

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        try:
            return super().model_validate(obj, *args, **kwargs)
        except ValidationError as exc:
            error = scrub_validation_error(exc)
        raise error

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any
    ) -> Self:
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except ValidationError as exc:
            error = scrub_validation_error(exc)
        raise error

    @model_validator(mode="before")
    @classmethod
    def _wrap_secrets(cls, data: Any) -> Any:
        # Wrap passwords before field validation so that a ValidationError never shows them.
        if isinstance(data, dict):
            data = {
                k: SecretStr(v) if k in _SECRET_KEYS and isinstance(v, str) else v
                for k, v in data.items()
            }
        return data

    def wire(self) -> dict[str, Any]:
        """The JSON body to send (secrets revealed, unset fields left out)."""
        return self.model_dump(
            mode="json", by_alias=True, exclude_none=True, context={"reveal_secrets": True}
        )

    def recorded(self) -> dict[str, Any]:
        """The JSON body as a kept request shows it (webhook credentials masked)."""
        masked: dict[str, Any] = _mask_usernames(
            self.model_dump(mode="json", by_alias=True, exclude_none=True)
        )
        return masked


def _mask_usernames(body: Any) -> Any:
    if isinstance(body, dict):
        return {
            k: _MASK if k in ("username", "fallbackUsername") else _mask_usernames(v)
            for k, v in body.items()
        }
    if isinstance(body, list):
        return [_mask_usernames(v) for v in body]
    return body


class _Response(BaseModel):
    """Base of response bodies: tolerant of unknown fields and values."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        extra="allow",
    )


# --------------------------------------------------------------------------- voice: requests


class MachineDetectionConfiguration(_Request):
    """Answering-machine detection for ``create_call`` (reference: machineDetectionConfiguration).

    Defaults (applied by the API, not sent): mode ``async``, detectionTimeout 15,
    silenceTimeout 10, speechThreshold 10, speechEndThreshold 5, delayResult false,
    callbackMethod/fallbackMethod POST.  Bandwidth advises whole-number values.
    """

    mode: Literal["sync", "async"] | None = None
    detection_timeout: float | None = None
    silence_timeout: float | None = None
    speech_threshold: float | None = None
    speech_end_threshold: float | None = None
    machine_speech_end_threshold: float | None = None
    delay_result: bool | None = None
    callback_url: Url2048 | None = None
    callback_method: Callback | None = None
    username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    password: WebhookPassword | None = None
    fallback_url: Url2048 | None = None
    fallback_method: Callback | None = None
    fallback_username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    fallback_password: WebhookPassword | None = None


class CreateCall(_Request):
    """The body of ``POST /accounts/{accountId}/calls`` (reference: createCall).

    Checked before sending: ``to`` is E.164 or a SIP URI, ``from_`` is E.164; URLs are
    absolute http(s) of at most 2048 characters, and ``answer_url`` (``answer_fallback_url``)
    must be https when ``username``/``password`` (``fallback_username``/``fallback_password``)
    are set; ``call_timeout`` 1..300 s; ``callback_timeout`` 1..25 s; ``priority`` 1..5;
    ``tag`` at most 4096 characters; ``display_name`` at most 256 characters without control
    characters, and one of Restricted/Anonymous/Private/Unavailable when ``privacy`` is true;
    ``uui`` at most 350 characters, each comma-separated value ending in
    ``;encoding=jwt|base64|hex``; usernames and passwords at most 1024 characters.
    """

    to: Annotated[str, AfterValidator(_e164_or_sip)]
    from_: Annotated[str, AfterValidator(_e164)] = Field(alias="from")
    application_id: Annotated[str, Field(min_length=1)]
    answer_url: Url2048
    answer_method: Callback | None = None
    privacy: bool | None = None
    display_name: Annotated[str, Field(max_length=256)] | None = None
    uui: Annotated[str, Field(max_length=350)] | None = None
    username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    password: WebhookPassword | None = None
    answer_fallback_url: Url2048 | None = None
    answer_fallback_method: Callback | None = None
    fallback_username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    fallback_password: WebhookPassword | None = None
    disconnect_url: Url2048 | None = None
    disconnect_method: Callback | None = None
    call_timeout: Annotated[float, Field(ge=1, le=300)] | None = None
    callback_timeout: Annotated[float, Field(ge=1, le=25)] | None = None
    machine_detection: MachineDetectionConfiguration | None = None
    priority: Annotated[int, Field(ge=1, le=5)] | None = None
    tag: Annotated[str, Field(max_length=4096)] | None = None

    @field_validator("display_name")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        if value is not None and _CONTROL.search(value):
            raise ValueError("may not contain control characters such as new lines")
        return value

    @field_validator("uui")
    @classmethod
    def _uui_encodings(cls, value: str | None) -> str | None:
        if value is None:
            return value
        for part in value.split(","):
            if not _UUI_ENCODING.search(part):
                raise ValueError(
                    "each comma-separated value must end with ;encoding=jwt, "
                    ";encoding=base64 or ;encoding=hex (RFC 7433)"
                )
        return value

    @model_validator(mode="after")
    def _cross_field_rules(self) -> CreateCall:
        if (
            self.privacy
            and self.display_name is not None
            and self.display_name not in PRIVACY_DISPLAY_NAMES
        ):
            raise ValueError(
                "with privacy=True, display_name must be one of " + ", ".join(PRIVACY_DISPLAY_NAMES)
            )
        pairs = (
            ("answer_url", self.answer_url, self.username, self.password),
            (
                "answer_fallback_url",
                self.answer_fallback_url,
                self.fallback_username,
                self.fallback_password,
            ),
        )
        for name, url, user, password in pairs:
            has_credentials = user is not None or password is not None
            if url and has_credentials and urlsplit(url).scheme.lower() != "https":
                raise ValueError(
                    f"{name} must use https when webhook credentials are set "
                    "(they would travel in clear text)"
                )
        return self


class UpdateCall(_Request):
    """The body of ``POST /accounts/{accountId}/calls/{callId}`` (reference: updateCall).

    ``state="active"`` (the API's default) redirects the call and needs ``redirect_url``;
    ``state="completed"`` hangs it up and allows none of ``redirect_url``,
    ``redirect_method``, ``redirect_fallback_method`` or ``tag``.
    """

    state: Literal["active", "completed"] | None = None
    redirect_url: Url2048 | None = None
    redirect_method: Callback | None = None
    username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    password: WebhookPassword | None = None
    redirect_fallback_url: Url2048 | None = None
    redirect_fallback_method: Callback | None = None
    fallback_username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    fallback_password: WebhookPassword | None = None
    tag: Annotated[str, Field(max_length=4096)] | None = None

    @model_validator(mode="after")
    def _state_rules(self) -> UpdateCall:
        if self.state == "completed":
            given = [
                name
                for name in ("redirect_url", "redirect_method", "redirect_fallback_method", "tag")
                if getattr(self, name) is not None
            ]
            if given:
                raise ValueError(
                    f"{', '.join(given)} not allowed with state='completed' (a hang-up)"
                )
        elif self.redirect_url is None:
            raise ValueError("redirect_url is required unless state='completed'")
        return self


class ListCallsQuery(_Request):
    """Filters of ``GET /accounts/{accountId}/calls``; ``page_size`` is 1..10000."""

    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    min_start_time: datetime | str | None = None
    max_start_time: datetime | str | None = None
    disconnect_cause: str | None = None
    page_size: Annotated[int, Field(ge=1, le=10000)] | None = None

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, value in self.model_dump(by_alias=True, exclude_none=True).items():
            if isinstance(value, datetime):
                value = value.isoformat().replace("+00:00", "Z")
            out[name] = str(value)
        return out


# --------------------------------------------------------------------------- voice: responses


class CreateCallResponse(_Response):
    """What ``create_call`` returns (reference: createCallResponse) plus the ``Location``.

    ``location`` is the response's Location header, the URL for further interactions.  Only
    ``call_id`` is sure to be set: a reply without the other documented fields (or with a
    ``Location`` and no body) is still a placed call, read as far as it goes.
    Webhook passwords come back masked by the API; they are kept as ``SecretStr``.
    """

    call_id: str
    application_id: str | None = None
    account_id: str | None = None
    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    call_url: str | None = None
    answer_url: str | None = None
    answer_method: str | None = None
    disconnect_method: str | None = None
    enqueued_time: datetime | None = None
    call_timeout: float | None = None
    callback_timeout: float | None = None
    tag: str | None = None
    answer_fallback_method: str | None = None
    answer_fallback_url: str | None = None
    disconnect_url: str | None = None
    username: str | None = Field(default=None, repr=False)
    password: SecretStr | None = None
    fallback_username: str | None = Field(default=None, repr=False)
    fallback_password: SecretStr | None = None
    priority: int | None = None

    _location: str | None = PrivateAttr(default=None)

    @property
    def location(self) -> str | None:
        return self._location


class CallState(_Response):
    """A call's state (reference: callState); ``state`` is queued, initiated, answered,
    disconnected, or a value added later."""

    application_id: str | None = None
    account_id: str | None = None
    call_id: str | None = None
    parent_call_id: str | None = None
    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    direction: str | None = None
    state: str | None = None
    stir_shaken: dict[str, Any] | None = None
    identity: str | None = None
    enqueued_time: datetime | None = None
    start_time: datetime | None = None
    answer_time: datetime | None = None
    end_time: datetime | None = None
    disconnect_cause: str | None = None
    error_message: str | None = None
    error_id: str | None = None
    last_update: datetime | None = None


# --------------------------------------------------------------------------- messaging


class MessageRequest(_Request):
    """The body of ``POST /users/{accountId}/messages`` (reference: messageRequest).

    Checked before sending: ``to`` is 1+ distinct E.164 numbers; ``from_`` is E.164 or an
    alphanumeric sender id (at most 11 of ``A-Z a-z 0-9 space - + _ &``, one letter at least);
    ``text`` at most 2048 characters; each ``media`` URL absolute http(s), at most 4096
    characters; ``tag`` at most 1024; ``priority`` ``default`` or ``high``; ``expiration`` a
    timezone-aware date-time in the future.  bxmlkit also requires ``text`` or ``media``: a
    message with neither has nothing to deliver.
    """

    application_id: Annotated[str, Field(min_length=1)]
    to: Annotated[list[Annotated[str, AfterValidator(_e164)]], Field(min_length=1)]
    from_: str = Field(alias="from")
    text: Annotated[str, Field(max_length=2048)] | None = None
    media: list[Url4096] | None = None
    tag: Annotated[str, Field(max_length=1024)] | None = None
    priority: Literal["default", "high"] | None = None
    expiration: datetime | None = None

    MAX_TEXT: ClassVar[int] = 2048

    @field_validator("to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("to")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("recipients must be distinct")
        return value

    @field_validator("from_")
    @classmethod
    def _sender(cls, value: str) -> str:
        if not (E164.fullmatch(value) or SENDER_ID.fullmatch(value)):
            raise ValueError(
                "must be an E.164 number or an alphanumeric sender id (at most 11 characters "
                "of A-Z a-z 0-9 space - + _ &, with at least one letter)"
            )
        return value

    @field_validator("expiration")
    @classmethod
    def _future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return value
        if value.tzinfo is None:
            raise ValueError("must have a timezone (RFC 3339), e.g. 2021-03-14T01:59:26Z")
        if value <= datetime.now(timezone.utc):
            raise ValueError("must be in the future")
        return value

    @model_validator(mode="after")
    def _has_content(self) -> MessageRequest:
        if not self.text and not self.media:
            raise ValueError("a message needs text or media")
        return self


class Message(_Response):
    """A message as the API returns it (reference: message); 202 from ``send_message``."""

    id: str | None = None
    owner: str | None = None
    application_id: str | None = None
    time: datetime | None = None
    segment_count: int | None = None
    direction: str | None = None
    to: list[str] | None = None
    from_: str | None = Field(default=None, alias="from")
    media: list[str] | None = None
    text: str | None = None
    tag: str | None = None
    priority: str | None = None
    expiration: datetime | None = None


# --------------------------------------------------------------------------- voice: conferences


class UpdateConference(_Request):
    """The body of ``POST /accounts/{accountId}/conferences/{conferenceId}`` (updateConference).

    ``status="completed"`` ends the conference and ejects every member, and allows none of
    the redirect fields; otherwise (``active``, the API's default) ``redirect_url`` is
    required: the conference fetches new BXML from it (a conferenceRedirect webhook).
    """

    status: Literal["active", "completed"] | None = None
    redirect_url: Url2048 | None = None
    redirect_method: Callback | None = None
    username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    password: WebhookPassword | None = None
    redirect_fallback_url: Url2048 | None = None
    redirect_fallback_method: Callback | None = None
    fallback_username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    fallback_password: WebhookPassword | None = None

    @model_validator(mode="after")
    def _status_rules(self) -> UpdateConference:
        if self.status == "completed":
            names = ("redirect_url", "redirect_method", "redirect_fallback_url",
                     "redirect_fallback_method")  # fmt: skip
            given = [name for name in names if getattr(self, name) is not None]
            if given:
                raise ValueError(f"{', '.join(given)} not allowed with status='completed'")
        elif self.redirect_url is None:
            raise ValueError("redirect_url is required unless status='completed'")
        return self


class UpdateConferenceMember(_Request):
    """The body of ``PUT .../conferences/{conferenceId}/members/{memberId}``.

    ``mute`` and ``hold`` set the member's state; ``call_ids_to_coach`` replaces the list of
    calls the member coaches.  At least one must be given (an empty update changes nothing).
    """

    mute: bool | None = None
    hold: bool | None = None
    call_ids_to_coach: list[Annotated[str, Field(min_length=1)]] | None = None

    @model_validator(mode="after")
    def _something(self) -> UpdateConferenceMember:
        if self.mute is None and self.hold is None and self.call_ids_to_coach is None:
            raise ValueError("give mute, hold or call_ids_to_coach: an empty update does nothing")
        return self


class ListConferencesQuery(_Request):
    """Filters of ``GET /accounts/{accountId}/conferences``; ``page_size`` is 1..1000."""

    name: str | None = None
    min_created_time: datetime | str | None = None
    max_created_time: datetime | str | None = None
    page_size: Annotated[int, Field(ge=1, le=1000)] | None = None

    def params(self) -> dict[str, str]:
        return _params(self)


class ConferenceMember(_Response):
    """A conference member (reference: conferenceMember)."""

    call_id: str | None = None
    conference_id: str | None = None
    member_url: str | None = None
    mute: bool | None = None
    hold: bool | None = None
    call_ids_to_coach: list[str] | None = None


class Conference(_Response):
    """A conference (reference: conference); ``active_members`` only from get_conference."""

    id: str | None = None
    name: str | None = None
    created_time: datetime | None = None
    completed_time: datetime | None = None
    conference_event_url: str | None = None
    conference_event_method: str | None = None
    tag: str | None = None
    active_members: list[ConferenceMember] | None = None


# --------------------------------------------------------------------------- voice: recordings


class UpdateCallRecording(_Request):
    """The body of ``PUT .../calls/{callId}/recording``: ``paused`` or ``recording``."""

    state: Literal["paused", "recording"]


class TranscribeRecording(_Request):
    """The body of ``POST .../recordings/{recordingId}/transcription`` (transcribeRecording).

    ``callback_url`` receives the transcriptionAvailable webhook; ``callback_timeout`` is
    1..25 s; webhook credentials are at most 1024 characters and need an https callback.
    """

    callback_url: Url2048 | None = None
    callback_method: Callback | None = None
    username: Annotated[str | None, Field(max_length=1024, repr=False)] = None
    password: WebhookPassword | None = None
    tag: str | None = None
    callback_timeout: Annotated[float, Field(ge=1, le=25)] | None = None
    detect_language: bool | None = None

    @model_validator(mode="after")
    def _https_with_credentials(self) -> TranscribeRecording:
        has_credentials = self.username is not None or self.password is not None
        url = self.callback_url
        if url and has_credentials and urlsplit(url).scheme.lower() != "https":
            raise ValueError(
                "callback_url must use https when webhook credentials are set "
                "(they would travel in clear text)"
            )
        return self


class ListAccountCallRecordingsQuery(_Request):
    """Filters of ``GET /accounts/{accountId}/recordings``."""

    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    min_start_time: datetime | str | None = None
    max_start_time: datetime | str | None = None

    def params(self) -> dict[str, str]:
        return _params(self)


class RecordingTranscriptionMetadata(_Response):
    """Whether (and where) a recording was transcribed."""

    id: str | None = None
    status: str | None = None
    completed_time: datetime | None = None
    url: str | None = None


class CallRecordingMetadata(_Response):
    """A call recording (reference: callRecordingMetadata); ``media_url`` once it is ready."""

    application_id: str | None = None
    account_id: str | None = None
    call_id: str | None = None
    parent_call_id: str | None = None
    recording_id: str | None = None
    to: str | None = None
    from_: str | None = Field(default=None, alias="from")
    transfer_caller_id: str | None = None
    transfer_to: str | None = None
    duration: str | None = None
    direction: str | None = None
    channels: int | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None
    file_format: str | None = None
    status: str | None = None
    media_url: str | None = None
    transcription: RecordingTranscriptionMetadata | None = None
    recording_name: str | None = None


class ConferenceRecordingMetadata(_Response):
    """A conference recording (reference: conferenceRecordingMetadata)."""

    account_id: str | None = None
    conference_id: str | None = None
    name: str | None = None
    recording_id: str | None = None
    duration: str | None = None
    channels: int | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None
    file_format: str | None = None
    status: str | None = None
    media_url: str | None = None
    recording_name: str | None = None


class Transcription(_Response):
    """One transcript of a recording (per channel)."""

    speaker: int | None = None
    text: str | None = None
    confidence: float | None = None


class RecordingTranscriptionClip(_Response):
    """One speech clip: speaker, text, confidence and timing."""

    speaker: int | None = None
    text: str | None = None
    confidence: float | None = None
    start_time_seconds: float | None = None
    end_time_seconds: float | None = None


class RecordingTranscriptions(_Response):
    """A recording's transcription (reference: recordingTranscriptions)."""

    transcripts: list[Transcription] | None = None
    clips: list[RecordingTranscriptionClip] | None = None


# --------------------------------------------------------------------------- voice: the rest


class AccountStatistics(_Response):
    """The account's call queue (reference: accountStatistics)."""

    current_call_queue_size: int | None = None
    max_call_queue_size: int | None = None


class CallTranscriptionMetadata(_Response):
    """A real-time transcription of a call (from ``<StartTranscription>``)."""

    transcription_id: str | None = None
    transcription_name: str | None = None
    transcription_url: str | None = None


class CallTranscription(_Response):
    """One track of a real-time transcription."""

    detected_language: str | None = None
    track: str | None = None
    transcript: str | None = None
    confidence: float | None = None


class CallTranscriptionResponse(_Response):
    """A real-time transcription (reference: callTranscriptionResponse)."""

    account_id: str | None = None
    call_id: str | None = None
    transcription_id: str | None = None
    tracks: list[CallTranscription] | None = None


# --------------------------------------------------------------------------- messaging: lists


class ListMessagesQuery(_Request):
    """Filters of ``GET /users/{accountId}/messages`` (the reference's query parameters).

    ``limit`` is the page size (the API's default is 100); pages are followed with
    ``pageInfo.nextPageToken``, so ``page_token`` is only for resuming a listing.
    """

    message_id: str | None = None
    source_tn: str | None = None
    destination_tn: str | None = None
    message_status: (
        Literal[
            "RECEIVED",
            "QUEUED",
            "SENDING",
            "SENT",
            "FAILED",
            "DELIVERED",
            "ACCEPTED",
            "UNDELIVERED",
        ]
        | None
    ) = None
    message_direction: Literal["INBOUND", "OUTBOUND"] | None = None
    carrier_name: str | None = None
    message_type: Literal["sms", "mms", "rcs"] | None = None
    error_code: int | None = None
    from_date_time: datetime | str | None = None
    to_date_time: datetime | str | None = None
    campaign_id: str | None = None
    from_bw_latency: int | None = None
    bw_queued: bool | None = None
    product: (
        Literal[
            "LOCAL_A2P",
            "P2P",
            "SHORT_CODE_REACH",
            "TOLL_FREE",
            "HOSTED_SHORT_CODE",
            "ALPHA_NUMERIC",
            "RBM_MEDIA",
            "RBM_RICH",
            "RBM_CONVERSATIONAL",
        ]
        | None
    ) = None
    location: str | None = None
    carrier_queued: bool | None = None
    from_carrier_latency: int | None = None
    calling_number_country_a3: str | None = Field(default=None, alias="callingNumberCountryA3")
    called_number_country_a3: str | None = Field(default=None, alias="calledNumberCountryA3")
    from_segment_count: int | None = None
    to_segment_count: int | None = None
    from_message_size: int | None = None
    to_message_size: int | None = None
    sort: str | None = None
    page_token: str | None = None
    limit: Annotated[int, Field(ge=1, le=10000)] | None = None
    limit_total_count: bool | None = None

    def params(self) -> dict[str, str]:
        return _params(self)


class ListMessageItem(_Response):
    """One message found by ``list_messages`` (reference: listMessageItem)."""

    message_id: str | None = None
    account_id: str | None = None
    source_tn: str | None = None
    destination_tn: str | None = None
    message_status: str | None = None
    message_direction: str | None = None
    message_type: str | None = None
    segment_count: int | None = None
    error_code: int | None = None
    receive_time: datetime | None = None
    carrier_name: str | None = None
    message_size: int | None = None
    message_length: int | None = None
    attachment_count: int | None = None
    recipient_count: int | None = None
    campaign_class: str | None = None
    campaign_id: str | None = None
    bw_latency: int | None = None
    carrier_latency: int | None = None
    calling_number_country_a3: str | None = Field(default=None, alias="callingNumberCountryA3")
    called_number_country_a3: str | None = Field(default=None, alias="calledNumberCountryA3")
    product: str | None = None
    location: str | None = None


class PageInfo(_Response):
    """Where the next and previous pages of a message search are."""

    prev_page: str | None = None
    next_page: str | None = None
    prev_page_token: str | None = None
    next_page_token: str | None = None


class MessagesList(_Response):
    """One page of ``GET /users/{accountId}/messages`` (reference: MessagesList)."""

    total_count: int | None = None
    page_info: PageInfo | None = None
    messages: list[ListMessageItem] = Field(default_factory=list)


class Media(_Response):
    """One media file of the account (``list_media``): its name, size and URL."""

    content: str | None = None
    content_length: int | None = None
    media_name: str | None = None


def _params(query: BaseModel) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in query.model_dump(by_alias=True, exclude_none=True).items():
        if isinstance(value, datetime):
            value = value.isoformat().replace("+00:00", "Z")
        elif isinstance(value, bool):
            value = "true" if value else "false"
        out[name] = str(value)
    return out
