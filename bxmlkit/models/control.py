"""Verbs that steer the document itself: fetch new BXML, hang up, set the call's tag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, ClassVar

from pydantic import Field, StringConstraints, field_validator

from bxmlkit.models import _fields as f
from bxmlkit.models._base import ContentKind, Element
from bxmlkit.models._types import TEXT_PATTERN, Method, Text, Url

__all__ = ["Hangup", "Redirect", "Tag"]


class Redirect(Element):
    """Fetches new BXML from ``redirect_url`` and runs it; later verbs here never run.

    Attributes:
        redirect_url: where to fetch the next document (required).
        redirect_method: its HTTP method.
        redirect_fallback_url, redirect_fallback_method: tried when ``redirect_url`` fails.
        username, password, fallback_username, fallback_password: basic-auth credentials.
        tag: custom value sent with webhooks.
    """

    xml_tag: ClassVar[str] = "Redirect"

    redirect_url: Url = Field(alias="redirectUrl", description="URL that returns the next BXML.")
    redirect_method: Method | None = f.callback_method("redirectMethod", "redirectUrl")
    redirect_fallback_url: Url | None = f.fallback_url("redirectFallbackUrl", "redirectUrl")
    redirect_fallback_method: Method | None = f.callback_method(
        "redirectFallbackMethod", "redirectFallbackUrl"
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
            *,
            redirect_url: Url,
            redirect_method: Method | None = ...,
            redirect_fallback_url: Url | None = ...,
            redirect_fallback_method: Method | None = ...,
            username: Text | None = ...,
            password: Text | None = ...,
            fallback_username: Text | None = ...,
            fallback_password: Text | None = ...,
            tag: Text | None = ...,
        ) -> None: ...
    # END generated signature


class Hangup(Element):
    """Hangs up the call, or rejects an unanswered inbound call without charge.

    An empty document, or reaching the end of one without a webhook, hangs up too.
    """

    xml_tag: ClassVar[str] = "Hangup"

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self) -> None: ...
    # END generated signature


TagValue = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=256, pattern=TEXT_PATTERN)
]


class Tag(Element):
    """Sets the call's tag (sent with later webhooks) without a webhook of its own.

    Attributes:
        value: the new tag, at most 256 characters, trimmed; empty or unset clears it.
    """

    xml_tag: ClassVar[str] = "Tag"
    content_kind: ClassVar[ContentKind] = "text"
    text_field: ClassVar[str | None] = "value"
    text_optional: ClassVar[bool] = True

    value: TagValue | None = Field(None, description="New tag value; empty clears it.")

    @field_validator("value")
    @classmethod
    def _empty_is_unset(cls, value: str | None) -> str | None:
        return value or None

    # BEGIN generated signature (tools/typed_signatures.py); do not edit
    if TYPE_CHECKING:

        def __init__(self, value: TagValue | None = ...) -> None: ...
    # END generated signature
