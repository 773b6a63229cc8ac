from django.urls import path

from transferraum.actors import views

app_name = "actors"
urlpatterns = [
    path("organisationen/", views.organisation_list, name="organisations"),
    path("organisationen/neu/", views.organisation_new, name="new"),
    path("organisationen/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisationen/<slug:slug>/verwaltung/", views.organisation_manage, name="manage"),
    path(
        "organisationen/<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path("organisationen/<slug:slug>/bearbeiten/", views.organisation_edit, name="edit"),
    path(
        "organisationen/<slug:slug>/angebote-und-bedarfe/",
        views.listing_create,
        name="listing-create",
    ),
    path(
        "organisationen/<slug:slug>/angebote-und-bedarfe/<int:pk>/entfernen/",
        views.listing_delete,
        name="listing-delete",
    ),
    path(
        "organisationen/<slug:slug>/beitreten/", views.membership_request, name="membership-request"
    ),
    path(
        "organisationen/<slug:slug>/beitrittsanfragen/<int:pk>/",
        views.membership_request_decide,
        name="membership-request-decide",
    ),
    path(
        "beitrittsanfragen/<int:pk>/zurueckziehen/",
        views.membership_request_withdraw_view,
        name="membership-request-withdraw",
    ),
    path("einladung/<str:token>/", views.invitation_respond, name="invitation"),
    path("einladungen/<int:pk>/", views.invitation_addressee_respond, name="invitation-addressee"),
    path("organisationen/<slug:slug>/logo/", views.organisation_logo, name="logo"),
    path("personen/<int:pk>/", views.person_detail, name="person"),
    path("personen/<int:pk>/foto/", views.person_photo, name="photo"),
    path("profil/bearbeiten/", views.profile_edit, name="profile-edit"),
    path("kompetenzen/", views.competence_curation, name="competences"),
    path("kompetenzen/suche/", views.competence_search, name="competence-search"),
]
