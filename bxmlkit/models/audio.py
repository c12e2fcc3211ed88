"""Verbs that play sound into the call: speech, audio files, silence, ringback and DTMF."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, cast, overload

from pydantic import Field, field_validator

from bxmlkit.models import _fields as f
from bxmlkit.models._base import ContentKind, Element
from bxmlkit.models._types import DtmfDigits, Locale, Text, Url, VoiceName
from bxmlkit.models.comment import Comment
from bxmlkit.models.ssml import SSML_TAGS, SsmlContent, SsmlElement

__all__ = ["Pause", "PlayAudio", "Ring", "SendDtmf", "SpeakSentence"]


class SpeakSentence(Element):
    """Speaks text with text-to-speech; the text may carry SSML markup.

    ``SpeakSentence("Hello ", Break(time="1s"), "world", voice="julie")``.  Text is plain
    text: ``<`` and ``&`` in it are spoken characters, escaped on output.  Markup exists
    only as the SSML models (``Break``, ``SayAs``, ...).

    Attributes:
        content: text and SSML elements, in order; must contain some non-blank text.
        voice: the voice to use.  When set, ``gender`` and ``locale`` are ignored.  Any
            well-formed name is accepted (Bandwidth adds voices); ``bxmlkit.catalogue``
            lists the documented ones and the linter warns on others.
        gender: ``male`` or ``female`` (Bandwidth's default: female).
        locale: language and region, e.g. ``en_US`` (Bandwidth's default); an open catalogue
            like ``voice``.
    """

    xml_tag: ClassVar[str] = "SpeakSentence"
    content_kind: ClassVar[ContentKind] = "mixed"
    children_field: ClassVar[str | None] = "content"
    child_tags: ClassVar[tuple[str, ...]] = SSML_TAGS

    content: list[SsmlContent] = Field(description="Text and SSML elements, in order.")
    voice: VoiceName | None = Field(None, description="Voice name; overrides gender and locale.")
    gender: Literal["male", "female"] | None = Field(
        None, description="Voice gender when no voice is named (female when unset)."
    )
    locale: Locale | None = Field(
        None, description="Locale when no voice is named, e.g. en_US (the default)."
    )

    @field_validator("content")
    @classmethod
    def _has_text(
        cls, content: list[str | SsmlElement | Comment]
    ) -> list[str | SsmlElement | Comment]:
        if not _has_spoken_text(content):
            raise ValueError("a sentence must contain some non-blank text")
        return content

    @property
    def text(self) -> str:
        """The text that is spoken, with SSML tags and comments left out."""
        return _plain_text(self.content)

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *content: SsmlContent,
            voice: VoiceName | None = ...,
            gender: Literal["male", "female"] | None = ...,
            locale: Locale | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            content: list[SsmlContent],
            voice: VoiceName | None = ...,
            gender: Literal["male", "female"] | None = ...,
            locale: Locale | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


def _has_spoken_text(content: Sequence[str | SsmlElement | Comment]) -> bool:
    # Runs in every validation of a sentence: strings first (isinstance(item, str) is answered
    # at once), then the exact class (isinstance against a model class looks up and calls
    # its metaclass's __instancecheck__).
    for item in content:
        if isinstance(item, str):
            if item and not item.isspace():
                return True
        elif type(item) is not Comment:
            element = cast(SsmlElement, item)
            if element.content_kind == "text":
                value = getattr(element, element.text_field or "")
                if isinstance(value, str) and value.strip():
                    return True
            elif element.content_kind == "mixed" and _has_spoken_text(
                getattr(element, "content", [])
            ):
                return True
    return False


def _plain_text(content: Sequence[str | SsmlElement | Comment]) -> str:
    parts: list[str] = []
    for item in content:
        if isinstance(item, Comment):
            continue
        if isinstance(item, str):
            parts.append(item)
        elif item.content_kind == "text":
            parts.append(str(getattr(item, item.text_field or "")))
        elif item.content_kind == "mixed":
            parts.append(_plain_text(getattr(item, "content", [])))
    return "".join(parts)


class PlayAudio(Element):
    """Plays a WAV or MP3 file from a URL.

    Attributes:
        url: the audio file (absolute, or relative to the webhook URL); a recording's media
            URL works too.
        username, password: basic-auth credentials for fetching the file.
    """

    xml_tag: ClassVar[str] = "PlayAudio"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "url"

    url: Annotated[Url, Field(description="URL of the audio file.")]
    username: Text | None = f.username("the audio URL")
    password: Text | None = f.password("the audio URL")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            url: Url,
            *,
            username: Text | None = ...,
            password: Text | None = ...,
        ) -> None: ...
    # END generated signature


class Pause(Element):
    """Waits silently before the next verb.

    Attributes:
        duration: seconds to wait, 0.1 to 86400 (Bandwidth's default: 1).

    Note: the documentation's default is 1 second; the Java SDK assumes 2 and always writes
    it.  bxmlkit follows the documentation and writes nothing unless you set it.
    """

    xml_tag: ClassVar[str] = "Pause"

    duration: float | None = Field(
        None, ge=0.1, le=86400, description="Seconds of silence, 0.1 to 86400 (1 when unset)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, *, duration: float | None = ...) -> None: ...
    # END generated signature


class Ring(Element):
    """Plays ringback tone for a while.

    Attributes:
        duration: seconds of ringing, 0.1 to 86400 (Bandwidth's default: 5).
        answer_call: whether to answer an unanswered inbound call first (default true).

    Note: Python SDKs up to 23.2 wrote ``answerCall="True"``; BXML booleans are lowercase.
    """

    xml_tag: ClassVar[str] = "Ring"

    duration: float | None = Field(
        None, ge=0.1, le=86400, description="Seconds of ringing, 0.1 to 86400 (5 when unset)."
    )
    answer_call: bool | None = Field(
        None, alias="answerCall", description="Answer the call before ringing (true when unset)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            duration: float | None = ...,
            answer_call: bool | None = ...,
        ) -> None: ...
    # END generated signature


class SendDtmf(Element):
    """Plays DTMF tones into the call.

    Attributes:
        digits: up to 50 of ``0-9 * # A-D``; ``,`` or ``w`` pause half a second, ``W`` one second.
        tone_duration: milliseconds each tone lasts, 50 to 5000 (default 200).
        tone_interval: milliseconds between tones, 50 to 5000 (default 400).
    """

    xml_tag: ClassVar[str] = "SendDtmf"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "digits"

    digits: Annotated[DtmfDigits, Field(description="The tones to play.")]
    tone_duration: float | None = Field(
        None,
        alias="toneDuration",
        ge=50,
        le=5000,
        description="Tone length in ms (200 when unset).",
    )
    tone_interval: float | None = Field(
        None, alias="toneInterval", ge=50, le=5000, description="Gap in ms (400 when unset)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            digits: DtmfDigits,
            *,
            tone_duration: float | None = ...,
            tone_interval: float | None = ...,
        ) -> None: ...
    # END generated signature
