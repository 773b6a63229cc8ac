"""Background work of the applications area: confirmations to the student."""

from __future__ import annotations

from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.core.tasks import task
from transferraum.notifications.services import notify
from transferraum.projects.models import Application, Round
from transferraum.projects.notification_kinds import APPLICATION_CONFIRMATION

EVENTS = ("submitted", "withdrawn")


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def application_notify(round_id: int, student_id: int, event: str) -> None:
    """Confirm to the student, in their language, what they submitted ("submitted": the ranking
    as stored and the deadline until which they can change it) or that they withdrew."""
    if event not in EVENTS:
        raise ValueError(f"Unknown application event: {event}")
    student = User.objects.filter(pk=student_id, is_active=True).first()
    round = Round.objects.filter(pk=round_id).first()
    if student is None or round is None:
        return
    context: dict[str, object] = {"person": student, "round": round}
    if event == "submitted":
        application = (
            Application.objects.filter(round=round, student=student)
            .prefetch_related("work_with")
            .first()
        )
        if application is None:  # withdrawn before this task ran
            return
        context["application"] = application
        context["choices"] = list(application.choices.select_related("project").order_by("rank"))
        context["work_with"] = [p.name or p.email for p in application.work_with.all()]
    notify(
        recipient=student,
        kind=APPLICATION_CONFIRMATION,
        template=f"projects/email/application_{event}",
        context=context,
        language=student.language,
        url=reverse("projects:apply", args=[round.pk]),
    )
