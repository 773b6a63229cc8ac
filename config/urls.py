from django.contrib import admin
from django.urls import include, path

from transferraum.core import views as core_views

urlpatterns = [
    path(
        "impressum/",
        core_views.legal_page,
        {"template": "core/impressum.html"},
        name="impressum",
    ),
    path(
        "datenschutz/",
        core_views.legal_page,
        {"template": "core/privacy.html"},
        name="privacy",
    ),
    path(
        "barrierefreiheit/",
        core_views.legal_page,
        {"template": "core/accessibility.html"},
        name="accessibility",
    ),
    path("mein-bereich/", core_views.start, name="start"),
    path("suche/", core_views.search, name="search"),
    path("_layout/", core_views.layout, name="layout"),  # BENCH_MODE only, else 404
    path("konto/", include("allauth.urls")),
    path("konto/", include("transferraum.accounts.urls")),
    path("", include("transferraum.regions.urls")),
    path("", include("transferraum.actors.urls")),
    path("", include("transferraum.challenges.urls")),
    path("", include("transferraum.projects.urls")),
    path("", include("transferraum.recommendations.urls")),
    path("", include("transferraum.research.urls")),
    path("", include("transferraum.places.urls")),
    path("", include("transferraum.ventures.urls")),
    path("", include("transferraum.opportunities.urls")),
    path("", include("transferraum.talent.urls")),
    path("", include("transferraum.network.urls")),
    path("", include("transferraum.indicators.urls")),
    path("", include("transferraum.notifications.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "transferraum.core.views.error_400"
handler403 = "transferraum.core.views.error_403"
handler404 = "transferraum.core.views.error_404"
handler500 = "transferraum.core.views.error_500"
