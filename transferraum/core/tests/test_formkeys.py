"""One-time form keys (core.formkeys): a form sent twice creates one object and the second send
gets the first answer; a form shown again with errors can be sent again with the same key."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from transferraum.actors.models import Listing, ListingCategory
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.test_views import FORM
from transferraum.core import formkeys
from transferraum.core.formkeys import (
    FIELD,
    form_key_claim,
    form_key_finish,
    form_key_new,
    form_key_owner,
    form_keys_purge,
    result_of,
)
from transferraum.core.models import FormSubmission

KEY = "k" * 22
PATH = "/herausforderungen/neu/"


# --- the claim ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_the_first_claim_of_a_key_is_taken():
    first = form_key_claim(owner="user:1", key=KEY, path=PATH)
    second = form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0)

    assert first.taken
    assert not second.taken
    assert second.pending
    assert FormSubmission.objects.get().status == FormSubmission.Status.RUNNING


@pytest.mark.django_db
def test_a_kept_result_is_handed_to_the_second_claim():
    first = form_key_claim(owner="user:1", key=KEY, path=PATH)
    form_key_finish(claim=first, result=formkeys.Result(status=302, location="/fertig/"))

    second = form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0)

    assert not second.taken
    assert second.result is not None
    assert second.result.location == "/fertig/"
    assert second.result.response_status == 302


@pytest.mark.django_db
def test_a_freed_key_can_be_claimed_again():
    first = form_key_claim(owner="user:1", key=KEY, path=PATH)
    form_key_finish(claim=first, result=None)

    assert not FormSubmission.objects.exists()
    assert form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0).taken


@pytest.mark.django_db
def test_keys_belong_to_their_owner():
    assert form_key_claim(owner="user:1", key=KEY, path=PATH).taken
    assert form_key_claim(owner="user:2", key=KEY, path=PATH, wait=0).taken
    assert FormSubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_key_sent_to_another_address_is_not_replayed_there():
    form_key_claim(owner="user:1", key=KEY, path=PATH)

    other = form_key_claim(owner="user:1", key=KEY, path="/anderswo/", wait=0)

    assert other.foreign
    assert not other.taken
    assert other.result is None


@pytest.mark.django_db
def test_a_claim_of_a_request_that_died_is_taken_over_only_when_stale():
    form_key_claim(owner="user:1", key=KEY, path=PATH)
    assert not form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0).taken

    FormSubmission.objects.update(started_at=timezone.now() - formkeys.STALE_AFTER * 2)
    late = form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0)

    assert late.taken
    assert FormSubmission.objects.get().token == late.token


@pytest.mark.django_db
def test_the_first_request_finishing_late_does_not_overwrite_a_takeover():
    dead = form_key_claim(owner="user:1", key=KEY, path=PATH)
    FormSubmission.objects.update(started_at=timezone.now() - formkeys.STALE_AFTER * 2)
    form_key_claim(owner="user:1", key=KEY, path=PATH, wait=0)

    form_key_finish(claim=dead, result=None)

    assert FormSubmission.objects.get().status == FormSubmission.Status.RUNNING


# --- which answers are kept -----------------------------------------------------------------


def test_a_redirect_is_kept():
    result = result_of(HttpResponseRedirect("/fertig/"), htmx=False, key_renewed=True)
    assert result == formkeys.Result(status=302, location="/fertig/")


@pytest.mark.parametrize("status", [200, 400, 403, 404, 409, 422, 500])
def test_a_page_without_redirect_frees_the_key(status):
    assert result_of(HttpResponse("form", status=status), htmx=False, key_renewed=True) is None


def test_an_htmx_fragment_with_a_new_form_is_kept():
    response = HttpResponse("<ul>neu</ul>")
    response["HX-Trigger"] = "listingAdded"

    result = result_of(response, htmx=True, key_renewed=True)

    assert result is not None
    assert result.body == "<ul>neu</ul>"
    assert result.headers == {
        "Content-Type": "text/html; charset=utf-8",
        "HX-Trigger": "listingAdded",
    }


def test_an_htmx_fragment_that_leaves_the_form_in_place_frees_the_key():
    assert result_of(HttpResponse("<p>Treffer</p>"), htmx=True, key_renewed=False) is None


def test_an_htmx_redirect_is_kept():
    response = HttpResponse("")
    response["HX-Redirect"] = "/fertig/"
    assert result_of(response, htmx=True, key_renewed=False) is not None


def test_an_htmx_error_frees_the_key():
    assert result_of(HttpResponse("x", status=422), htmx=True, key_renewed=True) is None


def test_a_huge_fragment_is_not_kept():
    body = "x" * (formkeys.MAX_BODY_CHARS + 1)
    assert result_of(HttpResponse(body), htmx=True, key_renewed=True) is None


# --- owners and keys ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_owner_is_the_user_or_before_login_the_browser(officer_eilenburg):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().post(PATH)
    request.user = officer_eilenburg
    assert form_key_owner(request) == f"user:{officer_eilenburg.pk}"

    request.user = AnonymousUser()
    assert form_key_owner(request) is None
    request.META["CSRF_COOKIE"] = "browser-secret"
    anonymous = form_key_owner(request)
    assert anonymous is not None
    assert anonymous.startswith("anon:")
    assert "browser-secret" not in anonymous


@pytest.mark.parametrize("value", ["", "short", "a" * 65, "abc\x00" * 8, "ä" * 22, "a b" * 10])
def test_malformed_keys_are_ignored(value):
    request = RequestFactory().post(PATH, {FIELD: value})
    assert formkeys.form_key_of(request) is None


def test_new_keys_are_well_formed_and_differ():
    keys = {form_key_new() for _ in range(50)}
    assert len(keys) == 50
    assert all(formkeys.KEY_PATTERN.fullmatch(key) for key in keys)


# --- purge ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_old_keys_are_purged_and_recent_ones_kept():
    form_key_claim(owner="user:1", key="a" * 22, path=PATH)
    form_key_claim(owner="user:1", key="b" * 22, path=PATH)
    FormSubmission.objects.filter(key="a" * 22).update(
        started_at=timezone.now() - timedelta(days=2)
    )

    assert form_keys_purge() == 1
    assert list(FormSubmission.objects.values_list("key", flat=True)) == ["b" * 22]


@pytest.mark.django_db
def test_the_purge_command_runs_once_a_day():
    FormSubmission.objects.create(
        owner="user:1",
        key=KEY,
        path=PATH,
        token="00000000-0000-0000-0000-000000000001",
        started_at=timezone.now() - timedelta(days=3),
    )
    out = StringIO()
    call_command("purge_form_keys", stdout=out)
    call_command("purge_form_keys", stdout=out)

    assert "1 form keys deleted." in out.getvalue()
    assert "already done" in out.getvalue()
    assert not FormSubmission.objects.exists()


# --- through the middleware -----------------------------------------------------------------


def test_the_middleware_is_active_after_csrf_authentication_messages_and_htmx():
    middleware = settings.MIDDLEWARE
    position = middleware.index("transferraum.core.middleware.FormKeyMiddleware")
    for before in (
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django_htmx.middleware.HtmxMiddleware",
    ):
        assert middleware.index(before) < position


def _new_challenge(client, key, **changes):
    return client.post(reverse("challenges:new"), {**FORM, "intent": "save", FIELD: key, **changes})


@pytest.mark.django_db
def test_the_same_form_sent_twice_creates_one_challenge(client, officer_eilenburg, town_eilenburg):
    client.force_login(officer_eilenburg)

    first = _new_challenge(client, KEY)
    second = _new_challenge(client, KEY)

    challenge = Challenge.objects.get()
    assert first.status_code == second.status_code == 302
    edit_url = reverse("challenges:edit", args=[challenge.pk])
    assert second["Location"] == first["Location"] == edit_url
    assert second["X-Form-Key"] == "replayed"
    shown = [str(message) for message in get_messages(second.wsgi_request)]
    assert "Dieses Formular wurde bereits gesendet. Hier sehen Sie das Ergebnis." in shown


@pytest.mark.django_db
def test_a_new_key_creates_a_second_challenge(client, officer_eilenburg, town_eilenburg):
    client.force_login(officer_eilenburg)

    _new_challenge(client, "a" * 22)
    _new_challenge(client, "b" * 22)

    assert Challenge.objects.count() == 2


@pytest.mark.django_db
def test_a_form_refused_at_first_can_be_corrected_and_sent_with_the_same_key(
    client, officer_eilenburg, town_eilenburg
):
    client.force_login(officer_eilenburg)

    refused = _new_challenge(client, KEY, earliest_start="2027-05-01", deadline="2027-04-01")
    assert refused.status_code == 422
    assert not FormSubmission.objects.exists()

    corrected = _new_challenge(client, KEY)

    assert corrected.status_code == 302
    assert Challenge.objects.count() == 1


@pytest.mark.django_db
def test_a_request_that_raised_frees_its_key(
    client, officer_eilenburg, town_eilenburg, monkeypatch
):
    from transferraum.challenges.views import submit

    client.force_login(officer_eilenburg)
    client.raise_request_exception = False
    real = submit.challenge_save

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(submit, "challenge_save", broken)
    assert _new_challenge(client, KEY).status_code == 500
    assert not FormSubmission.objects.exists()

    monkeypatch.setattr(submit, "challenge_save", real)
    assert _new_challenge(client, KEY).status_code == 302
    assert Challenge.objects.count() == 1


@pytest.mark.django_db
def test_another_person_cannot_replay_a_key(client, officer_eilenburg, town_eilenburg, owner_zeitz):
    client.force_login(officer_eilenburg)
    first = _new_challenge(client, KEY)

    client.force_login(owner_zeitz)
    other = _new_challenge(client, KEY)

    assert "X-Form-Key" not in other
    assert other["Location"] != first["Location"]
    assert set(Challenge.objects.values_list("organisation__name", flat=True)) == {
        officer_eilenburg.memberships.get().organisation.name,
        owner_zeitz.memberships.get().organisation.name,
    }


@pytest.mark.django_db
def test_a_second_send_while_the_first_runs_says_it_is_being_sent(
    client, officer_eilenburg, town_eilenburg, monkeypatch
):
    monkeypatch.setattr(formkeys, "WAIT_SECONDS", 0.2)
    client.force_login(officer_eilenburg)
    form_key_claim(owner=f"user:{officer_eilenburg.pk}", key=KEY, path=reverse("challenges:new"))

    response = _new_challenge(client, KEY)

    assert response.status_code == 409
    assert response["X-Form-Key"] == "pending"
    assert "Ihr Formular wird gesendet" in response.content.decode()
    assert not Challenge.objects.exists()


@pytest.mark.django_db
def test_to_htmx_the_being_sent_page_replaces_the_body(
    client, officer_eilenburg, town_eilenburg, monkeypatch
):
    """htmx swaps a 409 (base.html's htmx-config, see core/tests/test_htmx_config.py); the
    page takes the whole body, not the fragment the form aimed at."""
    monkeypatch.setattr(formkeys, "WAIT_SECONDS", 0.2)
    client.force_login(officer_eilenburg)
    form_key_claim(owner=f"user:{officer_eilenburg.pk}", key=KEY, path=reverse("challenges:new"))

    response = client.post(
        reverse("challenges:new"),
        {**FORM, "intent": "save", FIELD: KEY},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 409
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("body", "innerHTML")
    assert "Ihr Formular wird gesendet" in response.content.decode()


@pytest.mark.django_db
def test_a_post_without_a_key_runs_as_before(client, officer_eilenburg, town_eilenburg):
    client.force_login(officer_eilenburg)

    client.post(reverse("challenges:new"), {**FORM, "intent": "save"})
    client.post(reverse("challenges:new"), {**FORM, "intent": "save"})

    assert Challenge.objects.count() == 2
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_an_htmx_create_sent_twice_adds_one_listing_and_answers_the_same(
    client, officer_eilenburg, town_eilenburg
):
    client.force_login(officer_eilenburg)
    url = reverse("actors:listing-create", args=[town_eilenburg.slug])
    category = ListingCategory.choices[0][0]
    data = {"direction": "offer", "category": category, "text": "Praktika im Rathaus", FIELD: KEY}

    first = client.post(url, data, headers={"HX-Request": "true"})
    second = client.post(url, data, headers={"HX-Request": "true"})

    assert first.status_code == second.status_code == 200
    assert second["X-Form-Key"] == "replayed"
    assert second.content == first.content
    assert Listing.objects.filter(organisation=town_eilenburg).count() == 1


@pytest.mark.django_db
def test_the_form_key_field_is_rendered_in_the_new_challenge_form(
    client, officer_eilenburg, town_eilenburg
):
    client.force_login(officer_eilenburg)

    html = client.get(reverse("challenges:new")).content.decode()

    assert f'name="{FIELD}"' in html
    assert 'data-sending="Wird gesendet …"' in html


def test_an_answer_that_sets_a_cookie_or_changes_the_session_frees_the_key():
    response = HttpResponseRedirect("/")
    response.set_cookie("django_language", "en")
    assert result_of(response, htmx=False, key_renewed=False) is None
    assert (
        result_of(HttpResponseRedirect("/"), htmx=False, key_renewed=False, session_changed=True)
        is None
    )


@pytest.mark.django_db
def test_a_login_frees_its_key_so_that_a_second_send_logs_in_again(client, officer_eilenburg):
    from transferraum.accounts.tests.factories import PASSWORD

    client.get(reverse("account_login"))  # the browser's CSRF cookie: the owner before login
    data = {"login": officer_eilenburg.email, "password": PASSWORD, FIELD: KEY}

    response = client.post(reverse("account_login"), data)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer_eilenburg.pk)
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_the_send_again_page_of_a_database_fault_repeats_the_forms_own_key():
    import re

    from transferraum.core.errors import DatabaseFault, database_fault_response

    request = RequestFactory().post(PATH, {"title": "Leerstand", FIELD: KEY})
    html = database_fault_response(request, DatabaseFault.BUSY).content.decode()

    keys = re.findall(rf'name="{FIELD}" value="([^"]+)"', html)
    assert len(keys) == 2
    assert keys[-1] == KEY  # the last value wins: the freed key is sent again
    assert RequestFactory().post(PATH, {FIELD: keys}).POST.get(FIELD) == KEY
