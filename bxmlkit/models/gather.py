"""Verbs that collect what the caller presses or says."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal, overload

from pydantic import Field

from bxmlkit.models import _fields as f
from bxmlkit.models._base import ContentKind, Element, child_union
from bxmlkit.models._types import Method, TerminatingDigits, Text, Url
from bxmlkit.models.audio import PlayAudio, SpeakSentence
from bxmlkit.models.comment import Comment

__all__ = ["Gather", "StartGather", "StopGather"]

if TYPE_CHECKING:
    GatherPrompt = SpeakSentence | PlayAudio | Comment
else:
    GatherPrompt = child_union(SpeakSentence, PlayAudio)


class Gather(Element):
    """Collects DTMF digits and/or speech, optionally while playing prompts.

    The prompts (``SpeakSentence`` and ``PlayAudio`` in any order) play ``repeat_count``
    times; Bandwidth allows at most 20 prompt plays in all (the linter checks it).  When
    ``gather_url`` is set, the gather event's reply replaces the rest of this document.

    Attributes:
        prompts: what to play while waiting for input.
        gather_url, gather_method: the gather event's webhook and its method.
        gather_fallback_url, gather_fallback_method: tried when ``gather_url`` fails.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
        terminating_digits: digits that end input (none when unset).
        max_digits: digits to collect, 1 to 50 (default 50).
        inter_digit_timeout: seconds to wait between digits, 1 to 60 (default 5).
        first_digit_timeout: seconds to wait for the first digit, 0 to 60 (default 5).
        repeat_count: times to play the prompts (default 1).
        input: ``dtmf`` (default), ``speech`` or ``dtmf_speech``.
        hints, language, partial_result_callback, partial_result_callback_method,
        profanity_filter, speech_model, speech_timeout: speech recognition settings, used
            only when ``input`` includes speech.
    """

    xml_tag: ClassVar[str] = "Gather"
    content_kind: ClassVar[ContentKind] = "children"
    children_field: ClassVar[str | None] = "prompts"
    child_tags: ClassVar[tuple[str, ...]] = ("SpeakSentence", "PlayAudio")

    prompts: list[GatherPrompt] = Field(
        default_factory=list, description="SpeakSentence and PlayAudio prompts, in order."
    )
    gather_url: Url | None = f.callback_url("gatherUrl", "gather event (its reply is new BXML)")
    gather_method: Method | None = f.callback_method("gatherMethod", "gatherUrl")
    gather_fallback_url: Url | None = f.fallback_url("gatherFallbackUrl", "gatherUrl")
    gather_fallback_method: Method | None = f.callback_method(
        "gatherFallbackMethod", "gatherFallbackUrl"
    )
    username: Text | None = f.username("gatherUrl")
    password: Text | None = f.password("gatherUrl")
    fallback_username: Text | None = f.fallback_username()
    fallback_password: Text | None = f.fallback_password()
    tag: Text | None = f.tag()
    terminating_digits: TerminatingDigits | None = Field(
        None, alias="terminatingDigits", description="Digits that end the input."
    )
    max_digits: int | None = Field(
        None, alias="maxDigits", ge=1, le=50, description="Digits to collect (50 when unset)."
    )
    inter_digit_timeout: float | None = Field(
        None, alias="interDigitTimeout", ge=1, le=60, description="Seconds between digits."
    )
    first_digit_timeout: float | None = Field(
        None, alias="firstDigitTimeout", ge=0, le=60, description="Seconds to the first digit."
    )
    repeat_count: int | None = Field(
        None, alias="repeatCount", ge=1, description="Times the prompts play (1 when unset)."
    )
    input: Literal["dtmf", "speech", "dtmf_speech"] | None = Field(
        None, description="What to collect: dtmf (default), speech or dtmf_speech."
    )
    hints: Text | None = Field(None, description="Words or phrases the recognizer should expect.")
    language: Text | None = Field(None, description="Recognition language, e.g. en-US.")
    partial_result_callback: Url | None = f.callback_url(
        "partialResultCallback", "partial gather events (interim speech results)"
    )
    partial_result_callback_method: Method | None = f.callback_method(
        "partialResultCallbackMethod", "partialResultCallback"
    )
    profanity_filter: bool | None = Field(
        None, alias="profanityFilter", description="Filter profanity from results (true)."
    )
    speech_model: Text | None = Field(
        None, alias="speechModel", description="Speech recognition model name."
    )
    speech_timeout: int | None = Field(
        None, alias="speechTimeout", ge=1, description="Seconds to wait for speech (5 when unset)."
    )

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        @overload
        def __init__(
            self,
            *prompts: GatherPrompt,
            gather_url: Url | None = ...,
            gather_method: Method | None = ...,
            gather_fallback_url: Url | None = ...,
            gather_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            terminating_digits: TerminatingDigits | None = ...,
            max_digits: int | None = ...,
            inter_digit_timeout: float | None = ...,
            first_digit_timeout: float | None = ...,
            repeat_count: int | None = ...,
            input: Literal["dtmf", "speech", "dtmf_speech"] | None = ...,
            hints: Text | None = ...,
            language: Text | None = ...,
            partial_result_callback: Url | None = ...,
            partial_result_callback_method: Method | None = ...,
            profanity_filter: bool | None = ...,
            speech_model: Text | None = ...,
            speech_timeout: int | None = ...,
        ) -> None: ...
        @overload
        def __init__(
            self,
            *,
            prompts: list[GatherPrompt] = ...,
            gather_url: Url | None = ...,
            gather_method: Method | None = ...,
            gather_fallback_url: Url | None = ...,
            gather_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
            terminating_digits: TerminatingDigits | None = ...,
            max_digits: int | None = ...,
            inter_digit_timeout: float | None = ...,
            first_digit_timeout: float | None = ...,
            repeat_count: int | None = ...,
            input: Literal["dtmf", "speech", "dtmf_speech"] | None = ...,
            hints: Text | None = ...,
            language: Text | None = ...,
            partial_result_callback: Url | None = ...,
            partial_result_callback_method: Method | None = ...,
            profanity_filter: bool | None = ...,
            speech_model: Text | None = ...,
            speech_timeout: int | None = ...,
        ) -> None: ...
        def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    # END generated signature


class StartGather(Element):
    """Starts detecting DTMF in the background; each digit is posted to ``dtmf_url``.

    Attributes:
        dtmf_url: receives one webhook per digit (required).
        dtmf_method: its HTTP method.
        username, password: basic-auth credentials for ``dtmf_url``.
        tag: custom value sent with webhooks.
    """

    xml_tag: ClassVar[str] = "StartGather"

    dtmf_url: Url = Field(alias="dtmfUrl", description="URL that receives each digit.")
    dtmf_method: Method | None = f.callback_method("dtmfMethod", "dtmfUrl")
    username: Text | None = f.username("dtmfUrl")
    password: Text | None = f.password("dtmfUrl")
    tag: Text | None = f.tag()

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(
            self,
            *,
            dtmf_url: Url,
            dtmf_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            tag: Text | None = ...,
        ) -> None: ...
    # END generated signature


class StopGather(Element):
    """Stops the background DTMF detection started by ``StartGather``."""

    xml_tag: ClassVar[str] = "StopGather"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self) -> None: ...
    # END generated signature
