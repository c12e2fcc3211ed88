"""Verbs that stream call audio out (media streams) or transcribe it in real time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, overload

from pydantic import Field

from bxmlkit.models import _fields as f
from bxmlkit.models._base import ContentKind, Element, ElementCount, child_union
from bxmlkit.models._types import Method, Text, Tracks, Url, WebSocketUrl
from bxmlkit.models.comment import Comment

__all__ = [
    "CustomParam",
    "StartStream",
    "StartTranscription",
    "StopStream",
    "StopTranscription",
    "StreamParam",
]


class StreamParam(Element):
    """A name/value pair sent to the stream destination in the WebSocket ``start`` message.

    Attributes:
        name: parameter name, at most 256 characters.
        value: parameter value, at most 2048 characters.
    """

    xml_tag: ClassVar[str] = "StreamParam"

    name: Text = Field(max_length=256, description="Parameter name (at most 256 characters).")
    value: Text = Field(max_length=2048, description="Parameter value (at most 2048 characters).")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, *, name: Text, value: Text) -> None: ...
    # END generated signature


if TYPE_CHECKING:
    StreamParamItem = StreamParam | Comment
else:
    StreamParamItem = child_union(StreamParam)


class StartStream(Element):
    """Streams the call's audio over a WebSocket in the background (at most 12 params).

    Attributes:
        params: ``StreamParam`` children passed to the destination, at most 12.
        name: a name for the stream, to stop it by name later.
        mode: ``unidirectional`` (default) or ``bidirectional`` (the service may send audio back).
        tracks: ``inbound`` (default), ``outbound`` or ``both``.
        destination: the WebSocket URL (``wss://...``) that receives the audio (required).
        destination_username, destination_password: credentials for the WebSocket (some SDKs
            wrote them as ``destination_username``/``destination_password``, which BXML rejects).
        stream_event_url, stream_event_method: receives stream started/stopped events.
        username, password: basic-auth credentials for ``stream_event_url``.
    """

    xml_tag: ClassVar[str] = "StartStream"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "params"
    child_tags: ClassVar[tuple[str, ...]] = ("StreamParam",)

    params: Annotated[list[StreamParamItem], ElementCount(max_length=12)] = Field(
        default_factory=list, description="Parameters for the destination."
    )
    name: Text | None = Field(None, description="Stream name, used by StopStream.")
    mode: Literal["unidirectional", "bidirectional"] | None = Field(
        None, description="Audio direction over the socket (unidirectional)."
    )
    tracks: Tracks | None = Field(None, description="Which audio to stream (inbound).")
    destination: WebSocketUrl = Field(description="WebSocket URL that receives the audio.")
    destination_username: Text | None = Field(
        None, alias="destinationUsername", description="User name for the WebSocket."
    )
    destination_password: Text | None = Field(
        None, alias="destinationPassword", description="Password for the WebSocket."
    )
    stream_event_url: Url | None = f.callback_url("streamEventUrl", "media stream events")
    stream_event_method: Method | None = f.callback_method("streamEventMethod", "streamEventUrl")
    username: Text | None = f.username("streamEventUrl")
    password: Text | None = f.password("streamEventUrl")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *params: StreamParamItem,
            name: Text | None = ...,
            mode: Literal["unidirectional", "bidirectional"] | None = ...,
            tracks: Tracks | None = ...,
            destination: WebSocketUrl,
            destination_username: Text | None = ...,
            destination_password: Text | None = ...,
            stream_event_url: Url | None = ...,
            stream_event_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            params: list[StreamParamItem] = ...,
            name: Text | None = ...,
            mode: Literal["unidirectional", "bidirectional"] | None = ...,
            tracks: Tracks | None = ...,
            destination: WebSocketUrl,
            destination_username: Text | None = ...,
            destination_password: Text | None = ...,
            stream_event_url: Url | None = ...,
            stream_event_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class StopStream(Element):
    """Stops the named media stream.

    Attributes:
        name: the stream to stop (required).
        wait: pause the document until the WebSocket closes (default false).
    """

    xml_tag: ClassVar[str] = "StopStream"

    name: Text = Field(description="Name of the stream to stop.")
    wait: bool | None = Field(None, description="Wait for the socket to close (false).")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, *, name: Text, wait: bool | None = ...) -> None: ...
    # END generated signature


class CustomParam(Element):
    """A name/value pair sent to the transcription destination in its ``start`` message.

    Attributes:
        name: parameter name, at most 256 characters.
        value: parameter value, at most 2048 characters.
    """

    xml_tag: ClassVar[str] = "CustomParam"

    name: Text = Field(max_length=256, description="Parameter name (at most 256 characters).")
    value: Text = Field(max_length=2048, description="Parameter value (at most 2048 characters).")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, *, name: Text, value: Text) -> None: ...
    # END generated signature


if TYPE_CHECKING:
    CustomParamItem = CustomParam | Comment
else:
    CustomParamItem = child_union(CustomParam)


class StartTranscription(Element):
    """Starts real-time transcription of the call (at most 12 params).

    Attributes:
        params: ``CustomParam`` children passed to the destination, at most 12.
        name: a name for the transcription, to stop it by name later.
        tracks: ``inbound`` (default), ``outbound`` or ``both``.
        transcription_event_url, transcription_event_method: receives transcription events.
        username, password: basic-auth credentials for ``transcription_event_url``.
        destination: a WebSocket URL that receives the transcripts as JSON.
        stabilized: send only stable (final) results (default true).
        detect_language: detect the spoken language (must be false with preferred_languages).
        preferred_languages: comma-separated locales to transcribe, e.g. ``en-US,es-US``.
    """

    xml_tag: ClassVar[str] = "StartTranscription"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "params"
    child_tags: ClassVar[tuple[str, ...]] = ("CustomParam",)

    params: Annotated[list[CustomParamItem], ElementCount(max_length=12)] = Field(
        default_factory=list, description="Parameters for the destination."
    )
    name: Text | None = Field(None, description="Transcription name, used by StopTranscription.")
    tracks: Tracks | None = Field(None, description="Which audio to transcribe (inbound).")
    transcription_event_url: Url | None = f.callback_url(
        "transcriptionEventUrl", "real-time transcription events"
    )
    transcription_event_method: Method | None = f.callback_method(
        "transcriptionEventMethod", "transcriptionEventUrl"
    )
    username: Text | None = f.username("transcriptionEventUrl")
    password: Text | None = f.password("transcriptionEventUrl")
    destination: WebSocketUrl | None = Field(
        None, description="WebSocket URL that receives transcripts."
    )
    stabilized: bool | None = Field(None, description="Only stable results (true when unset).")
    detect_language: bool | None = Field(
        None, alias="detectLanguage", description="Detect the spoken language (false)."
    )
    preferred_languages: Text | None = Field(
        None, alias="preferredLanguages", description="Comma-separated locales (en-US)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *params: CustomParamItem,
            name: Text | None = ...,
            tracks: Tracks | None = ...,
            transcription_event_url: Url | None = ...,
            transcription_event_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            destination: WebSocketUrl | None = ...,
            stabilized: bool | None = ...,
            detect_language: bool | None = ...,
            preferred_languages: Text | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            params: list[CustomParamItem] = ...,
            name: Text | None = ...,
            tracks: Tracks | None = ...,
            transcription_event_url: Url | None = ...,
            transcription_event_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            destination: WebSocketUrl | None = ...,
            stabilized: bool | None = ...,
            detect_language: bool | None = ...,
            preferred_languages: Text | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class StopTranscription(Element):
    """Stops the named real-time transcription, or all of them when no name is given."""

    xml_tag: ClassVar[str] = "StopTranscription"

    name: Text | None = Field(None, description="Transcription to stop; all when unset.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, *, name: Text | None = ...) -> None: ...
    # END generated signature
