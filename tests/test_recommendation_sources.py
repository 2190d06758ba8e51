"""附件2's sources (SPEC §8, issue 12): what the county typed on its recommendation item wins over the
community record; 建设成效 falls back to the community's own draft on the application."""

from __future__ import annotations

from hqe_app.forms.data import recommendation_form

COMMUNITY = {
	"community_name": "前所村",
	"contact_person": "张三",
	"phone": "0576-88000000",
	"address": "前所街道",
}
APPLICATION = {
	"name": "HQE-2024-00001",
	"community_name": "前所村",
	"year": 2024,
	"achievements": "村里起草的成效",
}


def test_the_countys_item_wins_over_the_community_record() -> None:
	item = {
		"contact_person": "李四",
		"phone": "13800000000",
		"address": "前所街道1号",
		"achievements": "县级成效",
	}
	form = recommendation_form(APPLICATION, COMMUNITY, item)
	assert (form["contact_person"], form["phone"], form["address"], form["achievements"]) == (
		"李四",
		"13800000000",
		"前所街道1号",
		"县级成效",
	)


def test_an_empty_item_field_falls_back_to_the_community_and_its_draft() -> None:
	form = recommendation_form(APPLICATION, COMMUNITY, {"contact_person": "李四"})
	assert (form["contact_person"], form["phone"], form["address"], form["achievements"]) == (
		"李四",
		"0576-88000000",
		"前所街道",
		"村里起草的成效",
	)


def test_contacts_typed_by_the_county_print_when_the_community_record_has_none() -> None:
	form = recommendation_form(APPLICATION, {"community_name": "前所村"}, {"phone": "13800000000"})
	assert (form["contact_person"], form["phone"], form["address"]) == ("", "13800000000", "")


def test_no_item_uses_the_community_and_the_draft() -> None:
	form = recommendation_form(APPLICATION, COMMUNITY)
	assert (form["contact_person"], form["achievements"]) == ("张三", "村里起草的成效")
