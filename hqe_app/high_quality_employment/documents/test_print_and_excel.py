# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the print formats 附件1/附件2 and their Excel export show the stored values, to readers only."""

from __future__ import annotations

import html
import io

from openpyxl import load_workbook

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.forms.data import points
from hqe_app.high_quality_employment.documents.excel_forms import export_forms
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.programme.lifecycle import COUNTY_CERTIFIED, RECOMMENDED

YEAR = 2301
COUNTY = "椒江区"
TOWNSHIP = "白云街道"
APPLICATIONS = 10  # county-certified, so that the quota (10%, floor) allows one recommendation
RECOMMENDATION_FORMAT = "市级高质量就业社区(村)推荐表"
SCORING_FORMAT = "高质量就业社区(村)评分表"
CONTACT = {"contact_person": "李红梅", "phone": "0576-88123456", "address": "台州市椒江区白云街道打印路8号"}
ACHIEVEMENTS = (
	"本社区坚持把就业作为最大的民生工程，建成“15分钟就业服务圈”，设立就业服务窗口，配备专职就业服务专员2名，"
	"工作经费和人员经费列入年度预算。全面开展人力资源调查，建立辖区劳动力数据库并按月更新；定期走访失业人员和"
	"就业援助对象，做到一人一档。常态化发布岗位信息，全年成功推荐就业126人，其中就业困难人员18人。新开发公益性"
	"岗位12个，托底安置就业困难人员。联合职业院校开展职业技能培训8期、创业培训3期，培训436人次；协助办理创业"
	"担保贷款9笔，带动就业87人。辖区就业率达98.6%，低保家庭实现每户至少1人就业，就业创业典型事迹被省、市媒体"
	"宣传报道3次，群众满意度持续提升。"
)
REVIEWS = {  # level: (opinion, month-day of the review)
	"Township": ("经审核，材料真实，同意推荐。", "04-20"),
	"County": ("经县级认定，符合标准。", "05-06"),
	"City": ("", None),
}
COUNTY_OPINION = "同意推荐为市级高质量就业社区（村）。"


def seed_printable_applications(year: int = YEAR) -> list[str]:
	"""Ten certified applications of 椒江区; the first recommended, with reviews and a recommendation row.

	The township opinion comes from its review only, the county's from the recommendation row (which
	wins over the county review), the city has none yet: the three ways the form fills an opinion.
	"""
	frappe.set_user("Administrator")
	delete_recommendations(year)
	names = []
	for i in range(APPLICATIONS):
		community = ensure_community(TOWNSHIP, f"打印测试{i:02d}村")
		frappe.db.set_value(
			"HQE Community", community, dict(CONTACT) if i == 0 else {"contact_person": "张三"}
		)
		delete_applications(community)
		app = make_application(
			community, year=year, seed=2300 + i, media=("County", "City") if i == 0 else ()
		)
		app.db_set("workflow_state", RECOMMENDED if i == 0 else COUNTY_CERTIFIED)
		names.append(app.name)
	first = names[0]
	for level, (opinion, date) in REVIEWS.items():
		if opinion:
			frappe.get_doc(
				{
					"doctype": "HQE Review",
					"application": first,
					"review_level": level,
					"decision": "Approve",
					"opinion": opinion,
					"review_date": f"{year}-{date}",
				}
			).insert()
	frappe.get_doc(
		{
			"doctype": "HQE Recommendation",
			"county": COUNTY,
			"year": year,
			"items": [
				{
					"application": first,
					"achievements": ACHIEVEMENTS,
					"county_opinion": COUNTY_OPINION,
					"county_opinion_date": f"{year}-05-18",
				}
			],
		}
	).insert()
	return names


def delete_recommendations(year: int) -> None:
	recommendations = frappe.get_all("HQE Recommendation", {"county": COUNTY, "year": year}, pluck="name")
	frappe.db.delete("HQE Recommendation Item", {"parent": ("in", recommendations or [""])})
	frappe.db.delete("HQE Recommendation", {"name": ("in", recommendations or [""])})


def workbook_of(form: str, **kwargs):
	frappe.response.pop("filecontent", None)
	export_forms(form, **kwargs)
	assert frappe.response.type == "binary"
	return load_workbook(io.BytesIO(frappe.response.filecontent)), frappe.response.filename


class TestPrintAndExcel(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.names = seed_printable_applications()
		cls.first = frappe.get_doc("HQE Application", cls.names[0])

	def tearDown(self):
		frappe.set_user("Administrator")

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		delete_recommendations(YEAR)
		for i in range(APPLICATIONS):
			delete_applications(ensure_community(TOWNSHIP, f"打印测试{i:02d}村"))
		super().tearDownClass()

	def render(self, print_format: str) -> str:
		return html.unescape(frappe.get_print("HQE Application", self.first.name, print_format=print_format))

	def test_recommendation_form_prints_community_contacts_achievements_and_opinions(self):
		page = self.render(RECOMMENDATION_FORMAT)
		self.assertIn("市级高质量就业社区（村）推荐表", page)
		for text in (self.first.community_name, *CONTACT.values(), ACHIEVEMENTS):
			self.assertIn(text, page)
		for heading in ("街道（乡镇）意见", "县（市、区）人力社保<br>部门意见", "市人力社保部门意见"):
			self.assertIn(heading, page)
		self.assertIn(REVIEWS["Township"][0], page)  # from the review
		self.assertIn(f"{YEAR}年4月20日", page)
		self.assertIn(COUNTY_OPINION, page)  # the recommendation row wins over the county review
		self.assertNotIn(REVIEWS["County"][0], page)
		self.assertIn(f"{YEAR}年5月18日", page)
		self.assertEqual(page.count("(盖章)"), 3)
		self.assertIn("@page", page)

	def test_scoring_sheet_prints_each_indicator_with_points_and_basis(self):
		page = self.render(SCORING_FORMAT)
		for text in ("序号", "建设项目", "评分办法", "评分依据", self.first.community_name, TOWNSHIP, COUNTY):
			self.assertIn(text, page)
		self.assertIn("辖区户籍人口中有劳动能力和就业愿望的适龄人员就业率达95%", page)
		self.assertEqual(len(self.first.indicator_results), 12)
		for r in self.first.indicator_results:
			self.assertIn(f'<td class="hqe-points">{points(r.points)}</td>', page, r.indicator_code)
			self.assertIn(r.basis, page)
		for value in (self.first.base_score, self.first.bonus_score, self.first.total_score):
			self.assertIn(f'<td class="hqe-points">{points(value)}</td>', page)
		self.assertIn("达标" if self.first.eligible else "未达标", page)
		self.assertIn('rowspan="4">就业服务', page)  # 8A–8D under one 序号 as in the notice

	def test_export_one_scoring_sheet(self):
		wb, filename = workbook_of("scoring", names=self.first.name)
		self.assertEqual(filename, f"评分表-{self.first.community_name}-{YEAR}.xlsx")
		[ws] = wb.worksheets
		self.assertEqual((ws["C4"].value, ws["F4"].value, ws["C5"].value, ws["F5"].value), (
			self.first.community_name, YEAR, TOWNSHIP, COUNTY,
		))  # fmt: skip
		self.assertEqual(
			[c.value for c in ws[6]], ["序号", "建设项目", "分值", "评分办法", "得分", "评分依据"]
		)
		for row, r in enumerate(self.first.indicator_results, start=7):
			self.assertEqual(ws.cell(row, 3).value, r.max_points)
			self.assertEqual(ws.cell(row, 5).value, r.points, r.indicator_code)
			self.assertEqual(ws.cell(row, 6).value, r.basis)
		total_row = 7 + len(self.first.indicator_results) + 2
		self.assertEqual(
			(ws.cell(total_row, 1).value, ws.cell(total_row, 5).value), ("总分", self.first.total_score)
		)

	def test_export_a_selection_of_recommendation_forms(self):
		selection = frappe.as_json(self.names[:3])
		wb, filename = workbook_of("recommendation", names=selection)
		self.assertEqual(filename, f"推荐表-{COUNTY}-{YEAR}.xlsx")
		self.assertEqual(len(wb.worksheets), 3)
		titles = {frappe.db.get_value("HQE Application", n, "community_name") for n in self.names[:3]}
		self.assertEqual({ws["B3"].value for ws in wb.worksheets}, titles)
		ws = wb[self.first.community_name]
		self.assertEqual(
			(ws["B3"].value, ws["E3"].value, ws["B4"].value, ws["E4"].value, ws["B5"].value),
			(
				self.first.community_name,
				CONTACT["contact_person"],
				CONTACT["address"],
				CONTACT["phone"],
				ACHIEVEMENTS,
			),
		)
		self.assertEqual((ws["A6"].value, ws["C6"].value, ws["E6"].value), (
			"街道（乡镇）意见", "县（市、区）人力社保部门意见", "市人力社保部门意见",
		))  # fmt: skip
		self.assertEqual((ws["A7"].value, ws["C7"].value), (REVIEWS["Township"][0], COUNTY_OPINION))
		self.assertEqual((ws["A9"].value, ws["C9"].value), (f"{YEAR}年4月20日", f"{YEAR}年5月18日"))

	def test_export_a_county_year(self):
		wb, filename = workbook_of("scoring", county=COUNTY, year=YEAR)
		self.assertEqual(filename, f"评分表-{COUNTY}-{YEAR}.xlsx")
		self.assertEqual(len(wb.worksheets), APPLICATIONS)
		stored = dict(
			frappe.get_all(
				"HQE Application",
				{"name": ("in", self.names)},
				["community_name", "total_score"],
				as_list=True,
			)
		)
		total_row = 7 + len(self.first.indicator_results) + 2
		self.assertEqual({ws["C4"].value: ws.cell(total_row, 5).value for ws in wb.worksheets}, stored)

	def test_county_user_exports_own_county(self):
		frappe.set_user(ensure_user("print-jj@example.com", "county", region=COUNTY))
		wb, _ = workbook_of("recommendation", county=COUNTY, year=YEAR)
		self.assertEqual(len(wb.worksheets), APPLICATIONS)

	def test_other_county_user_gets_nothing(self):
		frappe.set_user(ensure_user("print-hy@example.com", "county", region="黄岩区"))
		with self.assertRaises(frappe.PermissionError):
			workbook_of("scoring", names=frappe.as_json(self.names[:2]))
		with self.assertRaises(frappe.DoesNotExistError):
			workbook_of("recommendation", county=COUNTY, year=YEAR)
		with self.assertRaises((frappe.PermissionError, frappe.DoesNotExistError)):  # Frappe hides the name
			frappe.get_print("HQE Application", self.first.name, print_format=RECOMMENDATION_FORMAT)

	def test_unknown_form_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			export_forms("award", names=self.first.name)
