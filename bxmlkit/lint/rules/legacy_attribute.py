"""BX402 legacy-attribute."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit._legacy import LEGACY_ATTRIBUTES
from bxmlkit._messages import unknown_attribute
from bxmlkit.lint import _schema
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import attribute_name_edit, local, single_fix


def _declared(tag: str, name: str) -> bool:
    try:
        info = _schema.catalogue().get(tag)
    except ImportError:  # pragma: no cover - the schema module is part of the package
        return False
    return info is not None and name in info.attributes


class LegacyAttributeRule(Rule[NoOptions]):
    """A BXML v1 attribute, with its v2 replacement.

    ## What it does
    Reports attributes of the retired BXML v1 (Catapult) platform and names their v2
    replacement: Pause `length` is `duration`; `requestUrl` is `gatherUrl`, `redirectUrl`,
    `recordCompleteUrl` or `transferCompleteUrl`; Record `transcribeCallbackUrl` is
    `transcriptionAvailableUrl`; `requestUrlTimeout`, `bargeable`, `volume`, Transfer
    `transferTo` and others have no attribute equivalent (the message says what to do).
    `--fix` renames the attributes that only changed name.

    ## Why is this bad?
    BXML v2 rejects the v1 attributes as unknown: the call fails.

    ## Example
    ```xml
    <Response>
        <Pause length="2"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Pause duration="2"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX402"
    name = "legacy-attribute"
    summary = "A BXML v1 attribute, with its v2 replacement"
    category = "compatibility"
    default_severity = Severity.ERROR
    needles = tuple(sorted({name.encode() for _, name in LEGACY_ATTRIBUTES}))
    fixable = True

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.elements:
            tag = local(element)
            for name in element.attrib:
                legacy = LEGACY_ATTRIBUTES.get((tag, str(name)))
                if legacy is None or _declared(tag, str(name)):
                    continue
                parent = element.getparent()
                parent_tag = local(parent) if parent is not None else None
                said = unknown_attribute(str(name), tag, parent_tag)
                fix = None
                if said.replacement is not None and said.replacement not in element.attrib:
                    edit = attribute_name_edit(ctx, element, str(name), said.replacement)
                    fix = single_fix(f"rename {name!r} to {said.replacement!r}", edit)
                yield Finding(said.text, element=element, attribute=str(name), fix=fix)
