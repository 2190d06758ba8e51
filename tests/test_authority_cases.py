"""Who may write what, written out by hand from SPEC §2–§3 (not read from the table it checks).

`programme/authority.py` is one table; the tests that walk it take their answers from it, so a wrong
grant would pass them. These cases are the notice's own answers, one line each: a wrong grant or a
missing one fails here.
"""

from __future__ import annotations

import pytest

from hqe_app.programme.authority import grants_for
from hqe_app.programme.roles import ADMINISTRATOR
from hqe_app.programme.workflow import CITY, COMMUNITY, COUNTY, TOWNSHIP

APP, REVIEW, COMMUNITY_DT = "HQE Application", "HQE Review", "HQE Community"

CASES = [
	# the community keeps its own data, and only while it is a draft (§2, §3)
	(APP, "employed", COMMUNITY, "Draft", True),
	(APP, "employed", COMMUNITY, "Pending Township", False),
	(APP, "employed", COMMUNITY, "County Certified", False),
	(APP, "employed", TOWNSHIP, "Pending Township", False),
	(APP, "employed", COUNTY, "Pending County", False),
	(APP, "employed", CITY, "City Review", False),
	(APP, "has_service_venue", COMMUNITY, "Draft", True),
	(APP, "has_service_venue", COUNTY, "Pending County", False),
	(APP, "evidence", COMMUNITY, "Draft", True),
	(APP, "evidence", COMMUNITY, "Pending County", False),
	# scores and the engine's outputs are nobody's to write
	(APP, "total_score", COMMUNITY, "Draft", False),
	(APP, "total_score", COUNTY, "Pending County", False),
	(APP, "total_score", CITY, "City Review", False),
	# the reason for the next action is written by the level that acts in the state
	(APP, "action_reason", TOWNSHIP, "Pending Township", True),
	(APP, "action_reason", COMMUNITY, "Pending Township", False),
	(APP, "action_reason", COUNTY, "Pending County", True),
	(APP, "action_reason", TOWNSHIP, "Pending County", False),
	(APP, "action_reason", CITY, "City Review", True),
	(APP, "action_reason", COUNTY, "Returned to County", True),
	# objections are the city's, during the publication only
	(APP, "objections", CITY, "Publicized", True),
	(APP, "objections", CITY, "City Review", False),
	(APP, "objections", COUNTY, "Publicized", False),
	# recommending to the province is the city's, once it has certified
	(APP, "recommended_to_province", CITY, "City Certified", True),
	(APP, "recommended_to_province", CITY, "Publicized", False),
	(APP, "recommended_to_province", COUNTY, "City Certified", False),
	# a level's review, while the application waits for that level's decision (§3)
	(REVIEW, "opinion", TOWNSHIP, "Pending Township", True),
	(REVIEW, "opinion", TOWNSHIP, "Pending County", False),
	(REVIEW, "corrections", COUNTY, "Pending County", True),
	(REVIEW, "corrections", COUNTY, "County Certified", False),  # certified: corrected only after a return
	(REVIEW, "corrections", COUNTY, "Returned to County", True),
	(REVIEW, "corrections", COUNTY, "City Review", False),
	(REVIEW, "corrections", TOWNSHIP, "Pending Township", False),  # verifying data is the county's
	(REVIEW, "corrections", CITY, "City Review", True),
	(REVIEW, "corrections", CITY, "City Certified", False),
	(REVIEW, "innovation_points", COUNTY, "Pending County", True),
	(REVIEW, "innovation_points", CITY, "City Review", False),
	(REVIEW, "site_visit_record", CITY, "City Review", True),
	(REVIEW, "site_visit_record", COUNTY, "Pending County", False),
	# a community's record: contacts by its people, its place in the tree by the administrator
	(COMMUNITY_DT, "phone", COMMUNITY, None, True),
	(COMMUNITY_DT, "township", TOWNSHIP, None, False),
	(COMMUNITY_DT, "township", COUNTY, None, False),
	(COMMUNITY_DT, "township", ADMINISTRATOR, None, True),
	(COMMUNITY_DT, "disabled", COUNTY, None, False),
	(COMMUNITY_DT, "disabled", ADMINISTRATOR, None, True),
]


@pytest.mark.parametrize(("doctype", "field", "role", "state", "allowed"), CASES)
def test_who_may_write_what(doctype, field, role, state, allowed) -> None:
	assert bool(grants_for(doctype, field, {role}, state)) is allowed


def test_the_cases_cover_every_level_and_both_answers() -> None:
	assert {case[2] for case in CASES} == {COMMUNITY, TOWNSHIP, COUNTY, CITY, ADMINISTRATOR}
	assert {case[4] for case in CASES} == {True, False}
	assert len(CASES) >= 30
