"""The application workflow of SPEC §3 as data: states, who edits in each, and the transitions.

The Workflow fixture is built from this table (and a test without Frappe checks the fixture against
it), so states, actions and roles live in one place; the guards in `guards.py` read it too.
"""

from __future__ import annotations

from typing import NamedTuple

from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REJECTED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	COUNTY_REJECTED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
	RETURNED_TO_COUNTY,
)

WORKFLOW_NAME = "HQE Application Workflow"
COMMUNITY = "HQE Community Officer"
TOWNSHIP = "HQE Township Reviewer"
COUNTY = "HQE County Assessor"
CITY = "HQE City Reviewer"

SUBMIT, CONSENT, RETURN, CERTIFY, REJECT = "Submit", "Consent", "Return", "Certify", "Reject"
RECOMMEND, START_REVIEW, APPROVE, CONFIRM = "Recommend", "Start Review", "Approve", "Confirm"
RESUBMIT = "Resubmit"


class State(NamedTuple):
	name: str
	docstatus: int  # 0 while the application can still go back down; 1 once the county certifies
	editor: str  # the role that may edit (and act) in this state
	style: str  # the Workflow State's style (the form's badge)
	color: str  # the list view's indicator colour


class Transition(NamedTuple):
	state: str
	action: str
	next_state: str
	role: str
	level: str  # the level whose review records this decision
	self_approval: bool = False  # only submitting one's own draft is not "approving"


STATES = (
	State(DRAFT, 0, COMMUNITY, "Danger", "red"),
	State(PENDING_TOWNSHIP, 0, TOWNSHIP, "Warning", "orange"),
	State(PENDING_COUNTY, 0, COUNTY, "Warning", "orange"),
	State(COUNTY_CERTIFIED, 1, COUNTY, "Primary", "blue"),
	State(COUNTY_REJECTED, 1, COUNTY, "Inverse", "gray"),
	State(RECOMMENDED, 1, CITY, "Info", "purple"),
	State(RETURNED_TO_COUNTY, 1, COUNTY, "Warning", "orange"),
	State(CITY_REVIEW, 1, CITY, "Info", "purple"),
	State(PUBLICIZED, 1, CITY, "Warning", "yellow"),
	State(CITY_CERTIFIED, 1, CITY, "Success", "green"),
	State(CITY_REJECTED, 1, CITY, "Inverse", "gray"),
)

TRANSITIONS = (
	Transition(DRAFT, SUBMIT, PENDING_TOWNSHIP, COMMUNITY, "Community", self_approval=True),
	Transition(PENDING_TOWNSHIP, CONSENT, PENDING_COUNTY, TOWNSHIP, "Township"),
	Transition(PENDING_TOWNSHIP, RETURN, DRAFT, TOWNSHIP, "Township"),
	Transition(PENDING_COUNTY, CERTIFY, COUNTY_CERTIFIED, COUNTY, "County"),
	Transition(PENDING_COUNTY, RETURN, PENDING_TOWNSHIP, COUNTY, "County"),
	Transition(PENDING_COUNTY, REJECT, COUNTY_REJECTED, COUNTY, "County"),
	Transition(COUNTY_CERTIFIED, RECOMMEND, RECOMMENDED, COUNTY, "County"),
	Transition(RECOMMENDED, START_REVIEW, CITY_REVIEW, CITY, "City"),
	Transition(CITY_REVIEW, APPROVE, PUBLICIZED, CITY, "City"),
	Transition(CITY_REVIEW, REJECT, CITY_REJECTED, CITY, "City"),
	# the city asks its county for more material; the county supplements and the city reviews again
	Transition(CITY_REVIEW, RETURN, RETURNED_TO_COUNTY, CITY, "City"),
	Transition(RETURNED_TO_COUNTY, RESUBMIT, RECOMMENDED, COUNTY, "County"),
	Transition(PUBLICIZED, CONFIRM, CITY_CERTIFIED, CITY, "City"),
	# an objection the city upheld during 公示 ends the application (SPEC §3)
	Transition(PUBLICIZED, REJECT, CITY_REJECTED, CITY, "City"),
)

#: Actions that need a reason.
NEEDS_REASON = frozenset({RETURN, REJECT})
#: Action masters every Frappe site already has (not ours to ship or remove).
FRAPPE_ACTIONS = frozenset({"Approve", "Reject", "Review"})
ACTIONS = tuple(dict.fromkeys(t.action for t in TRANSITIONS))
OWN_ACTIONS = tuple(a for a in ACTIONS if a not in FRAPPE_ACTIONS)
STATE_NAMES = tuple(s.name for s in STATES)
STATE_DOCSTATUS = {s.name: s.docstatus for s in STATES}
#: The role that acts (and edits) in each state: who is told that an application waits for them.
EDITOR = {s.name: s.editor for s in STATES}
#: Frappe's Workflow Action records and e-mails are off (every state "optional" in the fixture): the
#: app assigns the next level's users of the document's own node instead (`effects.assign_next`),
#: so one mechanism tells who acts next and it is scoped to the subtree.
FRAPPE_WORKFLOW_ACTIONS = False


def transition_between(state: str, next_state: str) -> Transition | None:
	return next((t for t in TRANSITIONS if t.state == state and t.next_state == next_state), None)
