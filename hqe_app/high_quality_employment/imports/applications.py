"""Import applications from the SPEC §10 template (the file `hqe-score` reads), all or nothing.

Only Frappe's public API: each row becomes a document inserted with `Document.insert()` as the
importing user, so an imported row passes exactly what a form's insert passes and leaves the same
records behind — the role and User Permission checks (a community officer its own community, a
township or county user its subtree), the controller's methods, other apps' `doc_events`,
notifications, versions, follows and the workflow's hooks. Innovation points are the county's: a
county user's value is inserted as the application's County-level HQE Review (the same insert as
the review form's); from anyone else the row is refused on that field.

All rows run in one transaction, each under its own savepoint so that every row's errors are
collected; when any row fails, everything is rolled back and the result names each failing row and
field (Frappe's own pop-ups about a refused row are replaced by that row's error). From
`writers.PARALLEL_FROM` rows on, several writer processes insert the rows, each its share in a
transaction of its own, and all commit or all roll back (`writers`). The file is read only when the user may read its
File. Files above BACKGROUND_ABOVE rows run as a background job that reports its progress.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import frappe
from frappe import _
from hqe_app.excel_io.columns import option_aliases
from hqe_app.excel_io.reader import InputRow, UnreadableFile, read_rows
from hqe_app.high_quality_employment.application.checklist_answers import TABLE
from hqe_app.high_quality_employment.application.scoring import MEDIA_LEVELS
from hqe_app.high_quality_employment.imports import writers
from hqe_app.high_quality_employment.schemes.registry import covering, scheme_for
from hqe_app.i18n import translator
from hqe_app.programme.workflow import COUNTY
from hqe_app.scoring import Scheme
from hqe_app.scoring.validate import normalize

DOCTYPE = "HQE Application"
BACKGROUND_ABOVE = 200  # rows; smaller files are imported while the user waits
PROGRESS_EVERY = 50
IMPORT_SAVEPOINT = "hqe_import"
ROW_SAVEPOINT = "hqe_import_row"
FILE_ROW = 0  # the row number of an error about the file as a whole
#: What an insert raises when it refuses a row (DuplicateEntryError is not a ValidationError).
REFUSALS = (frappe.ValidationError, frappe.PermissionError, frappe.DuplicateEntryError)
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
	written: list[tuple[int, str]] = field(default_factory=list)  # (row, name) of each inserted row
	errors: list[RowError] = field(default_factory=list)

	@property
	def imported(self) -> list[str]:
		"""The names inserted, in the file's order."""
		return [name for _row, name in sorted(self.written)]

	def as_dict(self) -> dict:
		return {
			"rows": self.rows,
			"imported": len(self.imported),
			"names": self.imported,
			"errors": [e.__dict__ for e in sorted(self.errors, key=lambda e: e.row)],
		}


@dataclass
class PreparedRow:
	row: InputRow
	doc: object  # a new HQE Application, not yet inserted (its name chosen when writers share the rows)
	innovation_points: float
	township: str


@frappe.whitelist()
def import_applications(file_url: str) -> dict:
	"""Import an uploaded template: at once for a small file, else as a background job."""
	frappe.has_permission(DOCTYPE, "create", throw=True)
	file_doc = readable_file(file_url)
	if file_doc is None:
		return {"queued": False, **file_error(_("You may not read the file {0}").format(file_url))}
	try:
		rows = read(file_doc.get_full_path())
	except UnreadableFile as e:
		return {"queued": False, **file_error(str(e))}
	if len(rows) <= BACKGROUND_ABOVE:
		return {"queued": False, **import_rows(rows).as_dict()}
	job = frappe.enqueue(
		"hqe_app.high_quality_employment.imports.applications.run_import_job",
		queue="long",
		timeout=3600,
		file_name=file_doc.name,
		user=frappe.session.user,
		now=frappe.flags.in_test,
	)
	return {"queued": True, "job": getattr(job, "id", None)}


def run_import_job(file_name: str, user: str) -> None:
	"""The background import, as the user who started it (frappe.enqueue keeps the session user)."""
	file_doc = frappe.get_doc("File", file_name)
	if not frappe.has_permission("File", "read", file_doc):
		result = file_error(_("You may not read the file {0}").format(file_doc.file_url))
	else:
		result = run_import(file_doc.get_full_path(), progress=True).as_dict()
	frappe.publish_realtime("hqe_import_done", result, user=user)


def readable_file(file_url: str):
	"""The uploaded File behind `file_url` when the user may read it, else None."""
	for name in frappe.get_all(
		"File", filters={"file_url": file_url}, pluck="name", order_by="creation desc"
	):
		file_doc = frappe.get_doc("File", name)
		if frappe.has_permission("File", "read", file_doc):
			return file_doc
	return None


def file_error(message: str) -> dict:
	return ImportResult(errors=[RowError(FILE_ROW, "file", message)]).as_dict()


def run_import(path: str | Path, progress: bool = False) -> ImportResult:
	"""Import a template file: every row, or none when a row fails."""
	try:
		rows = read(path)
	except UnreadableFile as e:
		return ImportResult(errors=[RowError(FILE_ROW, "file", str(e))])
	return import_rows(rows, progress)


def read(path: str | Path) -> list[InputRow]:
	"""The file's rows, by every column the schemes in force know (each row is checked by its own)."""
	return read_rows(path, covering(), translator("zh"))


def import_rows(rows: list[InputRow], progress: bool = False) -> ImportResult:
	"""Insert every row as the session user, or none when a row fails; every row's errors are kept.

	With several writers (`writers.writer_count`), the transaction is committed or rolled back here;
	otherwise the caller's transaction goes on (the import is a savepoint in it)."""
	result = ImportResult(rows=len(rows))
	prepared = prepare(rows, result)
	shares = writers.shares(prepared, lambda item: item.township, writers.writer_count(len(prepared)))
	if len(shares) > 1:
		return write_in_parallel(prepared, shares, result, progress)
	frappe.db.savepoint(IMPORT_SAVEPOINT)
	try:
		write(prepared, result, progress)
	except Exception:
		frappe.db.rollback(save_point=IMPORT_SAVEPOINT)
		raise
	if result.errors:
		frappe.db.rollback(save_point=IMPORT_SAVEPOINT)
		result.written = []
	else:
		frappe.db.release_savepoint(IMPORT_SAVEPOINT)
	return result


def write(prepared: list[PreparedRow], result: ImportResult, progress: bool) -> None:
	for i, item in enumerate(prepared, start=1):
		insert_row(item, result)
		if progress and i % PROGRESS_EVERY == 0:
			publish_progress(i, len(prepared))


def write_in_parallel(
	prepared: list[PreparedRow], shares: list[list[PreparedRow]], result: ImportResult, progress: bool
) -> ImportResult:
	"""The names chosen here in the file's order, each share written by a writer process; then one
	verdict for all, which ends this transaction too (committed only when every share was written
	without an error)."""
	writers.reserve_names(item.doc for item in prepared)
	started: list[writers.Writer] = []
	try:
		started = [writers.start_writer(writers.job_for([job_row(i) for i in share])) for share in shares]
		reports = [
			writer.report(publish_progress if progress and i == 0 else None)  # the shares are even
			for i, writer in enumerate(started)
		]
	except Exception:
		for writer in started:
			writers.end_writer(writer)
		frappe.db.rollback()
		raise
	for writer, report in zip(started, reports, strict=True):
		if report is None:
			result.errors += [RowError(**e) for e in writers.lost(writer)]
			continue
		result.written += [(row, name) for row, name in report["written"]]
		result.errors += [RowError(**e) for e in report["errors"]]
	if result.errors:
		for writer in started:
			writer.tell("rollback")
		frappe.db.rollback()
		result.written = []
		return result
	frappe.db.commit()  # the names first: a writer lost after this leaves a gap in the series, not a clash
	for writer in started:
		answer = writer.tell("commit")
		if not (answer and answer.get("committed")):  # killed before its commit: its rows are not in
			result.errors += [RowError(**e) for e in writers.lost(writer)]
			result.written = [(row, name) for row, name in result.written if row not in writer.rows]
	return result


def publish_progress(done: int, of: int) -> None:
	frappe.publish_progress(done * 100 / of, title=_("Importing Applications"))


def job_row(item: PreparedRow) -> dict:
	"""A prepared row as a writer process receives it."""
	return {
		"number": item.row.number,
		"name": item.doc.name,
		"doc": item.doc.as_dict(no_default_fields=True, convert_dates_to_str=True),
		"innovation_points": item.innovation_points,
		"township": item.township,
	}


def insert_row(item: PreparedRow, result: ImportResult) -> None:
	"""`Document.insert()` of one row (and its innovation points' review) under a savepoint of its own."""
	frappe.db.savepoint(ROW_SAVEPOINT)
	messages = len(frappe.message_log)
	field = "community"
	try:
		item.doc.insert(set_name=item.doc.name or None)  # a name chosen before the writers started
		if item.innovation_points:
			field = "innovation_points"
			innovation_review(item.doc.name, item.innovation_points)
	except REFUSALS as e:
		frappe.db.rollback(save_point=ROW_SAVEPOINT)
		result.errors.append(RowError(item.row.number, *refusal(e, field, item.doc)))
		del frappe.message_log[messages:]  # the row's error says it; no pop-up besides
		return
	frappe.db.release_savepoint(ROW_SAVEPOINT)
	result.written.append((item.row.number, item.doc.name))


def refusal(e: Exception, field: str, doc) -> tuple[str, str]:
	"""(field, message) of a row the insert refused."""
	if isinstance(e, frappe.PermissionError):
		if field == "innovation_points":
			return field, _("You may not record innovation points for {0}").format(doc.community_name)
		return field, _("You may not create an application for {0}: it is outside your area").format(
			doc.community_name or doc.community
		)
	message = frappe.utils.strip_html(str(e)).strip() or _("Not permitted")
	if field == "community" and not isinstance(e, frappe.DuplicateEntryError | frappe.LinkValidationError):
		field = ""
	return field, message


def innovation_review(application: str, points: float) -> None:
	"""Innovation points are the county assessor's: an imported value arrives as the county's review."""
	frappe.get_doc(
		{
			"doctype": "HQE Review",
			"application": application,
			"review_level": "County",
			"innovation_points": points,
			"opinion": _("Imported"),
		}
	).insert()


def prepare(rows: list[InputRow], result: ImportResult) -> list[PreparedRow]:
	"""Documents ready to insert, or errors in `result`, from what the file alone shows (one query)."""
	aliases = option_aliases(covering(), translator("zh"))
	communities = _communities(rows)
	county_user = COUNTY in frappe.get_roles()
	seen: dict[tuple[str, int], int] = {}
	schemes: dict[tuple[str, int], Scheme] = {}  # a file's rows share a few (county, year): looked up once
	prepared = []
	for row in rows:
		v = row.values
		key = (str(v.get("township") or "").strip(), str(v.get("community") or "").strip())
		community = communities.get(key)
		year = _year(v.get("year"))
		if not community:
			message = _("Community {0} of {1} does not exist").format(key[1], key[0])
			result.errors.append(RowError(row.number, "community", message))
			continue
		if year is None:
			result.errors.append(RowError(row.number, "year", _("{0} is required").format(_("Year"))))
			continue
		if (community.name, year) in seen:
			message = _("{0} already has an application for {1}: {2}").format(
				key[1], year, _("row {0}").format(seen[(community.name, year)])
			)
			result.errors.append(RowError(row.number, "community", message))
			continue
		seen[(community.name, year)] = row.number
		scheme = schemes.get((community.county, year))  # the one its insert records
		if scheme is None:
			scheme = schemes[(community.county, year)] = scheme_for(community.county, year)
		values = {spec.name: v.get(spec.name) for spec in scheme.fields}
		clean, errors = normalize(scheme, values, _, aliases)
		if errors:
			result.errors += [RowError(row.number, e.field, e.message) for e in errors]
			continue
		innovation = float(clean["innovation_points"] or 0)
		if innovation and not county_user:
			message = _(
				"Innovation points are given by the county (role {0}); leave the column empty"
			).format(_(COUNTY))
			result.errors.append(RowError(row.number, "innovation_points", message))
			continue
		prepared.append(
			PreparedRow(row, _document(community.name, year, clean), innovation, community.township)
		)
	return prepared


def _document(community: str, year: int, clean: dict) -> object:
	doc = frappe.new_doc(DOCTYPE)
	doc.community, doc.year = community, year
	for name, value in clean.items():
		if name in MEDIA_LEVELS.values() or name == "innovation_points":
			continue
		if doc.meta.has_field(name):
			doc.set(name, int(value) if isinstance(value, bool) else value)
		else:  # a yes/no item the scheme adds: a row of its table, labelled when the insert scores it
			doc.append(TABLE, {"item": name, "answer": int(bool(value))})
	for level, name in MEDIA_LEVELS.items():
		for _i in range(int(clean[name])):
			doc.append("media_reports", {"outlet": MEDIA_OUTLET[level], "level": level})
	return doc


def _communities(rows: list[InputRow]) -> dict[tuple[str, str], frappe._dict]:
	"""(township, name) → the community (name, county). Looked up whatever the user may read: a community of another
	subtree is then refused by the insert's permission check, saying so, rather than "not found"."""
	townships = {str(r.values.get("township") or "").strip() for r in rows}
	found = frappe.get_all(
		"HQE Community",
		filters={"township": ("in", list(townships) or [""]), "disabled": 0},
		fields=["name", "township", "community_name", "county"],
	)
	return {(c.township, c.community_name): c for c in found}


def _year(value) -> int | None:
	try:
		year = int(float(str(value).strip()))
	except (TypeError, ValueError):
		return None
	return year if 1900 < year < 3000 else None
