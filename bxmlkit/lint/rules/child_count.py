"""BX109 child-count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for, local
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation

_LIMITS = {
    "Transfer": "1 to 8 <PhoneNumber>/<SipUri> destinations",
    "StartStream": "at most 12 <StreamParam> children",
    "StartTranscription": "at most 12 <CustomParam> children",
    "Connect": "at least one <Endpoint>",
    "Refer": "exactly one <SipUri>",
}


class ChildCountRule(ViolationRule):
    """More (or fewer) children than BXML allows.

    ## What it does
    Reports a verb with a number of children outside its documented bounds: `<Transfer>`
    needs 1 to 8 destinations, `<StartStream>` takes at most 12 `<StreamParam>`,
    `<StartTranscription>` at most 12 `<CustomParam>`, `<Connect>` needs an `<Endpoint>`,
    `<Refer>` exactly one `<SipUri>`.

    ## Why is this bad?
    Bandwidth rejects the document, or a `<Transfer>` with no destination has nobody to
    call.

    ## Example
    ```xml
    <Response>
        <Transfer transferCallerId="+15555550100"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Transfer transferCallerId="+15555550100">
            <PhoneNumber>+15555550123</PhoneNumber>
        </Transfer>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX109"
    name = "child-count"
    summary = "More or fewer children than BXML allows"
    default_severity = Severity.ERROR
    kinds = ("too-many-children", "too-few-children")

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        element = element_for(ctx, violation.path)
        tag = violation.element
        count = None
        anchor = element
        if element is not None:
            parent = element.getparent()
            if local(element) not in _LIMITS and parent is not None and local(parent) in _LIMITS:
                element = parent  # libxml2 points at the first child too many
            tag = local(element)
            count = sum(1 for c in element if isinstance(c.tag, str))
        many = violation.kind == "too-many-children"
        message = f"<{tag}> has too {'many' if many else 'few'} children"
        if count is not None:
            message += f" ({count})"
        limit = _LIMITS.get(tag) or violation.expected
        if limit:
            message += f"; it takes {limit}"
        if anchor is None:
            return Finding(message, line=violation.line, column=violation.column)
        return Finding(message, element=anchor)
