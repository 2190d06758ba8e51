# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: each level's own user imports what it may create, and the import says what it refused.

A community officer imports its community's application, a township reviewer and a county assessor
those of their subtree; innovation points only from a county user; a file only when the user may
read it. An imported row leaves the same records behind as a form's (REST) insert.
"""

import json
from pathlib import Path

import frappe
from frappe.desk.form.save import savedocs
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.imports import applications as importer
from hqe_app.high_quality_employment.imports.test_import_export import row_for, template_file
from hqe_app.high_quality_employment.testing import (
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	indicator_fields,
)

YEAR = 2096
OWN = ("海门街道", "导入角色甲村")
NEIGHBOUR = ("海门街道", "导入角色乙村")  # same township, another community
OTHER_COUNTY = ("东城街道", "导入角色丙村")  # 黄岩区
OFFICER = "hqe-import-village@example.com"
TOWNSHIP = "hqe-import-township@example.com"
COUNTY = "hqe-import-county@example.com"


def rows_of(*places, **overrides) -> list[dict]:
	return [row_for(t, c, seed=i, year=YEAR, **overrides) for i, (t, c) in enumerate(places)]


def errors(result) -> list[tuple[int, str]]:
	return [(e.row, e.field) for e in result.errors]


class TestImportByRole(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.own, cls.neighbour, cls.other = (
			ensure_community(t, c) for t, c in (OWN, NEIGHBOUR, OTHER_COUNTY)
		)
		ensure_user(OFFICER, "community", community=cls.own)
		ensure_user(TOWNSHIP, "township", "海门街道")
		ensure_user(COUNTY, "county", "椒江区")
		cls.tokens = {u: api_credentials(u) for u in (OFFICER, TOWNSHIP)}
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		# no node left behind: these users must not become who acts next in other tests of the same nodes
		frappe.db.delete("User Permission", {"user": ("in", (OFFICER, TOWNSHIP, COUNTY))})
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for community in (cls.own, cls.neighbour, cls.other):
			delete_applications(community)
		for name in frappe.get_all(
			"File", filters={"file_name": ("like", "hqe-import-role-%")}, pluck="name"
		):
			frappe.delete_doc("File", name, ignore_permissions=True, force=True)

	def setUp(self):
		frappe.set_user("Administrator")
		self.cleanup()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def import_as(self, user: str, rows: list[dict]):
		frappe.set_user(user)
		try:
			return importer.run_import(template_file(rows))
		finally:
			frappe.set_user("Administrator")

	def applications(self) -> list[str]:
		return frappe.get_all(
			"HQE Application",
			filters={"community": ("in", [self.own, self.neighbour, self.other]), "year": YEAR},
			pluck="name",
		)

	# --- community officer ------------------------------------------------------------------------

	def test_officer_imports_own_community(self):
		result = self.import_as(OFFICER, rows_of(OWN))
		self.assertEqual((len(result.imported), result.errors), (1, []))
		doc = frappe.get_doc("HQE Application", result.imported[0])
		self.assertEqual(
			(doc.community, doc.owner, doc.workflow_state, doc.docstatus), (self.own, OFFICER, "Draft", 0)
		)

	def test_officer_row_of_another_community_is_refused_on_community_and_nothing_is_saved(self):
		frappe.clear_messages()
		result = self.import_as(OFFICER, rows_of(OWN, NEIGHBOUR))
		self.assertEqual(errors(result), [(4, "community")])
		self.assertEqual(
			result.errors[0].message,
			f"You may not create an application for {NEIGHBOUR[1]}: it is outside your area",
		)
		self.assertEqual((result.imported, self.applications()), ([], []))
		self.assertEqual(frappe.message_log, [])  # the row error says it; no pop-up of Frappe's

	def test_officer_innovation_points_are_refused_on_that_field(self):
		result = self.import_as(OFFICER, rows_of(OWN, innovation_points=2))
		self.assertEqual(errors(result), [(3, "innovation_points")])
		self.assertIn("HQE County Assessor", result.errors[0].message)
		self.assertEqual(self.applications(), [])

	# --- township reviewer --------------------------------------------------------------------------

	def test_township_imports_its_communities_and_refuses_another_county(self):
		result = self.import_as(TOWNSHIP, rows_of(OWN, NEIGHBOUR))
		self.assertEqual((len(result.imported), result.errors), (2, []))
		self.assertEqual(
			{frappe.db.get_value("HQE Application", n, "owner") for n in result.imported}, {TOWNSHIP}
		)
		delete_applications(self.own)
		delete_applications(self.neighbour)
		result = self.import_as(TOWNSHIP, rows_of(OWN, OTHER_COUNTY))
		self.assertEqual(errors(result), [(4, "community")])
		self.assertIn(OTHER_COUNTY[1], result.errors[0].message)
		self.assertEqual(self.applications(), [])

	def test_bad_data_and_every_refused_row_are_listed_together(self):
		rows = rows_of(OWN, NEIGHBOUR, OTHER_COUNTY)
		rows[0]["employed"] = rows[0]["labor_force"] + 1
		rows[1]["innovation_points"] = 1
		result = self.import_as(TOWNSHIP, rows)
		self.assertEqual(errors(result), [(3, "employed"), (4, "innovation_points"), (5, "community")])
		self.assertIn("cannot be greater than", result.errors[0].message)
		self.assertEqual(self.applications(), [])

	# --- county assessor ----------------------------------------------------------------------------

	def test_county_innovation_points_become_its_county_review(self):
		result = self.import_as(COUNTY, rows_of(OWN, NEIGHBOUR, innovation_points=2.5))
		self.assertEqual((len(result.imported), result.errors), (2, []))
		for name in result.imported:
			review = frappe.get_all(
				"HQE Review",
				filters={"application": name},
				fields=["review_level", "innovation_points", "owner"],
			)
			self.assertEqual(
				[(r.review_level, r.innovation_points, r.owner) for r in review], [("County", 2.5, COUNTY)]
			)
			doc = frappe.get_doc("HQE Application", name)
			self.assertEqual(doc.innovation_points, 2.5)
			self.assertEqual(doc.bonus_score, min(10, 2.5 + min(5, 1 + 3 * 2)))  # media 1 county, 2 province

	def test_county_row_of_another_county_is_refused(self):
		result = self.import_as(COUNTY, rows_of(OWN, OTHER_COUNTY))
		self.assertEqual(errors(result), [(4, "community")])
		self.assertEqual(self.applications(), [])

	# --- the uploaded file, over REST -----------------------------------------------------------------

	def upload(self, user: str, rows: list[dict], name: str) -> str:
		frappe.set_user(user)
		file_doc = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"hqe-import-role-{name}.xlsx",
				"content": Path(template_file(rows)).read_bytes(),
				"is_private": 1,
			}
		).insert()
		frappe.set_user("Administrator")
		frappe.db.commit()
		return file_doc.file_url

	def rest_import(self, user: str, file_url: str) -> dict:
		response = make_request(
			target=get_test_client().post,
			args=("/api/method/hqe_app.high_quality_employment.imports.applications.import_applications",),
			kwargs={"headers": {"Authorization": self.tokens[user]}, "json": {"file_url": file_url}},
		)
		frappe.db.rollback()  # see what the request committed
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True))
		return response.json["message"]

	def test_rest_import_reads_only_a_file_the_user_may_read(self):
		theirs = self.upload(TOWNSHIP, rows_of(OWN), "township")
		answer = self.rest_import(OFFICER, theirs)
		self.assertEqual(
			answer["errors"], [{"row": 0, "field": "file", "message": f"You may not read the file {theirs}"}]
		)
		self.assertEqual((answer["imported"], self.applications()), (0, []))
		mine = self.upload(OFFICER, rows_of(OWN), "officer")
		answer = self.rest_import(OFFICER, mine)
		self.assertEqual((answer["imported"], answer["errors"]), (1, []))
		self.assertEqual(self.applications(), answer["names"])

	def test_imported_row_leaves_what_a_form_insert_leaves(self):
		"""Same user, same values: the form's save (savedocs) and an import, record for record, with a
		Notification on new applications and the user following what they create (hooks an import
		that skipped Document.insert would miss)."""
		notification = frappe.get_doc(
			{
				"doctype": "Notification",
				"name": "HQE Import Parity",
				"subject": "新申报 {{ doc.community_name }}",
				"document_type": "HQE Application",
				"event": "New",
				"channel": "System Notification",
				"recipients": [{"receiver_by_role": "HQE County Assessor"}],
				"message": "{{ doc.name }}",
			}
		).insert(ignore_permissions=True)
		self.set_follow(1)
		try:
			frappe.set_user(TOWNSHIP)
			values = indicator_fields(7)
			media = [
				{"doctype": "HQE Media Report", "outlet": importer.MEDIA_OUTLET[level], "level": level}
				for level in ("County", "Province")
			]
			form = {"doctype": "HQE Application", "community": self.own, "year": YEAR, **values}
			savedocs(
				json.dumps({**form, "name": "new-hqe-application-1", "media_reports": media, "__islocal": 1}),
				"Save",
			)
			by_form = frappe.response.docs[0]["name"]
			row = row_for(*NEIGHBOUR, seed=7, year=YEAR, media_reports_county=1, media_reports_province=1)
			result = importer.run_import(template_file([row]))
			self.assertEqual(result.errors, [])
			[by_import] = result.imported
			frappe.set_user("Administrator")
			# every enabled county assessor is told of each new application, by either door
			told = frappe.db.count(
				"Notification Log", {"document_type": "HQE Application", "document_name": by_form}
			)
			self.assertGreaterEqual(told, 1)
			expected = {
				"document": (TOWNSHIP, "Draft", 0),
				"children": {"indicator_results": 12, "media_reports": 2, "corrections": 0},
				"versions": 0,
				"workflow actions": 0,
				"comments": [],
				"assignments": 0,
				"follows": 1,
				"notifications": told,
				"reviews": 0,
			}
			self.assertEqual(self.left_behind(by_form), expected)
			self.assertEqual(self.left_behind(by_import), expected)
			self.assertEqual(
				frappe.db.get_value("HQE Application", by_import, ["total_score", "eligible"]),
				frappe.db.get_value("HQE Application", by_form, ["total_score", "eligible"]),
			)
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
			self.set_follow(0)
			frappe.delete_doc("Notification", notification.name, ignore_permissions=True)
			frappe.db.delete("Document Follow", {"ref_doctype": "HQE Application", "user": TOWNSHIP})
			frappe.db.delete(
				"Notification Log", {"document_type": "HQE Application", "subject": ("like", "新申报%")}
			)
			frappe.db.commit()

	def set_follow(self, on: int) -> None:
		"""The user follows the documents they create (Frappe's setting, read by Document.insert)."""
		user = frappe.get_doc("User", TOWNSHIP)
		user.document_follow_notify = user.follow_created_documents = on
		user.save(ignore_permissions=True)
		frappe.db.commit()

	def left_behind(self, name: str) -> dict:
		doc = frappe.get_doc("HQE Application", name)
		ref = {"reference_doctype": "HQE Application", "reference_name": name}
		return {
			"document": (doc.owner, doc.workflow_state, doc.docstatus),
			"children": {t: len(doc.get(t)) for t in ("indicator_results", "media_reports", "corrections")},
			"versions": frappe.db.count("Version", {"ref_doctype": "HQE Application", "docname": name}),
			"workflow actions": frappe.db.count("Workflow Action", ref),
			"comments": frappe.get_all("Comment", filters=ref, pluck="comment_type", order_by="creation"),
			"assignments": frappe.db.count(
				"ToDo", {"reference_type": "HQE Application", "reference_name": name}
			),
			"follows": frappe.db.count(
				"Document Follow", {"ref_doctype": "HQE Application", "ref_docname": name}
			),
			"notifications": frappe.db.count(
				"Notification Log", {"document_type": "HQE Application", "document_name": name}
			),
			"reviews": frappe.db.count("HQE Review", {"application": name}),
		}
