from django.urls import path

from transferraum.actors import views

app_name = "actors"
urlpatterns = [
    path("organisationen/", views.organisation_list, name="organisations"),
    path("organisationen/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisationen/<slug:slug>/verwaltung/", views.organisation_manage, name="manage"),
    path(
        "organisationen/<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path("einladung/<str:token>/", views.invitation_respond, name="invitation"),
]
