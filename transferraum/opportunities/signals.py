"""Hooks other apps may listen to. They carry news, never rules: the service that sends one has
already done everything its step needs (architecture rule 6)."""

from django.dispatch import Signal

# Sent after the commit of `services.application_accept`, with `application` (an
# `Application`, accepted) and `actor` (who accepted it). Relocation journeys listen here.
application_accepted = Signal()
