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
    "CallState",
    "CreateCall",
    "CreateCallResponse",
    "ListCallsQuery",
    "MachineDetectionConfiguration",
    "Message",
    "MessageRequest",
    "UpdateCall",
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
