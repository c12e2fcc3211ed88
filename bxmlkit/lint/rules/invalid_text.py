"""BX107 invalid-text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions
from bxmlkit.lint.rules._common import element_for
from bxmlkit.lint.rules._violations import ViolationRule
from bxmlkit.vocabulary import DTMF_ALPHABET, ELEMENTS

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation

_DTMF = frozenset(DTMF_ALPHABET)

_EXPECTED = {
    "PhoneNumber": ELEMENTS["PhoneNumber"].text.expected if ELEMENTS["PhoneNumber"].text else "",
    "SipUri": "a SIP URI such as sip:user@example.com",
    "Conference": "a name of 1 to 100 letters, digits, '.', '_' or '-'",
    "Bridge": "the id of the call to bridge, such as c-95ac8d6e-...",
    "Endpoint": "an endpoint id",
    "PlayAudio": "the URL of a wav or mp3 file",
    "Tag": "at most 256 characters",
}


class InvalidTextRule(ViolationRule):
    """Text content that the element does not accept.

    ## What it does
    Reports text content the element cannot take: an empty or blank `<SpeakSentence>`
    (SSML tags with no words count as blank), a `<PhoneNumber>` that is not E.164
    (`555-0123`, `+1 555 0123`), invalid DTMF characters in `<SendDtmf>` (the message names
    them), a conference name with spaces, a missing call id in `<Bridge>`, text inside a verb
    that takes none.

    ## Why is this bad?
    Bandwidth rejects the document, or the verb cannot do anything: a blank sentence speaks
    nothing, a malformed number is never dialled.

    ## Example
    ```xml
    <Response>
        <SendDtmf>12x#</SendDtmf>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SendDtmf>12w#</SendDtmf>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX107"
    name = "invalid-text"
    summary = "Text content that the element does not accept"
    default_severity = Severity.ERROR
    kinds = ("invalid-text",)

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        blank_reported = set()
        for element in ctx.tagged("SpeakSentence"):
            if (element.text or "").strip():
                continue
            if not "".join(element.itertext()).strip():
                blank_reported.add(element)
                if element.get("sentence") is not None:
                    continue  # BX402: the v1 sentence attribute holds the text
                yield Finding(
                    "empty <SpeakSentence>: there is nothing to speak",
                    element=element,
                )
        for violation in ctx.violations_of(*self.kinds):
            element = element_for(ctx, violation.path)
            if element is not None and element in blank_reported:
                continue
            finding = self.describe(ctx, violation)
            if finding is not None:
                yield finding

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        element = element_for(ctx, violation.path)
        tag = violation.element
        value = violation.value
        if value is None and element is not None:
            value = (element.text or "").strip()
        if tag == "SendDtmf" and value:
            bad = sorted({c for c in value if c not in _DTMF})
            if bad:
                message = (
                    f"invalid DTMF character{'s' if len(bad) > 1 else ''} "
                    f"{', '.join(repr(c) for c in bad)} in {value!r}: allowed are 0-9 * # "
                    "A-D (a-d), and , w W for pauses"
                )
            else:
                message = f"invalid DTMF string {value!r}: at most 50 characters"
        elif tag == "PhoneNumber":
            message = f"malformed phone number {value!r}: expected {_EXPECTED[tag]}"
        elif value and tag in _EXPECTED:
            message = f"invalid text {value!r} in <{tag}>: expected {_EXPECTED[tag]}"
        elif not value and tag in _EXPECTED:
            message = f"<{tag}> needs text content: {_EXPECTED[tag]}"
        elif value:
            message = f"<{tag}> takes no text content, found {value!r}"
        else:
            message = f"invalid text in <{tag}>: {violation.message}"
        if element is None:
            return Finding(message, line=violation.line, column=violation.column)
        return Finding(message, element=element, text=bool(value))
