"""A student signs in through her university's identity provider: a real SAML IdP (pysaml2,
signing with xmlsec1) answers on a local port as a Shibboleth IdP would, with its own sign-in
page; the platform knows it through the production variables (metadata from a file)."""

from __future__ import annotations

import copy
import html
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.sso_settings import socialaccount_providers, sso_form_action_origins
from transferraum.accounts.tests.factories import UserFactory
from transferraum.accounts.tests.sso_idp import SLUG, UniversityIdP, acs_url, identity

from .helpers import de, open_personal_menu


def _page(title: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><main><h1>{title}</h1>{body}</main></body></html>"
    ).encode()


def _hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{name}" value="{html.escape(value)}">'


class IdPServer(ThreadingHTTPServer):
    idp: UniversityIdP
    sp_metadata_url: str


class IdPHandler(BaseHTTPRequestHandler):
    """GET /sso: the IdP's sign-in page; POST /login: the signed response, sent on to the
    platform by a form (what Shibboleth shows without JavaScript)."""

    server: IdPServer

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        form = (
            '<form method="post" action="/login">'
            + _hidden("SAMLRequest", query["SAMLRequest"][0])
            + _hidden("RelayState", query.get("RelayState", [""])[0])
            + '<label for="u">Benutzername</label><input id="u" name="username">'
            + '<button type="submit">Bei der Universität anmelden</button></form>'
        )
        self._answer(_page("Universität Test – Anmeldung", form))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        saml_request = form["SAMLRequest"][0]
        with urllib.request.urlopen(self.server.sp_metadata_url) as answer:  # noqa: S310
            sp_metadata = answer.read().decode()
        # The user name "ohne-signatur" makes this IdP forget to sign (to show a refusal).
        saml_response = self.server.idp.respond(
            sp_metadata=sp_metadata,
            saml_request=saml_request,
            attributes=identity(name="Lena Student", email="lena.student@uni-test.example"),
            sign_assertion=form.get("username", [""])[0] != "ohne-signatur",
        )
        body = (
            f'<form method="post" action="{html.escape(acs_url(saml_request))}">'
            + _hidden("SAMLResponse", saml_response)
            + _hidden("RelayState", form.get("RelayState", [""])[0])
            + '<button type="submit">Weiter zum Dienst</button></form>'
        )
        self._answer(_page("Universität Test – Weiterleitung", body))


@pytest.fixture
def university(transactional_db, live_server, settings, monkeypatch) -> Iterator[UniversityIdP]:
    server = IdPServer(("127.0.0.1", 0), IdPHandler)
    idp = UniversityIdP.create(sso_url=f"http://127.0.0.1:{server.server_port}/sso")
    server.idp = idp
    server.sp_metadata_url = f"{live_server.url}/konto/saml/{SLUG}/metadata/"
    for name, value in idp.environment().items():
        monkeypatch.setenv(name, value)
    # A second university, so that the sign-in goes through the discovery page.
    monkeypatch.setenv("SAML_IDPS", f"{SLUG},htwk")
    monkeypatch.setenv("SAML_HTWK_LABEL", "HTWK Leipzig")
    monkeypatch.setenv("SAML_HTWK_ENTITY_ID", "https://idp.uni-test.example/idp/shibboleth")
    monkeypatch.setenv("SAML_HTWK_METADATA_FILE", str(idp.metadata_file))
    providers = socialaccount_providers()
    for app in providers["saml"]["APPS"]:
        # The live server is "localhost"; python3-saml refuses single-label hosts by default.
        app["settings"]["advanced"]["allow_single_label_domains"] = True
    settings.SOCIALACCOUNT_PROVIDERS = providers
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] += sso_form_action_origins(providers)
    settings.CONTENT_SECURITY_POLICY = policy
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield idp
    server.shutdown()
    server.server_close()


def test_student_signs_in_through_her_university(page: Page, check_a11y, university):
    page.goto("/konto/login/")
    expect(page.get_by_role("heading", name=de("Sign in with your university"))).to_be_visible()
    check_a11y(page)
    page.get_by_role("link", name=de("Choose your university")).click()

    # The discovery page lists both universities; she searches for hers.
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Sign in with your university"))
    expect(page.get_by_role("button", name="Mit HTWK Leipzig anmelden")).to_be_visible()
    check_a11y(page)
    finder = page.get_by_role("search", name=de("Find your university"))
    finder.get_by_label(de("Name of your university")).fill("Test")
    finder.get_by_role("button", name=de("Search")).click()
    expect(page.get_by_role("button", name="Mit HTWK Leipzig anmelden")).to_have_count(0)
    check_a11y(page)
    page.get_by_role("button", name="Mit Universität Test anmelden").click()

    # At the university's own sign-in page (not ours: no accessibility check here).
    expect(page.get_by_role("heading", level=1)).to_have_text("Universität Test – Anmeldung")
    page.get_by_label("Benutzername").fill("lstudent")
    page.get_by_role("button", name="Bei der Universität anmelden").click()
    page.get_by_role("button", name="Weiter zum Dienst").click()

    # Back on the platform: signed in, on her start page, as a student.
    expect(page.get_by_role("heading", level=1)).to_have_text(de("My area"))
    expect(page.get_by_role("navigation", name="Persönliches Menü")).to_be_visible()
    check_a11y(page)
    student = User.objects.get(email="lena.student@uni-test.example")
    assert student.roles == {User.Role.STUDENT}
    assert student.name == "Lena Student"


def _through_the_university(page: Page, username: str = "lstudent") -> None:
    page.goto(f"/konto/hochschule/?q={SLUG.split('-')[0]}")
    page.get_by_role("button", name="Mit Universität Test anmelden").click()
    page.get_by_label("Benutzername").fill(username)
    page.get_by_role("button", name="Bei der Universität anmelden").click()
    page.get_by_role("button", name="Weiter zum Dienst").click()


def test_existing_account_is_joined_after_the_e_mail_link(page: Page, check_a11y, university):
    person = UserFactory(email="lena.student@uni-test.example", name="Lena Student")
    _through_the_university(page)

    # Her address belongs to an account already: nothing is joined before she proves it.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        de("Please confirm your e-mail address")
    )
    check_a11y(page)
    assert not SocialAccount.objects.exists()
    (message,) = mail.outbox
    link = next(line.strip() for line in message.body.splitlines() if "/verbinden/" in line)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Connect your university login"))
    check_a11y(page)
    page.get_by_role("button", name=de("Connect and sign in")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(de("My area"))
    assert SocialAccount.objects.get().user == person

    # Her connections page lists the university login.
    page.goto("/konto/social/connections/")
    expect(page.get_by_text("Universität Test").first).to_be_visible()
    check_a11y(page)
    open_personal_menu(page)


def test_unsigned_answer_is_refused_with_a_message(page: Page, check_a11y, university):
    _through_the_university(page, username="ohne-signatur")
    expect(page.get_by_role("heading", level=1)).to_have_text(de("Sign-in not possible"))
    expect(page.get_by_role("alert")).to_contain_text("Signatur")
    check_a11y(page)
    assert not User.objects.exists()
