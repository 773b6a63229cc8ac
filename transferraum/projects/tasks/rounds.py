"""Background work of rounds: telling people that a round reached a new phase."""

from __future__ import annotations

from transferraum.core.tasks import task
from transferraum.notifications.services import notify
from transferraum.projects.models import Round
from transferraum.projects.notification_kinds import ROUND_PHASE
from transferraum.projects.selectors.rounds import phase_recipients


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def round_notify(round_id: int, event: str) -> None:
    """Mail everyone concerned by the phase change `event` (a phase, or "reopened"), each in
    their own language, with their projects in the round."""
    round = Round.objects.get(pk=round_id)
    for recipient in phase_recipients(round, event):
        notify(
            recipient=recipient.person,
            kind=ROUND_PHASE,
            template=f"projects/email/phase_{event}",
            context={
                "round": round,
                "person": recipient.person,
                "role": recipient.role,
                "projects": recipient.projects,
            },
            language=recipient.person.language,
            url=round.get_absolute_url(),
        )
