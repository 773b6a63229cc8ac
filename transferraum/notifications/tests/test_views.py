"""The list, marking read, the preferences, the unsubscribe page and the bell."""

from __future__ import annotations

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.tests.factories import UserFactory
from transferraum.notifications.models import Delivery, Notification, Preference
from transferraum.notifications.services import UNSUBSCRIBE_SALT

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
PREFERENCES = reverse("notifications:preferences")


def note(person, title="Veröffentlicht: Radweg", **extra) -> Notification:
    return Notification.objects.create(
        recipient=person, kind="challenge.published", title=title, url="/dinge/1/", **extra
    )


def unsubscribe(person, kind="challenge.published") -> str:
    token = signing.dumps([person.pk, kind], salt=UNSUBSCRIBE_SALT, compress=True)
    return reverse("notifications:unsubscribe", args=[token])


# --- list --------------------------------------------------------------------------------------


def test_the_list_shows_only_my_notifications_newest_first(client):
    me, other = UserFactory(), UserFactory()
    note(me, "Erste", created_at=timezone.now() - timezone.timedelta(hours=1))
    note(me, "Zweite")
    note(other, "Fremde")
    client.force_login(me)

    page = client.get(LIST).content.decode()

    assert page.index("Zweite") < page.index("Erste")
    assert "Fremde" not in page
    assert 'href="/dinge/1/"' in page
    assert "Alle als gelesen markieren" in page


def test_the_list_needs_a_sign_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_list_is_paginated_with_constant_queries(client):
    me = UserFactory()
    for i in range(3):
        note(me, f"Nummer {i}")
    client.force_login(me)
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for i in range(30):
        note(me, f"Mehr {i}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(LIST).content.decode()

    assert len(many) == len(few)
    assert page.count('class="tr-notification') == 20
    assert "?seite=2" in page


def test_the_empty_list_says_what_comes_here(client):
    client.force_login(UserFactory())

    page = client.get(LIST).content.decode()

    assert "Noch keine Benachrichtigungen" in page


# --- marking read ------------------------------------------------------------------------------


def test_mark_one_as_read_without_javascript(client):
    me = UserFactory()
    item = note(me)
    client.force_login(me)

    response = client.post(reverse("notifications:read", args=[item.pk]), {"next": LIST})

    assert response.status_code == 302
    assert response["Location"] == LIST
    item.refresh_from_db()
    assert item.read_at is not None


def test_mark_one_as_read_with_htmx_swaps_the_item(client):
    me = UserFactory()
    item = note(me)
    client.force_login(me)

    response = client.post(reverse("notifications:read", args=[item.pk]), HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<li class="tr-notification" id="notification-{item.pk}"')
    assert "Als gelesen markieren" not in body


def test_mark_one_as_read_with_htmx_counts_the_bell_down(client):
    me = UserFactory()
    first, _second = note(me), note(me)
    client.force_login(me)

    response = client.post(reverse("notifications:read", args=[first.pk]), HTTP_HX_REQUEST="true")

    body = response.content.decode()
    bell = body[body.index('id="tr-bell"') :]
    assert 'hx-swap-oob="true"' in bell
    assert "1 ungelesen" in bell
    assert "2 ungelesen" not in body


def test_someone_elses_notification_is_not_found(client):
    item = note(UserFactory())
    client.force_login(UserFactory())

    response = client.post(reverse("notifications:read", args=[item.pk]))

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_marking_needs_post_and_a_sign_in(client):
    item = note(UserFactory())

    assert client.post(reverse("notifications:read", args=[item.pk])).status_code == 302
    assert client.post(reverse("notifications:read-all")).status_code == 302
    client.force_login(item.recipient)
    assert client.get(reverse("notifications:read", args=[item.pk])).status_code == 405
    item.refresh_from_db()
    assert item.read_at is None


def test_mark_all_as_read(client):
    me, other = UserFactory(), UserFactory()
    note(me)
    note(me)
    theirs = note(other)
    client.force_login(me)

    response = client.post(reverse("notifications:read-all"), {"next": "https://evil.example/"})

    assert response["Location"] == LIST
    assert not Notification.objects.filter(recipient=me, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


# --- preferences -------------------------------------------------------------------------------


def test_the_preferences_page_has_one_fieldset_per_kind(client):
    client.force_login(UserFactory())

    page = client.get(PREFERENCES).content.decode()

    assert page.count("<fieldset") == page.count("<legend") >= 10
    assert "Eine Herausforderung, die Sie eingereicht haben oder der Sie folgen" in page
    assert 'name="challenge.published" value="immediate"' in page
    assert page.count('type="radio"') == 3 * page.count("<fieldset")
    # coordinators only
    assert "Tägliche Zusammenfassung, was die Organisationen" not in page


def test_saving_the_preferences(client):
    me = UserFactory()
    client.force_login(me)
    data = {key: Delivery.IMMEDIATE for key in ("invitation", "round.phase")}
    data |= {"challenge.published": Delivery.DIGEST, "workspace.post": Delivery.PLATFORM}

    response = client.post(PREFERENCES, data)

    assert response.status_code == 302
    chosen = dict(Preference.objects.filter(user=me).values_list("kind", "delivery"))
    assert chosen["challenge.published"] == Delivery.DIGEST
    assert chosen["workspace.post"] == Delivery.PLATFORM
    page = client.get(PREFERENCES).content.decode()
    assert 'name="challenge.published" value="digest" id="id_challenge.published_1" checked' in page


def test_an_invalid_choice_is_refused(client):
    me = UserFactory()
    client.force_login(me)

    response = client.post(PREFERENCES, {"challenge.published": "carrier-pigeon"})

    assert response.status_code == 200
    assert not Preference.objects.exists()


def test_the_preferences_need_a_sign_in(client):
    assert client.get(PREFERENCES).status_code == 302


# --- unsubscribe -------------------------------------------------------------------------------


def test_unsubscribe_asks_first_then_works_once_without_sign_in(client):
    person = UserFactory()
    url = unsubscribe(person)

    asked = client.get(url)
    assert asked.status_code == 200
    assert 'method="post"' in asked.content.decode()
    assert not Preference.objects.exists()

    done = client.post(url)
    assert done.status_code == 200
    assert "Sie haben abbestellt." in done.content.decode()
    assert Preference.objects.get(user=person).delivery == Delivery.PLATFORM

    again = client.post(url)
    assert "bereits abbestellt" in again.content.decode()
    assert "bereits abbestellt" in client.get(url).content.decode()


def test_one_click_post_from_a_mail_program_needs_no_csrf_token(client):
    person = UserFactory()
    strict = type(client)(enforce_csrf_checks=True)

    response = strict.post(unsubscribe(person), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert Preference.objects.get(user=person).delivery == Delivery.PLATFORM


def test_a_tampered_unsubscribe_link_is_refused(client):
    person = UserFactory()
    url = unsubscribe(person)
    token = url.rstrip("/").rsplit("/", 1)[1]
    tampered = reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])

    assert client.get(tampered).status_code == 404
    assert client.post(tampered).status_code == 404
    assert not Preference.objects.exists()


# --- the bell ----------------------------------------------------------------------------------


def test_the_bell_shows_the_unread_count(client):
    me = UserFactory()
    note(me)
    note(me)
    note(me, read_at=timezone.now())
    client.force_login(me)

    page = client.get(reverse("regions:home")).content.decode()

    assert f'href="{LIST}"' in page
    assert "2 ungelesen" in page


def test_visitors_see_no_bell(client):
    page = client.get(reverse("regions:home")).content.decode()

    assert f'href="{LIST}"' not in page


def test_the_bell_costs_one_query_however_many_notifications(client):
    me = UserFactory()
    client.force_login(me)
    home = reverse("regions:home")
    client.get(home)
    with CaptureQueriesContext(connection) as none:
        client.get(home)
    for _ in range(25):
        note(me)
    with CaptureQueriesContext(connection) as many:
        page = client.get(home).content.decode()

    assert "25 ungelesen" in page
    assert len(many) == len(none)
    bell = [q for q in many.captured_queries if "notifications_notification" in q["sql"]]
    assert len(bell) == 1
    assert "COUNT(" in bell[0]["sql"]
