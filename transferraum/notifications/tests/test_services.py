"""notify(), the e-mail it sends, the digest and the one-click unsubscribe."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.tests.factories import UserFactory
from transferraum.notifications.models import Delivery, Notification, Preference
from transferraum.notifications.services import (
    UNSUBSCRIBE_SALT,
    UnsubscribeTokenInvalid,
    notification_digest_send,
    notification_mark_read,
    notifications_mark_all_read,
    notify,
    preferences_set,
    unsubscribe_confirm,
    unsubscribe_read,
    unsubscribe_url,
)

pytestmark = pytest.mark.django_db

SITE = "https://transferraum.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def hello(person, kind, template, thing="Radweg", **extra):
    return notify(
        recipient=person,
        kind=kind,
        template=template,
        context={"person": person, "thing": thing, "due": date(2026, 12, 24), "pk": 7},
        url="/dinge/7/",
        **extra,
    )


def token_of(message) -> str:
    return re.search(r"/abbestellen/([^/]+)/", message.extra_headers["List-Unsubscribe"])[1]


# --- notify ------------------------------------------------------------------------------------


def test_a_person_gets_an_in_app_notification_and_the_mail_at_once(hello_kind, mail_templates):
    person = UserFactory(name="Mia", language="en")

    notification = hello(person, hello_kind, mail_templates)

    assert notification == Notification.objects.get()
    assert notification.recipient == person
    assert notification.kind == "tests.hello"
    assert notification.title == "Hello: Radweg"
    assert notification.text == "Due soon: Radweg"
    assert notification.url == "/dinge/7/"
    assert notification.read_at is None
    assert notification.email == Notification.Email.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert mail.outbox[0].subject == "[Transferraum] Hello: Radweg"


def test_the_mail_has_a_text_and_an_html_part_with_absolute_links(hello_kind, mail_templates):
    person = UserFactory(name="Mia", language="en")

    hello(person, hello_kind, mail_templates)

    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f"{SITE}/dinge/7/" in message.body
    assert f'href="{SITE}/dinge/7/"' in html
    assert "Transferraum" in html
    preferences = f"{SITE}{reverse('notifications:preferences')}"
    assert preferences in message.body
    assert f'href="{preferences}"' in html
    for part in (message.body, html):
        assert "127.0.0.1" not in part
        assert "localhost" not in part
        assert re.findall(r'href="(?!https://transferraum\.example/)', part) == []


def test_the_mail_carries_a_one_click_unsubscribe_for_its_kind(hello_kind, mail_templates):
    person = UserFactory()

    # The link is signed with the time in seconds: the mail and the expected link must be
    # made in the same second (a slow machine crossed one between them).
    with time_machine.travel(timezone.now(), tick=False):
        hello(person, hello_kind, mail_templates)
        expected = unsubscribe_url(person, "tests.hello")

    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe"] == f"<{expected}>"
    assert headers["List-Unsubscribe"].startswith(f"<{SITE}/benachrichtigungen/abbestellen/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert expected in mail.outbox[0].body


def test_a_german_mail_writes_the_date_in_german(hello_kind, mail_templates):
    german, english = UserFactory(language="de"), UserFactory(language="en")

    hello(german, hello_kind, mail_templates)
    hello(english, hello_kind, mail_templates)

    assert "Due on 24. Dezember 2026." in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == "de"
    assert "Due on Dec. 24, 2026." in mail.outbox[1].body
    assert mail.outbox[1].extra_headers["Content-Language"] == "en"


def test_only_in_the_platform_sends_no_mail(hello_kind, mail_templates):
    person = UserFactory()
    Preference.objects.create(user=person, kind="tests.hello", delivery=Delivery.PLATFORM)

    notification = hello(person, hello_kind, mail_templates)

    assert notification.email == Notification.Email.NONE
    assert mail.outbox == []


def test_the_digest_choice_keeps_the_mail_for_the_digest(hello_kind, mail_templates):
    person = UserFactory()
    Preference.objects.create(user=person, kind="tests.hello", delivery=Delivery.DIGEST)

    notification = hello(person, hello_kind, mail_templates)

    assert notification.email == Notification.Email.DIGEST
    assert mail.outbox == []


def test_the_preference_of_another_kind_does_not_count(hello_kind, mail_templates):
    person = UserFactory()
    Preference.objects.create(user=person, kind="other", delivery=Delivery.PLATFORM)

    hello(person, hello_kind, mail_templates)

    assert len(mail.outbox) == 1


def test_an_address_without_account_gets_the_mail_only(hello_kind, mail_templates):
    notify(
        recipient="new@example.org",
        kind=hello_kind,
        template=mail_templates,
        context={"person": None, "thing": "Einladung", "due": date(2026, 12, 24), "pk": 1},
        language="de",
    )

    assert Notification.objects.count() == 0
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert "List-Unsubscribe" not in message.extra_headers
    assert reverse("notifications:preferences") not in message.body
    assert message.alternatives


# --- reading -----------------------------------------------------------------------------------


def test_marking_read_once_and_all(hello_kind, mail_templates):
    person = UserFactory()
    first, second, third = (hello(person, hello_kind, mail_templates) for _ in range(3))
    other = hello(UserFactory(), hello_kind, mail_templates)

    notification_mark_read(user=person, notification=first)
    read_at = Notification.objects.get(pk=first.pk).read_at
    notification_mark_read(user=person, notification=first)

    assert read_at is not None
    assert Notification.objects.get(pk=first.pk).read_at == read_at
    assert notifications_mark_all_read(user=person) == 2
    assert not Notification.objects.filter(recipient=person).unread().exists()
    assert Notification.objects.get(pk=other.pk).read_at is None
    with pytest.raises(ValueError):
        notification_mark_read(user=person, notification=other)
    assert second.pk and third.pk


def test_preferences_are_stored_per_kind_and_unknown_kinds_ignored(hello_kind):
    person = UserFactory()

    preferences_set(user=person, choices={"tests.hello": Delivery.DIGEST, "nonsense": "digest"})
    preferences_set(user=person, choices={"tests.hello": Delivery.PLATFORM})

    assert list(Preference.objects.values_list("kind", "delivery")) == [
        ("tests.hello", Delivery.PLATFORM)
    ]


# --- the digest --------------------------------------------------------------------------------


def test_the_digest_lists_each_item_once_and_never_again(hello_kind, mail_templates):
    person = UserFactory(language="de")
    other = UserFactory()
    for someone in (person, other):
        Preference.objects.create(user=someone, kind="tests.hello", delivery=Delivery.DIGEST)
    hello(person, hello_kind, mail_templates, thing="Radweg")
    hello(person, hello_kind, mail_templates, thing="Dorfladen")
    hello(other, hello_kind, mail_templates, thing="Markt")

    report = notification_digest_send()

    assert (report.recipients, report.items) == (2, 3)
    mine = next(m for m in mail.outbox if m.to == [person.email])
    assert mine.subject == "[Transferraum] 2 neue Benachrichtigungen"
    assert mine.body.count("Hello: Radweg") == 1
    assert mine.body.count("Hello: Dorfladen") == 1
    assert "Markt" not in mine.body
    assert f"{SITE}/dinge/7/" in mine.body
    assert 'href="https://transferraum.example/dinge/7/"' in mine.alternatives[0][0]
    assert mine.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(Notification.objects.values_list("email", flat=True)) == {"digested"}

    mail.outbox.clear()
    assert notification_digest_send().recipients == 0
    assert mail.outbox == []

    hello(person, hello_kind, mail_templates, thing="Neu")
    notification_digest_send()
    assert len(mail.outbox) == 1
    assert "Hello: Neu" in mail.outbox[0].body
    assert "Radweg" not in mail.outbox[0].body


def test_an_empty_digest_sends_nothing(hello_kind, mail_templates):
    person = UserFactory()
    hello(person, hello_kind, mail_templates)  # at once, not in the digest
    mail.outbox.clear()

    assert notification_digest_send().recipients == 0
    assert mail.outbox == []


def test_items_another_run_claimed_are_not_sent_twice(hello_kind, mail_templates, monkeypatch):
    person = UserFactory()
    Preference.objects.create(user=person, kind="tests.hello", delivery=Delivery.DIGEST)
    hello(person, hello_kind, mail_templates)
    hello(person, hello_kind, mail_templates)
    from transferraum.notifications import services

    original = services._digest_mail

    def race(person, items):  # a second run starts while the first one is sending
        assert services.notification_digest_send().recipients == 0
        original(person, items)

    monkeypatch.setattr(services, "_digest_mail", race)

    assert notification_digest_send().recipients == 1
    assert len(mail.outbox) == 1


def test_a_failed_digest_mail_leaves_the_items_for_the_next_run(
    hello_kind, mail_templates, monkeypatch
):
    person = UserFactory()
    Preference.objects.create(user=person, kind="tests.hello", delivery=Delivery.DIGEST)
    hello(person, hello_kind, mail_templates)
    from transferraum.notifications import services

    def broken(person, items):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(services, "_digest_mail", broken)
    with pytest.raises(ConnectionError):
        notification_digest_send()

    assert Notification.objects.get().email == Notification.Email.DIGEST
    monkeypatch.undo()
    assert notification_digest_send(now=timezone.now() + timedelta(days=1)).items == 1


# --- unsubscribe -------------------------------------------------------------------------------


def test_the_unsubscribe_token_works_once(hello_kind, mail_templates):
    person = UserFactory()
    hello(person, hello_kind, mail_templates)
    token = token_of(mail.outbox[0])

    assert unsubscribe_read(token).done is False
    assert unsubscribe_confirm(token=token).done is False
    assert Preference.objects.get(user=person).delivery == Delivery.PLATFORM
    assert unsubscribe_confirm(token=token).done is True

    mail.outbox.clear()
    hello(person, hello_kind, mail_templates)
    assert mail.outbox == []


def test_a_tampered_or_foreign_token_is_refused(hello_kind):
    person = UserFactory()
    good = signing.dumps([person.pk, "tests.hello"], salt=UNSUBSCRIBE_SALT)
    other_salt = signing.dumps([person.pk, "tests.hello"], salt="something else")
    forged = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    nobody = signing.dumps([999999, "tests.hello"], salt=UNSUBSCRIBE_SALT)

    for token in (forged, other_salt, nobody, "nonsense"):
        with pytest.raises(UnsubscribeTokenInvalid):
            unsubscribe_confirm(token=token)
    assert not Preference.objects.exists()


def test_the_digest_unsubscribe_switches_every_digest_kind_off(hello_kind, mail_templates):
    person = UserFactory()
    Preference.objects.create(user=person, kind="tests.hello", delivery=Delivery.DIGEST)
    hello(person, hello_kind, mail_templates)
    notification_digest_send()
    token = token_of(mail.outbox[0])

    assert unsubscribe_confirm(token=token).done is False
    assert Preference.objects.get(user=person).delivery == Delivery.PLATFORM
    assert unsubscribe_read(token).done is True


# --- a task run again after its worker was lost -------------------------------------------------


def test_a_retried_task_sends_no_message_twice(hello_kind, mail_templates):
    from transferraum.core.testing import task_attempt

    first, second = UserFactory(language="en"), UserFactory(language="en")
    newcomer = "new@example.org"

    def send_all():
        for person in (first, second):
            hello(person, hello_kind, mail_templates)
        notify(
            recipient=newcomer,
            kind=hello_kind,
            template=mail_templates,
            context={"person": None, "thing": "Einladung", "due": date(2026, 12, 24), "pk": 1},
            language="en",
        )

    with task_attempt("result-1"):
        hello(first, hello_kind, mail_templates)  # the worker is killed after the first mail
    with task_attempt("result-1"):
        send_all()  # the retry
    with task_attempt("result-1"):
        send_all()  # and once more: nothing left to send

    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email, newcomer])
    assert Notification.objects.filter(recipient=first).count() == 1
    assert Notification.objects.filter(recipient=second).count() == 1


def test_another_task_tells_the_same_person_again(hello_kind, mail_templates):
    from transferraum.core.testing import task_attempt

    person = UserFactory(language="en")
    for result in ("result-1", "result-2"):
        with task_attempt(result):
            hello(person, hello_kind, mail_templates)

    assert len(mail.outbox) == 2
