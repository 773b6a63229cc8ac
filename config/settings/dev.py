"""Local development: debug pages, mails on the console, verification mails printed there too."""

from config.env import env_str

from .base import *  # noqa: F403

DEBUG = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
