"""One message per mistake, for every kind of mistake that is not an unknown element.

Each mistake runs through the four faces: ``from_xml`` (line, column, message and hint of its
error), ``validate()`` (the exact list of violations), lint (the exact diagnostics of the
matching rules) and the command line (``bxmlkit check`` and ``bxmlkit validate`` print
``path:line:column: message``).  All say the same words at the same place; the words are
written out here, so a change of wording is a visible change of this table.

Where ``validate`` and lint report *more* than ``from_xml``, the document has a second
mistake that follows from the first (an attribute misspelt is also a required one missing,
or the text that an unknown attribute was meant to hold is missing): ``from_xml`` stops at
the first problem it meets, while ``validate`` and lint report every one.  ``also`` lists
those, with the lint rule that reports each.  Unknown elements: ``test_one_message.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from bxmlkit.cli import main
from bxmlkit.codec import from_xml
from bxmlkit.errors import BxmlStructureError
from bxmlkit.lint import lint
from bxmlkit.schema import validate

R = "<Response>\n  {}\n</Response>\n"
G = '<Gather gatherUrl="/g">{}</Gather>'
T = "<Transfer>{}</Transfer>"
P = "<PhoneNumber>+15555550100</PhoneNumber>"
S = "<SpeakSentence>{}</SpeakSentence>"
X = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


class Mistake(NamedTuple):
    """One mistake: the document, where it is, and what every face says about it."""

    id: str
    document: str
    position: tuple[int, int]
    core: str
    hint: str
    #: The lint rule that reports it.
    code: str
    #: Further problems that validate and lint (not from_xml) report: (line, column, code,
    #: message).
    also: tuple[tuple[int, int, str, str], ...] = ()

    @property
    def text(self) -> str:
        return f"{self.core}; {self.hint}" if self.hint else self.core


MISTAKES = [
    Mistake(
        "attr-case-maxdigits",
        R.format('<Gather maxdigits="3"/>'),
        (2, 11),
        'unknown attribute "maxdigits" on <Gather>',
        'did you mean "maxDigits"?',
        "BX103",
    ),
    Mistake(
        "attr-case-Voice",
        R.format('<SpeakSentence Voice="julie">Hi</SpeakSentence>'),
        (2, 18),
        'unknown attribute "Voice" on <SpeakSentence>',
        'did you mean "voice"?',
        "BX103",
    ),
    Mistake(
        "attr-case-gatherurl",
        R.format('<Gather gatherurl="/g"/>'),
        (2, 11),
        'unknown attribute "gatherurl" on <Gather>',
        'did you mean "gatherUrl"?',
        "BX103",
    ),
    Mistake(
        "attr-snake-max_duration",
        R.format('<Record max_duration="30"/>'),
        (2, 11),
        'unknown attribute "max_duration" on <Record>',
        'did you mean "maxDuration"?',
        "BX103",
    ),
    Mistake(
        "attr-case-redirecturl",
        R.format('<Redirect redirecturl="/next"/>'),
        (2, 13),
        'unknown attribute "redirecturl" on <Redirect>',
        'did you mean "redirectUrl"?',
        "BX103",
        also=(
            (
                2,
                3,
                "BX106",
                "<Redirect> is missing required attribute redirectUrl; redirectUrl: the URL that returns the next BXML",
            ),
        ),
    ),
    Mistake(
        "attr-typo-durration",
        R.format('<Pause durration="2"/>'),
        (2, 10),
        'unknown attribute "durration" on <Pause>',
        'did you mean "duration"?',
        "BX103",
    ),
    Mistake(
        "attr-habit-inputType",
        R.format('<Gather inputType="dtmf"/>'),
        (2, 11),
        'unknown attribute "inputType" on <Gather>',
        'the kind of input is input="dtmf|speech|dtmf_speech"',
        "BX103",
    ),
    Mistake(
        "attr-habit-playaudio-url",
        R.format('<PlayAudio url="/a.wav"/>'),
        (2, 14),
        'unknown attribute "url" on <PlayAudio>',
        "the audio URL is the text content: <PlayAudio>https://...</PlayAudio>",
        "BX103",
        also=(
            (
                2,
                3,
                "BX107",
                "<PlayAudio> has no text: expected an http(s) URL or a relative URL, without spaces",
            ),
        ),
    ),
    Mistake(
        "attr-habit-stream-url",
        R.format('<StartStream url="wss://e.com/s"/>'),
        (2, 16),
        'unknown attribute "url" on <StartStream>',
        'the WebSocket URL is destination="wss://..."',
        "BX103",
        also=(
            (
                2,
                3,
                "BX106",
                "<StartStream> is missing required attribute destination; destination: the WebSocket URL, wss://...",
            ),
        ),
    ),
    Mistake(
        "attr-other-element",
        R.format(T.format(P).replace("<Transfer>", '<Transfer transferAnswerUrl="/a">')),
        (2, 13),
        'unknown attribute "transferAnswerUrl" on <Transfer>',
        "it belongs on <PhoneNumber> or <SipUri>: move it there",
        "BX103",
    ),
    Mistake(
        "attr-none-allowed",
        R.format('<Hangup reason="busy"/>'),
        (2, 11),
        'unknown attribute "reason" on <Hangup>',
        "<Hangup> takes no attributes",
        "BX103",
    ),
    Mistake(
        "attr-none-allowed-typo",
        R.format('<StopGather foo="1"/>'),
        (2, 15),
        'unknown attribute "foo" on <StopGather>',
        "<StopGather> takes no attributes",
        "BX103",
    ),
    Mistake(
        "value-int-range",
        R.format('<Gather maxDigits="0"/>'),
        (2, 11),
        'Gather attribute maxDigits="0" is invalid: expected an integer from 1 to 50',
        "",
        "BX104",
    ),
    Mistake(
        "value-int-not-number",
        R.format('<Gather maxDigits="abc"/>'),
        (2, 11),
        'Gather attribute maxDigits="abc" is invalid: expected an integer from 1 to 50',
        "",
        "BX104",
    ),
    Mistake(
        "value-int-fraction",
        R.format('<Gather maxDigits="1.5"/>'),
        (2, 11),
        'Gather attribute maxDigits="1.5" is invalid: expected an integer from 1 to 50',
        "",
        "BX104",
    ),
    Mistake(
        "value-int-repeat",
        R.format('<Gather repeatCount="0"/>'),
        (2, 11),
        'Gather attribute repeatCount="0" is invalid: expected an integer (1 or more)',
        "",
        "BX104",
    ),
    Mistake(
        "value-int-maxduration",
        R.format('<Record maxDuration="20000"/>'),
        (2, 11),
        'Record attribute maxDuration="20000" is invalid: expected an integer from 1 to 10800',
        "",
        "BX104",
    ),
    Mistake(
        "value-decimal-text",
        R.format('<Pause duration="x"/>'),
        (2, 10),
        'Pause attribute duration="x" is invalid: expected a decimal number from 0.1 to 86400',
        "",
        "BX104",
    ),
    Mistake(
        "value-decimal-range",
        R.format('<Pause duration="0"/>'),
        (2, 10),
        'Pause attribute duration="0" is invalid: expected a decimal number from 0.1 to 86400',
        "",
        "BX104",
    ),
    Mistake(
        "value-decimal-exponent",
        R.format('<Ring duration="1e2"/>'),
        (2, 9),
        'Ring attribute duration="1e2" is invalid: expected a decimal number from 0.1 to 86400',
        "",
        "BX104",
    ),
    Mistake(
        "value-decimal-timeout",
        R.format('<Gather firstDigitTimeout="61"/>'),
        (2, 11),
        'Gather attribute firstDigitTimeout="61" is invalid: expected a decimal number from 0 to 60',
        "",
        "BX104",
    ),
    Mistake(
        "value-decimal-calltimeout",
        R.format(T.format(P).replace("<Transfer>", '<Transfer callTimeout="301">')),
        (2, 13),
        'Transfer attribute callTimeout="301" is invalid: expected a decimal number from 1 to 300',
        "",
        "BX104",
    ),
    Mistake(
        "value-enum-case",
        R.format('<Redirect redirectUrl="/n" redirectMethod="get"/>'),
        (2, 30),
        'Redirect attribute redirectMethod="get" is invalid: expected one of GET, POST',
        'values are case-sensitive: did you mean "GET"?',
        "BX104",
    ),
    Mistake(
        "value-enum-gender",
        R.format('<SpeakSentence gender="Female">Hi</SpeakSentence>'),
        (2, 18),
        'SpeakSentence attribute gender="Female" is invalid: expected one of male, female',
        'values are case-sensitive: did you mean "female"?',
        "BX104",
    ),
    Mistake(
        "value-enum-input",
        R.format('<Gather input="voice"/>'),
        (2, 11),
        'Gather attribute input="voice" is invalid: expected one of dtmf, speech, dtmf_speech',
        "",
        "BX104",
    ),
    Mistake(
        "value-enum-tracks",
        R.format('<StartStream destination="wss://e.com/s" tracks="all"/>'),
        (2, 44),
        'StartStream attribute tracks="all" is invalid: expected one of inbound, outbound, both',
        "",
        "BX104",
    ),
    Mistake(
        "value-enum-fileformat",
        R.format('<StartRecording fileFormat="ogg"/>'),
        (2, 19),
        'StartRecording attribute fileFormat="ogg" is invalid: expected one of mp3, wav',
        "",
        "BX104",
    ),
    Mistake(
        "value-enum-ssml",
        R.format(S.format('<say-as interpret-as="currency">5</say-as>')),
        (2, 26),
        'say-as attribute interpret-as="currency" is invalid: expected one of date, time, telephone, characters, cardinal, ordinal',
        "",
        "BX104",
    ),
    Mistake(
        "value-bool-python",
        R.format('<Ring duration="5" answerCall="True"/>'),
        (2, 22),
        'Ring attribute answerCall="True" is invalid: expected true or false (lowercase)',
        'BXML booleans are lowercase: write "true"',
        "BX104",
    ),
    Mistake(
        "value-bool-word",
        R.format('<Record detectLanguage="yes" transcribe="true"/>'),
        (2, 11),
        'Record attribute detectLanguage="yes" is invalid: expected true or false (lowercase)',
        "",
        "BX104",
    ),
    Mistake(
        "value-bool-digit",
        R.format('<Conference mute="1">room</Conference>'),
        (2, 15),
        'Conference attribute mute="1" is invalid: expected true or false (lowercase)',
        "",
        "BX104",
    ),
    Mistake(
        "value-url-space",
        R.format('<Gather gatherUrl="/my gather"/>'),
        (2, 11),
        'Gather attribute gatherUrl="/my gather" is invalid: expected an http(s) URL or a relative URL, without spaces',
        "",
        "BX104",
    ),
    Mistake(
        "value-url-scheme",
        R.format('<Redirect redirectUrl="ftp://example.com/bxml"/>'),
        (2, 13),
        'Redirect attribute redirectUrl="ftp://example.com/bxml" is invalid: expected an http(s) URL or a relative URL, without spaces',
        "",
        "BX104",
    ),
    Mistake(
        "value-websocket",
        R.format('<StartStream destination="https://example.com/s"/>'),
        (2, 16),
        'StartStream attribute destination="https://example.com/s" is invalid: expected a WebSocket URL starting with ws:// or wss://',
        "",
        "BX104",
    ),
    Mistake(
        "value-caller-id",
        R.format(T.format(P).replace("<Transfer>", '<Transfer transferCallerId="unknown">')),
        (2, 13),
        'Transfer attribute transferCallerId="unknown" is invalid: expected an E.164 phone number such as +15555551212, or Restricted, Anonymous, Private or Unavailable',
        "",
        "BX104",
    ),
    Mistake(
        "value-phone-or-sip",
        R.format('<Forward to="5555550101"/>'),
        (2, 12),
        'Forward attribute to="5555550101" is invalid: expected an E.164 phone number such as +15555551212, or a sip: or sips: URI',
        "",
        "BX104",
    ),
    Mistake(
        "value-locale",
        R.format('<SpeakSentence locale="english">Hi</SpeakSentence>'),
        (2, 18),
        'SpeakSentence attribute locale="english" is invalid: expected a locale such as en_US or es-MX',
        "",
        "BX104",
    ),
    Mistake(
        "value-voice",
        R.format('<SpeakSentence voice="9julie">Hi</SpeakSentence>'),
        (2, 18),
        'SpeakSentence attribute voice="9julie" is invalid: expected a voice name such as julie (a letter, then up to 63 letters, digits, _ or -)',
        "",
        "BX104",
    ),
    Mistake(
        "value-dtmf-attribute",
        R.format('<Record terminatingDigits="ab"/>'),
        (2, 11),
        'Record attribute terminatingDigits="ab" is invalid: expected zero or more of 0-9 * #',
        "",
        "BX104",
    ),
    Mistake(
        "value-duration-ssml",
        R.format(S.format('Hi <break time="2 seconds"/>')),
        (2, 28),
        'break attribute time="2 seconds" is invalid: expected a duration such as 1s, 0.5s or 500ms',
        "",
        "BX104",
    ),
    Mistake(
        "text-phone-number",
        R.format(T.format("<PhoneNumber>5550100</PhoneNumber>")),
        (2, 13),
        '<PhoneNumber> text "5550100" is invalid: expected an E.164 phone number such as +15555551212',
        "",
        "BX107",
    ),
    Mistake(
        "text-dtmf",
        R.format("<SendDtmf>12x</SendDtmf>"),
        (2, 3),
        '<SendDtmf> text "12x" is invalid: expected 1 to 50 of 0-9 * # A-D a-d , w W',
        '"x" is not DTMF',
        "BX107",
    ),
    Mistake(
        "text-conference-name",
        R.format("<Conference>my conference!</Conference>"),
        (2, 3),
        "<Conference> text \"my conference!\" is invalid: expected 1 to 100 letters, digits, '.', '_' or '-'",
        "",
        "BX107",
    ),
    Mistake(
        "text-audio-url",
        R.format("<PlayAudio>mailto:someone@example.com</PlayAudio>"),
        (2, 3),
        '<PlayAudio> text "mailto:someone@example.com" is invalid: expected an http(s) URL or a relative URL, without spaces',
        "",
        "BX107",
    ),
    Mistake(
        "text-sip-uri",
        R.format(T.format("<SipUri>user@example.com</SipUri>")),
        (2, 13),
        '<SipUri> text "user@example.com" is invalid: expected a SIP URI starting with sip: or sips:',
        "",
        "BX107",
    ),
    Mistake(
        "text-call-id",
        R.format("<Bridge>c 1</Bridge>"),
        (2, 3),
        '<Bridge> text "c 1" is invalid: expected a call id (no spaces)',
        "",
        "BX107",
    ),
    Mistake(
        "text-tag-too-long",
        R.format("<Tag>" + "x" * 300 + "</Tag>"),
        (2, 3),
        '<Tag> text "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." is invalid: expected at most 256 characters',
        "it has 300 characters",
        "BX107",
    ),
    Mistake(
        "text-missing-phone",
        R.format(T.format("<PhoneNumber/>")),
        (2, 13),
        "<PhoneNumber> has no text: expected an E.164 phone number such as +15555551212",
        "",
        "BX107",
    ),
    Mistake(
        "text-missing-bridge",
        R.format("<Bridge/>"),
        (2, 3),
        "<Bridge> has no text: expected a call id (no spaces)",
        "",
        "BX107",
    ),
    Mistake(
        "text-not-allowed-empty",
        R.format("<Hangup>now</Hangup>"),
        (2, 3),
        'unexpected text "now" inside <Hangup>',
        "<Hangup> takes no text",
        "BX107",
    ),
    Mistake(
        "text-not-allowed-gather",
        R.format(G.format("Press 1")),
        (2, 3),
        'unexpected text "Press 1" inside <Gather>',
        "text to speak goes inside <SpeakSentence>",
        "BX107",
    ),
    Mistake(
        "text-not-allowed-response",
        "<Response>\n  hello\n  <Hangup/>\n</Response>\n",
        (1, 1),
        'unexpected text "hello" inside <Response>',
        "text to speak goes inside <SpeakSentence>",
        "BX107",
    ),
    Mistake(
        "missing-redirect-url",
        R.format('<Redirect redirectMethod="GET"/>'),
        (2, 3),
        "<Redirect> is missing required attribute redirectUrl",
        "redirectUrl: the URL that returns the next BXML",
        "BX106",
    ),
    Mistake(
        "missing-destination",
        R.format("<StartStream/>"),
        (2, 3),
        "<StartStream> is missing required attribute destination",
        "destination: the WebSocket URL, wss://...",
        "BX106",
    ),
    Mistake(
        "missing-stream-name",
        R.format("<StopStream/>"),
        (2, 3),
        "<StopStream> is missing required attribute name",
        "name: the name given to <StartStream name=...>",
        "BX106",
    ),
    Mistake(
        "missing-dtmf-url",
        R.format("<StartGather/>"),
        (2, 3),
        "<StartGather> is missing required attribute dtmfUrl",
        "dtmfUrl: the URL that receives each digit",
        "BX106",
    ),
    Mistake(
        "missing-param-value",
        R.format('<StartStream destination="wss://e.com/s"><StreamParam name="a"/></StartStream>'),
        (2, 44),
        "<StreamParam> is missing required attribute value",
        "value: at most 2048 characters",
        "BX106",
    ),
    Mistake(
        "misplaced-record-in-gather",
        R.format(G.format("<Record/>")),
        (2, 26),
        "<Record> is not allowed inside <Gather>",
        "allowed: SpeakSentence, PlayAudio",
        "BX105",
    ),
    Mistake(
        "misplaced-noun-in-root",
        R.format("<PhoneNumber>+15555550100</PhoneNumber>"),
        (2, 3),
        "<PhoneNumber> is not allowed inside <Response>",
        "it goes inside <Transfer>",
        "BX105",
    ),
    Mistake(
        "misplaced-prompt-in-transfer",
        R.format(T.format(P + "<SpeakSentence>Hi</SpeakSentence>")),
        (2, 52),
        "<SpeakSentence> is not allowed inside <Transfer>",
        "BXML v1 played prompts inside <Transfer>; in v2 speak before the <Transfer>, or to the called party from its transferAnswerUrl webhook",
        "BX105",
    ),
    Mistake(
        "misplaced-gather-in-gather",
        R.format(G.format("<Gather/>")),
        (2, 26),
        "<Gather> is not allowed inside <Gather>",
        "a <Gather> cannot contain another <Gather>",
        "BX105",
    ),
    Mistake(
        "misplaced-ssml-in-root",
        R.format('<break time="1s"/>'),
        (2, 3),
        "<break> is not allowed inside <Response>",
        "it goes inside <SpeakSentence>, <emphasis>, <lang>, <p>, <prosody> or <s>",
        "BX105",
    ),
    Mistake(
        "misplaced-verb-in-empty",
        R.format("<Pause><Hangup/></Pause>"),
        (2, 10),
        "<Hangup> is not allowed inside <Pause>",
        "<Pause> takes no child elements",
        "BX105",
    ),
    Mistake(
        "too-many-destinations",
        R.format(T.format(P * 9)),
        (2, 325),
        "<Transfer> allows at most 8 PhoneNumber or SipUri children; found 9",
        "remove 1 of them",
        "BX109",
    ),
    Mistake(
        "too-few-destinations",
        R.format("<Transfer/>"),
        (2, 3),
        "<Transfer> needs at least 1 PhoneNumber or SipUri child",
        "add <PhoneNumber> or <SipUri> (1 to 8 in all)",
        "BX109",
    ),
    Mistake(
        "too-many-stream-params",
        R.format(
            '<StartStream destination="wss://e.com/s">'
            + '<StreamParam name="a" value="b"/>' * 13
            + "</StartStream>"
        ),
        (2, 440),
        "<StartStream> allows at most 12 StreamParam children; found 13",
        "remove 1 of them",
        "BX109",
    ),
    Mistake(
        "too-few-endpoints",
        R.format("<Connect/>"),
        (2, 3),
        "<Connect> needs at least 1 Endpoint child",
        "add <Endpoint>",
        "BX109",
    ),
    Mistake(
        "too-few-refer",
        R.format("<Refer/>"),
        (2, 3),
        "<Refer> needs exactly 1 SipUri child",
        "add <SipUri>",
        "BX109",
    ),
    Mistake(
        "root-typo",
        "<Bxml2/>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <Bxml2>",
        "did you mean <Bxml>?",
        "BX101",
    ),
    Mistake(
        "root-case",
        "<response/>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <response>",
        "element names are case-sensitive: did you mean <Response>?",
        "BX101",
    ),
    Mistake(
        "root-lowercase-bxml",
        "<bxml/>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <bxml>",
        "element names are case-sensitive: did you mean <Bxml>?",
        "BX101",
    ),
    Mistake(
        "root-other-markup",
        "<Speak/>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <Speak>",
        "<Response> answers a webhook, <Bxml> is the body of an update-call request",
        "BX101",
    ),
    Mistake(
        "root-v1",
        "<Request/>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <Request>",
        "<Request> is a BXML v1 (php SDK) root; BXML v2 uses <Response>",
        "BX101",
    ),
    Mistake(
        "root-wrapper",
        "<xml><Response/></xml>\n",
        (1, 1),
        "the root element must be <Response> or <Bxml>, not <xml>",
        "remove the <xml> wrapper that an old SDK put around the document",
        "BX101",
    ),
    Mistake(
        "attr-not-in-this-context",
        R.format('<Refer><SipUri uui="abc;encoding=base64">sip:a@example.com</SipUri></Refer>'),
        (2, 18),
        'unknown attribute "uui" on <SipUri>',
        "<SipUri> inside <Refer> takes no attributes",
        "BX103",
    ),
    Mistake(
        "misplaced-noun-two-parents",
        R.format("<SipUri>sip:a@example.com</SipUri>"),
        (2, 3),
        "<SipUri> is not allowed inside <Response>",
        "it goes inside <Transfer> or <Refer>",
        "BX105",
    ),
    Mistake(
        "misplaced-in-text-element",
        R.format(T.format("<PhoneNumber><SipUri>sip:a@example.com</SipUri></PhoneNumber>")),
        (2, 26),
        "<SipUri> is not allowed inside <PhoneNumber>",
        "<PhoneNumber> takes no child elements",
        "BX105",
    ),
    Mistake(
        "missing-ssml-lang",
        R.format(S.format("<lang>Bonjour</lang>")),
        (2, 18),
        "<lang> is missing required attribute xml:lang",
        "xml:lang: a locale such as en-US or es_MX",
        "BX106",
    ),
    Mistake(
        "value-ssml-lang",
        R.format(S.format('<lang xml:lang="french">Bonjour</lang>')),
        (2, 24),
        'lang attribute xml:lang="french" is invalid: expected a locale such as en-US or es_MX',
        "",
        "BX104",
    ),
    Mistake(
        "text-not-allowed-after-child",
        R.format(T.format(P + " or else")),
        (2, 3),
        'unexpected text "or else" inside <Transfer>',
        "<Transfer> holds only elements: PhoneNumber, SipUri",
        "BX107",
    ),
    Mistake(
        "attr-xsi-type",
        R.format(f'<Gather {X} xsi:type="Foo"/>'),
        (2, 65),
        'unknown attribute "xsi:type" on <Gather>',
        "BXML takes no xsi: attributes (no schema locations, types or nil)",
        "BX103",
    ),
    Mistake(
        "attr-xsi-nil",
        R.format(f'<Hangup {X} xsi:nil="true"/>'),
        (2, 65),
        'unknown attribute "xsi:nil" on <Hangup>',
        "BXML takes no xsi: attributes (no schema locations, types or nil)",
        "BX103",
    ),
    Mistake(
        "attr-xsi-schema-location",
        f'<Response {X} xsi:noNamespaceSchemaLocation="bxml.xsd">\n  <Hangup/>\n</Response>\n',
        (1, 65),
        'unknown attribute "xsi:noNamespaceSchemaLocation" on <Response>',
        "BXML takes no xsi: attributes (no schema locations, types or nil)",
        "BX103",
    ),
    Mistake(
        "attr-namespaced",
        R.format('<Gather xmlns:x="urn:x" x:maxDigits="3"/>'),
        (2, 27),
        'unknown attribute "x:maxDigits" on <Gather>',
        'did you mean "maxDigits"?',
        "BX103",
    ),
    Mistake(
        "element-namespaced",
        R.format(G.format('<x:SpeakSentence xmlns:x="urn:x">Hi</x:SpeakSentence>')),
        (2, 26),
        "unknown element <x:SpeakSentence> inside <Gather>",
        "BXML elements have no namespace",
        "BX102",
    ),
    Mistake(
        "attr-xml-lang-on-verb",
        R.format('<SpeakSentence xml:lang="en-US">Hi</SpeakSentence>'),
        (2, 18),
        'unknown attribute "xml:lang" on <SpeakSentence>',
        "it belongs on <lang>: move it there",
        "BX103",
    ),
    Mistake(
        "attr-legacy-renamed",
        R.format('<Pause length="2"/>'),
        (2, 10),
        'unknown attribute "length" on <Pause>',
        'a BXML v1 attribute; v2 calls it "duration": <Pause> takes duration (seconds)',
        "BX402",
    ),
    Mistake(
        "attr-legacy-gone",
        R.format('<Gather bargeable="true"/>'),
        (2, 11),
        'unknown attribute "bargeable" on <Gather>',
        "a BXML v1 attribute with no v2 equivalent: prompts inside <Gather> are always interruptible by a digit in v2",
        "BX402",
    ),
    Mistake(
        "element-legacy-verb",
        R.format('<SendMessage from="+15555550100">Hi</SendMessage>'),
        (2, 3),
        "unknown element <SendMessage> inside <Response>",
        "a BXML v1 verb that v2 removed; BXML v2 cannot send messages; send an SMS with the Messaging API (POST /users/{accountId}/messages) from your webhook handler",
        "BX401",
    ),
    Mistake(
        "element-speak-wrapper",
        R.format(S.format("<speak>Hi</speak>")),
        (2, 18),
        "unknown element <speak> inside <SpeakSentence>",
        "<SpeakSentence> is already the SSML root: drop the <speak> and </speak> tags and keep what is between them",
        "BX102",
    ),
    Mistake(
        "value-enum-blanks",
        R.format('<Gather input=" dtmf "/>'),
        (2, 11),
        'Gather attribute input=" dtmf " is invalid: expected one of dtmf, speech, dtmf_speech',
        'remove the blanks around "dtmf"',
        "BX104",
    ),
    Mistake(
        "value-url-blanks",
        R.format('<Redirect redirectUrl=" /next "/>'),
        (2, 13),
        'Redirect attribute redirectUrl=" /next " is invalid: expected an http(s) URL or a relative URL, without spaces',
        "",
        "BX104",
    ),
]


def test_at_least_forty_kinds_of_mistake() -> None:
    assert len({m.id for m in MISTAKES}) == len(MISTAKES) >= 40
    assert len({m.document for m in MISTAKES}) == len(MISTAKES)
    codes = {m.code for m in MISTAKES}
    assert codes == {
        "BX101",
        "BX102",
        "BX103",
        "BX104",
        "BX105",
        "BX106",
        "BX107",
        "BX109",
        "BX401",
        "BX402",
    }


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.id for m in MISTAKES])
def test_every_face_says_the_same(
    mistake: Mistake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, column = mistake.position
    text = mistake.document
    expected = sorted([(line, column, mistake.text)] + [(a, b, m) for a, b, _, m in mistake.also])

    with pytest.raises(BxmlStructureError) as info:
        from_xml(text)
    assert (info.value.line, info.value.column) == (line, column)
    assert (info.value.message, info.value.hint) == (mistake.core, mistake.hint)

    violations = validate(text)
    assert [(v.line, v.column, v.message) for v in violations] == expected
    here = [v.expected for v in violations if (v.line, v.column) == (line, column)]
    assert info.value.expected in here  # what was expected, in the same words

    codes = {mistake.code} | {code for _, _, code, _ in mistake.also}
    found = [(d.line, d.column, d.code, d.message) for d in lint(text) if d.code in codes]
    assert found == sorted([(line, column, mistake.code, mistake.text), *mistake.also])

    path = tmp_path / "doc.xml"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [f"{path}:{line}:{column}: {mistake.text}"]
    assert main(["validate", str(path)]) == 1
    printed = [row for row in capsys.readouterr().out.splitlines() if row.startswith(str(path))]
    assert printed == [f"{path}:{a}:{b}: {m}" for a, b, m in expected]
