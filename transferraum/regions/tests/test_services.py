import pytest

from transferraum.regions.models import District, Municipality, Programme
from transferraum.regions.services import region_load_reference


@pytest.mark.django_db
def test_reference_data_loads_every_district_and_municipality():
    report = region_load_reference()

    assert report.districts == 5
    assert report.municipalities == 153
    counts = {d.name: d.municipalities.count() for d in District.objects.all()}
    assert counts == {
        "Erzgebirgskreis": 59,
        "Landkreis Leipzig": 30,
        "Nordsachsen": 30,
        "Burgenlandkreis": 33,
        "Leipzig (kreisfreie Stadt)": 1,
    }
    eilenburg = Municipality.objects.get(ags="14730110")
    assert eilenburg.name == "Eilenburg"
    assert eilenburg.district.name == "Nordsachsen"
    assert eilenburg.population == 16155
    assert eilenburg.boundary["type"] in {"Polygon", "MultiPolygon"}


@pytest.mark.django_db
def test_programme_has_its_partner_towns_and_the_four_districts():
    region_load_reference()

    programme = Programme.objects.get()
    assert programme.name == "Transfer über Köpfe"
    assert programme.initiative == "Handlungskompetenz der Kommunen stärken"
    assert sorted(t.name for t in programme.partner_towns.all()) == ["Eilenburg", "Zeitz"]
    assert sorted(d.name for d in programme.districts.all()) == [
        "Burgenlandkreis",
        "Erzgebirgskreis",
        "Landkreis Leipzig",
        "Nordsachsen",
    ]


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    region_load_reference()
    before = list(Municipality.objects.values_list("ags", "name", "population", "district_id"))

    report = region_load_reference()

    assert report.created == 0
    assert (
        list(Municipality.objects.values_list("ags", "name", "population", "district_id")) == before
    )
    assert Programme.objects.count() == 1


@pytest.mark.django_db
def test_a_municipality_of_an_unknown_district_is_refused_and_nothing_is_stored(tmp_path):
    from transferraum.regions.services import DATA_DIR

    for name in ("districts.csv", "districts.geojson", "municipalities.geojson"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    rows = (DATA_DIR / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    rows.append("99999001,Nirgendwo,Unbekannt,Sachsen,51.0,12.0,1,1.00,test")
    (tmp_path / "municipalities.csv").write_text("\n".join(rows), encoding="utf-8")

    with pytest.raises(ValueError, match="99999001 Nirgendwo"):
        region_load_reference(data_dir=tmp_path)

    assert District.objects.count() == 0
    assert Municipality.objects.count() == 0
