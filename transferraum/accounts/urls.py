from django.urls import path

from transferraum.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("sprache/", views.switch_language, name="language"),
]
