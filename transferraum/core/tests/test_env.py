import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str


def test_missing_required_variable_fails_loudly(monkeypatch):
    monkeypatch.delenv("TR_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="TR_REQUIRED"):
        env_str("TR_REQUIRED")


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("0", False), ("Yes", True), ("off", False)]
)
def test_booleans_are_read(monkeypatch, raw, expected):
    monkeypatch.setenv("TR_FLAG", raw)
    assert env_bool("TR_FLAG", default=not expected) is expected


def test_malformed_boolean_and_number_are_refused(monkeypatch):
    monkeypatch.setenv("TR_FLAG", "vielleicht")
    monkeypatch.setenv("TR_NUMBER", "zwölf")
    with pytest.raises(ImproperlyConfigured, match="TR_FLAG"):
        env_bool("TR_FLAG", default=False)
    with pytest.raises(ImproperlyConfigured, match="TR_NUMBER"):
        env_int("TR_NUMBER", default=1)


def test_lists_drop_blanks(monkeypatch):
    monkeypatch.setenv("TR_HOSTS", "a.example, ,b.example,")
    assert env_list("TR_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("TR_HOSTS")
    assert env_list("TR_HOSTS", ["x"]) == ["x"]


def test_choices_are_checked(monkeypatch):
    monkeypatch.setenv("TR_BACKEND", " S3 ")
    assert env_choice("TR_BACKEND", ["local", "s3"], "local") == "s3"
    monkeypatch.setenv("TR_BACKEND", "ftp")
    with pytest.raises(ImproperlyConfigured, match="TR_BACKEND"):
        env_choice("TR_BACKEND", ["local", "s3"], "local")


def test_every_environment_variable_is_documented_in_env_example():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    read = set()
    for path in (root / "config").rglob("*.py"):
        read |= set(
            re.findall(r'env_(?:str|bool|int|list|choice)\(\s*"([A-Z_]+)"', path.read_text())
        )
    documented = set(re.findall(r"^([A-Z_]+)=", (root / ".env.example").read_text(), re.M))

    assert read, "no environment variables found"
    assert read - documented == set()
