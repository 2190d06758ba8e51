// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("HQE Scheme", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Check"), () =>
			frappe
				.xcall("hqe_app.high_quality_employment.doctype.hqe_scheme.hqe_scheme.check", {
					name: frm.doc.name,
				})
				.then((problems) => {
					if (!problems.length) {
						frappe.msgprint(__("No problems: the scheme can be activated"), __("Check"));
						return;
					}
					const rows = problems
						.map((p) => `<tr><td>${p.indicator || ""}</td><td>${p.field}</td><td>${p.message}</td></tr>`)
						.join("");
					frappe.msgprint({
						title: __("Check"),
						message: `<table class="table table-bordered"><tr><th>${__("Indicator")}</th><th>${__(
							"Field"
						)}</th><th>${__("Problem")}</th></tr>${rows}</table>`,
						wide: true,
					});
				})
		);
		frm.add_custom_button(__("Simulate"), () =>
			frappe.set_route("query-report", "Scheme Simulation", { scheme: frm.doc.name })
		);
	},
});
