from django.urls import path

from transferraum.ventures import views

app_name = "ventures"

urlpatterns = [
    path("gruendungen/", views.directory, name="directory"),
    path("gruendungen/meine/", views.mine, name="mine"),
    path("gruendungen/neu/", views.create, name="create"),
    path("gruendungen/pipeline/", views.pipeline, name="pipeline"),
    path("gruendungen/foerderprogramme/", views.programmes, name="programmes"),
    path("gruendungen/<int:pk>/", views.detail, name="detail"),
    path("gruendungen/<int:pk>/bearbeiten/", views.edit, name="edit"),
    path("gruendungen/<int:pk>/logo/", views.logo, name="logo"),
    path("gruendungen/<int:pk>/profil/", views.publish, name="publish"),
    path("gruendungen/<int:pk>/stufe/", views.gate, name="gate"),
    path("gruendungen/<int:pk>/nachweis/", views.evidence, name="evidence"),
    path(
        "gruendungen/<int:pk>/nachweis/<int:evidence_pk>/",
        views.evidence_download,
        name="evidence-download",
    ),
    path("gruendungen/<int:pk>/team/", views.invite, name="invite"),
    path("gruendungen/<int:pk>/einladung/", views.invitation_answer, name="invitation-answer"),
    path("gruendungen/<int:pk>/antrag/", views.apply, name="apply"),
    path(
        "gruendungen/<int:pk>/antrag/<int:application_pk>/",
        views.application_outcome,
        name="application-outcome",
    ),
    path("gruendungen/<int:pk>/mentoring/", views.mentor_ask, name="mentor-ask"),
    path("gruendungen/<int:pk>/mentoring/antwort/", views.mentor_answer, name="mentor-answer"),
]
