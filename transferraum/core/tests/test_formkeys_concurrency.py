"""Two sends of the same form at the same moment create one challenge, on SQLite and on
PostgreSQL: the unique claim of the key lets one request run the view, the other waits for its
result and answers with the same redirect."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.test_views import FORM
from transferraum.core.formkeys import FIELD
from transferraum.core.models import FormSubmission

SENDS = 4


def _send_at_once(user, key: str) -> list[tuple[int, str]]:
    barrier = threading.Barrier(SENDS)
    answers: list[tuple[int, str]] = []
    errors: list[BaseException] = []

    def send() -> None:
        client = Client()
        client.force_login(user)
        try:
            barrier.wait()
            response = client.post(
                reverse("challenges:new"), {**FORM, "intent": "save", FIELD: key}
            )
            answers.append((response.status_code, response.get("Location", "")))
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(SENDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return answers


def _check_one_challenge(answers: list[tuple[int, str]]) -> None:
    challenge = Challenge.objects.get()
    edit_url = reverse("challenges:edit", args=[challenge.pk])
    assert answers == [(302, edit_url)] * SENDS
    assert FormSubmission.objects.get().status == FormSubmission.Status.DONE


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_sends_of_one_key_create_one_challenge_on_postgresql(
    officer_eilenburg, town_eilenburg
):
    _check_one_challenge(_send_at_once(officer_eilenburg, "p" * 22))


@pytest.mark.django_db(transaction=True)
def test_simultaneous_sends_of_one_key_create_one_challenge_on_sqlite(
    officer_eilenburg, town_eilenburg
):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL pass runs the test above")
    _check_one_challenge(_send_at_once(officer_eilenburg, "s" * 22))
