// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

// 历年申报: the community's applications side by side (rendered by the server) and two charts.
function hqe_show_history(frm) {
	const field = frm.get_field("history_html");
	if (frm.is_new()) {
		field.$wrapper.empty();
		return;
	}
	frappe
		.xcall("hqe_app.high_quality_employment.application.community_history.community_history", {
			community: frm.doc.name,
		})
		.then((data) => {
			field.$wrapper.html(data.html);
			if (!data.years.length) return;
			const labels = data.years.map(String);
			const place = field.$wrapper.find(".hqe-history-chart");
			const totals = $("<div>").appendTo(place);
			new frappe.Chart(totals[0], {
				title: __("Total Score"),
				type: "line",
				height: 220,
				data: {
					labels,
					datasets: [{ name: __("Total Score"), values: data.total }],
					yMarkers: [{ label: __("Pass Mark"), value: data.pass_mark }],
				},
			});
			const indicators = $("<div>").appendTo(place);
			new frappe.Chart(indicators[0], {
				title: __("Points by Indicator"),
				type: "bar",
				height: 240,
				data: {
					labels: data.indicators.map((row) => `${row.code} ${row.name}`),
					datasets: labels.map((year, i) => ({
						name: year,
						values: data.indicators.map((row) => row.points[i] || 0),
					})),
				},
			});
		});
}

frappe.ui.form.on("HQE Community", {
	refresh(frm) {
		hqe_show_history(frm);
	},
});
