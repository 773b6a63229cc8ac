"""A person's own data: the export (GDPR Art. 15 and 20) and the erasure of the account
(Art. 17). Both read the privacy registry (`core.privacy`), where every app declares what it
stores about people."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts import tasks
from transferraum.accounts.models import EXPORT_DAYS, DataExport, User
from transferraum.core.errors import DomainError
from transferraum.core.privacy import erasure_refusals, privacy_erase, privacy_export
from transferraum.core.services import activity_record

# A person without a password (signed in through their university) confirms the erasure by
# having signed in this recently.
RECENT_LOGIN = timedelta(minutes=15)


@transaction.atomic
def data_export_request(*, user: User) -> DataExport:
    """Ask for a copy of one's data; it is prepared in the background and the person is told
    by e-mail when it is ready.

    Raises DomainError while another export of the person is being prepared.
    """
    User.objects.select_for_update().filter(pk=user.pk).first()
    if DataExport.objects.filter(user=user, status=DataExport.Status.PREPARING).exists():
        raise DomainError(
            _("Your data is already being prepared. We will send you an e-mail when it is ready.")
        )
    export = DataExport.objects.create(user=user)
    transaction.on_commit(lambda: tasks.data_export_prepare.enqueue(export.pk))
    return export


@transaction.atomic
def data_export_build(*, export_id: int) -> DataExport | None:
    """Write the ZIP of an export that is being prepared (through the storage API) and offer
    it for `EXPORT_DAYS` days. An export that is no longer being prepared (built already, or
    its person gone) is left alone, so running this twice does no harm."""
    export = (
        DataExport.objects.select_for_update()
        .select_related("user")
        .filter(pk=export_id, status=DataExport.Status.PREPARING)
        .first()
    )
    if export is None:
        return None
    content = privacy_export(export.user)
    export.file.save(f"{uuid.uuid4().hex}.zip", ContentFile(content), save=False)
    export.size = len(content)
    export.status = DataExport.Status.READY
    export.ready_at = timezone.now()
    export.expires_at = export.ready_at + timedelta(days=EXPORT_DAYS)
    export.save()
    return export


@transaction.atomic
def data_export_fail(*, export_id: int) -> None:
    """Mark an export that could not be built as failed, so the person may ask again."""
    DataExport.objects.filter(pk=export_id, status=DataExport.Status.PREPARING).update(
        status=DataExport.Status.FAILED,
        expires_at=timezone.now() + timedelta(days=EXPORT_DAYS),
    )


@transaction.atomic
def account_erase(*, user: User, password: str) -> None:
    """Delete the person's account: what can go goes, what must stay keeps "former member"
    instead of the person (see each app's `privacy.py`), their files leave the storage, and
    their name and e-mail address leave every text that quoted them.

    Rules: the person confirms with their password; without one (signed in through their
    university), by having signed in within the last 15 minutes. An app may refuse, saying
    what to do first (the last administrator of an organisation).

    Raises DomainError (field "password") for a wrong password or an old login, and
    DomainError with every app's objection; nothing is changed then.
    """
    person = User.objects.select_for_update().get(pk=user.pk)
    if person.has_usable_password():
        if not person.check_password(password):
            raise DomainError(_("The password is not correct."), field="password")
    elif person.last_login is None or person.last_login < timezone.now() - RECENT_LOGIN:
        raise DomainError(
            _("Please sign out and sign in again, then delete your account within 15 minutes."),
            field="password",
        )
    refusals = erasure_refusals(person)
    if refusals:
        raise DomainError(" ".join(refusals))
    privacy_erase(person)
    person.delete()
    activity_record(actor=None, verb="account.erased")


@transaction.atomic
def account_erase_by_staff(*, actor: User, user: User) -> None:
    """An administrator deletes an account in the admin: the same erasure as the person's own
    (files, anonymised rows, quotes of the name), without their password and without the
    apps' objections — the administrator decides, e.g. for an account nobody uses."""
    person = User.objects.select_for_update().get(pk=user.pk)
    privacy_erase(person)
    person.delete()
    activity_record(actor=actor, verb="account.erased")
