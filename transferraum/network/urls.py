from django.urls import path

from transferraum.network import views

app_name = "network"
urlpatterns = [
    path("netzwerk/", views.graph_page, name="graph"),
    path("netzwerk/daten.json", views.graph_data, name="graph-data"),
    path("verzeichnis/", views.directory, name="directory"),
    path("verzeichnis/karte/", views.directory_map, name="map"),
    path("verzeichnis/karte.json", views.directory_map_data, name="map-data"),
]
