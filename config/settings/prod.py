"""Production: every secret from the environment, HTTPS only, hashed static files."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_str

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, STORAGES

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
# Sessions, password-reset and unsubscribe links are signed with it: an empty key (as
# .env.example ships it), the development default or a short one refuses to start, instead of
# the deploy check's warning (security.W009 uses the same measure).
if (
    SECRET_KEY == DEVELOPMENT_SECRET_KEY
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be a long random value of at least 50 characters in production "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))"), see .env.example.'
    )
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The log names the database at start (and warns on SQLite); `check --deploy` warns too.
DATABASE_LOG_AT_START = env_bool("DATABASE_LOG_AT_START", True)
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# HSTS preload binds every subdomain of the operator's domain (a university's, a town's) for
# months; the operator opts in with SECURE_HSTS_PRELOAD=true, so the check is silenced here.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
