"""Delivery of e-mails, rendered in the recipient's language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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


_suppressed: ContextVar[bool] = ContextVar("notifications_suppressed", default=False)


@contextmanager
def notifications_suppressed() -> Iterator[None]:
    """Services called inside this block tell nobody (demo data, imports, data repairs)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def notifications_enabled() -> bool:
    """Services ask this before they enqueue a notification."""
    return not _suppressed.get()
