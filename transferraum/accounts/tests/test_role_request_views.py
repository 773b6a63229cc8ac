"""The pages of role requests: allowed, refused, invalid input that keeps what was typed, and
the 403 page's offer."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.services import role_request_submit
from transferraum.accounts.tests.factories import RoleRequestFactory, StudyProgrammeFactory

S = RoleRequest.Status
pytestmark = pytest.mark.django_db
FORM = reverse("accounts:role_request")
QUEUE = reverse("accounts:role_requests")


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def _decide_url(role_request: RoleRequest) -> str:
    return reverse("accounts:role_request_decide", args=[role_request.pk])


# --- the form ---------------------------------------------------------------------------------


def test_the_form_is_prefilled_with_the_role_from_the_address(client, outsider):
    client.force_login(outsider)

    content = client.get(FORM + "?role=student").content.decode()

    assert re.search(r'<option value="student" selected>', content)
    assert "Gewünschte Rolle" in content


def test_an_unknown_role_in_the_address_prefills_nothing(client, outsider):
    client.force_login(outsider)
    content = client.get(FORM + "?role=coordinator").content.decode()
    assert "selected" not in content.split('name="role"')[1].split("</select>")[0]


def test_visitors_sign_in_first_and_coordinators_are_refused(client, coordinator):
    response = client.get(FORM)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]

    client.force_login(coordinator)
    assert client.get(FORM).status_code == 403


def test_asking_for_the_student_role_sends_the_request(client, outsider):
    programme = StudyProgrammeFactory(name="Geographie")
    client.force_login(outsider)

    response = client.post(
        FORM,
        {"role": "student", "study_programme": programme.pk, "semester": "4", "note": "Hallo"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    role_request = RoleRequest.objects.get()
    assert (role_request.user, role_request.role, role_request.semester) == (outsider, "student", 4)
    content = response.content.decode()
    assert "Ihre Anfrage ist verschickt." in content
    # The profile shows the state and offers to withdraw.
    assert "Meine Rollenanfragen" in content
    assert "Wartet auf Antwort" in content
    assert "Anfrage für „Studierende/r“ zurückziehen" in content


def test_a_student_request_without_programme_keeps_what_was_typed(client, outsider):
    client.force_login(outsider)

    response = client.post(FORM, {"role": "student", "semester": "4", "note": "Mein Text"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Bitte wählen Sie Ihren Studiengang." in content
    assert "Mein Text" in content
    assert 'value="4"' in content
    assert not RoleRequest.objects.exists()


def test_a_second_request_is_refused_with_a_clear_message(client, outsider):
    role_request_submit(actor=outsider, role=User.Role.FOUNDER)
    client.force_login(outsider)

    response = client.post(FORM, {"role": "founder", "note": "Noch einmal"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Sie haben diese Rolle bereits angefragt" in content
    assert "Noch einmal" in content
    assert RoleRequest.objects.count() == 1


def test_the_requester_withdraws_from_her_profile(client, outsider, student_geography):
    role_request = RoleRequestFactory(user=outsider)
    url = reverse("accounts:role_request_withdraw", args=[role_request.pk])

    client.force_login(student_geography)
    assert client.post(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)

    assert "Ihre Anfrage ist zurückgezogen." in response.content.decode()
    role_request.refresh_from_db()
    assert role_request.status == S.WITHDRAWN


# --- the coordinators' queue and decision -----------------------------------------------------


@pytest.mark.parametrize("persona", ["outsider", "student_geography", "officer_eilenburg"])
def test_only_coordinators_open_the_queue(client, persona_user, persona):
    client.force_login(persona_user(persona))
    assert client.get(QUEUE).status_code == 403


def test_the_queue_lists_open_requests_filtered_by_role(
    client, coordinator, outsider, student_geography, django_assert_max_num_queries
):
    RoleRequestFactory(user=outsider, role=User.Role.FOUNDER)
    RoleRequestFactory(user=student_geography, role=User.Role.RESEARCHER)
    RoleRequestFactory(role=User.Role.RESEARCHER, status=S.REFUSED)
    client.force_login(coordinator)

    content = client.get(QUEUE).content.decode()
    assert "2 Anfragen warten" in content
    assert str(outsider) in content
    filtered = client.get(QUEUE + "?rolle=founder").content.decode()
    assert "1 Anfrage wartet" in filtered
    assert str(student_geography) not in filtered
    # Tampered values are dropped, never an error.
    assert client.get(QUEUE + "?rolle=coordinator&seite=99999999999").status_code == 200


def test_the_queue_keeps_a_constant_number_of_queries(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    RoleRequestFactory()
    with django_assert_max_num_queries(12) as few:
        client.get(QUEUE)
    for _ in range(10):
        RoleRequestFactory(role=User.Role.STUDENT, study_programme=StudyProgrammeFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(QUEUE)


def test_the_queue_is_in_the_coordinators_menu(client, coordinator, outsider):
    client.force_login(outsider)
    assert f'href="{QUEUE}"' not in client.get("/").content.decode()
    client.force_login(coordinator)
    assert f'href="{QUEUE}"' in client.get("/").content.decode()


def test_a_coordinator_grants_a_request(
    client, coordinator, outsider, django_capture_on_commit_callbacks
):
    programme = StudyProgrammeFactory(name="Geographie")
    role_request = RoleRequestFactory(
        user=outsider, role=User.Role.STUDENT, study_programme=programme, semester=2
    )
    client.force_login(coordinator)
    assert "Geographie" in client.get(_decide_url(role_request)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _decide_url(role_request), {"step": "grant", "note": ""}, follow=True
        )

    assert response.redirect_chain[-1][0] == QUEUE
    assert "hat jetzt die Rolle „Studierende/r“" in response.content.decode()
    outsider.refresh_from_db()
    assert (outsider.roles, outsider.study_programme, outsider.semester) == (
        {User.Role.STUDENT},
        programme,
        2,
    )
    assert len(mail.outbox) == 1


def test_refusing_without_a_reason_is_refused_and_keeps_the_page(
    client, coordinator, outsider, django_capture_on_commit_callbacks
):
    role_request = RoleRequestFactory(user=outsider)
    client.force_login(coordinator)

    response = client.post(_decide_url(role_request), {"step": "refuse", "note": " "})

    assert response.status_code == 200
    assert "Bitte begründen Sie die Ablehnung." in response.content.decode()
    role_request.refresh_from_db()
    assert role_request.status == S.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _decide_url(role_request), {"step": "refuse", "note": "Bitte über den Lehrstuhl."}
        )
    assert response.status_code == 302
    role_request.refresh_from_db()
    assert (role_request.status, role_request.reason) == (S.REFUSED, "Bitte über den Lehrstuhl.")
    assert "Bitte über den Lehrstuhl." in mail.outbox[0].body


def test_others_cannot_decide(client, outsider, student_geography):
    role_request = RoleRequestFactory(user=outsider)
    for person in (outsider, student_geography):
        client.force_login(person)
        assert client.post(_decide_url(role_request), {"step": "grant"}).status_code == 403
    role_request.refresh_from_db()
    assert role_request.status == S.OPEN


# --- the 403 page's offer ---------------------------------------------------------------------


def test_the_403_page_offers_the_student_role_on_my_projects(client, outsider):
    client.force_login(outsider)

    response = client.get(reverse("projects:mine"))

    assert response.status_code == 403
    content = response.content.decode()
    assert "Nur Studierende bewerben sich für Projekte." in content
    assert f'href="{FORM}?role=student"' in content
    assert "Rolle „Studierende/r“ anfragen" in content


def test_the_403_page_shows_a_waiting_request_instead_of_a_second_offer(client, outsider):
    RoleRequestFactory(user=outsider, role=User.Role.STUDENT, study_programme=None)
    client.force_login(outsider)

    content = client.get(reverse("projects:mine")).content.decode()

    assert f"{FORM}?role=student" not in content
    assert "Stand Ihrer Anfrage ansehen" in content


def test_visitors_and_coordinators_get_no_offer(client, coordinator):
    response = client.get(reverse("accounts:role_requests"))
    assert response.status_code == 302  # visitors sign in first
    client.force_login(coordinator)
    assert client.get(reverse("projects:mine")).status_code == 403
    assert FORM not in client.get(reverse("projects:mine")).content.decode()


def test_a_refusal_without_a_role_offers_a_request_in_general(client, outsider):
    client.force_login(outsider)

    content = client.get(QUEUE).content.decode()

    assert f'href="{FORM}"' in content
    assert "?role=" not in content


# --- e-mail verification ----------------------------------------------------------------------


@override_settings(STUDENT_EMAIL_DOMAINS=["studserv.uni-leipzig.de"])
def test_verifying_a_university_address_at_sign_up_makes_a_student(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "mia@studserv.uni-leipzig.de",
            "password1": "Mulde-Ufer-2026!",
            "password2": "Mulde-Ufer-2026!",
        },
    )
    user = User.objects.get(email="mia@studserv.uni-leipzig.de")
    assert user.roles == set()  # not verified yet
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)

    client.post(link)

    user.refresh_from_db()
    assert user.roles == {User.Role.STUDENT}
    assert user.role_requests.get().by_email_domain


def test_verifying_another_address_changes_no_role(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "mia@example.org",
            "password1": "Mulde-Ufer-2026!",
            "password2": "Mulde-Ufer-2026!",
        },
    )
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    client.post(link)
    user = User.objects.get(email="mia@example.org")
    assert user.roles == set()
    assert not user.role_requests.exists()
