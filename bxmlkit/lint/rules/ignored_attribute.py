"""BX204 ignored-attribute."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from bxmlkit.catalogue import KNOWN_VOICES
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import URL_ATTRIBUTES, is_truthy, local
from bxmlkit.vocabulary import ELEMENTS

_SPEECH = (
    "hints", "language", "partialResultCallback", "partialResultCallbackMethod",
    "profanityFilter", "speechModel", "speechTimeout",
)  # fmt: skip
_CREDENTIAL_TARGETS = {"PlayAudio"}  # credentials for the text URL
_CREDENTIAL_NAMES = frozenset(("username", "password", "fallbackUsername", "fallbackPassword"))
#: Elements with a rule of their own below (everything else only has the generic checks).
_CHECKED = frozenset(
    ("SpeakSentence", "Gather", "Record", "StartRecording", "Transfer", "Forward",
     "StartTranscription", "say-as")
)  # fmt: skip


def _changes_nothing(tag: str, name: str, value: str, attrib: dict[str, str]) -> bool:
    """True when the ignored ``value`` is what Bandwidth would do anyway: the documented
    default (the vocabulary's; every ``*Method`` defaults to POST, in any case), or (for a
    voice's gender and locale) what the voice itself is."""
    value = value.strip()
    element = ELEMENTS.get(tag)
    declared = element.attributes.get(name) if element is not None else None
    default = declared.default if declared is not None else None
    if default is not None:
        if name.endswith("Method"):
            return value.upper() == default
        if value == default:
            return True
    if tag == "SpeakSentence" and name in ("gender", "locale"):
        voice = KNOWN_VOICES.get(attrib.get("voice", "").strip().lower())
        if voice is not None:
            return value == (voice.gender if name == "gender" else voice.locale)
    return False


def _ignored(element: etree._Element) -> Iterator[tuple[str, str]]:
    """(attribute, why it is ignored) for one element, when the ignored value matters."""
    tag = local(element)
    attrib = dict(element.attrib)
    for name, why in _all_ignored(tag, attrib):
        if not _changes_nothing(tag, name, attrib[name], attrib):
            yield name, why


def _all_ignored(tag: str, attrib: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(attribute, why it is ignored), whatever its value."""
    generic = any(
        k[-6:] == "Method" or k[-11:] == "FallbackUrl" or k in _CREDENTIAL_NAMES for k in attrib
    )
    if tag not in _CHECKED and not generic:
        return
    if tag == "SpeakSentence" and "voice" not in attrib and not generic:
        return
    if tag == "Gather" and not generic and attrib.keys().isdisjoint(_SPEECH):
        return
    if tag == "SpeakSentence" and "voice" in attrib:
        for name in ("gender", "locale"):
            if name in attrib:
                known = KNOWN_VOICES.get(attrib["voice"].strip().lower())
                what = f" ({known.gender}, {known.locale})" if known is not None else ""
                yield (
                    name,
                    f"voice={attrib['voice']!r}{what} decides the voice; "
                    f"{name}={attrib[name]!r} is ignored",
                )
    if tag == "Gather" and attrib.get("input", "dtmf") == "dtmf":
        for name in _SPEECH:
            if name in attrib:
                yield (
                    name,
                    (
                        f"{name} only applies to speech input, and input is "
                        f'{attrib.get("input", "dtmf (the default)")!r}; set input="speech" or '
                        '"dtmf_speech"'
                    ),
                )
    if tag in ("Record", "StartRecording") and not is_truthy(attrib.get("transcribe")):
        for name in ("detectLanguage", "transcriptionAvailableUrl", "transcriptionAvailableMethod"):
            if name in attrib and not (name == "detectLanguage" and attrib[name] == "false"):
                yield name, f'{name} is ignored unless transcribe="true"'
    stacked = attrib.get("diversionTreatment") == "stack"
    if tag in ("Transfer", "Forward") and "diversionReason" in attrib and not stacked:
        yield "diversionReason", 'diversionReason is only used with diversionTreatment="stack"'

    if tag == "StartTranscription":
        if "stabilized" in attrib and "destination" not in attrib:
            yield "stabilized", "stabilized only applies to a destination WebSocket"
        if "preferredLanguages" in attrib and is_truthy(attrib.get("detectLanguage")):
            yield (
                "preferredLanguages",
                ('preferredLanguages is not used with detectLanguage="true"'),
            )
    if tag == "say-as" and "format" in attrib and attrib.get("interpret-as") != "date":
        yield "format", 'format only applies with interpret-as="date"'
    if not generic:
        return
    for name in attrib:
        if name.endswith("Method") and name != "Method":
            base = name[: -len("Method")]
            url = base if base == "partialResultCallback" else base + "Url"
            if url not in attrib and not (tag == "Gather" and name in _SPEECH):
                yield name, f"{name} is ignored without {url}"
        elif name.endswith("FallbackUrl"):
            primary = name[: -len("FallbackUrl")] + "Url"
            if primary not in attrib:
                yield name, f"{name} is only used when {primary} fails, and {primary} is not set"
    if tag not in _CREDENTIAL_TARGETS:
        webhooks = URL_ATTRIBUTES.get(tag, frozenset())
        urls = [n for n in attrib if n in webhooks]
        if ("username" in attrib or "password" in attrib) and not urls:
            for name in ("username", "password"):
                if name in attrib:
                    yield name, f"{name} is ignored: this <{tag}> has no webhook URL"
        fallbacks = [n for n in attrib if n.endswith("FallbackUrl")]
        if not fallbacks:
            for name in ("fallbackUsername", "fallbackPassword"):
                if name in attrib:
                    yield name, f"{name} is ignored: this <{tag}> has no fallback URL"


class IgnoredAttributeRule(Rule[NoOptions]):
    """An attribute that has no effect because another one decides.

    ## What it does
    Reports attributes that Bandwidth ignores in their combination:

    * `gender` and `locale` of a `<SpeakSentence>` that has a `voice`;
    * the speech attributes of `<Gather>` (`hints`, `language`, `speechModel`,
      `speechTimeout`, `profanityFilter`, `partialResultCallback`) when `input` is `dtmf`
      (the default);
    * `detectLanguage` and the transcription webhook without `transcribe="true"`;
    * `diversionReason` without `diversionTreatment="stack"`;
    * `stabilized` of `<StartTranscription>` without a `destination`, `preferredLanguages`
      with `detectLanguage="true"`;
    * a `*Method` or `*FallbackUrl` without its URL, credentials without any URL;
    * SSML `<say-as format>` unless `interpret-as="date"`.

    An ignored attribute is reported only when its value would change something: not when
    it is the documented default (`gender="female"`, `locale="en_US"`, any `*Method="POST"`,
    `profanityFilter="true"`, `diversionReason="unknown"`, ...) and not when a voice's
    `gender` and `locale` are the voice's own (SDKs such as the Java one always write
    `gender`/`locale` next to `voice`, and default `*FallbackMethod` values).

    ## Why is this bad?
    The document says something that does not happen: the caller hears the voice's own
    language, not the `locale`; speech hints do nothing on a DTMF-only gather.  Usually
    another attribute was forgotten or is wrong.

    ## Example
    ```xml
    <Response>
        <SpeakSentence voice="julie" locale="fr">Bonjour</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence voice="jolie">Bonjour</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX204"
    name = "ignored-attribute"
    summary = "An attribute that has no effect because another one decides"
    category = "call-flow"
    default_severity = Severity.WARNING

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.elements:
            if not element.attrib:
                continue
            for name, why in _ignored(element):
                yield Finding(why, element=element, attribute=name)
