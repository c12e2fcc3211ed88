"""One message per mistake: the words, the did-you-mean and the location, for every face.

``from_xml`` (and so ``bxmlkit check``), ``bxmlkit validate`` and lint build the message for
every kind of mistake here, so the same mistake reads the same everywhere: the *core* says
what is wrong, the *hint* what to write instead.  ``from_xml`` keeps the hint in its error's
``hint`` (``bxmlkit check`` prints ``core; hint``); ``validate`` and lint write ``core; hint``
as the message (lint adds its rule code, and a fix where one is safe: ``replacement``).
The suggestions come from ``bxmlkit._suggest``, the one did-you-mean; what a value may be,
in words, comes from ``bxmlkit.vocabulary`` (``Value.expected``), the one wording.

Where a mistake is (the one location rule, which every face follows):

* a mistake in an attribute (an unknown attribute, a bad value) is at the attribute's name;
* every other mistake of an element (unknown or misplaced element, missing attribute, bad,
  missing or unexpected text) is at the ``<`` that opens the element, **text mistakes
  included**: text may be missing (no position of its own), split by child elements and
  comments, or start with blanks, while the start tag always exists and is where an editor
  or a reader looks first;
* too many children: at the first child past the maximum; too few: at the parent.

No pydantic and no lxml here: the linter's start-up imports this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bxmlkit._legacy import LEGACY_ATTRIBUTES, LEGACY_VERBS
from bxmlkit._suggest import closest, normalise, suggest_attribute, suggest_element
from bxmlkit.vocabulary import DTMF_ALPHABET, ELEMENTS, ROOTS, VARIANTS, Element, Value

__all__ = [
    "Message",
    "construct_location",
    "declaration",
    "forbidden_construct",
    "invalid_text",
    "invalid_value",
    "misplaced_element",
    "missing_attribute",
    "missing_text",
    "namespaced_element",
    "nothing_to_speak",
    "show",
    "text_not_allowed",
    "too_few_children",
    "too_many_children",
    "unknown_attribute",
    "unknown_element",
    "wrong_root",
]

#: What XML counts as blank.
_BLANKS = " \t\r\n"
#: Values longer than this are shortened in messages.
_SHOW_LIMIT = 60


class Message(NamedTuple):
    """What is wrong (``core``) and, when known, what to do about it (``hint``)."""

    core: str
    hint: str = ""
    #: A safe mechanical replacement (a renamed attribute, a lowercase boolean), else None:
    #: lint offers it as a fix.
    replacement: str | None = None
    #: What was expected, in the vocabulary's words, when the vocabulary knows (else ""):
    #: the ``expected`` of the error or violation every face reports.
    expected: str = ""

    @property
    def text(self) -> str:
        """The one-line form: ``core; hint``."""
        return f"{self.core}; {self.hint}" if self.hint else self.core


def show(value: str) -> str:
    """A value quoted for a message: control whitespace visible, shortened when long."""
    flat = value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    if len(flat) > _SHOW_LIMIT:
        flat = flat[: _SHOW_LIMIT - 3] + "..."
    return f'"{flat}"'


def declaration(element: str, parent: str | None = None) -> Element | None:
    """The vocabulary's declaration of ``element`` inside ``parent`` (None if unknown)."""
    if parent is not None:
        variant = VARIANTS.get((element, parent))
        if variant is not None:
            return variant
    return ELEMENTS.get(element)


def _either(names: Sequence[str]) -> str:
    """``A``, ``A or B``, ``A, B or C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def _names(names: Sequence[str]) -> str:
    """``<A>``, ``<A> or <B>``, ``<A>, <B> or <C>``."""
    return _either([f"<{name}>" for name in names])


# -- constructs BXML forbids ---------------------------------------------------------------

_CONSTRUCTS = {
    "doctype": "a DOCTYPE",
    "entity": "an entity reference",
    "processing-instruction": "a processing instruction",
}


def forbidden_construct(kind: str, text: str) -> Message:
    """A DOCTYPE, entity reference or processing instruction (``kind``) written as ``text``."""
    shown = text if len(text) <= _SHOW_LIMIT else text[: _SHOW_LIMIT - 3] + "..."
    return Message(
        f"{_CONSTRUCTS.get(kind, kind)} is not allowed in BXML ({shown})",
        "a call-control document has no use for it, and it is how XML attacks arrive",
    )


def construct_location(document: str, kind: str, text: str, line: int) -> tuple[int, int]:
    """Where a forbidden construct starts in ``document``: its opening on ``line`` (libxml2
    gives only the line, sometimes 0), else its first occurrence anywhere, else the line."""
    needle = "<!DOCTYPE" if kind == "doctype" else text[:40]
    lines = document.splitlines()
    if 0 < line <= len(lines):
        found = lines[line - 1].find(needle)
        if found >= 0:
            return line, found + 1
    offset = document.find(needle)
    if offset < 0:
        return max(line, 1), 1
    start = document.rfind("\n", 0, offset) + 1
    return document.count("\n", 0, offset) + 1, offset - start + 1


# -- elements -------------------------------------------------------------------------------


def unknown_element(name: str, parent: str, allowed: Sequence[str]) -> Message:
    """``<name>`` is no BXML element; ``allowed`` are the elements ``<parent>`` may hold.

    BXML v1 verbs and habits from other markup get their advice (``<Say>``: text-to-speech is
    ``<SpeakSentence>``); a slip gets the closest allowed name; otherwise the allowed names.
    """
    core = f"unknown element <{name}> inside <{parent}>"
    legacy = LEGACY_VERBS.get(name)
    if legacy is not None:
        return Message(core, f"a BXML v1 verb that v2 removed; {legacy}")
    if name == "speak" and parent == "SpeakSentence":
        return Message(
            core,
            "<SpeakSentence> is already the SSML root: drop the <speak> and </speak> tags and "
            "keep what is between them",
        )
    if not allowed:
        return Message(core, f"<{parent}> takes no child elements")
    suggestion = suggest_element(name, allowed)
    if suggestion is not None:
        return Message(core, suggestion.advice)
    return Message(core, "allowed: " + ", ".join(allowed))


def namespaced_element(name: str, parent: str) -> Message:
    """``<name>`` (as written, ``x:Foo``) is in an XML namespace, which no BXML element is."""
    return Message(f"unknown element <{name}> inside <{parent}>", "BXML elements have no namespace")


#: (parent, child) -> why a BXML element cannot be there, for the common mix-ups.
_MISPLACED_ADVICE = {
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


def misplaced_element(name: str, parent: str, allowed: Sequence[str]) -> Message:
    """``<name>`` is a BXML element, but ``<parent>`` (which holds ``allowed``) cannot hold it.

    The advice, in order: a known mix-up; a parent that takes no child elements; where a
    noun or SSML element goes; what the parent holds.
    """
    core = f"<{name}> is not allowed inside <{parent}>"
    advice = _MISPLACED_ADVICE.get((parent, name))
    if advice is not None:
        return Message(core, advice)
    if not allowed:
        return Message(core, f"<{parent}> takes no child elements")
    declared = ELEMENTS.get(name)
    if declared is not None and declared.category not in ("verb", "root") and declared.parents:
        parents = list(declared.parents)
        parents += [p for (n, p) in VARIANTS if n == name and p not in parents]
        return Message(core, f"it goes inside {_names(parents)}")
    return Message(core, "allowed: " + ", ".join(allowed))


def too_many_children(parent: str, names: Sequence[str], maximum: int, count: int) -> Message:
    """``<parent>`` holds ``count`` of ``names`` where at most ``maximum`` are allowed."""
    noun = "child" if maximum == 1 else "children"
    expected = f"at most {maximum} {_either(names)} {noun}"
    return Message(
        f"<{parent}> allows {expected}; found {count}",
        f"remove {count - maximum} of them",
        expected=expected,
    )


def too_few_children(
    parent: str, names: Sequence[str], minimum: int, maximum: int | None
) -> Message:
    """``<parent>`` holds fewer than ``minimum`` of ``names``."""
    noun = "child" if minimum == 1 else "children"
    amount = "exactly" if minimum == maximum else "at least"
    span = f"{minimum} to {maximum}" if maximum is not None and maximum != minimum else ""
    hint = f"add {_names(names)}" + (f" ({span} in all)" if span else "")
    expected = f"{amount} {minimum} {_either(names)} {noun}"
    return Message(f"<{parent}> needs {expected}", hint, expected=expected)


def wrong_root(name: str, children: Sequence[str] = ()) -> Message:
    """The root element is ``<name>`` (holding ``children``), not a BXML root.

    The advice: an ``<xml>`` wrapper an old SDK put around a real root, BXML v1's
    ``<Request>``, a slip of case or spelling, else what each root is for.
    """
    core = f"the root element must be {' or '.join(f'<{root}>' for root in ROOTS)}, not <{name}>"
    return Message(core, _root_advice(name, children), expected=ROOTS_EXPECTED)


#: What a document's root must be, as every face's ``expected`` says it.
ROOTS_EXPECTED = " or ".join(ROOTS)


def _root_advice(name: str, children: Sequence[str]) -> str:
    if name.lower() == "xml" and len(children) == 1 and children[0] in ROOTS:
        return f"remove the <{name}> wrapper that an old SDK put around the document"
    if name == "Request":
        return "<Request> is a BXML v1 (php SDK) root; BXML v2 uses <Response>"
    same = [root for root in ROOTS if normalise(root) == normalise(name)]
    if same:
        return f"element names are case-sensitive: did you mean <{same[0]}>?"
    guess = closest(name, ROOTS)
    if guess is not None:
        return f"did you mean <{guess}>?"
    return "<Response> answers a webhook, <Bxml> is the body of an update-call request"


# -- attributes -----------------------------------------------------------------------------

#: (element, required attribute) -> its purpose, where that says more than its value's wording.
_REQUIRED_ADVICE = {
    ("Redirect", "redirectUrl"): "the URL that returns the next BXML",
    ("StartStream", "destination"): "the WebSocket URL, wss://...",
    ("StartGather", "dtmfUrl"): "the URL that receives each digit",
    ("Forward", "to"): "an E.164 number or a sip: URI",
    ("StopStream", "name"): "the name given to <StartStream name=...>",
    ("StopTranscription", "name"): "the name given to <StartTranscription name=...>",
}


def _owners(name: str, element: str) -> list[str]:
    """The few (at most three) other elements that have an attribute ``name``."""
    owners = sorted(
        tag
        for tag, declared in ELEMENTS.items()
        if name in declared.attributes and tag != element and declared.category != "root"
    )
    return owners if len(owners) <= 3 else []


def unknown_attribute(name: str, element: str, parent: str | None = None) -> Message:
    """``<element>`` (inside ``<parent>``) has no attribute ``name``; expected: the
    attributes it has there."""
    declared = declaration(element, parent)
    allowed = ", ".join(declared.attributes) if declared is not None else ""
    return _unknown_attribute(name, element, parent)._replace(expected=allowed or "no attributes")


def _unknown_attribute(name: str, element: str, parent: str | None) -> Message:
    """The words and the advice for ``unknown_attribute``.

    The advice, in order: xsi: attributes; a BXML v1 attribute (its v2 name, renamed safely
    where the meaning is the same); a slip of case or snake_case (a safe rename); an element that
    takes no attributes here; a habit from other markup; another element that has it; the
    closest attribute name.
    """
    core = f'unknown attribute "{name}" on <{element}>'
    if name.startswith("xsi:"):
        return Message(core, "BXML takes no xsi: attributes (no schema locations, types or nil)")
    legacy = LEGACY_ATTRIBUTES.get((element, name))
    if legacy is not None and legacy.replacement is not None:
        hint = f'a BXML v1 attribute; v2 calls it "{legacy.replacement}": {legacy.advice}'
        return Message(core, hint, legacy.replacement if legacy.rename else None)
    if legacy is not None:
        return Message(core, f"a BXML v1 attribute with no v2 equivalent: {legacy.advice}")
    declared = declaration(element, parent)
    allowed = list(declared.attributes) if declared is not None else []
    main = ELEMENTS.get(element)
    if main is not None and declared is not main and name in main.attributes:
        where = f"<{element}> inside <{parent}>"
        return Message(
            core, f"{where} takes no attributes" if not allowed else f"{where} takes no {name}"
        )
    suggestion = suggest_attribute(element, name, allowed)
    if suggestion is not None and suggestion.safe and suggestion.name is not None:
        return Message(core, f'did you mean "{suggestion.name}"?', suggestion.name)
    if not allowed:
        return Message(core, f"<{element}> takes no attributes")
    owners = _owners(name, element)
    if owners:
        return Message(core, f"it belongs on {_names(owners)}: move it there")
    if suggestion is None:
        return Message(core)
    if suggestion.name is not None and suggestion.advice.startswith("did you mean"):
        return Message(core, f'did you mean "{suggestion.name}"?')
    return Message(core, suggestion.advice)


def missing_attribute(name: str, element: str, parent: str | None = None) -> Message:
    """``<element>`` lacks the required attribute ``name``."""
    core = f"<{element}> is missing required attribute {name}"
    declared = declaration(element, parent)
    attribute = declared.attributes.get(name) if declared is not None else None
    advice = _REQUIRED_ADVICE.get((element, name))
    if advice is None and attribute is not None and attribute.value.expected != "any text":
        advice = attribute.value.expected
    expected = attribute.value.expected if attribute is not None else ""
    return Message(core, f"{name}: {advice}" if advice else "", expected=expected)


def _value_hint(value: str, kind: Value) -> tuple[str, str | None]:
    """(hint, safe replacement) for a value ``kind`` rejects."""
    stripped = value.strip(_BLANKS)
    if kind.base == "boolean" and stripped.lower() in ("true", "false"):
        right = stripped.lower()
        return f'BXML booleans are lowercase: write "{right}"', right
    if kind.values and stripped != value and stripped in kind.values:
        return f'remove the blanks around "{stripped}"', stripped
    if kind.values:
        same = [option for option in kind.values if option.lower() == stripped.lower()]
        if same:
            return f'values are case-sensitive: did you mean "{same[0]}"?', None
        guess = closest(stripped, kind.values)
        if guess is not None:
            return f'did you mean "{guess}"?', None
    if kind.max_length is not None and len(stripped) > kind.max_length:
        return f"it has {len(stripped)} characters", None
    if kind.kind == "dtmf":
        bad = sorted({c for c in stripped if c not in DTMF_ALPHABET})
        if bad:
            listed = ", ".join(show(c) for c in bad)
            return f"{listed} {'is' if len(bad) == 1 else 'are'} not DTMF", None
    return "", None


def invalid_value(element: str, parent: str | None, name: str, value: str) -> Message:
    """The value ``value`` of attribute ``name`` of ``<element>`` is not one it accepts."""
    declared = declaration(element, parent)
    attribute = declared.attributes.get(name) if declared is not None else None
    subject = f"{element} attribute {name}={show(value)}"
    if attribute is None:
        return Message(f"{subject} is invalid")
    hint, replacement = _value_hint(value, attribute.value)
    expected = attribute.value.expected
    return Message(f"{subject} is invalid: expected {expected}", hint, replacement, expected)


# -- text -----------------------------------------------------------------------------------


def invalid_text(element: str, parent: str | None, text: str) -> Message:
    """The text ``text`` of ``<element>`` is not what it accepts."""
    declared = declaration(element, parent)
    value = text.strip(_BLANKS)
    subject = f"<{element}> text {show(value)}"
    if declared is None or declared.text is None:
        return Message(f"{subject} is invalid")
    hint, _ = _value_hint(value, declared.text)
    expected = declared.text.expected
    return Message(f"{subject} is invalid: expected {expected}", hint, expected=expected)


def missing_text(element: str, parent: str | None = None) -> Message:
    """``<element>`` has no text, and needs some."""
    declared = declaration(element, parent)
    core = f"<{element}> has no text"
    if declared is None or declared.text is None:
        return Message(core)
    return Message(f"{core}: expected {declared.text.expected}", expected=declared.text.expected)


def nothing_to_speak() -> Message:
    """A ``<SpeakSentence>`` with no words in it (blank, or SSML tags without text)."""
    return Message(
        "<SpeakSentence> has no text to speak", "write the words inside it", expected="some text"
    )


def text_not_allowed(element: str, parent: str | None, text: str) -> Message:
    """``<element>`` holds text ``text`` where it takes none."""
    declared = declaration(element, parent)
    core = f"unexpected text {show(text.strip(_BLANKS))} inside <{element}>"
    if declared is None or not declared.children:
        hint = f"<{element}> takes no text"
    elif "SpeakSentence" in declared.children:
        hint = "text to speak goes inside <SpeakSentence>"
    else:
        hint = f"<{element}> holds only elements: {', '.join(declared.children)}"
    return Message(core, hint, expected="no text")
