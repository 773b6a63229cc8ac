"""Delivery of e-mails, rendered in the recipient's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def email_send(*, to: str, template: str, context: dict[str, Any], language: str) -> None:
    """Render `<template>_subject.txt`, `_body.txt` and `_body.html` in `language` and send.

    The subject is one line; the HTML part is optional (a missing template sends text only).
    """
    with translation.override(language):
        full_context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}_body.txt", full_context)
        message = EmailMultiAlternatives(subject=subject, body=body, to=[to])
        message.extra_headers["Content-Language"] = language
    message.send()
