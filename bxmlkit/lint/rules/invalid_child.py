"""BX105 invalid-child."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit._messages import declaration, misplaced_element
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for, local
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class InvalidChildRule(ViolationRule):
    """An element nested where BXML does not allow it.

    ## What it does
    Reports an element that exists in BXML but not at this place: a verb inside a verb that
    takes no children, a `<Record>` inside `<Gather>`, a `<PhoneNumber>` directly in
    `<Response>`, a prompt inside `<Transfer>` (BXML v1 allowed it), an SSML tag outside
    `<SpeakSentence>`.

    ## Why is this bad?
    Bandwidth rejects illegal nesting as invalid BXML: the call fails.  Only `<Gather>`
    (prompts), `<Transfer>` (destinations), `<StartStream>`, `<StartTranscription>`,
    `<Connect>`, `<Refer>` and `<SpeakSentence>` (SSML) have children.

    ## Example
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/gather">
            <Record/>
        </Gather>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/gather">
            <SpeakSentence>Press 1 to leave a message.</SpeakSentence>
        </Gather>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX105"
    name = "invalid-child"
    summary = "An element nested where BXML does not allow it"
    default_severity = Severity.ERROR
    kinds = ("invalid-child",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        element = element_for(ctx, violation.path)
        parent_element = element.getparent() if element is not None else None
        if parent_element is None:
            return self.at(ctx, violation, violation.message)
        parent = local(parent_element)
        grandparent = parent_element.getparent()
        declared = declaration(parent, local(grandparent) if grandparent is not None else None)
        allowed = declared.children if declared is not None else ()
        return self.at(ctx, violation, misplaced_element(violation.element, parent, allowed).text)
