"""The deploy check on the pseudonym secret (research/checks.py)."""

from __future__ import annotations

from django.core.checks import run_checks
from django.test import override_settings

from transferraum.research.checks import pseudonym_secret_warnings


def _ids(**settings):
    with override_settings(**settings):
        return {message.id for message in run_checks(include_deployment_checks=True)}


def test_a_missing_secret_warns_in_the_deploy_checks():
    assert "research.W001" in _ids(SECRET_KEY="k" * 60, RESEARCH_PSEUDONYM_SECRET="k" * 60)
    assert "research.W001" not in _ids(SECRET_KEY="k" * 60, RESEARCH_PSEUDONYM_SECRET="p" * 60)


def test_the_rule():
    assert [w.id for w in pseudonym_secret_warnings("", "key")] == ["research.W001"]
    assert [w.id for w in pseudonym_secret_warnings("key", "key")] == ["research.W001"]
    assert pseudonym_secret_warnings("own", "key") == []


def test_the_plain_checks_do_not_warn():
    with override_settings(RESEARCH_PSEUDONYM_SECRET=""):
        assert "research.W001" not in {m.id for m in run_checks()}


def test_production_settings_without_the_secret_warn(tmp_path):
    from transferraum.core.tests.test_checks import check_deploy

    output = check_deploy(tmp_path, "postgres://transferraum:secret@db.example:5432/transferraum")
    assert "research.W001" in output and "RESEARCH_PSEUDONYM_SECRET" in output
