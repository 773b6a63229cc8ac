"""Hostile input never gives a 500 (issue 19, point 5).

The test walks every URL pattern the resolver knows (so a later app is covered by adding its
routes), fills path parameters with objects of the demo, and as four personas (a visitor, a
student, a town officer, the coordinator):

- GETs every page with generated hostile query values: NUL bytes, invalid percent-encoding,
  numbers beyond every column and beyond 2**63, very long strings, unusual unicode, each
  parameter twice — for the names of the page's GET forms (its filters) and the common ones;
- POSTs hostile values to every field of every form the page shows.

Any 5xx (or an exception the view let through) fails the test. Hypothesis draws the values,
derandomized and with a handful of examples, so a run is repeatable and bounded in time.
A route with path parameters must have an entry in `ROUTE_OBJECTS` (or in `NOT_WALKED`, with
the reason): a new app's pages cannot slip past this test unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import cycle
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from transferraum.accounts.models import DataExport, RoleRequest, User
from transferraum.actors.models import (
    Invitation,
    Listing,
    Membership,
    MembershipRequest,
    Organisation,
)
from transferraum.actors.services import invitation_create, invitation_token
from transferraum.challenges.models import Attachment, Challenge, TransferFormat
from transferraum.core.tokens import token_for, token_hash, token_seed
from transferraum.demo.services import demo_load
from transferraum.notifications.models import Notification
from transferraum.opportunities.models import Application as OpportunityApplication
from transferraum.opportunities.models import Opportunity, SavedSearch, TownContact
from transferraum.places.models import Booking, Place, Resource
from transferraum.projects.models import (
    AllocationRun,
    DocumentVersion,
    Feedback,
    Meeting,
    Milestone,
    Project,
    Round,
)
from transferraum.recommendations import dossier
from transferraum.recommendations.models import ImplementationMilestone, Recommendation
from transferraum.regions.models import Municipality
from transferraum.research.models import Page, Question, Study, Survey, Wave
from transferraum.talent.models import (
    JourneyFollowUp,
    TalentContact,
    TalentProfile,
    TrialApplication,
    TrialCall,
)
from transferraum.talent.services.journeys import TOKEN_PURPOSE as JOURNEY_TOKEN

pytestmark = pytest.mark.django_db

EILENBURG_AGS = "14730110"

PERSONAS = {
    "anonymous": None,
    "student": "lena.schubert@studserv.uni-leipzig.example",
    "town_officer": "wirtschaft@eilenburg.example",
    "coordinator": "koordination@uni-leipzig.example",
}

# Django's admin is Django's own, for staff only; signing out would end the persona's session.
NOT_WALKED_NAMESPACES = {"admin"}
NOT_WALKED = {
    "account_logout": "signing out ends the persona's session for the rest of the walk",
    "layout": "the designers' page of components, switched off in production",
}
# Query names every page may be sent, whatever its forms show.
COMMON_QUERY_NAMES = ("q", "seite", "page", "next", "sort")


def _research_world() -> None:
    """A study with a survey and an open wave to which the student persona is invited (its
    personal link is walked as the student and as everybody else)."""
    from transferraum.research.models import Invitation, Wave
    from transferraum.research.services.studies import TOKEN_PURPOSE, wave_open
    from transferraum.research.tests.factories import study_make, survey_make, wave_make

    researcher = User.objects.with_role(User.Role.RESEARCHER).first()
    study = study_make(researcher, title="Feindliche Eingaben")
    wave = wave_make(researcher, study, survey_make(researcher, study), round=_first(Round.objects))
    wave_open(actor=researcher, wave=wave)
    student = User.objects.get(email=PERSONAS["student"])
    if not Invitation.objects.filter(wave=wave, person=student).exists():
        seed = token_seed()
        Invitation.objects.create(
            wave=Wave.objects.get(pk=wave.pk),
            person=student,
            token_seed=seed,
            token_hash=token_hash(token_for(TOKEN_PURPOSE, seed)),
        )


def _research_token() -> dict[str, Any]:
    from transferraum.research.models import Invitation
    from transferraum.research.services.studies import TOKEN_PURPOSE

    invitation = _first(Invitation.objects.filter(person__email=PERSONAS["student"]))
    return {"token": token_for(TOKEN_PURPOSE, invitation.token_seed)}


def _complete_demo() -> None:
    """The demo, plus the few kinds of rows it does not hold."""
    demo_load()
    coordinator = User.objects.get(email=PERSONAS["coordinator"])
    invitation_create(
        actor=coordinator,
        organisation=_first(Organisation.objects),
        email="neu@hostile.example",
        role=Membership.Role.MEMBER,
    )
    Attachment.objects.create(
        challenge=_first(Challenge.objects),
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 test"),
        name="plan.pdf",
        kind="pdf",
        size=13,
    )
    _research_world()
    _venture().evidence.create(
        gate="founded",
        file=SimpleUploadedFile("register.pdf", b"%PDF-1.4 Register"),
        name="register.pdf",
        kind="pdf",
    )
    for email in PERSONAS.values():
        if email:
            Notification.objects.create(
                recipient=User.objects.get(email=email),
                kind="challenge.published",
                title="Veröffentlicht",
                url="/",
            )


def _first(queryset: Any) -> Any:
    row = queryset.order_by("pk").first()
    assert row is not None, f"the demo holds no {queryset.model.__name__}"
    return row


def _data_export() -> dict[str, Any]:
    """The demo holds no export: one of the first person's, made for the walk."""
    export = DataExport.objects.order_by("pk").first() or DataExport.objects.create(
        user=_first(User.objects)
    )
    return {"pk": export.pk}


def _document_version() -> dict[str, Any]:
    version = _first(DocumentVersion.objects.select_related("document"))
    return {
        "pk": version.document.project_id,
        "document_pk": version.document_id,
        "number": version.number,
    }


def _town_dossier() -> dict[str, Any]:
    project = _first(Project.objects.exclude(round=None).select_related("challenge__municipality"))
    return {"ags": project.challenge.municipality.ags, "round_pk": project.round_id}


def _pool_slug() -> str:
    """The town officer's organisation: the pool as she may search it."""
    return _first(
        Organisation.objects.filter(memberships__user__email=PERSONAS["town_officer"])
    ).slug


def _project_pk() -> int:
    """A project with a workspace full of things: the one with the most milestones."""
    return _first(Milestone.objects.all()).project_id


# Path parameters of every route that has some, as objects of the demo.
def _town_opportunity() -> dict[str, Any]:
    """A published item of the town of Eilenburg, which the walk's town officer posts."""
    return {
        "pk": _first(
            Opportunity.objects.filter(
                organisation__name="Stadtverwaltung Eilenburg", status="published"
            )
        ).pk
    }


def _opportunity_application() -> dict[str, Any]:
    return {
        "pk": _first(
            OpportunityApplication.objects.filter(opportunity__municipality__ags=EILENBURG_AGS)
        ).pk
    }


def _town_contact() -> dict[str, Any]:
    contact = _first(TownContact.objects.filter(municipality__ags=EILENBURG_AGS))
    return {"ags": EILENBURG_AGS, "pk": contact.pk}


ROUTE_OBJECTS: dict[str, Callable[[], dict[str, Any]]] = {
    **{
        f"opportunities:{name}": _town_opportunity
        for name in ("detail", "edit", "act", "apply", "applications")
    },
    **{
        f"opportunities:{name}": _opportunity_application
        for name in ("application", "application-act", "cv")
    },
    "opportunities:search-delete": lambda: {"pk": _first(SavedSearch.objects).pk},
    "opportunities:verify": lambda: {"slug": _first(Organisation.objects).slug},
    "opportunities:welcome": lambda: {"ags": EILENBURG_AGS},
    "opportunities:contact-new": lambda: {"ags": EILENBURG_AGS},
    "opportunities:contact-edit": _town_contact,
    "opportunities:contact-delete": _town_contact,
    "account_confirm_email": lambda: {"key": "nicht-gueltig"},
    "account_reset_password_from_key": lambda: {"uidb36": "1", "key": "set-password"},
    "accounts:role_request_withdraw": lambda: {"pk": _first(RoleRequest.objects).pk},
    "accounts:sso_link_confirm": lambda: {"token": "nicht-gueltig"},
    # Single sign-on: no identity provider is configured in the walk, so these answer 404.
    "saml_acs": lambda: {"organization_slug": "keine-hochschule"},
    "saml_finish_acs": lambda: {"organization_slug": "keine-hochschule"},
    "saml_sls": lambda: {"organization_slug": "keine-hochschule"},
    "saml_metadata": lambda: {"organization_slug": "keine-hochschule"},
    "saml_login": lambda: {"organization_slug": "keine-hochschule"},
    "openid_connect_login": lambda: {"provider_id": "keine-hochschule"},
    "openid_connect_callback": lambda: {"provider_id": "keine-hochschule"},
    "accounts:role_request_decide": lambda: {"pk": _first(RoleRequest.objects).pk},
    "accounts:person_roles": lambda: {"pk": _first(User.objects.filter(is_active=True)).pk},
    "accounts:data_export_download": _data_export,
    "actors:organisation": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:manage": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:edit": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:listing-create": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:membership-request": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:logo": lambda: {"slug": _first(Organisation.objects).slug},
    "actors:invitation-withdraw": lambda: {
        "slug": (
            invitation := _first(Invitation.objects.select_related("organisation"))
        ).organisation.slug,
        "pk": invitation.pk,
    },
    "actors:listing-delete": lambda: {
        "slug": (
            listing := _first(Listing.objects.select_related("organisation"))
        ).organisation.slug,
        "pk": listing.pk,
    },
    "actors:membership-request-decide": lambda: {
        "slug": (
            asked := _first(MembershipRequest.objects.select_related("organisation"))
        ).organisation.slug,
        "pk": asked.pk,
    },
    "actors:membership-request-withdraw": lambda: {"pk": _first(MembershipRequest.objects).pk},
    "actors:invitation": lambda: {"token": invitation_token(_first(Invitation.objects))},
    "actors:invitation-addressee": lambda: {"pk": _first(Invitation.objects).pk},
    "actors:person": lambda: {"pk": _first(User.objects.exclude(profile=None)).pk},
    "actors:photo": lambda: {"pk": _first(User.objects.exclude(profile=None)).pk},
    "challenges:detail": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:follow": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:edit": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:act": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:comment": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:review": lambda: {"pk": _first(Challenge.objects).pk},
    "challenges:format": lambda: {"slug": _first(TransferFormat.objects).slug},
    "challenges:attachment": lambda: {
        "pk": (attachment := _first(Attachment.objects)).challenge_id,
        "attachment_pk": attachment.pk,
    },
    "challenges:attachment-delete": lambda: {
        "pk": (attachment := _first(Attachment.objects)).challenge_id,
        "attachment_pk": attachment.pk,
    },
    **{
        f"projects:{name}": lambda: {"pk": _first(Round.objects).pk}
        for name in (
            "round",
            "round-edit",
            "round-advance",
            "project-new",
            "apply",
            "withdraw",
            "allocation",
            "allocation-run",
            "allocation-move",
            "allocation-swap",
            "allocation-publish",
            "result",
            "result-counterfactual",
        )
    },
    "projects:allocation-team": lambda: {
        "pk": (project := _first(Project.objects.exclude(round=None))).round_id,
        "project_pk": project.pk,
    },
    "projects:allocation-progress": lambda: {
        "pk": (run := _first(AllocationRun.objects)).round_id,
        "run_pk": run.pk,
    },
    **{
        f"projects:{name}": lambda: {"pk": _project_pk()}
        for name in (
            "project",
            "project-edit",
            "project-complete",
            "workspace",
            "workspace-milestone-new",
            "workspace-meeting-new",
            "workspace-document-upload",
            "workspace-post",
            "workspace-deliverables",
        )
    },
    **{
        f"projects:{name}": lambda: {
            "pk": (milestone := _first(Milestone.objects)).project_id,
            "milestone_pk": milestone.pk,
        }
        for name in ("workspace-milestone-edit", "workspace-milestone-status")
    },
    "projects:workspace-meeting-edit": lambda: {
        "pk": (meeting := _first(Meeting.objects)).project_id,
        "meeting_pk": meeting.pk,
    },
    "projects:workspace-document-version": lambda: {
        key: value for key, value in _document_version().items() if key != "number"
    },
    "projects:workspace-document-download": _document_version,
    "projects:workspace-feedback": lambda: {
        "pk": _project_pk(),
        "stage": Feedback.Stage.values[0],
    },
    **{
        f"recommendations:{name}": lambda: {"pk": _first(Recommendation.objects).pk}
        for name in ("edit", "detail", "milestone-new", "progress")
    },
    "recommendations:act": lambda: {
        "pk": _first(Recommendation.objects).pk,
        "action": "hand_over",
    },
    "recommendations:milestone-edit": lambda: {
        "pk": (milestone := _first(ImplementationMilestone.objects)).recommendation_id,
        "milestone_pk": milestone.pk,
    },
    **{
        f"recommendations:{name}": lambda: {"pk": _first(Project.objects.exclude(round=None)).pk}
        for name in ("dossier-project", "dossier-project-pdf")
    },
    **{f"recommendations:{name}": _town_dossier for name in ("dossier-town", "dossier-town-pdf")},
    "indicators:records": lambda: {"key": "students"},
    **{
        f"indicators:{name}": lambda: {
            "ags": _first(Municipality.objects.filter(name="Eilenburg")).ags,
            "year": 2026,
        }
        for name in ("report", "report-pdf")
    },
    "research:answer": _research_token,
    **{
        f"research:{name}": lambda: {"pk": _first(Survey.objects).pk}
        for name in ("survey", "preview")
    },
    "research:study": lambda: {"pk": _first(Study.objects).pk},
    "research:export": lambda: {"pk": _first(Study.objects).pk, "kind": "codebuch"},
    "research:export-zip": lambda: {"pk": _first(Study.objects).pk, "kind": "breit-xlsx"},
    "research:frequencies": lambda: {"pk": _first(Study.objects).pk},
    "research:page-edit": lambda: {"pk": _first(Page.objects).pk},
    "research:question-edit": lambda: {"pk": _first(Question.objects).pk},
    "research:builder-step": lambda: {
        "part": "frage",
        "pk": _first(Question.objects).pk,
        "step": "hoch",
    },
    "research:wave-step": lambda: {"pk": _first(Wave.objects).pk, "step": "erinnern"},
    "talent:call-step": lambda: {"pk": _first(TrialCall.objects).pk, "step": "close"},
    "talent:application-step": lambda: {
        "pk": _first(TrialApplication.objects).pk,
        "step": "accept",
    },
    "talent:call": lambda: {"pk": _first(TrialCall.objects).pk},
    "talent:application": lambda: {"pk": _first(TrialApplication.objects).pk},
    **{
        f"talent:{name}": lambda: {"slug": _pool_slug()}
        for name in ("pool", "pool-export", "contacts")
    },
    "talent:pool-profile": lambda: {
        "slug": _pool_slug(),
        "pk": _first(TalentProfile.objects.filter(visible=True)).pk,
    },
    "talent:contact-answer": lambda: {"pk": _first(TalentContact.objects).pk},
    "talent:follow-up": lambda: {
        "token": token_for(JOURNEY_TOKEN, _first(JourneyFollowUp.objects).token_seed)
    },
    "notifications:read": lambda: {"pk": _first(Notification.objects).pk},
    "notifications:unsubscribe": lambda: {"token": "nicht-gueltig"},
    # The demo's staff have an authenticator app and no security key: these answer 404.
    **{
        name: lambda: {"pk": _first(Authenticator.objects).pk}
        for name in ("mfa_edit_webauthn", "mfa_remove_webauthn")
    },
    # No session is recorded for a persona signed in by the test: ending one is refused.
    "accounts:session_end": lambda: {"pk": 1},
    **{
        f"places:{name}": lambda: {"slug": _first(Place.objects).slug}
        for name in ("place", "staff", "staff-day", "staff-block", "staff-training", "usage")
    },
    "places:resource": lambda: {
        "slug": (resource := _first(Resource.objects.select_related("place"))).place.slug,
        "pk": resource.pk,
    },
    "places:photo": lambda: {"slug": _first(Place.objects).slug, "pk": 999_999},
    "places:booking-cancel": lambda: {"pk": _first(Booking.objects).pk},
    "places:staff-decide": lambda: {
        "slug": (
            booking := _first(Booking.objects.select_related("resource__place"))
        ).resource.place.slug,
        "pk": booking.pk,
        "action": "refuse",
    },
    # Kreislaufwerk: the student persona is one of its founders, the coordinator sees it all.
    **{
        f"ventures:{name}": lambda: {"pk": _venture().pk}
        for name in (
            "detail",
            "edit",
            "logo",
            "publish",
            "gate",
            "evidence",
            "invite",
            "invitation-answer",
            "apply",
            "mentor-ask",
            "mentor-answer",
        )
    },
    "ventures:evidence-download": lambda: {
        "pk": _venture().pk,
        "evidence_pk": _first(_venture().evidence).pk,
    },
    "ventures:application-outcome": lambda: {
        "pk": _venture().pk,
        "application_pk": _first(_venture().applications).pk,
    },
}


def _venture() -> Any:
    from transferraum.ventures.models import Venture

    return _first(Venture.objects.filter(name="Kreislaufwerk Eilenburg"))


def _routes(
    patterns: list[Any], namespace: str = "", inherited: bool = False
) -> Iterator[tuple[str, bool]]:
    """(name, has path parameters) of every walked route; parameters may also sit in the
    pattern of an enclosing include (allauth's `webauthn/keys/<int:pk>/` + `remove/`)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            name = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            if name in NOT_WALKED_NAMESPACES:
                continue
            yield from _routes(pattern.url_patterns, name, inherited or _has_parameters(pattern))
        elif pattern.name:
            full = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if full not in NOT_WALKED:
                yield full, inherited or _has_parameters(pattern)


def _has_parameters(pattern: URLPattern | URLResolver) -> bool:
    return bool(pattern.pattern.regex.groupindex) or "<" in str(pattern.pattern)


def walked_urls() -> list[str]:
    """The URL of every walked route, with path parameters taken from the demo."""
    urls = []
    for name, parameters in _routes(get_resolver().url_patterns):
        # allauth's SAML routes take their parameter in the enclosing pattern, so an entry
        # counts as well as a parameter of the route itself.
        has_parameters = parameters or name in ROUTE_OBJECTS
        kwargs = ROUTE_OBJECTS[name]() if has_parameters else {}
        urls.append(reverse(name, kwargs=kwargs))
    return urls


def test_every_route_with_parameters_is_walked():
    """A new route with path parameters needs its objects in `ROUTE_OBJECTS`."""
    missing = [
        name
        for name, parameters in _routes(get_resolver().url_patterns)
        if parameters and name not in ROUTE_OBJECTS
    ]
    assert missing == [], f"add these routes to ROUTE_OBJECTS: {missing}"


# --- reading the forms of a page -----------------------------------------------------------


@dataclass
class Form:
    method: str
    action: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # (name, input type)
    cutting: list[str] = field(default_factory=list)  # fields with `maxlength`


class FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(values.get("method", "get").lower(), values.get("action", ""))
            self.forms.append(self._form)
        elif tag in {"input", "select", "textarea", "button"} and self._form and "name" in values:
            kind = values.get("type", tag).lower()
            if kind != "file" and values["name"] != "csrfmiddlewaretoken":
                self._form.fields.append((values["name"], kind))
            if "maxlength" in values:
                self._form.cutting.append(values["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None


def page_forms(url: str, content: bytes) -> list[Form]:
    reader = FormReader()
    reader.feed(content.decode(errors="replace"))
    for form in reader.forms:
        form.action = urljoin(url, form.action or url)
    return reader.forms


# --- hostile values ------------------------------------------------------------------------

KNOWN_BAD = (
    "\x00",
    "a\x00b",
    "%zz",
    "%c3",
    "%",
    "%00",
    str(2**31),
    str(2**63),
    str(2**64 + 1),
    "-" + str(2**63 + 1),
    "9" * 40,
    "1e309",
    "NaN",
    "-0",
    "0x1F",
    "2026-02-30",
    "99999-12-31",
    "x" * 5000,
    "Straße " * 200,
    "\u202egnidaer\u202c",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 ﷽",
    "\r\n\t",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "",
)

hostile_value = st.one_of(
    st.sampled_from(KNOWN_BAD),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
)
# Raw query values: percent-encoding that does not decode is sent as it is.
RAW_PERCENT = ("%zz", "%c3", "%", "%00", "%c3%28", "%ff%fe")


def _query_part(name: str, value: str) -> str:
    raw = value if value in RAW_PERCENT else quote(value, safe="")
    return f"{quote(name, safe='')}={raw}"


@dataclass
class Walk:
    client: Client
    pages: list[tuple[str, list[Form]]]
    failures: list[str] = field(default_factory=list)

    def request(self, method: str, url: str, **kwargs: Any) -> None:
        try:
            response = getattr(self.client, method)(url, **kwargs)
        except Exception as error:  # noqa: BLE001 - every escaping exception is a finding
            self.failures.append(f"{method.upper()} {url}: {type(error).__name__}: {error}"[:500])
            return
        if response.status_code >= 500:
            self.failures.append(f"{method.upper()} {url}: {response.status_code}")


def _walk(client: Client) -> Walk:
    """GET every route once as the persona, to learn its forms."""
    client.raise_request_exception = True
    pages = []
    for url in walked_urls():
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} without any input: {response.status_code}"
        forms = []
        if response.get("Content-Type", "").startswith("text/html"):
            forms = page_forms(url, response.content)
        pages.append((url, forms))
    # A browser cuts pasted text at `maxlength` without a word: forms refuse it instead.
    cutting = {
        f"{url}: {name}"
        for url, forms in pages
        for form in forms
        if form.method == "post"
        for name in form.cutting
    }
    assert not cutting, f"fields that would cut pasted text silently: {sorted(cutting)}"
    return Walk(client, pages)


def _same_site(url: str) -> bool:
    return not urlsplit(url).netloc


def _hostile_walk(walk: Walk, palette: list[str]) -> None:
    """Send the palette's values to every page and form: value i goes to the i-th name, the
    palette turned by one for each page, so every name meets every value over the examples."""
    posted: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    for turn, (url, forms) in enumerate(walk.pages):
        values = cycle(palette[turn % len(palette) :] + palette[: turn % len(palette)])
        names = list(COMMON_QUERY_NAMES)
        for form in forms:
            if form.method == "get":
                names += [name for name, _kind in form.fields if name not in names]
        query = "&".join(_query_part(name, next(values)) for name in names for _twice in (1, 2))
        walk.request("get", f"{url}?{query}")
        for form in forms:
            if form.method != "post" or not _same_site(form.action):
                continue
            if urlsplit(form.action).path == reverse("account_logout"):
                continue
            # The header's forms (language) are on every page: send them once.
            key = (form.action, tuple(form.fields))
            if key in posted:
                continue
            posted.add(key)
            payload: dict[str, list[str]] = {}
            for name, _kind in form.fields:
                payload.setdefault(name, []).append(next(values))
            if turn % 2:
                payload = {name: [*kept, next(values)] for name, kept in payload.items()}
            walk.request("post", form.action, data=payload)


def _persona_client(persona: str, client: Client) -> Client:
    email = PERSONAS[persona]
    if email:
        client.force_login(User.objects.get(email=email))
    return client


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_hostile_input_never_gives_a_server_error(persona, client, monkeypatch):
    # WeasyPrint takes seconds per PDF; the view still reads the request and builds the HTML.
    monkeypatch.setattr(dossier, "render_pdf", lambda html: b"%PDF-1.7 hostile")
    _complete_demo()
    walk = _walk(_persona_client(persona, client))

    @settings(
        max_examples=3,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(st.lists(hostile_value, min_size=len(KNOWN_BAD) // 2, max_size=len(KNOWN_BAD)))
    def hostile(palette: list[str]) -> None:
        walk.failures.clear()
        _hostile_walk(walk, [*palette, *KNOWN_BAD])
        assert not walk.failures, "\n".join(walk.failures)

    hostile()
