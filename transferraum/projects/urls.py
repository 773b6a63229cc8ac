"""URLs of rounds, projects, applications, the allocation board and the team workspace. Each
views module lists its own patterns, so that the areas stay apart."""

from transferraum.projects.views import allocation, applications, rounds, workspace

app_name = "projects"
urlpatterns = [
    *rounds.urlpatterns,
    *applications.urlpatterns,
    *allocation.urlpatterns,
    *workspace.urlpatterns,
]
