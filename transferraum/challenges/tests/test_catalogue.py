from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from transferraum.challenges.catalogue import (
    DEFAULT_RULES,
    FORMAT_TEXT_FIELDS,
    TOPIC_FIELDS,
    TRANSFER_FORMATS,
    catalogue_load,
)
from transferraum.challenges.models import FormatRule, TopicField, TransferFormat
from transferraum.challenges.recommender import ATTRIBUTE_VALUES

STARTER_COUNT = len(TOPIC_FIELDS) + len(TRANSFER_FORMATS) + len(DEFAULT_RULES)
DOC = Path(settings.BASE_DIR) / "docs" / "recommender.md"


@pytest.mark.django_db
def test_loading_twice_creates_nothing_the_second_time():
    assert catalogue_load() == STARTER_COUNT
    counts = (
        TopicField.objects.count(),
        TransferFormat.objects.count(),
        FormatRule.objects.count(),
    )

    assert catalogue_load() == 0
    assert counts == (
        TopicField.objects.count(),
        TransferFormat.objects.count(),
        FormatRule.objects.count(),
    )


@pytest.mark.django_db
def test_the_catalogue_has_twelve_formats_and_nine_topic_fields():
    catalogue_load()

    assert TransferFormat.objects.count() == 12
    assert set(TopicField.objects.values_list("slug", flat=True)) == {
        "ansiedlung-wirtschaft",
        "fachkraefte-demografie",
        "mobilitaet",
        "innenstadt-leerstand",
        "energie-klima",
        "digitale-verwaltung",
        "bildung",
        "kultur-tourismus",
        "gesundheit-pflege",
    }
    assert list(TransferFormat.objects.values_list("slug", flat=True)) == [
        "praxisprojekt",
        "abschlussarbeit",
        "forschungsprojekt",
        "hackathon",
        "reallabor",
        "zukunftswerkstatt",
        "buergerdialog",
        "sprechstunde",
        "design-thinking",
        "exkursion",
        "praktikum",
        "innovationswettbewerb",
    ]
    assert set(
        TransferFormat.objects.filter(is_project_format=True).values_list("slug", flat=True)
    ) == {"praxisprojekt", "abschlussarbeit", "forschungsprojekt"}


@pytest.mark.django_db
def test_every_format_and_topic_has_german_and_english_texts_that_fit_their_fields():
    catalogue_load()

    for transfer_format in TransferFormat.objects.all():
        for field in FORMAT_TEXT_FIELDS:
            assert getattr(transfer_format, field).strip(), (transfer_format.slug, field)
        transfer_format.full_clean()
    for topic in TopicField.objects.all():
        assert topic.name_de and topic.name_en
        topic.full_clean()
    for rule in FormatRule.objects.all():
        assert rule.reason_de and rule.reason_en
        rule.full_clean()


@pytest.mark.parametrize("starter", TRANSFER_FORMATS, ids=lambda f: f.slug)
def test_each_description_has_three_to_five_sentences(starter):
    for text in (starter.description_de, starter.description_en):
        sentences = text.count(". ") + text.count("? ") + 1
        assert 3 <= sentences <= 5, (starter.slug, text)


def test_the_default_rules_are_at_least_thirty_with_unique_keys_and_known_values():
    keys = [rule.key for rule in DEFAULT_RULES]
    slugs = {starter.slug for starter in TRANSFER_FORMATS}

    assert len(DEFAULT_RULES) >= 30
    assert len(keys) == len(set(keys))
    for rule in DEFAULT_RULES:
        assert rule.value in ATTRIBUTE_VALUES[rule.attribute], rule
        assert rule.format_slug in slugs, rule
        assert rule.weight != 0, rule


def test_every_format_has_at_least_one_gain_in_the_default_rules():
    gaining = {rule.format_slug for rule in DEFAULT_RULES if rule.weight > 0}

    assert gaining == {starter.slug for starter in TRANSFER_FORMATS}


@pytest.mark.django_db
def test_loading_again_keeps_everything_coordinators_curated():
    catalogue_load()
    TopicField.objects.filter(slug="mobilitaet").update(name_en="Mobilty")
    TransferFormat.objects.filter(slug="hackathon").update(
        description_de="kaputt", position=1, partner_effort=TransferFormat.Effort.LOW
    )
    rule = FormatRule.objects.get(
        attribute="timeframe", value="short", format__slug="praxisprojekt"
    )
    FormatRule.objects.filter(pk=rule.pk).update(reason_de="", weight=-5)

    assert catalogue_load() == 0

    assert TopicField.objects.get(slug="mobilitaet").name_en == "Mobilty"
    hackathon = TransferFormat.objects.get(slug="hackathon")
    assert hackathon.description_de == "kaputt"
    assert (hackathon.position, hackathon.partner_effort) == (1, TransferFormat.Effort.LOW)
    rule.refresh_from_db()
    assert rule.reason_de == ""
    assert rule.weight == -5


@pytest.mark.django_db
def test_loading_never_deletes_and_brings_back_a_deleted_starter_rule():
    catalogue_load()
    own_format = TransferFormat.objects.create(
        slug="summer-school",
        name_de="Sommerschule",
        description_de="Zwei Wochen im Sommer.",
        duration_de="zwei Wochen",
        participants_de="20 Studierende",
        partner_effort=TransferFormat.Effort.MEDIUM,
        fits_when_de="Im Sommer.",
        not_fit_when_de="Im Winter.",
    )
    own_rule = FormatRule.objects.create(
        attribute="timeframe", value="short", format=own_format, weight=2, reason_de="Sommer"
    )
    FormatRule.objects.filter(
        attribute="citizens", value="yes", format__slug="buergerdialog"
    ).delete()

    assert catalogue_load() == 1

    assert TransferFormat.objects.filter(pk=own_format.pk).exists()
    assert FormatRule.objects.filter(pk=own_rule.pk).exists()
    assert (
        FormatRule.objects.get(
            attribute="citizens", value="yes", format__slug="buergerdialog"
        ).weight
        == 4
    )


@pytest.mark.django_db
def test_command_prints_the_number_created():
    out = StringIO()
    call_command("load_catalogue", stdout=out)
    call_command("load_catalogue", stdout=out)

    assert f"Catalogue: {STARTER_COUNT} new." in out.getvalue()
    assert "Catalogue: 0 new." in out.getvalue()


def test_the_documentation_lists_every_default_rule_and_no_other():
    rows = [
        line
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and line.split("|")[1].strip() in ATTRIBUTE_VALUES
    ]
    expected = [
        f"| {r.attribute} | {r.value} | {r.format_slug} | {r.weight:+d} | {r.reason_de} | "
        f"{r.reason_en} |"
        for r in DEFAULT_RULES
    ]

    assert sorted(rows) == sorted(expected)
