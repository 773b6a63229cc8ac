"""Two people edit the same challenge: nothing of either is lost (core.versions)."""

import re
import threading

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from transferraum.challenges.models import Challenge
from transferraum.challenges.services import challenge_save
from transferraum.challenges.tests.test_views import FORM
from transferraum.core.versions import EditConflict


@pytest.fixture
def draft(officer_eilenburg, town_eilenburg):
    return challenge_save(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"title": "Leerstand am Marktplatz", "problem": "Viele Läden stehen leer."},
    )


@pytest.mark.django_db
def test_second_save_of_the_same_version_is_a_conflict(draft, officer_eilenburg, coordinator):
    loaded = draft.version
    first = Challenge.objects.get(pk=draft.pk)
    challenge_save(
        actor=coordinator,
        organisation=draft.organisation,
        data={"title": "Leerstand am Markt"},
        challenge=first,
        version=loaded,
    )

    second = Challenge.objects.get(pk=draft.pk)
    with pytest.raises(EditConflict) as raised:
        challenge_save(
            actor=officer_eilenburg,
            organisation=draft.organisation,
            data={"problem": "Auch die Post ist zu."},
            challenge=second,
            version=loaded,
        )

    saved = Challenge.objects.get(pk=draft.pk)
    assert saved.title == "Leerstand am Markt"
    assert saved.problem == "Viele Läden stehen leer."  # the loser wrote nothing
    assert saved.version == loaded + 1
    assert raised.value.current.version == loaded + 1

    merged = challenge_save(
        actor=officer_eilenburg,
        organisation=draft.organisation,
        data={"problem": "Auch die Post ist zu."},
        challenge=Challenge.objects.get(pk=draft.pk),
        version=raised.value.current.version,
    )
    assert (merged.title, merged.problem) == ("Leerstand am Markt", "Auch die Post ist zu.")
    assert merged.version == loaded + 2


def _edit_page_post(client, challenge, **typed):
    """What the browser sends: the rendered form's hidden fields plus what the person typed."""
    page = client.get(reverse("challenges:edit", args=[challenge.pk])).content.decode()
    hidden = dict(re.findall(r'type="hidden" name="(version(?:_base)?)" value="([^"]*)"', page))
    assert set(hidden) == {"version", "version_base"}
    return {**FORM, **hidden, **typed, "intent": "save"}


@pytest.mark.django_db
def test_conflict_page_shows_both_values_and_keeps_what_was_typed(
    client, draft, officer_eilenburg, coordinator
):
    client.force_login(officer_eilenburg)
    mine = _edit_page_post(
        client, draft, title="Leerstand am Marktplatz", problem="Meine Fassung des Problems."
    )
    # Meanwhile the coordinator changes the problem and the context.
    challenge_save(
        actor=coordinator,
        organisation=draft.organisation,
        data={"problem": "Die Fassung der Koordination.", "context": "Seit 2020."},
        challenge=Challenge.objects.get(pk=draft.pk),
        version=draft.version,
    )

    response = client.post(reverse("challenges:edit", args=[draft.pk]), mine)

    page = response.content.decode()
    assert response.status_code == 422
    assert "Jemand anderes hat hier inzwischen gespeichert" in page
    assert "Meine Fassung des Problems." in page  # in the input, as typed
    assert "Die Fassung der Koordination." in page  # beside it
    assert 'id="id_problem-theirs"' in page
    assert str(coordinator) in page
    # Only the coordinator changed the context: it is taken over, not fought over.
    assert 'id="id_context-theirs"' not in page
    assert re.search(r'<textarea name="context"[^>]*>\s*Seit 2020.</textarea>', page)
    assert Challenge.objects.get(pk=draft.pk).problem == "Die Fassung der Koordination."

    # The person combines both texts in the field and saves against the new version.
    again = dict(re.findall(r'type="hidden" name="(version(?:_base)?)" value="([^"]*)"', page))
    both = "Die Fassung der Koordination. Meine Fassung des Problems."
    response = client.post(
        reverse("challenges:edit", args=[draft.pk]),
        {**mine, **again, "problem": both, "context": "Seit 2020.", "version_take_problem": "mine"},
    )
    assert response.status_code == 302
    saved = Challenge.objects.get(pk=draft.pk)
    assert (saved.problem, saved.context) == (both, "Seit 2020.")


@pytest.mark.django_db
def test_take_theirs_saves_the_other_persons_value(client, draft, officer_eilenburg, coordinator):
    client.force_login(officer_eilenburg)
    mine = _edit_page_post(client, draft, title="Mein Titel")
    challenge_save(
        actor=coordinator,
        organisation=draft.organisation,
        data={"title": "Titel der Koordination"},
        challenge=Challenge.objects.get(pk=draft.pk),
        version=draft.version,
    )
    page = client.post(reverse("challenges:edit", args=[draft.pk]), mine).content.decode()
    again = dict(re.findall(r'type="hidden" name="(version(?:_base)?)" value="([^"]*)"', page))

    response = client.post(
        reverse("challenges:edit", args=[draft.pk]),
        {**mine, **again, "version_take_title": "theirs"},
    )

    assert response.status_code == 302
    assert Challenge.objects.get(pk=draft.pk).title == "Titel der Koordination"


@pytest.mark.django_db
def test_edit_without_the_version_saves_nothing(client, draft, officer_eilenburg):
    client.force_login(officer_eilenburg)

    response = client.post(
        reverse("challenges:edit", args=[draft.pk]), {**FORM, "title": "Neu", "intent": "save"}
    )

    assert response.status_code == 422
    assert Challenge.objects.get(pk=draft.pk).title == "Leerstand am Marktplatz"


def _race(draft, editors):
    """Each editor saves the same loaded version at the same moment; returns the outcomes."""
    barrier = threading.Barrier(len(editors))
    outcomes: list[str] = []

    def save(actor, title):
        try:
            barrier.wait()
            challenge_save(
                actor=actor,
                organisation=draft.organisation,
                data={"title": title},
                challenge=Challenge.objects.get(pk=draft.pk),
                version=draft.version,
            )
            outcomes.append("saved")
        except EditConflict:
            outcomes.append("conflict")
        except OperationalError:  # SQLite without a write lock at the start: still not saved
            outcomes.append("locked")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=editor) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_exactly_one_wins(draft, officer_eilenburg, coordinator):
    outcomes = _race(draft, [(officer_eilenburg, "Erster"), (coordinator, "Zweite")])

    assert outcomes.count("saved") == 1
    saved = Challenge.objects.get(pk=draft.pk)
    assert saved.version == draft.version + 1
    assert saved.title in {"Erster", "Zweite"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_on_postgresql_one_wins_one_conflicts(
    draft, officer_eilenburg, coordinator
):
    outcomes = _race(draft, [(officer_eilenburg, "Erster"), (coordinator, "Zweite")])

    assert sorted(outcomes) == ["conflict", "saved"]
    assert Challenge.objects.get(pk=draft.pk).version == draft.version + 1
