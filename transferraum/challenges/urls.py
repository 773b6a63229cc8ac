from django.urls import path

from transferraum.challenges.views import public, review, submit

app_name = "challenges"
urlpatterns = [
    # public board, detail, following, feed, catalogue (views/public.py)
    path("herausforderungen/", public.board, name="board"),
    path("herausforderungen/feed.atom", public.BoardFeed(), name="feed"),
    path("herausforderungen/<int:pk>/", public.detail, name="detail"),
    path("herausforderungen/<int:pk>/folgen/", public.follow, name="follow"),
    path("transferformate/", public.format_list, name="formats"),
    path("transferformate/<slug:slug>/", public.format_detail, name="format"),
    # writing and submitting (views/submit.py)
    path("herausforderungen/meine/", submit.mine, name="mine"),
    path("herausforderungen/neu/", submit.create, name="new"),
    path("herausforderungen/<int:pk>/bearbeiten/", submit.edit, name="edit"),
    path("herausforderungen/<int:pk>/aktion/", submit.act, name="act"),
    path(
        "herausforderungen/<int:pk>/dateien/<int:attachment_pk>/entfernen/",
        submit.attachment_delete,
        name="attachment-delete",
    ),
    path("herausforderungen/<int:pk>/kommentar/", submit.comment, name="comment"),
    path(
        "herausforderungen/<int:pk>/dateien/<int:attachment_pk>/",
        submit.attachment_download,
        name="attachment",
    ),
    # review by coordinators (views/review.py)
    path("pruefung/", review.queue, name="queue"),
    path("pruefung/<int:pk>/", review.review, name="review"),
]
