"""BX101 wrong-root."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from bxmlkit._messages import wrong_root
from bxmlkit._wellformed import namespace_problem
from bxmlkit.lint.diagnostic import Edit, Fix, Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local, start_tag_span
from bxmlkit.vocabulary import ROOTS


class WrongRootRule(Rule[NoOptions]):
    """The root element is not `<Response>` or `<Bxml>`.

    ## What it does
    Checks that the document's root is `<Response>` (the reply to a webhook) or `<Bxml>`
    (the body of an update-call or update-conference request).  A default `xmlns` on the
    root is reported once, here, with "remove xmlns" (BXML has no namespace; the verbs inside
    are then not reported as unknown), and `--fix` removes it.  An `<xml>` element wrapped
    around `<Response>`, as an old SDK emitted, is recognised and `--fix` unwraps it; a
    misspelt root (`<response>`) and the v1 `<Request>` root get a suggestion.

    ## Why is this bad?
    Bandwidth looks for one of these two roots and rejects anything else as invalid BXML:
    the call fails.

    ## Example
    ```xml
    <xml>
        <Response>
            <Hangup/>
        </Response>
    </xml>
    ```

    ## Use instead
    ```xml
    <Response>
        <Hangup/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX101"
    name = "wrong-root"
    summary = "The root element is not <Response> or <Bxml>"
    category = "structure"
    default_severity = Severity.ERROR
    fixable = True

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if root is None:
            return
        tag = local(root)
        if tag in ROOTS:
            return
        if tag.startswith("{"):
            qname = etree.QName(root)
            problem = namespace_problem(qname.localname, qname.namespace)
            if problem is not None:
                yield Finding(problem, element=root, fix=_drop_xmlns(ctx, root))
                return
        children = [local(child) for child in root if isinstance(child.tag, str)]
        said = wrong_root(tag, children)
        fix = None
        if tag.lower() == "xml" and len(children) == 1 and children[0] in ROOTS:
            fix = _unwrap(ctx, root, tag)
        yield Finding(said.text, element=root, fix=fix)


def _whole_line(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen (start, end) to whole lines when the span is alone on its line(s)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    before = text[line_start:start]
    after = text[end:line_end]
    if not before.strip() and not after.strip():
        return line_start, line_end
    return start, end


def _unwrap(ctx: Context, root: etree._Element, tag: str) -> Fix | None:
    span = start_tag_span(ctx, root)
    if span is None:
        return None
    text = ctx.text
    if text[span[1] - 2 : span[1]] == "/>":
        return None
    if (root.text or "").strip() or any((child.tail or "").strip() for child in root):
        return None  # text inside the wrapper would end up outside the root: not well-formed
    closing = list(re.finditer(r"</" + re.escape(tag) + r"\s*>", text))
    if not closing or closing[-1].start() < span[1]:
        return None
    end_tag = closing[-1]
    first = _whole_line(text, *span)
    last = _whole_line(text, end_tag.start(), end_tag.end())
    if first[1] > last[0]:
        return None
    return Fix(
        f"remove the <{tag}> wrapper",
        (Edit(first[0], first[1], ""), Edit(last[0], last[1], "")),
    )


def _drop_xmlns(ctx: Context, root: etree._Element) -> Fix | None:
    span = start_tag_span(ctx, root)
    if span is None:
        return None
    found = re.search(r"\s+xmlns\s*=\s*(\"[^\"]*\"|'[^']*')", ctx.text[span[0] : span[1]])
    if found is None:
        return None
    start, end = span[0] + found.start(), span[0] + found.end()
    return Fix("remove xmlns", (Edit(start, end, ""),))
