from io import StringIO

import pytest
from django.core.management import call_command

from transferraum.actors.models import Competence, Organisation
from transferraum.actors.services import organisation_index
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.actors.vocabulary import (
    STARTER_VOCABULARY,
    competences_load_starter,
    starter_terms,
)
from transferraum.core.search import search_q

pytestmark = pytest.mark.django_db


def test_loading_twice_creates_nothing_the_second_time():
    first = competences_load_starter()
    count = Competence.objects.count()

    assert first == count == len(starter_terms())
    assert competences_load_starter() == 0
    assert Competence.objects.count() == count


def test_the_vocabulary_has_a_dozen_categories_and_fifty_to_seventy_competences():
    children = [term for category in STARTER_VOCABULARY for term in category.competences]

    assert 10 <= len(STARTER_VOCABULARY) <= 14
    assert 50 <= len(children) <= 70


def test_every_competence_has_a_german_and_an_english_label():
    competences_load_starter()

    assert not Competence.objects.filter(label_de="").exists()
    assert not Competence.objects.filter(label_en="").exists()


def test_slugs_are_unique():
    slugs = [term.slug for term, _parent in starter_terms()]

    assert len(slugs) == len(set(slugs))


def test_geoinformatik_has_gis_and_cartography_among_its_terms():
    competences_load_starter()
    geoinformatik = Competence.objects.get(slug="geoinformatik")

    assert geoinformatik.label_en == "Geoinformatics"
    for term in ("GIS", "Geoinformationssysteme", "Kartografie", "Kartographie", "Cartography"):
        assert term in geoinformatik.terms


@pytest.mark.parametrize("query", ["GIS", "Geoinformatik", "Kartografie", "kartographie"])
def test_gis_geoinformatik_and_kartografie_meet_in_search(query):
    competences_load_starter()
    organisation = OrganisationFactory(name="Vermessungsbüro Muster")
    organisation.competences.add(Competence.objects.get(slug="geoinformatik"))
    organisation_index(organisation)

    assert Organisation.objects.filter(search_q(query)).get() == organisation


def test_every_competence_below_a_category_has_its_category_as_parent():
    competences_load_starter()
    categories = {category.term.slug for category in STARTER_VOCABULARY}

    for competence in Competence.objects.select_related("parent"):
        if competence.slug in categories:
            assert competence.parent is None, competence.slug
        else:
            assert competence.parent is not None, competence.slug
            assert competence.parent.slug in categories


def test_loading_again_keeps_curation_and_adds_missing_starter_synonyms():
    competences_load_starter()
    Competence.objects.filter(slug="geoinformatik").update(
        label_de="Geoinformatik und Fernerkundung", synonyms="Geodatenanalyse"
    )
    own = Competence.objects.create(slug="imkerei", label_de="Imkerei")

    assert competences_load_starter() == 0
    geoinformatik = Competence.objects.get(slug="geoinformatik")
    assert geoinformatik.label_de == "Geoinformatik und Fernerkundung"
    assert geoinformatik.synonym_list[0] == "Geodatenanalyse"
    assert "GIS" in geoinformatik.synonym_list
    assert Competence.objects.filter(pk=own.pk).exists()


def test_command_prints_the_number_created():
    out = StringIO()
    call_command("load_competences", stdout=out)
    call_command("load_competences", stdout=out)

    assert f"Competences: {len(starter_terms())} new." in out.getvalue()
    assert "Competences: 0 new." in out.getvalue()
