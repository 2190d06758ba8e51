// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt
// Import from and export to the data template (SPEC §10) on the HQE Application list.

frappe.provide("hqe");

hqe.import_applications = function () {
	new frappe.ui.FileUploader({
		doctype: "HQE Application",
		restrictions: { allowed_file_types: [".xlsx"] },
		on_success(file) {
			frappe
				.call({
					method: "hqe_app.high_quality_employment.imports.applications.import_applications",
					args: { file_url: file.file_url },
					freeze: true,
					freeze_message: __("Importing Applications"),
				})
				.then(({ message }) => {
					if (message.queued) {
						frappe.show_alert({ message: __("Importing Applications"), indicator: "blue" });
					} else {
						hqe.show_import_result(message);
					}
				});
		},
	});
};

hqe.show_import_result = function (result) {
	if (!result.errors.length) {
		frappe.msgprint({
			title: __("Import"),
			indicator: "green",
			message: __("{0} applications imported", [result.imported]),
		});
		cur_list && cur_list.refresh();
		return;
	}
	const rows = result.errors
		.map(
			(e) =>
				`<tr><td>${e.row}</td><td>${frappe.utils.escape_html(e.field || "")}</td>` +
				`<td>${frappe.utils.escape_html(e.message)}</td></tr>`
		)
		.join("");
	frappe.msgprint({
		title: __("Nothing was imported"),
		indicator: "red",
		wide: true,
		message:
			`<table class="table table-bordered"><thead><tr><th>${__("Row")}</th><th>${__("Field")}</th>` +
			`<th>${__("Message")}</th></tr></thead><tbody>${rows}</tbody></table>`,
	});
};

frappe.realtime.on("hqe_import_done", (result) => hqe.show_import_result(result));

// Called from the list view's onload (hqe_application_list.js).
hqe.setup_template_buttons = function (list) {
	const group = __("Data Template");
	if (frappe.model.can_create("HQE Application")) {
		list.page.add_inner_button(__("Import from Template"), () => hqe.import_applications(), group);
	}
	list.page.add_inner_button(
		__("Export to Template"),
		() => {
			const filters = list.get_filters_for_args();
			const value = (field) => (filters.find((f) => f[1] === field) || [])[3];
			const year = value("year") || new Date().getFullYear();
			window.open(
				"/api/method/hqe_app.high_quality_employment.imports.template_export.export_applications?" +
					new URLSearchParams({ year, county: value("county") || "", township: value("township") || "" })
			);
		},
		group
	);
};
