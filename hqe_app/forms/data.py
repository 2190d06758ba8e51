"""What 附件1 (评分表) and 附件2 (推荐表) show for one application, as plain dicts.

Frappe-free: the callers read the documents and pass plain mappings in; the print formats and the
Excel export both lay out what comes back, so the two always show the same values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from hqe_app.forms import texts as T
from hqe_app.scoring.display import fmt_points
from hqe_app.scoring.evaluate import ScoreCard
from hqe_app.scoring.scheme import Scheme

Row = Mapping[str, Any]
OPINION_FIELDS = {"Township": "township_opinion", "County": "county_opinion", "City": "city_opinion"}
EMPTY_DATE = "年　　月　　日"


def points(value: float | int | str | None) -> str:
	"""Points with at most one decimal: 5, 4.5 (empty for no value)."""
	if value is None or value == "":
		return ""
	return fmt_points(round(float(value), 1))


def date_line(value: datetime.date | str | None) -> str:
	"""The form's "年 月 日" line, filled in when the date is known: 2024年5月6日."""
	if not value:
		return EMPTY_DATE
	if isinstance(value, str):
		value = datetime.date.fromisoformat(value[:10])
	return f"{value.year}年{value.month}月{value.day}日"


def recommendation_form(
	application: Row,
	community: Row,
	item: Row | None = None,
	reviews: Iterable[Row] = (),
) -> dict[str, Any]:
	"""附件2 for one application.

	What the county typed on its recommendation item wins: contact person, phone, address and 建设成效
	come from the item, and where it leaves one empty, from the community record (contacts) or the
	community's own draft on the application (建设成效). An opinion the item leaves empty falls back
	to that level's review (its opinion and review date).
	"""
	item = item or {}
	by_level = {r.get("review_level"): r for r in reviews}
	opinions = []
	for level, heading in T.OPINION_HEADINGS.items():
		review = by_level.get(level) or {}
		field = OPINION_FIELDS[level]
		text = item.get(field) or review.get("opinion") or ""
		date = item.get(f"{field}_date") or review.get("review_date")
		opinions.append(
			{
				"level": level,
				"heading": heading,
				"heading_lines": list(T.OPINION_HEADING_LINES[level]),
				"text": text,
				"seal": T.SEAL,
				"date": date_line(date),
			}
		)
	return {
		"name": application.get("name"),
		"county": application.get("county") or community.get("county") or "",
		"year": application.get("year"),
		"community_name": application.get("community_name") or community.get("community_name") or "",
		"contact_person": item.get("contact_person") or community.get("contact_person") or "",
		"phone": item.get("phone") or community.get("phone") or "",
		"address": item.get("address") or community.get("address") or "",
		"achievements": item.get("achievements") or application.get("achievements") or "",
		"opinions": opinions,
	}


def scoring_form(
	application: Row,
	results: Iterable[Row],
	pass_mark: float,
	base_max: float = 100,
	bonus_max: float = 10,
	scheme: Scheme | None = None,
) -> dict[str, Any]:
	"""附件1 for one application: everything the score sheet shows, whoever draws it.

	The print format, the desk's Excel export and `hqe-score -o` all lay out this one dict: the
	scheme's wording (title, subtitle, 评分办法), one row per indicator result (rows of one 序号 grouped,
	8A–8D → 8), the points, the basis, the totals and the verdict. The wording is `scheme`'s, else that
	of the built-in scheme the application names.
	"""
	wording = T.wording_of(scheme or application.get("scheme"))
	rows: list[dict[str, Any]] = []
	first: dict[str, Any] | None = None  # the first row of the current 序号
	for result in results:
		text = wording.indicator(str(result.get("indicator_code")), result.get("indicator_name") or "")
		row = {
			"code": result.get("indicator_code"),
			"number": text.number,
			"item": text.item,
			"max_points": points(result.get("max_points")),
			"method": text.method,
			"points": points(result.get("points")),
			"basis": result.get("basis") or "",
			"rowspan": 1,
		}
		if first and (first["number"], first["item"]) == (row["number"], row["item"]):
			first["rowspan"] += 1
			row["rowspan"] = 0  # its 序号 and 建设项目 cells are the first row's, merged
		else:
			first = row
		rows.append(row)
	eligible = bool(application.get("eligible"))
	form = {
		"name": application.get("name"),
		"community_name": application.get("community_name") or "",
		"township": application.get("township") or "",
		"county": application.get("county") or "",
		"year": application.get("year"),
		"rows": rows,
		"base_score": points(application.get("base_score") or 0),
		"base_max": points(base_max),
		"bonus_score": points(application.get("bonus_score") or 0),
		"bonus_max": points(bonus_max),
		"total_score": points(application.get("total_score") or 0),
		"total_max": points(base_max + bonus_max),
		"pass_mark": points(pass_mark),
		"eligible": eligible,
		"verdict": T.ELIGIBLE if eligible else T.NOT_ELIGIBLE,
	}
	form.update(
		{
			"annex": T.SCORING_ANNEX,
			"title": wording.form_title,
			"subtitle": wording.form_subtitle,
			"issuing_authority": wording.issuing_authority,
			"notice": wording.notice,
			# (label, value) pairs, two to a line
			"info": [
				(T.COMMUNITY_NAME, form["community_name"]),
				(T.YEAR, form["year"]),
				(T.TOWNSHIP, form["township"]),
				(T.COUNTY, form["county"]),
			],
			"header": list(T.SCORING_HEADER),
			"totals": [
				{"label": T.BASE_SCORE, "max": form["base_max"], "points": form["base_score"]},
				{"label": T.BONUS_SCORE, "max": form["bonus_max"], "points": form["bonus_score"]},
				{"label": T.TOTAL_SCORE, "max": form["total_max"], "points": form["total_score"]},
			],
			"pass_mark_label": T.PASS_MARK,
		}
	)
	return form


def scoring_form_of_card(identity: Row, card: ScoreCard, base_max: float, bonus_max: float) -> dict[str, Any]:
	"""附件1 of an application scored without a site (`hqe-score`): the same rows the desk stores.

	`identity` carries community_name, township, county and year; the results are the engine's, as
	the desk writes them into HQE Indicator Result; the wording is the scheme's the card was scored on.
	"""
	application = {
		**identity,
		"scheme": card.scheme,
		"base_score": card.base,
		"bonus_score": card.bonus,
		"total_score": card.total,
		"eligible": card.eligible,
	}
	results = [
		{
			"indicator_code": r.code,
			"indicator_name": r.name,
			"max_points": r.max_points,
			"points": r.points,
			"basis": r.basis,
		}
		for r in card.results
	]
	scheme = card.inputs[0] if card.inputs is not None else None
	return scoring_form(application, results, card.pass_mark, base_max, bonus_max, scheme)
