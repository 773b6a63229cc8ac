from django.urls import path

from transferraum.places import views

app_name = "places"

urlpatterns = [
    path("orte/", views.places, name="places"),
    path("buchungen/", views.my_bookings, name="my-bookings"),
    path("buchungen/<int:pk>/stornieren/", views.booking_cancel, name="booking-cancel"),
    path("orte/<slug:slug>/", views.place, name="place"),
    path("orte/<slug:slug>/foto/<int:pk>/", views.photo, name="photo"),
    path("orte/<slug:slug>/ressource/<int:pk>/", views.resource, name="resource"),
    path("orte/<slug:slug>/verwaltung/", views.staff_week, name="staff"),
    path("orte/<slug:slug>/verwaltung/tag/", views.staff_day, name="staff-day"),
    path(
        "orte/<slug:slug>/verwaltung/buchung/<int:pk>/<str:action>/",
        views.staff_decide,
        name="staff-decide",
    ),
    path("orte/<slug:slug>/verwaltung/sperren/", views.staff_block, name="staff-block"),
    path("orte/<slug:slug>/verwaltung/schulung/", views.staff_training, name="staff-training"),
    path("orte/<slug:slug>/nutzung/", views.usage, name="usage"),
]
