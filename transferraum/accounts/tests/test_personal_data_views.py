"""The pages of one's own data: export for its person only, gone after its days, the account
deletion with its refusals, and the record of processing activities for coordinators."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.models import DataExport, User
from transferraum.accounts.tests.factories import PASSWORD
from transferraum.actors.models import Membership

pytestmark = pytest.mark.django_db


def ready_export(user: User, **fields) -> DataExport:
    export = DataExport(
        user=user,
        status=DataExport.Status.READY,
        ready_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=7),
        **fields,
    )
    export.file.save("probe.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=False)
    export.save()
    return export


def test_my_data_needs_login(client):
    response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_asking_for_an_export_builds_it_and_the_page_offers_it(
    client, outsider, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:data_export_request"), follow=True)
    assert "Wir bereiten Ihre Daten vor" in response.content.decode()
    export = DataExport.objects.get(user=outsider)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert export.get_absolute_url() in page
    download = client.get(export.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "account.json" in archive.namelist()
    assert len(mailoutbox) == 1


def test_a_second_request_while_preparing_says_so(
    client, outsider, django_capture_on_commit_callbacks
):
    client.force_login(outsider)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("accounts:data_export_request"))
    response = client.post(reverse("accounts:data_export_request"), follow=True)
    assert "bereits vorbereitet" in response.content.decode()
    assert DataExport.objects.filter(user=outsider).count() == 1


def test_someone_elses_export_is_not_found(client, outsider, coordinator):
    export = ready_export(outsider)
    client.force_login(coordinator)
    assert client.get(export.get_absolute_url()).status_code == 404


def test_an_expired_export_is_gone_with_a_clear_message(client, outsider):
    export = ready_export(outsider)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    client.force_login(outsider)
    response = client.get(export.get_absolute_url())
    assert response.status_code == 410
    assert "nicht mehr verfügbar" in response.content.decode()


def test_deleting_the_account_signs_out_and_removes_it(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("accounts:account_delete"))
    assert "Ihr Passwort" in page.content.decode()
    response = client.post(
        reverse("accounts:account_delete"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )
    assert "Ihr Konto und Ihre Daten wurden gelöscht" in response.content.decode()
    assert not User.objects.filter(pk=outsider.pk).exists()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_keeps_the_account_and_says_why(client, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("accounts:account_delete"), {"password": "falsch", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "Das Passwort stimmt nicht." in response.content.decode()
    assert User.objects.filter(pk=outsider.pk).exists()


def test_without_confirmation_nothing_happens(client, outsider):
    client.force_login(outsider)
    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert "Bitte bestätigen Sie" in response.content.decode()
    assert User.objects.filter(pk=outsider.pk).exists()


def test_the_last_admin_sees_what_to_do_first(client, officer_eilenburg):
    client.force_login(officer_eilenburg)
    page = client.get(reverse("accounts:account_delete")).content.decode()
    assert "Ihr Konto kann noch nicht gelöscht werden" in page
    assert "Stadtverwaltung Eilenburg" in page
    assert 'name="password"' not in page
    client.post(reverse("accounts:account_delete"), {"password": PASSWORD, "confirm": "on"})
    assert User.objects.filter(pk=officer_eilenburg.pk).exists()
    assert Membership.objects.filter(user=officer_eilenburg).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("officer_eilenburg", 403), ("student_geography", 403)],
)
def test_the_record_of_processing_is_for_coordinators(client, request, persona, status):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("accounts:processing_record"))
    assert response.status_code == status
    if status == 200:
        content = response.content.decode()
        assert "Verzeichnis von Verarbeitungstätigkeiten" in content
        assert "Personenprofile" in content
        assert "Gelöscht 365 Tage nach „erstellt am“" in content


def test_the_record_reads_in_english_too(client, coordinator):
    coordinator.language = "en"
    coordinator.save()
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    content = client.get(reverse("accounts:processing_record")).content.decode()
    assert "Record of processing activities" in content
    assert "person profiles" in content.lower()
