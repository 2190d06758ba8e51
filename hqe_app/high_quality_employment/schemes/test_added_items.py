"""A yes/no item that a scheme adds, without a schema change, on a real site: an HQE Administrator adds
开展直播带岗 to indicator 7 of a copy of Taizhou 2019 and activates it for one city and year; the
community answers it on its form (REST), the import template carries it both ways, the gap to the pass
mark offers it, and 附件1 (print and Excel) shows it in the indicator's basis under the scheme's own
subtitle. Another level cannot answer it for the community."""

from __future__ import annotations

import io
import json
import tempfile
import unittest
from pathlib import Path

from openpyxl import load_workbook

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.application.form_layout import form_layout
from hqe_app.high_quality_employment.documents.excel_forms import export_forms
from hqe_app.high_quality_employment.documents.print_helpers import hqe_scoring_form
from hqe_app.high_quality_employment.imports import applications as importer
from hqe_app.high_quality_employment.imports.template_export import application_rows, template_with
from hqe_app.high_quality_employment.schemes.registry import clear_cache, covering
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	indicator_fields,
	make_application,
)
from hqe_app.high_quality_employment.testing_browser import SCREENSHOTS, BrowserCase, browser_missing

CODE = "taizhou-added-item-test"
YEAR = 2031
ITEM = "live_job_fairs"
LABEL = "开展直播带岗"
SUBTITLE = "（台州市高质量就业社区（村）建设评价指标（2031年修订））"
VENUE = "设有就业服务窗口"
SECTION = "基础建设（2031年修订）"
#: Indicator 7 (基础建设): venue, staff and funding ticked (3 + 3 + 3 = 9, its gate), the rest not.
INFRASTRUCTURE = {
	"has_service_venue": 1,
	"has_professional_staff": 1,
	"has_stable_funding": 1,
	"has_published_services": 0,
	"uses_information_system": 0,
}


def definition_with_item() -> str:
	"""Taizhou 2019 with 开展直播带岗 (2 points) in indicator 7, whose last two items drop to 2 points."""
	definition = json.loads(frappe.db.get_value("HQE Scheme", "taizhou-2019", "definition"))
	definition["form_subtitle"] = SUBTITLE
	definition["fields"].append({"name": ITEM, "label": LABEL, "kind": "check", "section": "infrastructure"})
	[seven] = [i for i in definition["indicators"] if i["code"] == "7"]
	for item in seven["items"][3:]:
		item["points"] = 2
	seven["items"].append({"kind": "check", "field": ITEM, "points": 2, "text": LABEL})
	definition["levers"].append(ITEM)
	[venue] = [f for f in definition["fields"] if f["name"] == "has_service_venue"]
	venue["label"] = VENUE
	[section] = [s for s in definition["sections"] if s["code"] == "infrastructure"]
	section["label"] = SECTION
	return json.dumps(definition, ensure_ascii=False)


class TestAddedYesNoItem(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "新增项目测试村")
		cls.imported = ensure_community("海门街道", "新增项目导入村")
		cls.admin = ensure_user("hqe-items-admin@example.com", "city", CITY)
		user = frappe.get_doc("User", cls.admin)
		user.append("roles", {"role": "HQE Administrator"})
		user.save(ignore_permissions=True)
		cls.village = ensure_user("hqe-items-village@example.com", "community", community=cls.community)
		cls.county = ensure_user("hqe-items-county@example.com", "county", "椒江区")
		cls.tokens = {u: api_credentials(u) for u in (cls.admin, cls.village, cls.county)}
		cls.clean()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.clean()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def clean(cls):
		delete_applications(cls.community)
		delete_applications(cls.imported)
		frappe.db.delete("HQE Scheme", {"name": CODE})
		clear_cache()

	def setUp(self):
		frappe.set_user("Administrator")
		self.clean()
		frappe.db.commit()

	def rest(self, user, method, path, **body):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[user]}, "json": body},
		)
		frappe.db.rollback()
		return response

	def ok(self, response) -> dict:
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:600])
		return response.json["data"]

	def activate_scheme(self) -> None:
		self.ok(
			self.rest(
				self.admin,
				"post",
				"/api/resource/HQE Scheme",
				scheme_code=CODE,
				title="台州市评分表（2031年修订）",
				status="Active",
				city=CITY,
				from_year=YEAR,
				to_year=YEAR,
				definition=definition_with_item(),
			)
		)

	def seven(self, doc: dict) -> tuple[float, str]:
		[row] = [r for r in doc["indicator_results"] if r["indicator_code"] == "7"]
		return row["points"], row["basis"]

	def test_the_community_answers_it_and_every_form_of_the_table_carries_it(self):
		self.activate_scheme()
		values = {**indicator_fields(5), **INFRASTRUCTURE}
		doc = self.ok(
			self.rest(
				self.village,
				"post",
				"/api/resource/HQE Application",
				community=self.community,
				year=YEAR,
				**values,
			)
		)
		# the server made the item's row, labelled by the scheme, unanswered
		self.assertEqual(doc["scheme"], CODE)
		self.assertEqual(
			[(r["item"], r["label"], r["answer"]) for r in doc["checklist_answers"]], [(ITEM, LABEL, 0)]
		)
		self.assertEqual(self.seven(doc), (9.0, "有专门服务场地3分、有专业工作人员3分、有稳定经费3分；得9分"))
		options = json.loads(doc["to_pass_options"])
		self.assertIn({"field": ITEM, "indicator": "7", "from": False, "to": True, "gain": 2.0}, options)
		total = doc["total_score"]

		# the community ticks it on its form; a row it invents is dropped, the labels are the scheme's
		[row] = doc["checklist_answers"]
		after = self.ok(
			self.rest(
				self.village,
				"put",
				f"/api/resource/HQE Application/{doc['name']}",
				checklist_answers=[
					{"name": row["name"], "item": ITEM, "label": "改过的名称", "answer": 1},
					{"item": "invented_item", "label": "自编项目", "answer": 1},
				],
			)
		)
		self.assertEqual(
			[(r["item"], r["label"], r["answer"]) for r in after["checklist_answers"]], [(ITEM, LABEL, 1)]
		)
		self.assertEqual(
			self.seven(after),
			(11.0, "有专门服务场地3分、有专业工作人员3分、有稳定经费3分、开展直播带岗2分；得11分"),
		)
		self.assertEqual(after["total_score"], total + 2)
		self.assertNotIn(ITEM, [o["field"] for o in json.loads(after["to_pass_options"])])

		# the county may not answer for the community
		[row] = after["checklist_answers"]
		response = self.rest(
			self.county,
			"put",
			f"/api/resource/HQE Application/{doc['name']}",
			checklist_answers=[{"name": row["name"], "item": ITEM, "answer": 0}],
		)
		self.assertNotEqual(response.status_code, 200)
		self.assertEqual(frappe.db.get_value("HQE Checklist Answer", row["name"], "answer"), 1)

		# 附件1, printed and in Excel: the scheme's subtitle and the item in indicator 7's basis
		frappe.set_user(self.village)
		form = hqe_scoring_form(frappe.get_doc("HQE Application", doc["name"]))
		self.assertEqual(form["subtitle"], SUBTITLE)
		[seven] = [r for r in form["rows"] if r["code"] == "7"]
		self.assertIn("开展直播带岗2分", seven["basis"])
		frappe.response.pop("filecontent", None)
		export_forms("scoring", names=doc["name"])
		sheet = load_workbook(io.BytesIO(frappe.response.filecontent)).worksheets[0]
		cells = [str(c.value) for r in sheet.iter_rows() for c in r if c.value is not None]
		self.assertIn(SUBTITLE, cells)
		self.assertTrue(any("开展直播带岗2分" in c for c in cells))

		# the data template: exported with the item's column answered 是, imported back with it
		rows = application_rows({"year": YEAR})
		self.assertEqual([(r["community"], r[ITEM]) for r in rows], [("新增项目测试村", "是")])
		self.assertIn(
			LABEL,
			next(
				load_workbook(io.BytesIO(template_with(rows, covering(YEAR))))
				.worksheets[0]
				.iter_rows(values_only=True)
			),
		)

	def test_an_imported_row_answers_the_item_under_its_own_scheme(self):
		self.activate_scheme()
		frappe.set_user("Administrator")
		row = {
			"community": "新增项目导入村",
			"township": "海门街道",
			"county": "椒江区",
			"year": YEAR,
			**{k: ("是" if v is True else "否" if v is False else v) for k, v in indicator_fields(6).items()},
			**{k: ("是" if v else "否") for k, v in INFRASTRUCTURE.items()},
			ITEM: "是",
			"media_reports_county": 0,
			"media_reports_city": 0,
			"media_reports_province": 0,
			"innovation_points": 0,
		}
		path = Path(tempfile.mkdtemp()) / "applications.xlsx"
		path.write_bytes(template_with([row], covering(YEAR)))
		result = importer.run_import(path)
		self.assertEqual(result.errors, [])
		doc = frappe.get_doc("HQE Application", result.imported[0])
		self.assertEqual(doc.scheme, CODE)
		self.assertEqual([(r.item, r.label, r.answer) for r in doc.checklist_answers], [(ITEM, LABEL, 1)])
		self.assertEqual(self.seven(doc.as_dict())[0], 11.0)
		# a file with a bad answer names the row and the item
		row[ITEM] = "也许"
		path.write_bytes(template_with([{**row, "community": "新增项目测试村"}], covering(YEAR)))
		result = importer.run_import(path)
		self.assertEqual([(e.row, e.field) for e in result.errors], [(3, ITEM)])

	def test_the_form_takes_its_labels_and_sections_from_the_scheme(self):
		self.activate_scheme()
		frappe.set_user(self.village)
		for layout in (
			form_layout(scheme=CODE, version=1),
			form_layout(county="椒江区", year=YEAR),  # a new application of that county and year
		):
			self.assertEqual(layout["scheme"], CODE)
			self.assertEqual(layout["labels"]["has_service_venue"], VENUE)
			self.assertEqual(layout["sections"]["infrastructure_section"], SECTION)
			self.assertEqual(layout["hidden"], [])
			self.assertNotIn(ITEM, layout["labels"])  # answered in its table, not a column
		other_year = form_layout(county="椒江区", year=YEAR - 1)
		self.assertEqual(other_year["scheme"], "taizhou-2019")
		self.assertEqual(
			other_year["labels"]["has_service_venue"], frappe._("Dedicated Service Venue (Window)")
		)


@unittest.skipIf(browser_missing(), f"SKIPPED browser tests: {browser_missing()}")
class TestAddedItemOnTheForm(BrowserCase, FrappeTestCase):
	"""In the desk, as the community officer: the form titles the section and labels the field as the
	scheme words them, shows the added item's row, and a tick there saved with Ctrl+S scores it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "新增项目界面村")
		cls.village = ensure_user("hqe-items-desk@example.com", "community", community=cls.community)
		frappe.db.set_value("User", cls.village, "language", "zh")
		delete_applications(cls.community)
		frappe.db.delete("HQE Scheme", {"name": CODE})
		scheme = frappe.get_doc(
			{
				"doctype": "HQE Scheme",
				"scheme_code": CODE,
				"title": "台州市评分表（2031年修订）",
				"status": "Active",
				"city": CITY,
				"from_year": YEAR,
				"to_year": YEAR,
				"definition": definition_with_item(),
			}
		)
		scheme.insert(ignore_permissions=True)
		frappe.set_user(cls.village)
		cls.app = make_application(cls.community, year=YEAR, seed=5, **INFRASTRUCTURE).name
		frappe.set_user("Administrator")
		frappe.db.commit()
		cls.start_browser()

	@classmethod
	def tearDownClass(cls):
		cls.stop_browser()
		frappe.set_user("Administrator")
		delete_applications(cls.community)
		frappe.db.delete("HQE Scheme", {"name": CODE})
		clear_cache()
		frappe.db.commit()
		super().tearDownClass()

	def test_the_officer_sees_the_schemes_words_and_ticks_the_item(self):
		context = self.logged_in(
			self.village, "Hqe-items-desk-2031!", viewport={"width": 1440, "height": 1200}
		)
		page = context.new_page()
		try:
			page.goto(f"{self.base}/app/hqe-application/{self.app}")
			page.wait_for_selector('.grid-row[data-idx="1"]', timeout=30000)
			page.wait_for_load_state("networkidle")
			self.assertEqual(
				page.locator('.frappe-control[data-fieldname="has_service_venue"] .label-area')
				.inner_text()
				.strip(),
				VENUE,
			)
			self.assertIn(SECTION, page.locator(".form-section .section-head").all_inner_texts())
			row = page.locator('[data-fieldname="checklist_answers"] .grid-row[data-idx="1"]')
			self.assertIn(LABEL, row.inner_text())
			row.locator('.grid-static-col[data-fieldname="answer"]').click()
			page.locator(
				'[data-fieldname="checklist_answers"] .grid-row[data-idx="1"] input[data-fieldname="answer"]'
			).check()
			page.keyboard.press("Control+s")
			page.wait_for_function(
				"() => cur_frm && !cur_frm.is_dirty() && cur_frm.doc.checklist_answers[0].answer === 1",
				timeout=30000,
			)
			SCREENSHOTS.mkdir(parents=True, exist_ok=True)
			page.screenshot(path=str(SCREENSHOTS / "desk-community-added-item.png"), full_page=True)
		finally:
			context.close()
		frappe.db.rollback()
		doc = frappe.get_doc("HQE Application", self.app)
		self.assertEqual([(r.item, r.answer) for r in doc.checklist_answers], [(ITEM, 1)])
		[seven] = [r for r in doc.indicator_results if r.indicator_code == "7"]
		self.assertEqual(seven.points, 11)
