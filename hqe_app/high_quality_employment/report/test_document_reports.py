# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the autumn's lists (SPEC §11) as reports, as the users of the levels concerned.

A county certifies two applications under one document (a third certified by its own form, a fourth
still pending), the city reviews, publishes (one objection, resolved), confirms under its document and
puts one on its province list; the county pays its own award of one. Each report then shows exact rows
to the county assessor and the city reviewer, and nothing to a county assessor of another county.
"""

import frappe
from frappe.desk.query_report import run
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, nowdate
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_region,
	ensure_user,
	make_application,
)
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	COUNTY_CERTIFIED,
	PENDING_COUNTY,
	RECOMMENDED,
)
from hqe_app.programme.workflow import STATE_DOCSTATUS

YEAR = 2086
CITY, COUNTY, SECOND, OTHER = "名单测试市", "名单甲县", "名单乙县", "名单丙县"
TOWN, SECOND_TOWN = "名单甲镇", "名单乙镇"
COUNTY_DOC, CITY_DOC = "甲人社〔2086〕7号", "台人社〔2086〕9号"
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
REVIEW = {
	"material_check": "材料齐全",
	"data_check": "抽查10户，一致",
	"site_visit_date": "2086-09-20",
	"site_visit_people": "王五、赵六",
	"site_visit_record": "服务窗口运行正常",
}


def report(name, user, **filters):
	frappe.set_user(user)
	try:
		result = run(name, filters={"year": YEAR, **filters})
	finally:
		frappe.set_user("Administrator")
	return result["result"], result.get("report_summary")


def values(summary):
	return [s["value"] for s in summary]


def cleanup(communities):
	frappe.set_user("Administrator")
	for doctype, child in (
		("HQE Certification Document", "HQE Certified Application"),
		("HQE Publication", "HQE Publication Item"),
		("HQE Province Recommendation", "HQE Province Recommendation Item"),
	):
		names = frappe.get_all(doctype, filters={"region": ("in", (CITY, COUNTY))}, pluck="name")
		frappe.db.delete(child, {"parent": ("in", names or [""])})
		frappe.db.delete(doctype, {"name": ("in", names or [""])})
	frappe.db.delete("HQE Approval Log", {"community": ("in", communities)})
	for community in communities:
		delete_applications(community)
	settings = frappe.get_single("HQE Settings")
	settings.set("county_awards", [r for r in settings.county_awards if r.county != COUNTY])
	settings.save()
	frappe.db.commit()


class AutumnCase(FrappeTestCase):
	"""The seeded autumn (see the module's docstring), committed once per class and removed after."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region(CITY, "City")
		for county, town in ((COUNTY, TOWN), (SECOND, SECOND_TOWN)):
			ensure_region(county, "County", CITY)
			ensure_region(town, "Township", county)
		ensure_region(OTHER, "County", CITY)
		cls.communities = [ensure_community(TOWN, f"名单测试{i}村") for i in range(4)]
		cls.communities.append(ensure_community(SECOND_TOWN, "名单测试乙村"))
		cleanup(cls.communities)
		cls.county = ensure_user("hqe-list-county@example.com", "county", COUNTY)
		cls.city = ensure_user("hqe-list-city@example.com", "city", CITY)
		cls.other = ensure_user("hqe-list-other@example.com", "county", OTHER)
		settings = frappe.get_single("HQE Settings")
		settings.append("county_awards", {"county": COUNTY, "amount": 3000})
		settings.save()

		apps = []
		for i, community in enumerate(cls.communities):
			doc = make_application(community, year=YEAR, seed=3, **STRONG)
			state = (PENDING_COUNTY, PENDING_COUNTY, PENDING_COUNTY, COUNTY_CERTIFIED, COUNTY_CERTIFIED)[i]
			doc.db_set({"workflow_state": state, "docstatus": STATE_DOCSTATUS[state]})
			apps.append(doc.name)
		cls.apps = apps
		first, second = apps[0], apps[1]
		frappe.db.commit()

		frappe.set_user(cls.county)
		cls.document("County", COUNTY, [first, second], COUNTY_DOC, "2086-08-20")
		frappe.set_user("Administrator")
		for name in (first, second):
			frappe.db.set_value("HQE Application", name, "workflow_state", RECOMMENDED)
		frappe.set_user(cls.city)
		for name in (first, second):
			apply_workflow(frappe.get_doc("HQE Application", name), "Start Review")
			frappe.get_doc(
				{"doctype": "HQE Review", "application": name, "review_level": "City", **REVIEW}
			).insert()
		cls.publication = (
			frappe.get_doc(
				{
					"doctype": "HQE Publication",
					"region": CITY,
					"year": YEAR,
					"applications": [{"application": first}, {"application": second}],
				}
			)
			.insert()
			.submit()
		)
		frappe.set_user("Administrator")
		cls.start = getdate(nowdate())
		cls.end = getdate(add_days(nowdate(), -1))
		for name in (first, second):
			frappe.db.set_value("HQE Application", name, "publication_end", cls.end)  # the period is over
		frappe.get_doc(
			{
				"doctype": "HQE Objection",
				"parent": first,
				"parenttype": "HQE Application",
				"parentfield": "objections",
				"idx": 1,
				"objection_date": nowdate(),
				"objector": "村民甲",
				"content": "就业人数偏高",
				"decision": "Not Upheld",
				"resolution": "经核实数据属实",
			}
		).db_insert()
		frappe.set_user(cls.city)
		cls.document("City", CITY, [first, second], CITY_DOC, "2086-10-28")
		frappe.get_doc(
			{
				"doctype": "HQE Province Recommendation",
				"region": CITY,
				"year": YEAR,
				"applications": [
					{"application": first, "contact_person": "李四", "achievements": "成效显著"}
				],
			}
		).insert()
		frappe.set_user(cls.county)
		award = frappe.get_doc("HQE Award", {"application": first, "award_level": "County"})
		award.update({"status": "Paid", "payment_date": "2086-11-02", "payment_reference": "甲财2086-1"})
		award.save()
		frappe.set_user("Administrator")
		frappe.db.commit()

	@classmethod
	def document(cls, level, region, names, number, date):
		return (
			frappe.get_doc(
				{
					"doctype": "HQE Certification Document",
					"level": level,
					"region": region,
					"year": YEAR,
					"document_number": number,
					"document_date": date,
					"applications": [{"application": n} for n in names],
				}
			)
			.insert()
			.submit()
		)

	@classmethod
	def tearDownClass(cls):
		cleanup(cls.communities)
		super().tearDownClass()


class TestDocumentReports(AutumnCase):
	def test_the_seeded_autumn(self):
		states = [frappe.db.get_value("HQE Application", n, "workflow_state") for n in self.apps]
		self.assertEqual(
			states, [CITY_CERTIFIED, CITY_CERTIFIED, PENDING_COUNTY, COUNTY_CERTIFIED, COUNTY_CERTIFIED]
		)

	def test_county_certified_list(self):
		a0, a1, _pending, a3, a4 = self.apps
		rows, summary = report("County Certified List", self.county)
		self.assertEqual(
			{r["name"]: (r["county_certification_document"], r["document_date"]) for r in rows},
			{
				a0: (COUNTY_DOC, getdate("2086-08-20")),
				a1: (COUNTY_DOC, getdate("2086-08-20")),
				a3: (None, None),
			},
		)
		self.assertEqual([r["serial"] for r in rows], [1, 2, 3])
		self.assertEqual(values(summary), [3, 1, 1])
		rows, summary = report("County Certified List", self.city)
		self.assertEqual(
			[(r["county"], r["serial"]) for r in rows], [(SECOND, 1), (COUNTY, 1), (COUNTY, 2), (COUNTY, 3)]
		)  # counties in the database's order (乙 sorts before 甲), 序号 restarting for each
		self.assertEqual(rows[0]["name"], a4)
		self.assertEqual(values(summary), [4, 1, 2])
		rows, _ = report("County Certified List", self.city, county=SECOND)
		self.assertEqual([r["name"] for r in rows], [a4])
		rows, summary = report("County Certified List", self.other)
		self.assertEqual((rows, values(summary)), ([], [0, 0, 0]))

	def test_eligible_lists_certified_applications_only(self):
		rows = report("Eligible Communities", self.county)[0]
		self.assertEqual({r["name"] for r in rows}, {self.apps[0], self.apps[1], self.apps[3]})
		self.assertEqual(report("Eligible Communities", self.other)[0], [])

	def test_publication_list(self):
		a0, a1 = self.apps[:2]
		for user in (self.city, self.county):
			with self.subTest(user):
				rows, summary = report("Publication List", user)
				self.assertEqual(
					[(r.get("application"), r["indent"], r.get("objections")) for r in rows],
					[(a0, 0, 1), (a0, 1, None), (a1, 0, 0)]
					if rows[0]["community_name"] <= rows[-1]["community_name"]
					else [(a1, 0, 0), (a0, 0, 1), (a0, 1, None)],
				)
				head = next(r for r in rows if r.get("application") == a0 and r["indent"] == 0)
				self.assertEqual(
					(
						head["publication"],
						getdate(head["publication_start"]),
						getdate(head["publication_end"]),
					),
					(self.publication.name, self.start, self.end),
				)
				self.assertEqual(head["unresolved"], 0)
				objection = next(r for r in rows if r["indent"] == 1)
				self.assertEqual(
					(objection["objector"], objection["content"], objection["resolution"]),
					("村民甲", "就业人数偏高", "经核实数据属实"),
				)
				self.assertEqual(values(summary), [2, 1, 0])
		rows, summary = report("Publication List", self.other)
		self.assertEqual((rows, values(summary)), ([], [0, 0, 0]))

	def test_province_list(self):
		for user in (self.city, self.county):
			with self.subTest(user):
				rows, summary = report("Province Recommendation List", user)
				self.assertEqual(len(rows), 1)
				row = rows[0]
				self.assertEqual(
					(
						row["application"],
						row["city_certification_document"],
						row["contact_person"],
						row["phone"],
						row["address"],
						row["achievements"],
					),
					(self.apps[0], CITY_DOC, "李四", "0576-88000000", f"{TOWN}名单测试0村", "成效显著"),
				)
				self.assertEqual(values(summary), [1])
		self.assertEqual(report("Province Recommendation List", self.other)[0], [])

	def test_awards_by_county(self):
		a0, a1 = self.apps[:2]
		rows, summary = report("Awards by County", self.county)
		heads = [
			(r["award_level"], r["awards"], r["amount"], r["paid"], r["pending"])
			for r in rows
			if r["indent"] == 0
		]
		self.assertEqual(
			heads, [(frappe._("City"), 2, 40000, 0, 40000), (frappe._("County"), 2, 6000, 3000, 3000)]
		)
		details = [
			(r["application"], r["amount"], r["status"], r["paid"], r["pending"])
			for r in rows
			if r["indent"] == 1
		]
		self.assertEqual(
			sorted(details),
			sorted(
				[
					(a0, 20000, frappe._("Pending"), 0, 20000),
					(a1, 20000, frappe._("Pending"), 0, 20000),
					(a0, 3000, frappe._("Paid"), 3000, 0),
					(a1, 3000, frappe._("Pending"), 0, 3000),
				]
			),
		)
		self.assertEqual(values(summary), [4, 46000, 3000, 43000])
		rows, summary = report("Awards by County", self.city, award_level="County")
		self.assertEqual(len(rows), 3)
		self.assertEqual(values(summary), [2, 6000, 3000, 3000])
		rows, summary = report("Awards by County", self.other)
		self.assertEqual((rows, values(summary)), ([], [0, 0, 0, 0]))

	def test_city_certification_and_awards_lists_the_citys_awards_only(self):
		rows, _ = report("City Certification and Awards", self.city, county=COUNTY)
		self.assertEqual(
			sorted((r["application"], r["amount"]) for r in rows if r.get("application")),
			sorted([(self.apps[0], 20000), (self.apps[1], 20000)]),
		)
		self.assertEqual(rows[-1]["amount"], 40000)

	def test_approval_history_and_its_export(self):
		a0 = self.apps[0]
		rows, _ = report("Approval History", self.county, application=a0)
		self.assertEqual(
			[(r["action"], r["to_state"], r["user"]) for r in rows],
			[
				(frappe._("Certify"), frappe._(COUNTY_CERTIFIED), self.county),
				(frappe._("Start Review"), frappe._("City Review"), self.city),
				(frappe._("Approve"), frappe._("Publicized"), self.city),
				(frappe._("Confirm"), frappe._(CITY_CERTIFIED), self.city),
			],
		)
		self.assertEqual(rows[0]["full_name"], "hqe-list-county")
		self.assertEqual(len(report("Approval History", self.city)[0]), 8)
		self.assertEqual(report("Approval History", self.other)[0], [])

		import io

		from openpyxl import load_workbook

		frappe.set_user(self.county)
		try:
			frappe.local.form_dict = frappe._dict(
				report_name="Approval History",
				file_format_type="Excel",
				filters=frappe.as_json({"year": YEAR}),
				visible_idx="[]",
			)
			from frappe.desk.query_report import export_query

			export_query()
			content = frappe.response["filecontent"]
		finally:
			frappe.set_user("Administrator")
		sheet = load_workbook(io.BytesIO(content)).active
		table = [row for row in sheet.iter_rows(values_only=True)]
		self.assertEqual(len(table), 1 + 8)  # the header and the county's eight moves
		self.assertIn(frappe._("Reason"), table[0])


COUNTY_FORMAT, PUBLICATION_FORMAT = "高质量就业社区(村)认定文件", "高质量就业社区(村)公示名单"


class TestDocumentPrintAndExcel(AutumnCase):
	"""The same autumn, printed and exported: each document's list in the notice's wording."""

	def test_the_county_document_prints_with_its_list(self):
		import html

		frappe.set_user(self.county)
		try:
			page = html.unescape(
				frappe.get_print("HQE Certification Document", COUNTY_DOC, print_format=COUNTY_FORMAT)
			)
		finally:
			frappe.set_user("Administrator")
		for text in (
			"名单甲县人力资源和社会保障局文件",
			COUNTY_DOC,
			f"关于认定{YEAR}年度县级高质量就业社区（村）的通知",
			f"现认定2个社区（村）为{YEAR}年度县级高质量就业社区（村）",
			"2086年8月20日",
			f"{YEAR}年度名单甲县县级高质量就业社区（村）认定名单",
			"名单测试0村",
			"名单测试1村",
		):
			self.assertIn(text, page)
		self.assertNotIn("名单测试3村", page)  # certified by its own form, not by this document

	def test_the_publication_prints_its_period_and_list(self):
		import html

		frappe.set_user(self.city)
		try:
			page = html.unescape(
				frappe.get_print("HQE Publication", self.publication.name, print_format=PUBLICATION_FORMAT)
			)
		finally:
			frappe.set_user("Administrator")
		start = f"{self.start.year}年{self.start.month}月{self.start.day}日"
		self.assertIn(f"关于{YEAR}年度市级高质量就业社区（村）拟认定名单的公示", page)
		self.assertIn(f"公示时间：{start}至", page)
		self.assertEqual((page.count("名单测试0村"), page.count("名单测试1村")), (1, 1))

	def download(self, user, method, **kwargs):
		from hqe_app.high_quality_employment.documents import export as document_export

		frappe.set_user(user)
		try:
			frappe.response.pop("filecontent", None)
			getattr(document_export, method)(**kwargs)
			return frappe.response.filename, frappe.response.filecontent
		finally:
			frappe.set_user("Administrator")

	def test_excel_lists_as_the_levels_and_refused_to_another_county(self):
		import io

		from openpyxl import load_workbook

		name, content = self.download(
			self.county, "export_document_list", doctype="HQE Certification Document", name=COUNTY_DOC
		)
		self.assertEqual(name, f"认定名单-{COUNTY_DOC}.xlsx")
		ws = load_workbook(io.BytesIO(content))["认定名单"]
		rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
		score = frappe.db.get_value("HQE Application", self.apps[0], "total_score")
		self.assertEqual(
			sorted(r[1:4] for r in rows), [(COUNTY, TOWN, "名单测试0村"), (COUNTY, TOWN, "名单测试1村")]
		)
		self.assertEqual([r[0] for r in rows], [1, 2])
		self.assertEqual({r[4] for r in rows}, {score})
		name, content = self.download(
			self.city, "export_document_list", doctype="HQE Publication", name=self.publication.name
		)
		ws = load_workbook(io.BytesIO(content))["公示名单"]
		self.assertEqual(len([r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]), 2)
		for doctype, doc in (
			("HQE Certification Document", COUNTY_DOC),
			("HQE Publication", self.publication.name),
		):
			with self.assertRaises(frappe.PermissionError):
				self.download(self.other, "export_document_list", doctype=doctype, name=doc)

	def test_annex_2_of_each_community_on_the_province_list(self):
		import io

		from openpyxl import load_workbook

		province = f"{CITY}-{YEAR}"
		name, content = self.download(self.city, "export_province_forms", name=province)
		self.assertEqual(name, f"推荐表-{province}.xlsx")
		wb = load_workbook(io.BytesIO(content))
		self.assertEqual(wb.sheetnames, ["名单测试0村"])
		ws = wb["名单测试0村"]
		self.assertEqual(
			(ws["B3"].value, ws["E3"].value, ws["E4"].value, ws["B5"].value),
			("名单测试0村", "李四", "0576-88000000", "成效显著"),
		)
		with self.assertRaises(frappe.PermissionError):
			self.download(self.other, "export_province_forms", name=province)
		with self.assertRaises(frappe.PermissionError):
			self.download(self.county, "export_province_forms", name=province)  # the city's list
