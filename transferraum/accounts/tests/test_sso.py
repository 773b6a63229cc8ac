"""Single sign-on rules without an identity provider: affiliations, identifiers, messages,
settings from the environment, the discovery page and the student role service."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.sso import (
    NO_IDENTIFIER,
    SAML_REFUSED,
    SsoError,
    affiliation_from,
    affiliation_values,
    mfa_asserted,
    saml_identifier,
    saml_refusal_message,
    user_grant_student_by_affiliation,
)
from transferraum.accounts.sso_settings import (
    SAML_PAIRWISE_ID,
    SAML_SCOPED_AFFILIATION,
    SAML_SUBJECT_ID,
    socialaccount_providers,
    sso_form_action_origins,
)
from transferraum.accounts.tests.factories import UserFactory
from transferraum.accounts.tests.sso_idp import IDP_ENTITY_ID, IDP_SSO_URL, UniversityIdP


@pytest.mark.parametrize(
    ("values", "student", "staff"),
    [
        (["student@uni-leipzig.de"], True, False),
        (["STUDENT@uni-leipzig.de", "member@uni-leipzig.de"], True, False),
        (["employee@uni-leipzig.de"], False, True),
        (["faculty@htwk-leipzig.de"], False, True),
        (["staff@uni-leipzig.de", "member@uni-leipzig.de"], False, True),
        (["member@uni-leipzig.de", "affiliate@uni-leipzig.de"], False, False),
        (["student"], False, False),  # unscoped values count for nothing
        ([], False, False),
    ],
)
def test_affiliation_mapping(values, student, staff):
    affiliation = affiliation_from(values)
    assert (affiliation.student, affiliation.staff) == (student, staff)


def test_affiliations_from_saml_attributes_and_oidc_claims():
    assert affiliation_values({SAML_SCOPED_AFFILIATION: ["student@a.de"]}) == ["student@a.de"]
    assert affiliation_values({"eduperson_scoped_affiliation": "student@a.de staff@a.de"}) == [
        "student@a.de",
        "staff@a.de",
    ]
    userinfo = {"userinfo": {"eduperson_scoped_affiliation": ["faculty@a.de"]}}
    assert affiliation_values(userinfo) == ["faculty@a.de"]
    assert affiliation_values({"mail": ["x@a.de"]}) == []


def test_identifier_prefers_pairwise_id_and_never_takes_e_mail():
    both = {SAML_PAIRWISE_ID: ["pw@a.de"], SAML_SUBJECT_ID: ["sub@a.de"]}
    assert saml_identifier(both) == "pw@a.de"
    assert saml_identifier({SAML_SUBJECT_ID: ["sub@a.de"]}) == "sub@a.de"
    with pytest.raises(SsoError) as refused:
        saml_identifier({"urn:oid:0.9.2342.19200300.100.1.3": ["x@a.de"], SAML_PAIRWISE_ID: [" "]})
    assert refused.value.message == str(NO_IDENTIFIER)


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("Signature validation failed. SAML Response rejected", "signature"),
        ("The Assertion of the Response is not signed and the SP require it", "signature"),
        ("Invalid audience for this Response (expected 'a', got 'b')", "another service"),
        ("The response was received at x instead of y", "another service"),
        ("A valid SubjectConfirmation was not found on this Response", "another service"),
        ("Could not validate timestamp: expired. Check system clock.", "expired"),
    ],
)
def test_refusal_messages_say_what_went_wrong(reason, words):
    with translation.override("en"):
        assert words in saml_refusal_message(reason)


def test_unknown_refusal_gets_the_general_message():
    assert saml_refusal_message("Something else entirely") == str(SAML_REFUSED)


def test_refeds_mfa_context():
    assert mfa_asserted(["https://refeds.org/profile/mfa"])
    assert not mfa_asserted(["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"])


@pytest.mark.django_db
class TestStudentByAffiliation:
    def test_public_person_becomes_student(self):
        user = UserFactory(role=User.Role.PUBLIC)
        granted = user_grant_student_by_affiliation(user=user, affiliations=["student@a.de"])
        assert granted is not None and granted.status == RoleRequest.Status.GRANTED
        user.refresh_from_db()
        assert user.roles == {User.Role.STUDENT}

    def test_open_student_request_is_granted(self):
        user = UserFactory(role=User.Role.PUBLIC)
        request = RoleRequest.objects.create(user=user, role=User.Role.STUDENT)
        granted = user_grant_student_by_affiliation(user=user, affiliations=["student@a.de"])
        assert granted == request
        request.refresh_from_db()
        assert request.status == RoleRequest.Status.GRANTED

    def test_staff_and_students_already_change_nothing(self):
        public = UserFactory(role=User.Role.PUBLIC)
        student = UserFactory(role=User.Role.STUDENT)
        assert user_grant_student_by_affiliation(user=public, affiliations=["staff@a.de"]) is None
        assert (
            user_grant_student_by_affiliation(user=student, affiliations=["student@a.de"]) is None
        )
        assert (public.roles, student.roles) == (set(), {User.Role.STUDENT})
        assert not RoleRequest.objects.exists()

    def test_a_supervisor_enrolled_as_student_gets_the_student_role_besides(self):
        """Roles are a set: a lecturer who is also enrolled (a doctoral student, say) keeps
        supervising and may now apply for projects."""
        supervisor = UserFactory(role=User.Role.SUPERVISOR)
        granted = user_grant_student_by_affiliation(
            user=supervisor, affiliations=["staff@a.de", "student@a.de"]
        )
        assert granted is not None and granted.status == RoleRequest.Status.GRANTED
        supervisor.refresh_from_db()
        assert supervisor.roles == {User.Role.SUPERVISOR, User.Role.STUDENT}


@pytest.fixture(scope="module")
def idp() -> UniversityIdP:
    return UniversityIdP.create()


def test_metadata_file_gives_entity_certificate_and_sso_address(monkeypatch, idp):
    for name, value in idp.environment().items():
        monkeypatch.setenv(name, value)
    (app,) = socialaccount_providers()["saml"]["APPS"]
    assert app["name"] == "Universität Test"
    assert app["settings"]["idp"]["entity_id"] == IDP_ENTITY_ID
    assert app["settings"]["idp"]["sso_url"] == IDP_SSO_URL
    assert app["settings"]["idp"]["x509cert"]
    assert app["settings"]["advanced"]["want_assertion_signed"] is True


def test_metadata_url_is_left_to_allauth(monkeypatch):
    monkeypatch.setenv("SAML_IDPS", "dfn")
    monkeypatch.setenv("SAML_DFN_ENTITY_ID", IDP_ENTITY_ID)
    monkeypatch.setenv("SAML_DFN_METADATA_URL", "https://www.aai.dfn.de/metadata/dfn-aai.xml")
    (app,) = socialaccount_providers()["saml"]["APPS"]
    assert app["settings"]["idp"] == {
        "entity_id": IDP_ENTITY_ID,
        "metadata_url": "https://www.aai.dfn.de/metadata/dfn-aai.xml",
    }


@pytest.mark.parametrize(
    "environment",
    [
        {"SAML_IDPS": "x"},  # neither file nor URL
        {"SAML_IDPS": "x", "SAML_X_METADATA_URL": "https://a.example/m.xml"},  # no entity id
        {"SAML_IDPS": "x", "SAML_X_METADATA_FILE": "/nonexistent/metadata.xml"},
    ],
)
def test_incomplete_saml_settings_stop_the_start(monkeypatch, environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured):
        socialaccount_providers()


def test_metadata_file_for_another_idp_stops_the_start(monkeypatch, idp):
    for name, value in idp.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SAML_UNI_TEST_ENTITY_ID", "https://not-in-the-file.example/idp")
    with pytest.raises(ImproperlyConfigured):
        socialaccount_providers()


@pytest.fixture
def several_idps(settings, monkeypatch, idp):
    for name, value in idp.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SAML_IDPS", "uni-test,htwk")
    monkeypatch.setenv("SAML_HTWK_LABEL", "HTWK Leipzig")
    monkeypatch.setenv("SAML_HTWK_ENTITY_ID", IDP_ENTITY_ID)
    monkeypatch.setenv("SAML_HTWK_METADATA_FILE", str(idp.metadata_file))
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers()


@pytest.mark.django_db
def test_discovery_lists_every_idp_and_searches(client, several_idps):
    page = client.get(reverse("accounts:sso_discovery")).content.decode()
    assert "HTWK Leipzig" in page and "Universität Test" in page
    page = client.get(reverse("accounts:sso_discovery"), {"q": "htwk"}).content.decode()
    assert "HTWK Leipzig" in page and "Universität Test" not in page
    response = client.get(reverse("accounts:sso_discovery"), {"q": "Nirgendwo"})
    assert "Nirgendwo" in response.content.decode()
    assert not response.context["providers"]


@pytest.mark.django_db
def test_login_page_offers_the_discovery_for_several_idps(client, several_idps):
    page = client.get(reverse("account_login")).content.decode()
    assert reverse("accounts:sso_discovery") in page


@pytest.mark.django_db
def test_discovery_without_idps_says_so(client):
    response = client.get(reverse("accounts:sso_discovery"))
    assert response.status_code == 200
    assert not response.context["providers"]


@pytest.mark.django_db
def test_discovery_keeps_only_a_local_next(client, several_idps):
    response = client.get(reverse("accounts:sso_discovery"), {"next": "https://evil.example/"})
    assert response.context["next_url"] == ""
    response = client.get(reverse("accounts:sso_discovery"), {"next": "/mein-bereich/"})
    assert response.context["next_url"] == "/mein-bereich/"


def test_lxml_and_xmlsec_use_the_same_libxml2():
    """A mismatch makes signature checks fail in odd ways (the known lxml/xmlsec pitfall)."""
    import lxml.etree
    import xmlsec

    assert xmlsec.get_libxml_version() == lxml.etree.LIBXML_VERSION


def test_form_action_allows_the_identity_providers_origins(monkeypatch, idp):
    for name, value in idp.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SAML_IDPS", "uni-test,dfn")
    monkeypatch.setenv("SAML_DFN_ENTITY_ID", "https://idp.htwk-leipzig.example/idp/shibboleth")
    monkeypatch.setenv("SAML_DFN_METADATA_URL", "https://www.aai.dfn.de/metadata/dfn-aai.xml")
    monkeypatch.setenv("OIDC_PROVIDERS", "kc")
    monkeypatch.setenv("OIDC_KC_SERVER_URL", "https://login.example.org/realms/uni")
    monkeypatch.setenv("OIDC_KC_CLIENT_ID", "transferraum")
    monkeypatch.setenv("OIDC_KC_SECRET", "geheim")
    assert sso_form_action_origins(socialaccount_providers()) == [
        "https://idp.htwk-leipzig.example",
        "https://idp.uni-test.example",
        "https://login.example.org",
    ]
