"""Reads of the cooperation graph, aggregated in SQL so that no request reads a whole table.

Two organisations are linked when people (with active accounts) are members of both; the
weight of a link is the number of such people. The links are kept in a table of their own
(`OrganisationLink`, one row per pair with the kind and town of both ends, rebuilt by
`actors.aggregates` when memberships change), so a request filters and ranks links without
joining the memberships; a period counts the links from the memberships created within it. A
page reads one page of them, the drawing the `DRAWN_LINKS` strongest, and the figures are
counts, so the work per request stays bounded however large the region grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypedDict, cast

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import Membership, Organisation, OrganisationLink
from transferraum.core.filters import Filters, Select, choice, multiple_choice
from transferraum.network.graph import Edge, Graph, Node, NodeId, components
from transferraum.regions.models import District, Municipality
from transferraum.regions.selectors import (
    district_filter,
    municipalities_by_district,
    municipality_filter,
    municipality_options,
)

# Label of each source of links; later sources (projects, events, recommendations) add theirs.
SOURCE_MEMBERSHIP = "membership"

# The drawing shows the strongest links only: more would be a hairball, and the JSON stays small.
DRAWN_LINKS = 150
LINKS_PAGE_SIZE = 25
# The table of the most linked organisations.
TOP_ORGANISATIONS = 20


# Periods by their number of months: a link counts when it began within the period, that is
# when the later of the two memberships that make it was created then.
PERIOD_CHOICES = (
    ("12", _("Last 12 months")),
    ("36", _("Last 3 years")),
    ("60", _("Last 5 years")),
)


@dataclass(frozen=True)
class GraphFilters(Filters):
    """The graph's filters: kinds of organisation (`art`, any number), one district (`kreis`),
    one municipality (`gemeinde`) and the period in which a link began (`zeitraum`). Both ends
    of a link must match; the page number (`seite`) pages the table of links."""

    kinds: tuple[str, ...] = multiple_choice(
        "art", choices=Organisation.Kind.choices, label=_("Kind of organisation")
    )
    district: str = district_filter()
    municipality: str = municipality_filter(
        "gemeinde", label=_("Municipality"), empty_label=_("All municipalities")
    )
    period: str = choice(
        "zeitraum", choices=PERIOD_CHOICES, label=_("Linked within"), empty_label=_("Any time")
    )

    def since(self, now: datetime) -> datetime | None:
        """The start of the period, or None for any time."""
        if not self.period:
            return None
        return now - timedelta(days=round(int(self.period) * 365.25 / 12))


def _organisation_condition(filters: GraphFilters, prefix: str = "") -> Q:
    """The organisation filters as a condition on `prefix` + the organisation's fields."""
    condition = Q()
    if filters.kinds:
        condition &= Q(**{f"{prefix}kind__in": filters.kinds})
    if filters.district:
        condition &= Q(**{f"{prefix}municipality__district__key": filters.district})
    if filters.municipality:
        condition &= Q(**{f"{prefix}municipality__ags": filters.municipality})
    return condition


def graph_organisations(filters: GraphFilters) -> QuerySet[Organisation]:
    """The organisations the filters keep (the graph's nodes), by name."""
    return Organisation.objects.filter(_organisation_condition(filters)).order_by("name", "pk")


def _link_condition(filters: GraphFilters) -> Q:
    """The organisation filters on both ends of a row of `OrganisationLink`."""
    condition = Q()
    for end in ("source", "target"):
        if filters.kinds:
            condition &= Q(**{f"{end}_kind__in": filters.kinds})
        if filters.district:
            condition &= Q(**{f"{end}_district__key": filters.district})
        if filters.municipality:
            condition &= Q(**{f"{end}_municipality__ags": filters.municipality})
    return condition


class LinkRow(TypedDict):
    first: int
    second: int
    weight: int


def graph_links(filters: GraphFilters) -> QuerySet[Any, LinkRow]:
    """One row per linked pair (`first` < `second` organisation id) with its `weight`, the
    strongest first; slice it (a page, `[:DRAWN_LINKS]`), count it with `.count()`.

    Without a period the rows come from the table of links (`OrganisationLink`, kept by
    `actors.aggregates`), read in the order of its index. With a period they are counted from
    the memberships created within it (through their index on the date), each joined to the
    same person's other memberships: a person links two organisations when the later of the
    two memberships falls within the period.
    """
    since = filters.since(timezone.now())
    if since is None:
        links: QuerySet[Any, Any] = (
            OrganisationLink.objects.filter(_link_condition(filters))
            .values("weight", first=F("source_id"), second=F("target_id"))
            .order_by("-weight", "first", "second")
        )
        return cast("QuerySet[Any, LinkRow]", links)
    # Everything on the other membership (`user__memberships`) is one `filter()` call, so that
    # Django joins it once.
    other = "user__memberships__"
    condition = (
        Q(created_at__gte=since, user__is_active=True)
        & (
            Q(**{f"{other}organisation_id__gt": F("organisation_id")})
            | Q(**{f"{other}organisation_id__lt": F("organisation_id")})
        )
        & _organisation_condition(filters, "organisation__")
        & _organisation_condition(filters, f"{other}organisation__")
    )
    links = (
        Membership.objects.filter(condition)
        .values(
            first=Least("organisation_id", f"{other}organisation_id"),
            second=Greatest("organisation_id", f"{other}organisation_id"),
        )
        .annotate(weight=Count("user_id", distinct=True))
        .order_by("-weight", "first", "second")
    )
    return cast("QuerySet[Any, LinkRow]", links)


class DegreeRow(TypedDict):
    node: int  # the organisation's id
    degree: int


def _degrees_sql(filters: GraphFilters) -> tuple[str, list[Any]]:
    """SQL of one row per linked organisation (`node`) with its `degree`: every link counts
    once for each of its ends."""
    sql, params = graph_links(filters).order_by().query.sql_with_params()
    ends = (
        f'SELECT p."first" AS node FROM ({sql}) p '  # noqa: S608  # Django's own SQL
        f'UNION ALL SELECT p."second" AS node FROM ({sql}) p'
    )
    return (
        f"SELECT ends.node, COUNT(*) AS degree FROM ({ends}) ends GROUP BY ends.node",  # noqa: S608
        [*params, *params],
    )


def graph_degrees(filters: GraphFilters, *, limit: int | None = None) -> list[DegreeRow]:
    """The linked organisations with their `degree` (number of linked organisations), the
    most linked first, at most `limit` (one query)."""
    sql, params = _degrees_sql(filters)
    sql = f"{sql} ORDER BY degree DESC, ends.node"
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [{"node": node, "degree": degree} for node, degree in cursor.fetchall()]


def organisations_by_id(ids: Iterable[int]) -> dict[int, Organisation]:
    """The organisations with these ids, with their town and district (one query)."""
    rows = (
        Organisation.objects.filter(pk__in=set(ids))
        .select_related("municipality__district")
        # What the table, the drawing and the top list show: no long texts or search columns.
        .only(
            "name",
            "slug",
            "kind",
            "municipality__name",
            "municipality__district__key",
            "municipality__district__name",
        )
        .order_by()  # a dict by id: the model's order by name would sort for nothing
    )
    return {organisation.pk: organisation for organisation in rows}


@dataclass(frozen=True)
class NetworkFigures:
    """The key figures of the filtered network. Counts, density and degrees cover every link
    (counted in SQL); the connected groups are those of the drawing (`drawn_links` links)."""

    organisations: int
    links: int
    linked: int
    max_degree: int
    drawn_links: int
    drawn_organisations: int
    drawn_components: int

    @property
    def density(self) -> float:
        """Share of possible links that exist: 2|E| / (|V|(|V|-1)), 0.0 below two nodes."""
        n = self.organisations
        return 2 * self.links / (n * (n - 1)) if n > 1 else 0.0

    @property
    def mean_degree(self) -> float:
        return 2 * self.links / self.organisations if self.organisations else 0.0

    @property
    def isolated(self) -> int:
        return self.organisations - self.linked

    @property
    def is_cut(self) -> bool:
        """Whether the drawing leaves links out."""
        return self.drawn_links < self.links

    def as_dict(self) -> dict[str, int | float | bool]:
        return {
            "nodes": self.organisations,
            "edges": self.links,
            "density": self.density,
            "mean_degree": self.mean_degree,
            "max_degree": self.max_degree,
            "isolated": self.isolated,
            "drawn_nodes": self.drawn_organisations,
            "drawn_edges": self.drawn_links,
            "drawn_components": self.drawn_components,
            "is_cut": self.is_cut,
        }


def drawn_graph(links: Iterable[LinkRow], organisations: dict[int, Organisation]) -> Graph:
    """The graph of the given links and the organisations at their ends."""
    edges = tuple(
        Edge(
            source=row["first"],
            target=row["second"],
            weight=row["weight"],
            sources=(SOURCE_MEMBERSHIP,),
        )
        for row in links
        if row["first"] in organisations and row["second"] in organisations
    )
    ids: set[NodeId] = {end for edge in edges for end in edge.pair}
    nodes = tuple(
        Node(
            id=pk,
            label=organisations[pk].name,
            kind=organisations[pk].kind,
            district=(
                organisations[pk].municipality.district.key  # type: ignore[union-attr]
                if organisations[pk].municipality_id is not None
                else None
            ),
        )
        for pk in sorted(ids)
    )
    return Graph(nodes=nodes, edges=edges)


@dataclass(frozen=True)
class LinkCounts:
    links: int
    linked: int  # organisations with at least one link
    max_degree: int


def graph_link_counts(filters: GraphFilters) -> LinkCounts:
    """The number of links, of linked organisations and the highest degree, from one reading
    of the degrees: each link adds one to the degree of both its ends, so links = Σ degree / 2."""
    sql, params = _degrees_sql(filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), MAX(d.degree), SUM(d.degree) FROM ({sql}) d",  # noqa: S608
            params,
        )
        linked, top, ends = cursor.fetchone()
    # PostgreSQL sums counts as numeric.
    return LinkCounts(links=int(ends or 0) // 2, linked=linked or 0, max_degree=top or 0)


def network_figures(filters: GraphFilters, *, counts: LinkCounts, drawn: Graph) -> NetworkFigures:
    """The figures of the filtered network: `counts` from `graph_link_counts`, the drawn graph
    from `drawn_graph`, and the organisations counted here (one query)."""
    return NetworkFigures(
        organisations=graph_organisations(filters).count(),
        links=counts.links,
        linked=counts.linked,
        max_degree=counts.max_degree,
        drawn_links=len(drawn.edges),
        drawn_organisations=len(drawn.nodes),
        drawn_components=len(components(drawn)),
    )


# --- choices of the filter form ---------------------------------------------------------------


def graph_selects(filters: GraphFilters) -> list[Select]:
    """The selects of the graph's filter form: districts and towns that have organisations (and
    the chosen ones), and the periods (two queries)."""
    has_organisations = Exists(Organisation.objects.filter(municipality=OuterRef("pk")))
    districts = (
        District.objects.filter(
            Q(Exists(Organisation.objects.filter(municipality__district=OuterRef("pk"))))
            | Q(key=filters.district)
        )
        .only("key", "name")
        .order_by("name")
    )
    towns = municipalities_by_district(
        Municipality.objects.filter(Q(has_organisations) | Q(ags=filters.municipality))
    )
    return [
        filters.select("district", [(district.key, district.name) for district in districts]),
        filters.select("municipality", groups=municipality_options(towns)),
        filters.select("period"),
    ]
