"""One page of a filtered list: the page asked for (the last one beyond it), the page links
that keep the filters, capped or full counts, a count the view knows, and the focus after
htmx followed a page link."""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django_htmx.middleware import HtmxDetails

from transferraum.core.filters import Filters, search
from transferraum.core.listing import listing
from transferraum.core.pagination import CappedPaginator
from transferraum.regions.models import Municipality
from transferraum.regions.tests.factories import eilenburg, zeitz


@dataclass(frozen=True)
class TownFilters(Filters):
    query: str = search("q", label="Search")


def _request(query: str = "", **headers: str):  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/orte/", QueryDict(query), **headers)
    request.htmx = HtmxDetails(request)
    return request


@pytest.fixture
def towns() -> None:
    eilenburg()
    zeitz()


def _towns():  # type: ignore[no-untyped-def]
    return Municipality.objects.order_by("name")


@pytest.mark.django_db
def test_a_page_beyond_the_last_shows_the_last_and_the_links_keep_the_filters(towns):
    request = _request("q=a&seite=9")
    filters = TownFilters.from_query(request.GET)
    found = listing(request, _towns(), filters, url="/orte/", per_page=1)
    assert found.filters.page == found.page.number == 2
    assert found.context["filters"] is found.filters
    links = [link.url for link in found.context["page_links"]]
    assert links == ["/orte/?q=a", "/orte/?q=a&seite=2"]
    assert found.context["previous_url"] == "/orte/?q=a"
    assert found.context["next_url"] == ""
    assert [chip.value for chip in found.context["chips"]] == ["a"]
    assert found.context["reset_url"] == "/orte/"
    assert found.partial is False
    assert found.context["focus_results"] is False


@pytest.mark.django_db
def test_capped_lists_count_at_most_the_limit_and_full_lists_count_all(towns, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "limit", 1)
    request = _request()
    filters = TownFilters.from_query(request.GET)
    capped = listing(request, _towns(), filters, url="/orte/", per_page=10)
    assert capped.page.paginator.capped  # type: ignore[attr-defined]
    assert capped.counted == 2 and capped.page.paginator.count == 1
    full = listing(request, _towns(), filters, url="/orte/", per_page=10, capped=False)
    assert full.counted == full.page.paginator.count == 2


@pytest.mark.django_db
def test_a_count_the_view_knows_is_not_counted_again(towns):
    request = _request()
    filters = TownFilters.from_query(request.GET)
    with CaptureQueriesContext(connection) as queries:
        found = listing(request, _towns(), filters, url="/orte/", per_page=1, count=2)
        list(found.page)
    assert found.page.paginator.num_pages == 2
    assert not any("COUNT" in query["sql"].upper() for query in queries.captured_queries)


@pytest.mark.django_db
def test_number_and_paging_open_a_page_and_drop_what_a_page_change_closes(towns):
    request = _request("q=a")
    filters = TownFilters.from_query(request.GET)
    found = listing(
        request,
        _towns(),
        filters,
        url="/orte/",
        per_page=1,
        number=2,
        paging=TownFilters(),
    )
    assert found.page.number == 2
    assert found.context["previous_url"] == "/orte/"
    # The address of the page shown keeps the search.
    assert found.filters.querystring() == "?q=a&seite=2"


@pytest.mark.django_db
def test_htmx_after_a_page_link_of_this_list_moves_the_focus(towns):
    request = _request("seite=2", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="orte-page-2")
    filters = TownFilters.from_query(request.GET)
    found = listing(request, _towns(), filters, url="/orte/", per_page=1, name="orte")
    assert found.partial is True
    assert found.context["focus_results"] is True
    other = listing(request, _towns(), filters, url="/orte/", per_page=1, name="board")
    assert other.context["focus_results"] is False
