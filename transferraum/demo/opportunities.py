"""The demo's opportunities (`demo/data/opportunities.py`), written through the opportunities'
services without notifying anybody; idempotent: items are found by organisation and title,
applications by person and item, saved searches by person and name, contacts by town and
name. Called from `demo_load` after the people and organisations exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Organisation
from transferraum.demo.data.opportunities import (
    APPLICATIONS,
    CONTACTS,
    OPPORTUNITIES,
    POSTERS,
    SAVED_SEARCHES,
    OpportunitySpec,
)
from transferraum.demo.data.people import COORDINATOR
from transferraum.notifications.services import notifications_suppressed
from transferraum.opportunities import alerts, services
from transferraum.opportunities.models import (
    Application,
    Opportunity,
    SavedSearch,
    TownContact,
)
from transferraum.opportunities.selectors import FeedFilters
from transferraum.regions.models import Municipality


@dataclass(frozen=True)
class OpportunitiesReport:
    created: int


def demo_opportunities_load() -> OpportunitiesReport:
    """Verify the posting organisations, then the items, applications, searches, contacts."""
    coordinator = User.objects.get(email=COORDINATOR)
    created = 0
    with notifications_suppressed():
        organisations = _verify(coordinator)
        for spec in OPPORTUNITIES:
            created += _opportunity(spec, organisations[spec.organisation], coordinator)
        created += _applications()
        created += _searches()
        created += _contacts(coordinator)
    return OpportunitiesReport(created=created)


def _verify(coordinator: User) -> dict[str, Organisation]:
    """Every organisation of the table is verified to post."""
    organisations = {o.name: o for o in Organisation.objects.filter(name__in=POSTERS)}
    for organisation in organisations.values():
        services.organisation_verify(actor=coordinator, organisation=organisation)
    return organisations


def _opportunity(spec: OpportunitySpec, organisation: Organisation, coordinator: User) -> int:
    """Write the draft as the organisation's poster and take it to `spec.end`."""
    if Opportunity.objects.filter(organisation=organisation, title=spec.title).exists():
        return 0
    today = timezone.localdate()
    poster = User.objects.get(email=POSTERS[spec.organisation])
    low, high = spec.pay
    item = services.opportunity_save(
        actor=poster,
        organisation=organisation,
        data={
            "kind": spec.kind,
            "title": spec.title,
            "description": spec.description
            or f"{spec.title} bei {organisation.name}. Wir freuen uns auf Sie!",
            "municipality": Municipality.objects.get(ags=spec.ags),
            "languages": spec.languages,
            "start_date": today + timedelta(days=spec.start) if spec.start is not None else None,
            "duration": spec.duration,
            "pay_min_cents": low * 100 if low is not None else None,
            "pay_max_cents": high * 100 if high is not None else None,
            "remote_share": spec.remote,
            "deadline": today + timedelta(days=max(spec.start or 30, 7)),
            "apply_by": Opportunity.ApplyBy.LINK if spec.link else Opportunity.ApplyBy.PLATFORM,
            "external_url": spec.link,
        },
        competences=Competence.objects.filter(slug__in=spec.competences),
    )
    if spec.end == "draft":
        return 1
    services.opportunity_submit(actor=poster, opportunity=item)
    if spec.end == "submitted":
        return 1
    item = services.opportunity_publish(actor=coordinator, opportunity=item)
    if spec.end == "filled":
        services.opportunity_fill(actor=poster, opportunity=item)
    elif spec.end == "expired":
        # as if its 60 days had passed: the daily run takes it off the feed
        Opportunity.objects.filter(pk=item.pk).update(expires_on=today - timedelta(days=1))
        services.opportunity_expire(opportunity=item)
    return 1


def _applications() -> int:
    created = 0
    for spec in APPLICATIONS:
        person = User.objects.get(email=spec.email)
        item = Opportunity.objects.get(title=spec.title)
        if Application.objects.filter(applicant=person, opportunity=item).exists():
            continue
        application = services.application_submit(
            actor=person,
            opportunity=item,
            cover_note="Guten Tag, ich studiere in Leipzig und möchte die Region kennenlernen.",
            cv=None,
            consent=True,
        )
        poster = User.objects.get(email=POSTERS[item.organisation.name])
        if spec.end == "under_review":
            services.application_review(actor=poster, application=application)
        elif spec.end == "accepted":
            services.application_accept(actor=poster, application=application)
        elif spec.end == "declined":
            services.application_decline(actor=poster, application=application)
        elif spec.end == "withdrawn":
            services.application_withdraw(actor=person, application=application)
        created += 1
    return created


def _searches() -> int:
    created = 0
    for spec in SAVED_SEARCHES:
        person = User.objects.get(email=spec.email)
        if SavedSearch.objects.filter(user=person, name=spec.name).exists():
            continue
        alerts.saved_search_create(
            actor=person,
            filters=FeedFilters.from_query(QueryDict(spec.query)),
            name=spec.name,
            frequency=spec.frequency,
        )
        created += 1
    return created


def _contacts(coordinator: User) -> int:
    created = 0
    for spec in CONTACTS:
        town = Municipality.objects.get(ags=spec.ags)
        if TownContact.objects.filter(municipality=town, name=spec.name).exists():
            continue
        services.town_contact_save(
            actor=coordinator,
            municipality=town,
            data={
                "kind": spec.kind,
                "name": spec.name,
                "address": spec.address,
                "phone": spec.phone,
                "email": spec.email,
                "note": spec.note,
            },
        )
        created += 1
    return created
