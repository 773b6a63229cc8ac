"""An independent recomputation of the graph's numbers from the rows in the database.

Deliberately written differently from the code under test: pairs are found by intersecting the
member sets of every two organisations in Python, components by union-find.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from transferraum.actors.models import Membership, Organisation


@dataclass
class Expected:
    organisations: set[str]  # slugs
    edges: dict[frozenset[str], int]  # pair of slugs -> number of shared people
    degree: dict[str, int]  # organisations with at least one link
    components: int  # connected groups among the linked organisations
    density: float
    mean_degree: float
    max_degree: int
    isolated: int


def expected_numbers(
    *,
    kinds: set[str] | None = None,
    district: str | None = None,
    municipality: str | None = None,
    since: datetime | None = None,
) -> Expected:
    organisations = [
        o
        for o in Organisation.objects.select_related("municipality__district")
        if (not kinds or o.kind in kinds)
        and (not district or (o.municipality and o.municipality.district.key == district))
        and (not municipality or (o.municipality and o.municipality.ags == municipality))
    ]
    members: dict[str, dict[int, datetime]] = {o.slug: {} for o in organisations}
    for membership in Membership.objects.select_related("user", "organisation"):
        if membership.user.is_active and membership.organisation.slug in members:
            members[membership.organisation.slug][membership.user.pk] = membership.created_at

    edges = {}
    for a, b in combinations(sorted(members), 2):
        shared = [
            person
            for person in members[a].keys() & members[b].keys()
            if since is None or max(members[a][person], members[b][person]) >= since
        ]
        if shared:
            edges[frozenset((a, b))] = len(shared)

    degree = {slug: sum(1 for pair in edges if slug in pair) for slug in members}
    linked = {slug for slug, d in degree.items() if d}

    parent = {slug: slug for slug in linked}

    def find(slug: str) -> str:
        while parent[slug] != slug:
            slug = parent[slug]
        return slug

    for pair in edges:
        a, b = sorted(pair)
        parent[find(a)] = find(b)
    roots = {find(slug) for slug in linked}

    n, m = len(members), len(edges)
    return Expected(
        organisations=set(members),
        edges=edges,
        degree={slug: degree[slug] for slug in linked},
        components=len(roots),
        density=m / (n * (n - 1) / 2) if n > 1 else 0.0,
        mean_degree=2 * m / n if n else 0.0,
        max_degree=max(degree.values(), default=0),
        isolated=len(members) - len(linked),
    )
