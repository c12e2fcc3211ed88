"""Flow maps as text: Mermaid, and a self-contained HTML page that draws the graph.

The HTML page needs nothing from the network: the graph is laid out here (layers by
distance from the start, in discovery order) and written as inline SVG; a few lines of
inline JavaScript show a node's details when it is clicked.  Problems are red; edges no
scenario used are dashed when coverage was measured.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from bxmlkit.sim.explore import START, FlowMap

__all__ = ["to_html", "to_mermaid", "write_flow_map"]

_WIDTH, _HEIGHT, _GAP_X, _GAP_Y = 230, 64, 40, 90


def _grouped(flow: FlowMap) -> list[tuple[str, str, str, bool]]:
    """Edges with the same ends drawn once: labels joined (``gather 3, 4, 5``), covered if
    any of them was."""
    groups: dict[tuple[str, str], tuple[list[str], bool]] = {}
    for (source, target, label), covered in flow.edges.items():
        labels, was = groups.get((source, target), ([], False))
        if label:
            labels.append(label)
        groups[(source, target)] = (labels, was or covered)
    out = []
    for (source, target), (labels, covered) in groups.items():
        text = labels[0] if labels else ""
        if len(labels) > 1:
            words = [lab.split(" ", 1) for lab in labels]
            if all(len(w) == 2 and w[0] == words[0][0] for w in words):
                text = words[0][0] + " " + ", ".join(w[1] for w in words)
            else:
                text = ", ".join(labels)
        out.append((source, target, text, covered))
    return out


def _ids(flow: FlowMap) -> dict[str, str]:
    return {name: f"n{index}" for index, name in enumerate(flow.nodes)}


def _title(node_id: str, url: str, text: str) -> str:
    if node_id == START:
        return "call"
    if not url:
        return node_id
    path = node_id.split("#", 1)[0]
    return f"{path}: {text}" if text else path


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def to_mermaid(flow: FlowMap) -> str:
    """The flow map as a Mermaid ``flowchart``."""
    ids = _ids(flow)
    lines = ["flowchart TD"]
    for name, node in flow.nodes.items():
        label = _shorten(_title(name, node.url, node.text), 60).replace('"', "#quot;")
        shape = f'(["{label}"])' if node.end or name == START else f'["{label}"]'
        lines.append(f"  {ids[name]}{shape}")
    for source, target, label, covered in _grouped(flow):
        arrow = "-->" if covered or not any(flow.edges.values()) else "-.->"
        safe = label.replace("|", "/").replace('"', "#quot;")
        text = f"|{safe}|" if label else ""
        lines.append(f"  {ids[source]} {arrow}{text} {ids[target]}")
    problems = [ids[n] for n, node in flow.nodes.items() if node.problems]
    lines.append("  classDef problem fill:#fdd,stroke:#c00,color:#900")
    if problems:
        lines.append(f"  class {','.join(problems)} problem")
    return "\n".join(lines) + "\n"


def _layout(flow: FlowMap) -> dict[str, tuple[float, float]]:
    depth: dict[str, int] = {START: 0}
    frontier = [START]
    children: dict[str, list[str]] = {}
    for source, target, _ in flow.edges:
        children.setdefault(source, []).append(target)
    while frontier:
        following = []
        for name in frontier:
            for child in children.get(name, []):
                if child not in depth:
                    depth[child] = depth[name] + 1
                    following.append(child)
        frontier = following
    for name in flow.nodes:
        depth.setdefault(name, max(depth.values(), default=0) + 1)
    rows: dict[int, list[str]] = {}
    for name in flow.nodes:
        rows.setdefault(depth[name], []).append(name)
    widest = max((len(r) for r in rows.values()), default=1)
    positions: dict[str, tuple[float, float]] = {}
    for level, names in rows.items():
        offset = (widest - len(names)) * (_WIDTH + _GAP_X) / 2
        for index, name in enumerate(names):
            x = 20 + offset + index * (_WIDTH + _GAP_X)
            positions[name] = (x, 20 + level * (_HEIGHT + _GAP_Y))
    return positions


def _svg(flow: FlowMap) -> tuple[str, float, float]:
    ids = _ids(flow)
    at = _layout(flow)
    measured = any(flow.edges.values())
    parts: list[str] = []
    for source, target, label, covered in _grouped(flow):
        x1, y1 = at[source]
        x2, y2 = at[target]
        sx, sy = x1 + _WIDTH / 2, y1 + _HEIGHT
        tx, ty = x2 + _WIDTH / 2, y2
        if ty <= sy:  # an edge going back up: curve around the side
            bend = max(x1, x2) + _WIDTH + 30
            d = (
                f"M{sx:.0f},{sy:.0f} C{bend:.0f},{sy + 40:.0f} "
                f"{bend:.0f},{ty - 40:.0f} {tx:.0f},{ty:.0f}"
            )
            lx, ly = bend - 20, (sy + ty) / 2
        else:
            d = f"M{sx:.0f},{sy:.0f} L{tx:.0f},{ty:.0f}"
            lx, ly = (sx + tx) / 2, (sy + ty) / 2
        style = "edge covered" if covered else ("edge uncovered" if measured else "edge")
        parts.append(
            f'<g class="{style}" data-from="{ids[source]}" data-to="{ids[target]}">'
            f'<path d="{d}" marker-end="url(#arrow)"/>'
            + (
                f'<text x="{lx:.0f}" y="{ly:.0f}" class="edge-label">{html.escape(label)}</text>'
                if label
                else ""
            )
            + "</g>"
        )
    for name, node in flow.nodes.items():
        x, y = at[name]
        kind = "node" + (" problem" if node.problems else "") + (" end" if node.end else "")
        title = _title(name, node.url, node.text)
        first = html.escape(_shorten(title.split(": ", 1)[0], 32))
        second = html.escape(_shorten(title.split(": ", 1)[1], 34)) if ": " in title else ""
        rx = 28 if node.end or name == START else 6
        parts.append(
            f'<g class="{kind}" id="{ids[name]}" tabindex="0">'
            f"<title>{html.escape(title)}</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{_WIDTH}" height="{_HEIGHT}" rx="{rx}"/>'
            f'<text x="{x + _WIDTH / 2:.0f}" y="{y + 26:.0f}" class="head">{first}</text>'
            f'<text x="{x + _WIDTH / 2:.0f}" y="{y + 46:.0f}">{second}</text></g>'
        )
    width = max((p[0] for p in at.values()), default=0) + _WIDTH + 80
    height = max((p[1] for p in at.values()), default=0) + _HEIGHT + 40
    return "".join(parts), width, height


_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 4px}
#summary{font-size:14px;color:#555}
main{display:flex;gap:12px;padding:12px}
#graph{flex:1;overflow:auto;background:#fff;border:1px solid #ddd}
aside{width:320px;font-size:13px;background:#fff;border:1px solid #ddd;padding:10px}
.node rect{fill:#eef4ff;stroke:#4a6fa5;stroke-width:1.5}
.node.end rect{fill:#f3f3f3;stroke:#888}
.node.problem rect{fill:#fdd;stroke:#c00;stroke-width:2.5}
.node text{font-size:12px;text-anchor:middle;fill:#222}
.node text.head{font-weight:600}
.node.selected rect{stroke-width:3.5}
.edge path{fill:none;stroke:#666;stroke-width:1.4}
.edge.covered path{stroke:#2a8a3a;stroke-width:2.2}
.edge.uncovered path{stroke-dasharray:5 4}
.edge-label{font-size:11px;fill:#333;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3}
.problems{color:#a00}
"""

_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("flow-data").textContent);
  var details = document.getElementById("details");
  function show(id) {
    var node = data.nodes[id];
    if (!node) { return; }
    var items = document.querySelectorAll(".node.selected");
    for (var i = 0; i < items.length; i++) { items[i].classList.remove("selected"); }
    document.getElementById(id).classList.add("selected");
    details.textContent = "";
    var title = document.createElement("h2");
    title.textContent = node.title;
    details.appendChild(title);
    if (node.url) {
      var url = document.createElement("p");
      url.textContent = node.url;
      details.appendChild(url);
    }
    if (node.problems.length) {
      var list = document.createElement("ul");
      list.className = "problems";
      node.problems.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      details.appendChild(list);
    }
  }
  var nodes = document.querySelectorAll(".node");
  for (var i = 0; i < nodes.length; i++) {
    nodes[i].addEventListener("click", function (event) { show(event.currentTarget.id); });
  }
  document.body.setAttribute("data-ready", String(nodes.length));
})();
"""


def to_html(flow: FlowMap, title: str = "Call flow") -> str:
    """A self-contained page (inline SVG, CSS and script; no network) drawing the map."""
    svg, width, height = _svg(flow)
    ids = _ids(flow)
    data = {
        ids[name]: {
            "title": _title(name, node.url, node.text),
            "url": node.url,
            "problems": node.problems,
        }
        for name, node in flow.nodes.items()
    }
    payload = json.dumps({"nodes": data}).replace("</", "<\\/")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<style>{_STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1>"
        f'<div id="summary">{html.escape(flow.summary())}</div></header>'
        f'<main><div id="graph"><svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
        f'height="{height:.0f}" role="img" aria-label="call flow graph">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="#666"/></marker></defs>{svg}</svg></div>'
        '<aside id="details">Click a node to see its URL and problems.</aside></main>'
        f'<script type="application/json" id="flow-data">{payload}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_flow_map(flow: FlowMap, folder: Path) -> list[Path]:
    """Write ``flow.mmd`` and ``flow.html`` into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    mermaid = folder / "flow.mmd"
    page = folder / "flow.html"
    mermaid.write_text(to_mermaid(flow), encoding="utf-8")
    page.write_text(to_html(flow), encoding="utf-8")
    return [mermaid, page]
