"""A person's sessions (allauth.usersessions): the device in words and ending sessions.

allauth records a session at every sign-in (when, from which address, with which browser);
the list page shows them, and these services end one of them or all but the current one. A
password change or reset ends the others (`AccountAdapter.set_password`).
"""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.db import transaction
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError

# (marker in the User-Agent header, name shown); the first match wins, so browsers built on
# another name it before the one they contain (Edge and Opera say "Chrome" too).
_BROWSERS: tuple[tuple[str, str], ...] = (
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS: tuple[tuple[str, str], ...] = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
)


def device_description(user_agent: str) -> str:
    """The browser and system of a User-Agent header in words ("Firefox on Windows"), for a
    person to recognise their devices; "Unknown device" when neither is recognised."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    if browser or system:
        return _("%(name)s, unknown system") % {"name": browser} if browser else str(system)
    return _("Unknown device")


@transaction.atomic
def user_session_end(*, user: User, session_pk: int, current_session_key: str | None) -> None:
    """End one of `user`'s other sessions: that device is signed out at its next request.

    Rules: only the person's own sessions; the current one is ended by signing out. Raises
    DomainError when the session is not the person's (or already ended) or is the current one.
    """
    session = UserSession.objects.filter(user=user, pk=session_pk).first()
    if session is None:
        raise DomainError(_("This session has already ended."))
    if session.session_key == current_session_key:
        raise DomainError(_("To end this session, please sign out."))
    session.end()


@transaction.atomic
def user_sessions_end_others(*, user: User, current_session_key: str | None) -> int:
    """End every session of `user` but the one with `current_session_key` (None: all of them,
    as after a password reset by e-mail). Returns how many were ended."""
    sessions = UserSession.objects.filter(user=user)
    if current_session_key:
        sessions = sessions.exclude(session_key=current_session_key)
    ended = 0
    for session in sessions:
        session.end()
        ended += 1
    return ended
