"""Verbs that connect the call somewhere else: transfer, forward, bridge, conference,
WebRTC endpoints and SIP REFER, with the destination nouns they hold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, overload

from pydantic import Field, field_validator

from bxmlkit.models import _fields as f
from bxmlkit.models._base import ContentKind, Element, ElementCount, child_union
from bxmlkit.models._types import (
    E164,
    CallerId,
    ConferenceName,
    DiversionReason,
    DiversionTreatment,
    ForwardTarget,
    Method,
    NonEmptyToken,
    SipUriText,
    Text,
    Url,
)
from bxmlkit.models.comment import Comment

__all__ = [
    "Bridge",
    "Conference",
    "Connect",
    "Endpoint",
    "Forward",
    "PhoneNumber",
    "Refer",
    "SipUri",
    "Transfer",
]


class _Destination(Element):
    """Attributes shared by ``PhoneNumber`` and ``SipUri`` inside ``Transfer``."""

    content_kind: ClassVar[ContentKind] = "text"

    transfer_answer_url: Url | None = f.callback_url(
        "transferAnswerUrl", "transfer-answer event (its reply runs on the called party)"
    )
    transfer_answer_method: Method | None = f.callback_method(
        "transferAnswerMethod", "transferAnswerUrl"
    )
    transfer_answer_fallback_url: Url | None = f.fallback_url(
        "transferAnswerFallbackUrl", "transferAnswerUrl"
    )
    transfer_answer_fallback_method: Method | None = f.callback_method(
        "transferAnswerFallbackMethod", "transferAnswerFallbackUrl"
    )
    transfer_disconnect_url: Url | None = f.callback_url(
        "transferDisconnectUrl", "transfer-disconnect event"
    )
    transfer_disconnect_method: Method | None = f.callback_method(
        "transferDisconnectMethod", "transferDisconnectUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()
    uui: Text | None = Field(
        None,
        description=(
            "SIP User-to-User header value(s) for the outgoing INVITE, each with an RFC 7433 "
            "encoding parameter (base64 or jwt). The documented length limit is soft: the "
            "model accepts longer values and the linter warns."
        ),
    )


class PhoneNumber(_Destination):
    """A phone number to dial inside ``Transfer``.

    Attributes:
        number: the number in E.164 form, e.g. ``+15555550100``.
        transfer_answer_url, transfer_answer_method: webhook when this number answers; its
            BXML runs on the called party before the calls are bridged.
        transfer_answer_fallback_url, transfer_answer_fallback_method: its fallback.
        transfer_disconnect_url, transfer_disconnect_method: webhook when this leg hangs up.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
        uui: SIP User-to-User header (documented limit 350 characters, not enforced).
    """

    xml_tag: ClassVar[str] = "PhoneNumber"
    text_field: ClassVar[str | None] = "number"

    number: Annotated[E164, Field(description="Number to dial, E.164.")]

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            number: E164,
            *,
            transfer_answer_url: Url | None = ...,
            transfer_answer_method: Method | None = ...,
            transfer_answer_fallback_url: Url | None = ...,
            transfer_answer_fallback_method: Method | None = ...,
            transfer_disconnect_url: Url | None = ...,
            transfer_disconnect_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            uui: Text | None = ...,
        ) -> None: ...
    # END generated signature


class SipUri(_Destination):
    """A SIP URI to dial inside ``Transfer``, or the target of ``Refer``.

    Inside ``Refer`` it must have no attributes.

    Attributes:
        uri: the SIP URI, e.g. ``sip:alice@example.com``.
        (the other attributes are as for ``PhoneNumber``; ``uui``'s documented limit is 256)
    """

    xml_tag: ClassVar[str] = "SipUri"
    text_field: ClassVar[str | None] = "uri"

    uri: Annotated[SipUriText, Field(description="SIP URI to dial.")]

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            uri: SipUriText,
            *,
            transfer_answer_url: Url | None = ...,
            transfer_answer_method: Method | None = ...,
            transfer_answer_fallback_url: Url | None = ...,
            transfer_answer_fallback_method: Method | None = ...,
            transfer_disconnect_url: Url | None = ...,
            transfer_disconnect_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            uui: Text | None = ...,
        ) -> None: ...
    # END generated signature


if TYPE_CHECKING:
    Destination = PhoneNumber | SipUri | Comment
    ReferTarget = SipUri | Comment
else:
    Destination = child_union(PhoneNumber, SipUri)
    ReferTarget = child_union(SipUri)


class Transfer(Element):
    """Dials 1 to 8 destinations at once and bridges the first that answers.

    Attributes:
        targets: ``PhoneNumber`` and ``SipUri`` children (1 to 8), rung simultaneously.
        transfer_caller_id: caller id shown to the called party: E.164, or Restricted,
            Anonymous, Private or Unavailable (newer docs require E.164 and ``privacy``).
        privacy: hide the caller's number (default false).
        transfer_caller_display_name: caller name shown, at most 256 characters.
        call_timeout: seconds to ring before giving up, 1 to 300 (default 30).
        transfer_complete_url, transfer_complete_method: webhook when the transfer ends;
            its reply continues this call.
        transfer_complete_fallback_url, transfer_complete_fallback_method: its fallback.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
        diversion_treatment: ``none`` (default), ``propagate`` or ``stack`` the Diversion header.
        diversion_reason: reason put in a Diversion header (default ``unknown``).

    Note: the documentation's ``callTimeout`` default is 30 seconds; the Java SDK assumes 300
    and always writes it.  bxmlkit follows the documentation and writes nothing unless set.
    """

    xml_tag: ClassVar[str] = "Transfer"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "targets"
    child_tags: ClassVar[tuple[str, ...]] = ("PhoneNumber", "SipUri")

    targets: Annotated[list[Destination], ElementCount(1, 8)] = Field(
        default_factory=list,
        validate_default=True,
        description="Destinations rung at the same time (1 to 8).",
    )
    transfer_caller_id: CallerId | None = Field(
        None, alias="transferCallerId", description="Caller id shown to the called party."
    )
    privacy: bool | None = Field(None, description="Hide the calling number (false).")
    transfer_caller_display_name: Text | None = Field(
        None,
        alias="transferCallerDisplayName",
        max_length=256,
        description="Caller name shown to the called party.",
    )
    call_timeout: float | None = Field(
        None, alias="callTimeout", ge=1, le=300, description="Seconds to ring (30 when unset)."
    )
    transfer_complete_url: Url | None = f.callback_url(
        "transferCompleteUrl", "transfer-complete event (its reply is new BXML)"
    )
    transfer_complete_method: Method | None = f.callback_method(
        "transferCompleteMethod", "transferCompleteUrl"
    )
    transfer_complete_fallback_url: Url | None = f.fallback_url(
        "transferCompleteFallbackUrl", "transferCompleteUrl"
    )
    transfer_complete_fallback_method: Method | None = f.callback_method(
        "transferCompleteFallbackMethod", "transferCompleteFallbackUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()
    diversion_treatment: DiversionTreatment | None = Field(
        None, alias="diversionTreatment", description="Diversion header handling (none)."
    )
    diversion_reason: DiversionReason | None = Field(
        None, alias="diversionReason", description="Diversion reason (unknown)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *targets: Destination,
            transfer_caller_id: CallerId | None = ...,
            privacy: bool | None = ...,
            transfer_caller_display_name: Text | None = ...,
            call_timeout: float | None = ...,
            transfer_complete_url: Url | None = ...,
            transfer_complete_method: Method | None = ...,
            transfer_complete_fallback_url: Url | None = ...,
            transfer_complete_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            diversion_treatment: DiversionTreatment | None = ...,
            diversion_reason: DiversionReason | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            targets: list[Destination] = ...,
            transfer_caller_id: CallerId | None = ...,
            privacy: bool | None = ...,
            transfer_caller_display_name: Text | None = ...,
            call_timeout: float | None = ...,
            transfer_complete_url: Url | None = ...,
            transfer_complete_method: Method | None = ...,
            transfer_complete_fallback_url: Url | None = ...,
            transfer_complete_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            diversion_treatment: DiversionTreatment | None = ...,
            diversion_reason: DiversionReason | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Forward(Element):
    """Forwards an unanswered inbound call; the application then loses control of it.

    Attributes:
        to: where to send the call: E.164 number or SIP URI (required).
        from_: caller id for the new leg (XML ``from``): E.164, or Restricted, Anonymous,
            Private or Unavailable.
        privacy: hide the calling number (default false).
        caller_display_name: caller name shown, at most 256 characters.
        call_timeout: seconds to ring, 1 to 300 (default 30).
        diversion_treatment, diversion_reason: Diversion header handling, as on ``Transfer``.
        uui: SIP User-to-User header (documented limit 256 characters, not enforced).
    """

    xml_tag: ClassVar[str] = "Forward"

    to: ForwardTarget = Field(description="Destination: E.164 number or SIP URI.")
    from_: CallerId | None = Field(None, alias="from", description="Caller id for the new leg.")
    privacy: bool | None = Field(None, description="Hide the calling number (false).")
    caller_display_name: Text | None = Field(
        None, alias="callerDisplayName", max_length=256, description="Caller name shown."
    )
    call_timeout: float | None = Field(
        None, alias="callTimeout", ge=1, le=300, description="Seconds to ring (30 when unset)."
    )
    diversion_treatment: DiversionTreatment | None = Field(
        None, alias="diversionTreatment", description="Diversion header handling (none)."
    )
    diversion_reason: DiversionReason | None = Field(
        None, alias="diversionReason", description="Diversion reason (unknown)."
    )
    uui: Text | None = Field(
        None, description="SIP User-to-User header value(s); documented limit 256 (soft)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            to: ForwardTarget,
            from_: CallerId | None = ...,
            privacy: bool | None = ...,
            caller_display_name: Text | None = ...,
            call_timeout: float | None = ...,
            diversion_treatment: DiversionTreatment | None = ...,
            diversion_reason: DiversionReason | None = ...,
            uui: Text | None = ...,
        ) -> None: ...
    # END generated signature


class Bridge(Element):
    """Bridges another existing call (given by its call id) onto this one.

    Attributes:
        call_id: the call to bridge, e.g. ``c-95ac8d6e-...``.
        bridge_complete_url, bridge_complete_method: webhook when the bridge ends; when set,
            its reply replaces the rest of this document.
        bridge_complete_fallback_url, bridge_complete_fallback_method: its fallback.
        bridge_target_complete_url, bridge_target_complete_method: webhook whose reply runs
            on the target call when the bridge ends (otherwise the target hangs up).
        bridge_target_complete_fallback_url, bridge_target_complete_fallback_method: its fallback
            (Python SDKs before 23.3 wrote the wrong name ``bridgeTargetCompleteFallback_url``).
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
    """

    xml_tag: ClassVar[str] = "Bridge"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "call_id"

    call_id: NonEmptyToken = Field(alias="callId", description="Call id of the target call.")
    bridge_complete_url: Url | None = f.callback_url(
        "bridgeCompleteUrl", "bridge-complete event (its reply is new BXML)"
    )
    bridge_complete_method: Method | None = f.callback_method(
        "bridgeCompleteMethod", "bridgeCompleteUrl"
    )
    bridge_complete_fallback_url: Url | None = f.fallback_url(
        "bridgeCompleteFallbackUrl", "bridgeCompleteUrl"
    )
    bridge_complete_fallback_method: Method | None = f.callback_method(
        "bridgeCompleteFallbackMethod", "bridgeCompleteFallbackUrl"
    )
    bridge_target_complete_url: Url | None = f.callback_url(
        "bridgeTargetCompleteUrl", "bridge-target-complete event (its reply runs on the target)"
    )
    bridge_target_complete_method: Method | None = f.callback_method(
        "bridgeTargetCompleteMethod", "bridgeTargetCompleteUrl"
    )
    bridge_target_complete_fallback_url: Url | None = f.fallback_url(
        "bridgeTargetCompleteFallbackUrl", "bridgeTargetCompleteUrl"
    )
    bridge_target_complete_fallback_method: Method | None = f.callback_method(
        "bridgeTargetCompleteFallbackMethod", "bridgeTargetCompleteFallbackUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            call_id: NonEmptyToken,
            *,
            bridge_complete_url: Url | None = ...,
            bridge_complete_method: Method | None = ...,
            bridge_complete_fallback_url: Url | None = ...,
            bridge_complete_fallback_method: Method | None = ...,
            bridge_target_complete_url: Url | None = ...,
            bridge_target_complete_method: Method | None = ...,
            bridge_target_complete_fallback_url: Url | None = ...,
            bridge_target_complete_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
        ) -> None: ...
    # END generated signature


class Conference(Element):
    """Joins the call to a named conference, created on first use.

    The conference name is the element's text (some old SDKs wrote a ``name`` attribute;
    BXML has none).

    Attributes:
        name: letters, digits, ``.``, ``_`` and ``-``; at most 100 characters.
        mute: join muted (default false).
        hold: join on hold (default false).
        call_ids_to_coach: comma-separated call ids this call can coach (they cannot hear it).
        conference_event_url, conference_event_method: conference events webhook.
        conference_event_fallback_url, conference_event_fallback_method: its fallback.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
        callback_timeout: seconds to wait for conference webhooks, 1 to 25.

    Note: one version of the documentation spells the attribute ``calbackTimeout``; the other
    documentation and every SDK write ``callbackTimeout``, which bxmlkit uses.
    """

    xml_tag: ClassVar[str] = "Conference"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "name"

    name: ConferenceName = Field(description="Conference name.")
    mute: bool | None = Field(None, description="Join muted (false).")
    hold: bool | None = Field(None, description="Join on hold (false).")
    call_ids_to_coach: Text | None = Field(
        None, alias="callIdsToCoach", description="Comma-separated call ids to coach."
    )
    conference_event_url: Url | None = f.callback_url("conferenceEventUrl", "conference events")
    conference_event_method: Method | None = f.callback_method(
        "conferenceEventMethod", "conferenceEventUrl"
    )
    conference_event_fallback_url: Url | None = f.fallback_url(
        "conferenceEventFallbackUrl", "conferenceEventUrl"
    )
    conference_event_fallback_method: Method | None = f.callback_method(
        "conferenceEventFallbackMethod", "conferenceEventFallbackUrl"
    )
    username: Text | None = f.username()
    password: Text | None = f.password()
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()
    callback_timeout: float | None = Field(
        None, alias="callbackTimeout", ge=1, le=25, description="Webhook timeout in seconds."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            name: ConferenceName,
            *,
            mute: bool | None = ...,
            hold: bool | None = ...,
            call_ids_to_coach: Text | None = ...,
            conference_event_url: Url | None = ...,
            conference_event_method: Method | None = ...,
            conference_event_fallback_url: Url | None = ...,
            conference_event_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            callback_timeout: float | None = ...,
        ) -> None: ...
    # END generated signature


class Endpoint(Element):
    """A BRTC (WebRTC) endpoint inside ``Connect``, given by its id."""

    xml_tag: ClassVar[str] = "Endpoint"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "endpoint_id"

    endpoint_id: NonEmptyToken = Field(alias="endpointId", description="Endpoint id.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, endpoint_id: NonEmptyToken) -> None: ...
    # END generated signature


if TYPE_CHECKING:
    ConnectTarget = Endpoint | Comment
else:
    ConnectTarget = child_union(Endpoint)


class Connect(Element):
    """Connects the call to one or more BRTC (WebRTC) endpoints (beta in Bandwidth's docs).

    Attributes:
        endpoints: at least one ``Endpoint``.
        event_callback_url: receives the connection's events.
        event_fallback_url: tried when ``event_callback_url`` fails.
    """

    xml_tag: ClassVar[str] = "Connect"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "endpoints"
    child_tags: ClassVar[tuple[str, ...]] = ("Endpoint",)

    endpoints: Annotated[list[ConnectTarget], ElementCount(1)] = Field(
        default_factory=list,
        validate_default=True,
        description="Endpoints to connect to.",
    )
    event_callback_url: Url | None = f.callback_url("eventCallbackUrl", "connect events")
    event_fallback_url: Url | None = f.fallback_url("eventFallbackUrl", "eventCallbackUrl")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *endpoints: ConnectTarget,
            event_callback_url: Url | None = ...,
            event_fallback_url: Url | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            endpoints: list[ConnectTarget] = ...,
            event_callback_url: Url | None = ...,
            event_fallback_url: Url | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Refer(Element):
    """Sends a SIP REFER asking the caller's endpoint to re-route an inbound SIP call.

    On success the call leaves Bandwidth.  Holds exactly one ``SipUri`` without attributes.

    Attributes:
        targets: the one ``SipUri`` put in the Refer-To header.
        refer_complete_url, refer_complete_method: webhook when the REFER ends.
        tag: custom value sent with webhooks.
    """

    xml_tag: ClassVar[str] = "Refer"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "targets"
    child_tags: ClassVar[tuple[str, ...]] = ("SipUri",)

    targets: Annotated[list[ReferTarget], ElementCount(1, 1)] = Field(
        default_factory=list,
        validate_default=True,
        description="The single SIP URI to refer the call to.",
    )
    refer_complete_url: Url | None = f.callback_url(
        "referCompleteUrl", "refer-complete event (its reply is new BXML)"
    )
    refer_complete_method: Method | None = f.callback_method(
        "referCompleteMethod", "referCompleteUrl"
    )
    tag: Text | None = f.tag()

    @field_validator("targets")
    @classmethod
    def _bare_uri(cls, targets: list[SipUri | Comment]) -> list[SipUri | Comment]:
        for target in targets:
            if isinstance(target, Comment):
                continue
            used = [
                a.xml_name for a in target.xml_attributes if getattr(target, a.field) is not None
            ]
            if used:
                raise ValueError(
                    f"a SipUri inside Refer takes no attributes, got {', '.join(used)}"
                )
        return targets

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *targets: ReferTarget,
            refer_complete_url: Url | None = ...,
            refer_complete_method: Method | None = ...,
            tag: Text | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            targets: list[ReferTarget] = ...,
            refer_complete_url: Url | None = ...,
            refer_complete_method: Method | None = ...,
            tag: Text | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature
