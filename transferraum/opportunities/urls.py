from django.urls import path

from transferraum.opportunities import views

app_name = "opportunities"
urlpatterns = [
    path("chancen/", views.feed, name="feed"),
    path("chancen/feed.atom", views.OpportunityFeed(), name="atom"),
    path("chancen/neu/", views.create, name="new"),
    path("chancen/unsere/", views.ours, name="ours"),
    path("chancen/pruefung/", views.queue, name="queue"),
    path("chancen/suchen/", views.searches, name="searches"),
    path("chancen/suchen/<int:pk>/loeschen/", views.search_delete, name="search-delete"),
    path("chancen/<int:pk>/", views.detail, name="detail"),
    path("chancen/<int:pk>/bearbeiten/", views.edit, name="edit"),
    path("chancen/<int:pk>/aktion/", views.act, name="act"),
    path("chancen/<int:pk>/bewerben/", views.apply, name="apply"),
    path("chancen/<int:pk>/bewerbungen/", views.applications, name="applications"),
    path("chancen/organisation/<slug:slug>/verifizieren/", views.verify, name="verify"),
    path("bewerbungen/", views.mine, name="mine"),
    path("bewerbungen/<int:pk>/", views.application, name="application"),
    path("bewerbungen/<int:pk>/aktion/", views.application_act, name="application-act"),
    path("bewerbungen/<int:pk>/lebenslauf/", views.cv, name="cv"),
    path("willkommen/<str:ags>/", views.welcome, name="welcome"),
    path("willkommen/<str:ags>/kontakte/neu/", views.contact_edit, name="contact-new"),
    path("willkommen/<str:ags>/kontakte/<int:pk>/", views.contact_edit, name="contact-edit"),
    path(
        "willkommen/<str:ags>/kontakte/<int:pk>/entfernen/",
        views.contact_delete,
        name="contact-delete",
    ),
]
