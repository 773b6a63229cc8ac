"""The filter base of list pages: parsing drops what the platform does not know, the URL round
trip, the chips that remove one filter each, and the selects."""

from dataclasses import dataclass

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from transferraum.core.filters import (
    Chip,
    Filters,
    Option,
    OptionGroup,
    Select,
    choice,
    flag,
    model_choice,
    model_pk,
    multiple_choice,
    search,
)
from transferraum.regions.models import District, Municipality
from transferraum.regions.tests.factories import eilenburg, zeitz

COLOURS = [("red", "Red"), ("green", "Green"), ("blue", "Blue")]


@dataclass(frozen=True)
class ExampleFilters(Filters):
    query: str = search("q", label="Search", max_length=20)
    view: str = choice(
        "ansicht",
        choices=[("list", "List"), ("grid", "Grid")],
        label="View",
        default="list",
        sticky=True,
    )
    colours: tuple[str, ...] = multiple_choice("farbe", choices=COLOURS, label="Colour")
    size: str = choice(
        "groesse", choices=[("s", "Small"), ("l", "Large")], label="Size", empty_label="All sizes"
    )
    district: str = model_choice(
        "kreis",
        District,
        to_field="key",
        label="District",
        empty_label="All districts",
        only=("name",),
    )
    town: int | None = model_pk("ort", Municipality, label="Town", only=("name",))
    open_only: bool = flag("offen", label="Open only")


def parse(query: str) -> ExampleFilters:
    return ExampleFilters.from_query(QueryDict(query))


@pytest.fixture
def places():
    return eilenburg(), zeitz()


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_known_values_are_kept(places):
    town = places[1]

    parsed = parse(
        f"q=++Rad++weg+&ansicht=grid&farbe=blue&farbe=red&groesse=l&kreis=14730&ort={town.pk}"
        "&offen=1&seite=3"
    )

    assert parsed == ExampleFilters(
        query="Rad weg",
        view="grid",
        colours=("red", "blue"),  # in the order of the choices
        size="l",
        district="14730",
        town=town.pk,
        open_only=True,
        page=3,
    )
    assert parsed.is_filtered


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "ansicht=map&farbe=purple&groesse=xl&kreis=99999&ort=0&offen=nein&seite=0",
        "kreis=147301&ort=-1&seite=-2",  # a key with more after it is not that key
        "ort=99999999999999999999999&seite=" + "9" * 5000,  # beyond any column and int()
        "ort=%C2%B2&seite=%C2%B2",  # "²" is a digit int() refuses
        "kreis=%00&ort=%00&farbe=%00&q=%00%00",
        "ort=abc&seite=abc&farbe=",
    ],
)
def test_unknown_values_are_dropped(places, query):
    parsed = parse(query)

    assert parsed == ExampleFilters()
    assert not parsed.is_filtered
    assert parsed.querystring() == ""


@pytest.mark.django_db
def test_nul_characters_are_removed_and_long_words_cut(places):
    assert parse("q=Rad%00weg&kreis=%0014730") == ExampleFilters(query="Radweg", district="14730")
    assert parse("q=" + "a" * 50).query == "a" * 20


@pytest.mark.django_db
def test_the_last_value_of_a_single_parameter_counts(places):
    assert parse("groesse=s&groesse=l&q=eins&q=zwei") == ExampleFilters(size="l", query="zwei")


@pytest.mark.django_db
def test_a_model_value_costs_one_query_and_none_without_it(places):
    with CaptureQueriesContext(connection) as nothing:
        parse("q=Rad&farbe=red&groesse=s&offen=1&ort=&kreis=")
    with CaptureQueriesContext(connection) as both:
        parse(f"kreis=14730&ort={places[0].pk}")

    assert len(nothing) == 0
    assert len(both) == 2


@pytest.mark.django_db
@given(query=st.text(max_size=80))
def test_no_query_string_breaks_the_parser(query):
    parsed = ExampleFilters.from_query(QueryDict(query))

    assert "\x00" not in parsed.querystring()
    assert ExampleFilters.from_query(QueryDict(parsed.querystring().lstrip("?"))) == parsed


# --- the URL round trip -----------------------------------------------------------------------


@pytest.mark.django_db
def test_filters_go_back_to_the_url_in_the_declared_order_without_defaults(places):
    town = places[0]
    parsed = parse(f"seite=2&ort={town.pk}&offen=on&kreis=14730&farbe=green&ansicht=list&q=Rad")

    assert parsed.querystring() == (f"?q=Rad&farbe=green&kreis=14730&ort={town.pk}&offen=1&seite=2")
    assert parsed.querystring(page=1) == f"?q=Rad&farbe=green&kreis=14730&ort={town.pk}&offen=1"
    assert parse(parsed.querystring().lstrip("?")) == parsed
    assert ExampleFilters(view="grid").querystring() == "?ansicht=grid"


@pytest.mark.django_db
def test_without_removes_one_filter_or_one_of_its_values_and_goes_to_the_first_page(places):
    parsed = parse("q=Rad&farbe=red&farbe=blue&groesse=s&seite=4")

    assert parsed.without("colours", "red").querystring() == "?q=Rad&farbe=blue&groesse=s"
    assert parsed.without("colours").querystring() == "?q=Rad&groesse=s"
    assert parsed.without("query").querystring() == "?farbe=red&farbe=blue&groesse=s"


@pytest.mark.django_db
def test_cleared_keeps_only_the_sticky_view(places):
    parsed = parse("q=Rad&ansicht=grid&farbe=red&kreis=14730&seite=2")

    assert parsed.cleared() == ExampleFilters(view="grid")
    assert not parsed.cleared().is_filtered
    assert not ExampleFilters(view="grid").is_filtered


# --- chips ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_active_filter_is_a_chip_with_the_link_that_removes_it(places):
    town = places[1]
    parsed = parse(f"q=Rad&ansicht=grid&farbe=red&farbe=blue&kreis=14730&ort={town.pk}&offen=1")

    chips = parsed.chips("/liste/")

    base = f"/liste/?q=Rad&ansicht=grid&farbe=red&farbe=blue&kreis=14730&ort={town.pk}&offen=1"
    assert chips == [
        Chip("Search", "Rad", base.replace("q=Rad&", "")),
        Chip("Colour", "Red", base.replace("farbe=red&", "")),
        Chip("Colour", "Blue", base.replace("&farbe=blue", "")),
        Chip("District", "Nordsachsen", base.replace("&kreis=14730", "")),
        Chip("Town", "Zeitz", base.replace(f"&ort={town.pk}", "")),
        Chip("Open only", "Open only", base.replace("&offen=1", "")),
    ]
    # The sticky view is no chip, and no filter leaves only it.
    assert ExampleFilters(view="grid").chips("/liste/") == []


@pytest.mark.django_db
def test_a_chip_built_without_parsing_shows_the_value_itself():
    assert ExampleFilters(district="14730", size="s").chips("/") == [
        Chip("Size", "Small", "/?kreis=14730"),
        Chip("District", "14730", "/?groesse=s"),
    ]


# --- selects ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_select_marks_the_chosen_option(places):
    parsed = parse(f"groesse=l&kreis=14730&ort={places[0].pk}")

    size = parsed.select("size")
    assert (size.name, size.id, size.label, size.empty_label) == (
        "groesse",
        "id_groesse",
        "Size",
        "All sizes",
    )
    assert size.options == [Option("s", "Small", False), Option("l", "Large", True)]
    assert size.groups == []

    districts = parsed.select("district", [("14730", "Nordsachsen"), ("15084", "Burgenlandkreis")])
    assert [option.selected for option in districts.options] == [True, False]

    towns = parsed.select(
        "town", groups=[("Nordsachsen", [(places[0].pk, "Eilenburg")]), ("Anhalt", [(7, "X")])]
    )
    assert towns.options == []
    assert towns.groups[0].label == "Nordsachsen"
    assert towns.groups[0].options == [Option(str(places[0].pk), "Eilenburg", True)]
    assert towns.groups[1].options == [Option("7", "X", False)]


def test_a_select_writes_its_options_escaped_and_marks_the_chosen():
    select = Select(
        name="ort",
        id="id_ort",
        label="Town",
        empty_label="All",
        options=[Option("1", "A & B", False), Option("2", "<C>", True)],
        groups=[OptionGroup('D "1"', [Option("3", "E", False)])],
    )

    assert select.options_html == (
        '<option value="1">A &amp; B</option><option value="2" selected>&lt;C&gt;</option>'
        '<optgroup label="D &quot;1&quot;"><option value="3">E</option></optgroup>'
    )


@pytest.mark.django_db
def test_words_cut_at_a_space_read_back_the_same():
    parsed = parse("q=" + "a" * 19 + "+b")

    assert parsed.query == "a" * 19
    assert parse(parsed.querystring().lstrip("?")) == parsed


@pytest.mark.django_db
def test_choices_of_one_request_replace_the_declared_ones():
    present = [("green", "Green now"), ("teal", "Teal")]

    parsed = ExampleFilters.from_query(
        QueryDict("farbe=red&farbe=teal&farbe=green"), choices={"colours": present}
    )

    assert parsed.colours == ("green", "teal")  # red is not offered this time
    assert [chip.value for chip in parsed.chips("/")] == ["Green now", "Teal"]
    with pytest.raises(TypeError):
        ExampleFilters.from_query(QueryDict(""), choices={"query": present})
