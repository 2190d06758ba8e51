"""Who may write which fields of which DocType, in which state of the application (SPEC §2, §3, §11).

One table, read by the server's check on every save (whatever the door: form, REST, import, bulk,
server code) and by the tests that walk it. A field nobody is granted is the system's: a save by a
user that changes it is refused, except the RECOMPUTED ones, which every save derives again (a value
a client sends for them is ignored). Frappe-free.
"""

from __future__ import annotations

from typing import NamedTuple

from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
	RETURNED_TO_COUNTY,
)
from hqe_app.programme.roles import ADMINISTRATOR
from hqe_app.programme.workflow import CITY, COMMUNITY, COUNTY, STATES, TOWNSHIP
from hqe_app.scoring import get_scheme

APPLICATION = "HQE Application"
REVIEW = "HQE Review"
COMMUNITY_DOCTYPE = "HQE Community"

ANY_STATE = None


class Grant(NamedTuple):
	doctype: str
	fields: frozenset[str]
	roles: frozenset[str]
	states: frozenset[str] | None  # the application's states in which the grant holds; None: any
	#: for a table: "rows" may add, change and remove rows; "append" may add rows and change only
	#: `columns` of the rows already there (nothing recorded is removed)
	rows: str = "rows"
	columns: frozenset[str] = frozenset()


def _grant(doctype, fields, roles, states=ANY_STATE, rows="rows", columns=()) -> Grant:
	return Grant(
		doctype,
		frozenset(fields),
		frozenset(roles),
		None if states is None else frozenset(states),
		rows,
		frozenset(columns),
	)


#: The community's own data (SPEC §4): the scheme's indicator values (not the media counts, which the
#: media report table gives, nor innovation points, the county's), its media reports and evidence.
INDICATOR_FIELDS = frozenset(get_scheme().field_map) - {
	"media_reports_county",
	"media_reports_city",
	"media_reports_province",
	"innovation_points",
}
#: `checklist_answers`: the yes/no items a scheme adds (its rows are made by the server, see
#: application/checklist_answers.py; the community gives the answers).
COMMUNITY_DATA = INDICATOR_FIELDS | {
	"community",
	"year",
	"media_reports",
	"evidence",
	"achievements",
	"checklist_answers",
}

#: Derived by the server on every save: what a client sends for them is ignored.
RECOMPUTED = {
	APPLICATION: frozenset(
		{
			"community_name",
			"township",
			"county",
			"scheme",
			"base_score",
			"bonus_score",
			"total_score",
			"self_reported_total",
			"eligible",
			"score_flags",
			"to_pass_options",
			"data_flags",
			"indicator_results",
			"corrections",
			"innovation_points",
			"media_reports_county",
			"media_reports_city",
			"media_reports_province",
		}
	),
	REVIEW: frozenset({"community", "community_name", "year", "township", "county", "reviewer"}),
	COMMUNITY_DOCTYPE: frozenset({"county"}),
}

#: The states each level reviews in: its review is written only while the application waits for that
#: level's decision, so a decision stands on the data it was taken on; a later correction goes through
#: a return (the city's return gives the county its review back). The county may also record its
#: innovation points with a draft it imports from its own data template.
REVIEW_STATES = {
	"Township": frozenset({PENDING_TOWNSHIP}),
	"County": frozenset({DRAFT, PENDING_COUNTY, RETURNED_TO_COUNTY}),
	"City": frozenset({RECOMMENDED, CITY_REVIEW, PUBLICIZED}),
}
#: The role that writes each level's review.
REVIEW_ROLE = {"Township": TOWNSHIP, "County": COUNTY, "City": CITY}

GRANTS: tuple[Grant, ...] = (
	# the community's data is the community's, and only while it is a draft (a return brings it back)
	_grant(APPLICATION, COMMUNITY_DATA, {COMMUNITY}, {DRAFT}),
	# 建设成效: drafted by the community with its application, edited by the county (SPEC §8, §11)
	_grant(APPLICATION, {"achievements"}, {COUNTY}, {PENDING_COUNTY, COUNTY_CERTIFIED, RETURNED_TO_COUNTY}),
	# the reason for the next action, written by whoever acts in the state
	*(_grant(APPLICATION, {"action_reason"}, {s.editor}, {s.name}) for s in STATES),
	# objections during publication: recorded and decided by the city, never removed (a citizen's
	# objection from the public page is added by the system)
	_grant(
		APPLICATION, {"objections"}, {CITY}, {PUBLICIZED}, rows="append", columns={"decision", "resolution"}
	),
	_grant(APPLICATION, {"recommended_to_province"}, {CITY}, {CITY_CERTIFIED}),
	# a review's contents, by its own level's role while the application is at that level
	*(
		_grant(
			REVIEW,
			{"application", "review_level", "decision", "opinion", "seal_note", "review_date"},
			{role},
			REVIEW_STATES[level],
		)
		for level, role in REVIEW_ROLE.items()
	),
	_grant(REVIEW, {"corrections"}, {COUNTY}, REVIEW_STATES["County"]),
	_grant(REVIEW, {"innovation_points"}, {COUNTY}, REVIEW_STATES["County"]),
	_grant(REVIEW, {"corrections"}, {CITY}, REVIEW_STATES["City"]),
	_grant(
		REVIEW,
		{"material_check", "data_check", "site_visit_date", "site_visit_people", "site_visit_record"},
		{CITY},
		REVIEW_STATES["City"],
	),
	# a community's record: its officer keeps the contacts; its place in the tree is the administrator's
	_grant(
		COMMUNITY_DOCTYPE,
		{"contact_person", "phone", "address"},
		{COMMUNITY, TOWNSHIP, COUNTY, ADMINISTRATOR},
	),
	_grant(
		COMMUNITY_DOCTYPE,
		{"community_name", "community_type", "township", "disabled"},
		{ADMINISTRATOR},
	),
)
#: DocTypes whose writes the table governs.
GOVERNED = frozenset(g.doctype for g in GRANTS)


def grants_for(doctype: str, fieldname: str, roles: set[str], state: str | None) -> list[Grant]:
	"""The grants that let a holder of `roles` write `fieldname` of `doctype` in `state`."""
	return [
		g
		for g in GRANTS
		if g.doctype == doctype
		and fieldname in g.fields
		and g.roles & roles
		and (g.states is None or state in g.states)
	]
