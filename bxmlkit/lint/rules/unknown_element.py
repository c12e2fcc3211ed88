"""BX102 unknown-element."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from bxmlkit._legacy import LEGACY_VERBS
from bxmlkit._messages import namespaced_element, unknown_element
from bxmlkit._wellformed import namespace_problem
from bxmlkit.lint import _schema
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for
from bxmlkit.lint.rules._violations import ViolationRule
from bxmlkit.vocabulary import ELEMENTS, ROOTS

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation


class UnknownElementRule(ViolationRule):
    """An element that BXML does not have.

    ## What it does
    Reports elements that the BXML schema does not declare, with a suggestion: the right
    spelling of a case slip (`<speakSentence>`), the BXML verb for another platform's habit
    (`<Say>` is `<SpeakSentence>`, `<Dial>` is `<Transfer>`), or the nearest known name.
    A literal `<speak>` wrapper inside `<SpeakSentence>` (SSML copied from another
    text-to-speech service) gets "drop the wrapper".
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
        if element is not None and _in_root_namespace(ctx, element):
            return None  # BX101 says "remove xmlns"; the verbs themselves are right
        parent = element.getparent() if element is not None else None
        parent_tag = parent.tag if parent is not None and isinstance(parent.tag, str) else ""
        allowed = tuple(ELEMENTS[parent_tag].children) if parent_tag in ELEMENTS else ()
        if element is not None and str(element.tag).startswith("{"):
            return self.at(ctx, violation, namespaced_element(name, parent_tag or ROOTS[0]).text)
        message = unknown_element(name, parent_tag or ROOTS[0], allowed).text
        return self.at(ctx, violation, message)


def _in_root_namespace(ctx: Context, element: etree._Element) -> bool:
    """True when ``element`` is in the namespace that a BXML root wrongly declares."""
    root = ctx.root
    tag = element.tag
    if root is None or not isinstance(tag, str) or not tag.startswith("{"):
        return False
    root_name = etree.QName(root)
    if namespace_problem(root_name.localname, root_name.namespace) is None:
        return False
    name = etree.QName(element)
    return name.namespace == root_name.namespace and name.localname in _schema.catalogue()
