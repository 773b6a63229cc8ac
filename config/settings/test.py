"""Tests: fast hashing, mails in memory, tasks run at once."""

from .base import *  # noqa: F403

DEBUG = False
# Long enough for the production settings, which the deploy tests start with the same key
# (tests/deploy/gunicorn.py); known to everyone, so never a production key.
SECRET_KEY = "test-only-key-7c1e9a3f5b2d8e4a6c0f9b3d7a1e5c8f2b6d0a4e9c3f7b1d5a8e2c6f0b4d"  # noqa: S105
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
