// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("HQE Publication", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Export to Excel"), () =>
			open_url_post("/api/method/hqe_app.high_quality_employment.documents.export.export_document_list", {
				doctype: frm.doctype,
				name: frm.doc.name,
			}),
		);
	},
});
