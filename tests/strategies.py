"""Hypothesis strategies that generate valid BXML models, derived from the models' own
field constraints (so a new attribute is generated without touching this file)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from bxmlkit.models import ELEMENTS, Bxml, Comment, Element, Response, _types
from bxmlkit.models._base import Constraints, field_constraints

__all__ = ["documents", "elements", "python_regex"]

_BRACED_HEX = re.compile(r"\\x\{([0-9A-Fa-f]+)\}")


def python_regex(pattern: str) -> str:
    """Translate the Rust-regex escapes the models use (``\\x{HHHH}``) to Python's."""

    def repl(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"

    return _BRACED_HEX.sub(repl, pattern)


# Text that is valid XML and varied: markup characters, quotes, whitespace, non-BMP.
_xml_chars = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc"),
    include_characters="\t\n<>&\"'",
).filter(lambda c: c not in "\ufffe\uffff")
free_text = st.text(_xml_chars, max_size=20)
#: Comments XML can carry: no "--", no "-" at the end, no carriage return.
comments = (
    st.text(_xml_chars, max_size=20)
    .filter(lambda text: "--" not in text and not text.endswith("-") and "\r" not in text)
    .map(Comment)
)


# Visible characters (no whitespace, no controls) for URLs and URIs; the models' patterns span
# all of Unicode, which makes Hypothesis' regex strategy slow, so these are built directly.
_visible = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")).filter(
    lambda c: c not in "\ufffe\uffff\x85\xa0"
)
_segment = st.text(_visible.filter(lambda c: c not in ":/?#"), min_size=1, max_size=8)
_tail = st.text(_visible, max_size=12)
_SPECIAL: dict[str, st.SearchStrategy[str]] = {
    _types.URL_PATTERN: st.one_of(
        st.builds(
            lambda s, h, t: f"{s}://{h}{t}",
            st.sampled_from(["http", "https", "HTTPS"]),
            _segment,
            _tail,
        ),
        st.builds(lambda h, t: f"{h}/{t}", _segment, _tail),
        st.builds(lambda t: f"/{t}", _tail),
        _segment,
    ),
    _types.WEBSOCKET_URL_PATTERN: st.builds(
        lambda s, t: f"{s}://{t}", st.sampled_from(["ws", "wss"]), _tail.filter(bool)
    ),
    _types.SIP_URI_PATTERN: st.builds(
        lambda s, t: f"{s}:{t}", st.sampled_from(["sip", "sips"]), _tail.filter(bool)
    ),
    _types.FORWARD_TARGET_PATTERN: st.one_of(
        st.from_regex(r"\+[1-9][0-9]{1,14}", fullmatch=True),
        st.builds(lambda t: f"sip:{t}", _tail.filter(bool)),
    ),
    _types.NON_EMPTY_TOKEN_PATTERN: _tail.filter(bool),
}


def _string(constraints: Constraints) -> st.SearchStrategy[str]:
    pattern = constraints.pattern
    if pattern is None or pattern == _types.TEXT_PATTERN:
        strategy = free_text
    elif pattern in _SPECIAL:
        strategy = _SPECIAL[pattern]
    else:
        strategy = st.from_regex(python_regex(pattern), fullmatch=True)
    if constraints.min_length:
        strategy = strategy.filter(lambda s: len(s) >= (constraints.min_length or 0))
    if constraints.max_length is not None:
        strategy = strategy.filter(lambda s: len(s) <= (constraints.max_length or 0))
    return strategy


def scalar(kind: str, constraints: Constraints) -> st.SearchStrategy[Any]:
    """A value for one attribute or text field."""
    if constraints.enum is not None:
        return st.sampled_from(constraints.enum)
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        low = int(constraints.ge) if constraints.ge is not None else 0
        high = int(constraints.le) if constraints.le is not None else low + 10_000
        return st.integers(low, high)
    if kind == "float":
        low_f = float(constraints.ge) if constraints.ge is not None else 0.0
        high_f = float(constraints.le) if constraints.le is not None else 1e6
        return st.one_of(
            st.integers(int(-(-low_f // 1)), int(high_f)).map(float),
            st.floats(low_f, high_f, allow_nan=False, allow_infinity=False),
        )
    return _string(constraints)


def _attributes(cls: type[Element]) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for attribute in cls.xml_attributes:
        strategy = scalar(attribute.kind, attribute.constraints)
        (required if attribute.required else optional)[attribute.field] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _merge_text(items: list[Any]) -> list[Any]:
    merged: list[Any] = []
    for item in items:
        if isinstance(item, str):
            if not item:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] += item
                continue
        merged.append(item)
    return merged


@st.composite
def _element(draw: st.DrawFn, cls: type[Element], depth: int = 0, bare: bool = False) -> Element:
    data = {} if bare else draw(_attributes(cls))
    kind = cls.content_kind
    if kind == "text":
        info = cls.model_fields[cls.text_field or ""]
        text = draw(scalar("str", field_constraints(info)))
        if cls.strip_text:
            text = text.strip() or text
        if text.strip() or not cls.text_optional:
            data[cls.text_field or ""] = text
    elif kind in ("children", "mixed"):
        info = cls.model_fields[cls.children_field or ""]
        constraints = field_constraints(info)
        low = constraints.min_length or 0
        high = min(constraints.max_length or 4, 4 if depth < 2 else low)
        tags = [tag for tag in cls.child_tags if depth < 3 or ELEMENTS[tag].content_kind != "mixed"]
        bare = cls.xml_tag == "Refer"  # Refer's SipUri takes no attributes
        child = st.sampled_from(tags).flatmap(lambda tag: _element(ELEMENTS[tag], depth + 1, bare))
        if kind == "mixed":
            items = draw(
                st.lists(st.one_of(free_text, child, comments), min_size=0, max_size=high + 1)
            )
            items = _merge_text(items)
            if cls.xml_tag == "SpeakSentence":
                items.append(draw(st.text(_xml_chars, min_size=1, max_size=10).filter(str.strip)))
                items = _merge_text(items)
            data[cls.children_field or ""] = items
        else:
            children: list[Any] = draw(st.lists(child, min_size=low, max_size=high))
            for comment in draw(st.lists(comments, max_size=2)):  # anywhere between them
                children.insert(draw(st.integers(0, len(children))), comment)
            data[cls.children_field or ""] = children
        if cls.outer_comment_fields:
            for name in cls.outer_comment_fields:
                data[name] = draw(st.lists(comments, max_size=2))
    return cls.model_validate(data)


def elements(cls: type[Element]) -> st.SearchStrategy[Element]:
    """Valid instances of one element model."""
    return _element(cls)


def documents() -> st.SearchStrategy[Response | Bxml]:
    """Valid ``Response`` and ``Bxml`` documents with any verbs."""
    return st.one_of(_element(Response), _element(Bxml))
