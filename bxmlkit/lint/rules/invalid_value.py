"""BX104 invalid-attribute-value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit._messages import invalid_value
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import attribute_value_edit, element_for, local, single_fix
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class InvalidAttributeValueRule(ViolationRule):
    """An attribute value of the wrong type, outside its range, or not in its list.

    ## What it does
    Reports attribute values the schema rejects: a boolean that is not exactly `true` or
    `false`, a number out of its documented range, an enum value not in its list (enums are
    case-sensitive), a URL with spaces or an unsupported scheme.  Python-style booleans
    `True`/`False`, as old versions of the Python SDK wrote them, are fixed by `--fix`.

    ## Why is this bad?
    Bandwidth rejects the document (the call fails), or, worse, an SDK-era value such as
    `answerCall="True"` was never understood the way it reads.

    ## Example
    ```xml
    <Response>
        <Ring duration="5" answerCall="False"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Ring duration="5" answerCall="false"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX104"
    name = "invalid-attribute-value"
    summary = "An attribute value of the wrong type, range or enum"
    default_severity = Severity.ERROR
    fixable = True
    kinds = ("invalid-value",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        if violation.attribute is None:
            return None  # text content: reported by invalid-text
        element = element_for(ctx, violation.path)
        name = violation.attribute
        value = violation.value
        if value is None and element is not None:
            value = element.get(name)
        parent = element.getparent() if element is not None else None
        parent_tag = local(parent) if parent is not None else None
        said = invalid_value(violation.element, parent_tag, name, value or "")
        if element is None:
            return Finding(said.text, line=violation.line, column=violation.column)
        fix = None
        if said.replacement is not None:
            edit = attribute_value_edit(ctx, element, name, said.replacement)
            fix = single_fix(f"write {said.replacement!r}", edit)
        return Finding(said.text, element=element, attribute=name, fix=fix)
