from django.urls import path

from transferraum.talent import views

app_name = "talent"

urlpatterns = [
    path("probewohnen/", views.calls, name="calls"),
    path("probewohnen/neu/", views.call_new, name="call-new"),
    path("probewohnen/<int:pk>/", views.call_detail, name="call"),
    path("probewohnen/<int:pk>/schritt/<str:step>/", views.call_step, name="call-step"),
    path("probewohnen/bewerbung/<int:pk>/", views.application_detail, name="application"),
    path(
        "probewohnen/bewerbung/<int:pk>/schritt/<str:step>/",
        views.application_step,
        name="application-step",
    ),
    path("talente/", views.pool_start, name="pool-start"),
    path("talente/<slug:slug>/", views.pool_list, name="pool"),
    path("talente/<slug:slug>/export.csv", views.pool_export, name="pool-export"),
    path("talente/<slug:slug>/profil/<int:pk>/", views.pool_profile, name="pool-profile"),
    path("talente/<slug:slug>/kontakte/", views.contacts, name="contacts"),
    path("mein-bereich/talentprofil/", views.profile, name="profile"),
    path("mein-bereich/talentprofil/nachrichten/", views.inbox, name="inbox"),
    path(
        "mein-bereich/talentprofil/nachrichten/<int:pk>/",
        views.contact_answer,
        name="contact-answer",
    ),
    path("mein-bereich/mein-weg/", views.journey, name="journey"),
    path("rueckfrage/<str:token>/", views.follow_up, name="follow-up"),
    path("wege/", views.funnel, name="funnel"),
]
