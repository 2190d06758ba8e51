"""Staff import: a workbook of people → users with a level's Role Profile and exactly one node.

Every row is checked first, on its own and against the site — the node exists, at the row's level,
unambiguously, inside the importer's own region; the e-mail is a person of the programme; a move
or a disable names someone who exists; a mobile number belongs to nobody else — and nothing is
written when any row fails: the result lists each row and field.

Then each row is written under `frappe.flags.in_import`, as Frappe's Data Import writes (no
user-creation throttle, no gravatar lookup), with no welcome e-mail unless asked. New people go
through `new_people` (User.insert clears the whole site's cache on every save: see there); moves,
updates and disables through `User.save`, and nodes through User Permission insert and delete.

A file of more than BACKGROUND_ABOVE rows is checked and planned by one background job, which then
queues its writing in chunks of CHUNK_ROWS rows, one job and one transaction each, for as many
workers as the bench runs on its long queue. Each chunk plans its own rows again when it runs, so a
re-run of the same file writes only what is missing: a chunk that did not finish is written, and a
row already written is found unchanged. The import's document adds each chunk's counts (under a row
lock) and is done when every row is counted or refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

import frappe
from frappe import _
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from frappe.utils.background_jobs import is_job_enqueued
from hqe_app.forms.staff_workbook import read_records
from hqe_app.programme.roles import (
	ADMINISTRATOR,
	COMMUNITY_NODE,
	LEVEL_PROFILES,
	MODULE_PROFILE,
	NODE_DOCTYPES,
	REGION_NODE,
	ROLES,
)
from hqe_app.programme.staff import (
	ACTIVE,
	DISABLE,
	LEVEL_LABELS,
	MOVE,
	STATUS_LABELS,
	RowError,
	StaffRow,
	check_rows,
)

from . import new_people

BACKGROUND_ABOVE = 200  # rows; smaller files are imported while the administrator waits
CHUNK_ROWS = 500  # rows per background job and transaction (Frappe stops one at 200,000 writes)
#: Roles Frappe gives by itself; any other role outside the programme's makes a user "not staff".
AUTOMATIC_ROLES = {"All", "Guest", "Desk User"}
PROFILE_LEVEL = {profile: level for level, profile in LEVEL_PROFILES.items()}
CREATE, UPDATE, MOVED, DISABLED, UNCHANGED = "created", "updated", "moved", "disabled", "unchanged"


@dataclass
class Action:
	row: StaffRow
	kind: str
	node: tuple[str, str] | None = None  # (allow, for_value) of the User Permission to hold
	old_nodes: list[str] = field(default_factory=list)  # names of User Permissions to remove
	username: str = ""  # a new person's, chosen for the whole file (new_people.choose_usernames)


@dataclass
class Outcome:
	rows: int = 0
	counts: dict[str, int] = field(default_factory=dict)
	errors: list[RowError] = field(default_factory=list)

	def as_dict(self) -> dict:
		return {"rows": self.rows, "counts": self.counts, "errors": [e.__dict__ for e in self.errors]}


# --- the whole import ------------------------------------------------------------------------------


def import_file(path: str, send_welcome_email: bool = False) -> Outcome:
	"""Check every row of the workbook at `path`, then write all of them, or none when one fails."""
	outcome, actions = check_file(path)
	if not outcome.errors:
		outcome.counts = write(actions, send_welcome_email)
	return outcome


def check_file(path: str) -> tuple[Outcome, list[Action]]:
	"""The workbook's rows checked and planned: what each does, or every refusal in the outcome."""
	try:
		records = read_records(path)
	except ValueError as e:
		frappe.throw(_("The workbook has no column {0}").format(str(e)), title=_("Cannot Read the File"))
	except Exception:
		frappe.throw(_("The file is not an Excel workbook (.xlsx)"), title=_("Cannot Read the File"))
	checked = check_rows(records, _)
	outcome = Outcome(rows=len(records), errors=checked.errors)
	actions = plan(checked.rows, frappe.session.user, outcome.errors)
	outcome.errors.sort(key=lambda e: e.row)
	return outcome, actions


# --- checks against the site -----------------------------------------------------------------------


class Site:
	"""What the rows are checked against, read once: the region tree, the communities, the users."""

	def __init__(self, rows: list[StaffRow], importer: str) -> None:
		self.regions = {
			r.name: r
			for r in frappe.get_all(
				"HQE Region", fields=["name", "region_level", "parent_hqe_region"], limit_page_length=0
			)
		}
		self.communities: dict[str, frappe._dict] = {}
		self.by_pair: dict[tuple[str, str], str] = {}
		self.by_name: dict[str, list[str]] = defaultdict(list)
		for c in frappe.get_all(
			"HQE Community",
			fields=["name", "community_name", "township", "disabled"],
			limit_page_length=0,
		):
			self.communities[c.name] = c
			self.by_pair[(c.township, c.community_name)] = c.name
			self.by_name[c.community_name].append(c.name)
		self.scope = region_scope(importer)
		emails = [r.email for r in rows]
		self.users = {
			u.name: u
			for u in frappe.get_all(
				"User",
				filters={"name": ("in", emails or [""])},
				fields=["name", "enabled", "role_profile_name", "mobile_no", "first_name"],
				limit_page_length=0,
			)
		}
		self.roles: dict[str, set[str]] = defaultdict(set)
		self.nodes: dict[str, list[frappe._dict]] = defaultdict(list)
		if self.users:
			for r in frappe.get_all(
				"Has Role",
				filters={"parent": ("in", list(self.users)), "parenttype": "User"},
				fields=["parent", "role"],
				limit_page_length=0,
			):
				self.roles[r.parent].add(r.role)
			for p in frappe.get_all(
				"User Permission",
				filters={"user": ("in", list(self.users)), "allow": ("in", NODE_DOCTYPES)},
				fields=["name", "user", "allow", "for_value"],
				limit_page_length=0,
			):
				self.nodes[p.user].append(p)
		mobiles = [r.mobile_no for r in rows if r.mobile_no]
		self.mobile_owner = {
			u.mobile_no: u.name
			for u in frappe.get_all(
				"User",
				filters={"mobile_no": ("in", mobiles or [""])},
				fields=["name", "mobile_no"],
				limit_page_length=0,
			)
		}

	def in_scope(self, allow: str, value: str) -> bool:
		if self.scope is None:
			return True
		if allow == COMMUNITY_NODE:
			community = self.communities.get(value)
			return bool(community) and community.township in self.scope
		return value in self.scope


def region_scope(user: str) -> set[str] | None:
	"""The regions an importer may give people (its nodes and what lies below); None: the whole site."""
	if user == "Administrator" or "System Manager" in frappe.get_roles(user):
		return None
	return {
		entry["doc"]
		for entry in get_user_permissions(user).get(REGION_NODE, [])
		if not entry.get("applicable_for")
	}


def plan(
	rows: list[StaffRow], importer: str, errors: list[RowError], usernames: dict[str, str] | None = None
) -> list[Action]:
	"""What each row does to the site; refusals go to `errors`. New people get the usernames given, or
	those chosen here for the whole file."""
	site = Site(rows, importer)
	actions = []
	for row in rows:
		before = len(errors)
		action = plan_row(site, row, errors)
		if action and len(errors) == before:
			actions.append(action)
	new = [a.row for a in actions if a.kind == CREATE]
	chosen = usernames if usernames is not None else new_people.choose_usernames(new)
	for action in actions:
		if action.kind == CREATE:
			action.username = chosen.get(action.row.email, "")
	return actions


def plan_row(site: Site, row: StaffRow, errors: list[RowError]) -> Action | None:
	def refuse(column: str, message: str) -> None:
		errors.append(RowError(row.number, column, message))

	user = site.users.get(row.email)
	owner = site.mobile_owner.get(row.mobile_no)
	if row.mobile_no and owner and owner != row.email:
		refuse("mobile_no", _("{0} is already the mobile number of {1}").format(row.mobile_no, owner))
	if user and not is_staff(site, user.name):
		refuse(
			"email",
			_("{0} is not a person of the programme; the staff workbook does not change it").format(
				row.email
			),
		)
		return None
	held = site.nodes.get(row.email, []) if user else []
	outside = [p.for_value for p in held if not site.in_scope(p.allow, p.for_value)]
	if outside:
		refuse("email", _("{0} holds {1}, outside your region").format(row.email, outside[0]))
		return None
	if row.status == DISABLE:
		if not user:
			refuse("email", _("No user {0} to disable").format(row.email))
			return None
		return Action(row, DISABLED if user.enabled else UNCHANGED)

	node = resolve_node(site, row, refuse)
	if node is None:
		return None
	if not site.in_scope(*node):
		refuse("node", _("{0} is outside your region").format(row.node))
		return None
	if row.status == MOVE and not user:
		refuse(
			"email",
			_("No user {0} to move; write {1} to add a person").format(row.email, STATUS_LABELS[ACTIVE]),
		)
		return None
	profile = LEVEL_PROFILES[row.level]
	same_place = (
		user and user.role_profile_name == profile and [(p.allow, p.for_value) for p in held] == [node]
	)
	if user and row.status == ACTIVE and held and not same_place:
		refuse(
			"node",
			_("{0} already holds {1}; write {2} to move them").format(
				row.email, held[0].for_value, STATUS_LABELS[MOVE]
			),
		)
		return None
	old = [p.name for p in held if (p.allow, p.for_value) != node]
	if not user:
		return Action(row, CREATE, node)
	if same_place and not old:
		changed = (row.full_name and row.full_name != (user.first_name or "")) or (
			row.mobile_no and row.mobile_no != (user.mobile_no or "")
		)
		return Action(row, UPDATE if changed or not user.enabled else UNCHANGED, node)
	return Action(row, MOVED, node, old)


def is_staff(site: Site, user: str) -> bool:
	"""A user the staff workbook may change: one it manages, holding programme roles and nothing else
	(not an administrator). An account with no role at all is someone else's (a website user, an
	account being set up) and is never taken over."""
	roles = site.roles.get(user, set()) - AUTOMATIC_ROLES
	return (
		user not in ("Administrator", "Guest")
		and bool(roles)
		and ADMINISTRATOR not in roles
		and roles <= set(ROLES)
	)


def resolve_node(site: Site, row: StaffRow, refuse) -> tuple[str, str] | None:
	"""The row's node as (allow, for_value), or None after refusing with the reason."""
	wanted = LEVEL_LABELS[row.level]
	if row.level == "Community":
		if row.parent:
			if row.parent not in site.regions:
				refuse("parent", _("Unknown township {0}").format(row.parent))
				return None
			name = site.by_pair.get((row.parent, row.node)) or (
				row.node if site.communities.get(row.node, {}).get("township") == row.parent else None
			)
			if not name:
				refuse("node", _("{0} has no community {1}").format(row.parent, row.node))
				return None
		elif row.node in site.communities:
			name = row.node
		else:
			found = site.by_name.get(row.node, [])
			if len(found) > 1:
				refuse(
					"node",
					_("Several communities are named {0}: give the township in 上级节点").format(row.node),
				)
				return None
			if not found:
				refuse_unknown(site, row, wanted, refuse)
				return None
			name = found[0]
		return (COMMUNITY_NODE, name)
	region = site.regions.get(row.node)
	if not region:
		refuse_unknown(site, row, wanted, refuse)
		return None
	if region.region_level != row.level:
		refuse(
			"node", _("{0} is a {1}, not a {2}").format(row.node, LEVEL_LABELS[region.region_level], wanted)
		)
		return None
	if row.parent and row.parent != (region.parent_hqe_region or ""):
		refuse("parent", _("{0} does not lie under {1}").format(row.node, row.parent))
		return None
	return (REGION_NODE, region.name)


def refuse_unknown(site: Site, row: StaffRow, wanted: str, refuse) -> None:
	"""A node that does not exist at the row's level: say which level it has, if any."""
	if row.level != "Community" and (row.node in site.communities or row.node in site.by_name):
		refuse("node", _("{0} is a {1}, not a {2}").format(row.node, LEVEL_LABELS["Community"], wanted))
	elif row.level == "Community" and row.node in site.regions:
		level = LEVEL_LABELS[site.regions[row.node].region_level]
		refuse("node", _("{0} is a {1}, not a {2}").format(row.node, level, wanted))
	else:
		refuse("node", _("Unknown node {0}").format(row.node))


# --- writing ---------------------------------------------------------------------------------------


def write(actions: list[Action], send_welcome_email: bool) -> dict[str, int]:
	"""Write the planned rows: new people together (new_people), the others through Frappe's documents;
	counts per kind of change."""
	counts = {kind: 0 for kind in (CREATE, UPDATE, MOVED, DISABLED, UNCHANGED)}
	in_import = frappe.flags.in_import
	frappe.flags.in_import = True  # as Frappe's Data Import: no user-creation throttle, no gravatar lookups
	try:
		new_people.create_people(
			((a.row, a.username, a.node) for a in actions if a.kind == CREATE), send_welcome_email
		)
		for action in actions:
			if action.kind != CREATE:
				apply_action(action)
			counts[action.kind] += 1
	finally:
		frappe.flags.in_import = in_import
	return counts


def apply_action(action: Action) -> None:
	"""A move, an update or a disable of someone who exists, through User.save."""
	row = action.row
	if action.kind == UNCHANGED:
		return
	user = frappe.get_doc("User", row.email)
	was_enabled = user.enabled
	if action.kind == DISABLED:
		user.enabled = 0
	else:
		user.enabled = 1
		if row.full_name:
			user.first_name = row.full_name
		if row.mobile_no:
			user.mobile_no = row.mobile_no
		user.role_profile_name = LEVEL_PROFILES[row.level]
		user.module_profile = MODULE_PROFILE
	if user.enabled != was_enabled:
		follow_notifications(user.name, user.enabled)
	user.save(ignore_permissions=True)
	for name in action.old_nodes:
		frappe.delete_doc("User Permission", name, ignore_permissions=True)
	if action.kind == MOVED and not frappe.db.exists(
		"User Permission", {"user": row.email, "allow": action.node[0], "for_value": action.node[1]}
	):
		new_people.hold_node(row.email, action.node)


def follow_notifications(user: str, enabled: int) -> None:
	"""Switch the person's Notification Settings with their account, as User.validate would.

	User.validate saves them without ignore_permissions, which only a System Manager passes; done
	here first (the import is authorised), User.validate finds nothing left to change.
	"""
	if frappe.db.exists("Notification Settings", user):
		settings = frappe.get_doc("Notification Settings", user)
		settings.enabled = enabled
		settings.save(ignore_permissions=True)


# --- the desk (HQE Staff Import) -------------------------------------------------------------------

DOCTYPE = "HQE Staff Import"
IMPORTERS = (ADMINISTRATOR, "System Manager")


@frappe.whitelist()
def download_template() -> None:
	"""The empty staff workbook, as a download."""
	from hqe_app.forms.staff_workbook import template_bytes

	frappe.only_for(IMPORTERS)
	frappe.response.filename = "人员导入模板.xlsx"
	frappe.response.filecontent = template_bytes(_)
	frappe.response.type = "binary"


@frappe.whitelist()
def start_import(name: str) -> dict:
	"""Run an HQE Staff Import: at once for a small file, else in background jobs."""
	frappe.only_for(IMPORTERS)
	doc = frappe.get_doc(DOCTYPE, name)
	doc.check_permission("write")
	if doc.status == "Queued" and running(name):
		frappe.throw(_("This import is already running"))
	path = frappe.get_doc("File", {"file_url": doc.import_file}).get_full_path()
	try:
		rows = len(read_records(path))
	except Exception:
		rows = 0  # not a workbook: the import below says so
	if rows <= BACKGROUND_ABOVE:
		run(doc, path)
		return {"queued": False}
	doc.db_set("status", "Queued")
	frappe.enqueue(
		"hqe_app.high_quality_employment.people.staff_import.plan_job",
		queue="long",
		timeout=max(1800, rows // 10),
		job_id=job_id(name, "plan"),
		name=name,
		path=path,
		enqueue_after_commit=True,
	)
	return {"queued": True}


def job_id(name: str, part: str | int) -> str:
	return f"hqe-staff-import::{name}::{part}"


def running(name: str) -> bool:
	"""Whether a job of this import is queued or running (else a Queued import was cut short: a re-run
	finishes it)."""
	chunks = frappe.db.get_value(DOCTYPE, name, "total_rows") // CHUNK_ROWS + 1
	return any(is_job_enqueued(job_id(name, part)) for part in ("plan", *range(chunks)))


def run(doc, path: str) -> Outcome:
	"""Import while the administrator waits, and record the outcome on the HQE Staff Import document."""
	try:
		outcome = import_file(path, bool(doc.send_welcome_email))
	except Exception as e:
		frappe.db.rollback()
		outcome = Outcome(errors=[failure(0, e)])
	doc.reload()
	doc.record(outcome)
	frappe.publish_realtime("hqe_staff_import_done", {"name": doc.name}, user=frappe.session.user)
	return outcome


def failure(row: int, e: Exception) -> RowError:
	return RowError(row, "", frappe.utils.strip_html(str(e)) or type(e).__name__)


def plan_job(name: str, path: str) -> None:
	"""Check and plan the whole workbook, then queue its writing in chunks (write_job)."""
	doc = frappe.get_doc(DOCTYPE, name)
	try:
		outcome, actions = check_file(path)
	except Exception as e:
		frappe.db.rollback()
		outcome, actions = Outcome(errors=[failure(0, e)]), []
	doc.reload()
	if outcome.errors or not actions:
		doc.record(outcome)
		frappe.db.commit()
		frappe.publish_realtime("hqe_staff_import_done", {"name": name}, user=frappe.session.user)
		return
	doc.start(len(actions))  # every row of the file, each planned: the chunks count them off
	frappe.db.commit()
	for part, start in enumerate(range(0, len(actions), CHUNK_ROWS)):
		chunk = actions[start : start + CHUNK_ROWS]
		frappe.enqueue(
			"hqe_app.high_quality_employment.people.staff_import.write_job",
			queue="long",
			timeout=1800,
			job_id=job_id(name, part),
			name=name,
			rows=[asdict(a.row) for a in chunk],
			usernames={a.row.email: a.username for a in chunk if a.kind == CREATE},
			send_welcome_email=bool(doc.send_welcome_email),
		)


def write_job(name: str, rows: list[dict], usernames: dict[str, str], send_welcome_email: bool) -> None:
	"""One chunk of a background import, in one transaction: its rows planned again against the site as
	it is now (a row already written is unchanged), then written; its counts added to the import."""
	staff = [StaffRow(**row) for row in rows]
	errors: list[RowError] = []
	counts: dict[str, int] = {}
	try:
		actions = plan(staff, frappe.session.user, errors, usernames)
		if not errors:
			counts = write(actions, send_welcome_email)
	except Exception as e:
		errors = [failure(row.number, e) for row in staff]
	if errors:
		frappe.db.rollback()
	doc = frappe.get_doc(DOCTYPE, name, for_update=True)
	done = doc.add_chunk(len(staff), counts, errors)
	frappe.db.commit()
	frappe.publish_progress(doc.progress(), title=_("Importing Staff"), doctype=DOCTYPE, docname=name)
	if done:
		frappe.publish_realtime("hqe_staff_import_done", {"name": name}, user=frappe.session.user)
