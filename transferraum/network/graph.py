"""The cooperation graph as plain data, and the measures researchers read from it.

Pure Python without Django, so the measures can be tested and replaced on their own. Nodes are
organisations; an undirected edge says that they work together. Each source of cooperation
(shared members now; projects, events and recommendations later) contributes edges with its own
label, and `edges_merge` adds them up into one edge per pair.

The pages never build the whole region's graph: `network.selectors` counts and ranks the links
in SQL and hands over a bounded graph (the strongest links, for the drawing), whose measures
(components, degrees, the Cytoscape elements) are computed here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

NodeId = int


@dataclass(frozen=True)
class Node:
    id: NodeId
    label: str
    kind: str
    district: str | None = None  # district key; None when the organisation has no place


@dataclass(frozen=True)
class Edge:
    """An undirected link; `source` < `target` so that each pair has one spelling."""

    source: NodeId
    target: NodeId
    weight: int
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.source == self.target:
            raise ValueError(f"An edge needs two different nodes, got {self.source} twice.")
        if self.source > self.target:
            raise ValueError("Use Edge.between() for edges whose ends are not in order.")
        if self.weight < 1:
            raise ValueError(f"An edge's weight is at least 1, got {self.weight}.")

    @classmethod
    def between(cls, a: NodeId, b: NodeId, *, weight: int, source: str) -> Edge:
        low, high = (a, b) if a < b else (b, a)
        return cls(source=low, target=high, weight=weight, sources=(source,))

    @property
    def pair(self) -> tuple[NodeId, NodeId]:
        return (self.source, self.target)


@dataclass(frozen=True)
class Graph:
    """An undirected simple graph: no loops, at most one edge per pair, edges between nodes."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()

    def __post_init__(self) -> None:
        ids = {node.id for node in self.nodes}
        if len(ids) != len(self.nodes):
            raise ValueError("Node ids must be unique.")
        pairs = {edge.pair for edge in self.edges}
        if len(pairs) != len(self.edges):
            raise ValueError("Each pair of nodes has at most one edge; merge them first.")
        for edge in self.edges:
            if edge.source not in ids or edge.target not in ids:
                raise ValueError(f"Edge {edge.pair} refers to a node that is not in the graph.")


@dataclass(frozen=True)
class GraphSummary:
    nodes: int
    edges: int
    components: int
    density: float
    mean_degree: float
    max_degree: int
    isolated: int


def edges_merge(*edge_lists: Iterable[Edge]) -> tuple[Edge, ...]:
    """One edge per pair: weights add up, source labels are kept once in order of appearance."""
    weights: dict[tuple[NodeId, NodeId], int] = {}
    sources: dict[tuple[NodeId, NodeId], list[str]] = {}
    for edges in edge_lists:
        for edge in edges:
            weights[edge.pair] = weights.get(edge.pair, 0) + edge.weight
            labels = sources.setdefault(edge.pair, [])
            labels.extend(label for label in edge.sources if label not in labels)
    return tuple(
        Edge(source=a, target=b, weight=weights[(a, b)], sources=tuple(sources[(a, b)]))
        for a, b in sorted(weights)
    )


def degrees(graph: Graph) -> dict[NodeId, int]:
    """Number of neighbours of every node, 0 for isolated nodes."""
    result = {node.id: 0 for node in graph.nodes}
    for edge in graph.edges:
        result[edge.source] += 1
        result[edge.target] += 1
    return result


def components(graph: Graph) -> list[set[NodeId]]:
    """Connected components, largest first (ties by smallest id); an isolated node is its own."""
    neighbours: dict[NodeId, list[NodeId]] = {node.id: [] for node in graph.nodes}
    for edge in graph.edges:
        neighbours[edge.source].append(edge.target)
        neighbours[edge.target].append(edge.source)
    seen: set[NodeId] = set()
    result: list[set[NodeId]] = []
    for start in neighbours:
        if start in seen:
            continue
        component = {start}
        queue = deque([start])
        while queue:
            for neighbour in neighbours[queue.popleft()]:
                if neighbour not in component:
                    component.add(neighbour)
                    queue.append(neighbour)
        seen |= component
        result.append(component)
    return sorted(result, key=lambda c: (-len(c), min(c)))


def density(graph: Graph) -> float:
    """Share of possible links that exist: 2|E| / (|V|(|V|-1)), 0.0 below two nodes."""
    n = len(graph.nodes)
    if n < 2:
        return 0.0
    return 2 * len(graph.edges) / (n * (n - 1))


def graph_filter(
    graph: Graph,
    *,
    kinds: Collection[str] | None = None,
    districts: Collection[str] | None = None,
) -> Graph:
    """The nodes of the given kinds and districts and the edges between them.

    An empty or missing filter keeps everything; with a district filter, nodes without a
    district are left out.
    """
    kept = tuple(
        node
        for node in graph.nodes
        if (not kinds or node.kind in kinds)
        and (not districts or (node.district is not None and node.district in districts))
    )
    ids = {node.id for node in kept}
    edges = tuple(edge for edge in graph.edges if edge.source in ids and edge.target in ids)
    return Graph(nodes=kept, edges=edges)


def graph_summarise(graph: Graph) -> GraphSummary:
    degree = degrees(graph)
    n = len(graph.nodes)
    return GraphSummary(
        nodes=n,
        edges=len(graph.edges),
        components=len(components(graph)),
        density=density(graph),
        mean_degree=2 * len(graph.edges) / n if n else 0.0,
        max_degree=max(degree.values(), default=0),
        isolated=sum(1 for d in degree.values() if d == 0),
    )


def cytoscape_elements(
    graph: Graph,
    *,
    urls: Mapping[NodeId, str] | None = None,
    kind_labels: Mapping[str, str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The graph in Cytoscape.js's element format (ids as strings, degree on each node)."""
    degree = degrees(graph)
    urls = urls or {}
    kind_labels = kind_labels or {}
    return {
        "nodes": [
            {
                "data": {
                    "id": str(node.id),
                    "label": node.label,
                    "kind": node.kind,
                    "kindLabel": kind_labels.get(node.kind, node.kind),
                    "district": node.district,
                    "degree": degree[node.id],
                    "url": urls.get(node.id, ""),
                }
            }
            for node in graph.nodes
        ],
        "edges": [
            {
                "data": {
                    "id": f"{edge.source}-{edge.target}",
                    "source": str(edge.source),
                    "target": str(edge.target),
                    "weight": edge.weight,
                    "sources": list(edge.sources),
                }
            }
            for edge in graph.edges
        ],
    }
