"""Why a document is not well-formed XML, in words that say how to fix it.

One pure module for every face (the codec's ``from_xml``, schema validation, the linter's
BX100): given the source bytes and libxml2's ``XMLSyntaxError``, :func:`explain` returns the
line, column and message to show.  libxml2 says *what* stopped the parser ("EntityRef:
expecting ';'"); this module reads the bytes around that place and names the likely cause
and the fix ("unescaped & in the URL of redirectUrl: write &amp;").  Where it recognises
nothing it keeps libxml2's words, so it is never worse than ``xmllint``.

:func:`namespace_problem` covers the one mistake that *is* well-formed but makes every
element unknown: a default ``xmlns`` on the root.

Nothing here raises, imports lxml at run time or reads anything but its arguments.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, NamedTuple

from bxmlkit.vocabulary import ROOTS

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["PREFIX", "Explanation", "explain", "namespace_problem"]

#: Every message about XML that is not well-formed starts with this.
PREFIX = "not well-formed XML: "


class Explanation(NamedTuple):
    """Where to point (1-based line and column) and what to say."""

    line: int
    column: int
    message: str


def explain(data: bytes, error: etree.XMLSyntaxError | ValueError) -> Explanation:
    """The line, column and message for ``error`` raised while parsing ``data``."""
    position = getattr(error, "position", None) or (1, 1)
    line, column = max(position[0], 1), max(position[1], 1)
    raw = str(getattr(error, "msg", None) or error)
    suffix = f", line {position[0]}, column {position[1]}"
    if raw.endswith(suffix):
        raw = raw[: -len(suffix)]
    raw = raw.strip()
    try:
        found = _Reader(data, line, column, raw).explain()
    except Exception:  # an explanation must never turn an error into a crash
        found = None
    if found is None:
        return Explanation(line, column, PREFIX + raw)
    return Explanation(found[0], found[1], PREFIX + found[2])


def namespace_problem(tag: str, uri: str | None) -> str | None:
    """The message for a BXML root in a namespace (``xmlns="..."``), or None when it is not.

    ``tag`` is the root's local name and ``uri`` its namespace.  BXML elements have no
    namespace, so a default ``xmlns`` puts every element in the document in a namespace
    that Bandwidth does not know: the fix is to remove the attribute, not to rename verbs.
    """
    if not uri or tag not in ROOTS:
        return None
    return (
        f'<{tag}> declares the namespace xmlns="{uri}", but BXML has no namespace: '
        f'remove xmlns="{uri}" (every element inside is in that namespace too, so '
        "Bandwidth would not recognise any of them)"
    )


# -- the reader ------------------------------------------------------------------------------
_CURLY = {
    "\u201c": "left double quotation mark",
    "\u201d": "right double quotation mark",
    "\u2018": "left single quotation mark",
    "\u2019": "right single quotation mark",
    "\u201e": "double low-9 quotation mark",
    "\u00ab": "left-pointing double angle quotation mark",
    "\u00bb": "right-pointing double angle quotation mark",
    "\u2032": "prime",
    "\u2033": "double prime",
}
#: HTML entities people paste into XML, with the character they mean.
_HTML_ENTITIES = {
    "nbsp": 160, "copy": 169, "reg": 174, "trade": 8482, "eacute": 233, "egrave": 232,
    "agrave": 224, "aacute": 225, "ntilde": 241, "ouml": 246, "uuml": 252, "auml": 228,
    "ccedil": 231, "mdash": 8212, "ndash": 8211, "hellip": 8230, "lsquo": 8216,
    "rsquo": 8217, "ldquo": 8220, "rdquo": 8221, "euro": 8364, "pound": 163, "deg": 176,
}  # fmt: skip
_NAME = r"[A-Za-z_:][\w.:-]*"
#: Patterns are strings, compiled by ``re`` when an error is explained, not at start-up.
_MISMATCH = r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"
_PREMATURE = r"Premature end of data in tag (\S+) line (\d+)"
_DECLARED = rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)"
_UTF16_32 = r"(?i)^(utf|ucs)-?(16|32|2|4)"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class _Reader:
    """The source as text, with helpers to go between offsets and (line, column)."""

    def __init__(self, data: bytes, line: int, column: int, raw: str) -> None:
        self.data = data
        self.raw = raw
        self.line = line
        self.column = column
        self.text = _decode(data)
        self.starts = [0]
        for match in re.finditer("\n", self.text):
            self.starts.append(match.end())
        self.offset = self.offset_of(line, column)

    # -- positions ----------------------------------------------------------------------------
    def offset_of(self, line: int, column: int) -> int:
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return min(start + column - 1, end)

    def where(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.starts[lo] + 1

    def at(self, offset: int, message: str) -> tuple[int, int, str]:
        line, column = self.where(offset)
        return line, column, message

    def line_of(self, offset: int) -> int:
        return self.where(offset)[0]

    def in_tag(self, offset: int) -> int:
        """The offset of the '<' of the start tag ``offset`` is inside, or -1.

        Quotes are followed, so a ">" inside an attribute value (or a value whose closing
        quote is missing) does not end the tag.
        """
        text = self.text
        candidates = list(re.finditer(r"<" + _NAME, text[:offset]))[-8:]
        for match in reversed(candidates):
            quote = ""
            index = match.end()
            closed = False
            while index < offset:
                char = text[index]
                if quote:
                    if char == quote or (quote in _CURLY and char in _CURLY):
                        quote = ""
                elif char in "\"'" or char in _CURLY:
                    quote = char
                elif char == ">":
                    closed = True
                    break
                index += 1
            if not closed:
                return match.start()
            if index < offset:
                return -1
        return -1

    def attribute_before(self, offset: int) -> tuple[str, str, int] | None:
        """(name, quote, offset of the quote) of the attribute value ``offset`` is inside."""
        tag = self.in_tag(offset)
        if tag < 0:
            return None
        last = None
        for match in re.finditer(r"(" + _NAME + r")\s*=\s*([\"'\u201c\u201d\u2018\u2019])",
                                 self.text[tag:offset]):  # fmt: skip
            last = match
        if last is None:
            return None
        return last.group(1), last.group(2), tag + last.start(2)

    # -- the diagnosis ------------------------------------------------------------------------
    def explain(self) -> tuple[int, int, str] | None:
        raw = self.raw
        binary = self.binary()
        if binary is not None:
            return binary
        encoding = self.encoding_problem()
        if encoding is not None:
            return encoding
        bom = self.misplaced_bom()
        if bom is not None:
            return bom
        if raw.startswith(("EntityRef: expecting ';'", "xmlParseEntityRef: no name")):
            return self.ampersand()
        if raw.startswith("Entity '") and raw.endswith("' not defined"):
            return self.undefined_entity(raw[len("Entity '") : -len("' not defined")])
        if raw.startswith("StartTag: invalid element name"):
            return self.less_than()
        if raw.startswith("AttValue: \" or ' expected"):
            return self.unquoted_value()
        if raw.startswith("Unescaped '<' not allowed in attributes values"):
            return self.unclosed_value()
        if raw.startswith("Extra content at the end of the document"):
            return self.extra_content()
        mismatch = re.match(_MISMATCH, raw)
        if mismatch:
            return self.tag_mismatch(mismatch.group(1), int(mismatch.group(2)), mismatch.group(3))
        premature = re.match(_PREMATURE, raw)
        if premature:
            name, opened = premature.group(1), int(premature.group(2))
            return self.unclosed_element(name, opened)
        if raw.startswith("Attribute ") and raw.endswith(" redefined"):
            return self.duplicate_attribute(raw[len("Attribute ") : -len(" redefined")])
        if raw.startswith("Specification mandates value for attribute "):
            name = raw[len("Specification mandates value for attribute ") :]
            return self.at(
                self.offset,
                f"attribute {name} has no value: XML attributes always have a quoted value; "
                f'write {name}="..." (for example {name}="true")',
            )
        if raw.startswith("xmlParseCharRef: invalid xmlChar value"):
            ref = self.text.rfind("&#", 0, self.offset + 1)
            return self.at(
                ref if ref >= 0 else self.offset,
                f"the character reference {self.text[ref : self.offset].strip() or '&#...;'} "
                f"is character {raw.rsplit(' ', 1)[-1]}, which XML 1.0 does not allow (control "
                "characters other than tab and line breaks are forbidden): remove it",
            )
        if (
            "invalid Char value" in raw
            or "out of allowed range" in raw
            or (raw.startswith("invalid character in attribute value"))
        ):
            return self.control_character()
        if raw.startswith("Comment not terminated"):
            return self.unterminated("<!--", "-->", "comment")
        if raw.startswith("CData section not finished"):
            return self.unterminated("<![CDATA[", "]]>", "CDATA section")
        if raw.startswith(("Couldn't find end of Start Tag", "error parsing attribute name")):
            return self.broken_start_tag()
        if raw.startswith("XML declaration allowed only at the start of the document"):
            return self.late_declaration()
        if raw.startswith("Start tag expected, '<' not found"):
            return self.no_root()
        if raw.startswith("Invalid PI name") and "<?XML" in self.text[: self.offset + 1].upper():
            at = self.text.upper().find("<?XML")
            return self.at(
                at,
                f'"{self.text[at : at + 5]}" is not an XML declaration, which is lower case: '
                'write "<?xml version="1.0" encoding="UTF-8"?>"',
            )
        return None

    def ampersand(self) -> tuple[int, int, str]:
        amp = self.text.rfind("&", 0, self.offset + 1)
        if amp < 0:
            amp = self.offset
        attribute = self.attribute_before(amp)
        stop = r"\s<>\"'" if attribute is not None else r"<>\n"
        following = re.match(r"[^&" + stop + r"]{0,15}", self.text[amp + 1 :])
        lead = stop + "?/" if attribute is not None else stop
        before = re.search(r"[^" + lead + r"]{0,15}$", self.text[:amp])
        example = (
            f'"{before.group(0) if before else ""}&amp;{following.group(0) if following else ""}"'
        )
        example = example.replace('" ', '"').replace(' "', '"')
        if attribute is not None:
            name, _, quote = attribute
            value = self.text[quote + 1 : amp]
            if "?" in value or "://" in value or name.lower().endswith(("url", "callback")):
                return self.at(
                    amp,
                    f'unescaped "&" in the URL of attribute {name}: in XML every "&" is written '
                    f'"&amp;", also between query parameters; write {example}',
                )
            return self.at(
                amp,
                f'unescaped "&" in the value of attribute {name}: in XML a literal "&" is '
                f'written "&amp;"; write {example}',
            )
        return self.at(
            amp,
            f'unescaped "&" in text: in XML a literal "&" is written "&amp;" (or say "and"); '
            f"write {example}",
        )

    def undefined_entity(self, name: str) -> tuple[int, int, str]:
        amp = self.text.rfind("&" + name, 0, self.offset + 1)
        amp = amp if amp >= 0 else self.offset
        code = _HTML_ENTITIES.get(name)
        if code is not None:
            return self.at(
                amp,
                f'"&{name};" is an HTML entity; XML knows only &amp; &lt; &gt; &quot; &apos;: '
                f'write "&#{code};" (U+{code:04X}) or the character itself',
            )
        return self.at(
            amp,
            f'entity "&{name};" is not defined (BXML has no DTD; XML knows only &amp; &lt; '
            f'&gt; &quot; &apos;): write the character itself, or "&amp;{name};" if the "&" '
            "is meant literally",
        )

    def less_than(self) -> tuple[int, int, str]:
        lt = self.text.rfind("<", 0, self.offset + 1)
        lt = lt if lt >= 0 else self.offset
        rest = re.match(r"[^<\n]{0,12}", self.text[lt + 1 :])
        following = rest.group(0) if rest else ""
        return self.at(
            lt,
            f'a "<" in text that does not start a tag ("<{following}"): a literal "<" is '
            'written "&lt;" in XML; write "&lt;" (or say "less than")',
        )

    def unquoted_value(self) -> tuple[int, int, str]:
        offset = self.offset
        char = self.text[offset : offset + 1]
        name_match = re.search(r"(" + _NAME + r")\s*=\s*$", self.text[:offset])
        name = name_match.group(1) if name_match else "the attribute"
        if char in _CURLY:
            close = re.match(r"[^<>\n\"'\u201c\u201d\u2018\u2019]*", self.text[offset + 1 :])
            value = close.group(0) if close else ""
            return self.at(
                offset,
                f"the value of {name} is in curly quotes ({char} {_CURLY[char]}, typical of "
                f"text pasted from a word processor): XML needs straight quotes; write "
                f'{name}="{value}"',
            )
        value_match = re.match(r"[^\s/>]*", self.text[offset:])
        value = value_match.group(0) if value_match else ""
        return self.at(
            offset,
            f"the value of {name} is not in quotes: XML attribute values are quoted; write "
            f'{name}="{value}"',
        )

    def unclosed_value(self) -> tuple[int, int, str]:
        offset = self.offset
        attribute = self.attribute_before(offset)
        if attribute is None:
            return self.at(
                offset,
                'a "<" inside an attribute value: write "&lt;", or close the value\'s quotes',
            )
        name, quote, start = attribute
        value = self.text[start + 1 : offset]
        opened = self.line_of(start)
        curly = [c for c in value if c in _CURLY]
        other = "'" if quote == '"' else '"'
        if curly:
            return self.at(
                start,
                f"the value of {name} opens with {quote} on line {opened} but ends with a curly "
                f"quote {curly[0]} ({_CURLY[curly[0]]}, pasted from a word processor?): use the "
                f"same straight quote {quote} on both sides",
            )
        if other in value:
            return self.at(
                start,
                f"the value of {name} opens with {quote} on line {opened} but ends with {other}:"
                f" the quotes do not match; use {quote} on both sides",
            )
        if ">" not in value and "\n" not in value:
            lt = self.text.rfind("<", 0, offset + 1)
            return self.at(
                lt,
                f'a "<" inside the value of {name}: a literal "<" is written "&lt;" in XML; '
                'write "&lt;"',
            )
        return self.at(
            start,
            f"the value of {name} opened with {quote} on line {opened} is never closed: add "
            f"the closing {quote}",
        )

    def extra_content(self) -> tuple[int, int, str]:
        offset = self.offset
        rest = self.text[offset:]
        root = re.search(r"<(" + _NAME + r")", self.text)
        root_name = root.group(1) if root else "root"
        end = self.text[:offset].rstrip()
        ended = self.line_of(max(len(end) - 1, 0))
        second = re.match(r"<(" + _NAME + r")", rest)
        if second:
            return self.at(
                offset,
                f"a second root element <{second.group(1)}> on line {self.line}: a document "
                f"has exactly one root, and <{root_name}> already ended on line {ended}; move "
                f"these elements into the first <{root_name}> and remove the second root",
            )
        closing = re.match(r"</(" + _NAME + r")", rest)
        if closing:
            return self.at(
                offset,
                f"a closing tag </{closing.group(1)}> after the root element ended on line "
                f"{ended}: remove it, or the closing tag that ended <{root_name}> too early",
            )
        snippet = rest.strip().split("\n")[0][:30]
        return self.at(
            offset,
            f'text "{snippet}" after the end of the root element </{root_name}> (line '
            f"{ended}): nothing but comments may follow the root; remove it",
        )

    def tag_mismatch(self, opened: str, line: int, closing: str) -> tuple[int, int, str]:
        at = self.text.rfind("</" + closing, 0, self.offset + 1)
        at = at if at >= 0 else self.offset
        here = self.line_of(at)
        if opened.lower() == closing.lower():
            return self.at(
                at,
                f"</{closing}> on line {here} does not match <{opened}>, opened on line {line}: "
                f"element names are case-sensitive; write </{opened}>",
            )
        opens = re.search(r"<" + re.escape(closing) + r"[\s/>]", self.text[:at])
        if opens is None:
            return self.at(
                at,
                f"</{closing}> on line {here} closes an element that was never opened (the open "
                f"element is <{opened}>, from line {line}): remove </{closing}>",
            )
        return self.at(
            at,
            f"</{closing}> on line {here} does not close <{opened}>, opened on line {line}: "
            f"add </{opened}> before </{closing}>, or correct the tag names",
        )

    def unclosed_element(self, name: str, line: int) -> tuple[int, int, str]:
        start = self.starts[line - 1] if line <= len(self.starts) else 0
        at = self.text.find("<" + name, start)
        at = at if at >= 0 else self.offset
        last = self.line_of(max(len(self.text.rstrip()) - 1, 0))
        return self.at(
            at,
            f"<{name}>, opened on line {line}, is never closed: the document ends on line "
            f"{last}; add </{name}> (or write <{name}/> if it has no content)",
        )

    def duplicate_attribute(self, name: str) -> tuple[int, int, str]:
        tag = self.in_tag(self.offset)
        if tag < 0:
            tag = self.text.rfind("<", 0, self.offset)
        element = re.match(r"<(" + _NAME + r")", self.text[tag:])
        element_name = element.group(1) if element else "the element"
        hits = [m.start() for m in re.finditer(r"\s" + re.escape(name) + r"\s*=",
                                               self.text[tag : self.offset + 1])]  # fmt: skip
        at = tag + hits[-1] + 1 if len(hits) > 1 else self.offset
        return self.at(
            at,
            f"attribute {name} appears twice on <{element_name}>: an attribute may appear once "
            "per element; remove one of them",
        )

    def control_character(self) -> tuple[int, int, str] | None:
        import unicodedata

        for index in range(max(self.offset - 1, 0), min(self.offset + 2, len(self.text))):
            char = self.text[index]
            if _forbidden_char(char):
                name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control")
                return self.at(
                    index,
                    f"the character U+{ord(char):04X} ({name.lower()}) is not allowed in XML "
                    "1.0, not even as a reference: remove it",
                )
        for index, char in enumerate(self.text):
            if _forbidden_char(char):
                name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control")
                return self.at(
                    index,
                    f"the character U+{ord(char):04X} ({name.lower()}) is not allowed in XML "
                    "1.0, not even as a reference: remove it",
                )
        return None

    def unterminated(self, opener: str, closer: str, what: str) -> tuple[int, int, str]:
        at = self.text.rfind(opener, 0, self.offset + 1)
        at = at if at >= 0 else self.offset
        return self.at(
            at,
            f'the {what} opened on line {self.line_of(at)} is never closed: end it with "{closer}"',
        )

    def broken_start_tag(self) -> tuple[int, int, str] | None:
        tag = self.text.rfind("<", 0, self.offset)
        element = re.match(r"<(" + _NAME + r")", self.text[tag:]) if tag >= 0 else None
        if element is None:
            return None
        name = element.group(1)
        segment = self.text[tag : self.offset + 1]
        if re.search(r"/\s*$", segment.split("\n")[0]) or segment.rstrip().endswith("/"):
            return self.at(
                self.offset,
                f"the start tag <{name}> on line {self.line_of(tag)} is not closed: end an empty "
                f'element with "/>" (<{name}/>) and a start tag with ">"',
            )
        return self.at(
            self.offset,
            f"the start tag <{name}> on line {self.line_of(tag)} is broken here: attributes are "
            f'written name="value", separated by spaces, and the tag ends with ">" or "/>"',
        )

    def late_declaration(self) -> tuple[int, int, str]:
        at = self.text.find("<?xml")
        before = self.text[:at] if at > 0 else ""
        if before and not before.strip():
            lines = before.count("\n")
            what = f"{lines} blank line(s)" if lines else f"{len(before)} space(s)"
            return self.at(
                at,
                f"the XML declaration <?xml ...?> must be the very first thing in the file; "
                f"remove the {what} before it",
            )
        return self.at(
            max(at, 0),
            "the XML declaration <?xml ...?> must be the very first thing in the file and may "
            "appear once: remove what comes before it (or the second declaration)",
        )

    def no_root(self) -> tuple[int, int, str]:
        stripped = self.text.lstrip("\ufeff \t\r\n")
        start = len(self.text) - len(stripped)
        if stripped.startswith(("{", "[")):
            return self.at(
                start,
                "this looks like JSON, not XML: BXML is an XML document; write it as "
                "<Response>...</Response> (or <Bxml> for an update-call request)",
            )
        snippet = stripped.split("\n")[0][:30]
        return self.at(
            start,
            f'expected a root element <Response> or <Bxml>, found "{snippet}": a BXML document '
            "is one element with nothing before it but an XML declaration and comments; write "
            "<Response>...</Response>",
        )

    # -- encodings ---------------------------------------------------------------------------
    def binary(self) -> tuple[int, int, str] | None:
        head = self.data[:64]
        utf16 = "the bytes look like UTF-16 ({}) without a byte-order mark or declaration: "
        utf16 += "save the file as UTF-8, or start it with a BOM"
        if len(head) >= 4 and head[0:1] == b"<" and head[1:2] == b"\x00":
            return 1, 1, utf16.format("little-endian")
        if len(head) >= 4 and head[0:1] == b"\x00" and head[1:2] == b"<":
            return 1, 1, utf16.format("big-endian")
        if head.lstrip()[:1] == b"<" or head.startswith(_BOMS):
            return None
        odd = sum(1 for b in head[:16] if b < 0x09 or 0x0E <= b < 0x20)
        if odd >= 2 or (head[:1] and head[0] >= 0x80 and odd):
            shown = " ".join(f"0x{b:02X}" for b in head[:4])
            return (
                1,
                1,
                f"this is a binary file (it starts with the bytes {shown}), not an XML "
                "document: a BXML document is text starting with <Response> or <Bxml>",
            )
        return None

    def encoding_problem(self) -> tuple[int, int, str] | None:
        raw = self.raw
        match = re.match(_DECLARED, self.data)
        declared = match.group(1).decode("ascii") if match else None
        column = match.start(1) + 1 if match else 1
        if declared and raw.startswith("Unsupported encoding"):
            return (
                1,
                column,
                f'the XML declaration names encoding "{declared}", which does not exist: '
                'declare encoding="UTF-8" and save the file as UTF-8',
            )
        if (
            declared
            and re.match(_UTF16_32, declared)
            and not self.data.startswith(_BOMS[1:])
            and self.data[:5] == b"<?xml"
        ):
            return (
                1,
                column,
                f'the XML declaration says encoding="{declared}", but the bytes are one byte per '
                'character (UTF-8 or ASCII): change the declaration to encoding="UTF-8"',
            )
        if not ("Invalid bytes in character encoding" in raw or "not proper UTF-8" in raw
                or "Input is not proper" in raw):  # fmt: skip
            return None
        name = declared or "UTF-8"
        try:
            decoder = codecs.getincrementaldecoder(name)
        except LookupError:
            return None
        data = self.data
        try:
            decoder("strict").decode(data, True)
        except UnicodeDecodeError as exc:
            bad = exc.start
        else:
            return None
        line = data.count(b"\n", 0, bad) + 1
        line_start = data.rfind(b"\n", 0, bad) + 1
        column = len(data[line_start:bad].decode(name, errors="replace")) + 1
        shown = " ".join(f"0x{b:02X}" for b in data[bad : bad + 4])
        said = (
            f"the declaration says {declared}"
            if declared
            else "no encoding is declared, so XML reads it as UTF-8"
        )
        guess = _guess(data[bad : bad + 4])
        if name.replace("-", "").replace("_", "").lower() in ("utf8",) and guess is not None:
            label, char = guess
            return (
                line,
                column,
                f"the bytes are not UTF-8 ({said}): at bytes {shown}, byte 0x{data[bad]:02X} "
                f'is {char!r} in {label}; save the file as UTF-8, or declare encoding="{label}"',
            )
        return (
            line,
            column,
            f"the bytes are not valid {name} ({said}): bytes {shown}; save the file in the "
            "declared encoding, or declare the encoding the bytes are in",
        )

    def misplaced_bom(self) -> tuple[int, int, str] | None:
        if not self.raw.startswith(
            (
                "Start tag expected",
                "Extra content at the end",
                "Document is empty",
                "XML declaration allowed only",
                "StartTag: invalid element name",
            )
        ):
            return None
        at = self.text.find("\ufeff")  # a first BOM is not in the text: _decode drops it
        if at < 0:
            return None
        return self.at(
            at,
            "a byte-order mark (U+FEFF, bytes EF BB BF in UTF-8) in the middle of the document: "
            "a BOM may only be the very first bytes of a file (files joined together, or an "
            "editor that wrote one after the declaration?); remove it",
        )


_CONTROL_NAMES = {
    0: "null",
    7: "bell",
    8: "backspace",
    11: "vertical tab",
    12: "form feed",
    27: "escape",
}


def _forbidden_char(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 and char not in "\t\n\r") or code in (0xFFFE, 0xFFFF)


def _guess(raw: bytes) -> tuple[str, str] | None:
    """The single-byte encoding the first byte of ``raw`` most likely came from."""
    if not raw:
        return None
    try:
        return "windows-1252", raw[:1].decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1", raw[:1].decode("latin-1")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    match = re.match(_DECLARED, data)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    if re.match(_UTF16_32, encoding):
        encoding = "utf-8"
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[start:].decode(encoding, errors="replace")
    except LookupError:
        return data[start:].decode("utf-8", errors="replace")
