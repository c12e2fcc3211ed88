"""BX205 verb-not-allowed-in-context."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local
from bxmlkit.vocabulary import CONFERENCE_VERBS, TRANSFER_ANSWER_FORBIDDEN_VERBS

#: Verbs allowed in BXML that answers a conference webhook or updates a conference.
CONFERENCE_ALLOWED = CONFERENCE_VERBS
#: Verbs the transferAnswer documentation lists as not allowed for the called party.
TRANSFER_ANSWER_FORBIDDEN = TRANSFER_ANSWER_FORBIDDEN_VERBS


class ContextVerbRule(Rule[NoOptions]):
    """A verb that is not allowed in the context the document is written for.

    ## What it does
    In conference BXML (the reply to a conference webhook, or the body of an
    update-conference request) only `<PlayAudio>`, `<SpeakSentence>`, `<StartRecording>`,
    `<StopRecording>`, `<PauseRecording>` and `<ResumeRecording>` are allowed.  In
    transfer-answer BXML (the reply to a `transferAnswerUrl` webhook, played to the called
    party before the calls are bridged) `<Bridge>`, `<Conference>`, `<Forward>` and
    `<Transfer>` are not.

    Decision on the verbs the transferAnswer table lists neither way (`<StartStream>`,
    `<StopStream>`, `<StartTranscription>`, `<StopTranscription>`, `<Connect>`, `<Refer>`):
    they are **not reported**.  The reference states a closed list only for conference BXML
    ("a document with any other verb is rejected completely"); for transfer-answer BXML it
    gives an allowed and a not-allowed table and says nothing of the rest, and its only
    remark on one of them (`<Refer>`, "most likely rejected or ineffective") is marked as an
    inference, not documented.  An error on an undocumented guess would be noise on a
    document that may well be right.

    The context comes from `--context`, `context`/`per-file-context` in the configuration,
    or a `<!-- bxmlkit: context=conference -->` comment in the document.

    ## Why is this bad?
    Bandwidth rejects the whole document: a conference reply with one `<Gather>` plays
    nothing at all.

    ## Example
    ```xml
    <!-- bxmlkit: context=conference -->
    <Response>
        <SpeakSentence>Welcome to the conference.</SpeakSentence>
        <Gather gatherUrl="https://example.com/pin"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <!-- bxmlkit: context=conference -->
    <Response>
        <SpeakSentence>Welcome to the conference.</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX205"
    name = "verb-not-allowed-in-context"
    summary = "A verb not allowed in conference or transfer-answer BXML"
    category = "call-flow"
    default_severity = Severity.ERROR

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if root is None or ctx.context not in ("conference", "transfer-answer"):
            return
        for verb in root:
            tag = local(verb)
            if not tag:
                continue
            if ctx.context == "conference" and tag not in CONFERENCE_ALLOWED:
                yield Finding(
                    f"<{tag}> is not allowed in conference BXML (only "
                    f"{', '.join(sorted(CONFERENCE_ALLOWED))}); Bandwidth rejects the whole "
                    "document",
                    element=verb,
                )
            elif ctx.context == "transfer-answer" and tag in TRANSFER_ANSWER_FORBIDDEN:
                yield Finding(
                    f"<{tag}> is not allowed in transfer-answer BXML (played to the called "
                    "party before the bridge)",
                    element=verb,
                )
