"""BX107 invalid-text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from bxmlkit._messages import (
    declaration,
    invalid_text,
    missing_text,
    nothing_to_speak,
    text_not_allowed,
)
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions
from bxmlkit.lint.rules._common import element_for, local
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


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
        blank = nothing_to_speak().text  # validate() reports blank sentences too
        for violation in ctx.violations_of(*self.kinds):
            if violation.message == blank:
                yield Finding(blank, element=element_for(ctx, violation.path))
                continue
            finding = self.describe(ctx, violation)
            if finding is not None:
                yield finding

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        element = element_for(ctx, violation.path)
        tag = violation.element
        parent = element.getparent() if element is not None else None
        parent_tag = local(parent) if parent is not None else None
        value = violation.value
        if value is None and element is not None:
            value = (element.text or "").strip()
        declared = declaration(tag, parent_tag)
        if declared is None or declared.text is None:
            said = text_not_allowed(tag, parent_tag, value or "")
        elif not value:
            said = missing_text(tag, parent_tag)
        else:
            said = invalid_text(tag, parent_tag, value)
        return self.at(ctx, violation, said.text)
