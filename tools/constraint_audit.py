# ruff: noqa: E501
"""The constraint audit: every constraint the BXML reference states, and where it is enforced.

Walks the reference (``tests/data/reference/bxml-v2.json``, a copy of ``shared/reference/bxml-v2.json``)
and lists each constraint it states: per attribute its type, range, allowed values, length,
requiredness and the rules written in its notes; per element its text, children, counts,
context and the rules in its ``constraints``; per SSML tag its attributes and limits; the
general rules.  For each it finds *by running a probe* where bxmlkit enforces it: a document
that breaks exactly that constraint is read by the models (``from_xml``), validated against
the XSD and linted, and the audit records which of the three refused it (and with which lint
codes).  Constraints that no document can show broken (media formats, per-call limits,
server behaviour) carry the reason they are not checkable offline.

    python tools/constraint_audit.py            # rewrite docs/guides/constraints.{json,md}
    python tools/constraint_audit.py --check    # exit 1 when the files are stale

``tests/test_constraint_audit.py`` fails when a constraint has no entry (no enforcement and
no reason), when a classified constraint no longer exists in the reference, or when the
files are stale.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference" / "bxml-v2.json"
JSON_OUT = ROOT / "docs" / "guides" / "constraints.json"
MD_OUT = ROOT / "docs" / "guides" / "constraints.md"


@dataclass
class Constraint:
    """One stated constraint, how to break it, and (after probing) where it is enforced."""

    id: str
    subject: str
    kind: str
    states: str
    #: A document that breaks this constraint and nothing else (None: no probe).
    probe: str | None = None
    context: str | None = None
    #: The valid document the probe was made from (what it reports is not the probe's).
    baseline: str | None = None
    model: bool = False
    xsd: bool = False
    lint: list[str] = field(default_factory=list)
    #: Why it cannot be checked offline (set for constraints with no probe).
    offline: str | None = None

    def where(self) -> str:
        places = []
        if self.model:
            places.append("model")
        if self.xsd:
            places.append("XSD")
        places.extend(self.lint)
        if places:
            return ", ".join(places)
        return f"not checkable offline: {self.offline}" if self.offline else "MISSING"


# -- documents ---------------------------------------------------------------------------------
#: Valid text for elements whose text is required.
TEXT = {
    "Bridge": "c-95ac8d6e-1a8d4f31-a3fb-0d9c43a4e1f0",
    "Conference": "my-conference",
    "Endpoint": "e-1234",
    "PhoneNumber": "+15555551212",
    "SipUri": "sip:user@server.example.com",
    "PlayAudio": "https://media.example.com/hello.wav",
    "SpeakSentence": "Hello",
    "SendDtmf": "123",
    "Tag": "t",
}
#: Valid values for required attributes.
REQUIRED_VALUES = {
    ("Forward", "to"): "+15555551212",
    ("StartGather", "dtmfUrl"): "https://example.com/dtmf",
    ("StartStream", "destination"): "wss://example.com/stream",
    ("Redirect", "redirectUrl"): "https://example.com/next",
    ("StreamParam", "name"): "a",
    ("StreamParam", "value"): "b",
    ("CustomParam", "name"): "a",
    ("CustomParam", "value"): "b",
    ("StopStream", "name"): "s1",
}
PARENTS = {
    "Endpoint": "Connect",
    "PhoneNumber": "Transfer",
    "SipUri": "Transfer",
    "StreamParam": "StartStream",
    "CustomParam": "StartTranscription",
}


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def start_tag(name: str, attributes: dict[str, str], reference: dict[str, Any]) -> str:
    attrs = {
        a["name"]: REQUIRED_VALUES[(name, a["name"])]
        for a in reference[name]["attributes"]
        if a["required"]
    }
    attrs.update(attributes)
    written = "".join(f' {k}="{_escape(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{written}"


def element_xml(
    name: str,
    reference: dict[str, Any],
    *,
    attributes: dict[str, str] | None = None,
    text: str | None = None,
    inner: str | None = None,
) -> str:
    head = start_tag(name, attributes or {}, reference)
    if text is None and inner is None:
        text = TEXT.get(name)
    body = (_escape(text) if text is not None else "") + (inner or "")
    if not body:
        default_children = {"Transfer": "PhoneNumber", "Connect": "Endpoint", "Refer": "SipUri"}
        child = default_children.get(name)
        if child is not None:
            body = element_xml(child, reference)
    return f"{head}>{body}</{name}>" if body else f"{head}/>"


def document(
    name: str,
    reference: dict[str, Any],
    *,
    attributes: dict[str, str] | None = None,
    text: str | None = None,
    inner: str | None = None,
) -> str:
    """A minimal valid ``<Response>`` around one element (and its parent, for a noun)."""
    xml = element_xml(name, reference, attributes=attributes, text=text, inner=inner)
    parent = PARENTS.get(name)
    if parent is not None:
        head = start_tag(parent, {}, reference)
        xml = f"{head}>{xml}</{parent}>"
    return f"<Response>{xml}</Response>"


def bad_value(kind: str) -> str:
    return {"int": "many", "float": "soon", "bool": "yes", "url": "https://exa mple.com/a b"}[kind]


def with_partner(attr: str, value: str, element: dict[str, Any]) -> dict[str, str]:
    """``{attr: value}`` plus the attribute it needs to matter (a method's or a fallback's
    URL), so that the probe breaks only the constraint it is about."""
    names = {a["name"] for a in element["attributes"]}
    result = {attr: value}
    partner = None
    if attr.endswith("Method"):
        base = attr[: -len("Method")]
        partner = base if base in names else base + "Url"
    elif attr.endswith("FallbackUrl"):
        partner = attr[: -len("FallbackUrl")] + "Url"
    if partner in names and partner != attr:
        result[partner] = "https://example.com/hook"
        if partner.endswith("FallbackUrl"):
            primary = partner[: -len("FallbackUrl")] + "Url"
            if primary in names:
                result[primary] = "https://example.com/hook"
    return result


# -- the walk ----------------------------------------------------------------------------------
def walk(ref: dict[str, Any]) -> list[Constraint]:
    """Every constraint the reference states, with a probe where one can be written."""
    elements = {e["name"]: e for e in ref["elements"]}
    found: list[Constraint] = []
    add = found.append
    for name, element in elements.items():
        for attribute in element["attributes"]:
            attr = attribute["name"]
            subject = f"<{name} {attr}>"
            prefix = f"{name}@{attr}"
            kind = attribute["type"]
            if kind in ("int", "float", "bool", "url"):
                add(Constraint(f"{prefix}:type", subject, "type", kind,
                               document(name, elements, attributes=with_partner(attr, bad_value(kind), element))))  # fmt: skip
            if attribute.get("allowed"):
                allowed = attribute["allowed"]
                add(Constraint(f"{prefix}:allowed", subject, "allowed values",
                               ", ".join(allowed),
                               document(name, elements, attributes=with_partner(attr, "not-a-value", element))))  # fmt: skip
            bounds = attribute.get("range") or {}
            for end, offset in (("min", -1.0), ("max", 1.0)):
                limit = bounds.get(end)
                if limit is None:
                    continue
                value = limit + offset
                shown = (
                    str(int(value)) if kind == "int" or float(value).is_integer() else str(value)
                )
                if kind == "float" and end == "min" and 0 < limit < 1:
                    shown = "0"
                add(Constraint(f"{prefix}:{end}", subject, "range", f"{end} {limit}",
                               document(name, elements, attributes={attr: shown})))  # fmt: skip
            if attribute.get("max_length"):
                limit = attribute["max_length"]
                add(Constraint(f"{prefix}:max_length", subject, "length", f"at most {limit}",
                               document(name, elements, attributes={attr: "x" * (limit + 1)})))  # fmt: skip
            if attribute["required"]:
                without = start_tag(name, {}, elements).replace(
                    f' {attr}="{_escape(REQUIRED_VALUES[(name, attr)])}"', ""
                )
                xml = document(name, elements).replace(start_tag(name, {}, elements), without, 1)
                add(Constraint(f"{prefix}:required", subject, "required", "required", xml))
            for rule_id, phrase in NOTE_RULES.get((name, attr), ()):
                if phrase.lower() in (attribute.get("notes") or "").lower():
                    add(Constraint(f"{prefix}:{rule_id}", subject, "rule (notes)", phrase))
        text = element["text_content"]
        usage = text.get("usage")
        subject = f"<{name}>"
        if usage == "required":
            add(Constraint(f"{name}:text-required", f"{subject} text", "content",
                           "text required", document(name, elements, text="")))  # fmt: skip
        elif usage == "none":
            add(Constraint(f"{name}:no-text", f"{subject} text", "content", "no text content",
                           document(name, elements, text="words")))  # fmt: skip
        if text.get("max_length"):
            limit = text["max_length"]
            sample = "a" * (limit + 1)
            add(Constraint(f"{name}:text-max_length", f"{subject} text", "length",
                           f"at most {limit}", document(name, elements, text=sample)))  # fmt: skip
        if text.get("pattern"):
            add(Constraint(f"{name}:text-pattern", f"{subject} text", "format", text["pattern"],
                           document(name, elements, text="bad value!")))  # fmt: skip
        listed = [c["name"] for c in element["children"] if "name" in c]
        if not listed and usage != "mixed" and name not in ("SpeakSentence",):
            add(Constraint(f"{name}:no-children", f"{subject} children", "children", "none",
                           document(name, elements, inner="<Hangup/>",
                                    text=TEXT.get(name, ""))))  # fmt: skip
        elif listed and element["children"][0].get("kind") != "ssml":
            add(Constraint(f"{name}:children", f"{subject} children", "children",
                           ", ".join(listed),
                           document(name, elements, inner="<Hangup/>")))  # fmt: skip
        for child in element["children"]:
            if "name" not in child or child.get("kind") == "ssml":
                continue
            if child.get("min"):
                add(Constraint(f"{name}>{child['name']}:min", f"{subject} children", "count",
                               f"at least {child['min']} <{child['name']}>",
                               f"<Response><{name}/></Response>"
                               if not element["attributes"] or name != "StartStream"
                               else None))  # fmt: skip
            if child.get("max"):
                many = element_xml(child["name"], elements) * (child["max"] + 1)
                add(Constraint(f"{name}>{child['name']}:max", f"{subject} children", "count",
                               f"at most {child['max']} <{child['name']}>",
                               document(name, elements, inner=many)))  # fmt: skip
            if "group_constraint" in child:
                continue
        for child in element["children"]:
            if "group_constraint" in child:
                add(Constraint(f"{name}:children-group", f"{subject} children", "count",
                               child["group_constraint"]))  # fmt: skip
        if element.get("parent"):
            add(Constraint(f"{name}:parent", subject, "context",
                           "only inside " + " or ".join(f"<{p}>" for p in element["parent"]),
                           f"<Response>{element_xml(name, elements)}</Response>"))  # fmt: skip
        for sentence in element.get("constraints", []):
            add(Constraint(f"{name}:rule-{_slug(sentence)}", subject, "rule", sentence))
        ssml = element.get("ssml") or {}
        for tag, spec in ssml.items():
            for attr, allowed in (spec.get("attributes") or {}).items():
                cid = f"ssml:{tag}@{attr}"
                where = f"SSML <{tag} {attr}>"
                if isinstance(allowed, list):
                    xml = document("SpeakSentence", elements,
                                   inner=f'<{tag} {attr}="not-a-value">x</{tag}>')  # fmt: skip
                    add(
                        Constraint(
                            cid + ":allowed", where, "allowed values", ", ".join(allowed), xml
                        )
                    )
                else:
                    add(Constraint(cid + ":format", where, "format", allowed,
                                   SSML_FORMAT_PROBES.get(cid)))  # fmt: skip
            if spec.get("content") == "empty":
                add(Constraint(f"ssml:{tag}:empty", f"SSML <{tag}>", "content", "empty",
                               document("SpeakSentence", elements,
                                        inner=f"Hi <{tag}>words</{tag}>")))  # fmt: skip
            if spec.get("notes"):
                add(Constraint(f"ssml:{tag}:notes", f"SSML <{tag}>", "rule", spec["notes"],
                               SSML_NOTE_PROBES.get(tag)))  # fmt: skip
        if ssml:
            add(Constraint("ssml:tags", "SSML in <SpeakSentence>", "children",
                           ", ".join(sorted(ssml)),
                           document("SpeakSentence", elements, inner="Hi <audio>x</audio>")))  # fmt: skip
    for key, statement in ref["general"].items():
        said = "no namespace" if statement is None else str(statement)
        add(Constraint(f"general:{key}", "document", "general", said, GENERAL_PROBES.get(key)))
    families = ref["callback_attribute_families"]
    add(Constraint("general:callback-family", "*Url/*Method attributes", "general",
                   families["pattern"]))  # fmt: skip
    add(Constraint("general:tag-attribute", "tag attribute", "general", families["tag_attribute"]))
    for root, spec in ref["roots"].items():
        add(Constraint(f"root:{root}:children", f"<{root}>", "children",
                       ", ".join(spec["children"]),
                       f"<{root}><PhoneNumber>+15555551212</PhoneNumber></{root}>"))  # fmt: skip
        if spec.get("may_be_empty"):
            add(Constraint(f"root:{root}:may-be-empty", f"<{root}>", "content", "may be empty"))
    add(Constraint("root:only-two", "document", "general", "root is <Response> or <Bxml>",
                   "<Request><Hangup/></Request>"))  # fmt: skip
    conference = ref["context_restrictions"]["conference_bxml"]["allowed"]
    for verb in ref["roots"]["Response"]["children"]:
        if verb not in conference:
            add(Constraint(f"context:conference:{verb}", f"<{verb}> in conference BXML",
                           "context", "only " + ", ".join(conference),
                           document(verb, elements), "conference"))  # fmt: skip
    transfer = ref["context_restrictions"]["transfer_answer_bxml"]
    for verb in transfer["not_allowed"]:
        add(Constraint(f"context:transfer-answer:{verb}", f"<{verb}> in transfer-answer BXML",
                       "context", "not allowed", document(verb, elements), "transfer-answer"))  # fmt: skip
    for verb in transfer["unlisted"]:
        add(Constraint(f"context:transfer-answer-unlisted:{verb}",
                       f"<{verb}> in transfer-answer BXML", "context",
                       "unlisted (neither allowed nor forbidden)",
                       document(verb, elements), "transfer-answer"))  # fmt: skip
    return found


def _slug(sentence: str) -> str:
    words = re.findall(r"[a-z0-9]+", sentence.lower())[:6]
    return "-".join(words)


#: Rules stated in attribute notes: (element, attribute) -> (rule id, the reference's phrase).
NOTE_RULES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("Forward", "uui"): (("encoding", "Must include the RFC 7433 'encoding' parameter"),),
    ("SipUri", "uui"): (("encoding", "Must include the RFC 7433 'encoding' parameter"),),
    ("Forward", "to"): (("format", "E.164 number"),),
    ("Forward", "callerDisplayName"): (("no-control", "no control characters"),),
    ("Transfer", "transferCallerDisplayName"): (("no-control", "No control characters"),),
    ("StartStream", "name"): (("unique", "Must be unique per call"),),
    ("StartTranscription", "name"): (("unique", "Must be unique per call"),),
    ("StartStream", "destination"): (("wss", "WebSocket URI (wss://...)"),),
    ("StartTranscription", "stabilized"): (("requires-destination", "requires destination"),),
    ("StartTranscription", "detectLanguage"): (
        ("not-with-preferred", "Must be false when preferredLanguages is used"),
    ),
    ("Forward", "diversionReason"): (("only-stack", 'Only considered when diversionTreatment="stack"'),),
    ("Transfer", "diversionReason"): (("only-stack", 'Only considered when diversionTreatment="stack"'),),
    ("SpeakSentence", "voice"): (("wins", "If present, gender and locale are ignored"),),
    ("Record", "username"): (("https", "If set, the URLs must be https"),),
    ("StartRecording", "username"): (("https", "If set, the URLs must be https"),),
    ("StartStream", "username"): (("https", "If set, the URLs must be https"),),
    ("StartTranscription", "username"): (("https", "If set, the URLs must be https"),),
    ("Record", "detectLanguage"): (("needs-transcribe", "ignored unless transcribe="),),
    ("StartRecording", "detectLanguage"): (("needs-transcribe", "Ignored unless transcribe=true"),),
    ("Gather", "repeatCount"): (("prompt-limit", "repeatCount * (number of nested verbs) must be <= 20"),),
    ("Gather", "hints"): (("speech-only", "used only when input includes speech"),),
    ("Gather", "language"): (("speech-only", "used only when input includes speech"),),
    ("Gather", "speechModel"): (("speech-only", "used only when input includes speech"),),
    ("Gather", "speechTimeout"): (("speech-only", "used only when input includes speech"),),
    ("Gather", "profanityFilter"): (("speech-only", "used only when input includes speech"),),
    ("Conference", "conferenceEventUrl"): (("creator-only", "ignored on later joiners"),),
    ("Conference", "callIdsToCoach"): (("one-coach", "only one coach at a time"),),
    ("StartTranscription", "preferredLanguages"): (
        ("one-dialect", "at most one dialect per language"),
    ),
}  # fmt: skip

SSML_FORMAT_PROBES = {
    "ssml:break@time": '<Response><SpeakSentence>Hi <break time="11s"/></SpeakSentence></Response>',
    "ssml:prosody@pitch": '<Response><SpeakSentence><prosody pitch="loudish">x</prosody></SpeakSentence></Response>',
    "ssml:prosody@rate": '<Response><SpeakSentence><prosody rate="-20%">x</prosody></SpeakSentence></Response>',
    "ssml:prosody@volume": '<Response><SpeakSentence><prosody volume="quiet">x</prosody></SpeakSentence></Response>',
    "ssml:phoneme@ph": '<Response><SpeakSentence><phoneme>x</phoneme></SpeakSentence></Response>',
    "ssml:sub@alias": '<Response><SpeakSentence><sub>W3C</sub></SpeakSentence></Response>',
}  # fmt: skip
SSML_NOTE_PROBES = {
    "say-as": '<Response><SpeakSentence><say-as interpret-as="cardinal" format="mdy">1</say-as></SpeakSentence></Response>',
}  # fmt: skip
GENERAL_PROBES = {
    "namespace": '<Response xmlns="https://bandwidth.com/bxml"><Hangup/></Response>',
    "max_document_size": "<Response>" + "<Pause/>" * 9000 + "</Response>",
    "booleans": '<Response><Ring answerCall="True"/></Response>',
    "attribute_naming": '<Response><Pause Duration="1"/></Response>',
    "encoding": '<?xml version="1.0" encoding="UTF-8"?><Response><SpeakSentence>caf\udce9</SpeakSentence></Response>',
    "implicit_hangup": "<Response/>",
    "invalid_bxml": "<Response><Hangup></Response>",
}  # fmt: skip

#: Constraints no document can show broken: id (or id prefix ending in ':') -> the reason.
OFFLINE: dict[str, str] = {
    "Bridge:rule-target-call-cannot-be-bridged-if": "depends on the live state of the target call",
    "Bridge:rule-any-bxml-being-executed-on": "server behaviour on the target call, not a document property",
    "Conference:rule-max-20-calls-in-one": "counts calls across the whole conference at run time",
    "Conference@conferenceEventUrl:creator-only": "depends on whether the conference already exists",
    "Conference@callIdsToCoach:one-coach": "depends on the other members of the live conference",
    "Connect:rule-not-documented-in-docs2023-docs2022": "a documentation status, not a rule on documents",
    "Forward:rule-when-either-leg-hangs-up": "server behaviour (a webhook), not a document property",
    "Gather:rule-terminates-on-terminating-digit-interdigittimeout": "run-time behaviour of the gather",
    "Gather:rule-partial-gather-events-sent-to": "run-time webhook behaviour",
    "Gather:rule-no-sdk-spec-or-docs-excerpt": "a gap in the documentation, not a rule",
    "Hangup:rule-if-bxml-execution-ends-without": "run-time behaviour",
    "PlayAudio:rule-only-wav-and-mp3-supported": "the media is fetched at run time; the URL need not name a format (the Content-Type decides)",
    "PlayAudio:rule-format-chosen-by-content-type": "the media's Content-Type is only known when it is fetched",
    "PlayAudio:rule-wav-g711-u-law-a": "the media's encoding is only known when it is fetched",
    "Record:rule-recordings-are-kept-30-days": "retention on the server",
    "Refer:rule-only-supported-on-inbound-sip": "depends on how the call arrived",
    "Refer:rule-after-a-successful-refer-the": "run-time behaviour",
    "Refer:rule-if-the-caller-endpoint-accepts": "run-time behaviour (a SIP timeout)",
    "StartStream:rule-max-4-concurrent-track-streams": "streams started by earlier documents of the call count too",
    "StartStream:rule-media-audio-pcmu-at-8000": "a property of the media stream",
    "StartStream:rule-non-blocking-if-it-is": "run-time behaviour",
    "StartTranscription@preferredLanguages:one-dialect": "the supported locale list is not stated",
    "general:relative_urls": "a permission (relative URLs are allowed); BX209 warns when one looks like a host name",
    "context:transfer-answer-unlisted:": "the reference neither allows nor forbids it in transfer-answer BXML (decision documented in BX205: not reported)",
    "general:webhook_defaults": "webhook delivery settings, not a document property",
    "root:Response:may-be-empty": "a permission, not a restriction (BX206 notes the hang-up)",
}
#: Probes for constraints stated in words (notes, ``constraints``): id prefix -> a document
#: that breaks the constraint (an element's valid document is the baseline).
MANUAL: dict[str, str] = {
    "Forward@to:format": '<Response><Forward to="5551212"/></Response>',
    "Forward@callerDisplayName:no-control": '<Response><Forward to="+15555551212" callerDisplayName="Ann&#10;Lee"/></Response>',
    "Transfer@transferCallerDisplayName:no-control": '<Response><Transfer transferCallerDisplayName="Ann&#10;Lee"><PhoneNumber>+15555551212</PhoneNumber></Transfer></Response>',
    "Forward@uui:encoding": '<Response><Forward to="+15555551212" uui="abc"/></Response>',
    "SipUri@uui:encoding": '<Response><Transfer><SipUri uui="abc">sip:a@example.com</SipUri></Transfer></Response>',
    "Forward@diversionReason:only-stack": '<Response><Forward to="+15555551212" diversionReason="away"/></Response>',
    "Transfer@diversionReason:only-stack": '<Response><Transfer diversionReason="away"><PhoneNumber>+15555551212</PhoneNumber></Transfer></Response>',
    "Gather@repeatCount:prompt-limit": "<Response><Gather repeatCount=\"11\"><SpeakSentence>a</SpeakSentence><SpeakSentence>b</SpeakSentence></Gather></Response>",
    "Gather:children-group": "<Response><Gather>" + "<SpeakSentence>a</SpeakSentence>" * 21 + "</Gather></Response>",
    "Gather@hints:speech-only": '<Response><Gather hints="sales"/></Response>',
    "Gather@language:speech-only": '<Response><Gather language="en-US"/></Response>',
    "Gather@speechModel:speech-only": '<Response><Gather speechModel="x"/></Response>',
    "Gather@speechTimeout:speech-only": '<Response><Gather speechTimeout="3"/></Response>',
    "Gather@profanityFilter:speech-only": '<Response><Gather profanityFilter="false"/></Response>',
    "Gather:rule-speech-attributes-hints-language": '<Response><Gather hints="sales"/></Response>',
    "SpeakSentence@voice:wins": '<Response><SpeakSentence voice="julie" locale="fr">Hi</SpeakSentence></Response>',
    "Record@detectLanguage:needs-transcribe": '<Response><Record detectLanguage="true"/></Response>',
    "StartRecording@detectLanguage:needs-transcribe": '<Response><StartRecording detectLanguage="true"/></Response>',
    "Record@username:https": '<Response><Record recordCompleteUrl="http://example.com/r" username="u" password="p"/></Response>',
    "StartRecording@username:https": '<Response><StartRecording recordingAvailableUrl="http://example.com/r" username="u" password="p"/></Response>',
    "StartStream@username:https": '<Response><StartStream destination="wss://example.com/s" streamEventUrl="http://example.com/r" username="u" password="p"/></Response>',
    "StartTranscription@username:https": '<Response><StartTranscription transcriptionEventUrl="http://example.com/r" username="u" password="p"/></Response>',
    "StartStream@destination:wss": '<Response><StartStream destination="https://example.com/s"/></Response>',
    "StartStream@name:unique": '<Response><StartStream name="a" destination="wss://example.com/s"/><StartStream name="a" destination="wss://example.com/t"/></Response>',
    "StartTranscription@name:unique": '<Response><StartTranscription name="a"/><StartTranscription name="a"/></Response>',
    "StartTranscription@stabilized:requires-destination": '<Response><StartTranscription stabilized="false"/></Response>',
    "StartTranscription@detectLanguage:not-with-preferred": '<Response><StartTranscription detectLanguage="true" preferredLanguages="fr-FR"/></Response>',
    "StartRecording:rule-only-one-startrecording-may": "<Response><StartRecording/><StartRecording/></Response>",
    "StartGather:rule-cannot-be-used-with-forward": '<Response><StartGather dtmfUrl="https://example.com/d"/><Forward to="+15555551212"/></Response>',
    "StartGather:rule-dtmfurl-has-no-optional": "<Response><StartGather/></Response>",
    "StartRecording:rule-no-fallback-url": '<Response><StartRecording recordingAvailableFallbackUrl="https://example.com/f"/></Response>',
    "Refer:rule-no-username-password-or": '<Response><Refer username="u"><SipUri>sip:a@example.com</SipUri></Refer></Response>',
    "Transfer:children-group": "<Response><Transfer>" + "<PhoneNumber>+15555551212</PhoneNumber>" * 9 + "</Transfer></Response>",
    "Redirect:rule-should-be-the-last": '<Response><Redirect redirectUrl="https://example.com/n"/><Hangup/></Response>',
    "Conference:rule-bxml-returned-to-conference": "CONTEXT:conference:<Response><Hangup/></Response>",
    "Conference:rule-conference-itself-has-no": "<Response><Conference>room<Hangup/></Conference></Response>",
    "Hangup:rule-an-empty-response-is": "<Response/>",
    "PlayAudio:rule-allowed-as-a-child": "CONTEXT:conference:<Response><Gather><Hangup/></Gather></Response>",
    "SpeakSentence:rule-allowed-as-child-of": "CONTEXT:conference:<Response><Gather><Hangup/></Gather></Response>",
    "SpeakSentence:rule-ssml-elements-are-written": "<Response><SpeakSentence>Hi &lt;break time=\"1s\"/&gt; there</SpeakSentence></Response>",
    "ssml:break@time:format": '<Response><SpeakSentence>Hi <break time="11s"/></SpeakSentence></Response>',
    "ssml:prosody@pitch:format": '<Response><SpeakSentence><prosody pitch="loudish">x</prosody></SpeakSentence></Response>',
    "ssml:prosody@rate:format": '<Response><SpeakSentence><prosody rate="-20%">x</prosody></SpeakSentence></Response>',
    "ssml:prosody@volume:format": '<Response><SpeakSentence><prosody volume="quiet">x</prosody></SpeakSentence></Response>',
    "ssml:phoneme:notes": '<Response><SpeakSentence><phoneme alphabet="ipa" ph="t">x</phoneme></SpeakSentence></Response>',
    "general:tag-attribute": '<Response><Tag>' + "x" * 257 + "</Tag></Response>",
    "general:callback-family": '<Response><Redirect redirectUrl="https://example.com/n" redirectMethod="PUT"/></Response>',
    "general:encoding": '<?xml version="1.0" encoding="UTF-16"?><Response/>',
    "context:transfer-answer-unlisted:": None,
}  # fmt: skip


# -- probing -----------------------------------------------------------------------------------
def enforce(constraint: Constraint) -> None:
    """Fill in where ``constraint`` is enforced by running its probe through every face."""
    from bxmlkit.codec import from_xml
    from bxmlkit.errors import BxmlError
    from bxmlkit.lint import lint
    from bxmlkit.schema import validate

    xml = constraint.probe
    if xml is None:
        return
    data = xml.encode("utf-8", errors="surrogateescape")
    try:
        from_xml(data)
    except BxmlError:
        constraint.model = True
    try:
        constraint.xsd = bool(validate(data))
    except BxmlError:
        constraint.xsd = True
    codes = Counter(d.code for d in lint(data, context=constraint.context))
    if constraint.baseline is None and constraint.id.startswith("context:"):
        constraint.baseline = xml  # the same document where every verb is allowed
    if constraint.baseline is not None:
        base = constraint.baseline.encode()
        where = None if constraint.id.startswith("context:") else constraint.context
        codes -= Counter(d.code for d in lint(base, context=where))
        if constraint.model:
            try:
                from_xml(base)
            except BxmlError:
                constraint.model = False
        if constraint.xsd and validate(base):
            constraint.xsd = False
    constraint.lint = sorted(codes)


def audit(reference: Path = REFERENCE) -> list[Constraint]:
    ref = json.loads(reference.read_text(encoding="utf-8"))
    constraints = walk(ref)
    elements = {e["name"]: e for e in ref["elements"]}
    for constraint in constraints:
        name = re.match(r"[A-Za-z]+", constraint.id)
        if constraint.probe and name and name.group(0) in elements and constraint.id[0].isupper():
            constraint.baseline = document(name.group(0), elements)
        elif constraint.probe and constraint.id.startswith("ssml:"):
            constraint.baseline = document("SpeakSentence", elements)
        manual = next((k for k in MANUAL if constraint.id.startswith(k)), None)
        if manual is not None:
            probe = MANUAL[manual]
            if probe is not None and probe.startswith("CONTEXT:"):
                _, constraint.context, probe = probe.split(":", 2)
                constraint.baseline = None
            elif probe is not None and constraint.baseline is None:
                constraint.baseline = _baseline_for(constraint.id, elements)
            constraint.probe = probe
        enforce(constraint)
        if constraint.where() == "MISSING" or not (
            constraint.model or constraint.xsd or constraint.lint
        ):
            reason = next((r for k, r in OFFLINE.items() if constraint.id.startswith(k)), None)
            constraint.offline = reason or None
    return constraints


def _baseline_for(cid: str, elements: dict[str, Any]) -> str | None:
    name = re.match(r"[A-Za-z]+", cid)
    if name and name.group(0) in elements and cid[0].isupper():
        return document(name.group(0), elements)
    return None


def as_json(constraints: list[Constraint]) -> str:
    rows = [
        {
            "id": c.id,
            "subject": c.subject,
            "kind": c.kind,
            "states": c.states,
            "model": c.model,
            "xsd": c.xsd,
            "lint": c.lint,
            "offline": c.offline,
        }
        for c in constraints
    ]
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"


def as_markdown(constraints: list[Constraint]) -> str:
    total = len(constraints)
    model = sum(c.model for c in constraints)
    xsd = sum(c.xsd for c in constraints)
    linted = sum(bool(c.lint) for c in constraints)
    offline = sum(bool(c.offline) for c in constraints)
    missing = sum(c.where() == "MISSING" for c in constraints)
    lines = [
        "# Constraints: where each rule of the BXML reference is checked",
        "",
        "<!-- GENERATED by tools/constraint_audit.py from tests/data/reference/bxml-v2.json: do not edit -->",
        "",
        "Every constraint that Bandwidth's BXML reference states, and where bxmlkit enforces it:",
        "the models (`from_xml`), the bundled XSD (`bxmlkit validate`), a lint rule",
        "(`bxmlkit rule CODE` explains it), or nowhere because it cannot be checked offline",
        "(the reason is given).  Each row was found by running a document that breaks the",
        "constraint through all three; the table is regenerated with",
        "`python tools/constraint_audit.py`, and a test fails when it is stale or when a",
        "constraint has no entry.",
        "",
        f"{total} constraints: {model} refused by the models, {xsd} by the XSD, {linted} reported "
        f"by a lint rule, {offline} not checkable offline, {missing} without an entry.",
        "",
        "| Constraint | Subject | Kind | The reference states | Enforced by |",
        "|---|---|---|---|---|",
    ]
    for c in constraints:
        states = c.states.replace("|", "\\|").replace("\n", " ")
        if len(states) > 160:
            states = states[:157] + "..."
        where = c.where().replace("|", "\\|")
        lines.append(f"| `{c.id}` | {_md(c.subject)} | {c.kind} | {_md(states)} | {where} |")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the files are stale")
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)
    constraints = audit(args.reference)
    outputs = {JSON_OUT: as_json(constraints), MD_OUT: as_markdown(constraints)}
    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text() != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run python tools/constraint_audit.py")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    missing = [c.id for c in constraints if c.where() == "MISSING"]
    print(f"{len(constraints)} constraints; {len(missing)} without an entry")
    for cid in missing:
        print("  MISSING", cid)
    return 0


if __name__ == "__main__":
    sys.exit(main())
