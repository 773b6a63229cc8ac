from django.urls import path

from transferraum.accounts import views

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
    path("rollenanfragen/<int:pk>/", views.role_request_decide, name="role_request_decide"),
]
