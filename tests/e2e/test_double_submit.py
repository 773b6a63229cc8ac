"""A double click on "Save draft" of the new-challenge form creates one challenge: with the
site's script the second click is ignored and the button says that the form is being sent;
without it, a form that reaches the server twice is kept to one by its one-time key
(core.formkeys)."""

import re

import pytest
from playwright.sync_api import Page, Request, expect

from transferraum.challenges.models import Challenge
from transferraum.regions.services import region_load_reference

from .helpers import de, log_in

TITLE = "Leerstände am Eilenburger Marktplatz"


@pytest.fixture
def programme(transactional_db, officer_eilenburg):
    region_load_reference()


def _open_new_challenge_form(page: Page) -> None:
    log_in(page, "wirtschaft@eilenburg.example")
    page.goto("/herausforderungen/meine/")
    page.get_by_role("link", name=re.compile("Stadtverwaltung Eilenburg")).click()
    page.get_by_label(re.compile(f"^{de('Title')}", re.I)).fill(TITLE)


def test_a_double_click_creates_one_challenge(page: Page, check_a11y, programme):
    _open_new_challenge_form(page)

    page.get_by_role("button", name=de("Save draft")).dblclick()

    expect(page.get_by_text(de("Your draft has been saved."))).to_be_visible()
    check_a11y(page)
    assert Challenge.objects.filter(title=TITLE).count() == 1


def test_without_javascript_a_form_sent_again_creates_one_challenge(open_page, programme):
    page = open_page(java_script_enabled=False)
    _open_new_challenge_form(page)
    posts: list[Request] = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)

    page.get_by_role("button", name=de("Save draft")).click()
    expect(page.get_by_text(de("Your draft has been saved."))).to_be_visible()
    # The browser sends the same form again (a retry after a lost answer, a second click
    # that got through): the same body, with the same one-time key.
    first = posts[0]
    again = page.request.post(
        first.url,
        headers={"Content-Type": first.headers["content-type"]},
        data=first.post_data_buffer,
        max_redirects=0,
    )

    assert again.status == 302
    assert again.headers["x-form-key"] == "replayed"
    assert page.url.endswith(again.headers["location"])  # the edit page of the first send
    assert Challenge.objects.filter(title=TITLE).count() == 1


def test_the_button_says_that_the_form_is_being_sent(page: Page, check_a11y, programme):
    _open_new_challenge_form(page)
    button = page.get_by_role("button", name=de("Save draft"))
    form = page.locator("form:has(button[name=intent])")
    # Hold the form back (as a slow server would) to look at the state while it is sent.
    button.evaluate(
        """(button) => {
          window.sent = 0;
          button.form.addEventListener("submit", (event) => {
            window.sent += 1;
            event.preventDefault();
          });
        }"""
    )

    button.click()

    sending = page.get_by_role("button", name=de("Sending …"))
    expect(sending).to_have_attribute("aria-disabled", "true")
    expect(form).to_have_attribute("aria-busy", "true")
    expect(form.get_by_role("status")).to_have_text(de("Sending …"))
    check_a11y(page)
    sending.click(force=True)
    page.keyboard.press("Enter")
    assert page.evaluate("window.sent") == 1

    # Back from the next page (the back-forward cache): the button works again.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(button).not_to_have_attribute("aria-disabled", "true")
    expect(form).not_to_have_attribute("aria-busy", "true")
    button.click()
    assert page.evaluate("window.sent") == 2
