"""Pages of the opportunities area: allowed, refused and invalid; query guards at two sizes;
lists capped at their page."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.core.testing import assert_capped
from transferraum.opportunities.models import (
    Application,
    Kind,
    Opportunity,
    SavedSearch,
    TownContact,
)
from transferraum.opportunities.selectors import PAGE_SIZE
from transferraum.opportunities.tests.factories import (
    PDF,
    ApplicationFactory,
    OpportunityFactory,
    SavedSearchFactory,
)
from transferraum.regions.tests.factories import eilenburg, zeitz

pytestmark = pytest.mark.django_db


def _items(count, **kwargs):
    organisation = OrganisationFactory()
    for number in range(count):
        OpportunityFactory(
            organisation=organisation,
            municipality=eilenburg() if number % 2 else zeitz(),
            kind=Kind.FLAT if number % 3 == 0 else Kind.INTERNSHIP,
            pay_min_cents=50000,
            pay_max_cents=100000 + number * 1000,
            **kwargs,
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_the_feed_keeps_its_queries_and_its_page_at_two_sizes(client):
    _items(3)
    small, _ = _queries(client, reverse("opportunities:feed"))
    _items(PAGE_SIZE + 5)
    large, response = _queries(client, reverse("opportunities:feed"))
    assert small == large
    assert assert_capped(response, "data-opportunity", PAGE_SIZE) == PAGE_SIZE


def test_the_feed_filters_by_the_address(client):
    _items(6)
    OpportunityFactory(title="Praktikum Metallbau", municipality=zeitz())
    response = client.get(reverse("opportunities:feed") + "?q=Metallbau&ort=15084590")
    body = response.content.decode()
    assert "Praktikum Metallbau" in body
    assert body.count("data-opportunity=") == 1
    # tampered values are dropped, never an error
    assert (
        client.get(reverse("opportunities:feed") + "?art=%00&verguetung=99999999999").status_code
        == 200
    )


def test_the_feed_shows_travel_from_leipzig(client):
    from transferraum.projects.travel import train_connections_load

    OpportunityFactory(municipality=zeitz())
    train_connections_load()
    body = client.get(reverse("opportunities:feed")).content.decode()
    assert "60 Min." in body


def test_expired_and_filled_items_leave_the_feed(client):
    OpportunityFactory(
        title="Abgelaufen", expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    OpportunityFactory(title="Besetzt", status=Opportunity.Status.FILLED)
    body = client.get(reverse("opportunities:feed")).content.decode()
    assert "Abgelaufen" not in body and "Besetzt" not in body


def test_the_atom_feed(client):
    OpportunityFactory(title="Praktikum im Rathaus")
    response = client.get(reverse("opportunities:atom"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"Praktikum im Rathaus" in response.content


def test_a_draft_is_hidden_from_strangers(client, student_geography, company_zeitz):
    draft = OpportunityFactory(organisation=company_zeitz, status=Opportunity.Status.DRAFT)
    client.force_login(student_geography)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_posting_keeps_the_typed_input_when_refused(client, owner_zeitz, verified_zeitz):
    client.force_login(owner_zeitz)
    data = {
        "organisation": verified_zeitz.slug,
        "kind": Kind.INTERNSHIP,
        "title": "Praktikum Schweißen",
        "municipality": zeitz().pk,
        "pay_min": "900",
        "pay_max": "800",
        "remote_share": "0",
        "apply_by": "platform",
        "intent": "save",
    }
    response = client.post(reverse("opportunities:new"), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "Praktikum Schweißen" in body and 'value="900"' in body
    assert not Opportunity.objects.exists()

    response = client.post(
        reverse("opportunities:new"), data | {"pay_max": "1100", "intent": "submit"}
    )
    assert response.status_code == 302
    item = Opportunity.objects.get()
    assert (item.status, item.pay_min_cents, item.pay_max_cents) == ("submitted", 90000, 110000)


def test_an_unverified_organisation_cannot_open_the_form(client, owner_zeitz, company_zeitz):
    client.force_login(owner_zeitz)
    assert client.get(reverse("opportunities:new")).status_code == 403


def test_applying_with_a_cv_that_is_no_pdf_keeps_the_note(client, student_geography):
    item = OpportunityFactory()
    client.force_login(student_geography)
    response = client.post(
        reverse("opportunities:apply", args=[item.pk]),
        {
            "cover_note": "Ich kenne Eilenburg gut.",
            "consent": "on",
            "cv": SimpleUploadedFile("cv.pdf", b"GIF89a not a pdf"),
        },
    )
    assert response.status_code == 422
    assert "Ich kenne Eilenburg gut." in response.content.decode()
    assert not Application.objects.exists()

    response = client.post(
        reverse("opportunities:apply", args=[item.pk]),
        {
            "cover_note": "Ich kenne Eilenburg gut.",
            "consent": "on",
            "cv": SimpleUploadedFile("cv.pdf", PDF),
        },
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert client.get(reverse("opportunities:cv", args=[application.pk])).status_code == 200
    application.cv.delete(save=False)


def test_the_applicant_and_the_organisation_see_the_status(
    client, student_geography, owner_zeitz, company_zeitz, outsider
):
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company_zeitz), applicant=student_geography
    )
    client.force_login(owner_zeitz)
    client.post(
        reverse("opportunities:application-act", args=[application.pk]), {"action": "accept"}
    )
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    client.force_login(student_geography)
    body = client.get(reverse("opportunities:mine")).content.decode()
    assert application.get_status_display() in body
    client.force_login(outsider)
    assert client.get(application.get_absolute_url()).status_code == 404


def test_my_applications_keep_their_queries_and_page(client, student_geography):
    for _ in range(2):
        ApplicationFactory(applicant=student_geography)
    client.force_login(student_geography)
    small, _ = _queries(client, reverse("opportunities:mine"))
    for _ in range(PAGE_SIZE + 2):
        ApplicationFactory(applicant=student_geography)
    large, response = _queries(client, reverse("opportunities:mine"))
    assert small == large
    assert assert_capped(response, "data-application", PAGE_SIZE) == PAGE_SIZE


def test_saving_a_search_from_the_feed(client, student_geography):
    zeitz()
    client.force_login(student_geography)
    response = client.post(
        reverse("opportunities:searches"),
        {"filter": "art=flat&ort=15084590", "name": "Wohnung Zeitz", "frequency": "daily"},
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.kind, search.municipality.ags) == ("flat", "15084590")
    response = client.post(
        reverse("opportunities:searches"), {"filter": "", "name": "", "frequency": "daily"}
    )
    assert response.status_code == 422
    assert SavedSearch.objects.count() == 1


def test_only_the_owner_deletes_a_search(client, student_geography, outsider):
    search = SavedSearchFactory(user=student_geography)
    client.force_login(outsider)
    assert client.post(reverse("opportunities:search-delete", args=[search.pk])).status_code == 404
    client.force_login(student_geography)
    client.post(reverse("opportunities:search-delete", args=[search.pk]))
    assert not SavedSearch.objects.exists()


def test_the_welcome_page_and_its_contacts(client, officer_eilenburg, owner_zeitz):
    OpportunityFactory(title="Praktikum Rathaus")
    OpportunityFactory(
        title="2-Raum-Wohnung", kind=Kind.FLAT, pay_min_cents=42000, pay_max_cents=42000
    )
    url = reverse("opportunities:welcome", args=[eilenburg().ags])
    body = client.get(url).content.decode()
    assert "Leben und Arbeiten in Eilenburg" in body
    assert "Praktikum Rathaus" in body and "2-Raum-Wohnung" in body and "420" in body

    client.force_login(owner_zeitz)
    assert (
        client.get(reverse("opportunities:contact-new", args=[eilenburg().ags])).status_code == 403
    )
    client.force_login(officer_eilenburg)
    response = client.post(
        reverse("opportunities:contact-new", args=[eilenburg().ags]),
        {"kind": "childcare", "name": "Kita Regenbogen", "phone": "03423 1"},
    )
    assert response.status_code == 302
    assert TownContact.objects.get().name == "Kita Regenbogen"
    assert "Kita Regenbogen" in client.get(url).content.decode()


def test_moderation_by_the_coordinator(
    client, coordinator, owner_zeitz, company_zeitz, django_capture_on_commit_callbacks
):
    item = OpportunityFactory(
        organisation=company_zeitz, status=Opportunity.Status.SUBMITTED, published_at=None
    )
    client.force_login(coordinator)
    assert item.title in client.get(reverse("opportunities:queue")).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("opportunities:act", args=[item.pk]), {"action": "publish"})
    item.refresh_from_db()
    assert item.status == Opportunity.Status.PUBLISHED
    assert [m.to for m in mail.outbox] == [[owner_zeitz.email]]
