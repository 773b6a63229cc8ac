"""Organisation profiles, offers and needs, competences and person profiles."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from transferraum.actors.errors import DuplicateOrganisation
from transferraum.actors.models import Competence, Listing, Organisation, PersonProfile
from transferraum.actors.permissions import can_edit_organisation, can_view_person
from transferraum.actors.selectors import competences_matching, suggestions_for
from transferraum.actors.services import (
    competence_merge,
    competence_suggest,
    listing_add,
    organisation_register,
    organisation_update,
    profile_for,
    profile_update,
)
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import search_q


def png_bytes(size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b3a5d").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def geoinformatik(db) -> Competence:
    category = Competence.objects.create(slug="raum", label_de="Raum & Geodaten", label_en="Space")
    return Competence.objects.create(
        slug="geoinformatik",
        label_de="Geoinformatik",
        label_en="Geoinformatics",
        synonyms="GIS\nKartografie",
        parent=category,
    )


# --- who may edit ----------------------------------------------------------------------------

EDIT_TABLE = {
    "coordinator": True,
    "officer_eilenburg": True,
    "member_eilenburg": False,
    "owner_zeitz": False,
    "student_geography": False,
    "researcher": False,
    "outsider": False,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "allowed"), EDIT_TABLE.items())
def test_who_may_edit_an_organisation(request, town_eilenburg, persona, allowed, client):
    user = request.getfixturevalue(persona)

    assert can_edit_organisation(user, town_eilenburg) is allowed
    client.force_login(user)
    status = client.get(reverse("actors:edit", args=[town_eilenburg.slug])).status_code
    assert status == (200 if allowed else 403)


@pytest.mark.django_db
def test_editing_somebody_elses_organisation_changes_nothing(client, owner_zeitz, town_eilenburg):
    client.force_login(owner_zeitz)

    response = client.post(
        reverse("actors:edit", args=[town_eilenburg.slug]),
        {"name": "Übernommen", "kind": "town"},
    )

    assert response.status_code == 403
    town_eilenburg.refresh_from_db()
    assert town_eilenburg.name == "Stadtverwaltung Eilenburg"


# --- profile editing -------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_completes_the_profile_and_it_becomes_searchable(
    officer_eilenburg, town_eilenburg, geoinformatik
):
    organisation_update(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={
            "description": "Wir gestalten die **Innenstadt**.",
            "street": "Marktplatz 1",
            "postcode": "04838",
        },
        competences=[geoinformatik],
    )

    town_eilenburg.refresh_from_db()
    assert town_eilenburg.street == "Marktplatz 1"
    found = Organisation.objects.filter(search_q("Kartografie innenstadt"))
    assert list(found) == [town_eilenburg]


@pytest.mark.django_db
def test_only_coordinators_change_the_kind(officer_eilenburg, coordinator, town_eilenburg):
    with pytest.raises(PermissionDenied):
        organisation_update(
            actor=officer_eilenburg, organisation=town_eilenburg, data={"kind": "company"}
        )

    organisation_update(
        actor=coordinator, organisation=town_eilenburg, data={"kind": "public_body"}
    )
    town_eilenburg.refresh_from_db()
    assert town_eilenburg.kind == "public_body"


@pytest.mark.django_db
def test_coordinates_come_in_pairs(coordinator, town_eilenburg):
    with pytest.raises(DomainError):
        organisation_update(
            actor=coordinator, organisation=town_eilenburg, data={"lat": 51.46, "lon": None}
        )


@pytest.mark.django_db
def test_duplicate_name_in_the_same_town_is_flagged_with_the_existing_one(
    coordinator, town_eilenburg
):
    with pytest.raises(DuplicateOrganisation) as error:
        organisation_register(
            actor=coordinator,
            name="stadtverwaltung  EILENBURG",
            kind="town",
            municipality=town_eilenburg.municipality,
        )
    assert error.value.existing == town_eilenburg
    assert Organisation.objects.count() == 1

    again = organisation_register(
        actor=coordinator,
        name="Stadtverwaltung Eilenburg",
        kind="town",
        municipality=town_eilenburg.municipality,
        allow_duplicate=True,
    )
    assert again.pk != town_eilenburg.pk


@pytest.mark.django_db
def test_coordinator_sees_the_duplicate_warning_and_keeps_the_typed_values(
    client, coordinator, town_eilenburg
):
    client.force_login(coordinator)

    response = client.post(
        reverse("actors:new"),
        {
            "name": "Stadtverwaltung Eilenburg",
            "kind": "town",
            "municipality": "14730110",
            "short_description": "Zweite",
        },
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert town_eilenburg.get_absolute_url() in content
    assert 'value="Zweite"' in content
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_unknown_municipality_key_is_refused(client, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("actors:new"),
        {"name": "Neuer Verein", "kind": "civil_society", "municipality": "99999999"},
    )

    assert response.status_code == 422
    assert "Bitte wählen Sie eine Gemeinde aus der Liste." in response.content.decode()
    assert not Organisation.objects.filter(name="Neuer Verein").exists()


@pytest.mark.django_db
def test_only_coordinators_open_the_new_organisation_page(client, officer_eilenburg):
    client.force_login(officer_eilenburg)

    assert client.get(reverse("actors:new")).status_code == 403


def _edit_data(organisation, **overrides):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "short_description": "Kurz",
        "description": "",
        "sector": "",
        "size_class": "",
        "website": "",
        "street": "",
        "postcode": "",
        "municipality": organisation.municipality.ags if organisation.municipality else "",
        "lat": "",
        "lon": "",
        "version": organisation.version,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_logo_upload_accepts_a_real_image(client, owner_zeitz, company_zeitz):
    client.force_login(owner_zeitz)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")

    response = client.post(
        reverse("actors:edit", args=[company_zeitz.slug]),
        {**_edit_data(company_zeitz), "logo": logo},
    )

    assert response.status_code == 302
    company_zeitz.refresh_from_db()
    assert company_zeitz.logo.name.startswith("logos/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"<script>alert(1)</script>", "gültiges Bild"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "gültiges Bild"),
    ],
)
def test_forged_or_scriptable_logos_are_refused_and_typed_text_kept(
    client, owner_zeitz, company_zeitz, name, content, message
):
    client.force_login(owner_zeitz)

    response = client.post(
        reverse("actors:edit", args=[company_zeitz.slug]),
        {
            **_edit_data(company_zeitz, short_description="Neu getippt"),
            "logo": SimpleUploadedFile(name, content),
        },
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert message in content
    assert 'value="Neu getippt"' in content
    company_zeitz.refresh_from_db()
    assert not company_zeitz.logo
    assert company_zeitz.short_description == "Metallbau und Instandhaltung"


@pytest.mark.django_db
def test_oversized_logo_is_refused(client, owner_zeitz, company_zeitz):
    client.force_login(owner_zeitz)
    big = io.BytesIO()
    Image.effect_noise((1400, 1400), 100).convert("RGB").save(big, format="PNG")
    assert big.tell() > 2 * 1024 * 1024

    response = client.post(
        reverse("actors:edit", args=[company_zeitz.slug]),
        {**_edit_data(company_zeitz), "logo": SimpleUploadedFile("gross.png", big.getvalue())},
    )

    assert response.status_code == 422
    assert "höchstens 2 MB" in response.content.decode()


@pytest.mark.django_db
def test_description_is_rendered_as_safe_markdown(client, officer_eilenburg, town_eilenburg):
    organisation_update(
        actor=officer_eilenburg,
        organisation=town_eilenburg,
        data={"description": "**Wichtig** <script>alert('x')</script> [Link](javascript:alert(1))"},
    )

    content = client.get(town_eilenburg.get_absolute_url()).content.decode()

    assert "<strong>Wichtig</strong>" in content
    assert "<script>alert" not in content
    assert "javascript:" not in content


# --- offers and needs, suggestions -----------------------------------------------------------


@pytest.mark.django_db
def test_listing_needs_text_and_rights(officer_eilenburg, owner_zeitz, town_eilenburg):
    with pytest.raises(DomainError):
        listing_add(
            actor=officer_eilenburg,
            organisation=town_eilenburg,
            direction="offer",
            category="data",
            text=" ",
        )
    with pytest.raises(PermissionDenied):
        listing_add(
            actor=owner_zeitz,
            organisation=town_eilenburg,
            direction="offer",
            category="data",
            text="Daten",
        )
    assert not Listing.objects.exists()


@pytest.mark.django_db
def test_htmx_listing_form_returns_the_updated_list(client, owner_zeitz, company_zeitz):
    client.force_login(owner_zeitz)

    response = client.post(
        reverse("actors:listing-create", args=[company_zeitz.slug]),
        {"direction": "offer", "category": "internships", "text": "Praktika im Metallbau"},
        headers={"HX-Request": "true"},
    )

    content = response.content.decode()
    assert content.lstrip().startswith('<section id="listings"')
    assert "Praktika im Metallbau" in content
    listing = company_zeitz.listings.get()
    response = client.post(
        reverse("actors:listing-delete", args=[company_zeitz.slug, listing.pk]),
        headers={"HX-Request": "true"},
    )
    assert "Praktika im Metallbau" not in response.content.decode()


@pytest.mark.django_db
def test_suggestions_name_the_reason(
    coordinator, officer_eilenburg, town_eilenburg, company_zeitz, django_assert_max_num_queries
):
    listing_add(
        actor=coordinator,
        organisation=company_zeitz,
        direction="offer",
        category="internships",
        text="Praktika",
    )
    listing_add(
        actor=coordinator,
        organisation=town_eilenburg,
        direction="need",
        category="skilled_staff",
        text="Fachkräfte",
    )
    OrganisationFactory(name="Ohne Bezug")

    # whether the viewer is a member, our listings and competences, the candidates, and those
    # with their listings and competences
    with django_assert_max_num_queries(7):
        suggestions = suggestions_for(town_eilenburg, officer_eilenburg)

    assert [s.organisation for s in suggestions] == [company_zeitz]
    assert suggestions[0].reasons == ["bietet Praktika – Sie suchen Fachkräfte"]
    for visitor in (coordinator, AnonymousUser()):
        assert suggestions_for(town_eilenburg, visitor)[0].reasons == [
            "bietet Praktika – Stadtverwaltung Eilenburg sucht Fachkräfte"
        ]


# --- competences -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_gis_geoinformatik_and_kartografie_meet(geoinformatik):
    for query in ("GIS", "geoinformatik", "Kartografie"):
        assert competences_matching(query) == [geoinformatik], query


@pytest.mark.django_db
def test_suggesting_an_existing_synonym_returns_the_term(student_geography, geoinformatik):
    assert competence_suggest(actor=student_geography, label="  gis ") == geoinformatik

    new = competence_suggest(actor=student_geography, label="Drohnenvermessung")
    assert new.status == Competence.Status.SUGGESTED
    assert new.suggested_by == student_geography


@pytest.mark.django_db
def test_merging_a_suggestion_moves_its_users_and_keeps_the_word_as_synonym(
    coordinator, student_geography, geoinformatik
):
    suggestion = competence_suggest(actor=student_geography, label="Geodatenanalyse")
    profile = profile_for(student_geography)
    profile.competences.add(suggestion)

    competence_merge(actor=coordinator, competence=suggestion, into=geoinformatik)

    assert list(profile.competences.all()) == [geoinformatik]
    geoinformatik.refresh_from_db()
    assert "Geodatenanalyse" in geoinformatik.synonym_list
    with pytest.raises(PermissionDenied):
        competence_merge(actor=student_geography, competence=geoinformatik, into=geoinformatik)


@pytest.mark.django_db
def test_competence_search_answers_htmx_with_checkboxes(client, geoinformatik):
    response = client.get(
        reverse("actors:competence-search"), {"competence_query": "GIS", "field": "interests"}
    )

    content = response.content.decode()
    assert 'name="interests"' in content
    assert f'value="{geoinformatik.pk}"' in content
    assert "1 Begriff gefunden" in content


@pytest.mark.django_db
def test_competence_search_leaves_out_chosen_terms_and_unmatched_synonyms(client, geoinformatik):
    geoinformatik.synonyms = "GIS\nKartografie\ngeographic information systems"
    geoinformatik.save()
    search = reverse("actors:competence-search")

    by_synonym = client.get(search, {"competence_query": "GIS", "field": "competences"})
    by_label = client.get(search, {"competence_query": "Geoinformatik", "field": "competences"})
    chosen = client.get(
        search,
        {"competence_query": "GIS", "field": "competences", "competences": [geoinformatik.pk]},
    )

    content = by_synonym.content.decode()
    assert "Geoinformatik <span" in content and "(GIS)" in content
    assert "Kartografie" not in content and "geographic information" not in content
    content = by_label.content.decode()
    assert "Geoinformatik</label>" in content and "GIS" not in content
    content = chosen.content.decode()
    assert f'value="{geoinformatik.pk}"' not in content  # already ticked: not shown twice
    assert "0 Begriffe gefunden" in content


# --- person profiles -------------------------------------------------------------------------

VISIBILITY = {
    # visibility → who sees it: (anonymous, outsider registered without a role or an
    # organisation, a student of the programme, coordinator)
    "public": (True, True, True, True),
    "members": (False, False, True, True),
    "coordinators": (False, False, False, True),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("visibility", "expected"), VISIBILITY.items())
def test_people_decide_who_sees_their_profile(
    client, student_geography, student_informatics, outsider, coordinator, visibility, expected
):
    profile = profile_for(student_geography)
    profile.visibility = visibility
    profile.save()
    url = reverse("actors:person", args=[student_geography.pk])

    seen = []
    for viewer in (None, outsider, student_informatics, coordinator):
        client.logout()
        if viewer:
            client.force_login(viewer)
        seen.append(client.get(url).status_code == 200)
        assert can_view_person(viewer or AnonymousUser(), profile) is seen[-1]
    assert tuple(seen) == expected


@pytest.mark.django_db
def test_new_profiles_are_visible_to_logged_in_users_only(student_geography):
    assert profile_for(student_geography).visibility == PersonProfile.Visibility.MEMBERS


@pytest.mark.django_db
def test_only_the_person_edits_their_profile(student_geography, coordinator, geoinformatik):
    profile = profile_for(student_geography)
    with pytest.raises(PermissionDenied):
        profile_update(
            actor=coordinator,
            profile=profile,
            bio="x",
            languages="",
            visibility="public",
            competences=[],
            interests=[],
        )

    profile_update(
        actor=student_geography,
        profile=profile,
        bio="Ich kartiere Leerstand.",
        languages="Deutsch, Englisch",
        visibility="public",
        competences=[geoinformatik],
        interests=[],
    )
    assert PersonProfile.objects.filter(search_q("GIS leerstand")).get() == profile


@pytest.mark.django_db
def test_profile_form_with_a_suggested_term_and_contact_choice(
    client, officer_eilenburg, town_eilenburg, geoinformatik
):
    client.force_login(officer_eilenburg)
    membership = officer_eilenburg.memberships.get()

    response = client.post(
        reverse("actors:profile-edit"),
        {
            "visibility": "public",
            "bio": "Wirtschaftsförderung",
            "languages": "Deutsch",
            "competences": [geoinformatik.pk],
            "competence_suggestion": "Fördermittelberatung",
            "contact": [membership.pk],
        },
    )

    assert response.status_code == 302
    profile = officer_eilenburg.profile
    assert sorted(c.label_de for c in profile.competences.all()) == [
        "Fördermittelberatung",
        "Geoinformatik",
    ]
    membership.refresh_from_db()
    assert membership.is_contact
    page = client.get(town_eilenburg.get_absolute_url()).content.decode()
    assert "Ansprechpersonen" in page


# --- files are served by views that apply the same rights as the pages -----------------------


@pytest.mark.django_db
def test_logo_is_served_with_its_type(
    client, owner_zeitz, company_zeitz, django_assert_num_queries
):
    organisation_update(
        actor=owner_zeitz,
        organisation=company_zeitz,
        data={},
        logo=SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png"),
    )

    # Pages show many logos: each costs one query.
    with django_assert_num_queries(1):
        response = client.get(reverse("actors:logo", args=[company_zeitz.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert (
        reverse("actors:logo", args=[company_zeitz.slug])
        in client.get(company_zeitz.get_absolute_url()).content.decode()
    )


@pytest.mark.django_db
def test_a_photo_follows_the_visibility_of_its_profile(
    client, student_geography, student_informatics, outsider
):
    profile = profile_for(student_geography)
    profile_update(
        actor=student_geography,
        profile=profile,
        bio="",
        languages="",
        visibility="members",
        competences=[],
        interests=[],
        photo=SimpleUploadedFile("ich.png", png_bytes(), content_type="image/png"),
    )
    url = reverse("actors:photo", args=[student_geography.pk])

    assert client.get(url).status_code == 404
    client.force_login(outsider)  # registered, not a member of the programme
    assert client.get(url).status_code == 404
    client.force_login(student_informatics)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_logos_and_photos_live_in_an_s3_store(
    client, s3_uploads, owner_zeitz, company_zeitz, student_geography
):
    logo = png_bytes((30, 30))
    organisation_update(
        actor=owner_zeitz,
        organisation=company_zeitz,
        data={},
        logo=SimpleUploadedFile("logo.png", logo, content_type="image/png"),
    )
    profile = profile_for(student_geography)
    profile_update(
        actor=student_geography,
        profile=profile,
        bio="",
        languages="",
        visibility="public",
        competences=[],
        interests=[],
        photo=SimpleUploadedFile("ich.png", png_bytes((20, 20)), content_type="image/png"),
    )

    assert s3_uploads.keys() == sorted([company_zeitz.logo.name, profile.photo.name])
    assert s3_uploads.read(company_zeitz.logo.name) == logo
    response = client.get(reverse("actors:logo", args=[company_zeitz.slug]))
    assert b"".join(response.streaming_content) == logo
    photo = client.get(reverse("actors:photo", args=[student_geography.pk]))
    assert b"".join(photo.streaming_content) == png_bytes((20, 20))

    organisation_update(actor=owner_zeitz, organisation=company_zeitz, data={}, remove_logo=True)

    assert s3_uploads.keys() == [profile.photo.name]
    assert client.get(reverse("actors:logo", args=[company_zeitz.slug])).status_code == 404


# --- reads never write -----------------------------------------------------------------------


@pytest.mark.django_db
def test_opening_the_profile_form_writes_nothing(client, student_geography):
    client.force_login(student_geography)

    response = client.get(reverse("actors:profile-edit"))

    assert response.status_code == 200
    assert not PersonProfile.objects.filter(user=student_geography).exists()


@pytest.mark.django_db
def test_the_first_save_creates_the_profile(client, student_geography, geoinformatik):
    client.force_login(student_geography)

    response = client.post(
        reverse("actors:profile-edit"),
        {"visibility": "public", "bio": "Karten", "languages": "", "competences": []},
    )

    assert response.status_code == 302
    profile = PersonProfile.objects.get(user=student_geography)
    assert (profile.visibility, profile.bio) == ("public", "Karten")


@pytest.mark.django_db
def test_an_unsaved_profile_takes_the_row_that_appeared_meanwhile(student_geography):
    unsaved = PersonProfile(user=student_geography)
    existing = profile_for(student_geography)  # another request saved first

    saved = profile_update(
        actor=student_geography,
        profile=unsaved,
        bio="Zweiter Versuch",
        languages="",
        visibility="members",
        competences=[],
        interests=[],
    )

    assert saved.pk == existing.pk
    assert PersonProfile.objects.filter(user=student_geography).count() == 1


@pytest.mark.django_db
def test_ones_own_empty_profile_page_shows_without_writing(client, student_geography):
    client.force_login(student_geography)

    response = client.get(reverse("actors:person", args=[student_geography.pk]))

    assert response.status_code == 200
    assert "Lena Schubert" in response.content.decode()
    assert not PersonProfile.objects.filter(user=student_geography).exists()
