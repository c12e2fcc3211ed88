"""The one hardened XML parser that every part of bxmlkit reads untrusted XML through.

Defences, each with its own error:

* no entity expansion, no DTD loading, no network access (libxml2 options), and a resolver
  that answers every request for an external DTD, entity or file with nothing;
* a DOCTYPE, an entity reference or a processing instruction other than the XML declaration is
  reported, never acted on (BXML has none of them; they are how XML attacks arrive);
* an explicit limit on document size (checked before parsing, and before reading a whole file),
  on element nesting depth and on the number of elements (counted without building a tree when
  a document could be over it, so a small file cannot make a huge tree);
* libxml2's own limits (names of 50,000 characters, texts, attribute values and comments of
  10,000,000, 256 levels, entity amplification) stay on: ``huge_tree`` is never set.

``read_source`` turns what a user hands us (str, bytes, a path, a binary stream) into bytes and
a name for messages; ``parse`` turns bytes into an lxml tree.  Neither imports pydantic, so the
linter can use them on its fast path.
"""

from __future__ import annotations

import os
import stat
import threading
from typing import IO, Any, NamedTuple, Union

from lxml import etree

from bxmlkit._wellformed import explain
from bxmlkit.errors import SourceError, XmlLimitError, XmlSyntaxError
from bxmlkit.vocabulary import MAX_DOCUMENT_BYTES as _BXML_MAX_BYTES

_BXML_KB = _BXML_MAX_BYTES // 1024

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "MAX_ELEMENTS",
    "ParsedDocument",
    "Source",
    "may_hold_forbidden",
    "parse",
    "read_file",
    "read_source",
]

#: Largest document the parser accepts, in bytes.  BXML documents may be at most 64 KB; the
#: parser allows much more so that the linter can still report an oversized document.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

#: Deepest element nesting the parser accepts.  Real BXML is at most about 8 levels deep
#: (Response / Gather / SpeakSentence / SSML ...).
MAX_DEPTH = 64

#: Most elements the parser accepts (comments and processing instructions count too: each is a
#: node of the tree).  A document at Bandwidth's 64 KB limit made of the shortest verb
#: (``<Ring/>``) has 9,362 elements.  The limit bounds the tree, the models built from it, and
#: the XSD validation of a document whose every element is invalid (libxml2 reports errors in
#: more than linear time: about 0.3 s for 5,000 errors, 2.5 s for 10,000, 17 s for 20,000).
MAX_ELEMENTS = 10_000

Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", IO[bytes]]

_local = threading.local()


class _ThreadState:
    """One thread's parsers (lxml parsers must not be shared between threads) and whether
    it is inside ``parse`` now; one ``threading.local`` lookup gives all of it."""

    __slots__ = ("parsers", "parsing")

    def __init__(self) -> None:
        self.parsing = False
        self.parsers: dict[bool, etree.XMLParser] = {}


def _thread_state() -> _ThreadState:
    state: _ThreadState | None = getattr(_local, "state", None)
    if state is None:
        state = _local.state = _ThreadState()
    return state


class _NoExternalResources(etree.Resolver):  # type: ignore[misc]
    """Answers every request for an external DTD, entity or file with nothing.

    libxml2 loads an external DTD subset and external parameter entities from local files in
    some option combinations even with ``load_dtd=False`` (lxml's ``collect_ids=False`` does
    it): a DOCTYPE naming a FIFO then hangs the parse, one naming a device reads it.  With
    this resolver nothing outside the document is opened while ``parse`` runs.  Afterwards
    (an XSD parsed here and compiled by ``bxmlkit.schema`` imports ``xml.xsd``) it defers.
    """

    def resolve(self, url: str, pubid: str, context: object) -> object:
        if _thread_state().parsing:
            return self.resolve_string("", context)
        return None


def _harden(parser: etree.XMLParser) -> etree.XMLParser:
    parser.resolvers.add(_NoExternalResources())
    return parser


def _parser(state: _ThreadState, *, utf8_override: bool) -> etree.XMLParser:
    """The thread's parser (UTF-8 forced, or the encoding detected as XML says)."""
    parser = state.parsers.get(utf8_override)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            attribute_defaults=False,
            huge_tree=False,
            remove_comments=False,
            remove_pis=False,
            strip_cdata=True,
            encoding="utf-8" if utf8_override else None,
        )
        _harden(parser)
        state.parsers[utf8_override] = parser
    return parser


class ParsedDocument:
    """A parsed document: the root element, the bytes it came from and their name.

    ``from_text`` is True when ``data`` is UTF-8 that a ``str`` input was encoded to.
    (A plain class, not a dataclass: see ``bxmlkit._frozen`` for why.)
    """

    __slots__ = ("data", "from_text", "root", "source")

    def __init__(
        self, root: etree._Element, data: bytes, source: str, from_text: bool = False
    ) -> None:
        self.root = root
        self.data = data
        self.source = source
        self.from_text = from_text

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, ParsedDocument)
            return (self.root, self.data, self.source, self.from_text) == (
                other.root,
                other.data,
                other.source,
                other.from_text,
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as the dataclass was

    def __repr__(self) -> str:
        return (
            f"ParsedDocument(root={self.root!r}, data={self.data!r}, source={self.source!r}, "
            f"from_text={self.from_text!r})"
        )

    @property
    def text(self) -> str:
        """The source decoded to text (for locating positions in error messages)."""
        return decode_for_positions(self.data, self.root)


def decode_for_positions(data: bytes, root: etree._Element | None = None) -> str:
    """Decode ``data`` as well as possible, for computing line and column numbers."""
    encoding = "utf-8"
    if root is not None:
        declared = root.getroottree().docinfo.encoding
        if declared:
            encoding = declared
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _check_size(size: int, source: str, limit: int) -> None:
    if size > limit:
        raise XmlLimitError(
            f"document is {size:,} bytes, over the limit of {limit:,} bytes",
            source=source,
            line=1,
            column=1,
            expected=f"at most {limit:,} bytes (BXML documents may be at most {_BXML_KB} KB)",
            actual=f"{size:,} bytes",
        )


def read_source(source: Source, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> tuple[bytes, str, bool]:
    """Read ``source`` into ``(data, name, from_text)``.

    * ``str``: the document text itself (not a file name; pass a ``pathlib.Path`` for a file).
    * ``bytes`` / ``bytearray`` / ``memoryview``: the encoded document.
    * ``os.PathLike``: a file; must be a regular file (a FIFO or device is refused, never opened).
    * a binary file object: read up to the limit.

    Raises ``SourceError`` when a file cannot be read and ``XmlLimitError`` when it is too large.
    """
    if isinstance(source, str):
        return source.encode("utf-8", errors="surrogatepass"), "<string>", True
    if type(source) is bytes:  # the common case, without bytes(): a third of this call's cost
        return source, "<bytes>", False
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), "<bytes>", False
    if isinstance(source, os.PathLike):
        return read_file(source, max_bytes=max_bytes)[0], os.fspath(source), False
    read = getattr(source, "read", None)
    if read is None:
        raise TypeError(
            "expected str (document text), bytes, a path (os.PathLike) or a binary file, "
            f"got {type(source).__name__}"
        )
    name = str(getattr(source, "name", "<stream>"))
    try:
        data = read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", source=name) from exc
    if isinstance(data, str):
        raise TypeError(f"{name}: the file object is in text mode; open it in binary mode ('rb')")
    _check_size(len(data), name, max_bytes)
    return bytes(data), name, False


def read_file(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_DOCUMENT_BYTES, partial: bool = False
) -> tuple[bytes, int]:
    """The bytes of a BXML file and its size: the one place bxmlkit opens a document file.

    The path must name a regular file (a directory, FIFO, socket or device is refused,
    never opened).  A file over ``max_bytes`` raises ``XmlLimitError`` unread, or with
    ``partial=True`` gives only its first ``max_bytes + 1`` bytes and its real size (the
    linter reports an oversized file without reading 10 GB of it).

    Raises ``SourceError`` when the file cannot be read.
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError as exc:
        raise SourceError("no such file or directory", source=name) from exc
    except PermissionError as exc:
        raise SourceError("permission denied", source=name) from exc
    except OSError as exc:  # symlink loop, name too long, ...
        raise SourceError(f"cannot read: {exc.strerror or exc}", source=name) from exc
    except ValueError as exc:  # a NUL character in the name
        raise SourceError(f"cannot read: {exc}", source=name) from exc
    if stat.S_ISDIR(info.st_mode):
        raise SourceError("is a directory, not a file", source=name)
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("is not a regular file (FIFO, socket or device)", source=name)
    if not partial:
        _check_size(info.st_size, name, max_bytes)
    try:
        with open(name, "rb") as handle:
            # A small file is read with a buffer of its own size, not one of max_bytes.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size and len(data) <= max_bytes:  # it grew meanwhile
                data += handle.read(max_bytes + 1 - len(data))
    except PermissionError as exc:
        raise SourceError("permission denied", source=name) from exc
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", source=name) from exc
    if not partial:
        _check_size(len(data), name, max_bytes)
    return data, max(info.st_size, len(data))


def parse(
    data: bytes,
    *,
    source: str = "<bytes>",
    from_text: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    max_depth: int = MAX_DEPTH,
    max_elements: int = MAX_ELEMENTS,
) -> ParsedDocument:
    """Parse ``data`` with the hardened parser.

    Raises ``XmlSyntaxError`` for input that is not well-formed (with libxml2's line and
    column) and ``XmlLimitError`` for input over the size, depth or element-count limit, or
    over one of libxml2's own limits (a name, text, attribute value or comment too long).
    A DOCTYPE, entity reference or processing instruction does not raise here:
    ``forbidden_constructs`` lists them, so that the codec can refuse them and the linter can
    report them.
    """
    _check_size(len(data), source, max_bytes)
    if not data or data.isspace():
        raise XmlSyntaxError(
            "the document is empty",
            source=source,
            line=1,
            column=1,
            expected="an XML document with a <Response> or <Bxml> root",
            actual="no content",
        )
    # A document with fewer bytes (or fewer '<' bytes, in every encoding libxml2 detects by
    # itself) than 4 * max_elements cannot hold more elements than the limit.
    many = len(data) > 4 * max_elements
    if many and data.count(b"<") > max_elements:
        _count_elements(data, source, max_elements, from_text)
    state = _thread_state()
    parser = state.parsers.get(from_text)
    if parser is None:
        parser = _parser(state, utf8_override=from_text)
    state.parsing = True
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        message = str(exc.msg or exc)
        suffix = f", line {line}, column {column}"
        if message.endswith(suffix):
            message = message[: -len(suffix)]
        message = message.strip()  # libxml2 ends some messages with a line break
        if "Excessive depth" in message:
            raise XmlLimitError(
                f"elements are nested deeper than the limit of {max_depth}",
                source=source,
                line=line,
                column=column,
                expected=f"at most {max_depth} levels of nesting",
            ) from exc
        if any(marker in message for marker in _LIBXML2_LIMITS):
            raise XmlLimitError(
                f"the document is over a limit of the XML parser: {_without_advice(message)}",
                source=source,
                line=line,
                column=column,
                expected=_LIBXML2_LIMITS_EXPECTED,
            ) from exc
        if "amplification" in message:
            raise XmlSyntaxError(
                "entities expand to too much text (an entity expansion attack?); BXML has no "
                "DTD and no entities",
                source=source,
                line=line,
                column=column,
                expected="no DTD, entities or processing instructions (BXML has none)",
            ) from exc
        explained = explain(data, exc)
        raise XmlSyntaxError(
            explained.message,
            source=source,
            line=explained.line,
            column=explained.column,
        ) from exc
    except ValueError as exc:  # e.g. lxml refusing a document it cannot decode
        explained = explain(data, exc)
        raise XmlSyntaxError(
            explained.message, source=source, line=explained.line, column=explained.column
        ) from exc
    finally:
        state.parsing = False
    # Nesting deeper than max_depth needs more than max_depth start tags, so more '<' bytes
    # (in every encoding libxml2 detects by itself, as above): most documents skip the walk.
    if data.count(b"<") > max_depth:
        _check_depth(root, source, max_depth)
    if many:  # also for an encoding in which '<' is not the byte 0x3C
        for index, element in enumerate(root.iter()):
            if index >= max_elements:
                raise _too_many(source, max_elements, element.sourceline or 1)
    return ParsedDocument(root, data, source, from_text)  # positional: 2x faster than by name


#: libxml2's messages for its own limits (it advises XML_PARSE_HUGE, which bxmlkit never sets).
_LIBXML2_LIMITS = ("Resource limit exceeded", "too long", "too big", "Huge input")
_LIBXML2_LIMITS_EXPECTED = (
    "names of at most 50,000 characters; texts, attribute values, comments and CDATA "
    "sections of at most 10,000,000 characters"
)


def _without_advice(message: str) -> str:
    for advice in (", try XML_PARSE_HUGE", ", use XML_PARSE_HUGE option", " try XML_PARSE_HUGE"):
        message = message.replace(advice, "")
    return message


def _too_many(source: str, max_elements: int, line: int) -> XmlLimitError:
    return XmlLimitError(
        f"the document has more than {max_elements:,} elements (comments and processing "
        "instructions included)",
        source=source,
        line=line,
        column=1,
        expected=f"at most {max_elements:,} elements (64 KB of <Ring/> verbs is 9,362)",
        actual=f"more than {max_elements:,} elements",
    )


class _ElementCounter:
    """A parser target that builds nothing: it counts start tags, comments and PIs."""

    def __init__(self) -> None:
        self.count = 0

    def start(self, tag: object, attrib: object, nsmap: object = None) -> None:
        self.count += 1

    def end(self, tag: object) -> None:
        pass

    def comment(self, text: object) -> None:
        self.count += 1

    def pi(self, target: object, data: object = None) -> None:
        self.count += 1

    def close(self) -> None:
        return None


_COUNT_CHUNK = 64 * 1024


def _count_elements(data: bytes, source: str, max_elements: int, from_text: bool) -> None:
    """Raise ``XmlLimitError`` when ``data`` has more than ``max_elements`` elements.

    Counts with a tree-less parse fed in chunks (same hardening options), so that memory stays
    flat and the count stops soon after the limit.  Syntax errors are left to the real parse.
    """
    counter = _ElementCounter()
    parser = etree.XMLParser(
        target=counter,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        encoding="utf-8" if from_text else None,
    )
    _harden(parser)
    view = memoryview(data)
    state = _thread_state()
    state.parsing = True
    try:
        for offset in range(0, len(data), _COUNT_CHUNK):
            parser.feed(bytes(view[offset : offset + _COUNT_CHUNK]))
            if counter.count > max_elements:
                break
        else:
            parser.close()
    except (etree.XMLSyntaxError, ValueError):  # the real parse reports it
        pass
    finally:
        state.parsing = False
    if counter.count > max_elements:
        raise _too_many(source, max_elements, 1)


_DEPTH_PROBES: dict[int, Any] = {}


def _check_depth(root: etree._Element, source: str, max_depth: int) -> None:
    probe = _DEPTH_PROBES.get(max_depth)
    if probe is None:  # is there any element below depth max_depth?  (one XPath, in C)
        probe = _DEPTH_PROBES[max_depth] = etree.XPath("boolean(/*" + "/*" * max_depth + ")")
    if not probe(root):
        return
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > max_depth:
            raise XmlLimitError(
                f"elements are nested deeper than the limit of {max_depth}",
                source=source,
                line=element.sourceline or 0,
                column=0,
                expected=f"at most {max_depth} levels of nesting",
                actual=f"depth {depth}",
            )
        for child in element:
            stack.append((child, depth + 1))


class ForbiddenConstruct(NamedTuple):
    """A DOCTYPE, entity reference or processing instruction found in a document."""

    kind: str  # "doctype" | "entity" | "processing-instruction"
    text: str
    line: int


def may_hold_forbidden(root: etree._Element) -> bool:
    """False when the tree certainly holds no DOCTYPE, entity reference and processing
    instruction (``forbidden_constructs`` would find nothing).

    A few cheap looks at the tree for the common case (about half the cost of
    ``forbidden_constructs``); a True answer needs the full walk.  Entity references can
    only survive parsing in a document that has a DOCTYPE, and libxml2 records every
    DOCTYPE as an internal subset.
    """
    if root.getroottree().docinfo.internalDTD is not None:
        return True
    if root.getprevious() is not None or root.getnext() is not None:
        return True  # comments or processing instructions around the root
    return next(root.iter(etree.ProcessingInstruction), None) is not None


def forbidden_constructs(document: ParsedDocument) -> list[ForbiddenConstruct]:
    """List the constructs BXML forbids that the parser kept (without acting on them)."""
    found: list[ForbiddenConstruct] = []
    tree = document.root.getroottree()
    doctype = tree.docinfo.doctype
    if doctype or tree.docinfo.internalDTD is not None:
        found.append(ForbiddenConstruct("doctype", doctype or "<!DOCTYPE>", 1))
    sibling = document.root.getprevious()
    while sibling is not None:
        if isinstance(sibling, etree._ProcessingInstruction):
            found.append(
                ForbiddenConstruct("processing-instruction", str(sibling), sibling.sourceline or 0)
            )
        sibling = sibling.getprevious()
    for node in document.root.iter(etree.Entity, etree.ProcessingInstruction):
        kind = "entity" if isinstance(node, etree._Entity) else "processing-instruction"
        found.append(ForbiddenConstruct(kind, str(node), node.sourceline or 0))
    sibling = document.root.getnext()
    while sibling is not None:
        if isinstance(sibling, etree._ProcessingInstruction):
            found.append(
                ForbiddenConstruct("processing-instruction", str(sibling), sibling.sourceline or 0)
            )
        sibling = sibling.getnext()
    return found


def forbidden_error(document: ParsedDocument, found: list[ForbiddenConstruct]) -> XmlSyntaxError:
    """The error for the first of ``found`` (``forbidden_constructs``, not empty): the words
    and the place are ``bxmlkit._messages``', the same from ``from_xml``, ``validate`` and
    ``check``."""
    from bxmlkit._messages import construct_location, forbidden_construct

    text = document.text
    located = [(construct_location(text, c.kind, c.text, c.line), c) for c in found]
    (line, column), first = min(located, key=lambda pair: pair[0])
    said = forbidden_construct(first.kind, first.text)
    return XmlSyntaxError(
        said.core,
        source=document.source,
        line=line,
        column=column,
        expected="no DTD, entities or processing instructions (BXML has none)",
        actual=first.text[:80],
        hint=said.hint,
    )


def has_spoken_text(node: etree._Element) -> bool:
    """True when ``node`` or an element inside it has non-blank text (comments left out; an
    entity reference, which only lint reads past, counts as text): what a ``<SpeakSentence>``
    needs, for every face."""
    text = node.text
    if text and not text.isspace():
        return True  # the common case: the words come first, no walk
    for element in node.iter(etree.Element, etree.Entity):
        if isinstance(element, etree._Entity):
            return True
        if element.text and not element.text.isspace():
            return True
        for child in element:
            if child.tail and not child.tail.isspace():
                return True
    return False
