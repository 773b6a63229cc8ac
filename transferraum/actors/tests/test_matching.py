from hypothesis import given
from hypothesis import strategies as st

from transferraum.actors.matching import ActorProfile, matches_for, offer_meets_need

CATEGORIES = ["internships", "skilled_staff", "data", "rooms", "theses", "research_partner"]


def actor(id, offers=(), needs=(), competences=()):
    return ActorProfile(id, frozenset(offers), frozenset(needs), frozenset(competences))


def test_internships_meet_a_need_for_skilled_staff():
    assert offer_meets_need("internships", "skilled_staff")
    assert offer_meets_need("rooms", "rooms")
    assert not offer_meets_need("skilled_staff", "internships")


def test_mutual_fit_ranks_above_one_sided_fit_and_reasons_name_both_directions():
    me = actor(1, offers={"data"}, needs={"skilled_staff"})
    mutual = actor(2, offers={"internships"}, needs={"data"})
    one_sided = actor(3, offers={"theses"})
    nothing = actor(4, offers={"rooms"}, needs={"funding"})

    result = matches_for(me, [me, mutual, one_sided, nothing])

    assert [m.other for m in result] == [2, 3]
    reasons = {(r.direction, r.offer, r.need) for r in result[0].reasons}
    assert reasons == {("they_offer", "internships", "skilled_staff"), ("we_offer", "data", "data")}


def test_shared_competences_count_but_less_than_a_met_need():
    me = actor(1, needs={"rooms"}, competences={7, 8})
    colleague = actor(2, competences={7})
    landlord = actor(3, offers={"rooms"})

    result = matches_for(me, [colleague, landlord])

    assert [m.other for m in result] == [3, 2]
    assert result[1].shared_competences == {7}


profiles = st.builds(
    actor,
    id=st.integers(1, 30),
    offers=st.frozensets(st.sampled_from(CATEGORIES)),
    needs=st.frozensets(st.sampled_from(CATEGORIES)),
    competences=st.frozensets(st.integers(1, 5)),
)


@given(me=profiles, others=st.lists(profiles, max_size=12))
def test_matches_are_sorted_limited_and_never_include_oneself(me, others):
    result = matches_for(me, others, limit=5)

    assert len(result) <= 5
    assert all(m.other != me.id for m in result)
    assert [m.score for m in result] == sorted((m.score for m in result), reverse=True)
    for match in result:
        assert match.reasons or match.shared_competences
