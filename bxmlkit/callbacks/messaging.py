"""Messaging webhook events: status callbacks for sent messages, and inbound messages.

Bandwidth posts them as a JSON array of objects with a ``type`` (``message-received``,
``message-delivered``, ``message-failed``...), a ``time``, ``to``, ``description`` and the
``message``.  Any reply body is ignored; answer 2xx quickly.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from bxmlkit.callbacks._base import CallbackEvent

__all__ = [
    "INBOUND_TYPES",
    "MESSAGE_EVENTS",
    "STATUS_TYPES",
    "CallbackMessage",
    "MessageDeliveredEvent",
    "MessageEvent",
    "MessageFailedEvent",
    "MessageReadEvent",
    "MessageReceivedEvent",
    "MessageSendingEvent",
    "MessageSentEvent",
    "RequestedLocationResponseEvent",
    "SuggestionResponseEvent",
    "UnknownMessageEvent",
]

#: Status callbacks about an outbound (MT) message: its ``direction`` is ``out``.
STATUS_TYPES = (
    "message-sending",
    "message-sent",
    "message-delivered",
    "message-failed",
    "message-read",
)
#: Inbound callbacks (MO messages, RBM responses): their ``direction`` is ``in``.
INBOUND_TYPES = ("message-received", "requested-location-response", "suggestion-response")


class _Part(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        extra="allow",
        coerce_numbers_to_str=True,
        frozen=True,
    )


class CallbackMessage(_Part):
    """The ``message`` inside a messaging callback (statusCallbackMessage, plus the inbound
    multichannel parts ``content``, ``suggestionResponse`` and ``locationResponse``)."""

    id: str | None = None
    owner: str | None = None
    application_id: str | None = None
    time: datetime | None = None
    segment_count: int | None = None
    direction: str | None = None
    to: list[str] | None = None
    from_: str | None = Field(default=None, alias="from")
    text: str | None = None
    tag: str | None = None
    media: list[str] | None = None
    priority: str | None = None
    channel: str | None = None
    content: dict[str, object] | None = None
    suggestion_response: dict[str, object] | None = None
    location_response: dict[str, object] | None = None


class MessageEvent(CallbackEvent):
    """Base of messaging events."""

    kind: ClassVar[Literal["voice", "messaging"]] = "messaging"
    direction_expected: ClassVar[str | None] = None

    type: str = ""
    time: datetime | None = None
    event_time: datetime | None = None
    to: str | None = None
    description: str | None = None
    message: CallbackMessage | None = None
    error_code: int | None = None
    carrier_name: str | None = None

    @property
    def declared_type(self) -> str:
        return self.type

    @property
    def event_type(self) -> str:
        """Same as ``type``, so voice and messaging events read alike."""
        return self.type

    @model_validator(mode="after")
    def _consistent(self) -> MessageEvent:
        cls = type(self)
        allowed = {t.casefold() for t in cls.event_types}
        if allowed and self.type.casefold() not in allowed:
            raise ValueError(
                f"type {self.type!r} is not a {cls.__name__} "
                f"(expected {' or '.join(cls.event_types)})"
            )
        direction = self.message.direction if self.message else None
        expected = cls.direction_expected
        if expected and direction in ("in", "out") and direction != expected:
            raise ValueError(
                f"message.direction is {direction!r} but a {self.type} callback is about "
                f"an {'inbound' if expected == 'in' else 'outbound'} message "
                f"(direction {expected!r})"
            )
        # errorCode 0 means "no error": on a status callback that is not a contradiction.
        if self.error_code and allowed and "message-failed" not in allowed:
            raise ValueError(
                f"errorCode {self.error_code} on a {self.type} callback: the reference "
                "says errorCode applies only to message-failed"
            )
        return self


class _Status(MessageEvent):
    direction_expected: ClassVar[str | None] = "out"


class _Inbound(MessageEvent):
    direction_expected: ClassVar[str | None] = "in"


class MessageSendingEvent(_Status):
    """Bandwidth is handing the message to the upstream provider."""

    event_types: ClassVar[tuple[str, ...]] = ("message-sending",)


class MessageSentEvent(_Status):
    """The message left Bandwidth's network."""

    event_types: ClassVar[tuple[str, ...]] = ("message-sent",)


class MessageDeliveredEvent(_Status):
    """The message reached the handset."""

    event_types: ClassVar[tuple[str, ...]] = ("message-delivered",)


class MessageFailedEvent(_Status):
    """The message could not be delivered; ``error_code`` says why."""

    event_types: ClassVar[tuple[str, ...]] = ("message-failed",)


class MessageReadEvent(_Status):
    """The RBM message was read (``event_time``)."""

    event_types: ClassVar[tuple[str, ...]] = ("message-read",)


class MessageReceivedEvent(_Inbound):
    """A message arrived for one of your numbers."""

    event_types: ClassVar[tuple[str, ...]] = ("message-received",)


class RequestedLocationResponseEvent(_Inbound):
    """The recipient answered an RBM location request (``message.location_response``)."""

    event_types: ClassVar[tuple[str, ...]] = ("requested-location-response",)


class SuggestionResponseEvent(_Inbound):
    """The recipient tapped an RBM suggestion (``message.suggestion_response``)."""

    event_types: ClassVar[tuple[str, ...]] = ("suggestion-response",)


class UnknownMessageEvent(MessageEvent):
    """A messaging callback type bxmlkit does not know (yet)."""


MESSAGE_EVENT_CLASSES: tuple[type[MessageEvent], ...] = (
    MessageDeliveredEvent,
    MessageFailedEvent,
    MessageReadEvent,
    MessageReceivedEvent,
    MessageSendingEvent,
    MessageSentEvent,
    RequestedLocationResponseEvent,
    SuggestionResponseEvent,
)

#: ``{type: model}`` for every known messaging callback type.
MESSAGE_EVENTS: dict[str, type[MessageEvent]] = {
    name: cls for cls in MESSAGE_EVENT_CLASSES for name in cls.event_types
}
