import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_unknown_address_gets_the_designed_404_page(client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "Diese Seite gibt es nicht" in content
    assert 'href="/"' in content  # a way back home


@pytest.mark.django_db
def test_refused_page_gets_the_designed_403_page_with_the_reason(client, outsider, town_eilenburg):
    client.force_login(outsider)

    response = client.get(reverse("actors:manage", args=[town_eilenburg.slug]))

    assert response.status_code == 403
    content = response.content.decode()
    assert "Sie dürfen diese Seite nicht öffnen" in content
    assert "Koordinator" in content  # the reason names who may


def test_server_error_page_stands_alone_without_database(rf):
    from transferraum.core.views import error_500

    response = error_500(rf.get("/"))

    assert response.status_code == 500
    assert "Bei uns ist etwas schiefgegangen" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("impressum", "Impressum"),
        ("privacy", "Datenschutz"),
        ("accessibility", "Schlichtungsstelle"),
        ("regions:data-sources", "dl-de/by-2-0"),
    ],
)
def test_footer_pages_are_reachable_from_every_page(client, url_name, expected):
    home = client.get("/").content.decode()
    url = reverse(url_name)
    assert f'href="{url}"' in home

    response = client.get(url)

    assert response.status_code == 200
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_accessibility_statement_has_what_bitv_asks_for(client):
    content = client.get(reverse("accessibility")).content.decode()

    for part in (
        "teilweise",
        "Feedback",
        "Schlichtungsstelle",
        "barrierefreiheit@",
        "24. November 2026",
    ):
        assert part in content, part


@pytest.mark.django_db
def test_imprint_shows_the_configured_operator(client, settings):
    settings.SITE_OPERATOR = {**settings.SITE_OPERATOR, "address": "Musterweg 1, 04109 Leipzig"}

    content = client.get(reverse("impressum")).content.decode()

    assert "Musterweg 1, 04109 Leipzig" in content


def test_production_settings_pass_the_deploy_check():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x9#Lq2!vR7@pZ4$wK8^mN3&tB6*hJ1(cF5)dG0-sY_eU+aQ=oI~lX",
        "ALLOWED_HOSTS": "transferraum.example",
        "SITE_URL": "https://transferraum.example",
        # Production runs on PostgreSQL (on SQLite the check warns: core.W001, test_checks.py);
        # the check does not connect.
        "DATABASE_URL": "postgres://transferraum:secret@db.example:5432/transferraum",
        # Without it the pseudonyms hang on SECRET_KEY (research.W001, research/checks.py).
        "RESEARCH_PSEUDONYM_SECRET": "p4!Zr8#Kq1@Wm6$Tn3^Yb7&Hc2*Jd5(Lf9)Gs0-Vx_Ne+Ua=Ro~Ei",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_static_files_collect_with_the_production_storage(tmp_path):
    # The manifest storage fails on any file that references a missing one (e.g. source maps).
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x9#Lq2!vR7@pZ4$wK8^mN3&tB6*hJ1(cF5)dG0-sY_eU+aQ=oI~lX",
        "STATIC_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/kern/kern.min.css" in manifest
    assert "vendor/leaflet/leaflet.js" in manifest


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.prod"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
