"""The list-page helpers for tests: they count marked rows and fail beyond the page size."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from transferraum.core.testing import assert_capped, rows_marked

PAGE = """
<ul>
  <li data-row>one</li>
  <li data-row="x" class="b">two</li>
  <li>not marked</li>
  <li><span data-rowish>other</span></li>
</ul>
"""


def test_rows_are_counted_by_their_marker_in_text_bytes_and_responses():
    assert rows_marked(PAGE, "data-row") == 2
    assert rows_marked(PAGE.encode(), "data-row") == 2
    assert rows_marked(HttpResponse(PAGE), "data-row") == 2
    assert rows_marked(PAGE, "data-missing") == 0


def test_a_list_within_its_page_passes_and_says_how_many():
    assert assert_capped(PAGE, "data-row", 2) == 2


def test_a_list_beyond_its_page_fails():
    with pytest.raises(AssertionError, match="2 rows with 'data-row', more than a page of 1"):
        assert_capped(PAGE, "data-row", 1)


def test_a_list_without_rows_fails_so_that_a_renamed_marker_is_noticed():
    with pytest.raises(AssertionError, match="no element with 'data-item'"):
        assert_capped(PAGE, "data-item", 10)
