// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("HQE Review", {
	setup(frm) {
		// Show each indicator field by its (translated) label; the stored value is the field name.
		frappe.model.with_doctype("HQE Application", () => {
			const options = frappe
				.get_meta("HQE Application")
				.fields.filter((df) => ["Int", "Check", "Select"].includes(df.fieldtype))
				.filter((df) => df.fieldname !== "year" && !df.read_only)
				.map((df) => ({ value: df.fieldname, label: __(df.label) }));
			frm.fields_dict.corrections.grid.update_docfield_property("fieldname", "options", options);
		});
	},
});
