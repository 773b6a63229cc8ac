"""A small programme whose indicators are computed by hand in test_catalogue.py.

Towns Eilenburg (E) and Zeitz (Z); rounds R1 (work from 2026-10-01) and R2 (from 2027-04-01),
both published. Everything happens before the frozen day, 2027-12-01.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine

from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.projects.models import Meeting, Project, Round
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    place,
)
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
    ResearchRecommendationFactory,
)
from transferraum.regions.tests.factories import eilenburg, zeitz

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.datetime(2027, 12, 1, 12, tzinfo=BERLIN)
S = Recommendation.Status


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=BERLIN)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def world(db):
    E, Z = eilenburg(), zeitz()
    town_e = OrganisationFactory(
        name="Stadt Eilenburg", kind=Organisation.Kind.TOWN, municipality=E
    )
    assoc_e = OrganisationFactory(
        name="Heimatverein Eilenburg", kind=Organisation.Kind.CIVIL_SOCIETY, municipality=E
    )
    company_z = OrganisationFactory(
        name="Werkstatt Zeitz", kind=Organisation.Kind.COMPANY, municipality=Z
    )
    r1 = RoundFactory(
        name="R1",
        phase=Round.Phase.CLOSED,
        work_starts_on=dt.date(2026, 10, 1),
        applications_open_at=at(2026, 7, 1),
        applications_close_at=at(2026, 8, 1),
        published_at=at(2026, 9, 1),
    )
    r2 = RoundFactory(
        name="R2",
        phase=Round.Phase.WORK,
        work_starts_on=dt.date(2027, 4, 1),
        applications_open_at=at(2027, 1, 1),
        applications_close_at=at(2027, 2, 1),
        published_at=at(2027, 3, 1),
    )

    def challenge(org, municipality, submitted, published, title):
        return ChallengeFactory(
            organisation=org,
            municipality=municipality,
            title=title,
            status=Challenge.Status.PUBLISHED if published else Challenge.Status.SUBMITTED,
            submitted_at=submitted,
            published_at=published,
        )

    c1 = challenge(town_e, E, at(2026, 3, 10), at(2026, 4, 1), "c1")
    c2 = challenge(assoc_e, None, at(2026, 5, 1), None, "c2")  # the town of its organisation
    c3 = challenge(company_z, Z, at(2027, 1, 15), at(2027, 2, 1), "c3")
    c4 = ChallengeFactory(organisation=company_z, municipality=Z, title="c4")  # a draft
    c5 = challenge(town_e, E, at(2027, 2, 1), at(2027, 3, 1), "c5")

    p1 = ProjectFactory(round=r1, challenge=c1, status=Project.Status.COMPLETED, title="p1")
    p2 = ProjectFactory(round=r1, challenge=c3, status=Project.Status.RUNNING, title="p2")
    p3 = ProjectFactory(round=r2, challenge=c1, status=Project.Status.RUNNING, title="p3")
    p4 = ProjectFactory(round=r2, challenge=c2, status=Project.Status.CLOSED, title="p4")
    p5 = ProjectFactory(round=r2, challenge=c5, status=Project.Status.OPEN, title="p5")

    s = [StudentFactory(name=f"Studentin {i}") for i in range(7)]  # s[0] unused
    for student in (s[1], s[2], s[3]):
        place(student, p1)
    place(s[4], p2)
    place(s[1], p3)
    place(s[5], p3)
    place(s[6], p4)  # a project that did not take place
    supervisor = SupervisorFactory()

    def meeting(project, kind, when, *people):
        m = Meeting.objects.create(project=project, kind=kind, starts_at=when, place="vor Ort")
        m.attendees.set(people)
        return m

    visit, talk = Meeting.Kind.SITE_VISIT, Meeting.Kind.MEETING
    meeting(p1, visit, at(2026, 11, 5), s[1], s[2], supervisor)  # 2: the supervisor is no member
    meeting(p1, talk, at(2026, 11, 10), s[1], s[2], s[3])  # no site visit
    meeting(p2, visit, at(2026, 12, 1), s[4], s[1])  # 1: s1 is not in p2's team
    meeting(p3, visit, at(2027, 5, 1), s[1], s[5])  # 2
    meeting(p3, visit, at(2027, 12, 31), s[5])  # 0: not yet

    def recommendation(project, status, handed=None, decided=None, decided_on=None, **kw):
        factory = RecommendationFactory if project else ResearchRecommendationFactory
        extra = {} if project else {"municipality": E, "round": None}
        r = factory(project=project, status=status, **extra, **kw)
        if handed:
            RecommendationEventFactory(
                recommendation=r,
                action="hand_over",
                from_status=S.APPROVED,
                to_status=S.HANDED_OVER,
                at=handed,
            )
        if decided:
            action, when = decided
            RecommendationEventFactory(
                recommendation=r,
                action=action,
                from_status=S.UNDER_REVIEW,
                to_status={
                    "adopt": S.ADOPTED,
                    "reject": S.REJECTED,
                    "adopt_with_changes": S.ADOPTED_WITH_CHANGES,
                }[action],
                at=when,
                data={"decided_on": decided_on} if decided_on else {},
            )
        return r

    rec = SimpleNamespace(
        r1=recommendation(p1, S.ADOPTED, at(2026, 12, 1), ("adopt", at(2027, 1, 2)), "2026-12-31"),
        r2=recommendation(
            p1, S.REJECTED, at(2026, 12, 1), ("reject", at(2027, 1, 20)), "2027-01-15"
        ),
        r3=recommendation(p2, S.IMPLEMENTED, at(2026, 12, 10), ("adopt", at(2026, 12, 20))),
        r4=recommendation(p3, S.UNDER_REVIEW, at(2027, 5, 5)),
        r5=recommendation(p3, S.DRAFTED),
        r6=recommendation(
            None,
            S.EVALUATED,
            at(2027, 1, 1),
            ("adopt", at(2027, 3, 3)),
            "2027-03-02",
            confidential=True,
        ),
        r7=recommendation(
            p3, S.ADOPTED_WITH_CHANGES, at(2027, 6, 1), ("adopt_with_changes", at(2027, 6, 8))
        ),
        r8=recommendation(p1, S.DEFERRED, at(2026, 12, 1)),
    )
    RecommendationEventFactory(
        recommendation=rec.r3,
        action="implement",
        from_status=S.IN_IMPLEMENTATION,
        to_status=S.IMPLEMENTED,
        at=at(2027, 6, 1),
    )
    RecommendationEventFactory(
        recommendation=rec.r8,
        action="defer",
        from_status=S.ON_AGENDA,
        to_status=S.DEFERRED,
        at=at(2027, 1, 10),
    )
    return SimpleNamespace(
        E=E,
        Z=Z,
        r1=r1,
        r2=r2,
        c=(None, c1, c2, c3, c4, c5),
        p=(None, p1, p2, p3, p4, p5),
        s=s,
        rec=rec,
    )
