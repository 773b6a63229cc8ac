"""One-time tokens in links (invitations, and every later link that grants something once):
the database keeps only a SHA-256 hash, so a copy of it opens no link.

A row stores a random `seed` and `token_hash(token_for(purpose, seed))`. The token itself is
derived from the seed with the site's `SECRET_KEY` (HMAC-SHA256, as Django derives its
password-reset tokens) at the moment the e-mail is written, so neither the row, nor the queued
task that sends the e-mail, nor the in-app notification holds it. A link is checked by hashing
what it carries and looking that hash up (`token_hash`); comparing hashes of a 256-bit random
value leaks nothing through timing. Changing `SECRET_KEY` later does not break links already
sent: checking needs only the stored hash.

    seed = token_seed()
    invitation = Invitation.objects.create(..., token_seed=seed,
                                           token_hash=token_hash(token_for("invitation", seed)))
    link = reverse("actors:invitation", args=[token_for("invitation", invitation.token_seed)])
    found = Invitation.objects.filter(token_hash=token_hash(token_from_link)).first()
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from django.utils.crypto import salted_hmac

SEED_BYTES = 32
# A hex SHA-256 digest: the width of every `token_hash` column.
HASH_LENGTH = 64


def token_seed() -> str:
    """A new random seed (256 bits, URL-safe text) for one token."""
    return secrets.token_urlsafe(SEED_BYTES)


def token_for(purpose: str, seed: str) -> str:
    """The token of a link for `purpose` ("invitation") and the row's seed: 43 URL-safe
    characters. Two purposes never share a token, even with the same seed."""
    digest = salted_hmac(f"transferraum.tokens.{purpose}", seed, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def token_hash(token: str) -> str:
    """What the database stores and looks up: the hex SHA-256 of the token. Any text is
    accepted (a tampered link simply finds nothing)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
