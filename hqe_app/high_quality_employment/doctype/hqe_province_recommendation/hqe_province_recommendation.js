// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("HQE Province Recommendation", {
	refresh(frm) {
		if (frm.is_new() || !(frm.doc.applications || []).length) return;
		frm.add_custom_button(__("Export Recommendation Forms (Excel)"), () =>
			open_url_post("/api/method/hqe_app.high_quality_employment.documents.export.export_province_forms", {
				name: frm.doc.name,
			}),
		);
	},
});
