"""The two document roots: ``Response`` (a webhook's reply) and ``Bxml`` (an update body)."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Any, ClassVar, overload

from pydantic import Field

from bxmlkit.models._base import ContentKind, Element, child_union
from bxmlkit.models.audio import Pause, PlayAudio, Ring, SendDtmf, SpeakSentence
from bxmlkit.models.comment import Comment
from bxmlkit.models.control import Hangup, Redirect, Tag
from bxmlkit.models.gather import Gather, StartGather, StopGather
from bxmlkit.models.recording import (
    PauseRecording,
    Record,
    ResumeRecording,
    StartRecording,
    StopRecording,
)
from bxmlkit.models.routing import Bridge, Conference, Connect, Forward, Refer, Transfer
from bxmlkit.models.streaming import StartStream, StartTranscription, StopStream, StopTranscription

__all__ = ["VERB_TAGS", "Bxml", "Document", "Response", "RootItem", "Verb"]

#: The verb models a root may hold, in the reference's order.
_VERBS: tuple[type[Element], ...] = (
    Bridge,
    Conference,
    Connect,
    Forward,
    Gather,
    Hangup,
    Pause,
    PauseRecording,
    PlayAudio,
    Record,
    Redirect,
    Refer,
    ResumeRecording,
    Ring,
    SendDtmf,
    SpeakSentence,
    StartGather,
    StartRecording,
    StartStream,
    StartTranscription,
    StopGather,
    StopRecording,
    StopStream,
    StopTranscription,
    Tag,
    Transfer,
)

if TYPE_CHECKING:
    Verb = (
        Bridge
        | Conference
        | Connect
        | Forward
        | Gather
        | Hangup
        | Pause
        | PauseRecording
        | PlayAudio
        | Record
        | Redirect
        | Refer
        | ResumeRecording
        | Ring
        | SendDtmf
        | SpeakSentence
        | StartGather
        | StartRecording
        | StartStream
        | StartTranscription
        | StopGather
        | StopRecording
        | StopStream
        | StopTranscription
        | Tag
        | Transfer
    )
    RootItem = Verb | Comment
else:
    Verb = typing.Union[_VERBS]  # noqa: UP007 - built at run time
    RootItem = child_union(*_VERBS)
"""Any of the 26 verbs a root may hold (``list[Verb]`` annotates a list of verbs)."""

#: Tags of the verbs a root may hold.
VERB_TAGS = tuple(verb.xml_tag for verb in _VERBS)


class _Root(Element):
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "verbs"
    child_tags: ClassVar[tuple[str, ...]] = VERB_TAGS

    outer_comment_fields: ClassVar[tuple[str, ...]] = ("leading_comments", "trailing_comments")

    verbs: list[RootItem] = Field(
        default_factory=list, description="The verbs (and comments between them), in order."
    )
    leading_comments: list[Comment] = Field(
        default_factory=list, description="Comments before the root element, in order."
    )
    trailing_comments: list[Comment] = Field(
        default_factory=list, description="Comments after the root element, in order."
    )


class Response(_Root):
    """The document a webhook returns; its verbs run in order on the call.

    ``Response(SpeakSentence("Hello"), Hangup())``.  An empty ``Response`` hangs up.
    """

    xml_tag: ClassVar[str] = "Response"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *verbs: RootItem,
            leading_comments: list[Comment] = ...,
            trailing_comments: list[Comment] = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            verbs: list[RootItem] = ...,
            leading_comments: list[Comment] = ...,
            trailing_comments: list[Comment] = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Bxml(_Root):
    """The body of an update-call (or update-conference) BXML request: it interrupts the
    call's current BXML and runs these verbs instead."""

    xml_tag: ClassVar[str] = "Bxml"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *verbs: RootItem,
            leading_comments: list[Comment] = ...,
            trailing_comments: list[Comment] = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            verbs: list[RootItem] = ...,
            leading_comments: list[Comment] = ...,
            trailing_comments: list[Comment] = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


#: Either root.
Document = Response | Bxml
