"""The desk as a bureau's staff see it, in Chromium, in Chinese, at every level.

Each level's user (community officer, township reviewer, county assessor, city reviewer) logs in with
the desk in Chinese and opens each programme page that level uses. A visible Latin word outside a
short list (IDs, e-mail addresses, units the notice writes in Latin) fails the check, and so does a
sidebar that offers anything but the programme's workspace. Screenshots are saved for the README.
"""

from __future__ import annotations

import re
import unittest
from urllib.parse import quote

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import (
	CITY,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.high_quality_employment.testing_browser import SCREENSHOTS, BrowserCase, browser_missing
from hqe_app.programme.lifecycle import PENDING_COUNTY
from hqe_app.programme.workflow import STATE_DOCSTATUS

YEAR = 2089
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
#: Latin words the programme's pages may show: the naming series, a currency code, file formats.
ALLOWED = {"HQE", "GS", "CNY", "PDF", "Excel", "xlsx", "Ctrl"}  # Ctrl: the key's own label
WORKSPACE = "高质量就业"
PASSWORD = "Hqe-desk-2089!"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
APP_ID = re.compile(r"\b[A-Z]{2,4}-\d{4}-[^\s]+")
SCHEME_CODE = re.compile(r"\b[a-z]+-\d{4}\b")  # a scoring scheme's code, e.g. taizhou-2019

#: The pages each level uses: (screenshot name, route). `{app}` is an application of the level's node.
COMMON = [
	("workspace", f"/app/{quote(WORKSPACE)}"),
	("application-list", "/app/hqe-application"),
	("application-form", "/app/hqe-application/{app}"),
	("community-list", "/app/hqe-community"),
]
PAGES = {
	"community": COMMON,
	"township": [*COMMON, ("report-eligible", "/app/query-report/Eligible Communities")],
	"county": [
		*COMMON,
		("review-list", "/app/hqe-review"),
		("recommendation-list", "/app/hqe-recommendation"),
		("certification-list", "/app/hqe-certification-document"),
		("report-eligible", "/app/query-report/Eligible Communities"),
		("report-recommended", "/app/query-report/Recommended Communities"),
		("report-near", "/app/query-report/Near the Pass Mark"),
	],
	"city": [
		*COMMON,
		("publication-list", "/app/hqe-publication"),
		("award-list", "/app/hqe-award"),
		("report-coverage", "/app/query-report/Coverage"),
		("report-city-certification", "/app/query-report/City Certification and Awards"),
		("report-indicator-analysis", "/app/query-report/Indicator Score Analysis"),
	],
}
#: What a person sees: text nodes whose element is rendered and not clipped to nothing (screen-reader
#: text and closed menus are not seen), the placeholders of visible inputs and the chosen options.
VISIBLE_TEXT = """() => {
	const seen = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})
		&& el.getBoundingClientRect().width > 2 && el.getBoundingClientRect().height > 2;
	const out = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		const el = walker.currentNode.parentElement;
		const text = walker.currentNode.textContent.trim();
		if (!el || !text || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION"].includes(el.tagName)) continue;
		if (el.closest(".sr-only, .visually-hidden")) continue;
		if (seen(el)) out.push(text);
	}
	for (const el of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
		if (seen(el) && !el.value) out.push(el.placeholder);
	}
	for (const el of document.querySelectorAll("select")) {
		if (seen(el) && el.selectedOptions.length) out.push(el.selectedOptions[0].textContent);
	}
	return out.join("\\n");
}"""
NAMES = {"community": "社区经办员", "township": "乡镇审核员", "county": "县级评定员", "city": "市级审核员"}


#: Frappe's zh translations that read wrong on these pages: minutes as metres, the button "Clear" as
#: "explicit" (a label of its own: the notice's own "明确支出渠道" is right).
WRONG_CHINESE = re.compile(r"\d+\s*米|^\s*明确\s*$", re.M)


def stray_words(text: str) -> set[str]:
	"""The Latin words of a page's visible text that are not an ID, an e-mail or an allowed word, and
	any wording known to be wrong Chinese."""
	text = SCHEME_CODE.sub(" ", APP_ID.sub(" ", EMAIL.sub(" ", text)))
	return {w for w in LATIN_WORD.findall(text) if w not in ALLOWED} | {
		m.strip() for m in WRONG_CHINESE.findall(text)
	}


class TestStrayWords(unittest.TestCase):
	"""The check itself, on known text: it must catch what the issue saw, and pass clean Chinese."""

	def test_it_finds_english_and_lets_ids_and_emails_pass(self):
		self.assertEqual(stray_words("List View 编辑 Edit Filters"), {"List", "View", "Edit", "Filters"})
		self.assertEqual(stray_words("HQE-2089-00001 申报 hqe-desk@example.com 20000 CNY"), set())
		self.assertEqual(stray_words("4 米前\n明确\n"), {"4 米", "明确"})
		self.assertEqual(stray_words("4分钟\n清除\n有稳定的工作经费并明确支出渠道 taizhou-2019"), set())


@unittest.skipIf(browser_missing(), f"SKIPPED browser tests: {browser_missing()}")
class TestDeskInChinese(BrowserCase, FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "界面测试村")
		delete_applications(cls.community)
		cls.users = {
			"community": ensure_user("hqe-desk-village@example.com", "community", community=cls.community),
			"township": ensure_user("hqe-desk-township@example.com", "township", "海门街道"),
			"county": ensure_user("hqe-desk-county@example.com", "county", "椒江区"),
			"city": ensure_user("hqe-desk-city@example.com", "city", CITY),
		}
		for level, user in cls.users.items():
			frappe.db.set_value(
				"User", user, {"first_name": NAMES[level], "full_name": NAMES[level], "language": "zh"}
			)
		frappe.set_user(cls.users["community"])  # the community's own application, as it would be
		app = make_application(cls.community, year=YEAR, seed=2, **STRONG)
		frappe.set_user("Administrator")
		app.db_set(
			{"workflow_state": PENDING_COUNTY, "docstatus": STATE_DOCSTATUS[PENDING_COUNTY]},
			update_modified=False,
		)
		cls.app = app.name
		frappe.db.commit()
		cls.start_browser()

	@classmethod
	def tearDownClass(cls):
		cls.stop_browser()
		frappe.set_user("Administrator")
		delete_applications(cls.community)
		frappe.db.commit()
		super().tearDownClass()

	def visit(self, level: str) -> tuple[dict[str, set[str]], list[str]]:
		"""Open each page of the level; return the stray words per page and the sidebar's workspaces."""
		context = self.logged_in(self.users[level], PASSWORD, viewport={"width": 1440, "height": 1000})
		page = context.new_page()
		found: dict[str, set[str]] = {}
		sidebar: list[str] = []
		try:
			for name, route in PAGES[level]:
				page.goto(self.base + route.format(app=self.app))
				page.wait_for_function(
					"window.frappe && frappe.boot && frappe.container && frappe.container.page"
				)
				page.wait_for_load_state("networkidle")
				page.wait_for_timeout(800)
				text = page.evaluate(VISIBLE_TEXT)
				words = stray_words(text)
				if words:
					found[name] = words
				if name == "workspace":
					sidebar = page.evaluate(
						"[...document.querySelectorAll('.desk-sidebar .sidebar-item-label')]"
						".map(e => e.innerText.trim()).filter(Boolean)"
					)
				SCREENSHOTS.mkdir(parents=True, exist_ok=True)
				page.screenshot(path=str(SCREENSHOTS / f"desk-{level}-{name}.png"))
		finally:
			context.close()
		return found, sidebar

	def check_level(self, level: str) -> None:
		found, sidebar = self.visit(level)
		print(f"\ndesk check, {level}: {len(PAGES[level])} pages, stray words: {found or 'none'}")
		self.assertEqual(found, {}, f"English or Latin words on the {level}'s pages")
		self.assertEqual(sidebar, [WORKSPACE], "the sidebar offers the programme only")

	def test_community_officer(self):
		self.check_level("community")

	def test_township_reviewer(self):
		self.check_level("township")

	def test_county_assessor(self):
		self.check_level("county")

	def test_city_reviewer(self):
		self.check_level("city")
