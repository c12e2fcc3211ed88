"""BX103 unknown-attribute."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit._legacy import LEGACY_ATTRIBUTES
from bxmlkit._messages import unknown_attribute
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import attribute_name_edit, element_for, local, single_fix
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class UnknownAttributeRule(ViolationRule):
    """An attribute that the element does not have.

    ## What it does
    Reports attributes the BXML schema does not declare on that element, and says what was
    probably meant:

    * a case slip (`maxdigits`) or a snake_case name leaked from an SDK
      (`destination_username`, `recordCompleteFallback_url`): `--fix` renames it;
    * a habit from another platform's markup (Gather `timeout`, `inputType`, `maxWaitTime`;
      Transfer `timeLimit`; StartStream `url`; Record `callbackUrl`; Bridge `targetCall`;
      StartRecording `uploadCompleteUrl`): the message names the BXML way to say it, or says
      that BXML has none;
    * an attribute of another element (`transferAnswerUrl` on `<Transfer>`): where it
      belongs (`<PhoneNumber>` or `<SipUri>`), when at most three elements have it;
    * otherwise the nearest attribute name of that element.

    BXML v1 attributes such as Pause `length` are reported by BX402 instead.

    ## Why is this bad?
    Bandwidth rejects unknown attributes as invalid BXML, and where an SDK dropped them
    silently the setting never took effect: a Gather `timeout` does not change any timeout.

    ## Example
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/gather" maxdigits="4"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/gather" maxDigits="4"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX103"
    name = "unknown-attribute"
    summary = "An attribute that the element does not have"
    default_severity = Severity.ERROR
    fixable = True
    kinds = ("unknown-attribute",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        name = violation.attribute or ""
        tag = violation.element
        if (tag, name) in LEGACY_ATTRIBUTES:
            return None
        element = element_for(ctx, violation.path)
        parent = element.getparent() if element is not None else None
        said = unknown_attribute(name, tag, local(parent) if parent is not None else None)
        if element is None:
            return Finding(said.text, line=violation.line, column=violation.column)
        fix = None
        if said.replacement is not None and said.replacement not in element.attrib:
            edit = attribute_name_edit(ctx, element, name, said.replacement)
            fix = single_fix(f"rename {name!r} to {said.replacement!r}", edit)
        return Finding(said.text, element=element, attribute=name, fix=fix)
