"""SSML markup inside ``<SpeakSentence>``, as structured mixed content.

Each SSML tag BXML supports is a model; text between tags is plain ``str``.  Nothing here
is ever produced by un-escaping text: a ``"<"`` in a ``str`` stays a character and is escaped
on output, and markup exists only as these models.

``<break>`` is empty; ``<phoneme>``, ``<say-as>`` and ``<sub>`` hold text only; ``<emphasis>``,
``<lang>``, ``<p>``, ``<prosody>`` and ``<s>`` hold text and any SSML element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, overload

from pydantic import Field, StringConstraints

from bxmlkit.models._base import ContentKind, Element, child_union
from bxmlkit.models._types import BREAK_TIME_PATTERN, LOCALE_PATTERN, TEXT_PATTERN, Text
from bxmlkit.models.comment import Comment

__all__ = [
    "SSML_TAGS",
    "Break",
    "Emphasis",
    "Lang",
    "Paragraph",
    "Phoneme",
    "Prosody",
    "SayAs",
    "Sentence",
    "SsmlContent",
    "SsmlElement",
    "Sub",
]

#: SSML tags allowed inside <SpeakSentence>, in the order the documentation lists them.
SSML_TAGS = ("break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub")

BreakTime = Annotated[str, StringConstraints(pattern=BREAK_TIME_PATTERN)]
SsmlText = Annotated[str, StringConstraints(min_length=1, pattern=TEXT_PATTERN)]
BxmlLocaleTag = Annotated[str, StringConstraints(pattern=LOCALE_PATTERN)]


class SsmlElement(Element):
    """Base of the SSML element models."""


class _TextOnly(SsmlElement):
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "text"
    strip_text: ClassVar[bool] = False


class Break(SsmlElement):
    """A pause in speech: ``<break time="500ms"/>`` or ``<break strength="strong"/>``.

    Attributes:
        strength: relative length of the pause (none, x-weak, weak, medium, strong, x-strong).
        time: absolute length such as ``1s`` or ``250ms`` (at most 10 seconds).
    """

    xml_tag: ClassVar[str] = "break"

    strength: Literal["none", "x-weak", "weak", "medium", "strong", "x-strong"] | None = Field(
        None, description="Relative length of the pause."
    )
    time: BreakTime | None = Field(None, description="Absolute length, e.g. 1s or 250ms.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            strength: Literal["none", "x-weak", "weak", "medium", "strong", "x-strong"]
            | None = ...,
            time: BreakTime | None = ...,
        ) -> None: ...
    # END generated signature


class Phoneme(_TextOnly):
    """Text pronounced by the given IPA phonetic spelling (``ph``)."""

    xml_tag: ClassVar[str] = "phoneme"

    text: SsmlText = Field(description="The written word.")
    ph: Text = Field(description="Pronunciation in IPA symbols.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, text: SsmlText, *, ph: Text) -> None: ...
    # END generated signature


class SayAs(_TextOnly):
    """Text read as a kind of value: a date, a time, a telephone number, characters, ...

    Attributes:
        interpret_as: how to read the text (XML ``interpret-as``).
        format: the field order of a date (only with ``interpret_as="date"``).
    """

    xml_tag: ClassVar[str] = "say-as"

    text: SsmlText = Field(description="The value to read.")
    interpret_as: Literal["date", "time", "telephone", "characters", "cardinal", "ordinal"] = Field(
        alias="interpret-as", description="How to read the text."
    )
    format: Literal["mdy", "dmy", "ymd", "md", "dm", "ym", "my", "d", "m", "y"] | None = Field(
        None, description="Field order of a date; only with interpret-as=date."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            text: SsmlText,
            *,
            interpret_as: Literal["date", "time", "telephone", "characters", "cardinal", "ordinal"],
            format: Literal["mdy", "dmy", "ymd", "md", "dm", "ym", "my", "d", "m", "y"]
            | None = ...,
        ) -> None: ...
    # END generated signature


class Sub(_TextOnly):
    """Text spoken as its ``alias`` (``<sub alias="World Wide Web">WWW</sub>``)."""

    xml_tag: ClassVar[str] = "sub"

    text: SsmlText = Field(description="The written text.")
    alias: Text = Field(description="What to say instead.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, text: SsmlText, *, alias: Text) -> None: ...
    # END generated signature


class _Container(SsmlElement):
    content_kind: ClassVar[ContentKind] = "mixed"
    children_field: ClassVar[str | None] = "content"
    child_tags: ClassVar[tuple[str, ...]] = SSML_TAGS


class Emphasis(_Container):
    """Spoken with emphasis (``level``: strong, moderate or reduced)."""

    xml_tag: ClassVar[str] = "emphasis"

    content: list[SsmlContent] = Field(default_factory=list, description="Text and SSML.")
    level: Literal["strong", "moderate", "reduced"] | None = Field(
        None, description="How much emphasis."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *content: SsmlContent,
            level: Literal["strong", "moderate", "reduced"] | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            content: list[SsmlContent] = ...,
            level: Literal["strong", "moderate", "reduced"] | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Lang(_Container):
    """Spoken in another language (XML ``xml:lang``, e.g. ``fr-FR``)."""

    xml_tag: ClassVar[str] = "lang"

    content: list[SsmlContent] = Field(default_factory=list, description="Text and SSML.")
    lang: BxmlLocaleTag = Field(alias="xml:lang", description="Language of the content.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(self, *content: SsmlContent, lang: BxmlLocaleTag) -> None: ...
        @overload
        def __init__(self, *, content: list[SsmlContent] = ..., lang: BxmlLocaleTag) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Paragraph(_Container):
    """A paragraph (``<p>``): a longer pause before and after."""

    xml_tag: ClassVar[str] = "p"

    content: list[SsmlContent] = Field(default_factory=list, description="Text and SSML.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(self, *content: SsmlContent) -> None: ...
        @overload
        def __init__(self, *, content: list[SsmlContent] = ...) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Sentence(_Container):
    """A sentence (``<s>``): a pause as after a full stop."""

    xml_tag: ClassVar[str] = "s"

    content: list[SsmlContent] = Field(default_factory=list, description="Text and SSML.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(self, *content: SsmlContent) -> None: ...
        @overload
        def __init__(self, *, content: list[SsmlContent] = ...) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class Prosody(_Container):
    """Spoken with changed pitch, rate or volume.

    Attributes:
        pitch: x-low, low, medium, high, x-high, default, or a relative percentage (``-15%``).
        rate: x-slow, slow, medium, fast, x-fast, or a percentage (``50%``).
        volume: silent, x-soft, soft, medium, loud, x-loud, default, or decibels (``+6dB``).
    """

    xml_tag: ClassVar[str] = "prosody"

    content: list[SsmlContent] = Field(default_factory=list, description="Text and SSML.")
    pitch: Text | None = Field(None, description="Pitch: keyword or relative percentage.")
    rate: Text | None = Field(None, description="Speaking rate: keyword or percentage.")
    volume: Text | None = Field(None, description="Volume: keyword or decibels.")

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *content: SsmlContent,
            pitch: Text | None = ...,
            rate: Text | None = ...,
            volume: Text | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            content: list[SsmlContent] = ...,
            pitch: Text | None = ...,
            rate: Text | None = ...,
            volume: Text | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


if TYPE_CHECKING:
    SsmlContent = (
        str
        | Break
        | Emphasis
        | Lang
        | Paragraph
        | Phoneme
        | Prosody
        | Sentence
        | SayAs
        | Sub
        | Comment
    )
else:
    SsmlContent = child_union(
        str, Break, Emphasis, Lang, Paragraph, Phoneme, Prosody, Sentence, SayAs, Sub
    )
"""One item of mixed SSML content: text, an SSML element or a comment."""

for _model in (Emphasis, Lang, Paragraph, Sentence, Prosody):
    _model.model_rebuild()
