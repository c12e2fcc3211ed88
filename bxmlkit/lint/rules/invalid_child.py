"""BX105 invalid-child."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint import _schema
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._common import element_for, local
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation

_ADVICE = {
    ("Transfer", "SpeakSentence"): "BXML v1 played prompts inside <Transfer>; in v2 speak "
    "before the <Transfer>, or to the called party from its transferAnswerUrl webhook",
    ("Transfer", "PlayAudio"): "BXML v1 played prompts inside <Transfer>; in v2 play before "
    "the <Transfer>, or to the called party from its transferAnswerUrl webhook",
    ("Gather", "Gather"): "a <Gather> cannot contain another <Gather>",
    ("Conference", "PlayAudio"): "<Conference> has no children; the verbs allowed in "
    "conference BXML go in the reply to the conference webhooks",
    ("Conference", "SpeakSentence"): "<Conference> has no children; the verbs allowed in "
    "conference BXML go in the reply to the conference webhooks",
}


def _parents_of(name: str) -> tuple[str, ...]:
    """Where ``name`` may appear, for nouns and SSML tags (empty for verbs)."""
    info = _schema.catalogue().get(name)
    if info is None or info.category in ("verb", "root"):
        return ()
    return info.parents


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
        name = violation.element
        parent_element = element.getparent() if element is not None else None
        parent = local(parent_element) if parent_element is not None else ""
        where = f"inside <{parent}>" if parent else "here"
        message = f"<{name}> is not allowed {where}"
        advice = _ADVICE.get((parent, name))
        parents = _parents_of(name)
        if advice:
            message += f"; {advice}"
        elif parents:
            message += f"; it goes inside {' or '.join(f'<{p}>' for p in parents)}"
        elif violation.expected:
            allowed = violation.expected
            names = [n.strip() for n in allowed.split(",")]
            if len(names) > 8:
                allowed = ", ".join(names[:8]) + ", ..."
            message += f"; expected {allowed}"
        return self.at(ctx, violation, message)
