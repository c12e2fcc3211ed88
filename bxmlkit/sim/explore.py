"""``--explore``: walk every branch of an app's call flow and build its flow map.

Starting from an empty script, each call runs until the caller is asked for input it has
not been given (a ``<Gather>``); from there the walk branches on every key (``0-9 * #``)
and on the timeout.  A document already expanded (same URL, same bytes) is not expanded
again, so menus that share screens cost one branch set each.  The walk stops at ``depth``
inputs per call and ``max_calls`` calls in all.

The map: documents are nodes, events (digits, timeouts, redirects...) are edges, and every
path ends at an ``end: <cause>`` node.  Scenario calls mark the edges they used; flow
coverage is covered edges / all edges.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bxmlkit.sim.result import CallResult
from bxmlkit.sim.script import Step, press, silence

__all__ = ["KEYS", "FlowMap", "explore"]

#: The keys a Gather can take, in the order branches are tried.
KEYS = "123456789*0#"
START = "start"


@dataclass
class Node:
    id: str
    url: str
    text: str
    problems: list[str] = field(default_factory=list)
    end: bool = False


@dataclass
class FlowMap:
    """The nodes and edges found, which edges scenarios covered, and how many calls ran."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], bool] = field(default_factory=dict)  # -> covered
    calls: int = 0
    truncated: bool = False

    @property
    def problem_count(self) -> int:
        return sum(len(n.problems) for n in self.nodes.values())

    @property
    def coverage(self) -> tuple[int, int]:
        """(covered edges, all edges)."""
        return sum(self.edges.values()), len(self.edges)

    def summary(self) -> str:
        covered, total = self.coverage
        text = (
            f"explored {self.calls} call(s): {len(self.nodes)} nodes, {total} edges, "
            f"{self.problem_count} problem(s); flow coverage {covered}/{total}"
        )
        return text + (" (stopped at --max-calls)" if self.truncated else "")

    def add(self, result: CallResult, *, covered: bool, waiting: bool) -> str:
        """Add one call's path; return the node it ended on (or waited at)."""
        previous = START
        self.nodes.setdefault(START, Node(START, "", "call"))
        for index, step in enumerate(result.flow):
            end_at = result.flow[index + 1].heard_at if index + 1 < len(result.flow) else None
            heard = result.heard[step.heard_at : end_at]
            node = self.nodes.get(step.node)
            if node is None:
                text = " / ".join(heard) if heard else ""
                node = self.nodes[step.node] = Node(step.node, step.url, text)
            for problem in step.problems:
                if problem not in node.problems:
                    node.problems.append(problem)
            self.link(previous, step.node, step.label, covered)
            previous = step.node
        if not waiting:
            end = f"end: {result.cause}"
            self.nodes.setdefault(end, Node(end, "", "", end=True))
            loose = [str(p) for p in result.problems if p.kind in ("loop", "cap", "script")]
            for problem in loose:
                if problem not in self.nodes[end].problems:
                    self.nodes[end].problems.append(problem)
            self.link(previous, end, "", covered)
            return end
        return previous

    def link(self, source: str, target: str, label: str, covered: bool) -> None:
        key = (source, target, label)
        self.edges[key] = self.edges.get(key, False) or covered


def explore(
    sim: Any,
    call: Mapping[str, Any],
    *,
    depth: int = 4,
    max_calls: int = 200,
    scenarios: Sequence[tuple[Sequence[Step], Mapping[str, Any]]] = (),
) -> FlowMap:
    """Walk ``sim``'s app from the call ``call`` (``Simulator.call`` keyword arguments).

    ``scenarios`` are ``(script, call)`` pairs run in full to measure flow coverage.
    """
    if depth < 1 or max_calls < 1:
        raise ValueError("--depth and --max-calls must be at least 1")
    flow = FlowMap()
    expanded: set[str] = set()
    queue: list[list[Step]] = [[]]
    script: list[Step]
    while queue:
        script = queue.pop(0)
        if flow.calls >= max_calls:
            flow.truncated = True
            break
        result = sim.call(script=script, stop_when_script_ends=True, **call)
        flow.calls += 1
        waiting = result.waiting == "gather"
        at = flow.add(result, covered=False, waiting=waiting)
        if not waiting or at in expanded or len(script) >= depth:
            continue
        expanded.add(at)
        queue.extend([*script, press(key)] for key in KEYS)
        queue.append([*script, silence()])
    for steps, scenario_call in scenarios:
        result = sim.call(script=list(steps), **scenario_call)
        flow.add(result, covered=True, waiting=False)
    return flow
