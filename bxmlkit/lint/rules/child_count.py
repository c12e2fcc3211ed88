"""BX109 child-count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


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
        # The counts are the XSD's (``bxmlkit.schema``); the words are ``bxmlkit._messages``'s
        # (too_many_children, too_few_children), built once for validate and lint.
        return self.at(ctx, violation, violation.message)
