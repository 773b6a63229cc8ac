"""The privacy registry is complete: every model that looks personal is declared."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from transferraum.core.privacy import (
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    declared,
    looks_personal,
    processing_record,
    registered,
    undeclared_models,
)


def test_every_model_with_personal_data_is_declared():
    missing = undeclared_models()
    assert missing == [], (
        "These models look like they hold personal data and are not in the privacy registry. "
        "Declare each in <app>/privacy.py with PersonalData (export, erasure, retention) or "
        "NotPersonal with a reason: " + "; ".join(missing)
    )


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        ("contact", models.EmailField(), True),
        ("phone_number", models.CharField(max_length=20), True),
        ("picture", models.ImageField(), True),
        ("home_address", models.TextField(), True),
        ("amount", models.IntegerField(), False),
    ],
)
def test_a_new_model_that_looks_personal_is_noticed(name, field, expected):
    """A model a later app adds is caught by its fields alone (an unmanaged probe here)."""
    meta = type("Meta", (), {"app_label": "core", "managed": False})
    probe = type(
        f"Probe{name.title().replace('_', '')}",
        (models.Model,),
        {"__module__": "transferraum.core.models", name: field, "Meta": meta},
    )
    try:
        assert bool(looks_personal(probe)) is expected
        assert declared(probe) is None
    finally:
        apps.all_models["core"].pop(probe._meta.model_name, None)
        apps.clear_cache()


def test_a_link_to_a_person_looks_personal():
    user = apps.get_model("accounts", "User")
    assert "actor" in looks_personal(apps.get_model("core", "Activity"))
    assert "(the person)" in looks_personal(user)


def test_declarations_name_real_fields():
    """Every field a declaration names exists, so a renamed field fails here, not at erasure."""
    for declaration in registered():
        model = declaration.model_class
        for name in (
            *declaration.export_fields,
            *declaration.files,
            *declaration.anonymise,
            *declaration.mentions,
        ):
            model._meta.get_field(name)
        if declaration.retention is not None:
            model._meta.get_field(declaration.retention.field)
        if declaration.erase == Erase.ANONYMISE:
            assert declaration.person_fields or declaration.anonymise, declaration.model


def test_not_personal_declarations_give_a_reason():
    from transferraum.core import privacy

    for declaration in privacy._NOT_PERSONAL.values():
        assert isinstance(declaration, NotPersonal)
        assert declaration.reason.strip()
        apps.get_model(declaration.model)


def test_declaring_a_model_twice_is_refused():
    from transferraum.core.privacy import privacy_register

    with pytest.raises(ValueError, match="twice"):
        privacy_register(NotPersonal("core.Activity", "again"))


def test_the_record_has_an_entry_per_declaration_in_both_languages():
    from django.utils import translation

    def record() -> list[tuple[str, str, str]]:
        return [(e.name, str(e.purpose), e.retention) for e in processing_record()]

    with translation.override("de"):
        german = record()
    with translation.override("en"):
        english = record()
    assert len(german) == len(english) == len(registered())
    notifications_de = next(entry for entry in german if entry[0] == "Benachrichtigungen")
    notifications_en = next(entry for entry in english if entry[0] == "notifications")
    assert notifications_de[1:] == (
        "Benachrichtigung über Ereignisse auf der Plattform, wie gewünscht",
        "Gelöscht 365 Tage nach „erstellt am“",
    )
    assert notifications_en[1:] == (
        "Telling people what happened in the platform, as they chose",
        "Deleted 365 days after “created at”",
    )
    assert all(isinstance(d, PersonalData) for d in registered())


AREA = PrivacyArea(
    area="things",
    purpose="Doing things",
    legal_basis="Art. 6(1)(b) GDPR",
    people="Members",
    recipients="Coordinators",
)


@pytest.fixture
def empty_registry(monkeypatch):
    from transferraum.core import privacy

    monkeypatch.setattr(privacy, "_REGISTRY", {})
    monkeypatch.setattr(privacy, "_NOT_PERSONAL", {})
    return privacy


def test_a_declaration_takes_its_apps_defaults_and_keeps_what_differs(empty_registry):
    empty_registry.privacy_register(
        PersonalData("core.Activity", erase=Erase.KEEP),
        PersonalData("core.AccessEntry", recipients="The person", erase=Erase.DELETE),
        defaults=AREA,
    )
    plain, own = registered()
    assert (plain.area, plain.purpose, plain.legal_basis, plain.people, plain.recipients) == (
        "things",
        "Doing things",
        "Art. 6(1)(b) GDPR",
        "Members",
        "Coordinators",
    )
    assert (own.area, own.recipients) == ("things", "The person")


def test_a_declaration_without_defaults_or_its_own_value_is_refused(empty_registry):
    with pytest.raises(ValueError, match="no purpose"):
        empty_registry.privacy_register(
            PersonalData(
                "core.Activity",
                area="a",
                legal_basis="b",
                people="c",
                recipients="d",
                erase=Erase.KEEP,
            )
        )


def test_repeating_the_apps_default_is_refused(empty_registry):
    """Each app states its area, purpose, legal basis, people and recipients once."""
    with pytest.raises(ValueError, match="repeats the people"):
        empty_registry.privacy_register(
            PersonalData("core.Activity", people=AREA.people, erase=Erase.KEEP), defaults=AREA
        )


def test_the_record_mixes_an_apps_defaults_with_each_models_own_texts():
    """The Art. 30 record and the export's areas read as when every model repeated them."""
    from django.utils import translation

    from transferraum.core import privacy

    def texts(model: str) -> tuple[str, ...]:
        found = privacy._REGISTRY[model.lower()]
        with translation.override("en"):
            return tuple(
                str(v)
                for v in (
                    found.area,
                    found.purpose,
                    found.legal_basis,
                    found.people,
                    found.recipients,
                )
            )

    attachment = texts("challenges.Attachment")
    assert attachment == (
        "challenges",
        "Describing, reviewing and publishing the challenges of partners",
        "Art. 6(1)(e) GDPR with the Saxon Higher Education Act: the university's task of "
        "knowledge transfer and teaching",
        "Staff of partner organisations, supervisors and coordinators",
        "The programme's coordinators; the people working with the person in the same "
        "organisation, project or review",
    )
    follow = texts("challenges.Follow")
    assert follow[0] == "challenges"
    assert follow[3:] == ("Registered members of the platform", "The person themselves")
    feedback = texts("projects.Feedback")
    assert (feedback[0], feedback[3]) == ("workspace", attachment[3])
    application = texts("projects.Application")
    assert (application[0], application[3]) == ("projects", "Students")
    assert {d.area for d in registered()} == {
        "account",
        "activity",
        "challenges",
        "notifications",
        "opportunities",
        "organisations",
        "places",
        "profile",
        "projects",
        "recommendations",
        "relocation_journeys",
        "research",
        "ventures",
        "talent_pool",
        "trial_living",
        "workspace",
    }
