import pytest
from django.core.cache import cache
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import PASSWORD


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.mark.django_db
def test_login_by_email_leads_to_the_start_page(client, officer_eilenburg):
    response = client.post(
        reverse("account_login"), {"login": officer_eilenburg.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("start")
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Stadtverwaltung Eilenburg" in profile


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_clear_message_and_keeps_the_email(
    client, officer_eilenburg
):
    response = client.post(
        reverse("account_login"), {"login": officer_eilenburg.email, "password": "falsch"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "E-Mail-Adresse und/oder das Passwort" in content
    assert f'value="{officer_eilenburg.email}"' in content
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_is_rate_limited_after_repeated_failures(client, officer_eilenburg):
    for _ in range(5):
        client.post(
            reverse("account_login"), {"login": officer_eilenburg.email, "password": "falsch"}
        )

    response = client.post(
        reverse("account_login"), {"login": officer_eilenburg.email, "password": PASSWORD}
    )

    assert "_auth_user_id" not in client.session
    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()


@pytest.mark.django_db
def test_profile_needs_login(client):
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_profile_change_is_saved_and_switches_the_language(client, student_geography):
    client.force_login(student_geography)

    response = client.post(
        reverse("accounts:profile"), {"name": "Lena M. Schubert", "language": "en"}
    )

    assert response.status_code == 302
    student_geography.refresh_from_db()
    assert student_geography.name == "Lena M. Schubert"
    assert student_geography.language == "en"
    assert response.cookies["django_language"].value == "en"
    assert "My profile" in client.get(reverse("accounts:profile")).content.decode()


@pytest.mark.django_db
def test_blank_name_is_refused_and_the_typed_language_kept(client, student_geography):
    client.force_login(student_geography)

    response = client.post(reverse("accounts:profile"), {"name": "   ", "language": "en"})

    assert response.status_code == 200
    student_geography.refresh_from_db()
    assert student_geography.name == "Lena Schubert"
    content = response.content.decode()
    assert "Bitte geben Sie Ihren Namen ein." in content
    assert '<option value="en" selected>' in content


@pytest.mark.django_db
def test_language_switch_works_for_anonymous_visitors_and_returns_to_the_page(client):
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/region/"})

    assert response.status_code == 302
    assert response["Location"] == "/region/"
    assert response.cookies["django_language"].value == "en"
    assert "Skip to content" in client.get("/").content.decode()

    client.post(reverse("accounts:language"), {"language": "de", "next": "/"})
    assert "Zum Inhalt springen" in client.get("/").content.decode()


@pytest.mark.django_db
def test_language_switch_is_remembered_for_a_logged_in_person(client, researcher):
    client.force_login(researcher)

    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})

    researcher.refresh_from_db()
    assert researcher.language == "en"


@pytest.mark.django_db
def test_language_switch_ignores_foreign_redirects_and_unknown_languages(client):
    response = client.post(
        reverse("accounts:language"), {"language": "fr", "next": "https://evil.example/"}
    )

    assert response["Location"] == "/"
    assert "django_language" not in response.cookies


@pytest.mark.django_db
def test_login_restores_the_language_chosen_last_time(client, researcher):
    researcher.language = "en"
    researcher.save()

    response = client.post(
        reverse("account_login"), {"login": researcher.email, "password": PASSWORD}
    )

    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
def test_logout_needs_post_and_ends_the_session(client, researcher):
    client.force_login(researcher)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_change_page_is_reachable_from_the_profile(client, researcher):
    client.force_login(researcher)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("account_change_password") in profile

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Neues-Passwort-2027",
            "password2": "Neues-Passwort-2027",
        },
    )

    assert response.status_code == 302
    researcher.refresh_from_db()
    assert researcher.check_password("Neues-Passwort-2027")


@pytest.mark.django_db
def test_user_manager_creates_people_by_email():
    user = User.objects.create_user("Neu@Transferraum.Example", "geheim-genug-2026")
    admin = User.objects.create_superuser("admin@transferraum.example", "geheim-genug-2026")

    assert user.email == "neu@transferraum.example"
    assert user.check_password("geheim-genug-2026")
    assert admin.is_coordinator and admin.is_superuser


@pytest.mark.django_db
def test_german_is_the_default_even_for_an_english_browser(client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})

    assert response["Content-Language"] == "de"
    assert '<html lang="de"' in response.content.decode()
