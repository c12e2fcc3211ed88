"""The machinery every BXML model shares.

An element model is a pydantic model with a class-level XML tag and one of four content
kinds; its XML attributes are the fields whose alias is the attribute's exact XML name.

* ``"empty"``: attributes only (``<Hangup/>``);
* ``"text"``: attributes and one text value, held in the field named by ``text_field``
  (``PhoneNumber.number``);
* ``"children"``: attributes and an ordered list of child elements, held in the field named
  by ``children_field`` (``Gather.prompts``), typed by what the parent allows;
* ``"mixed"``: text interleaved with SSML elements (``SpeakSentence.content``).

Positional arguments fill the content: ``PhoneNumber("+15555550100")``,
``Gather(SpeakSentence("Press 1"), max_digits=1)``, ``SpeakSentence("Hi ", Break(time="1s"))``.

The codec reads the class-level tables built here (``xml_attributes``) so that it never has
to inspect annotations on the hot path.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, ValidationError, model_serializer
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError, PydanticKnownError, core_schema

__all__ = [
    "ELEMENTS",
    "AttributeInfo",
    "Constraints",
    "ContentKind",
    "Element",
    "ElementCount",
    "child_union",
    "field_constraints",
]

ContentKind = Literal["empty", "text", "children", "mixed"]

#: Every element model by XML tag (SSML tags included), filled as the model modules load.
ELEMENTS: dict[str, type[Element]] = {}

#: Model class -> (the field positional arguments fill, whether it holds a list).  Read on
#: every construction, so a dict: attribute lookups on a pydantic model class go through its
#: metaclass's ``__getattr__`` hook and cost about four times a dict lookup.
_POSITIONAL: dict[type, tuple[str, bool]] = {}

#: The key that names an element's type in JSON (``{"type": "Gather", ...}``).
TYPE_KEY = "type"


@dataclass(frozen=True)
class Constraints:
    """The value constraints of one field, gathered from its annotation and ``Field()``."""

    enum: tuple[str, ...] | None = None
    ge: float | None = None
    le: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class AttributeInfo:
    """How one model field maps to one XML attribute."""

    field: str  #: Python field name (``max_digits``)
    xml_name: str  #: XML attribute name (``maxDigits``)
    kind: Literal["bool", "int", "float", "str"]  #: how the text of the attribute is read
    required: bool
    info: FieldInfo
    constraints: Constraints


if TYPE_CHECKING:
    _ElementClass = type
else:

    class _ElementClass(type(BaseModel)):
        """Pydantic's model metaclass, with construction in one call.

        ``Gather(...)`` would run ``type.__call__``: allocate, then ``__init__`` in Python,
        which hands the arguments and the new instance to pydantic-core.  Here the call
        goes to pydantic-core at once, which builds the instance itself: 8% of the time of
        building a typical document (each element ~200 ns less, measured).  Only calling the
        class changes; pydantic's own paths (``model_validate``, ``model_construct``, copy,
        pickle) never call it.  Type checkers see pydantic's metaclass, unchanged.
        """

        def __call__(cls, *content, **data):
            if content:
                _put_positional(cls, content, data)
            try:
                return (_VALIDATE.get(cls) or _validate_function(cls))(data)
            except ValidationError as exc:
                raise _with_argument_names(exc, cls) from None


#: Model class -> its validator's ``validate_python``, once the class is complete (a dict:
#: attribute lookups on a pydantic model class go through its metaclass's ``__getattr__``
#: hook and cost about four times a dict lookup).
_VALIDATE: dict[type, Any] = {}


def _validate_function(cls: type[BaseModel]) -> Any:
    validate = cls.__pydantic_validator__.validate_python
    if cls.__pydantic_complete__:  # a model waiting for a forward reference is rebuilt later
        _VALIDATE[cls] = validate
    return validate


def _with_argument_names(exc: ValidationError, cls: type[BaseModel]) -> ValidationError:
    """``exc`` with each unknown keyword argument named and given a did-you-mean.

    Pydantic says only "Extra inputs are not permitted"; a user who wrote
    ``Gather(maxdigits=3)`` needs to read ``max_digits`` (and its XML name ``maxDigits``).
    Only a failed construction comes here; other errors are kept as they are.
    """
    errors = exc.errors(include_url=False)
    if not any(error["type"] == "extra_forbidden" for error in errors):
        return exc
    from bxmlkit.codec import _suggest  # the one did-you-mean (the codec imports the models)

    fields = cls.model_fields
    names = [name for name in fields if name != TYPE_KEY]
    by_alias = {info.alias: name for name, info in fields.items() if info.alias}
    details: list[Any] = []
    for error in errors:
        if error["type"] != "extra_forbidden" or len(error["loc"]) != 1:
            details.append(error)
            continue
        argument = str(error["loc"][0])
        guess = _suggest(argument, names) or by_alias.get(_suggest(argument, list(by_alias)), "")
        message = f"{cls.__name__}() got an unknown argument {argument!r}"
        if guess:
            alias = fields[guess].alias
            xml = f" (XML name {alias})" if alias and alias != guess else ""
            message += f"; did you mean {guess}{xml}?"
        elif names:
            message += f"; its arguments are {', '.join(names)}"
        else:
            message += "; it takes no arguments"
        details.append(
            {
                "type": PydanticCustomError("extra_forbidden", message),
                "loc": error["loc"],
                "input": error["input"],
            }
        )
    return ValidationError.from_exception_data(exc.title, details)


def _put_positional(cls: type, content: tuple[Any, ...], data: dict[str, Any]) -> None:
    """Move positional arguments (the text, or the children) into the keyword data."""
    try:
        field, holds_list = _POSITIONAL[cls]
    except KeyError:
        raise TypeError(
            f"{cls.__name__}() takes no positional arguments (it has neither text nor children)"
        ) from None
    if field in data:
        raise TypeError(f"{cls.__name__}() got content both positionally and as {field}=")
    if holds_list:
        data[field] = list(content)
    elif len(content) == 1:
        data[field] = content[0]
    else:
        raise TypeError(
            f"{cls.__name__}() takes one positional argument (the {field}), got {len(content)}"
        )


class Element(BaseModel, metaclass=_ElementClass):
    """Base class of every BXML element model (verbs, nouns, roots and SSML)."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        validate_assignment=True,
        use_attribute_docstrings=False,
        revalidate_instances="never",
    )

    #: The element's XML tag.
    xml_tag: ClassVar[str] = ""
    #: What the element holds besides attributes.
    content_kind: ClassVar[ContentKind] = "empty"
    #: Field holding the text (``content_kind == "text"``).
    text_field: ClassVar[str | None] = None
    #: Whether the text may be absent (``<Tag/>``).
    text_optional: ClassVar[bool] = False
    #: Whether whitespace around the text is insignificant (trimmed when reading XML).
    strip_text: ClassVar[bool] = True
    #: Field holding children or mixed content.
    children_field: ClassVar[str | None] = None
    #: Tags of the elements allowed as children (or inside mixed content).
    child_tags: ClassVar[tuple[str, ...]] = ()
    #: ``child_tags`` as a set, for fast membership tests (built per class).
    child_tag_set: ClassVar[frozenset[str]] = frozenset()
    #: Fields holding the comments before and after the element (the roots only).
    outer_comment_fields: ClassVar[tuple[str, ...]] = ()
    #: The XML attributes in serialization order (built per class).
    xml_attributes: ClassVar[tuple[AttributeInfo, ...]] = ()
    #: The XML attributes by XML name (built per class).
    xml_attribute_map: ClassVar[dict[str, AttributeInfo]] = {}

    #: The element's XML tag as a field (``Literal[xml_tag]`` in each concrete model, filled in
    #: by ``__init_subclass__``): the key that names the element in JSON, and what child
    #: unions dispatch on, inside pydantic-core, with no Python call per child.
    type: str = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for base in cls.__mro__[1:]:
            if base.__dict__.get("xml_tag"):
                raise TypeError(
                    f"{base.__name__} cannot be subclassed: element models are final (child "
                    f"lists and the codec dispatch on the exact class, so a subclass would be "
                    f"refused where a {base.__name__} is allowed)"
                )
        tag = cls.__dict__.get("xml_tag")
        if tag:
            # Before pydantic collects the fields (since Python 3.10 a class's own
            # __annotations__ is its own dict, created on first access).
            if TYPE_KEY in cls.__annotations__:
                raise TypeError(f"{cls.__name__}: the field name {TYPE_KEY!r} is reserved")
            cls.__annotations__[TYPE_KEY] = Literal[tag]
            setattr(cls, TYPE_KEY, tag)

    def __init__(self, *content: Any, **data: Any) -> None:
        # Calling the class does not come here (see _ElementClass); an explicit
        # ``__init__`` call does the same work on an existing instance.
        if content:
            _put_positional(type(self), content, data)
        try:
            self.__pydantic_validator__.validate_python(data, self_instance=self)
        except ValidationError as exc:
            raise _with_argument_names(exc, type(self)) from None

    # Tell pydantic this __init__ only reshapes arguments: validation (``model_validate``,
    # the codec) then never routes through it, which would validate every element twice.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if not cls.xml_tag:
            return
        content = {cls.text_field, cls.children_field, TYPE_KEY, *cls.outer_comment_fields}
        attributes = tuple(
            AttributeInfo(
                field=name,
                xml_name=info.alias or name,
                kind=_attribute_kind(info.annotation),
                required=info.is_required(),
                info=info,
                constraints=field_constraints(info),
            )
            for name, info in cls.model_fields.items()
            if name not in content
        )
        cls.xml_attributes = attributes
        cls.xml_attribute_map = {attribute.xml_name: attribute for attribute in attributes}
        cls.child_tag_set = frozenset(cls.child_tags)
        if cls.text_field is not None:
            _POSITIONAL[cls] = (cls.text_field, False)
        elif cls.children_field is not None:
            _POSITIONAL[cls] = (cls.children_field, True)
        ELEMENTS[cls.xml_tag] = cls

    # -- JSON form ------------------------------------------------------------------------------
    @model_serializer(mode="wrap")
    def _dump_without_unset(self, handler: Any) -> dict[str, Any]:
        # Unset attributes are None; JSON leaves them out, as XML does ("type" comes first),
        # and the roots' lists of comments before and after them when empty.
        dumped = {key: value for key, value in handler(self).items() if value is not None}
        for name in type(self).outer_comment_fields:
            if not dumped.get(name, True):
                del dumped[name]
        return dumped

    # -- readability ----------------------------------------------------------------------------
    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        cls = type(self)
        content_field = cls.text_field or cls.children_field
        if content_field is not None:
            value = getattr(self, content_field)
            if isinstance(value, list):
                for item in value:
                    yield None, item
            elif value is not None:
                yield None, value
        for attribute in cls.xml_attributes:
            value = getattr(self, attribute.field)
            if value is not None:
                yield attribute.field, value
        for name in cls.outer_comment_fields:
            value = getattr(self, name)
            if value:
                yield name, value

    def iter_children(self) -> Iterator[Element]:
        """The child elements (not text) in document order."""
        field = type(self).children_field
        if field is None:
            return
        for item in getattr(self, field):
            if isinstance(item, Element):
                yield item

    def walk(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.iter_children():
            yield from child.walk()


def _attribute_kind(annotation: Any) -> Literal["bool", "int", "float", "str"]:
    """The scalar kind behind ``X | None`` / ``Annotated[X, ...]`` / ``Literal[...]``."""
    seen = annotation
    while True:
        origin = typing.get_origin(seen)
        if origin is typing.Annotated:
            seen = typing.get_args(seen)[0]
        elif origin is typing.Union or origin is types.UnionType:
            options = [arg for arg in typing.get_args(seen) if arg is not type(None)]
            seen = options[0]
        else:
            break
    if seen is bool:
        return "bool"
    if seen is int:
        return "int"
    if seen is float:
        return "float"
    return "str"


def field_constraints(info: FieldInfo) -> Constraints:
    """Gather enumeration, range, length and pattern constraints of a field."""
    found: dict[str, Any] = {}
    _collect(info.annotation, found)
    for item in info.metadata:
        _collect_metadata(item, found)
    return Constraints(**found)


def _collect(annotation: Any, found: dict[str, Any]) -> None:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        args = typing.get_args(annotation)
        _collect(args[0], found)
        for item in args[1:]:
            _collect_metadata(item, found)
    elif origin is typing.Union or origin is types.UnionType:
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                _collect(arg, found)
    elif origin is Literal:
        found["enum"] = tuple(str(arg) for arg in typing.get_args(annotation))


def _collect_metadata(item: Any, found: dict[str, Any]) -> None:
    for name in ("ge", "le", "min_length", "max_length", "pattern"):
        value = getattr(item, name, None)
        if value is not None:
            found[name] = value


@dataclass(frozen=True)
class _ChildUnion:
    """The schema of one child (or mixed-content item) that a parent allows.

    In Python, a value is dispatched on its class (``type(value)``, a C call, then a dict
    lookup inside pydantic-core): a built model is taken as it is, a string is text (in
    mixed content), and a dict (the codec's data, or a dumped model) is dispatched on its
    ``"type"`` key, as JSON is (its error locations show the class: ``<class 'dict'>``).
    Anything else fails as "not an element allowed here".  A ``Comment`` is allowed
    wherever children or mixed content are.
    """

    elements: tuple[type[Element], ...]
    text: bool

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        from bxmlkit.models._types import Text
        from bxmlkit.models.comment import COMMENT_TYPE, Comment

        error: dict[str, Any] = {
            "custom_error_type": "invalid_child",
            "custom_error_message": "not an element allowed here",
        }
        schemas: dict[Any, core_schema.CoreSchema] = {
            element: handler.generate_schema(element) for element in self.elements
        }
        comment = handler.generate_schema(Comment)
        by_type = {element.xml_tag: schema for element, schema in schemas.items()}
        by_type[COMMENT_TYPE] = comment
        by_tag = core_schema.tagged_union_schema(by_type, discriminator=TYPE_KEY)
        by_class: dict[Any, core_schema.CoreSchema] = dict(schemas)
        by_class[Comment] = comment
        by_class[dict] = by_tag
        by_json: core_schema.CoreSchema = by_tag
        if self.text:
            text = handler.generate_schema(Text)
            by_class[str] = text
            by_json = core_schema.union_schema([text, by_tag], mode="left_to_right", **error)
        by_python = core_schema.tagged_union_schema(by_class, discriminator=type, **error)
        return core_schema.json_or_python_schema(json_schema=by_json, python_schema=by_python)


def child_union(*members: Any) -> Any:
    """The type of one child a parent allows: element models, ``str`` for mixed content,
    and always a ``Comment``."""
    from bxmlkit.models.comment import Comment

    elements = tuple(member for member in members if member is not str)
    return typing.Annotated[
        typing.Union[(*members, Comment)],
        _ChildUnion(elements, text=str in members),
    ]


@dataclass(frozen=True)
class ElementCount:
    """How many elements a child list holds (its comments not counted): ``min_length`` to
    ``max_length``, checked after the items are validated, with pydantic's own
    ``too_short`` / ``too_long`` errors.  Use it in place of ``Field(min_length=...)`` on a
    list that may hold comments."""

    min_length: int | None = None
    max_length: int | None = None

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        from bxmlkit.models.comment import Comment

        low = self.min_length or 0
        high = self.max_length

        def check(items: list[Any]) -> list[Any]:
            count = len(items)
            for item in items:
                if type(item) is Comment:
                    count -= 1
            if count < low:
                raise PydanticKnownError(
                    "too_short", {"field_type": "List", "min_length": low, "actual_length": count}
                )
            if high is not None and count > high:
                raise PydanticKnownError(
                    "too_long", {"field_type": "List", "max_length": high, "actual_length": count}
                )
            return items

        return core_schema.no_info_after_validator_function(check, handler(source))
