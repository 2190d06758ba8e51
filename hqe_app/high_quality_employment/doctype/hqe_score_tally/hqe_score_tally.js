// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

// frappe.ui.form.on("HQE Score Tally", {
// 	refresh(frm) {

// 	},
// });
