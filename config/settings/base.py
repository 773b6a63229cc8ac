"""Settings shared by every environment; values come from the environment through config.env."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_choice, env_int, env_list, env_str
from transferraum.accounts.sso_settings import socialaccount_providers, sso_form_action_origins

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("TRANSFERRAUM_VAR_DIR", str(BASE_DIR / "var")))

# Production refuses this default (config/settings/prod.py).
DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me-0123456789-abcdefghijklmnop"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
# Only for the page benchmark (benchmarks/pages): the empty layout page /_layout/ answers and
# every response carries X-Query-Count. Off by default, so production never has either.
BENCH_MODE = env_bool("BENCH_MODE", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    # Single sign-on (docs/sso.md): SAML 2.0 (DFN-AAI) and OpenID Connect.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.saml",
    "allauth.socialaccount.providers.openid_connect",
    # Second factors and the list of one's sessions (docs/security.md).
    "allauth.mfa",
    "allauth.usersessions",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "csp",
    # Before django_tasks_db: core's `db_worker` (heartbeats, reaper) replaces the library's.
    "transferraum.core",
    "django_tasks_db",
    "transferraum.accounts",
    "transferraum.notifications",
    "transferraum.regions",
    "transferraum.actors",
    "transferraum.challenges",
    "transferraum.projects",
    "transferraum.recommendations",
    "transferraum.allocation",
    "transferraum.indicators",
    "transferraum.research",
    "transferraum.places",
    "transferraum.ventures",
    "transferraum.opportunities",
    "transferraum.talent",
    "transferraum.network",
    "transferraum.demo",
]

MIDDLEWARE = [
    "transferraum.core.middleware.QueryCountMiddleware",  # BENCH_MODE only
    "django.middleware.security.SecurityMiddleware",
    "transferraum.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed (static files come pre-compressed from WhiteNoise). BREACH: CSRF tokens are
    # masked per response, the gzip header carries random padding (Django ≥ 4.2) and the session
    # cookie is SameSite=Lax; docs/deployment.md says why that is enough here.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "transferraum.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the query or the form: NUL bytes go (PostgreSQL refuses them).
    "transferraum.core.middleware.NulByteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the views: a busy or unreachable database answers 503 "please send again".
    "transferraum.core.middleware.DatabaseFaultMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Coordinators, town staff and admins use nothing but enrolment until they have a second
    # factor (transferraum.accounts.mfa).
    "transferraum.accounts.middleware.MfaRequiredMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "transferraum.core.middleware.FormKeyMiddleware",  # one-time form keys (core.formkeys)
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "transferraum.core.context_processors.platform",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'transferraum.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A kept connection is checked before a request uses it, so a restarted PostgreSQL or a
        # dropped connection costs one reconnect, not an error page (no effect with max age 0).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets readers go on while one writes; NORMAL syncs at checkpoints, not at every
            # commit: after a power cut the last commits may be lost, the file is never corrupt.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            # Every transaction (`transaction.atomic`) takes the write lock at its start and
            # waits for it in the queue of the busy timeout. A deferred transaction that reads
            # first and writes later cannot wait: when another process wrote meanwhile, SQLite
            # refuses it at once with "database is locked". Reads outside `atomic` (all pages)
            # take no lock at all.
            "transaction_mode": "IMMEDIATE",
            # Seconds a write waits for the lock before the person is asked to send again.
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        }
    )
# Where `manage.py backup` writes its archives (docs/deployment.md).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
# One log line at start naming the database in use (core.checks; on in production).
DATABASE_LOG_AT_START = env_bool("DATABASE_LOG_AT_START", False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache must be shared by every worker process and every app server: the login rate limits
# count there, and the public dossier PDFs are kept there. The database cache (the default)
# needs nothing else; CACHE_URL=redis://… uses a Redis server instead (Django's RedisCache).
CACHE_URL = env_str("CACHE_URL", "")
CACHES: dict[str, dict[str, object]]
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
elif CACHE_URL:
    raise ImproperlyConfigured(
        f"CACHE_URL must be empty (database cache) or a redis:// address, not {CACHE_URL!r}."
    )
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "transferraum_cache",
            # Django's default of 300 entries would drop rate-limit counters of a busy site.
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20_000)},
        }
    }
# Sessions in the database, so a person stays signed in whichever server answers.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"

# django-allauth: login by e-mail only; verification mails go to the console in development.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "transferraum.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
}
# Behind a reverse proxy or load balancer every request comes from its address: with the number
# of proxies that append to X-Forwarded-For, the per-IP login limit counts the real client.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_ALLOW_REGISTRATION = env_bool("ACCOUNT_ALLOW_REGISTRATION", True)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Transferraum] "

# Single sign-on (docs/sso.md): providers from the environment (SAML_IDPS, OIDC_PROVIDERS). A
# person is never linked to an existing account by e-mail alone: the adapter sends a link to
# that address first. The identity provider's address counts as verified for new accounts.
SOCIALACCOUNT_PROVIDERS = socialaccount_providers()
SOCIALACCOUNT_ADAPTER = "transferraum.accounts.sso_adapter.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
# Second factors (allauth.mfa): an authenticator app (TOTP), security keys and passkeys
# (WebAuthn; needs https, or http://localhost in development) and recovery codes. Wrong codes
# count against ACCOUNT_RATE_LIMITS["login_failed"] per person. See docs/security.md.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Transferraum"
# A code counts only in its own 30 seconds: allauth remembers a used code for exactly one period,
# so with a tolerance of more periods a code could be used twice.
MFA_TOTP_TOLERANCE = 0
# Who must have a second factor before using the platform (accounts.mfa.mfa_required). Off only
# in the test settings, whose personas have no factor; the tests of the rule switch it on, and
# `check --deploy` warns when production runs without it.
MFA_REQUIRED_ENFORCED = env_bool("MFA_REQUIRED_ENFORCED", True)
# The sessions list shows when and where a session began; tracking every request would write a
# row per page view.
USERSESSIONS_TRACK_ACTIVITY = False

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads go through Django's storage API only (never a path on disk, never a public URL): the
# local disk under MEDIA_ROOT for one server, or any S3-compatible store (AWS, MinIO, Ceph …)
# shared by several app servers (docs/deployment.md).
STORAGE_BACKEND = env_choice("STORAGE_BACKEND", ["local", "s3"], "local")
if STORAGE_BACKEND == "s3":
    _UPLOADS: dict[str, object] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            # Empty: AWS itself; else the store's address (https://minio.example:9000).
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            # Empty: boto3 finds credentials itself (instance role, ~/.aws, AWS_* variables).
            "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
            # "path" for stores without a DNS name per bucket (most MinIO set-ups).
            "addressing_style": env_str("S3_ADDRESSING_STYLE", "") or None,
            "location": env_str("S3_PREFIX", ""),
            # Objects stay private; a URL to one, if ever built, carries a short-lived signature.
            "default_acl": None,
            "querystring_auth": env_bool("S3_QUERYSTRING_AUTH", True),
            "querystring_expire": env_int("S3_QUERYSTRING_EXPIRE", 300),
            # Two uploads of "bericht.pdf" must not overwrite each other (the disk's behaviour).
            "file_overwrite": False,
        },
    }
else:
    _UPLOADS = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _UPLOADS,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Transferraum <noreply@transferraum.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Before the subject of every e-mail the platform sends (notifications, admins).
EMAIL_SUBJECT_PREFIX = "[Transferraum] "

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A worker renews the heartbeat of the task it runs this often; a running task without a beat
# for twice as long (at most two minutes) has lost its worker and is retried or marked failed
# (transferraum.core.tasks, docs/concurrency.md).
TASK_HEARTBEAT_SECONDS = env_int("TASK_HEARTBEAT_SECONDS", 20)
# Tests only: an allocation run waits this long before each of its steps, so that the
# worker-kill test (tests/deploy/test_worker_kill.py) can stop its worker in the middle.
ALLOCATION_TEST_STEP_DELAY_MS = env_int("ALLOCATION_TEST_STEP_DELAY_MS", 0)

# Map tiles: any XYZ tile server; the GeoJSON shapes draw without tiles as well.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
)

# Absolute links in e-mails point here.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Accompanying research (transferraum.research.pseudonyms): each study's pseudonym key is derived
# from this secret and the study's key id, or given per key id in RESEARCH_PSEUDONYM_KEYS
# ("key_id:secret" pairs). Neither is stored in the database; changing them changes every
# pseudonym, so keep them as long as a study's answers are kept.
RESEARCH_PSEUDONYM_SECRET = env_str("RESEARCH_PSEUDONYM_SECRET", "") or SECRET_KEY
RESEARCH_PSEUDONYM_KEYS = dict(
    pair.split(":", 1) for pair in env_list("RESEARCH_PSEUDONYM_KEYS", []) if ":" in pair
)

INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# Verified addresses at these e-mail domains get the student role at once (coordinators add
# more in the admin: "Student e-mail domains").
STUDENT_EMAIL_DOMAINS = [d.lower() for d in env_list("STUDENT_EMAIL_DOMAINS", [])]
# Days without any change after which a recommendation reminds its responsible person.
RECOMMENDATION_REMINDER_DAYS = env_int("RECOMMENDATION_REMINDER_DAYS", 90)

# Operator of the site, shown on the Impressum and the accessibility statement.
SITE_OPERATOR = {
    "name": env_str("SITE_OPERATOR_NAME", "Universität Leipzig"),
    "unit": env_str("SITE_OPERATOR_UNIT", "Transferprogramm „Transfer über Köpfe“"),
    "address": env_str("SITE_OPERATOR_ADDRESS", "Augustusplatz 10, 04109 Leipzig"),
    "email": env_str("SITE_OPERATOR_EMAIL", "transfer@transferraum.example"),
    "phone": env_str("SITE_OPERATOR_PHONE", "+49 341 97-30000"),
    "representative": env_str(
        "SITE_OPERATOR_REPRESENTATIVE", "Die Rektorin der Universität Leipzig"
    ),
}
ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", "barrierefreiheit@transferraum.example"
)
ACCESSIBILITY_STATEMENT_DATE = date.fromisoformat(
    env_str("ACCESSIBILITY_STATEMENT_DATE", "2026-11-24")
)

# Content-Security-Policy (django-csp 4): only our own scripts; map tiles from the tile host.
_TILE_HOST = MAP_TILE_URL.split("/{", 1)[0].replace("{s}.", "")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _TILE_HOST],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        # The sign-in buttons post to us and we redirect to the identity provider, which a
        # browser checks against form-action too: the configured providers' origins.
        "form-action": ["'self'", *sso_form_action_origins(SOCIALACCOUNT_PROVIDERS)],
        "base-uri": ["'self'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
# The language cookie is read by the server only (core.middleware.LanguageMiddleware); Secure
# in production (prod.py).
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Browser features the pages may use (core.middleware.PermissionsPolicyMiddleware): nothing
# but passkeys, on the site itself. Features the browsers no longer know (interest-cohort) are
# left out: they would print an error in every page's console.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Tile servers (OpenStreetMap's usage policy) need the origin as Referer.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of a dossier at INFO; its warnings still show.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
