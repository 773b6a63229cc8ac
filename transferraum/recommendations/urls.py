"""URLs of recommendations: the tracker, writing, one recommendation with its steps, and the
transfer dossier. Each views module lists its own patterns."""

from transferraum.recommendations.views import detail, dossier, tracker, write

app_name = "recommendations"
urlpatterns = [
    *tracker.urlpatterns,
    *write.urlpatterns,
    *dossier.urlpatterns,
    *detail.urlpatterns,
]
