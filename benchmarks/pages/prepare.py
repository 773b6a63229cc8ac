"""Inside Django (`manage.py shell` with the server's settings): the paths of the key pages and
a session cookie for each persona of `manage.py generate_data`. Shared by the page budget and
the load test; prints JSON."""

from __future__ import annotations

from typing import Any

SEARCH_WORD = "Energie"  # in the generated texts of many themes
BOARD_WORD = "Radverkehr"

PERSONA_EMAILS = {
    "student": "student1@bench.example",
    "team": "team@bench.example",
    "town": "stadt@bench.example",
    "coordinator": "koordination@bench.example",
}


def _required(value: object, problem: str) -> None:
    if value is None:
        raise RuntimeError(f"{problem}: was the data generated (manage.py generate_data)?")


def session_cookie(user: Any) -> str:
    """A signed-in session for `user`, stored like a login stores it: the value of the session
    cookie."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _second_factors(users: Any) -> None:
    """Personas whom the MFA rule concerns (the town officer, the coordinator) have an
    authenticator app, as in production; otherwise every page would send them to set one up
    (docs/security.md). Their pages then pay the rule's one query."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from transferraum.accounts.mfa import has_second_factor, mfa_required

    for user in users:
        if mfa_required(user) and not has_second_factor(user):
            TOTP.activate(user, generate_totp_secret())


def prepare(students: int = 0) -> dict[str, Any]:
    """Paths by persona and page key, the personas' cookies, and for the load test the open
    round's ranking rules with `students` more student sessions of that round."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse

    from transferraum.accounts.models import User
    from transferraum.actors.models import Organisation
    from transferraum.projects.models import Assignment, Project, Round
    from transferraum.projects.permissions import can_view_project
    from transferraum.recommendations.selectors import visible_to

    anonymous = AnonymousUser()
    users = {key: User.objects.get(email=email) for key, email in PERSONA_EMAILS.items()}
    project = next(
        p
        for p in Project.objects.select_related("round").order_by("-pk")[:200]
        if can_view_project(anonymous, p)
    )
    organisation = Organisation.objects.order_by("-pk").first()
    _required(organisation, "no organisation")
    open_round = Round.objects.filter(phase=Round.Phase.APPLICATIONS).order_by("-pk").first()
    _required(open_round, "no round in its application phase")
    allocation_round = (
        Round.objects.filter(phase__in=[Round.Phase.ALLOCATION, Round.Phase.WORK])
        .order_by("phase", "-pk")
        .first()
    )
    _required(allocation_round, "no round in allocation or at work")
    team_project = (
        Assignment.objects.filter(student=users["team"]).select_related("project").first()
    )
    _required(team_project, "the team persona has no project")
    recommendation = visible_to(users["town"]).order_by("-pk").first()
    _required(recommendation, "the town officer sees no recommendation")

    paths = {
        "anonymous": {
            "home": reverse("regions:home"),
            "directory": reverse("network:directory"),
            "directory-search": reverse("network:directory") + f"?q={SEARCH_WORD}",
            "board": reverse("challenges:board"),
            "board-search": reverse("challenges:board") + f"?q={BOARD_WORD}",
            "showcase": reverse("projects:showcase"),
            "project": project.get_absolute_url(),
            "organisation": organisation.get_absolute_url(),
            "tracker": reverse("recommendations:tracker"),
            "map": reverse("network:map"),
            "map-data": reverse("network:map-data"),
            "network": reverse("network:graph"),
            "network-data": reverse("network:graph-data"),
            "site-search": reverse("search") + f"?q={SEARCH_WORD}",
        },
        "student": {
            "start": reverse("start"),
            "apply": reverse("projects:apply", args=[open_round.pk]),
        },
        "team": {"workspace": reverse("projects:workspace", args=[team_project.project_id])},
        "town": {
            "start": reverse("start"),
            "recommendation": reverse("recommendations:detail", args=[recommendation.pk]),
            "tracker": reverse("recommendations:tracker"),
        },
        "coordinator": {
            "start": reverse("start"),
            "queue": reverse("challenges:queue"),
            "allocation": reverse("projects:allocation", args=[allocation_round.pk]),
        },
    }
    _second_factors(users.values())
    prepared: dict[str, Any] = {
        "paths": paths,
        "cookies": {key: session_cookie(user) for key, user in users.items()},
    }
    if students:
        applicants = User.objects.with_role(User.Role.STUDENT).filter(is_active=True)
        prepared["round"] = {
            "apply": paths["student"]["apply"],
            "min_choices": open_round.min_choices,
            "max_choices": open_round.max_choices,
            "motivation_ranks": open_round.motivation_ranks,
            "projects": list(
                Project.objects.filter(round=open_round, status=Project.Status.OPEN)
                .order_by("pk")
                .values_list("pk", flat=True)
            ),
        }
        prepared["students"] = [
            session_cookie(user) for user in applicants.order_by("pk")[:students]
        ]
    return prepared
