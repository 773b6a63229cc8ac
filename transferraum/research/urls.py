from django.urls import path

from transferraum.research import views

app_name = "research"

urlpatterns = [
    path("befragung/<str:token>/", views.answer, name="answer"),
    path("meine-studien/", views.my_studies, name="my-studies"),
    path("forschung/", views.studies, name="studies"),
    path("forschung/neu/", views.study_new, name="study-new"),
    path("forschung/<int:pk>/", views.study, name="study"),
    path("forschung/<int:pk>/export/<str:kind>.csv", views.export, name="export"),
    path("forschung/<int:pk>/export/<str:kind>.zip", views.export_zip, name="export-zip"),
    path("forschung/<int:pk>/haeufigkeiten/", views.frequencies, name="frequencies"),
    path("forschung/umfrage/<int:pk>/", views.survey, name="survey"),
    path("forschung/umfrage/<int:pk>/vorschau/", views.preview, name="preview"),
    path("forschung/seite/<int:pk>/bearbeiten/", views.page_edit, name="page-edit"),
    path("forschung/frage/<int:pk>/bearbeiten/", views.question_edit, name="question-edit"),
    path(
        "forschung/baustein/<str:part>/<int:pk>/<str:step>/",
        views.builder_step,
        name="builder-step",
    ),
    path("forschung/welle/<int:pk>/<str:step>/", views.wave_step, name="wave-step"),
]
