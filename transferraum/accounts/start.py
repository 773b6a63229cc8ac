"""The account's part of the start page (core.start): coordinators see the role requests they
have to decide; a requester sees that their request waits; a person with the public role and no
request is offered to ask for a role."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.accounts.permissions import can_decide_role_requests
from transferraum.accounts.selectors import role_requests_waiting
from transferraum.core.start import IDEA, StartItem, bounded_items, start_register

AREA = "account"


@start_register(AREA, gettext_lazy("Your account"), order=10)
def items_for(user: User) -> list[StartItem]:
    waiting = role_requests_waiting(user)
    if can_decide_role_requests(user):
        return bounded_items(
            waiting,
            lambda request: StartItem(
                title=_("%(person)s asks for the role “%(role)s”")
                % {"person": request.user, "role": request.get_role_display()},
                area=AREA,
                url=reverse("accounts:role_request_decide", args=[request.pk]),
                action=_("Decide"),
                detail=request.note,
            ),
            more_url=reverse("accounts:role_requests"),
            more_title=_("All open role requests"),
        )
    # The profile lists a person's own requests: their items link there.
    own = bounded_items(
        waiting,
        lambda request: StartItem(
            title=_("Your request for the role “%(role)s” waits for the coordinators")
            % {"role": request.get_role_display()},
            area=AREA,
            url=reverse("accounts:profile"),
            action=_("See your requests"),
        ),
    )
    if own:
        return own
    if user.roles:
        return []
    return [
        StartItem(
            title=_("Take part in the programme"),
            area=AREA,
            url=reverse("accounts:role_request"),
            action=_("Ask for a role"),
            detail=_(
                "As a student, supervisor, researcher, founder or staff of an organisation: "
                "the coordinators grant the role."
            ),
            kind=IDEA,
        )
    ]
