"""A participant's own page "Meine Studien": joined studies, consent version and date, and
withdrawal that erases or keeps the answers as the consent text said (issue 21, point 2)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from transferraum.core.testing import assert_capped
from transferraum.research.models import ConsentRecord, Response
from transferraum.research.pseudonyms import pseudonym
from transferraum.research.services import studies
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


def joined(researcher, person, *, title, erase):
    study = study_make(researcher, title=title, erase=erase)
    studies.consent_give(person=person, study=study, consent_version=study.consent_versions.get())
    wave = wave_make(researcher, study, survey_make(researcher, study))
    Response.objects.create(
        wave=wave, survey_version=wave.survey_version, pseudonym=pseudonym(study, person)
    )
    return study


def test_the_page_lists_the_studies_with_version_and_date(client, researcher, student_geography):
    joined(researcher, student_geography, title="Regionale Bindung", erase=True)
    study_make(researcher, title="Nicht beigetreten")
    client.force_login(student_geography)
    page = client.get(reverse("research:my-studies"))
    assert page.status_code == 200
    assert "Meine Studien" in page.text
    assert "Regionale Bindung" in page.text and "Nicht beigetreten" not in page.text
    assert "Fassung 1" in page.text
    record = ConsentRecord.objects.get(person=student_geography)
    assert record.at.strftime("%d.%m.%Y") in page.text
    assert reverse("research:my-studies") in client.get(reverse("start")).text


def test_withdrawal_erases_or_keeps_as_the_text_said(client, researcher, student_geography):
    erase = joined(researcher, student_geography, title="Löschen", erase=True)
    keep = joined(researcher, student_geography, title="Behalten", erase=False)
    client.force_login(student_geography)
    url = reverse("research:my-studies")
    answer = client.post(url, {"study": erase.pk}, follow=True)
    assert "Antworten sind gelöscht" in answer.text
    assert not Response.objects.filter(wave__study=erase).exists()
    client.post(url, {"study": keep.pk})
    assert Response.objects.filter(wave__study=keep).count() == 1
    assert list(
        ConsentRecord.objects.filter(person=student_geography, action="withdrawn")
        .order_by("study__title")
        .values_list("study__title", flat=True)
    ) == ["Behalten", "Löschen"]
    page = client.get(url).text
    assert "Einwilligung widerrufen" in page and 'name="study"' not in page
    # withdrawn already: refused with a message, nothing added
    again = client.post(url, {"study": keep.pk}, follow=True)
    assert again.status_code == 200
    assert ConsentRecord.objects.filter(person=student_geography, study=keep).count() == 2


def test_a_person_reaches_only_their_own_consents(
    client, researcher, student_geography, student_informatics
):
    study = joined(researcher, student_geography, title="Fremd", erase=True)
    client.force_login(student_informatics)
    assert "Fremd" not in client.get(reverse("research:my-studies")).text
    assert client.post(reverse("research:my-studies"), {"study": study.pk}).status_code == 404
    assert ConsentRecord.objects.filter(action="withdrawn").count() == 0
    client.logout()
    assert client.get(reverse("research:my-studies")).status_code == 302


def test_the_page_keeps_its_queries_and_pages(
    client, researcher, student_geography, django_assert_max_num_queries
):
    def join(count):
        for n in range(count):
            study = study_make(researcher, title=f"Studie {n:02}-{count}")
            studies.consent_give(
                person=student_geography, study=study, consent_version=study.consent_versions.get()
            )

    client.force_login(student_geography)
    join(2)
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("research:my-studies"))
    join(21)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("research:my-studies"))
    assert assert_capped(page, "data-consent", 20) == 20
