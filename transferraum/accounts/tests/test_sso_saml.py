"""SAML single sign-on against a real identity provider in the test process (pysaml2, signed
with xmlsec1): what is accepted, what is refused, and that a refusal leaves nothing behind."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.sso import MFA_BY_IDP_SESSION_KEY, UNREACHABLE
from transferraum.accounts.sso_settings import socialaccount_providers
from transferraum.accounts.tests.factories import PASSWORD, UserFactory
from transferraum.accounts.tests.sso_idp import (
    IDP_SSO_URL,
    REFEDS_MFA,
    SLUG,
    UniversityIdP,
    identity,
    redirect_parts,
    sp_metadata_with_entity,
    tamper,
)

pytestmark = pytest.mark.django_db


def browser(language: str = "en") -> Client:
    """python3-saml refuses single-label hosts such as Django's "testserver" in the service's
    addresses (rightly so in production); the tests use the loopback address. English, so
    that the assertions read the source texts; one test checks the German."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def client() -> Client:
    return browser()


@pytest.fixture(scope="session")
def university_idp() -> UniversityIdP:
    return UniversityIdP.create()


@pytest.fixture
def sso(settings, monkeypatch, university_idp) -> UniversityIdP:
    """The platform connected to the test IdP through the production variables."""
    for name, value in university_idp.environment().items():
        monkeypatch.setenv(name, value)
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers()
    university_idp.extra_sp_metadata = []
    return university_idp


def sp_metadata(client: Client) -> str:
    response = client.get(reverse("saml_metadata", args=[SLUG]))
    assert response.status_code == 200
    return response.content.decode()


def start(client: Client) -> tuple[str, str]:
    response = client.post(reverse("saml_login", args=[SLUG]), {"process": "login"})
    assert response.status_code == 302
    assert response["Location"].startswith(IDP_SSO_URL)
    return redirect_parts(response["Location"])


def send(client: Client, saml_response: str, relay_state: str):
    """POST the response to the ACS as the browser would, then follow to the finish view."""
    response = client.post(
        reverse("saml_acs", args=[SLUG]), {"SAMLResponse": saml_response, "RelayState": relay_state}
    )
    assert response.status_code == 302
    return client.get(response["Location"])


def sign_in(client: Client, idp: UniversityIdP, **options):
    saml_request, relay_state = start(client)
    attributes = options.pop("attributes", identity())
    saml_response = idp.respond(
        sp_metadata=sp_metadata(client), saml_request=saml_request, attributes=attributes, **options
    )
    return send(client, saml_response, relay_state), saml_response, relay_state


def refused_with(response, words: str) -> None:
    assert response.status_code == 401
    assert response.context["sso_message"]
    assert words in response.context["sso_message"]
    assert not response.wsgi_request.user.is_authenticated


def nothing_created() -> None:
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_metadata_names_the_acs_and_wants_signed_assertions(client, sso):
    metadata = sp_metadata(client)
    assert reverse("saml_acs", args=[SLUG]) in metadata
    assert 'WantAssertionsSigned="true"' in metadata


def test_signed_response_creates_a_student_and_signs_her_in(client, sso):
    response, _, _ = sign_in(client, sso)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "lena.student@uni-test.example"
    assert user.name == "Lena Student"
    assert user.roles == {User.Role.STUDENT}
    assert RoleRequest.objects.get(user=user).status == RoleRequest.Status.GRANTED
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == (SLUG, "k3x9q@uni-test.example")
    assert client.get(reverse("start")).status_code == 200
    assert client.session[MFA_BY_IDP_SESSION_KEY] is False


def test_the_subject_id_identifies_when_no_pairwise_id_is_sent(client, sso):
    attributes = identity(pairwise_id=None, subject_id="lena@uni-test.example")
    sign_in(client, sso, attributes=attributes)
    assert SocialAccount.objects.get().uid == "lena@uni-test.example"


def test_second_login_finds_the_same_person_by_identifier_not_e_mail(client, sso):
    sign_in(client, sso)
    client.logout()
    sign_in(client, sso, attributes=identity(email="neue.adresse@uni-test.example"))
    assert User.objects.count() == 1
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_staff_affiliation_gives_no_role(client, sso):
    sign_in(client, sso, attributes=identity(affiliation=("employee@uni-test.example",)))
    assert User.objects.get().roles == set()
    assert not RoleRequest.objects.exists()


def test_refeds_mfa_context_is_kept_in_the_session(client, sso):
    sign_in(client, sso, authn_class=REFEDS_MFA)
    assert client.session[MFA_BY_IDP_SESSION_KEY] is True


def test_a_person_with_an_own_factor_is_not_asked_again_after_mfa_at_the_idp(client, sso):
    """The REFEDS MFA context stands for the platform's second factor: allauth's code step is
    skipped, so the person lands where she wanted, signed in."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: PLC0415

    sign_in(client, sso)
    TOTP.activate(User.objects.get(), generate_totp_secret())
    client.logout()

    response, _, _ = sign_in(client, sso, authn_class=REFEDS_MFA)

    assert response.status_code == 302
    assert reverse("mfa_authenticate") not in response["Location"]
    assert response.wsgi_request.user.is_authenticated
    assert client.session[MFA_BY_IDP_SESSION_KEY] is True


def test_without_mfa_at_the_idp_the_own_factor_is_asked_for(client, sso):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret  # noqa: PLC0415

    sign_in(client, sso)
    TOTP.activate(User.objects.get(), generate_totp_secret())
    client.logout()

    response, _, _ = sign_in(client, sso)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session


def test_response_without_pairwise_or_subject_id_is_refused(client, sso):
    response, _, _ = sign_in(client, sso, attributes=identity(pairwise_id=None))
    refused_with(response, "pairwise-id")
    nothing_created()


def test_tampered_response_is_refused(client, sso):
    saml_request, relay_state = start(client)
    signed = sso.respond(
        sp_metadata=sp_metadata(client), saml_request=saml_request, attributes=identity()
    )
    forged = tamper(signed, "k3x9q@uni-test.example", "someone-else@uni-test.example")
    refused_with(send(client, forged, relay_state), "signature")
    nothing_created()


def test_unsigned_response_is_refused(client, sso):
    response, _, _ = sign_in(client, sso, sign_assertion=False)
    refused_with(response, "signature")
    nothing_created()


def test_response_signed_with_another_key_is_refused(client, sso, tmp_path):
    other = UniversityIdP.create()  # same entity id, a key the metadata does not name
    saml_request, relay_state = start(client)
    forged = other.respond(
        sp_metadata=sp_metadata(client), saml_request=saml_request, attributes=identity()
    )
    refused_with(send(client, forged, relay_state), "signature")
    nothing_created()


def test_response_for_another_service_is_refused(client, sso):
    other_sp = "https://other-service.example/shibboleth"
    sso.extra_sp_metadata = [sp_metadata_with_entity(sp_metadata(client), other_sp)]
    response, _, _ = sign_in(client, sso, audience_sp=other_sp)
    refused_with(response, "another service")
    nothing_created()


def test_response_to_another_recipient_is_refused(client, sso):
    elsewhere = "https://other-service.example/Shibboleth.sso/SAML2/POST"
    response, _, _ = sign_in(client, sso, destination=elsewhere)
    refused_with(response, "another service")
    nothing_created()


def test_expired_assertion_is_refused(client, sso):
    saml_request, relay_state = start(client)
    signed = sso.respond(
        sp_metadata=sp_metadata(client), saml_request=saml_request, attributes=identity()
    )
    with time_machine.travel(dt.timedelta(hours=2)):
        response = send(client, signed, relay_state)
    refused_with(response, "expired")
    nothing_created()


def test_replayed_assertion_is_refused(client, sso):
    _, signed, relay_state = sign_in(client, sso)
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # login set the person's language
    response = send(client, signed, relay_state)
    refused_with(response, "already been used")
    assert User.objects.count() == 1


def test_replayed_assertion_in_another_browser_is_refused(client, sso):
    _, signed, relay_state = sign_in(client, sso)
    response = send(browser(), signed, relay_state)
    refused_with(response, "already been used")


def test_refusal_speaks_german_by_default(sso):
    response, _, _ = sign_in(browser("de"), sso, sign_assertion=False)
    assert "Signatur" in response.content.decode()


def test_existing_account_is_linked_only_after_the_e_mail_link(client, sso):
    existing = UserFactory(email="lena.student@uni-test.example", name="Lena")
    response, _, _ = sign_in(client, sso)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:sso_link_sent")
    assert not SocialAccount.objects.exists()
    assert not response.wsgi_request.user.is_authenticated
    (message,) = mail.outbox
    assert message.to == [existing.email]
    link = next(line for line in message.body.splitlines() if "/hochschule/verbinden/" in line)
    path = link.strip().split("testserver", 1)[-1].split("8000", 1)[-1]

    assert client.get(path).status_code == 200  # a read writes nothing
    assert not SocialAccount.objects.exists()

    response = client.post(path)
    assert response.status_code == 302
    account = SocialAccount.objects.get()
    assert account.user == existing
    assert client.session["_auth_user_id"] == str(existing.pk)
    assert EmailAddress.objects.get(user=existing).verified
    existing.refresh_from_db()
    assert existing.roles == {User.Role.STUDENT}
    assert existing.check_password(PASSWORD)


def test_link_opened_in_another_browser_connects_nothing(client, sso):
    UserFactory(email="lena.student@uni-test.example")
    sign_in(client, sso)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/verbinden/" in line)
    path = "/" + link.strip().split("/", 3)[3]
    response = browser().post(path)
    assert response.status_code == 400
    assert "browser" in response.context["error"]
    assert not SocialAccount.objects.exists()


def test_forged_link_connects_nothing(client, sso):
    UserFactory(email="lena.student@uni-test.example")
    sign_in(client, sso)
    response = client.post(reverse("accounts:sso_link_confirm", args=["forged:token"]))
    assert response.status_code == 400
    assert not SocialAccount.objects.exists()


def test_an_address_held_as_second_address_is_not_taken_over_either(client, sso):
    existing = UserFactory(email="lena.privat@example.org")
    EmailAddress.objects.create(user=existing, email="lena.student@uni-test.example")
    response, _, _ = sign_in(client, sso)
    assert response["Location"] == reverse("accounts:sso_link_sent")
    assert mail.outbox[0].to == ["lena.student@uni-test.example"]
    assert not SocialAccount.objects.exists()


def test_linking_to_an_unverified_address_wipes_the_password(client, sso):
    """Someone may have registered with her address without owning it: after she proves it,
    their password no longer opens the account."""
    existing = UserFactory(email="lena.student@uni-test.example")
    EmailAddress.objects.filter(user=existing).update(verified=False)
    sign_in(client, sso)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/verbinden/" in line)
    client.post("/" + link.strip().split("/", 3)[3])
    existing.refresh_from_db()
    assert SocialAccount.objects.get().user == existing
    assert not existing.has_usable_password()


def test_a_password_login_never_carries_the_idp_mfa_flag(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[MFA_BY_IDP_SESSION_KEY] is False


def test_unreachable_metadata_url_is_explained(client, settings, monkeypatch):
    monkeypatch.setenv("SAML_IDPS", "fern")
    monkeypatch.setenv("SAML_FERN_ENTITY_ID", "https://idp.fern.example/idp/shibboleth")
    # Port 9 on loopback: nothing answers (connection refused at once).
    monkeypatch.setenv("SAML_FERN_METADATA_URL", "http://127.0.0.1:9/metadata.xml")
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers()
    response = client.post(reverse("saml_login", args=["fern"]), {"process": "login"})
    assert response.status_code == 401
    assert response.context["sso_message"] == str(UNREACHABLE)
