"""Pages of the talent area: allowed, refused and invalid input, query guards at two sizes and
lists that stay within their page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.testing import assert_capped
from transferraum.core.versions import VERSION_FIELD
from transferraum.regions.tests.factories import zeitz
from transferraum.talent.models import (
    JourneyFollowUp,
    Step,
    TalentProfile,
    TrialApplication,
    TrialCall,
)
from transferraum.talent.services import journeys, pool, trial
from transferraum.talent.tests.factories import applicant, call_make, consenting, profile_make
from transferraum.talent.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_applying_keeps_the_text_on_refusal_and_sends_once(
    client, officer_eilenburg, town_eilenburg, student_geography
):
    call = call_make(officer_eilenburg, town_eilenburg)
    client.force_login(student_geography)
    empty = client.post(call.get_absolute_url(), {"motivation": " "})
    assert empty.status_code == 422
    sent = client.post(call.get_absolute_url(), {"motivation": "Ich komme gern nach Eilenburg."})
    assert sent.status_code == 302
    again = client.post(call.get_absolute_url(), {"motivation": "Noch einmal bitte."})
    assert again.status_code == 422 and "Noch einmal bitte." in again.text
    assert TrialApplication.objects.filter(call=call).count() == 1


def test_a_call_form_with_bad_dates_is_refused_with_the_input_kept(
    client, officer_eilenburg, town_eilenburg
):
    client.force_login(officer_eilenburg)
    today = timezone.localdate()
    response = client.post(
        reverse("talent:call-new"),
        {
            "town": town_eilenburg.pk,
            "title": "Sommer in Eilenburg",
            "starts_on": today + dt.timedelta(days=30),
            "ends_on": today + dt.timedelta(days=10),
            "apply_until": today + dt.timedelta(days=5),
            "places": 3,
            "flats": "Markt 1",
            "cost_euros": "150",
        },
    )
    assert response.status_code == 422
    assert "Sommer in Eilenburg" in response.text
    assert not TrialCall.objects.exists()
    response = client.post(
        reverse("talent:call-new"),
        {
            "town": town_eilenburg.pk,
            "title": "Sommer in Eilenburg",
            "starts_on": today + dt.timedelta(days=30),
            "ends_on": today + dt.timedelta(days=60),
            "apply_until": today + dt.timedelta(days=5),
            "places": 3,
            "flats": "Markt 1",
            "cost_euros": "150.50",
        },
    )
    assert response.status_code == 302
    assert TrialCall.objects.get().cost_cents == 15050


def test_the_town_selects_on_the_call_page(
    client, officer_eilenburg, town_eilenburg, student_geography
):
    call = call_make(officer_eilenburg, town_eilenburg)
    application = trial.application_submit(person=student_geography, call=call, motivation="Ja")
    client.force_login(officer_eilenburg)
    page = client.get(call.get_absolute_url())
    assert f'data-application="{application.pk}"' in page.text
    client.post(reverse("talent:application-step", args=[application.pk, "accept"]))
    application.refresh_from_db()
    assert application.status == "accepted"
    client.force_login(student_geography)
    assert "Wohnung A" in client.get(application.get_absolute_url()).text
    # the applicant cannot accept or decide
    assert (
        client.post(
            reverse("talent:application-step", args=[application.pk, "decline"])
        ).status_code
        == 403
    )


def test_the_stay_form_refuses_a_stale_version(
    client, officer_eilenburg, member_eilenburg, town_eilenburg
):
    call = call_make(officer_eilenburg, town_eilenburg)
    application = trial.application_submit(person=applicant(), call=call, motivation="Ja")
    trial.application_accept(actor=officer_eilenburg, application=application)
    stay = application.stay
    client.force_login(officer_eilenburg)
    data = {
        "flat": "Wohnung B",
        "starts_on": stay.starts_on,
        "ends_on": stay.ends_on,
        "coworking": "Rathaus",
        "contact": member_eilenburg.pk,
        VERSION_FIELD: stay.version,
    }
    trial.stay_update(
        actor=member_eilenburg,
        stay=stay,
        flat="Wohnung A",
        starts_on=stay.starts_on,
        ends_on=stay.ends_on,
    )
    conflict = client.post(application.get_absolute_url(), data)
    assert conflict.status_code == 422
    stay.refresh_from_db()
    assert stay.flat == "Wohnung A"


def test_the_profile_page_opts_in_and_out(client, student_geography, owner_zeitz):
    client.force_login(student_geography)
    assert (
        client.post(reverse("talent:profile"), {"action": "save", "headline": ""}).status_code
        == 422
    )
    saved = client.post(
        reverse("talent:profile"),
        {
            "action": "save",
            "visible": "on",
            "headline": "GIS",
            "looking_for": "Praktikum",
            "availability": "now",
        },
    )
    assert saved.status_code == 302
    assert TalentProfile.objects.get(person=student_geography).visible
    client.post(reverse("talent:profile"), {"action": "opt_out"})
    assert not TalentProfile.objects.get(person=student_geography).visible
    client.force_login(owner_zeitz)
    assert client.get(reverse("talent:profile")).status_code == 403


def test_the_follow_up_link_answers_once_and_counts(client, student_geography):
    consenting(student_geography)
    journeys.journey_step_record(
        student_geography,
        Step.MOVED,
        town=zeitz(),
        on=timezone.localdate() - dt.timedelta(days=366),
    )
    journeys.follow_ups_run()
    link = journeys.follow_up_link(JourneyFollowUp.objects.get())
    assert client.get(link).status_code == 200
    assert client.post(link, {}).status_code == 422  # no choice made
    assert client.post(link, {"still_living": "yes"}).status_code == 200
    assert student_geography.journey.steps.filter(step=Step.STAYED_12).exists()
    assert client.get(link).status_code == 410
    assert client.post(link, {"still_living": "no"}).status_code == 410
    assert client.get(reverse("talent:follow-up", args=["unbekannt"])).status_code == 410


def test_the_journey_page_consents_adds_steps_and_withdraws(client, student_geography):
    from transferraum.talent.tests.factories import consent_text

    consent_text()
    client.force_login(student_geography)
    assert client.post(reverse("talent:journey"), {"action": "consent"}).status_code == 422
    assert (
        client.post(reverse("talent:journey"), {"action": "consent", "agree": "on"}).status_code
        == 302
    )
    bad = client.post(
        reverse("talent:journey"), {"action": "step", "step": "moved", "on": "2025-01-01"}
    )
    assert bad.status_code == 422  # moving names a town
    ok = client.post(
        reverse("talent:journey"), {"action": "step", "step": "visit", "on": "2025-01-01"}
    )
    assert ok.status_code == 302
    assert client.get(reverse("talent:journey")).text.count("data-step=") == 2
    client.post(reverse("talent:journey"), {"action": "withdraw"})
    student_geography.refresh_from_db()
    assert not hasattr(student_geography, "journey") or student_geography.journey is None


# --- query guards and page caps ---------------------------------------------------------------


def _profiles(count: int) -> None:
    for _n in range(count):
        profile_make(UserFactory(role=User.Role.STUDENT))


def test_the_pool_keeps_its_queries_and_its_page(
    client, owner_zeitz, company_zeitz, django_assert_max_num_queries
):
    client.force_login(owner_zeitz)
    url = reverse("talent:pool", args=[company_zeitz.slug])
    _profiles(3)
    with django_assert_max_num_queries(20):
        small = client.get(url)
    _profiles(PAGE_SIZE)
    with django_assert_max_num_queries(20):
        large = client.get(url)
    assert small.status_code == large.status_code == 200
    assert assert_capped(large, "data-talent", PAGE_SIZE) == PAGE_SIZE


def test_the_calls_and_the_contacts_keep_their_queries_and_page(
    client, officer_eilenburg, town_eilenburg, django_assert_max_num_queries
):
    client.force_login(officer_eilenburg)
    for n in range(3):
        call_make(officer_eilenburg, town_eilenburg, title=f"Ruf {n}")
    with django_assert_max_num_queries(20):
        client.get(reverse("talent:calls"))
    for n in range(3, PAGE_SIZE + 3):
        call_make(officer_eilenburg, town_eilenburg, title=f"Ruf {n}")
    with django_assert_max_num_queries(20):
        calls = client.get(reverse("talent:calls"))
    assert_capped(calls, "data-call", PAGE_SIZE)
    for _n in range(PAGE_SIZE + 2):
        profile = profile_make(UserFactory(role=User.Role.STUDENT))
        pool.contact_send(
            actor=officer_eilenburg, organisation=town_eilenburg, profile=profile, message="Hallo"
        )
    with django_assert_max_num_queries(20):
        contacts = client.get(reverse("talent:contacts", args=[town_eilenburg.slug]))
    assert_capped(contacts, "data-contact", PAGE_SIZE)


def test_the_funnel_page_keeps_its_queries(client, coordinator, django_assert_max_num_queries):
    for _n in range(3):
        consenting()
    client.force_login(coordinator)
    with django_assert_max_num_queries(20):
        small = client.get(reverse("talent:funnel"))
    for _n in range(12):
        consenting()
    with django_assert_max_num_queries(20):
        large = client.get(reverse("talent:funnel") + "?jahrgang=" + str(timezone.localdate().year))
    assert small.status_code == large.status_code == 200
    assert "&lt; 5" in small.text
