import pytest

from transferraum.core.models import Activity
from transferraum.core.services import activity_record


@pytest.mark.django_db
def test_activity_records_who_what_and_which_object(coordinator, town_eilenburg):
    entry = activity_record(
        actor=coordinator, verb="organisation.created", target=town_eilenburg, data={"x": 1}
    )

    stored = Activity.objects.get(pk=entry.pk)
    assert stored.actor == coordinator
    assert stored.verb == "organisation.created"
    assert stored.target == town_eilenburg
    assert stored.target_repr == "Stadtverwaltung Eilenburg"
    assert stored.data == {"x": 1}
    assert stored.created_at is not None
    assert list(Activity.objects.for_object(town_eilenburg)) == [stored]


@pytest.mark.django_db
def test_activity_without_a_logged_in_actor_keeps_actor_empty():
    from django.contrib.auth.models import AnonymousUser

    entry = activity_record(actor=AnonymousUser(), verb="system.started")

    assert entry.actor is None
    assert entry.target is None
