"""Linter configuration: a validated value, found by a fixed, documented discovery order.

Where configuration comes from, first match wins, for each linted file:

1. ``--config FILE`` on the command line (for every file), unless ``--isolated``;
2. walking up from the file's directory: the first directory holding a ``.bxmlkit.toml``
   (the whole file is the table) or a ``pyproject.toml`` with a ``[tool.bxmlkit]`` table;
3. the built-in defaults.

Command-line flags (``--select``, ``--ignore``, ``--context``, ...) then override the file.
A bad configuration raises :class:`ConfigError`, which names the file, the key and what is
allowed; the command line turns it into exit code 2.

The keys (kebab-case, as in ruff and yamllint)::

    select = ["BX1", "unknown-voice"]      # codes, code prefixes or rule names ("ALL")
    extend-select = ["BX902"]              # added to select (e.g. rules off by default)
    ignore = ["BX303"]
    severity = { BX501 = "error" }         # per-rule severity: error | warning | info
    fail-on = "error"                      # error | warning | info | never
    context = "auto"                       # auto, webhook, transfer-answer, conference, update-call
    include = ["*.xml", "*.bxml"]          # file name globs used when linting directories
    exclude = [".git", "node_modules"]     # names or paths skipped when linting directories
    per-file-ignores = { "legacy/*.xml" = ["BX401"] }
    per-file-context = { "conference/*.xml" = "conference" }
    report-unused-suppressions = false
    [rules.gather-prompt-limit]            # per-rule options, by code or name
    max-prompts = 20
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Final

from bxmlkit._frozen import Frozen
from bxmlkit.errors import ConfigError
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import CONTEXTS, Rule

if TYPE_CHECKING:  # pathlib is imported only where a configuration file is found or matched:
    from pathlib import Path  # with urllib.parse and ipaddress it is ~2.5 ms of start-up

__all__ = [
    "CONTEXTS",
    "FAIL_ON",
    "Config",
    "ConfigError",
    "find_config_file",
    "load_config",
    "resolve_rules",
]

FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_INCLUDE = ("*.xml", "*.bxml")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__",
    "build", "dist",
)  # fmt: skip


class Config(Frozen):
    """A complete, validated linter configuration.

    ``select``/``ignore`` hold rule codes, code prefixes or ``ALL`` (names are resolved to
    codes when the config is built).  ``options`` maps a rule code to its options value.
    ``root`` is the directory that relative ``per-file-*`` patterns are matched against.
    Immutable, compared by all fields; ``replace(**changes)`` makes a changed copy.
    """

    _fields: ClassVar = (
        "select", "extend_select", "ignore", "severity", "fail_on", "context", "include",
        "exclude", "per_file_ignores", "per_file_context", "report_unused_suppressions",
        "options", "root", "source",
    )  # fmt: skip
    __slots__ = _fields

    def __init__(
        self,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        severity: Mapping[str, Severity] | None = None,
        fail_on: str = "error",
        context: str = "auto",
        include: tuple[str, ...] = DEFAULT_INCLUDE,
        exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        per_file_context: tuple[tuple[str, str], ...] = (),
        report_unused_suppressions: bool = False,
        options: Mapping[str, Any] | None = None,
        root: str = "",
        source: str = "",
    ) -> None:
        self.select: Final = select
        self.extend_select: Final = extend_select
        self.ignore: Final = ignore
        self.severity: Final[Mapping[str, Severity]] = {} if severity is None else severity
        self.fail_on: Final = fail_on
        self.context: Final = context
        self.include: Final = include
        self.exclude: Final = exclude
        self.per_file_ignores: Final = per_file_ignores
        self.per_file_context: Final = per_file_context
        self.report_unused_suppressions: Final = report_unused_suppressions
        self.options: Final[Mapping[str, Any]] = {} if options is None else options
        self.root: Final = root
        self.source: Final = source

    # -- per file -----------------------------------------------------------------------------
    def _matches(self, pattern: str, path: str) -> bool:
        rel = _relative(path, self.root)
        if fnmatch.fnmatchcase(rel, pattern):
            return True
        from pathlib import PurePosixPath

        if "/" not in pattern:
            return fnmatch.fnmatchcase(PurePosixPath(rel).name, pattern)
        return PurePosixPath(rel).match(pattern)

    def ignored_for(self, path: str) -> set[str]:
        """Codes (or prefixes) ignored for ``path`` by ``per-file-ignores``."""
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if self._matches(pattern, path):
                ignored.update(codes)
        return ignored

    def context_for(self, path: str) -> str:
        """The context configured for ``path`` (``per-file-context`` wins over ``context``)."""
        for pattern, context in self.per_file_context:
            if self._matches(pattern, path):
                return context
        return self.context

    def enabled_codes(self, path: str | None = None) -> frozenset[str]:
        """The codes of the rules that run for ``path``."""
        from bxmlkit.lint.rules import REGISTRY

        enabled = resolve_rules(REGISTRY.values(), self.select, self.extend_select, self.ignore)
        if path is not None and self.per_file_ignores:
            extra = self.ignored_for(path)
            enabled = frozenset(c for c in enabled if not _matches_any(c, extra))
        return enabled

    def severity_of(self, rule: type[Rule[Any]]) -> Severity:
        """The configured severity of ``rule``."""
        return self.severity.get(rule.code, rule.default_severity)

    def options_for(self, rule: type[Rule[Any]]) -> Any:
        """The options of ``rule`` (an instance of its ``options_type``)."""
        options = self.options.get(rule.code)
        return options if options is not None else rule.options_type()


def _relative(path: str, root: str) -> str:
    from pathlib import Path

    if not root:
        return Path(path).as_posix()
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _matches_any(code: str, selectors: Iterable[str]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


def resolve_rules(
    rules: Iterable[type[Rule[Any]]],
    select: Sequence[str],
    extend_select: Sequence[str],
    ignore: Sequence[str],
) -> frozenset[str]:
    """The codes enabled by ``select`` + ``extend_select`` minus ``ignore``.

    With an empty ``select`` the rules that are on by default are selected.  A selector is a
    code (``BX103``), a code prefix (``BX1``) or ``ALL``; an exact code or ``ALL`` also enables
    a rule that is off by default, a prefix does not.
    """
    enabled: set[str] = set()
    for rule in rules:
        chosen = list(select) + list(extend_select)
        if rule.code in chosen or "ALL" in chosen:
            on = True
        elif select and not _matches_any(rule.code, select):
            on = rule.code in extend_select or (
                _matches_any(rule.code, extend_select) and rule.enabled_by_default
            )
        else:
            on = rule.enabled_by_default
        if (
            on
            and rule.code not in ignore
            and not (_matches_any(rule.code, ignore) and rule.code not in chosen)
        ):
            enabled.add(rule.code)
    return frozenset(enabled)


# -- loading --------------------------------------------------------------------------------
_KEYS = (
    "select", "extend-select", "ignore", "severity", "fail-on", "context", "include",
    "exclude", "per-file-ignores", "per-file-context", "report-unused-suppressions", "rules",
)  # fmt: skip


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest ``.bxmlkit.toml`` or ``pyproject.toml`` with ``[tool.bxmlkit]``, looking in
    ``start`` (a directory, or a file's directory) and then in each parent directory."""
    directory = os.fspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    directory = os.path.realpath(directory)
    while True:
        found = os.path.join(directory, ".bxmlkit.toml")
        if not os.path.isfile(found):
            found = os.path.join(directory, "pyproject.toml")
            if not (os.path.isfile(found) and _has_tool_table(found)):
                found = ""
        if found:
            from pathlib import Path

            return Path(found)
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _toml() -> Any:
    """tomllib (tomli on Python 3.10), imported only when a configuration file is read."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def _has_tool_table(pyproject: str) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if b"tool.bxmlkit" not in data and b"bxmlkit" not in data:
        return False
    tomllib = _toml()
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True  # let load_config report the error with the file's name
    tool = parsed.get("tool")
    return isinstance(tool, dict) and "bxmlkit" in tool


def load_config(path: Path) -> Config:
    """Read and validate a ``.bxmlkit.toml`` or the ``[tool.bxmlkit]`` table of a pyproject."""
    source = str(path)
    try:
        raw = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("is not UTF-8 text", source=source) from exc
    tomllib = _toml()
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"is not valid TOML: {exc}", source=source) from exc
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("bxmlkit", {}) if isinstance(tool, dict) else {}
        prefix = "tool.bxmlkit."
    else:
        table = data
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError("must be a table", source=source, key=prefix.rstrip("."))
    return config_from_mapping(table, source=source, root=str(path.parent), prefix=prefix)


def config_from_mapping(
    table: Mapping[str, Any], *, source: str, root: str = "", prefix: str = ""
) -> Config:
    """Validate a configuration table (as read from TOML) into a :class:`Config`."""
    from bxmlkit.lint.rules import lookup

    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(
            f"unknown key {unknown[0]!r}; {_did_you_mean(unknown[0], _KEYS)}"
            f"allowed keys: {', '.join(_KEYS)}",
            source=source,
            key=prefix + unknown[0],
        )
    checker = _Checker(source, prefix)

    def codes(key: str, value: Any) -> tuple[str, ...]:
        items = checker.string_list(key, value)
        result: list[str] = []
        for item in items:
            result.append(checker.selector(key, item))
        return tuple(result)

    kwargs: dict[str, Any] = {"source": source, "root": root}
    if "select" in table:
        kwargs["select"] = codes("select", table["select"])
    if "extend-select" in table:
        kwargs["extend_select"] = codes("extend-select", table["extend-select"])
    if "ignore" in table:
        kwargs["ignore"] = codes("ignore", table["ignore"])
    if "fail-on" in table:
        kwargs["fail_on"] = checker.choice("fail-on", table["fail-on"], FAIL_ON)
    if "context" in table:
        kwargs["context"] = checker.choice("context", table["context"], CONTEXTS)
    if "include" in table:
        kwargs["include"] = tuple(checker.string_list("include", table["include"]))
    if "exclude" in table:
        kwargs["exclude"] = tuple(checker.string_list("exclude", table["exclude"]))
    if "report-unused-suppressions" in table:
        kwargs["report_unused_suppressions"] = checker.boolean(
            "report-unused-suppressions", table["report-unused-suppressions"]
        )
    if "severity" in table:
        severity: dict[str, Severity] = {}
        for name, level in checker.table("severity", table["severity"]).items():
            rule = lookup(name)
            if rule is None:
                raise checker.unknown_rule(f"severity.{name}", name)
            allowed = tuple(s.value for s in Severity)
            severity[rule.code] = Severity(checker.choice(f"severity.{name}", level, allowed))
        kwargs["severity"] = severity
    if "per-file-ignores" in table:
        pfi = checker.table("per-file-ignores", table["per-file-ignores"])
        kwargs["per_file_ignores"] = tuple(
            (pattern, codes(f"per-file-ignores.{pattern}", value)) for pattern, value in pfi.items()
        )
    if "per-file-context" in table:
        pfc = checker.table("per-file-context", table["per-file-context"])
        kwargs["per_file_context"] = tuple(
            (pattern, checker.choice(f"per-file-context.{pattern}", value, CONTEXTS))
            for pattern, value in pfc.items()
        )
    if "rules" in table:
        options: dict[str, Any] = {}
        for name, values in checker.table("rules", table["rules"]).items():
            rule = lookup(name)
            if rule is None:
                raise checker.unknown_rule(f"rules.{name}", name)
            options[rule.code] = build_options(
                rule, checker.table(f"rules.{name}", values), checker, f"rules.{name}"
            )
        kwargs["options"] = options
    return Config(**kwargs)


def _did_you_mean(name: str, known: Sequence[str]) -> str:
    """``"did you mean 'select'? "`` for a mistyped key, or ""."""
    from bxmlkit._suggest import nearest

    guess = nearest(name, known)
    return f"did you mean {guess!r}? " if guess else ""


def build_options(
    rule: type[Rule[Any]], values: Mapping[str, Any], checker: _Checker, key: str
) -> Any:
    """The options of ``rule`` (its ``NamedTuple``) built from a TOML table (kebab-case keys)."""
    option_type = rule.options_type
    fields: dict[str, Any] = getattr(option_type, "_field_defaults", {})
    kwargs: dict[str, Any] = {}
    for name, value in values.items():
        attr = name.replace("-", "_")
        if attr not in fields:
            names = [n.replace("_", "-") for n in fields]
            raise ConfigError(
                f"unknown option {name!r} of rule {rule.code} ({rule.name}); "
                f"{_did_you_mean(name, names)}allowed options: {', '.join(names) or 'none'}",
                source=checker.source,
                key=checker.prefix + f"{key}.{name}",
            )
        default = fields[attr]
        kwargs[attr] = checker.like(f"{key}.{name}", value, default)
    return option_type(**kwargs)


class _Checker:
    """Type checks for config values that raise ConfigError with the file and key."""

    def __init__(self, source: str, prefix: str) -> None:
        self.source = source
        self.prefix = prefix

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(message, source=self.source, key=self.prefix + key)

    def unknown_rule(self, key: str, name: str) -> ConfigError:
        from bxmlkit.lint.rules import unknown_rule_hint

        return self.error(key, f"unknown rule {name!r}; {unknown_rule_hint(name)}")

    def string_list(self, key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"must be a list of strings, got {_show(value)}")
        return list(value)

    def selector(self, key: str, item: str) -> str:
        from bxmlkit.lint.rules import REGISTRY, lookup

        if item == "ALL":
            return item
        rule = lookup(item)
        if rule is not None:
            return rule.code
        if item.upper().startswith("BX") and any(c.startswith(item.upper()) for c in REGISTRY):
            return item.upper()
        raise self.unknown_rule(key, item)

    def choice(self, key: str, value: Any, allowed: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise self.error(key, f"must be one of {', '.join(allowed)}; got {_show(value)}")
        return value

    def boolean(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {_show(value)}")
        return value

    def table(self, key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table, got {_show(value)}")
        return value

    def like(self, key: str, value: Any, default: Any) -> Any:
        if isinstance(default, bool):
            return self.boolean(key, value)
        if isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.error(key, f"must be an integer, got {_show(value)}")
            if value < 0:
                raise self.error(key, f"must be zero or more, got {value}")
            return value
        if isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.error(key, f"must be a number, got {_show(value)}")
            return float(value)
        if isinstance(default, str):
            if not isinstance(value, str):
                raise self.error(key, f"must be a string, got {_show(value)}")
            return value
        if isinstance(default, tuple):
            return tuple(self.string_list(key, value))
        return value


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return f"a {'table' if isinstance(value, dict) else 'list'} ({value!r})"
    return repr(value)
