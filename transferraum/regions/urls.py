from django.urls import path

from transferraum.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.home, name="home"),
    path("region/", views.region, name="region"),
    path("region/karte.geojson", views.region_map_data, name="map-data"),
    path("datenquellen/", views.data_sources, name="data-sources"),
]
