"""The second factor: who must have one (the rule, as a persona table), the one enforcement
point, enrolling and signing in with a real TOTP code, recovery codes, reused and guessed codes,
and the configuration of allauth.mfa."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings as django_settings
from django.core.cache import cache
from django.urls import reverse

from transferraum.accounts.mfa import (
    ADMIN_MEMBERSHIP_ROLE,
    MFA_BY_IDP_SESSION_KEY,
    PERSONAL_DATA_ORGANISATION_KINDS,
    has_second_factor,
    mfa_required,
    mfa_required_reasons,
    mfa_status,
)
from transferraum.accounts.middleware import enrolment_view
from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import PASSWORD, UserFactory
from transferraum.actors.models import Membership, Organisation
from transferraum.actors.tests.factories import MembershipFactory


@pytest.fixture(autouse=True)
def _clear_rate_limits_and_used_codes():
    cache.clear()


@pytest.fixture
def enforced(settings):
    settings.MFA_REQUIRED_ENFORCED = True
    return settings


@pytest.fixture
def site_admin(db) -> User:
    return UserFactory(email="admin@transferraum.example", role=User.Role.PUBLIC, is_staff=True)


def current_code(secret: str) -> str:
    """The code an authenticator app shows now for `secret`."""
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def sign_in_with_password(client, user: User):
    """Sign in through allauth's form, which records when the person proved their password
    (enrolling a factor asks for that within the last minutes)."""
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def sign_in_recently(client, user: User) -> None:
    """Sign in and confirm the password once more, as allauth asks before a factor is added or
    removed (the page for it stays open to whom must enrol)."""
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content


def totp_enrol(user: User) -> str:
    """Give `user` an authenticator app; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


# Every persona: must they have a second factor? Town staff see personal data whatever their
# role in the town; a company's owner administers it; a company's plain member does not.
RULE = [
    ("coordinator", True),
    ("site_admin", True),
    ("officer_eilenburg", True),  # admin of a town administration
    ("member_eilenburg", True),  # member of a town administration
    ("owner_zeitz", True),  # admin of a company
    ("company_member", False),
    ("student_geography", False),
    ("researcher", False),
    ("outsider", False),
]


@pytest.fixture
def company_member(company_zeitz) -> User:
    user = UserFactory(email="monteur@zeitzer-werkstaetten.example", role=User.Role.STAFF)
    MembershipFactory(user=user, organisation=company_zeitz, role=Membership.Role.MEMBER)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "required"), RULE)
def test_who_must_have_a_second_factor(persona, required, request):
    user = request.getfixturevalue(persona)

    assert mfa_required(user) is required
    assert bool(mfa_required_reasons(user)) is required
    assert mfa_status(user).required is required
    assert mfa_status(user).blocked is required
    totp_enrol(user)
    assert mfa_status(user).blocked is False
    assert mfa_status(user).has_factor is True


@pytest.mark.django_db
def test_an_inactive_account_needs_nothing(coordinator):
    coordinator.is_active = False

    assert not mfa_required(coordinator)
    assert not mfa_status(coordinator).blocked


@pytest.mark.django_db
def test_recovery_codes_alone_are_not_a_second_factor(coordinator):
    RecoveryCodes.activate(coordinator)

    assert not has_second_factor(coordinator)
    assert mfa_status(coordinator).blocked


@pytest.mark.django_db
def test_the_status_takes_one_query(coordinator, django_assert_num_queries):
    with django_assert_num_queries(1):
        mfa_status(coordinator)


def test_the_rule_names_stored_values_of_the_actors_choices():
    """`accounts` spells the values because it imports no domain app."""
    assert set(PERSONAL_DATA_ORGANISATION_KINDS) <= set(Organisation.Kind.values)
    assert Organisation.Kind.TOWN in PERSONAL_DATA_ORGANISATION_KINDS
    assert ADMIN_MEMBERSHIP_ROLE == Membership.Role.ADMIN


# --- enforcement ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "required"), RULE)
@pytest.mark.parametrize("with_factor", [False, True])
def test_enforcement_per_role(client, enforced, request, persona, required, with_factor):
    user = request.getfixturevalue(persona)
    if with_factor:
        totp_enrol(user)
    client.force_login(user)

    response = client.get(reverse("start"))

    if required and not with_factor:
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:mfa_required")
    else:
        assert response.status_code == 200


@pytest.mark.django_db
def test_a_visitor_is_not_concerned(client, enforced):
    assert client.get(reverse("impressum")).status_code == 200
    assert client.get(reverse("start")).status_code == 302  # to the login, as ever


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/admin/", "/konto/profil/", "/mein-bereich/", "/suche/?q=Eilenburg", "/konto/sessions/"],
)
def test_a_coordinator_without_a_factor_reaches_nothing_else(client, enforced, coordinator, path):
    client.force_login(coordinator)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:mfa_required")


@pytest.mark.django_db
def test_a_form_sent_without_a_factor_changes_nothing(client, enforced, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("accounts:profile"), {"name": "Geändert", "language": "en"})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:mfa_required")
    coordinator.refresh_from_db()
    assert coordinator.name == "Katrin Vogel"


@pytest.mark.django_db
def test_htmx_requests_are_sent_to_the_page_as_a_whole(client, enforced, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("start"), headers={"HX-Request": "true"})

    assert response["HX-Redirect"] == reverse("accounts:mfa_required")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "accounts:mfa_required",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_add_webauthn",
        "impressum",
        "privacy",
        "accessibility",
        "account_reauthenticate",
    ],
)
def test_enrolment_and_the_legal_pages_stay_open(client, enforced, coordinator, url_name):
    sign_in_recently(client, coordinator)

    response = client.get(reverse(url_name))

    assert response.status_code == 200


@pytest.mark.django_db
def test_signing_out_and_switching_language_stay_open(client, enforced, coordinator):
    client.force_login(coordinator)

    switched = client.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    signed_out = client.post(reverse("account_logout"))

    assert switched.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert signed_out.status_code == 302
    assert "_auth_user_id" not in client.session


def test_only_enrolment_views_are_exempt():
    assert enrolment_view("mfa_activate_totp")
    assert enrolment_view("account_logout")
    assert not enrolment_view("start")
    assert not enrolment_view("account_change_password")
    assert not enrolment_view("admin:index")
    assert not enrolment_view("usersessions_list")


@pytest.mark.django_db
def test_a_single_sign_on_with_mfa_at_the_identity_provider_counts(client, enforced, coordinator):
    client.force_login(coordinator)
    session = client.session
    session[MFA_BY_IDP_SESSION_KEY] = True
    session.save()

    assert client.get(reverse("start")).status_code == 200


@pytest.mark.django_db
def test_a_single_sign_on_without_that_assertion_does_not(client, enforced, coordinator):
    client.force_login(coordinator)
    session = client.session
    session[MFA_BY_IDP_SESSION_KEY] = False
    session.save()

    assert client.get(reverse("start"))["Location"] == reverse("accounts:mfa_required")


@pytest.mark.django_db
def test_the_page_says_why_and_what_to_do(client, enforced, officer_eilenburg):
    client.force_login(officer_eilenburg)

    content = client.get(reverse("accounts:mfa_required")).content.decode()

    assert "Bitte richten Sie einen zweiten Faktor ein" in content
    assert "Sie verwalten eine Organisation" in content
    assert "Sie arbeiten für eine Stadtverwaltung" in content
    assert reverse("mfa_activate_totp") in content
    assert reverse("mfa_add_webauthn") in content


@pytest.mark.django_db
def test_the_page_speaks_english_too(client, enforced, coordinator):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(coordinator)

    content = client.get(reverse("accounts:mfa_required")).content.decode()

    assert "Please set up a second factor" in content
    assert "You coordinate the programme" in content


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["student_geography", "coordinator"])
def test_the_page_sends_who_needs_nothing_more_to_the_overview(client, persona, request):
    user = request.getfixturevalue(persona)
    if persona == "coordinator":
        totp_enrol(user)
    client.force_login(user)

    response = client.get(reverse("accounts:mfa_required"))

    assert response["Location"] == reverse("mfa_index")


@pytest.mark.django_db
def test_the_rule_is_off_in_the_test_settings_only(client, coordinator):
    """Production enforces it (base settings); the personas of other tests have no factor."""
    from config.settings import base

    assert base.MFA_REQUIRED_ENFORCED is True
    client.force_login(coordinator)
    assert client.get(reverse("start")).status_code == 200


# --- enrolling and signing in with a real code -------------------------------------------------


@pytest.mark.django_db
def test_a_coordinator_enrols_totp_and_then_reaches_the_platform(client, enforced, coordinator):
    signed_in = sign_in_with_password(client, coordinator)
    assert client.get(signed_in["Location"])["Location"] == reverse("accounts:mfa_required")
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    assert secret in page.content.decode()  # shown for typing in

    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert has_second_factor(coordinator)
    codes = client.get(response["Location"])
    assert len(codes.context["unused_codes"]) == 10
    assert client.get(reverse("start")).status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_does_not_enrol(client, enforced, coordinator):
    sign_in_recently(client, coordinator)
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not has_second_factor(coordinator)


@pytest.mark.django_db
def test_sign_in_asks_for_the_code_and_accepts_a_real_one(client, enforced, coordinator):
    secret = totp_enrol(coordinator)

    first = sign_in_with_password(client, coordinator)
    assert first["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate"))
    assert "Zweiter Faktor" in page.content.decode()

    second = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert second.status_code == 302
    assert second["Location"] == reverse("start")
    assert client.get(reverse("start")).status_code == 200


@pytest.mark.django_db
def test_a_used_code_is_refused_the_second_time(client, enforced, coordinator):
    secret = totp_enrol(coordinator)
    code = current_code(secret)
    sign_in_with_password(client, coordinator)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.post(reverse("account_logout"))

    sign_in_with_password(client, coordinator)
    again = client.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == 200
    assert again.context["form"].errors["code"]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_guessing_codes_is_rate_limited(client, enforced, coordinator):
    secret = totp_enrol(coordinator)
    sign_in_with_password(client, coordinator)
    right = current_code(secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    for _ in range(5):
        client.post(reverse("mfa_authenticate"), {"code": wrong})

    response = client.post(reverse("mfa_authenticate"), {"code": right})

    assert "_auth_user_id" not in client.session
    assert "Zu viele gescheiterte Anmeldeversuche" in str(response.context["form"].errors)


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once(client, enforced, coordinator):
    totp_enrol(coordinator)
    recovery = RecoveryCodes.activate(coordinator)
    code = recovery.get_unused_codes()[0]

    sign_in_with_password(client, coordinator)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response["Location"] == reverse("start")
    client.post(reverse("account_logout"))

    sign_in_with_password(client, coordinator)
    again = client.post(reverse("mfa_authenticate"), {"code": code})
    assert "_auth_user_id" not in client.session
    assert again.context["form"].errors["code"]
    stored = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.RECOVERY_CODES)
    assert len(stored.wrap().get_unused_codes()) == 9


@pytest.mark.django_db
def test_a_person_without_a_duty_may_enable_totp(client, enforced, student_geography):
    sign_in_recently(client, student_geography)
    assert client.get(reverse("start")).status_code == 200
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret

    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert has_second_factor(student_geography)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("mfa_index") in profile
    assert reverse("usersessions_list") in profile


@pytest.mark.django_db
def test_the_overview_shows_the_factors_in_the_platform_layout(client, coordinator):
    totp_enrol(coordinator)
    RecoveryCodes.activate(coordinator)
    client.force_login(coordinator)

    content = client.get(reverse("mfa_index")).content.decode()

    assert 'data-mfa-totp="active"' in content
    assert "10 von 10 Codes sind noch übrig" in content
    assert "kern-heading-x-large" in content


def test_the_configuration_offers_every_factor():
    assert set(django_settings.MFA_SUPPORTED_TYPES) == {"totp", "webauthn", "recovery_codes"}
    # Tolerance 0: allauth remembers a used code for one period only.
    assert django_settings.MFA_TOTP_TOLERANCE == 0
    assert django_settings.MFA_TOTP_ISSUER == "Transferraum"
    assert not getattr(django_settings, "MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False)
    assert "transferraum.accounts.middleware.MfaRequiredMiddleware" in django_settings.MIDDLEWARE
    middleware = django_settings.MIDDLEWARE
    assert middleware.index("transferraum.accounts.middleware.MfaRequiredMiddleware") > (
        middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    )


@pytest.mark.django_db
def test_webauthn_registration_starts_for_localhost(client, coordinator):
    """Adding a key begins a WebAuthn registration for this site (the browser journey does the
    rest with a virtual authenticator where Chromium offers one)."""
    sign_in_recently(client, coordinator)

    response = client.get(reverse("mfa_add_webauthn"), HTTP_HOST="localhost")

    assert response.status_code == 200
    options = response.context["js_data"]["creation_options"]["publicKey"]
    assert options["rp"]["id"] == "localhost"
    assert options["user"]["name"] == coordinator.email


def test_the_deploy_check_warns_when_the_rule_is_off(settings):
    from transferraum.accounts.checks import mfa_required_check

    settings.MFA_REQUIRED_ENFORCED = True
    assert mfa_required_check(None) == []
    settings.MFA_REQUIRED_ENFORCED = False
    assert [message.id for message in mfa_required_check(None)] == ["accounts.W001"]
