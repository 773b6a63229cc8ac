from django.urls import path

from transferraum.accounts import sso_views, views

app_name = "accounts"
urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("sprache/", views.switch_language, name="language"),
    path("rolle/", views.role_request, name="role_request"),
    path(
        "rolle/<int:pk>/zurueckziehen/",
        views.role_request_withdraw_view,
        name="role_request_withdraw",
    ),
    path("zweiter-faktor/noetig/", views.mfa_required_page, name="mfa_required"),
    path("sitzungen/<int:pk>/abmelden/", views.session_end, name="session_end"),
    path("rollenanfragen/", views.role_requests, name="role_requests"),
    path("personen/<int:pk>/rollen/", views.person_roles, name="person_roles"),
    path("meine-daten/", views.my_data, name="my_data"),
    path("meine-daten/export/", views.data_export_request_view, name="data_export_request"),
    path(
        "meine-daten/export/<int:pk>/",
        views.data_export_download,
        name="data_export_download",
    ),
    path("konto-loeschen/", views.account_delete, name="account_delete"),
    path(
        "verarbeitungsverzeichnis/",
        views.processing_record_view,
        name="processing_record",
    ),
    path("rollenanfragen/<int:pk>/", views.role_request_decide, name="role_request_decide"),
    # Single sign-on (docs/sso.md); allauth's own SAML/OIDC routes live under /konto/saml/ etc.
    path("hochschule/", sso_views.sso_discovery, name="sso_discovery"),
    path("hochschule/verbinden/", sso_views.sso_link_sent, name="sso_link_sent"),
    path("hochschule/verbinden/<str:token>/", sso_views.sso_link_confirm, name="sso_link_confirm"),
]
