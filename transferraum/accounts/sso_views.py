"""Pages of single sign-on: choosing one's university (discovery) and joining a university
login to an existing account after the e-mail link."""

from __future__ import annotations

from allauth.account.utils import perform_login
from allauth.socialaccount.adapter import get_adapter
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from transferraum.accounts.sso import SsoError, sso_link_complete, sso_providers


def _next_url(request: HttpRequest) -> str:
    candidate = request.GET.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@require_GET
def sso_discovery(request: HttpRequest) -> HttpResponse:
    """Every configured identity provider, searchable by name; each is a button that starts
    the sign-in there."""
    query = request.GET.get("q", "").strip()[:100]
    providers = sso_providers(get_adapter().list_providers(request), query=query)
    return render(
        request,
        "accounts/sso_discovery.html",
        {
            "providers": providers,
            "query": query,
            "next_url": _next_url(request),
        },
    )


@require_GET
def sso_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/sso_link_sent.html")


@require_http_methods(["GET", "POST"])
def sso_link_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will happen (a read never writes); POST joins the university login to
    the account the link was sent for and signs the person in."""
    if request.method != "POST":
        return render(request, "accounts/sso_link_confirm.html", {"token": token})
    try:
        sociallogin = sso_link_complete(request=request, token=token)
    except SsoError as error:
        return render(
            request, "accounts/sso_link_confirm.html", {"error": error.message}, status=400
        )
    response: HttpResponse = perform_login(
        request,
        sociallogin.user,
        email_verification="none",
        redirect_url=sociallogin.get_redirect_url(request),
        signal_kwargs={"sociallogin": sociallogin},
    )
    return response
