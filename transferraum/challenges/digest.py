"""The coordinators' daily digest: one e-mail a day instead of one per event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.challenges.models import Challenge
from transferraum.challenges.notification_kinds import CHALLENGE_DIGEST
from transferraum.core.models import Activity
from transferraum.notifications.models import DigestRun
from transferraum.notifications.services import notify

DIGEST_KIND = "coordinator-challenges"
# What coordinators need to hear of: steps taken by the organisations, not by themselves.
DIGEST_VERBS = (
    "challenge.submit",
    "challenge.withdraw",
    "challenge.commented",
    "challenge.file_added",
)


@dataclass(frozen=True)
class DigestReport:
    events: int
    recipients: int


@transaction.atomic
def coordinator_digest_send(*, now: datetime | None = None) -> DigestReport:
    """Mail every active coordinator what the organisations did with challenges since the last
    digest (first run: the last 24 hours). Nothing to tell, no mail; the run is recorded."""
    now = now or timezone.now()
    last = DigestRun.objects.filter(kind=DIGEST_KIND).order_by("-covered_until").first()
    since = last.covered_until if last else now - timedelta(days=1)
    events = list(
        Activity.objects.filter(
            target_type=ContentType.objects.get_for_model(Challenge),
            verb__in=DIGEST_VERBS,
            created_at__gt=since,
            created_at__lte=now,
        )
        .exclude(actor__role_rows__role=User.Role.COORDINATOR)
        .select_related("actor")
        .order_by("created_at")
    )
    challenges = Challenge.objects.in_bulk({int(e.target_id) for e in events})
    items = [(event, challenges.get(int(event.target_id))) for event in events]
    items = [(event, challenge) for event, challenge in items if challenge is not None]
    coordinators = list(User.objects.with_role(User.Role.COORDINATOR).filter(is_active=True))
    if items:
        for coordinator in coordinators:
            notify(
                recipient=coordinator,
                kind=CHALLENGE_DIGEST,
                template="challenges/email/digest",
                context={"person": coordinator, "items": items, "since": since},
                language=coordinator.language,
                url=reverse("challenges:queue"),
            )
    DigestRun.objects.create(
        kind=DIGEST_KIND, covered_until=now, recipients=len(coordinators) if items else 0
    )
    return DigestReport(events=len(items), recipients=len(coordinators) if items else 0)
