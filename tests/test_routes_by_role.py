"""Authorisation as data: every route of the URL resolver, requested as every persona, answers
what the table below says.

The table (`TABLE`) names each route (`namespace:name`), the method it is requested with
(GET; a POST without data for routes that only take POST) and the answer per persona as a
class: "2xx", "login" (a redirect to the sign-in page), "3xx" (any other redirect), or the
4xx code (403 refused, 404 hidden or unknown, 405 wrong method, 410 gone, 422 refused form).
A route without an entry fails the test with its name: a new page must say who may open it.
A row `route@case` requests the same route again with the world's objects for that case (an
attachment of a challenge still in review): the cases where the same page answers otherwise.
Path parameters come from one small world of factory objects (`world`), the same for every
persona; each persona runs in its own transaction, so a POST of one cannot change another's
answers.

Personas: the shared ones of tests/conftest.py plus a supervisor of the team project and a
site administrator (is_staff, is_superuser).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils import timezone
from django.views.generic import RedirectView

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import RoleRequestFactory, UserFactory
from transferraum.actors.models import Membership, MembershipRequest, PersonProfile
from transferraum.actors.services import invitation_create, invitation_token
from transferraum.actors.tests.factories import ListingFactory
from transferraum.challenges.models import Attachment, Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.notifications.models import Notification
from transferraum.notifications.services import UNSUBSCRIBE_SALT
from transferraum.opportunities.tests.factories import (
    ApplicationFactory,
    OpportunityFactory,
    SavedSearchFactory,
    TownContactFactory,
    VerifiedOrganisationFactory,
)
from transferraum.places.models import Booking
from transferraum.places.tests.factories import PlaceFactory, ResourceFactory
from transferraum.projects.models import AllocationRun, Document, DocumentVersion, Meeting
from transferraum.projects.tests.factories import MilestoneFactory, SupervisorFactory
from transferraum.recommendations import dossier
from transferraum.recommendations.tests.factories import (
    ImplementationMilestoneFactory,
    RecommendationFactory,
    team_project,
)
from transferraum.research.tests.factories import study_make, survey_make, wave_make
from transferraum.talent.models import TalentContact
from transferraum.talent.services.trial import application_submit
from transferraum.talent.tests.factories import call_make, profile_make
from transferraum.ventures.models import Application, Evidence, SupportProgramme
from transferraum.ventures.services import programmes_load
from transferraum.ventures.tests.factories import mentor_make, venture_make

# The personas, in the order of the table's columns.
PERSONAS = (
    "anonymous",  # anon: not signed in
    "outsider",  # public: registered, no role
    "student_geography",  # stud: a student in the team of the project
    "supervisor",  # superv: supervises the project
    "researcher",  # resear
    "officer_eilenburg",  # office: town officer, administrator of the town's organisation
    "member_eilenburg",  # member: member of the town's organisation
    "owner_zeitz",  # owner: owns a company in Zeitz
    "coordinator",  # coord
    "site_admin",  # admin: is_staff and is_superuser, no role in the programme
)

# Namespaces in the table by one route only, with the reason.
SKIPPED_NAMESPACES = {
    # Django's admin authorises every page by is_staff and the model permissions, which Django
    # tests; admin:index stands for the namespace.
    "admin": "admin:index",
}

OK, LOGIN, REDIRECT = "2xx", "login", "3xx"

# Every route × persona. Methods: GET, or POST (without data) for routes that take only POST.
# Objects of the world: the town of Eilenburg (slug), its running team project with a drafted
# recommendation, a published round, a pending invitation, an open role request and request
# to join by the outsider, a notification of the student. 404 for everyone: the page needs
# what the world does not hold (the region's programme, a logo, a photo, a result, the bench
# page). Answers: 2xx, login (redirect to sign-in), 3xx (another redirect) or the 4xx code.
TABLE = """
route                                method anon   public stud   superv resear office member owner  coord  admin
impressum                            GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
privacy                              GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accessibility                        GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
start                                GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
search                               GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
layout                               GET    404    404    404    404    404    404    404    404    404    404
account_login                        GET    2xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
account_logout                       GET    3xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_inactive                     GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_signup                       GET    2xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
account_reauthenticate               GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_email                        GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_email_verification_sent      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_change_password              GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_set_password                 GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
account_reset_password               GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_confirm_login_code           GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
account_confirm_email                GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_reset_password_from_key_done GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_reset_password_from_key      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
account_reset_password_done          GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:profile                     GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:role_request                GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    403    2xx
accounts:role_requests               GET    login  403    403    403    403    403    403    403    2xx    403
accounts:role_request_decide         GET    login  403    403    403    403    403    403    403    2xx    403
accounts:person_roles                GET    login  403    403    403    403    403    403    403    2xx    403
accounts:sso_discovery               GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:sso_link_sent               GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:sso_link_confirm            GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
saml_acs                             GET    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
saml_finish_acs                      GET    404    404    404    404    404    404    404    404    404    404
saml_sls                             GET    404    404    404    404    404    404    404    404    404    404
saml_metadata                        GET    404    404    404    404    404    404    404    404    404    404
saml_login                           GET    404    404    404    404    404    404    404    404    404    404
openid_connect_login                 GET    404    404    404    404    404    404    404    404    404    404
openid_connect_callback              GET    404    404    404    404    404    404    404    404    404    404
socialaccount_connections            GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
socialaccount_login_cancelled        GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
socialaccount_login_error            GET    401    401    401    401    401    401    401    401    401    401
socialaccount_signup                 GET    login  login  login  login  login  login  login  login  login  login
regions:home                         GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
regions:region                       GET    404    404    404    404    404    404    404    404    404    404
regions:map-data                     GET    404    404    404    404    404    404    404    404    404    404
regions:data-sources                 GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:feed                   GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:atom                   GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:new                    GET    login  2xx    2xx    2xx    2xx    2xx    2xx    403    2xx    2xx
opportunities:ours                   GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:queue                  GET    login  403    403    403    403    403    403    403    2xx    403
opportunities:searches               GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:detail                 GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:edit                   GET    login  403    403    403    403    403    403    403    2xx    403
opportunities:apply                  GET    login  2xx    2xx    2xx    2xx    403    403    2xx    2xx    2xx
opportunities:applications           GET    login  403    403    403    403    2xx    2xx    403    403    403
opportunities:mine                   GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:application            GET    login  404    2xx    404    404    2xx    2xx    404    404    404
opportunities:cv                     GET    login  404    2xx    404    404    2xx    2xx    404    404    404
opportunities:welcome                GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
opportunities:contact-new            GET    login  403    403    403    403    2xx    2xx    403    2xx    403
opportunities:contact-edit           GET    login  403    403    403    403    2xx    2xx    403    2xx    403
actors:organisations                 GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
actors:new                           GET    login  403    403    403    403    403    403    403    2xx    403
actors:organisation                  GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
actors:manage                        GET    login  403    403    403    403    2xx    403    403    2xx    403
actors:edit                          GET    login  403    403    403    403    2xx    403    403    2xx    403
actors:membership-request            GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
actors:membership-request-decide     GET    login  403    403    403    403    2xx    403    403    2xx    403
actors:invitation                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
actors:invitation-addressee          GET    login  404    404    404    2xx    404    404    404    404    404
actors:logo                          GET    404    404    404    404    404    404    404    404    404    404
actors:person                        GET    404    404    2xx    2xx    2xx    2xx    2xx    2xx    2xx    404
actors:photo                         GET    404    404    404    404    404    404    404    404    404    404
actors:profile-edit                  GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
actors:competences                   GET    login  403    403    403    403    403    403    403    2xx    403
actors:competence-search             GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:board                     GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:feed                      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:detail                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:formats                   GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:format                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:mine                      GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:new                       GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:edit                      GET    login  403    403    403    403    403    403    403    2xx    403
challenges:attachment                GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
challenges:attachment@draft          GET    404    404    404    404    404    2xx    2xx    404    2xx    404
challenges:attachment@in_review      GET    404    404    404    404    404    2xx    2xx    404    2xx    404
challenges:queue                     GET    login  403    403    403    403    403    403    403    2xx    403
challenges:review                    GET    login  403    403    403    403    403    403    403    2xx    403
projects:rounds                      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
projects:round                       GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
projects:round-new                   GET    login  403    403    403    403    403    403    403    2xx    403
projects:round-edit                  GET    login  403    403    403    403    403    403    403    2xx    403
projects:project-new                 GET    login  403    403    403    403    403    403    403    403    403
projects:project                     GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
projects:project-edit                GET    login  403    403    403    403    403    403    403    403    403
projects:showcase                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
projects:supervised                  GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
projects:student-profile             GET    login  403    2xx    403    403    403    403    403    403    403
projects:apply                       GET    login  403    2xx    403    403    403    403    403    403    403
projects:mine                        GET    login  403    2xx    403    403    403    403    403    403    403
projects:allocation                  GET    login  403    403    403    403    403    403    403    2xx    403
projects:allocation-team             GET    login  403    403    403    403    403    403    403    404    403
projects:allocation-progress         GET    login  403    403    403    403    403    403    403    3xx    403
projects:allocation-move             GET    login  403    403    403    403    403    403    403    2xx    403
projects:allocation-swap             GET    login  403    403    403    403    403    403    403    2xx    403
projects:result                      GET    login  404    404    404    404    404    404    404    404    404
projects:result-counterfactual       GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
projects:workspace                   GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-milestone-new     GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-milestone-edit    GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-meeting-new       GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-meeting-edit      GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-document-upload   GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-document-version  GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-document-download GET    login  403    2xx    2xx    403    2xx    2xx    403    2xx    403
projects:workspace-feedback          GET    login  403    403    403    403    2xx    2xx    403    403    403
projects:workspace-deliverables      GET    login  403    2xx    2xx    403    403    403    403    2xx    403
recommendations:tracker              GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
recommendations:new                  GET    login  403    403    403    2xx    403    403    403    403    403
recommendations:edit                 GET    login  404    2xx    403    404    404    404    404    403    404
recommendations:dossier-project      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
recommendations:dossier-project-pdf  GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
recommendations:dossier-town         GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
recommendations:dossier-town-pdf     GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
recommendations:detail               GET    404    404    2xx    2xx    404    404    404    404    2xx    404
indicators:public                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
indicators:public-csv                GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
indicators:dashboard                 GET    login  403    403    403    2xx    403    403    403    2xx    403
indicators:dashboard-csv             GET    login  403    403    403    2xx    403    403    403    2xx    403
indicators:records                   GET    login  403    403    403    2xx    403    403    403    2xx    403
indicators:report                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
indicators:report-pdf                GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
research:answer                      GET    410    410    410    410    410    410    410    410    410    410
research:my-studies                  GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
research:studies                     GET    login  403    403    403    2xx    403    403    403    403    403
research:study-new                   GET    login  403    403    403    2xx    403    403    403    403    403
research:study                       GET    login  403    403    403    2xx    403    403    403    403    403
research:survey                      GET    login  403    403    403    2xx    403    403    403    403    403
research:export                      GET    login  403    403    403    2xx    403    403    403    403    403
research:export-zip                  GET    login  403    403    403    2xx    403    403    403    403    403
research:frequencies                 GET    login  403    403    403    2xx    403    403    403    403    403
research:preview                     GET    login  403    403    403    2xx    403    403    403    403    403
research:wave-step                   POST   login  403    403    403    3xx    403    403    403    403    403
research:page-edit                   GET    login  403    403    403    2xx    403    403    403    403    403
research:question-edit               GET    login  403    403    403    2xx    403    403    403    403    403
research:builder-step                POST   login  403    403    403    3xx    403    403    403    403    403
places:places                        GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
places:my-bookings                   GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
places:booking-cancel                POST   login  404    3xx    404    404    3xx    404    404    3xx    404
places:place                         GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
places:photo                         GET    404    404    404    404    404    404    404    404    404    404
places:resource                      GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
places:staff                         GET    login  403    403    403    403    2xx    403    403    2xx    403
places:staff-day                     GET    login  403    403    403    403    2xx    403    403    2xx    403
places:staff-decide                  POST   login  403    403    403    403    3xx    403    403    3xx    403
places:staff-block                   POST   login  403    403    403    403    400    403    403    400    403
places:staff-training                POST   login  403    403    403    403    400    403    403    400    403
places:usage                         GET    login  403    403    403    403    2xx    403    403    2xx    403
ventures:directory                   GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
ventures:programmes                  GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
ventures:mine                        GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
ventures:create                      GET    login  403    2xx    2xx    2xx    403    403    403    2xx    403
ventures:pipeline                    GET    login  403    403    403    403    403    403    403    2xx    403
ventures:detail                      GET    404    404    2xx    2xx    404    404    404    404    2xx    404
ventures:edit                        GET    login  404    2xx    403    404    404    404    404    403    404
ventures:logo                        GET    404    404    404    404    404    404    404    404    404    404
ventures:publish                     POST   login  404    3xx    403    404    404    404    404    403    404
ventures:gate                        POST   login  404    3xx    403    404    404    404    404    403    404
ventures:evidence                    POST   login  404    422    403    404    404    404    404    403    404
ventures:evidence-download           GET    login  404    2xx    2xx    404    404    404    404    2xx    404
ventures:invite                      POST   login  404    422    403    404    404    404    404    403    404
ventures:invitation-answer           POST   login  404    422    422    404    404    404    404    422    404
ventures:apply                       POST   login  404    422    403    404    404    404    404    403    404
ventures:application-outcome         POST   login  404    422    403    404    404    404    404    403    404
ventures:mentor-ask                  POST   login  404    422    403    404    404    404    404    403    404
ventures:mentor-answer               POST   login  404    422    422    404    404    404    404    422    404
talent:calls                         GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
talent:call-new                      GET    login  403    403    403    403    2xx    2xx    403    403    403
talent:call                          GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
talent:call-step                     POST   login  403    403    403    403    3xx    3xx    403    3xx    403
talent:application                   GET    login  404    2xx    404    404    2xx    2xx    404    404    404
talent:application-step              POST   login  404    403    404    404    3xx    3xx    404    404    404
talent:pool-start                    GET    login  403    403    403    403    3xx    3xx    3xx    403    403
talent:pool                          GET    login  403    403    403    403    2xx    2xx    403    403    403
talent:pool-export                   GET    login  403    403    403    403    2xx    2xx    403    403    403
talent:pool-profile                  GET    login  403    403    403    403    2xx    2xx    403    403    403
talent:contacts                      GET    login  403    403    403    403    2xx    2xx    403    403    403
talent:profile                       GET    login  403    2xx    403    403    403    403    403    403    403
talent:inbox                         GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
talent:contact-answer                GET    login  404    2xx    404    404    404    404    404    404    404
talent:journey                       GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
talent:follow-up                     GET    410    410    410    410    410    410    410    410    410    410
talent:funnel                        GET    login  403    403    403    403    403    403    403    2xx    403
network:graph                        GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
network:graph-data                   GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
network:directory                    GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
network:map                          GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
network:map-data                     GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
notifications:list                   GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
notifications:preferences            GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
notifications:unsubscribe            GET    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
admin:index                          GET    login  login  login  login  login  login  login  login  login  2xx
accounts:language                    POST   3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
accounts:role_request_withdraw       POST   login  3xx    404    404    404    404    404    404    403    404
actors:invitation-withdraw           POST   login  403    403    403    403    3xx    403    403    3xx    403
actors:listing-create                POST   login  403    403    403    403    3xx    403    403    3xx    403
actors:listing-delete                POST   login  403    403    403    403    3xx    403    403    3xx    403
actors:membership-request-withdraw   POST   login  3xx    404    404    404    3xx    404    404    3xx    404
challenges:follow                    POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
challenges:act                       POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
challenges:attachment-delete         POST   login  403    403    403    403    403    403    403    3xx    403
opportunities:act                    POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
opportunities:verify                 POST   login  403    403    403    403    403    403    403    3xx    403
opportunities:search-delete          POST   login  404    3xx    404    404    404    404    404    404    404
opportunities:application-act        POST   login  404    3xx    404    404    3xx    3xx    404    404    404
opportunities:contact-delete         POST   login  403    403    403    403    3xx    3xx    403    3xx    403
challenges:comment                   POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
projects:round-advance               POST   login  403    403    403    403    403    403    403    3xx    403
projects:project-complete            POST   login  403    403    3xx    403    403    403    403    3xx    403
projects:withdraw                    POST   login  403    3xx    403    403    403    403    403    403    403
projects:allocation-run              POST   login  403    403    403    403    403    403    403    422    403
projects:allocation-publish          POST   login  403    403    403    403    403    403    403    3xx    403
projects:workspace-milestone-status  POST   login  403    3xx    3xx    403    3xx    3xx    403    403    403
projects:workspace-post              POST   login  403    422    422    403    422    422    403    403    403
recommendations:act                  POST   login  404    403    3xx    404    404    404    404    403    404
recommendations:milestone-new        POST   login  404    403    403    404    404    404    404    403    404
recommendations:milestone-edit       POST   login  404    403    403    404    404    404    404    403    404
recommendations:progress             POST   login  404    403    403    404    404    404    404    403    404
notifications:read                   POST   login  404    3xx    404    404    404    404    404    404    404
notifications:read-all               POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
accounts:account_delete              GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:data_export_download        GET    login  404    404    404    404    404    404    404    404    404
accounts:mfa_required                GET    login  3xx    3xx    3xx    3xx    2xx    2xx    2xx    2xx    2xx
accounts:my_data                     GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:processing_record           GET    login  403    403    403    403    403    403    403    2xx    403
mfa_activate_totp                    GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_add_webauthn                     GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_authenticate                     GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_deactivate_totp                  GET    login  404    404    404    404    404    404    404    404    404
mfa_download_recovery_codes          GET    login  404    404    404    404    404    404    404    404    404
mfa_edit_webauthn                    GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_generate_recovery_codes          GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_index                            GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
mfa_list_webauthn                    GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
mfa_reauthenticate                   GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_reauthenticate_webauthn          GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_remove_webauthn                  GET    login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
mfa_view_recovery_codes              GET    login  404    404    404    404    404    404    404    404    404
usersessions_list                    GET    login  2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx    2xx
accounts:data_export_request         POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
accounts:session_end                 POST   login  3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx    3xx
"""  # noqa: E501


@dataclass(frozen=True)
class Expect:
    method: str
    answers: dict[str, str]  # persona → answer


def _route_name(entry: str) -> str:
    """The route of a row: `challenges:attachment@draft` → `challenges:attachment`."""
    return entry.split("@", 1)[0]


def _parse(table: str) -> dict[str, Expect]:
    rows = [line.split() for line in table.strip().splitlines()[1:] if line.strip()]
    for row in rows:
        assert len(row) == 2 + len(PERSONAS), f"row of the wrong width: {' '.join(row)}"
        assert row[1] in ("GET", "POST"), f"{row[0]}: method {row[1]}"
    return {row[0]: Expect(row[1], dict(zip(PERSONAS, row[2:], strict=True))) for row in rows}


EXPECTED = _parse(TABLE)
ENTRIES = {_route_name(entry) for entry in EXPECTED}


# --- the world the parameters come from ------------------------------------------------------


@pytest.fixture
def supervisor(db) -> User:
    return SupervisorFactory(email="betreuung@uni-leipzig.example", name="Prof. Dr. Betreuerin")


@pytest.fixture
def site_admin(db) -> User:
    return UserFactory(
        email="admin@transferraum.example", name="Site Admin", is_staff=True, is_superuser=True
    )


@pytest.fixture
def world(
    town_eilenburg,
    officer_eilenburg,
    member_eilenburg,
    owner_zeitz,
    coordinator,
    student_geography,
    researcher,
    outsider,
    supervisor,
    site_admin,
) -> Iterator[dict[str, Any]]:
    """One of everything a path parameter names, around the town of Eilenburg."""
    from django.core import signing
    from django.core.files.base import ContentFile

    project = team_project(town_eilenburg, student_geography, supervisors=[supervisor])
    challenge = project.challenge
    PersonProfile.objects.create(user=student_geography)
    attachment = Attachment.objects.create(
        challenge=challenge,
        file=ContentFile(b"%PDF-1.4 Plan", name="plan.pdf"),
        name="plan.pdf",
        kind="pdf",
        size=13,
    )
    # public challenges of the town not (yet) on the board, each with a file
    unpublished = {
        status: Attachment.objects.create(
            challenge=ChallengeFactory(organisation=town_eilenburg, status=status),
            file=ContentFile(b"%PDF-1.4 Entwurf", name="entwurf.pdf"),
            name="entwurf.pdf",
            kind="pdf",
            size=16,
        )
        for status in (Challenge.Status.DRAFT, Challenge.Status.IN_REVIEW)
    }
    document = Document.objects.create(project=project, title="Bericht", created_by=supervisor)
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"%PDF-1.4 Bericht", name="bericht.pdf"),
        name="bericht.pdf",
        kind="pdf",
        size=16,
        uploaded_by=supervisor,
    )
    meeting = Meeting.objects.create(
        project=project,
        starts_at=timezone.now() + timedelta(days=3),
        place="Rathaus",
        created_by=supervisor,
    )
    run = AllocationRun.objects.create(
        round=project.round, number=1, objective=project.round.objective
    )
    recommendation = RecommendationFactory(project=project)
    invitation = invitation_create(
        actor=coordinator, organisation=town_eilenburg, email="neu@eilenburg.example", role="member"
    )
    addressed = invitation_create(
        actor=coordinator,
        organisation=town_eilenburg,
        email=researcher.email,
        role=Membership.Role.MEMBER,
    )
    notification = Notification.objects.create(
        recipient=student_geography, kind="invitation", title="Hallo"
    )
    study = study_make(researcher)
    survey = survey_make(researcher, study)
    wave = wave_make(researcher, study, survey, round=project.round)
    first_question = survey.versions.get().pages.get(position=1).questions.get(position=1)
    desk = ResourceFactory(place=PlaceFactory(organisation=town_eilenburg))
    starts_at = timezone.now() + timedelta(days=3)
    booking = Booking.objects.create(
        resource=desk,
        user=student_geography,
        booked_by=student_geography,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        minutes=60,
        status=Booking.Status.CONFIRMED,
    )
    # a confidential venture the student founds and the supervisor mentors
    venture = venture_make(student_geography)
    mentor_make(venture, supervisor)
    evidence = Evidence.objects.create(
        venture=venture,
        gate="team",
        file=ContentFile(b"%PDF-1.4 Vertrag", name="vertrag.pdf"),
        name="vertrag.pdf",
        kind="pdf",
    )
    programmes_load()
    application = Application.objects.create(
        venture=venture,
        programme=SupportProgramme.objects.get(slug="futuresax"),
        submitted_on=timezone.localdate(),
    )
    VerifiedOrganisationFactory(organisation=town_eilenburg)
    opportunity = OpportunityFactory(organisation=town_eilenburg)
    job_application = ApplicationFactory(
        opportunity=opportunity,
        applicant=student_geography,
        cv=ContentFile(b"%PDF-1.4 CV", name="cv.pdf"),
    )
    call = call_make(officer_eilenburg, town_eilenburg)
    trial_application = application_submit(
        person=student_geography, call=call, motivation="Ich möchte kommen."
    )
    talent = profile_make(student_geography)
    contact = TalentContact.objects.create(
        organisation=town_eilenburg, sender=officer_eilenburg, profile=talent, message="Hallo"
    )
    yield {
        "slug": {
            "actors": town_eilenburg.slug,
            "challenges": project.format.slug,
            "places": desk.place.slug,
            "opportunities": town_eilenburg.slug,
            "talent": town_eilenburg.slug,
        },
        "pk": {
            # No authenticator or session of these numbers: the pages answer for a stranger's.
            "mfa_edit_webauthn": 999_999,
            "mfa_remove_webauthn": 999_999,
            "accounts:session_end": 999_999,
            "accounts:data_export_download": 999_999,
            "actors:invitation-withdraw": invitation.pk,
            "actors:listing-delete": ListingFactory(organisation=town_eilenburg).pk,
            "actors:membership-request-decide": MembershipRequest.objects.create(
                user=outsider, organisation=town_eilenburg
            ).pk,
            "accounts": RoleRequestFactory(user=outsider).pk,
            "accounts:person_roles": student_geography.pk,
            "actors:membership-request-withdraw": MembershipRequest.objects.filter(user=outsider)
            .get()
            .pk,
            "actors:invitation-addressee": addressed.pk,
            "actors": student_geography.pk,  # personen/<pk>/
            "challenges": challenge.pk,
            **{
                f"challenges:attachment@{status}": file.challenge_id
                for status, file in unpublished.items()
            },
            "projects": project.pk,
            **{
                f"projects:{name}": project.round_id
                for name in (
                    "round",
                    "round-edit",
                    "round-advance",
                    "project-new",
                    "apply",
                    "withdraw",
                    "allocation",
                    "result",
                )
            },
            "recommendations": recommendation.pk,
            # a project's dossier (and its PDF) takes the project's number
            "recommendations:dossier-project": project.pk,
            "notifications": notification.pk,
            "research:study": study.pk,
            "research": survey.pk,  # the survey and its preview
            "research:wave-step": wave.pk,
            "research:export": study.pk,
            "research:export-zip": study.pk,
            "research:frequencies": study.pk,
            "research:page-edit": survey.versions.get().pages.get(position=1).pk,
            # the first question of page 1: moving it up leaves it where it is
            "research:question-edit": first_question.pk,
            "research:builder-step": first_question.pk,
            "places": desk.pk,
            "places:booking-cancel": booking.pk,
            "places:staff-decide": booking.pk,
            "places:photo": 999_999,
            "ventures": venture.pk,
            "opportunities": opportunity.pk,
            # named, or "opportunities:application" (a prefix) would give the application's pk
            "opportunities:applications": opportunity.pk,
            "opportunities:application": job_application.pk,
            "opportunities:cv": job_application.pk,
            "opportunities:search-delete": SavedSearchFactory(user=student_geography).pk,
            "opportunities:contact": TownContactFactory(
                municipality=town_eilenburg.municipality
            ).pk,
            "talent:call": call.pk,
            "talent:application": trial_application.pk,
            "talent:pool-profile": talent.pk,
            "talent:contact-answer": contact.pk,
        },
        "token": {
            "actors:invitation": invitation_token(invitation),
            "notifications:unsubscribe": signing.dumps(
                [student_geography.pk, "invitation"], salt=UNSUBSCRIBE_SALT, compress=True
            ),
            "accounts:sso_link_confirm": "ein-unbekannter-link",
            "research:answer": "ein-unbekannter-link",
            "talent:follow-up": "ein-unbekannter-link",
        },
        "step": {
            "research:wave-step": "erinnern",
            "research:builder-step": "hoch",
            "talent:call-step": "close",
            "talent:application-step": "accept",
        },
        "part": "frage",
        "kind": {"research:export": "antworten", "research:export-zip": "lang-csv"},
        # No identity provider is configured here: its pages answer 404 (tests of single
        # sign-on: accounts/tests/test_sso*.py).
        "organization_slug": "keine-hochschule",
        "provider_id": "keine-hochschule",
        "attachment_pk": {
            "challenges": attachment.pk,
            **{f"challenges:attachment@{status}": file.pk for status, file in unpublished.items()},
        },
        "milestone_pk": {
            "projects": MilestoneFactory(project=project).pk,
            "recommendations": ImplementationMilestoneFactory(recommendation=recommendation).pk,
        },
        "meeting_pk": meeting.pk,
        "document_pk": document.pk,
        "number": 1,
        "stage": "midterm",
        "project_pk": project.pk,
        "run_pk": run.pk,
        "ags": town_eilenburg.municipality.ags,
        "round_pk": project.round_id,
        "action": {"recommendations": "approve", "places": "confirm"},
        "key": {
            "account_confirm_email": "unbekannter-schluessel",
            "account_reset_password_from_key": "unbekannter-schluessel",
            "indicators": "projects",  # an indicator's records
        },
        "year": 2026,
        "uidb36": "1",
        "evidence_pk": evidence.pk,
        "application_pk": application.pk,
    }
    # Uploads live in one storage for the whole test process: leave none behind.
    for upload in (
        attachment.file,
        *(file.file for file in unpublished.values()),
        *(version.file for version in document.versions.all()),
        evidence.file,
        job_application.cv,
    ):
        if upload.storage.exists(upload.name):
            upload.storage.delete(upload.name)


# --- routes and requests ---------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    pattern: URLPattern
    # Path parameters of the enclosing includes (allauth's SAML routes: organization_slug).
    outer_parameters: tuple[str, ...] = ()


def routes() -> Iterator[Route]:
    """Every named route of the resolver, as `namespace:name`. An unnamed permanent redirect
    (allauth's old `social/…` addresses) answers as its target, which has its own entry."""

    def walk(patterns: list[Any], namespace: str | None, outer: tuple[str, ...]) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                parameters = outer + tuple(pattern.pattern.regex.groupindex)
                yield from walk(pattern.url_patterns, inner, parameters)
            elif not pattern.name and getattr(pattern.callback, "view_class", None) is (
                RedirectView
            ):
                continue
            else:
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield Route(name or f"{namespace}:<unnamed {pattern.pattern}>", pattern, outer)

    seen: set[str] = set()
    for route in walk(get_resolver().url_patterns, None, ()):
        if route.name.split(":", 1)[0] in SKIPPED_NAMESPACES and route.name not in ENTRIES:
            continue
        if route.name not in seen:
            seen.add(route.name)
            yield route


def _value(world: dict[str, Any], route: str, parameter: str) -> Any:
    """The world's value for `parameter` of `route`: the most specific key wins (the route's
    name, the longest route-name prefix, its namespace), or the one value."""
    value = world[parameter]
    if not isinstance(value, dict):
        return value
    if route in value:
        return value[route]
    # "projects:allocation" covers "projects:allocation-run" …
    prefixes = sorted((k for k in value if ":" in k and route.startswith(k)), key=len)
    if prefixes:
        return value[prefixes[-1]]
    return value[route.split(":", 1)[0]]


def url_of(route: Route, world: dict[str, Any], entry: str | None = None) -> str:
    """The route's address with the world's objects (for the row `entry`'s case)."""
    parameters = (*route.outer_parameters, *route.pattern.pattern.regex.groupindex)
    kwargs = {name: _value(world, entry or route.name, name) for name in parameters}
    return reverse(route.name, kwargs=kwargs)


def answer(response: Any) -> str:
    code = response.status_code
    if 200 <= code < 300:
        return OK
    if 300 <= code < 400:
        location = response["Location"]
        login = reverse("account_login")
        return LOGIN if location.startswith((login, "/admin/login/")) else REDIRECT
    return str(code)


# --- the tests -------------------------------------------------------------------------------


def table_gaps() -> tuple[list[str], list[str]]:
    """Routes of the resolver without an entry, and entries without a route."""
    names = {route.name for route in routes()}
    entries = {_route_name(entry) for entry in EXPECTED}
    return sorted(names - entries), sorted(entries - names)


def test_every_route_has_an_entry():
    missing, gone = table_gaps()

    assert not missing, (
        "Routes without an entry in tests/test_routes_by_role.py TABLE (say who may open "
        f"them): {', '.join(missing)}"
    )
    assert not gone, f"Entries for routes that no longer exist: {', '.join(gone)}"
    assert set(SKIPPED_NAMESPACES.values()) <= EXPECTED.keys()


# A URL configuration with one page more, as a new app would add it.
urlpatterns = [
    *get_resolver("config.urls").url_patterns,
    path("ganz-neu/", lambda request: HttpResponse(), name="brand-new"),
]


@pytest.mark.urls(__name__)
def test_a_new_route_without_an_entry_is_named():
    assert table_gaps() == (["brand-new"], [])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_every_route_answers_each_persona_as_the_table_says(
    client, persona, persona_user, world, monkeypatch
):
    # A dossier's PDF takes seconds to render; who may have it is decided before that.
    monkeypatch.setattr(dossier, "render_pdf", lambda html: b"%PDF-1.4\n%%EOF\n")
    user = persona_user(persona)
    if persona != "anonymous":
        client.force_login(user)
    wrong: list[str] = []
    # Requests that only take POST go last: they may change what a later GET would find.
    by_name = {route.name: route for route in routes()}
    ordered = sorted(
        (entry for entry in EXPECTED if _route_name(entry) in by_name),
        key=lambda entry: EXPECTED[entry].method == "POST",
    )
    for entry in ordered:
        expect = EXPECTED[entry]
        url = url_of(by_name[_route_name(entry)], world, entry)
        response = client.get(url) if expect.method == "GET" else client.post(url, {})
        got = answer(response)
        wanted = expect.answers[persona]
        if got != wanted:
            wrong.append(f"{entry} ({expect.method} {url}): expected {wanted}, got {got}")
        if persona != "anonymous" and not response.wsgi_request.user.is_authenticated:
            client.force_login(user)  # a route that logs out (account_logout) must not end the run

    assert not wrong, f"{persona}:\n" + "\n".join(wrong)
