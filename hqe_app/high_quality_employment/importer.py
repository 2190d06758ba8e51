"""Import applications from the SPEC §10 template (the file `hqe-score` reads), all or nothing.

Every row is checked first — its community, one application per community and year (in the file and
on the site), and the engine's refusals — and nothing is saved when any row fails: the result lists
each failing row and field. Then every row is inserted through the ORM (the same validations as the
form) in one transaction. Large files run as a background job that reports its progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import frappe
from frappe import _
from frappe.model.naming import set_new_name
from frappe.utils.file_manager import get_file_path
from hqe_app.high_quality_employment.application_scoring import MEDIA_LEVELS
from hqe_app.i18n import translator
from hqe_app.offline.columns import option_aliases
from hqe_app.offline.reader import InputRow, UnreadableFile, read_rows
from hqe_app.scoring import get_scheme
from hqe_app.scoring.validate import normalize

DOCTYPE = "HQE Application"
BACKGROUND_ABOVE = 200  # rows; smaller files are imported while the user waits
PROGRESS_EVERY = 50
MEDIA_OUTLET = {
	"County": "县级媒体（导入）",
	"City": "市级媒体（导入）",
	"Province": "省级及以上媒体（导入）",
}


@dataclass
class RowError:
	row: int
	field: str
	message: str


@dataclass
class ImportResult:
	rows: int = 0
	imported: list[str] = field(default_factory=list)
	errors: list[RowError] = field(default_factory=list)

	def as_dict(self) -> dict:
		return {
			"rows": self.rows,
			"imported": len(self.imported),
			"names": self.imported,
			"errors": [e.__dict__ for e in self.errors],
		}


@frappe.whitelist()
def import_applications(file_url: str) -> dict:
	"""Import an uploaded template: at once for a small file, else as a background job."""
	frappe.has_permission(DOCTYPE, "create", throw=True)
	path = get_file_path(file_url)
	rows = _read(path)
	if len(rows) <= BACKGROUND_ABOVE:
		return {"queued": False, **import_rows(rows).as_dict()}
	job = frappe.enqueue(
		"hqe_app.high_quality_employment.importer.run_import_job",
		queue="long",
		timeout=3600,
		path=path,
		user=frappe.session.user,
		now=frappe.flags.in_test,
	)
	return {"queued": True, "job": getattr(job, "id", None)}


def run_import_job(path: str, user: str) -> None:
	result = run_import(path, progress=True)
	frappe.publish_realtime("hqe_import_done", result.as_dict(), user=user)


def run_import(path: str | Path, progress: bool = False) -> ImportResult:
	"""Import a template file: every row, or none when a row fails."""
	return import_rows(_read(path), progress)


def import_rows(rows: list[InputRow], progress: bool = False) -> ImportResult:
	"""Check every row, then insert all of them, or none when a row fails."""
	result = ImportResult(rows=len(rows))
	prepared = prepare(rows, result)
	if result.errors:
		return result
	savepoint = "hqe_import"
	frappe.db.savepoint(savepoint)
	in_import = frappe.flags.in_import
	frappe.flags.in_import = True  # as Frappe's Data Import runs its inserts
	try:
		docs = []
		for i, (row, doc, _innovation) in enumerate(prepared, start=1):
			try:
				validate_for_insert(doc)
			except (frappe.ValidationError, frappe.PermissionError) as e:
				result.errors.append(RowError(row.number, "", _strip_html(str(e)) or _("Not permitted")))
				continue
			docs.append(doc)
			if progress and i % PROGRESS_EVERY == 0:
				frappe.publish_progress(i * 90 / len(prepared), title=_("Importing Applications"))
		if result.errors:
			raise frappe.ValidationError
		write_all(docs)
		for _row, doc, innovation in prepared:
			if innovation:
				_innovation_review(doc.name, innovation)
		result.imported = [doc.name for doc in docs]
	except (frappe.ValidationError, frappe.PermissionError):
		frappe.db.rollback(save_point=savepoint)
		result.imported = []
	finally:
		frappe.flags.in_import = in_import
	return result


def validate_for_insert(doc) -> None:
	"""Everything `Document.insert` checks and sets before it writes: defaults, links, permission,
	name, the controller's validate (engine scores, one per community and year, workflow guard)."""
	doc.flags.notifications_executed = []
	doc.set("__islocal", True)
	doc._set_defaults()
	doc.set_user_and_timestamp()
	doc.set_docstatus()
	doc.check_if_latest()
	doc._validate_links()
	doc.check_permission("create")
	doc.run_method("before_insert")
	doc.set_new_name()
	doc.set_parent_in_children()
	doc.validate_higher_perm_levels()
	doc.flags.in_insert = True
	doc.run_before_save_methods()
	doc._validate()
	doc.set_docstatus()
	doc.flags.in_insert = False


def write_all(docs: list) -> None:
	"""Write validated documents and their child rows with one multi-row INSERT per table and batch.

	A new draft has no transition, so the controller's on_update has no effect to apply; Frappe's
	Workflow Actions are off for this workflow (definition.FRAPPE_WORKFLOW_ACTIONS).
	"""
	tables: dict[str, list[dict]] = {}
	for doc in docs:
		for d in (doc, *doc.get_all_children()):
			if not d.name:
				set_new_name(d)
			tables.setdefault(d.doctype, []).append(
				d.get_valid_dict(convert_dates_to_str=True, ignore_nulls=False, ignore_virtual=True)
			)
	for doctype, rows in tables.items():
		fields = list(rows[0])
		frappe.db.bulk_insert(
			doctype, fields, [[row.get(f) for f in fields] for row in rows], chunk_size=2000
		)


def _innovation_review(application: str, points: float) -> None:
	"""Innovation points are the county assessor's; an imported value arrives as its county review."""
	frappe.get_doc(
		{
			"doctype": "HQE Review",
			"application": application,
			"review_level": "County",
			"innovation_points": points,
			"opinion": _("Imported"),
		}
	).insert()


def _read(path: str | Path) -> list[InputRow]:
	try:
		return read_rows(path, get_scheme(), translator("zh"))
	except UnreadableFile as e:
		frappe.throw(str(e), title=_("Cannot Read the File"))


def prepare(rows: list[InputRow], result: ImportResult) -> list[tuple[InputRow, object, float]]:
	"""Documents ready to insert, or errors in `result`; three queries for the whole file."""
	scheme = get_scheme()
	aliases = option_aliases(scheme, translator("zh"))
	communities = _communities(rows)
	existing = _existing(communities.values(), rows)
	seen: dict[tuple[str, int], int] = {}
	prepared = []
	for row in rows:
		v = row.values
		key = (str(v.get("township") or "").strip(), str(v.get("community") or "").strip())
		community = communities.get(key)
		year = _year(v.get("year"))
		if not community:
			result.errors.append(
				RowError(
					row.number, "community", _("Community {0} of {1} does not exist").format(key[1], key[0])
				)
			)
			continue
		if year is None:
			result.errors.append(RowError(row.number, "year", _("{0} is required").format(_("Year"))))
			continue
		if (community, year) in existing or (community, year) in seen:
			other = existing.get((community, year)) or _("row {0}").format(seen[(community, year)])
			result.errors.append(
				RowError(
					row.number,
					"community",
					_("{0} already has an application for {1}: {2}").format(key[1], year, other),
				)
			)
			continue
		seen[(community, year)] = row.number
		values = {spec.name: v.get(spec.name) for spec in scheme.fields}
		clean, errors = normalize(scheme, values, _, aliases)
		if errors:
			result.errors += [RowError(row.number, e.field, e.message) for e in errors]
			continue
		prepared.append((row, _document(community, year, clean), float(clean["innovation_points"] or 0)))
	return prepared


def _document(community: str, year: int, clean: dict) -> object:
	doc = frappe.new_doc(DOCTYPE)
	doc.community, doc.year = community, year
	for name, value in clean.items():
		if name in MEDIA_LEVELS.values() or name == "innovation_points":
			continue
		doc.set(name, int(value) if isinstance(value, bool) else value)
	for level, name in MEDIA_LEVELS.items():
		for _i in range(int(clean[name])):
			doc.append("media_reports", {"outlet": MEDIA_OUTLET[level], "level": level})
	return doc


def _communities(rows: list[InputRow]) -> dict[tuple[str, str], str]:
	townships = {str(r.values.get("township") or "").strip() for r in rows}
	found = frappe.get_all(
		"HQE Community",
		filters={"township": ("in", list(townships) or [""]), "disabled": 0},
		fields=["name", "township", "community_name"],
	)
	return {(c.township, c.community_name): c.name for c in found}


def _existing(communities, rows: list[InputRow]) -> dict[tuple[str, int], str]:
	years = {y for y in (_year(r.values.get("year")) for r in rows) if y is not None}
	found = frappe.get_all(
		DOCTYPE,
		filters={
			"community": ("in", list(communities) or [""]),
			"year": ("in", list(years) or [0]),
			"docstatus": ("<", 2),
		},
		fields=["name", "community", "year"],
	)
	return {(a.community, int(a.year)): a.name for a in found}


def _year(value) -> int | None:
	try:
		year = int(float(str(value).strip()))
	except (TypeError, ValueError):
		return None
	return year if 1900 < year < 3000 else None


def _strip_html(text: str) -> str:
	return frappe.utils.strip_html(text).strip()
