"""Scenario files: named call flows with expectations, in TOML.

::

    [defaults]                      # optional; every key may also be set per scenario
    initiate_url = "/voice/initiate"   # or answer_url = ... for an outbound call
    disconnect_url = "/voice/disconnect"
    from = "+15551112222"
    to = "+15553334444"

    [[scenario]]
    name = "sales"
    script = "press 1; hangup@30"
    heard = ["Welcome.", "Sales."]     # optional: exactly what the caller hears
    cause = "hangup"                   # optional: how the call ends

A mistake is reported as ``file:line:column: message`` (a TOML syntax error where the
parser found it; a wrong key or value at its line).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bxmlkit.sim.script import ScriptError, Step, parse_script

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Scenario", "ScenarioError", "load_scenarios"]

_CALL_KEYS = {"initiate_url", "answer_url", "disconnect_url", "fallback_url", "from", "to", "tag"}
_SCENARIO_KEYS = _CALL_KEYS | {"name", "script", "heard", "cause", "seed"}
_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class ScenarioError(ValueError):
    """A scenario file that cannot be used; ``str()`` is ``file:line:column: message``."""

    def __init__(self, source: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.source, self.line, self.column, self.message = source, line, column, message

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.column}: {self.message}"


@dataclass
class Scenario:
    """One call to place, and what to expect of it."""

    name: str
    script: list[Step]
    call: dict[str, Any]
    heard: list[str] | None = None
    cause: str | None = None
    seed: int | None = None
    line: int = 0
    options: dict[str, Any] = field(default_factory=dict)


class _Locator:
    """Finds the line of a key in the n-th ``[[scenario]]`` table (tomllib keeps none)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: list[int] = [
            i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[scenario]]")
        ]
        self.defaults = next(
            (i + 1 for i, line in enumerate(self.lines) if line.strip() == "[defaults]"), 0
        )

    def table(self, index: int | None) -> int:
        if index is None:
            return self.defaults or 1
        return self.tables[index] if index < len(self.tables) else 1

    def key(self, index: int | None, key: str) -> tuple[int, int]:
        start = self.table(index)
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if number >= start and line.strip().startswith("["):
                break
            if pattern.match(line):
                return number + 1, len(line) - len(line.lstrip()) + 1
        return start, 1


def load_scenarios(path: str | Path) -> tuple[list[Scenario], dict[str, Any]]:
    """Read a scenario file: the scenarios and the ``[simulator]`` options (seed, media...).

    Raises :class:`ScenarioError` (located) for anything wrong, ``OSError`` when unreadable.
    """
    source = str(path)
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(source, 1, exc.start + 1, "the file is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _POSITION.search(str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        message = _POSITION.sub("", str(exc)).strip()
        raise ScenarioError(source, line, column, f"not valid TOML: {message}") from None
    where = _Locator(text)

    def fail(index: int | None, key: str | None, message: str) -> ScenarioError:
        line, column = where.key(index, key) if key else (where.table(index), 1)
        return ScenarioError(source, line, column, message)

    unknown = set(data) - {"defaults", "scenario", "simulator"}
    if unknown:
        name = sorted(unknown)[0]
        line = next((i + 1 for i, t in enumerate(where.lines) if name in t), 1)
        raise ScenarioError(
            source,
            line,
            1,
            f"unknown table or key {name!r}; expected "
            "[defaults], [simulator] and [[scenario]] tables",
        )
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise fail(None, None, "[defaults] must be a table")
    for key in defaults:
        if key not in _CALL_KEYS:
            raise fail(
                None,
                key,
                f"unknown key {key!r} in [defaults]; expected one of "
                + ", ".join(sorted(_CALL_KEYS)),
            )
    tables = data.get("scenario", [])
    if not isinstance(tables, list) or not tables:
        raise ScenarioError(source, 1, 1, "no [[scenario]] tables: nothing to simulate")
    scenarios: list[Scenario] = []
    for index, table in enumerate(tables):
        for key, value in table.items():
            if key not in _SCENARIO_KEYS:
                raise fail(
                    index,
                    key,
                    f"unknown key {key!r}; expected one of " + ", ".join(sorted(_SCENARIO_KEYS)),
                )
            if key in ("heard",) and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise fail(index, key, "heard must be a list of strings")
            if key in _CALL_KEYS | {"name", "script", "cause"} and not isinstance(value, str):
                raise fail(index, key, f"{key} must be a string, got {type(value).__name__}")
            if key == "seed" and (not isinstance(value, int) or isinstance(value, bool)):
                raise fail(index, key, "seed must be an integer")
        merged = {**defaults, **{k: v for k, v in table.items() if k in _CALL_KEYS}}
        if ("initiate_url" in merged) == ("answer_url" in merged):
            raise fail(
                index,
                None,
                "give exactly one of initiate_url (inbound) or answer_url "
                "(outbound), here or in [defaults]",
            )
        try:
            script = parse_script(table.get("script", ""))
        except ScriptError as exc:
            line, column = where.key(index, "script")
            text_line = where.lines[line - 1]
            quote = max(text_line.find('"'), text_line.find("'"))
            raise ScenarioError(
                source,
                line,
                (quote + 1 if quote >= 0 else column) + exc.column,
                f"script: {exc.message}",
            ) from None
        call = {("from_" if k == "from" else k): v for k, v in merged.items()}
        scenarios.append(
            Scenario(
                name=table.get("name", f"scenario {index + 1}"),
                script=script,
                call=call,
                heard=table.get("heard"),
                cause=table.get("cause"),
                seed=table.get("seed"),
                line=where.table(index),
            )
        )
    options = data.get("simulator", {})
    allowed = {
        "seed",
        "media",
        "shuffle_async",
        "callback_timeout",
        "max_webhooks",
        "max_seconds",
        "loop_limit",
    }
    for key in options:
        if key not in allowed:
            line = next((i + 1 for i, t in enumerate(where.lines) if t.strip().startswith(key)), 1)
            raise ScenarioError(
                source,
                line,
                1,
                f"unknown key {key!r} in [simulator]; expected "
                "one of " + ", ".join(sorted(allowed)),
            )
    return scenarios, dict(options)


def check(scenario: Scenario, heard: list[str], cause: str) -> list[str]:
    """What the call did that the scenario did not expect (empty when it matched)."""
    failures: list[str] = []
    if scenario.heard is not None and heard != scenario.heard:
        failures.append(f"heard {heard!r}, expected {scenario.heard!r}")
    if scenario.cause is not None and cause != scenario.cause:
        failures.append(f"ended with {cause!r}, expected {scenario.cause!r}")
    return failures
