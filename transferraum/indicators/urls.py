from django.urls import path

from transferraum.indicators import views

app_name = "indicators"

urlpatterns = [
    path("kennzahlen/", views.public, name="public"),
    path("kennzahlen/csv/", views.public_csv, name="public-csv"),
    path("kennzahlen/auswertung/", views.dashboard, name="dashboard"),
    path("kennzahlen/auswertung/csv/", views.dashboard_csv, name="dashboard-csv"),
    path("kennzahlen/auswertung/<slug:key>/", views.records, name="records"),
    path("kennzahlen/wirkungsbericht/<str:ags>/<int:year>/", views.report_page, name="report"),
    path(
        "kennzahlen/wirkungsbericht/<str:ags>/<int:year>/pdf/",
        views.report_pdf,
        name="report-pdf",
    ),
]
