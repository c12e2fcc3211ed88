"""Checking a handler's reply before it is sent: a webhook reply Bandwidth cannot run drops
the call, so the server finds out here instead (a located error, a 500, a log line)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Union

from bxmlkit.callbacks import CallbackEvent, ConferenceEvent, TransferAnswerEvent
from bxmlkit.errors import BxmlParseError, BxmlStructureError, XmlLimitError
from bxmlkit.vocabulary import MAX_DOCUMENT_BYTES

if TYPE_CHECKING:
    from bxmlkit.models import Bxml, Response

__all__ = ["MAX_REPLY_BYTES", "Reply", "check_reply", "reply_context"]

#: What a handler may return: a ``Response`` model, BXML text or bytes, or None for "no
#: BXML" (204).  (A ``Bxml`` root is for update-call requests; a reply with one is refused.)
Reply = Union["Response", str, bytes, None]

#: The largest BXML document Bandwidth executes (the vocabulary's document limit).
MAX_REPLY_BYTES = MAX_DOCUMENT_BYTES

#: The name replies get in located messages (``<reply>:3:5: ...``).
SOURCE = "<reply>"

_ROOT_TAG = re.compile(rb"<\s*Bxml\b")


def reply_context(event: CallbackEvent | type[CallbackEvent]) -> str:
    """The linter context a reply to this event is written for: ``conference`` (conference
    events), ``transfer-answer`` (transferAnswer, played to the called party) or ``webhook``."""
    cls = event if isinstance(event, type) else type(event)
    if issubclass(cls, ConferenceEvent):
        return "conference"
    if issubclass(cls, TransferAnswerEvent):
        return "transfer-answer"
    return "webhook"


def check_reply(
    reply: Response | Bxml | str | bytes,
    event: CallbackEvent | type[CallbackEvent] | None = None,
) -> bytes:
    """Check a webhook reply and return the UTF-8 bytes to send (``application/xml``).

    ``reply`` is a ``Response`` model, or BXML text or bytes.  It must be a valid BXML
    document (read back through the hardened parser, so a model built around validation is
    caught too) with a ``<Response>`` root, at most 64 KB, and, for a conference or
    transferAnswer ``event``, use only the verbs that context allows.  Raises
    ``BxmlParseError`` (``<reply>:line:column: ...``) otherwise; ``TypeError`` for anything
    that is not a document.
    """
    from bxmlkit.codec import from_xml, to_xml
    from bxmlkit.models import Response
    from bxmlkit.models._base import Element

    data: str | bytes
    if isinstance(reply, Element):
        data = to_xml(reply)
    elif isinstance(reply, (str, bytes)):
        data = reply
    else:
        raise TypeError(
            "a webhook handler returns a bxmlkit.models.Response, BXML as str or bytes, "
            f"or None; not {type(reply).__name__}"
        )
    try:
        document = from_xml(data)
    except BxmlParseError as exc:
        raise type(exc)(
            exc.message,
            source=SOURCE,
            line=exc.line,
            column=exc.column,
            path=exc.path,
            expected=exc.expected,
            actual=exc.actual,
            hint=exc.hint,
        ) from exc
    if not isinstance(document, Response):
        line, column = _root_position(data)
        raise BxmlStructureError(
            "a webhook reply needs a <Response> root; <Bxml> is the body of an update-call "
            "request, and Bandwidth drops a call whose webhook answers with it",
            source=SOURCE,
            line=line,
            column=column,
            path="/Bxml",
            expected="Response",
            actual="Bxml",
            hint="wrap the same verbs in Response(...)",
        )
    body = to_xml(document)
    if len(body) > MAX_REPLY_BYTES:
        raise XmlLimitError(
            f"the reply is {len(body)} bytes; Bandwidth executes at most "
            f"{MAX_REPLY_BYTES // 1024} KB ({MAX_REPLY_BYTES} bytes)",
            source=SOURCE,
            line=1,
            column=1,
            path="/Response",
            expected=f"at most {MAX_REPLY_BYTES} bytes",
            actual=f"{len(body)} bytes",
            hint="move prompts to audio files or split the flow with <Redirect>",
        )
    context = "webhook" if event is None else reply_context(event)
    if context != "webhook":
        _check_context(body, context)
    return body


def _root_position(data: str | bytes) -> tuple[int, int]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    found = _ROOT_TAG.search(raw)
    if found is None:  # pragma: no cover - from_xml returned a Bxml, so the tag is there
        return 1, 1
    before = raw[: found.start()]
    return before.count(b"\n") + 1, found.start() - (before.rfind(b"\n") + 1) + 1


def _check_context(body: bytes, context: str) -> None:
    """Conference and transfer-answer replies: the linter's verb-not-allowed-in-context rule
    (BX205) is the one statement of which verbs those contexts allow."""
    from bxmlkit.lint import lint

    found = lint(body, config={"select": ["BX205"]}, context=context)
    if found:
        first = found[0]
        raise BxmlStructureError(
            first.message,
            source=SOURCE,
            line=first.line,
            column=first.column,
            expected=f"a verb allowed in {context} BXML",
        )
