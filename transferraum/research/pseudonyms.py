"""Pseudonyms: a participant's name in a study, the same in every wave of that study and
unrelated to their name in any other study.

Each study has its own secret key: `RESEARCH_PSEUDONYM_KEYS` may name one per study key id
(to hand a study's key to a trustee, or to keep it when the platform's secret changes);
otherwise it is derived from `RESEARCH_PSEUDONYM_SECRET` and the study's `key_id`. Neither is
ever stored in the database, so a copy of the database does not link a pseudonym to a person.
The pseudonym is an HMAC-SHA256 of the key and the person's id, written in 20 consonants (no
digits, no vowels), so it contains no id and spells no name.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings

ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"
LENGTH = 16  # 20^16: about 69 bits


def key_id_new() -> str:
    """A new study's key id (random, so two studies never share a derived key)."""
    return secrets.token_hex(12)


def study_key(key_id: str) -> bytes:
    """The secret key of the study with `key_id`, from the settings only."""
    keys: dict[str, str] = getattr(settings, "RESEARCH_PSEUDONYM_KEYS", {}) or {}
    if key_id in keys:
        return keys[key_id].encode()
    secret = settings.RESEARCH_PSEUDONYM_SECRET.encode()
    return hmac.new(secret, f"transferraum.research.study:{key_id}".encode(), "sha256").digest()


def pseudonym_for(key_id: str, person_id: int) -> str:
    """The pseudonym of person `person_id` in the study with `key_id`."""
    digest = hmac.new(study_key(key_id), f"person:{person_id}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")
    letters = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[index])
    return "".join(letters)


def pseudonym(study: Any, person: Any) -> str:
    """The pseudonym of `person` in `study`."""
    return pseudonym_for(study.key_id, person.pk)
