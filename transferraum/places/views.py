"""Pages of the places area: the places, a resource's week with the booking form, a person's
bookings, and the staff's week and day, decisions, blocks, trainings and usage figures."""

from __future__ import annotations

import datetime as dt
import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from transferraum.core.errors import DomainError
from transferraum.core.filters import Filters
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.listing import listing
from transferraum.indicators.charts import bar_chart
from transferraum.places import calendar, figures, services
from transferraum.places.forms import BlockForm, BookingForm, RefuseForm, TrainingForm
from transferraum.places.models import Booking
from transferraum.places.permissions import can_book, can_cancel, is_place_staff
from transferraum.places.selectors import (
    bookings_for_person,
    monday_of,
    place_bookings,
    place_for_staff,
    place_for_viewer,
    places_for_viewer,
    resource_for_viewer,
    resource_week,
)


@require_safe
def places(request: HttpRequest) -> HttpResponse:
    page = listing(
        request,
        places_for_viewer(request.user),
        Filters.from_query(request.GET),
        url=reverse("places:places"),
        per_page=20,
        name="places",
    )
    return render(request, "places/places.html", page.context)


@require_safe
def place(request: HttpRequest, slug: str) -> HttpResponse:
    place = place_for_viewer(request.user, slug)
    today = timezone.localdate()
    spans = calendar.spans_between(place, today, today + dt.timedelta(days=6))
    week = [(day, spans[day], calendar.holiday_name(place.state, day)) for day in sorted(spans)]
    return render(
        request,
        "places/place.html",
        {
            "place": place,
            "hours": place.hours.all(),
            "week": week,
            "resources": place.resources.select_related("training").order_by("name", "pk"),
            "photos": place.photos.all(),
            "is_staff": is_place_staff(request.user, place),
        },
    )


@require_safe
def photo(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    place = place_for_viewer(request.user, slug)
    picture = get_object_or_404(place.photos, pk=pk)
    try:
        handle = picture.image.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=mimetypes.guess_type(picture.image.name)[0])
    response["X-Content-Type-Options"] = "nosniff"
    return response


def resource(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A resource's week of free and busy times (htmx week navigation) and the booking form."""
    place = place_for_viewer(request.user, slug)
    item = resource_for_viewer(request.user, place, pk)
    staff = is_place_staff(request.user, place)
    monday = monday_of(request.GET.get("woche"))
    context: dict[str, Any] = {"place": place, "resource": item, "is_staff": staff}
    form = None
    if request.user.is_authenticated:
        if request.method == "POST":
            form = BookingForm(request.POST, staff=staff, place=place)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    created = services.booking_create(
                        actor=request.user,
                        resource=item,
                        starts_at=data["starts_at"],
                        ends_at=data["ends_at"],
                        weeks=data["weeks"],
                        only_free=data.get("only_free") == "yes",
                        person=data.get("person"),
                        team=data.get("team"),
                        note=data.get("note", ""),
                        override_reason=data.get("override_reason", ""),
                    )
                except services.SeriesConflict as conflict:
                    conflict.attach_to(form)
                    context["series_dates"] = conflict.dates
                except services.BookingRefused as refusal:
                    refusal.attach_to(form)
                    context["free_times"] = refusal.free
                except DomainError as error:
                    error.attach_to(form)
                else:
                    messages.success(
                        request,
                        _("Booked: %(count)s date(s). A confirmation is on its way by e-mail.")
                        % {"count": len(created)},
                    )
                    return redirect(reverse("places:my-bookings"))
            monday = monday_of(request.POST.get("date"))
        elif request.method == "GET":
            form = BookingForm(staff=staff, place=place, initial={"weeks": 1})
        else:
            return HttpResponse(status=405)
    elif request.method != "GET":
        return redirect(f"{reverse('account_login')}?next={request.path}")
    context.update(
        form=form,
        may_book=can_book(request.user, item),
        week=resource_week(item, monday, request.user),
    )
    status = 400 if form is not None and form.is_bound else 200
    return render_page_or_partial(
        request,
        "places/resource.html",
        "week",
        context,
        status=status,
        push_url=f"{item.get_absolute_url()}?woche={monday.isoformat()}",
    )


@login_required
@require_safe
def my_bookings(request: HttpRequest) -> HttpResponse:
    page = listing(
        request,
        bookings_for_person(request.user),  # type: ignore[arg-type]
        Filters.from_query(request.GET),
        url=reverse("places:my-bookings"),
        per_page=20,
        name="bookings",
        capped=False,
    )
    page.context["now"] = timezone.now()
    return render(request, "places/my_bookings.html", page.context)


@login_required
@require_POST
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(Booking.objects.select_related("resource__place"), pk=pk)
    if not can_cancel(request.user, booking):
        raise Http404
    try:
        services.booking_cancel(actor=request.user, booking=booking)  # type: ignore[arg-type]
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The booking is cancelled."))
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("places:my-bookings")


# --- staff ------------------------------------------------------------------------------------


def _staff_context(request: HttpRequest, place: Any) -> dict[str, Any]:
    return {
        "place": place,
        "refuse_form": RefuseForm(),
        "block_form": BlockForm(place=place),
        "training_form": TrainingForm(place=place),
        "trainings": place.trainings.prefetch_related("passed__user").order_by("name"),
    }


@login_required
@require_safe
def staff_week(request: HttpRequest, slug: str) -> HttpResponse:
    """Every resource of the place, day by day through a week, with what waits for a decision."""
    place = place_for_staff(request.user, slug)
    monday = monday_of(request.GET.get("woche"))
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    bookings = list(place_bookings(place, days[0], days[-1]))
    resources = list(place.resources.order_by("name", "pk"))
    grid = [
        (
            resource,
            [
                [
                    b
                    for b in bookings
                    if b.resource_id == resource.pk and calendar.local(b.starts_at).date() == day
                ]
                for day in days
            ],
        )
        for resource in resources
    ]
    context = _staff_context(request, place)
    context.update(
        monday=monday,
        days=days,
        grid=grid,
        previous=monday - dt.timedelta(days=7),
        next=monday + dt.timedelta(days=7),
        waiting=[b for b in bookings if b.status == Booking.Status.REQUESTED],
    )
    return render_page_or_partial(
        request,
        "places/staff_week.html",
        "week",
        context,
        push_url=f"{reverse('places:staff', args=[place.slug])}?woche={monday.isoformat()}",
    )


@login_required
@require_safe
def staff_day(request: HttpRequest, slug: str) -> HttpResponse:
    place = place_for_staff(request.user, slug)
    try:
        day = dt.date.fromisoformat(request.GET.get("tag", ""))
    except ValueError:
        day = timezone.localdate()
    if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 1, 1):
        day = timezone.localdate()
    bookings = list(place_bookings(place, day, day))
    resources = [
        (resource, [b for b in bookings if b.resource_id == resource.pk])
        for resource in place.resources.order_by("name", "pk")
    ]
    context = _staff_context(request, place)
    context.update(
        day=day,
        resources=resources,
        previous=day - dt.timedelta(days=1),
        next=day + dt.timedelta(days=1),
        spans=calendar.spans_of(place, day),
    )
    return render(request, "places/staff_day.html", context)


@login_required
@require_POST
def staff_decide(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    place = place_for_staff(request.user, slug)
    booking = get_object_or_404(Booking.objects.filter(resource__place=place), pk=pk)
    if action not in ("confirm", "refuse", "no-show"):
        raise Http404
    try:
        if action == "confirm":
            services.booking_confirm(actor=request.user, booking=booking)  # type: ignore[arg-type]
            messages.success(request, _("The booking is confirmed."))
        elif action == "refuse":
            form = RefuseForm(request.POST)
            if not form.is_valid():
                raise DomainError(_("Please give a reason."))
            services.booking_refuse(
                actor=request.user,  # type: ignore[arg-type]
                booking=booking,
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The booking is refused."))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(reverse("places:staff", args=[place.slug]) + f"?woche={_monday(booking)}")


def _monday(booking: Booking) -> str:
    day = calendar.local(booking.starts_at).date()
    return (day - dt.timedelta(days=day.weekday())).isoformat()


@login_required
@require_POST
def staff_block(request: HttpRequest, slug: str) -> HttpResponse:
    place = place_for_staff(request.user, slug)
    form = BlockForm(request.POST, place=place)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.booking_block(
                actor=request.user,  # type: ignore[arg-type]
                resource=data["resource"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                reason=data["reason"],
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The time is blocked."))
            return redirect(
                reverse("places:staff", args=[place.slug]) + f"?woche={data['date'].isoformat()}"
            )
    context = _staff_context(request, place)
    context["block_form"] = form
    return render(request, "places/staff_forms.html", context, status=400)


@login_required
@require_POST
def staff_training(request: HttpRequest, slug: str) -> HttpResponse:
    place = place_for_staff(request.user, slug)
    form = TrainingForm(request.POST, place=place)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.qualification_record(
                actor=request.user,  # type: ignore[arg-type]
                training=data["training"],
                person=data["person"],
                passed_on=data.get("passed_on"),
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request,
                _("%(person)s passed “%(training)s”.")
                % {
                    "person": data["person"].name or data["person"].email,
                    "training": data["training"],
                },
            )
            return redirect("places:staff", slug=place.slug)
    context = _staff_context(request, place)
    context["training_form"] = form
    return render(request, "places/staff_forms.html", context, status=400)


@login_required
@require_safe
def usage(request: HttpRequest, slug: str) -> HttpResponse:
    """Usage per month and resource: a chart of the place's booked hours and the table."""
    place = place_for_staff(request.user, slug)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("jahr", today.year))
    except ValueError:
        year = today.year
    if not 2000 <= year <= 2100:
        year = today.year
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    totals = figures.month_totals(place, first, last)
    rows = figures.usage(place, first, last)
    chart = bar_chart(
        [
            (
                date_format(total.month, "YEAR_MONTH_FORMAT"),
                total.booked_hours,
                number_format(total.booked_hours, decimal_pos=1),
            )
            for total in totals
        ]
    )
    return render(
        request,
        "places/usage.html",
        {
            "place": place,
            "year": year,
            "totals": totals,
            "rows": [row for row in rows if row.booked_hours or row.open_hours],
            "chart": chart,
            "kinds": Booking.PersonKind.choices,
            "previous": year - 1,
            "next": year + 1,
        },
    )
