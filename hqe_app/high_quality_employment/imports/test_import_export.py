# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: import from the SPEC §10 template, all or nothing, and the export → import round trip."""

import tempfile
from pathlib import Path
from unittest.mock import patch

from openpyxl import load_workbook

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.excel_io.columns import DATA_SHEET
from hqe_app.high_quality_employment.imports import applications as importer
from hqe_app.high_quality_employment.imports.template_export import (
	application_rows,
	export_applications,
	template_with,
)
from hqe_app.high_quality_employment.testing import delete_applications, ensure_community, indicator_fields
from hqe_app.scoring import get_scheme

YEAR = 2097
COMMUNITIES = [("海门街道", "导入测试一村"), ("海门街道", "导入测试二村"), ("东城街道", "导入测试三村")]


def template_file(rows: list[dict]) -> str:
	path = Path(tempfile.mkdtemp()) / "applications.xlsx"
	path.write_bytes(template_with(rows))
	return str(path)


def row_for(township: str, community: str, seed: int, **overrides) -> dict:
	values = indicator_fields(seed)
	values.update(media_reports_county=1, media_reports_city=0, media_reports_province=2, innovation_points=0)
	values.update(overrides)
	values = {
		k: ("是" if v is True or (v == 1 and k.startswith(("has_", "uses_"))) else v)
		for k, v in values.items()
	}
	return {"community": community, "township": township, "county": None, "year": YEAR, **values}


class TestImportExport(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.communities = [ensure_community(t, c) for t, c in COMMUNITIES]
		for community in self.communities:
			delete_applications(community)

	def test_one_bad_row_saves_nothing_and_names_row_and_field(self):
		rows = [row_for(t, c, i) for i, (t, c) in enumerate(COMMUNITIES)]
		rows[1]["employed"] = rows[1]["labor_force"] + 1
		before = frappe.db.count("HQE Application")
		result = importer.run_import(template_file(rows))
		self.assertEqual(frappe.db.count("HQE Application"), before)
		self.assertEqual(result.imported, [])
		self.assertEqual([(e.row, e.field) for e in result.errors], [(4, "employed")])  # data starts on row 3
		self.assertIn("cannot be greater than", result.errors[0].message)

	def test_unknown_community_and_duplicate_rows_are_reported(self):
		rows = [row_for(*COMMUNITIES[0], 1), row_for(*COMMUNITIES[0], 2), row_for("海门街道", "不存在村", 3)]
		result = importer.run_import(template_file(rows))
		self.assertEqual([(e.row, e.field) for e in result.errors], [(4, "community"), (5, "community")])
		self.assertIn("row 3", result.errors[0].message)
		self.assertIn("不存在村", result.errors[1].message)

	def test_good_file_imports_every_row_scored_on_the_server(self):
		rows = [row_for(t, c, i) for i, (t, c) in enumerate(COMMUNITIES)]
		result = importer.run_import(template_file(rows))
		self.assertEqual((len(result.imported), result.errors), (3, []))
		doc = frappe.get_doc("HQE Application", result.imported[0])
		self.assertEqual((doc.media_reports_county, doc.media_reports_province), (1, 2))
		self.assertEqual(len(doc.indicator_results), len(get_scheme().indicators))
		self.assertEqual(doc.workflow_state, "Draft")
		# as after a form's insert: no Workflow Action (the app's assignments tell who acts next)
		self.assertFalse(frappe.db.exists("Workflow Action", {"reference_name": doc.name}))

	def test_export_then_import_preserves_every_value(self):
		rows = [row_for(t, c, i + 10, innovation_points=1.5 * i) for i, (t, c) in enumerate(COMMUNITIES)]
		first = importer.run_import(template_file(rows))
		self.assertEqual(first.errors, [])
		export_applications(YEAR, county=None, township=None)
		content = frappe.response.filecontent
		before = {(r["township"], r["community"]): r for r in application_rows({"year": YEAR})}
		scores = {
			name: frappe.db.get_value("HQE Application", name, ["total_score", "community"])
			for name in first.imported
		}
		for community in self.communities:
			delete_applications(community)
		path = Path(tempfile.mkdtemp()) / "exported.xlsx"
		path.write_bytes(content)
		self.assertEqual(load_workbook(path)[DATA_SHEET].max_row, 2 + len(before))
		second = importer.run_import(str(path))
		self.assertEqual(second.errors, [])
		after = {(r["township"], r["community"]): r for r in application_rows({"year": YEAR})}
		mine = {(t, c) for t, c in COMMUNITIES}
		self.assertEqual(
			{k: v for k, v in after.items() if k in mine}, {k: v for k, v in before.items() if k in mine}
		)
		self.assertEqual(
			sorted(
				frappe.db.get_value("HQE Application", n, ["total_score", "community"])
				for n in second.imported
			),
			sorted(scores.values()),
		)

	def test_large_file_runs_as_a_background_job(self):
		rows = [row_for(t, c, i) for i, (t, c) in enumerate(COMMUNITIES)]
		file_doc = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "hqe-import-background.xlsx",
				"content": Path(template_file(rows)).read_bytes(),
				"is_private": 1,
			}
		).insert()
		try:
			with (
				patch.object(importer, "BACKGROUND_ABOVE", 1),
				patch("frappe.publish_realtime") as published,
			):
				answer = importer.import_applications(file_doc.file_url)
		finally:
			frappe.delete_doc("File", file_doc.name, force=True)
		self.assertTrue(answer["queued"])
		[call] = [c for c in published.call_args_list if c.args and c.args[0] == "hqe_import_done"]
		self.assertEqual((call.args[1]["imported"], call.args[1]["errors"]), (3, []))
		self.assertEqual(call.kwargs["user"], "Administrator")
