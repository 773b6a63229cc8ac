"""Notifications from the workspace, sent after the write has been committed."""

from __future__ import annotations

from django.urls import reverse

from transferraum.core.tasks import task
from transferraum.notifications.services import notify
from transferraum.projects.models import Post
from transferraum.projects.notification_kinds import WORKSPACE_POST
from transferraum.projects.selectors.workspace import workspace_people


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def workspace_post_notify(post_id: int) -> None:
    """Tell the people of the workspace, except the author, of a new message in the
    discussion, each in their own language."""
    post = Post.objects.select_related("author", "project__challenge__organisation").get(pk=post_id)
    for person in workspace_people(post.project).everyone():
        if person.pk == post.author_id or not person.is_active or not person.email:
            continue
        notify(
            recipient=person,
            kind=WORKSPACE_POST,
            template="projects/email/workspace_post",
            context={"post": post, "project": post.project, "person": person},
            language=person.language,
            url=reverse("projects:workspace", args=[post.project_id]) + "#discussion",
        )
