from django.urls import path

from transferraum.network import views

app_name = "network"
urlpatterns = [
    path("netzwerk/", views.graph_page, name="graph"),
    path("netzwerk/daten.json", views.graph_data, name="graph-data"),
]
