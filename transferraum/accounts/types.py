"""Who is looking: the person behind a request, signed in or not.

`Viewer` types every permission predicate and selector that answers for a person. It lives
here, beside `User`, and not in `core`: `core` imports no app, and the alias names the account
model (a `TYPE_CHECKING` import from `core` would hide an upward dependency)."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from transferraum.accounts.models import User

Viewer: TypeAlias = User | AnonymousUser
