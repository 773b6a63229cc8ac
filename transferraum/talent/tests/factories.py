"""Builders for the talent tests: through the services wherever a rule matters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import Organisation
from transferraum.talent.models import JourneyConsentText, TalentProfile, TrialCall
from transferraum.talent.services import journeys, pool, trial


def call_make(actor: User, town: Organisation, *, publish: bool = True, **fields: Any) -> TrialCall:
    today = timezone.localdate()
    values: dict[str, Any] = {
        "title": "Probewohnen im Sommer",
        "starts_on": today + dt.timedelta(days=30),
        "ends_on": today + dt.timedelta(days=60),
        "apply_until": today + dt.timedelta(days=10),
        "places": 2,
        "flats": "Wohnung A\nWohnung B",
        "cost_cents": 15000,
        "commits_project": True,
    }
    values.update(fields)
    call = trial.call_create(actor=actor, town=town, **values)
    if publish:
        call = trial.call_publish(actor=actor, call=call)
    return call


def applicant(n: int = 0) -> User:
    return UserFactory(
        email=f"bewerbung{n}@example.org", name=f"Person {n}", role=User.Role.STUDENT
    )


def profile_make(
    person: User | None = None, *, visible: bool = True, **fields: Any
) -> TalentProfile:
    person = person or UserFactory(role=User.Role.STUDENT)
    values: dict[str, Any] = {"headline": f"Profil {person.pk}", "looking_for": "Praktikum"}
    values.update(fields)
    return pool.talent_profile_save(person=person, visible=visible, **values)


def consent_text() -> JourneyConsentText:
    return journeys.consent_text_newest() or journeys.consent_text_add(
        text_de="Ich bin einverstanden.", text_en="I agree."
    )


def consenting(person: User | None = None, **kwargs: Any) -> User:
    person = person or UserFactory(role=User.Role.STUDENT)
    journeys.journey_consent_give(person=person, consent_text=consent_text(), **kwargs)
    return person
