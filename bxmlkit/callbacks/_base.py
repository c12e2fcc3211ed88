"""The base of every callback event model, and the callback error."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from bxmlkit.errors import BxmlError

__all__ = ["CallbackError", "CallbackEvent"]


class CallbackError(BxmlError, ValueError):
    """A webhook payload that cannot be read as the event it claims to be.

    Raised for a body that is not JSON or a query string, a payload with no ``eventType`` /
    ``type``, or fields that contradict the declared type (a ``channels`` that is not a
    number, a ``message-received`` whose message direction is ``out``, ...).

    Attributes:
        message: what is wrong and what was expected.
        event_type: the declared type ("" when there is none).
        problems: one ``"field: what is wrong"`` line per contradiction.
    """

    def __init__(
        self, message: str, *, event_type: str = "", problems: tuple[str, ...] = ()
    ) -> None:
        self.message = message
        self.event_type = event_type
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + ": " + "; ".join(self.problems)


class CallbackEvent(BaseModel):
    """Base of every event.  Unknown fields are kept (``model_extra``); all fields optional.

    Class attributes:
        event_types: the type names this model is for (matched case-insensitively).
        kind: ``"voice"`` or ``"messaging"``.
        expects_bxml: the reply should be a BXML ``<Response>`` (HTTP 200,
            ``application/xml``); otherwise reply 204 with no body (any body is ignored).
        bxml_optional: the reply may also be empty (204): conference events, referComplete.
        in_spec: False for events documented on Bandwidth's pages but absent from the
            current OpenAPI spec (media stream and real-time transcription events,
            partialgather); their fields are less certain.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
        extra="allow",
        coerce_numbers_to_str=True,
        frozen=True,
    )

    event_types: ClassVar[tuple[str, ...]] = ()
    kind: ClassVar[Literal["voice", "messaging"]] = "voice"
    expects_bxml: ClassVar[bool] = False
    bxml_optional: ClassVar[bool] = False
    in_spec: ClassVar[bool] = True

    @property
    def declared_type(self) -> str:
        """The payload's ``eventType`` (voice) or ``type`` (messaging)."""
        raise NotImplementedError  # pragma: no cover

    def get(self, name: str, default: Any = None) -> Any:
        """A field by Python name or wire name, including unknown (extra) fields."""
        if name in type(self).model_fields:
            return getattr(self, name)
        for field_name, info in type(self).model_fields.items():
            if info.alias == name:
                return getattr(self, field_name)
        return (self.model_extra or {}).get(name, default)
