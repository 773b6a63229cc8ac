from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.core.filters import Filters
from transferraum.core.htmx import wants_partial
from transferraum.core.listing import listing
from transferraum.notifications import services
from transferraum.notifications.forms import PreferencesForm
from transferraum.notifications.kinds import kind_get, kinds_for
from transferraum.notifications.models import Preference

PAGE_SIZE = 20


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's notifications, newest first, unread ones marked."""
    found = listing(
        request,
        request.user.notifications.all(),
        Filters.from_query(request.GET),
        url=reverse("notifications:list"),
        per_page=PAGE_SIZE,
        capped=False,  # one person's notifications
    )
    for notification in found.page:
        notification.kind_label = kind_get(notification.kind).label
    return render(
        request,
        "notifications/notification_list.html",
        found.context | {"unread": request.user.notifications.unread().exists()},
    )


def _back(request: HttpRequest) -> HttpResponseRedirect:
    """Back to the page of the list the button was on."""
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("notifications:list")
    return HttpResponseRedirect(next_url)


@login_required
@require_POST
def mark_read(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark one of the person's notifications as read; htmx swaps the item in place."""
    notification = get_object_or_404(request.user.notifications, pk=pk)
    services.notification_mark_read(user=request.user, notification=notification)
    if wants_partial(request):
        notification.kind_label = kind_get(notification.kind).label  # type: ignore[attr-defined]
        item = render_to_string(
            "notifications/notification_list.html#item", {"notification": notification}, request
        )
        # The bell in the header counts one fewer: htmx swaps it out of band.
        bell = render_to_string("components/notification_bell.html", {"oob": True}, request)
        return HttpResponse(item + bell)
    return _back(request)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One choice per kind: at once, in the daily digest, only in the platform."""
    kinds = kinds_for(request.user)
    chosen = dict(Preference.objects.filter(user=request.user).values_list("kind", "delivery"))
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        kinds=kinds,
        initial_choices=chosen,
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_set(user=request.user, choices=form.choices_chosen())
        messages.success(request, _("Your choices have been saved."))
        return HttpResponseRedirect(reverse("notifications:preferences"))
    return render(request, "notifications/preferences.html", {"form": form})


# Mail programs POST here on "unsubscribe" without a session or CSRF token (RFC 8058); the
# signed token in the address is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (a link checker must not unsubscribe anyone); POST switches
    the kind to "only in the platform". Needs no sign-in; a used token says so."""
    try:
        if request.method == "POST":
            found = services.unsubscribe_confirm(token=token)
            state = "already" if found.done else "done"
        else:
            found = services.unsubscribe_read(token)
            state = "already" if found.done else "ask"
    except services.UnsubscribeTokenInvalid as error:
        raise Http404(_("This unsubscribe link is not valid.")) from error
    return render(
        request,
        "notifications/unsubscribe.html",
        {"found": found, "state": state, "token": token},
    )
