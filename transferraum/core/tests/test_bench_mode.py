"""Bench mode (settings.BENCH_MODE, for benchmarks/pages): the empty layout page and the query
count header exist only there."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_the_layout_page_is_not_found_outside_bench_mode(client, settings):
    settings.BENCH_MODE = False

    response = client.get(reverse("layout"))

    assert response.status_code == 404
    assert "X-Query-Count" not in response


@pytest.mark.django_db
def test_the_layout_page_renders_the_layout_with_empty_content(settings, student_informatics):
    settings.BENCH_MODE = True
    client = Client()  # middleware loads with the setting in place
    client.force_login(student_informatics)

    response = client.get(reverse("layout"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="tr-skip-link"' in html
    assert '<main id="main"' in html
    assert "<footer" in html
    assert int(response["X-Query-Count"]) >= 1  # the session and the user at least


@pytest.mark.django_db
def test_bench_mode_counts_the_queries_of_every_response(settings, town_eilenburg):
    settings.BENCH_MODE = True
    client = Client()

    directory = client.get(reverse("network:directory"))
    layout = client.get(reverse("layout"))

    assert directory.status_code == 200
    assert int(directory["X-Query-Count"]) > int(layout["X-Query-Count"])
    assert client.get("/gibt-es-nicht/")["X-Query-Count"].isdigit()


@pytest.mark.django_db
def test_no_query_count_outside_bench_mode(client, settings, town_eilenburg):
    settings.BENCH_MODE = False

    assert "X-Query-Count" not in client.get(reverse("network:directory"))
