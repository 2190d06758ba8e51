"""For the browser tests: serve this test site with `bench serve` and drive Debian's Chromium.

`BrowserCase.setUpClass` starts the server on a free port and Chromium through Playwright; when
either is missing the whole class is skipped with a plain reason (never counted as passed).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import unittest
import urllib.request
from pathlib import Path

import frappe

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]


def browser_missing() -> str | None:
	try:
		import playwright
	except ImportError:
		return "playwright is not installed in the bench's environment"
	if not shutil.which(CHROMIUM):
		return f"Chromium is not at {CHROMIUM}"
	return None


def site_set_up() -> None:
	"""A bureau's site has been through Frappe's setup wizard; a throwaway test site has not, and the
	desk would send every user to the wizard."""
	if not frappe.db.get_single_value("System Settings", "setup_complete"):
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		frappe.db.commit()


class BrowserCase:
	"""Mixin for a FrappeTestCase: `cls.base` is the served site, `cls.browser` a Chromium."""

	@classmethod
	def start_browser(cls) -> None:
		missing = browser_missing()
		if missing:
			raise unittest.SkipTest(f"SKIPPED browser tests: {missing}")
		site_set_up()
		with socket.socket() as s:
			s.bind(("127.0.0.1", 0))
			cls.port = s.getsockname()[1]
		sites = Path(frappe.get_site_path()).resolve().parent
		serve = ["serve", "--port", str(cls.port), "--noreload", "--nothreading"]
		cls.server = subprocess.Popen(
			[
				sys.executable,
				"-m",
				"frappe.utils.bench_helper",
				"frappe",
				"--site",
				frappe.local.site,
				*serve,
			],
			cwd=sites,
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
			env={**os.environ, "CI": "1"},
		)
		cls.base = f"http://127.0.0.1:{cls.port}"
		for _ in range(120):
			try:
				urllib.request.urlopen(f"{cls.base}/api/method/ping", timeout=2)
				break
			except OSError:
				time.sleep(0.5)
		from playwright.sync_api import sync_playwright

		cls.playwright = sync_playwright().start()
		cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

	@classmethod
	def stop_browser(cls) -> None:
		for closing in (
			lambda: cls.browser.close(),
			lambda: cls.playwright.stop(),
			lambda: cls.server.terminate(),
			lambda: cls.server.wait(timeout=20),
		):
			try:
				closing()
			except Exception:
				pass

	@classmethod
	def logged_in(cls, user: str, password: str, **context):
		"""A browser context logged in as `user` (its password set here, for the test)."""
		doc = frappe.get_doc("User", user)
		doc.new_password = password
		doc.flags.ignore_password_policy = True
		doc.save(ignore_permissions=True)
		frappe.db.commit()
		ctx = cls.browser.new_context(locale="zh-CN", **context)
		response = ctx.request.post(f"{cls.base}/api/method/login", data={"usr": user, "pwd": password})
		assert response.ok, response.text()
		return ctx
