"""The graph measures on hand-made graphs and, as properties, on random ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transferraum.network.graph import (
    Edge,
    Graph,
    Node,
    components,
    cytoscape_elements,
    degrees,
    density,
    edges_merge,
    graph_filter,
    graph_summarise,
)


def node(id: int, kind: str = "company", district: str | None = "14730") -> Node:
    return Node(id=id, label=f"Organisation {id}", kind=kind, district=district)


def edge(a: int, b: int, weight: int = 1, source: str = "membership") -> Edge:
    return Edge.between(a, b, weight=weight, source=source)


@pytest.fixture
def triangle_and_pair() -> Graph:
    """1–2–3 as a triangle, 4–5 as a pair, 6 alone."""
    return Graph(
        nodes=(
            node(1, "town", "14730"),
            node(2, "company", "14730"),
            node(3, "company", "15084"),
            node(4, "startup", "15084"),
            node(5, "town", "15084"),
            node(6, "company", None),
        ),
        edges=(edge(1, 2), edge(2, 3, weight=2), edge(1, 3), edge(4, 5)),
    )


def test_degrees_count_neighbours_and_isolated_nodes_have_zero(triangle_and_pair):
    assert degrees(triangle_and_pair) == {1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 0}


def test_components_are_largest_first_and_isolated_nodes_are_their_own(triangle_and_pair):
    assert components(triangle_and_pair) == [{1, 2, 3}, {4, 5}, {6}]


def test_density_is_the_share_of_possible_links(triangle_and_pair):
    assert density(triangle_and_pair) == pytest.approx(4 / 15)


@pytest.mark.parametrize("count", [0, 1])
def test_density_of_fewer_than_two_nodes_is_zero(count):
    assert density(Graph(nodes=tuple(node(i) for i in range(count)))) == 0.0


def test_complete_graph_has_density_one():
    nodes = tuple(node(i) for i in range(4))
    edges = tuple(edge(a, b) for a in range(4) for b in range(a + 1, 4))
    assert density(Graph(nodes=nodes, edges=edges)) == 1.0


def test_summary(triangle_and_pair):
    summary = graph_summarise(triangle_and_pair)

    assert summary.nodes == 6
    assert summary.edges == 4
    assert summary.components == 3
    assert summary.density == pytest.approx(4 / 15)
    assert summary.mean_degree == pytest.approx(8 / 6)
    assert summary.max_degree == 2
    assert summary.isolated == 1


def test_summary_of_the_empty_graph_is_all_zero():
    summary = graph_summarise(Graph())
    assert (summary.nodes, summary.edges, summary.components, summary.max_degree) == (0, 0, 0, 0)
    assert summary.density == 0.0
    assert summary.mean_degree == 0.0


def test_filter_by_kind_keeps_only_edges_between_kept_nodes(triangle_and_pair):
    filtered = graph_filter(triangle_and_pair, kinds={"company"})

    assert {n.id for n in filtered.nodes} == {2, 3, 6}
    assert [e.pair for e in filtered.edges] == [(2, 3)]


def test_filter_by_district_leaves_out_nodes_without_district(triangle_and_pair):
    filtered = graph_filter(triangle_and_pair, districts={"15084"})

    assert {n.id for n in filtered.nodes} == {3, 4, 5}
    assert [e.pair for e in filtered.edges] == [(4, 5)]


def test_filters_combine_and_empty_filters_keep_everything(triangle_and_pair):
    assert graph_filter(triangle_and_pair, kinds=[], districts=None) == triangle_and_pair
    filtered = graph_filter(triangle_and_pair, kinds={"town", "startup"}, districts={"15084"})
    assert {n.id for n in filtered.nodes} == {4, 5}
    assert len(filtered.edges) == 1


def test_edges_from_several_sources_add_their_weights_and_keep_their_labels():
    merged = edges_merge(
        [edge(1, 2, 2, "membership"), edge(3, 1, 1, "membership")],
        [edge(2, 1, 3, "project"), edge(1, 3, 1, "membership")],
    )

    assert merged == (
        Edge(source=1, target=2, weight=5, sources=("membership", "project")),
        Edge(source=1, target=3, weight=2, sources=("membership",)),
    )


def test_edge_normalises_its_ends_and_refuses_loops_and_zero_weight():
    assert edge(5, 2).pair == (2, 5)
    with pytest.raises(ValueError):
        edge(3, 3)
    with pytest.raises(ValueError):
        edge(1, 2, weight=0)
    with pytest.raises(ValueError):
        Edge(source=2, target=1, weight=1, sources=("membership",))


def test_graph_refuses_duplicate_pairs_and_unknown_nodes():
    with pytest.raises(ValueError):
        Graph(nodes=(node(1), node(2)), edges=(edge(1, 2), edge(2, 1)))
    with pytest.raises(ValueError):
        Graph(nodes=(node(1),), edges=(edge(1, 2),))
    with pytest.raises(ValueError):
        Graph(nodes=(node(1), node(1)))


def test_cytoscape_elements_carry_degree_url_and_kind_label(triangle_and_pair):
    elements = cytoscape_elements(
        triangle_and_pair, urls={1: "/organisationen/eins/"}, kind_labels={"town": "Stadt"}
    )

    first = elements["nodes"][0]["data"]
    assert first == {
        "id": "1",
        "label": "Organisation 1",
        "kind": "town",
        "kindLabel": "Stadt",
        "district": "14730",
        "degree": 2,
        "url": "/organisationen/eins/",
    }
    assert {e["data"]["id"] for e in elements["edges"]} == {"1-2", "2-3", "1-3", "4-5"}
    assert next(e for e in elements["edges"] if e["data"]["id"] == "2-3")["data"]["weight"] == 2


# Random graphs: up to 12 nodes of three kinds in two districts, any set of pairs as edges.
@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    count = draw(st.integers(min_value=0, max_value=12))
    nodes = tuple(
        node(
            i,
            draw(st.sampled_from(["town", "company", "startup"])),
            draw(st.sampled_from(["14730", "15084", None])),
        )
        for i in range(count)
    )
    possible = [(a, b) for a in range(count) for b in range(a + 1, count)]
    pairs = draw(st.lists(st.sampled_from(possible), unique=True) if possible else st.just([]))
    weights = draw(st.lists(st.integers(1, 5), min_size=len(pairs), max_size=len(pairs)))
    return Graph(
        nodes=nodes, edges=tuple(edge(a, b, w) for (a, b), w in zip(pairs, weights, strict=True))
    )


@given(graphs())
def test_sum_of_degrees_is_twice_the_number_of_edges(graph):
    assert sum(degrees(graph).values()) == 2 * len(graph.edges)


@given(graphs())
def test_density_lies_between_zero_and_one(graph):
    assert 0.0 <= density(graph) <= 1.0


@given(graphs())
def test_components_partition_the_nodes_and_no_edge_crosses_them(graph):
    parts = components(graph)
    ids = [n.id for n in graph.nodes]

    assert sorted(i for part in parts for i in part) == sorted(ids)
    assert all(part for part in parts)
    owner = {i: index for index, part in enumerate(parts) for i in part}
    assert all(owner[e.source] == owner[e.target] for e in graph.edges)
    # |E| >= |V| - components: each component needs at least size - 1 edges to hold together.
    assert len(graph.edges) >= len(ids) - len(parts)


@given(graphs(), st.sets(st.sampled_from(["town", "company", "startup"])))
def test_filtering_gives_a_subgraph(graph, kinds):
    filtered = graph_filter(graph, kinds=kinds)

    kept = {n.id for n in filtered.nodes}
    assert kept <= {n.id for n in graph.nodes}
    assert set(filtered.edges) == {e for e in graph.edges if e.source in kept and e.target in kept}
    assert graph_summarise(filtered).edges <= graph_summarise(graph).edges
