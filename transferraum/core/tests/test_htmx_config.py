"""htmx swaps the pages the server answers in place of a fragment: the form is being sent
(409, one-time form keys), refused with its reasons (422), the database could not take it
(503). Without a rule in base.html's htmx-config htmx drops a 4xx/5xx answer and the person
sees nothing happen."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

SWAPPED = (409, 422, 503)


def _response_handling(client) -> list[dict[str, object]]:
    page = client.get(reverse("regions:home")).content.decode()
    found = re.search(r'<meta name="htmx-config" content=\'([^\']*)\'', page)
    assert found, "base.html has no htmx-config"
    return json.loads(found.group(1))["responseHandling"]


def _swaps(rules: list[dict[str, object]], status: int) -> bool:
    """What htmx does: the first rule whose code (a regular expression) matches decides."""
    for rule in rules:
        if re.match(f"^{rule['code']}$", str(status)):
            return bool(rule["swap"])
    return False


@pytest.mark.django_db
@pytest.mark.parametrize("status", SWAPPED)
def test_htmx_swaps_the_pages_that_answer_in_place_of_a_fragment(client, status):
    assert _swaps(_response_handling(client), status)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_htmx_leaves_other_errors_to_its_error_handling(client, status):
    assert not _swaps(_response_handling(client), status)
