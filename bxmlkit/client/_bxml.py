"""Checking BXML before it replaces a live call's or conference's document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from bxmlkit.vocabulary import MAX_DOCUMENT_BYTES

if TYPE_CHECKING:
    from bxmlkit.models import Bxml

__all__ = ["MAX_BXML_BYTES", "bxml_body"]

#: The largest BXML document Bandwidth executes (the XSD's appinfo, via the vocabulary).
MAX_BXML_BYTES = MAX_DOCUMENT_BYTES

Target = Literal["call", "conference"]


def bxml_body(document: Bxml | str | bytes, method: str, target: Target = "call") -> bytes:
    """Check a document for a live call (or conference) and return the bytes to PUT.

    Accepts a ``Bxml`` model, or text/bytes that must parse as a ``<Bxml>`` document.  A
    ``<Response>`` (the root for webhook replies, not for this endpoint), an invalid document
    or one over 64 KB is refused with a ``BxmlParseError`` before anything is sent.  For a
    conference (``target="conference"``) the conference context rules apply as well: only
    PlayAudio, SpeakSentence and the recording verbs (Start/Stop/Pause/ResumeRecording); any
    other verb is refused with its line and column (the linter's BX205 finding).
    """
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.errors import BxmlStructureError, XmlLimitError
    from bxmlkit.models import Bxml, Response

    if isinstance(document, (str, bytes)):
        source = "<string>" if isinstance(document, str) else "<bytes>"
        model = from_xml(document)
    elif isinstance(document, (Bxml, Response)):
        source = "<model>"
        model = document
    else:
        raise TypeError(
            f"{method}() expects a bxmlkit.models.Bxml, or BXML as str or bytes, "
            f"not {type(document).__name__}"
        )
    if not isinstance(model, Bxml):
        raise BxmlStructureError(
            f"{method}() needs a <Bxml> document; <Response> is the root for webhook replies",
            source=source,
            line=1 if source != "<model>" else 0,
            path="/Response",
            expected="Bxml",
            actual="Response",
            hint="wrap the same verbs in Bxml(...) instead of Response(...)",
        )
    body = to_xml(model)
    if len(body) > MAX_BXML_BYTES:
        raise XmlLimitError(
            f"{method}() document is {len(body)} bytes; Bandwidth executes at most "
            f"{MAX_BXML_BYTES // 1024} KB ({MAX_BXML_BYTES} bytes)",
            source=source,
            expected=f"at most {MAX_BXML_BYTES} bytes",
            actual=f"{len(body)} bytes",
            hint="split the work across several documents (e.g. with <Redirect>)",
        )
    if target == "conference":
        checked = document if isinstance(document, (str, bytes)) else body
        _check_conference(checked, source, method)
    return body


def _check_conference(document: str | bytes, source: str, method: str) -> None:
    """Refuse verbs the conference context does not allow, located in the caller's text."""
    from bxmlkit.errors import BxmlStructureError
    from bxmlkit.lint import lint

    findings = [d for d in lint(document, context="conference") if d.code == "BX205"]
    if not findings:
        return
    first = findings[0]
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    raise BxmlStructureError(
        f"{method}(): {first.message}{more}",
        source=source,
        line=first.line if source != "<model>" else 0,
        column=first.column if source != "<model>" else 0,
        expected="PauseRecording, PlayAudio, ResumeRecording, SpeakSentence, StartRecording "
        "or StopRecording",
        hint="send the other verbs to the members' calls (update_call_bxml) instead",
    )
