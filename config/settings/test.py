"""Tests: fast hashing, mails in memory, tasks run at once."""

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Map tiles would leave the machine; tests use a local URL that answers 404.
MAP_TILE_URL = "/map-tiles-disabled/{z}/{x}/{y}.png"
# The personas have no second factor: the rule is switched on by the tests of it
# (transferraum/accounts/tests/test_mfa*.py, tests/e2e/test_mfa.py).
MFA_REQUIRED_ENFORCED = False
