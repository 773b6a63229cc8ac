"""An independent recomputation of the graph's numbers from the rows in the database.

Deliberately written differently from the code under test: pairs are found by intersecting the
member sets of every two organisations, components by union-find.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from transferraum.actors.models import Membership, Organisation


@dataclass
class Expected:
    organisations: set[str]  # slugs
    edges: dict[frozenset[str], int]  # pair of slugs -> number of shared people
    degree: dict[str, int]
    components: int
    density: float
    mean_degree: float
    max_degree: int
    isolated: int


def expected_numbers(
    *, kinds: set[str] | None = None, districts: set[str] | None = None
) -> Expected:
    organisations = [
        o
        for o in Organisation.objects.select_related("municipality__district")
        if (not kinds or o.kind in kinds)
        and (not districts or (o.municipality and o.municipality.district.key in districts))
    ]
    members = {o.slug: set() for o in organisations}
    for membership in Membership.objects.select_related("user", "organisation"):
        if membership.user.is_active and membership.organisation.slug in members:
            members[membership.organisation.slug].add(membership.user.pk)

    edges = {}
    for a, b in combinations(sorted(members), 2):
        shared = len(members[a] & members[b])
        if shared:
            edges[frozenset((a, b))] = shared

    degree = {slug: sum(1 for pair in edges if slug in pair) for slug in members}

    parent = {slug: slug for slug in members}

    def find(slug: str) -> str:
        while parent[slug] != slug:
            slug = parent[slug]
        return slug

    for pair in edges:
        a, b = sorted(pair)
        parent[find(a)] = find(b)
    roots = {find(slug) for slug in members}

    n, m = len(members), len(edges)
    return Expected(
        organisations=set(members),
        edges=edges,
        degree=degree,
        components=len(roots),
        density=m / (n * (n - 1) / 2) if n > 1 else 0.0,
        mean_degree=2 * m / n if n else 0.0,
        max_degree=max(degree.values(), default=0),
        isolated=sum(1 for d in degree.values() if d == 0),
    )
