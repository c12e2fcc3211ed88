"""BX102 unknown-element."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint import _schema
from bxmlkit.lint._legacy import LEGACY_VERBS
from bxmlkit.lint._names import ELEMENT_HABITS, suggest
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class UnknownElementRule(ViolationRule):
    """An element that BXML does not have.

    ## What it does
    Reports elements that the BXML schema does not declare, with a suggestion: the right
    spelling of a case slip (`<speakSentence>`), the BXML verb for another platform's habit
    (`<Say>` is `<SpeakSentence>`, `<Dial>` is `<Transfer>`), or the nearest known name.
    Removed BXML v1 verbs such as `<SendMessage>` are reported by BX401 instead; the root
    element by BX101.

    ## Why is this bad?
    Bandwidth rejects a document with an element it does not know: the call fails with
    `invalid-bxml`.  Element names are case-sensitive.

    ## Example
    ```xml
    <Response>
        <Say>Hello</Say>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence>Hello</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX102"
    name = "unknown-element"
    summary = "An element that BXML does not have"
    default_severity = Severity.ERROR
    kinds = ("unknown-element",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        name = violation.element
        element = element_for(ctx, violation.path)
        if name in LEGACY_VERBS or (element is not None and element.getparent() is None):
            return None
        known = [n for n in _schema.catalogue() if n not in ("Response", "Bxml")]
        suggestion = suggest(name, known, habits=ELEMENT_HABITS)
        message = f"unknown element <{name}>"
        if suggestion is not None:
            if suggestion.name is not None and suggestion.advice.startswith("did you mean"):
                message += f"; did you mean <{suggestion.name}>?"
            else:
                message += f"; {suggestion.advice}"
        return self.at(ctx, violation, message)
