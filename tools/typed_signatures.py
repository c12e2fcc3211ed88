"""Write the typed ``__init__`` signatures of the element models into their modules.

Calling a model class runs bxmlkit's metaclass, which accepts the content positionally
(``Gather(SpeakSentence("Hi"), max_digits=1)``) and snake_case keywords.  A type checker
cannot see that: it would synthesize ``__init__`` from the fields with their XML aliases.
So each element model carries, under ``if TYPE_CHECKING:``, the signature users write:
content positionally (``*prompts``) or by its field name (``prompts=[...]``), every attribute
as a keyword-only snake_case argument.  This script generates those blocks from the models'
own tables; ``tests/models/test_typing.py`` fails when running it would change a file.

    .venv/bin/python tools/typed_signatures.py          # rewrite the model modules
    .venv/bin/python tools/typed_signatures.py --check  # exit 1 when a block is stale
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bxmlkit.models import ELEMENTS  # noqa: E402
from bxmlkit.models._base import TYPE_KEY, Element  # noqa: E402

BEGIN = "    # BEGIN generated signature (tools/typed_signatures.py); do not edit"
END = "    # END generated signature"
_BLOCK = re.compile(rf"\n{re.escape(BEGIN)}\n.*?{re.escape(END)}\n", re.S)


def _annotation(cls: type[Element], name: str) -> str:
    """The field's annotation as written in its module, without ``Annotated`` metadata."""
    for klass in cls.__mro__:
        written = inspect.get_annotations(klass).get(name)
        if written is not None:
            break
    else:  # pragma: no cover - every field is annotated somewhere
        raise LookupError(f"{cls.__name__}.{name}")
    node = ast.parse(str(written), mode="eval").body
    if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "Annotated":
        inner = node.slice
        node = inner.elts[0] if isinstance(inner, ast.Tuple) else inner
    return ast.unparse(node).replace("'", '"')  # ruff's quotes


def _item(list_annotation: str) -> str:
    match = re.fullmatch(r"list\[(.+)\]", list_annotation)
    if match is None:
        raise ValueError(f"expected list[...], got {list_annotation}")
    return match.group(1)


def signature_block(cls: type[Element]) -> str:
    """The generated lines for one model class."""
    keywords = []
    for attribute in cls.xml_attributes:
        default = "" if attribute.required else " = ..."
        keywords.append(f"{attribute.field}: {_annotation(cls, attribute.field)}{default}")
    for name in cls.outer_comment_fields:
        keywords.append(f"{name}: {_annotation(cls, name)} = ...")
    lines = [BEGIN, "    if TYPE_CHECKING:", ""]
    if cls.children_field is not None:
        field = cls.children_field
        whole = _annotation(cls, field)
        required = cls.model_fields[field].is_required()
        content_kw = f"{field}: {whole}" + ("" if required else " = ...")
        tail = "".join(f", {keyword}" for keyword in keywords)
        lines += [
            "        @overload",
            f"        def __init__(self, *{field}: {_item(whole)}{tail}) -> None: ...",
            "        @overload",
            f"        def __init__(self, *, {content_kw}{tail}) -> None: ...",
            "        def __init__(self, *args: Any, **kwargs: Any) -> None: ...",
        ]
    else:
        parameters = ["self"]
        if cls.text_field is not None:
            field = cls.text_field
            default = " = ..." if not cls.model_fields[field].is_required() else ""
            parameters.append(f"{field}: {_annotation(cls, field)}{default}")
        if keywords:
            parameters += ["*", *keywords]
        lines.append(f"        def __init__({', '.join(parameters)}) -> None: ...")
    lines.append(END)
    return "\n".join(_wrap(line) for line in lines) + "\n"


def _wrap(line: str) -> str:
    """One parameter a line when a signature is longer than the line length (ruff's style)."""
    if len(line) <= 100 or "def __init__(" not in line:
        return line
    indent = line[: len(line) - len(line.lstrip())]
    head, _, rest = line.partition("(")
    parameters, _, end = rest.rpartition(")")
    parts = _split(parameters)
    inner = indent + "    "
    body = ""
    for part in parts:
        if len(inner) + len(part) + 1 > 100 and " | None" in part:  # as ruff splits it
            before, _, after = part.rpartition(" | None")
            body += f"{inner}{before}\n{inner}| None{after},\n"
        else:
            body += f"{inner}{part},\n"
    return f"{head}(\n{body}{indent}){end}"


def _split(parameters: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in parameters:
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        depth += char in "[("
        depth -= char in "])"
        current += char
    parts.append(current.strip())
    return parts


def render(module_name: str) -> tuple[Path, str]:
    """A model module's path and its text with every generated block up to date."""
    module = importlib.import_module(module_name)
    path = Path(str(module.__file__))
    text = _BLOCK.sub("", path.read_text(encoding="utf-8"))
    classes = [
        cls
        for cls in ELEMENTS.values()
        if cls.__module__ == module_name and TYPE_KEY in cls.model_fields
    ]
    tree = ast.parse(text)
    ends = {
        node.name: node.end_lineno
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.end_lineno is not None
    }
    lines = text.split("\n")
    for cls in sorted(classes, key=lambda c: ends[c.__name__], reverse=True):
        end = ends[cls.__name__]
        lines[end:end] = ["", *signature_block(cls).rstrip("\n").split("\n")]
    return path, "\n".join(lines)


def modules() -> list[str]:
    return sorted({cls.__module__ for cls in ELEMENTS.values()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a block is stale")
    options = parser.parse_args(argv)
    stale = []
    for name in modules():
        path, text = render(name)
        if text != path.read_text(encoding="utf-8"):
            stale.append(path)
            if not options.check:
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'stale' if options.check else 'rewrote'}: {path.relative_to(ROOT)}")
    return 1 if stale and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
