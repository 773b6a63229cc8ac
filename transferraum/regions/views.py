from __future__ import annotations

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from transferraum.regions.models import District
from transferraum.regions.selectors import programme_current, region_geojson


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The programme's front page: what it is, its towns, and the map of the region."""
    programme = programme_current()
    return render(
        request,
        "regions/home.html",
        {
            "programme": programme,
            "partner_towns": programme.partner_towns.all() if programme else [],
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@require_safe
def region(request: HttpRequest) -> HttpResponse:
    programme = programme_current()
    if programme is None:
        raise Http404("The region reference data has not been loaded.")
    districts = programme.districts.annotate(municipality_count=Count("municipalities")).order_by(
        "name"
    )
    return render(
        request,
        "regions/region.html",
        {
            "programme": programme,
            "districts": districts,
            "partner_towns": programme.partner_towns.all(),
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "other_districts": District.objects.exclude(pk__in=[d.pk for d in districts]),
        },
    )


@require_safe
def region_map_data(request: HttpRequest) -> JsonResponse:
    programme = programme_current()
    if programme is None:
        raise Http404("The region reference data has not been loaded.")
    response = JsonResponse(region_geojson(programme))
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def data_sources(request: HttpRequest) -> HttpResponse:
    return render(request, "regions/data_sources.html")
