"""Telling people: an in-app notification for every person with an account and an e-mail (at
once, in the daily digest or not at all, as they chose per kind), rendered in their language.

Every sender calls `notify()`; nothing else sends mail from the services.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.tasks import effect_once
from transferraum.notifications.kinds import NotificationKind, kind_get, kinds_for
from transferraum.notifications.models import Delivery, Notification, Preference

UNSUBSCRIBE_SALT = "transferraum.notifications.unsubscribe"
# The token's kind for "no more digests": every kind on the digest goes to the platform only.
DIGEST_KEY = "digest"


# --- e-mail -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedEmail:
    subject: str  # without the prefix: it is also the in-app title
    text: str
    html: str
    short: str  # the in-app notification's text


@dataclass(frozen=True)
class Attachment:
    """A file that goes with an e-mail sent at once (an iCal invitation)."""

    filename: str
    content: bytes | str
    mimetype: str


def absolute_url(url: str) -> str:
    """A link for e-mails: site-relative paths get the configured site address (`SITE_URL`),
    never the address a request came in on."""
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def unsubscribe_url(user: User, key: str) -> str:
    """The one-click address that stops e-mails of kind `key` (or the digest) for `user`."""
    token = signing.dumps([user.pk, key], salt=UNSUBSCRIBE_SALT, compress=True)
    return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def _render_optional(template: str, context: dict[str, Any]) -> str | None:
    try:
        return render_to_string(template, context)
    except TemplateDoesNotExist:
        return None


def email_render(
    *,
    template: str,
    context: dict[str, Any],
    language: str,
    recipient: User | None = None,
    unsubscribe_key: str | None = None,
) -> RenderedEmail:
    """Render `<template>_subject.txt`, `_body.txt`, optional `_body.html` (without one, the
    text becomes the HTML) and optional `_text.txt` (the short in-app text) in `language`,
    framed by the shared footer: the preferences page and, for a person, the unsubscribe link.
    Dates in the templates follow the language's formats."""
    with translation.override(language):
        full: dict[str, Any] = {
            "site_url": settings.SITE_URL,
            "preferences_url": absolute_url(reverse("notifications:preferences")),
            "unsubscribe_url": (
                unsubscribe_url(recipient, unsubscribe_key)
                if recipient is not None and unsubscribe_key
                else ""
            ),
            **context,
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
        body = render_to_string(f"{template}_body.txt", full)
        html_body = _render_optional(f"{template}_body.html", full)
        if html_body is None:
            html_body = linebreaks(urlize(body.strip(), autoescape=True))
        footer = {**full, "person_known": recipient is not None}
        text = body.rstrip() + "\n\n" + render_to_string("notifications/email/footer.txt", footer)
        html = render_to_string(
            "notifications/email/base.html",
            {**footer, "subject": subject, "content": mark_safe(html_body)},  # noqa: S308
        )
        short = " ".join((_render_optional(f"{template}_text.txt", full) or "").split())
    return RenderedEmail(subject=subject, text=text, html=html, short=short)


def _email_send(
    *,
    to: str,
    email: RenderedEmail,
    language: str,
    unsubscribe: str = "",
    attachments: Sequence[Attachment] = (),
) -> None:
    message = EmailMultiAlternatives(
        subject=settings.EMAIL_SUBJECT_PREFIX + email.subject, body=email.text, to=[to]
    )
    message.attach_alternative(email.html, "text/html")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.extra_headers["Content-Language"] = language
    if unsubscribe:
        # RFC 8058: mail programs offer "unsubscribe" and POST to the address without a sign-in.
        message.extra_headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.send()


# --- notify -----------------------------------------------------------------------------------


def delivery_for(user: User, kind: NotificationKind) -> Delivery:
    """The person's choice for `kind`, or the kind's default."""
    chosen = (
        Preference.objects.filter(user=user, kind=kind.key)
        .values_list("delivery", flat=True)
        .first()
    )
    return Delivery(chosen) if chosen else kind.default


def notify(
    *,
    recipient: User | str,
    kind: NotificationKind,
    template: str,
    context: dict[str, Any],
    language: str | None = None,
    url: str = "",
    attachments: Sequence[Attachment] = (),
) -> Notification | None:
    """Tell `recipient` about something, in their language.

    A person with an account gets an in-app notification (title: the e-mail's subject, link:
    `url`) and the e-mail as they chose for `kind`: at once, in the daily digest or not at all;
    the e-mail carries a one-click unsubscribe for its kind. A transactional kind
    (`kinds.NotificationKind.transactional`: a survey's personal link) is e-mailed at once
    whatever the person chose, without an unsubscribe link. A bare address (an invitation to
    someone without an account) gets the e-mail only. Callers check `notifications_enabled()`
    before they enqueue the task that calls this.

    Within a task, each message is claimed before it is sent (`core.tasks.effect_once`): the
    same task run again after its worker was lost skips the messages the lost run sent, so
    nobody gets one twice (returns None for those).

    `attachments` (files such as an iCal invitation) go with the e-mail when it is sent at
    once; the in-app notification and the daily digest do not carry them.
    """
    target = recipient if isinstance(recipient, str) else f"user:{recipient.pk}"
    with effect_once(f"notify:{kind.key}:{template}:{target}") as first:
        if not first:
            return None
        return _notify(
            recipient=recipient,
            kind=kind,
            template=template,
            context=context,
            language=language,
            url=url,
            attachments=attachments,
        )


def _notify(
    *,
    recipient: User | str,
    kind: NotificationKind,
    template: str,
    context: dict[str, Any],
    language: str | None,
    url: str,
    attachments: Sequence[Attachment] = (),
) -> Notification | None:
    if isinstance(recipient, str):
        language = language or settings.LANGUAGE_CODE
        email = email_render(template=template, context=context, language=language)
        _email_send(to=recipient, email=email, language=language, attachments=attachments)
        return None
    language = language or recipient.language
    email = email_render(
        template=template,
        context=context,
        language=language,
        recipient=recipient,
        unsubscribe_key=None if kind.transactional else kind.key,
    )
    delivery = Delivery.IMMEDIATE if kind.transactional else delivery_for(recipient, kind)
    state = {
        Delivery.IMMEDIATE: Notification.Email.SENT,
        Delivery.DIGEST: Notification.Email.DIGEST,
        Delivery.PLATFORM: Notification.Email.NONE,
    }[delivery]
    if not recipient.email:
        state = Notification.Email.NONE
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind.key,
        title=email.subject[:300],
        text=email.short,
        url=url[:500],
        email=state,
        emailed_at=timezone.now() if state == Notification.Email.SENT else None,
    )
    if state == Notification.Email.SENT:
        _email_send(
            to=recipient.email,
            email=email,
            language=language,
            unsubscribe="" if kind.transactional else unsubscribe_url(recipient, kind.key),
            attachments=attachments,
        )
    return notification


_suppressed: ContextVar[bool] = ContextVar("notifications_suppressed", default=False)


@contextmanager
def notifications_suppressed() -> Iterator[None]:
    """Services called inside this block tell nobody (demo data, imports, data repairs)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def notifications_enabled() -> bool:
    """Services ask this before they enqueue a notification."""
    return not _suppressed.get()


# --- in the platform --------------------------------------------------------------------------


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    """Mark one of the person's own notifications as read (again: no change)."""
    if notification.recipient_id != user.pk:
        raise ValueError("A notification is marked read by its recipient only.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of the person as read; returns how many."""
    return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())


@transaction.atomic
def preferences_set(*, user: User, choices: dict[str, Delivery]) -> None:
    """Store the person's choice per kind key (unknown keys are ignored)."""
    known = {kind.key for kind in kinds_for(user)}
    for key, delivery in choices.items():
        if key in known:
            Preference.objects.update_or_create(
                user=user, kind=key, defaults={"delivery": Delivery(delivery)}
            )


# --- unsubscribe ------------------------------------------------------------------------------


class UnsubscribeTokenInvalid(Exception):
    """The address was changed or does not come from us."""


@dataclass(frozen=True)
class Unsubscribe:
    user: User
    key: str
    label: str
    done: bool  # already unsubscribed: nothing left to switch off


def _digest_keys(user: User) -> list[str]:
    return [kind.key for kind in kinds_for(user) if delivery_for(user, kind) == Delivery.DIGEST]


def unsubscribe_read(token: str) -> Unsubscribe:
    """What the token unsubscribes from, and whether that is already done; raises
    `UnsubscribeTokenInvalid` for a tampered or foreign token or an unknown person."""
    try:
        user_pk, key = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise UnsubscribeTokenInvalid from error
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None or not isinstance(key, str):
        raise UnsubscribeTokenInvalid
    if key == DIGEST_KEY:
        return Unsubscribe(user, key, _("the daily digest"), done=not _digest_keys(user))
    kind = kind_get(key)
    return Unsubscribe(
        user, key, str(kind.label), done=delivery_for(user, kind) == Delivery.PLATFORM
    )


@transaction.atomic
def unsubscribe_confirm(*, token: str) -> Unsubscribe:
    """Switch the token's kind (or every kind on the digest) to "only in the platform".

    Works without a sign-in: the signed token names the person and the kind. Used a second
    time it changes nothing and says so (`done`). Raises `UnsubscribeTokenInvalid`."""
    found = unsubscribe_read(token)
    if found.done:
        return found
    keys = _digest_keys(found.user) if found.key == DIGEST_KEY else [found.key]
    for key in keys:
        Preference.objects.update_or_create(
            user=found.user, kind=key, defaults={"delivery": Delivery.PLATFORM}
        )
    return Unsubscribe(found.user, found.key, found.label, done=False)


# --- the daily digest -------------------------------------------------------------------------


@dataclass(frozen=True)
class NotificationDigestReport:
    recipients: int
    items: int


class _TakenElsewhere(Exception):
    """Another digest run claimed some of this person's items first."""


def notification_digest_send(*, now: datetime | None = None) -> NotificationDigestReport:
    """Send each person with notifications waiting for the digest one e-mail listing them.

    Rules: the items are claimed (marked "sent in a digest") in the same transaction as the
    mail is sent, so no item is ever in two digests, even when two runs overlap (the later one
    skips the person); a failed mail leaves the items waiting for the next run; nobody with
    nothing waiting gets a mail."""
    now = now or timezone.now()
    pending = Notification.objects.for_digest().filter(recipient__is_active=True)
    people = sorted(set(pending.values_list("recipient_id", flat=True)))
    sent = items_sent = 0
    for pk in people:
        try:
            with transaction.atomic():
                items = list(
                    pending.filter(recipient_id=pk)
                    .select_related("recipient")
                    .order_by("created_at", "pk")
                )
                if not items:
                    continue
                claimed = Notification.objects.filter(
                    pk__in=[item.pk for item in items], email=Notification.Email.DIGEST
                ).update(email=Notification.Email.DIGESTED, emailed_at=now)
                if claimed != len(items):
                    raise _TakenElsewhere
                person = items[0].recipient
                _digest_mail(person, items)
        except _TakenElsewhere:
            continue
        sent += 1
        items_sent += len(items)
    return NotificationDigestReport(recipients=sent, items=items_sent)


def _digest_mail(person: User, items: list[Notification]) -> None:
    email = email_render(
        template="notifications/email/digest",
        context={
            "person": person,
            "items": [(item, absolute_url(item.url)) for item in items],
            "list_url": absolute_url(reverse("notifications:list")),
        },
        language=person.language,
        recipient=person,
        unsubscribe_key=DIGEST_KEY,
    )
    _email_send(
        to=person.email,
        email=email,
        language=person.language,
        unsubscribe=unsubscribe_url(person, DIGEST_KEY),
    )
