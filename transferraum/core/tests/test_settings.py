"""What the environment makes of the settings for more than one app server: uploads, cache and
sessions shared by every process (read in a fresh interpreter with production settings)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
READ = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'cache': s.CACHES['default'], 'uploads': s.STORAGES['default'], "
    "'sessions': s.SESSION_ENGINE, 'proxies': s.ALLAUTH_TRUSTED_PROXY_COUNT}, default=str))"
)


def _production_settings(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x9#Lq2!vR7@pZ4$wK8^mN3&tB6*hJ1(cF5)dG0-sY_eU+aQ=oI~lX",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", READ], cwd=ROOT, env=env, capture_output=True, text=True
    )


def _read(**variables: str) -> dict:
    result = _production_settings(**variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_by_default_uploads_on_disk_cache_and_sessions_in_the_database():
    read = _read()

    assert read["uploads"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert read["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert read["sessions"] == "django.contrib.sessions.backends.db"
    assert read["proxies"] == 0  # X-Forwarded-For is trusted only when the operator says so


def test_behind_a_load_balancer_the_login_limit_counts_the_client():
    assert _read(TRUSTED_PROXY_COUNT="1")["proxies"] == 1


def test_an_s3_store_takes_the_uploads():
    read = _read(
        STORAGE_BACKEND="s3",
        S3_BUCKET="transferraum",
        S3_ENDPOINT_URL="https://minio.example:9000",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        S3_ADDRESSING_STYLE="path",
    )

    assert read["uploads"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = read["uploads"]["OPTIONS"]
    assert options["bucket_name"] == "transferraum"
    assert options["endpoint_url"] == "https://minio.example:9000"
    assert options["addressing_style"] == "path"
    assert options["querystring_auth"] is True
    assert options["file_overwrite"] is False


def test_an_s3_store_without_a_bucket_refuses_to_start():
    result = _production_settings(STORAGE_BACKEND="s3")

    assert result.returncode != 0
    assert "S3_BUCKET" in result.stderr


def test_a_redis_address_takes_the_cache_and_anything_else_is_refused():
    read = _read(CACHE_URL="redis://127.0.0.1:6379/1")
    refused = _production_settings(CACHE_URL="memcached://127.0.0.1:11211")

    assert read["cache"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }
    assert refused.returncode != 0
    assert "CACHE_URL" in refused.stderr


def test_an_empty_or_weak_secret_key_refuses_to_start():
    from config.settings.base import DEVELOPMENT_SECRET_KEY

    for weak in ("", DEVELOPMENT_SECRET_KEY, "too-short-1234", "django-insecure-" + "k" * 50):
        result = _production_settings(SECRET_KEY=weak)

        assert result.returncode != 0, weak
        assert "ImproperlyConfigured" in result.stderr
        assert "SECRET_KEY must be a long random value" in result.stderr
