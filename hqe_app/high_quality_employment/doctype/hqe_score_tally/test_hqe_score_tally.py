# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt

# import frappe
from frappe.tests.utils import FrappeTestCase


class TestHQEScoreTally(FrappeTestCase):
	pass
