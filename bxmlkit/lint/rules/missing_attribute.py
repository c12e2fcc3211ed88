"""BX106 missing-attribute."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit._messages import missing_attribute
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for, local
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class MissingAttributeRule(ViolationRule):
    """A required attribute is missing.

    ## What it does
    Reports elements without an attribute that the schema requires: `<Redirect>` without
    `redirectUrl`, `<StartStream>` without `destination`, `<StartGather>` without
    `dtmfUrl`, `<Forward>` without `to`, `<StopStream>` without `name`, `<StreamParam>`
    and `<CustomParam>` without `name` or `value`.

    ## Why is this bad?
    The verb cannot do its job without it, and Bandwidth rejects the document.

    ## Example
    ```xml
    <Response>
        <Redirect redirectMethod="GET"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Redirect redirectUrl="https://example.com/next" redirectMethod="GET"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX106"
    name = "missing-attribute"
    summary = "A required attribute is missing"
    default_severity = Severity.ERROR
    kinds = ("missing-attribute",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        element = element_for(ctx, violation.path)
        parent = element.getparent() if element is not None else None
        parent_tag = local(parent) if parent is not None else None
        said = missing_attribute(violation.attribute or "?", violation.element, parent_tag)
        return self.at(ctx, violation, said.text)
