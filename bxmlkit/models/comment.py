"""``Comment``: an XML comment, kept where it stands.

Comments are content: a ``Comment`` may stand wherever children or mixed content are
(between verbs, between a ``Gather``'s prompts, inside SSML), and before or after the root
(``Response.leading_comments`` / ``trailing_comments``).  ``from_xml`` keeps every comment
there and ``to_xml`` writes it back, so lint suppressions such as
``<!-- bxmlkit: disable-next-line=BX201 -->`` survive a round trip.

The text is kept exactly, spaces included: ``<!-- note -->`` is ``Comment(" note ")``.  XML
forbids ``--`` inside a comment and a ``-`` at its end, and a parser reads a carriage
return in a comment as a line feed, so such text is refused when the comment is built.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from bxmlkit.models._base import _POSITIONAL, TYPE_KEY, _ElementClass
from bxmlkit.models._types import TEXT_PATTERN

__all__ = ["COMMENT_TYPE", "Comment"]

#: The ``"type"`` of a comment in JSON (``{"type": "#comment", "text": " note "}``), named
#: as the DOM names comment nodes: no element can have it as its tag.
COMMENT_TYPE: Literal["#comment"] = "#comment"


class Comment(BaseModel, metaclass=_ElementClass):
    """An XML comment: ``Comment(" bxmlkit: disable-next-line=BX201 ")`` is
    ``<!-- bxmlkit: disable-next-line=BX201 -->``.

    Attributes:
        text: what stands between ``<!--`` and ``-->``, exactly (spaces included); it may
            not contain ``--`` nor end with ``-`` (XML forbids both), nor a carriage
            return (XML parsers turn it into a line feed).
    """

    model_config = ConfigDict(
        strict=True, extra="forbid", validate_assignment=True, revalidate_instances="never"
    )

    type: Literal["#comment"] = COMMENT_TYPE
    text: Annotated[str, StringConstraints(pattern=TEXT_PATTERN)] = Field(
        description="The comment's text, between <!-- and -->."
    )

    if TYPE_CHECKING:

        def __init__(self, text: str) -> None: ...

    @field_validator("text")
    @classmethod
    def _allowed_in_xml(cls, text: str) -> str:
        if "--" in text:
            raise ValueError(
                f"comment text {text!r} contains '--', which XML forbids inside a comment "
                "(write '- -' or another dash)"
            )
        if "\r" in text:
            raise ValueError(
                f"comment text {text!r} contains a carriage return, which XML parsers turn "
                "into a line feed inside a comment; write '\\n'"
            )
        if text.endswith("-"):
            raise ValueError(
                f"comment text {text!r} ends with '-', which XML forbids (the comment would "
                "end in '--->'); add a space after it"
            )
        return text

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        yield None, self.text


assert TYPE_KEY == "type"
_POSITIONAL[Comment] = ("text", False)
