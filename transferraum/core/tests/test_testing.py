"""The list-page helpers count marked rows and fail on an uncapped or missing list."""

import pytest

from transferraum.core.testing import assert_capped, rows_marked

PAGE = '<ul><li data-row>a</li><li data-row="1">b</li><li>c</li></ul><p data-other>'


def test_rows_are_counted_by_their_marker():
    assert rows_marked(PAGE, "data-row") == 2
    assert rows_marked(PAGE.encode(), "data-other") == 1


def test_a_list_within_its_page_passes():
    assert assert_capped(PAGE, "data-row", 2) == 2


@pytest.mark.parametrize(("attribute", "size"), [("data-row", 1), ("data-missing", 5)])
def test_a_list_beyond_its_page_or_without_rows_fails(attribute, size):
    with pytest.raises(AssertionError):
        assert_capped(PAGE, attribute, size)
