"""BX103 unknown-attribute."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit._suggest import suggest_attribute
from bxmlkit.lint import _schema
from bxmlkit.lint._legacy import LEGACY_ATTRIBUTES
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
        parent_tag = local(parent) if parent is not None else None
        known = sorted(_schema.attributes_in(tag, parent_tag))
        if name in _schema.attributes_in(tag, None) and name not in known:
            where = f"<{tag}> inside <{parent_tag}>"
            message = f"{where} takes {'no attributes' if not known else 'no ' + repr(name)}"
            if element is None:
                return Finding(message, line=violation.line, column=violation.column)
            return Finding(message, element=element, attribute=name)
        suggestion = suggest_attribute(tag, name, known)
        message = f"<{tag}> has no attribute {name!r}"
        fix = None
        owners = _owners(name, tag)
        if owners and (suggestion is None or not suggestion.safe):
            message += f"; it belongs on {owners}: move it there"
        elif suggestion is not None:
            if suggestion.name is None:
                message += f"; {suggestion.advice}"
            elif suggestion.safe:
                message += f"; did you mean {suggestion.name!r}?"
                if element is not None and suggestion.name not in element.attrib:
                    edit = attribute_name_edit(ctx, element, name, suggestion.name)
                    fix = single_fix(f"rename {name!r} to {suggestion.name!r}", edit)
            elif (
                suggestion.advice.startswith("did you mean") or suggestion.name in suggestion.advice
            ):
                message += f"; {suggestion.advice}"
            else:
                message += f"; {suggestion.advice} ({suggestion.name})"
        if element is None:
            return Finding(message, line=violation.line, column=violation.column)
        return Finding(message, element=element, attribute=name, fix=fix)


def _owners(name: str, tag: str) -> str:
    """``<PhoneNumber> or <SipUri>``: the few other elements that have attribute ``name``."""
    owners = sorted(
        info.name
        for info in _schema.catalogue().values()
        if name in info.attributes and info.name != tag and info.category != "root"
    )
    if not owners or len(owners) > 3:
        return ""
    return " or ".join(f"<{owner}>" for owner in owners)
