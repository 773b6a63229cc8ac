from benchmarks.pages.run import HTML_LIMIT, Response, Row, render


def _response(seconds, *, queries=8, size=40_000, html=True, status=200):
    return Response(status, seconds, queries, size // 5, size, html)


def _row(page_seconds, layout_seconds, *, key="directory", small=8, rss=150 * 2**20, **kwargs):
    row = Row("anonymous", key, "/verzeichnis/", rss=rss, queries_small=small)
    row.page = [_response(s, **kwargs) for s in page_seconds]
    row.layout = [_response(s, queries=2, size=9_000) for s in layout_seconds]
    return row


def test_a_list_page_meets_its_budget_at_five_times_the_layout():
    row = _row([0.09, 0.1, 0.05], [0.02, 0.01, 0.02])

    assert row.p(0.5) == 0.09
    assert row.p(0.95) == 0.1
    assert row.ratio == 5
    assert row.met()
    assert not _row([0.11], [0.02]).met()


def test_search_and_data_get_fifteen_times():
    assert _row([0.3], [0.02], key="directory-search").met()
    assert _row([0.3], [0.02], key="network-data").met()
    assert not _row([0.31], [0.02], key="map-data").met()


def test_a_query_count_that_grows_with_the_data_is_not_met():
    row = _row([0.01], [0.01], queries=9, small=8)

    assert row.checks()["queries"] is False
    assert "query count" in render([row], measured="m", size="full", load="l", counts={})


def test_html_size_memory_and_errors_count_but_json_is_not_html():
    assert not _row([0.01], [0.01], size=HTML_LIMIT).met()
    assert _row([0.01], [0.01], size=HTML_LIMIT, html=False).met()
    assert not _row([0.01], [0.01], rss=400 * 2**20).met()
    assert not _row([0.01], [0.01], status=500).met()


def test_the_section_names_size_load_counts_and_each_page():
    section = render(
        [_row([0.05], [0.02]), _row([0.5], [0.02], key="board")],
        measured="2026-12-07 on commit abc1234",
        size="full",
        load="load 1.0 / 1.0 / 1.0 on 2 cores",
        counts={"organisations": 40_000},
    )

    assert "Measured 2026-12-07 on commit abc1234, load 1.0 / 1.0 / 1.0 on 2 cores" in section
    assert "size `full` (`manage.py generate_data`: 40,000 organisations)" in section
    assert "Met on 1 of 2 pages" in section
    assert (
        "| anonymous | Directory `/verzeichnis/` | 50 ms | 50 ms | 20 ms | 2.5 (≤ 5) | 8 (8) "
        "| 7.8 KB | 39.1 KB | 150 MB | met |"
    ) in section
    assert "| 25.0 (≤ 5) |" in section
