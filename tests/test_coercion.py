"""Strict conversion of submitted values (programme/coercion.py): exact or refused, never rounded."""

from __future__ import annotations

import datetime

import pytest

from hqe_app.programme.coercion import (
	NOT_CHECK,
	NOT_DATE,
	NOT_NUMBER,
	NOT_OPTION,
	NOT_SCALAR,
	NOT_WHOLE,
	Refused,
	coerce,
)


@pytest.mark.parametrize(
	("value", "expected"), [(3, 3), ("3", 3), (" 12 ", 12), (4.0, 4), ("7.0", 7), (0, 0), ("-2", -2)]
)
def test_whole_numbers_convert_exactly(value, expected) -> None:
	assert coerce("Int", value) == expected


@pytest.mark.parametrize("value", ["abc", 2.5, "2.5", True, "1e3", "", " ", "\t"])
def test_anything_else_in_a_count_is_refused(value) -> None:
	with pytest.raises(Refused) as refused:
		coerce("Int", value)
	assert refused.value.reason == NOT_WHOLE


def test_none_stays_empty_in_every_field() -> None:
	"""Not given at all: mandatory is checked elsewhere."""
	for fieldtype in ("Int", "Float", "Currency", "Check", "Select", "Data", "Date"):
		assert coerce(fieldtype, None) is None


@pytest.mark.parametrize("fieldtype", ["Float", "Currency", "Percent"])
@pytest.mark.parametrize("value", ["", " ", "\n"])
def test_blank_text_in_a_number_field_is_refused(fieldtype, value) -> None:
	with pytest.raises(Refused) as refused:
		coerce(fieldtype, value)
	assert refused.value.reason == NOT_NUMBER


def test_empty_text_stays_empty_in_a_text_field() -> None:
	assert coerce("Data", "") == ""
	assert coerce("Small Text", "") == ""


@pytest.mark.parametrize("value", [[1], {"a": 1}, (1, 2), {1}])
def test_lists_and_objects_are_refused_in_every_scalar_field(value) -> None:
	for fieldtype in ("Int", "Check", "Float", "Select", "Data", "Date"):
		with pytest.raises(Refused) as refused:
			coerce(fieldtype, value, ("a",))
		assert refused.value.reason == NOT_SCALAR


@pytest.mark.parametrize(("value", "expected"), [(1, 1), (0, 0), ("1", 1), ("0", 0), (True, 1), (False, 0)])
def test_checks_are_yes_or_no(value, expected) -> None:
	assert coerce("Check", value) == expected


@pytest.mark.parametrize("value", ["maybe", 2, "yes", -1, 0.5])
def test_a_check_is_refused_unless_yes_or_no(value) -> None:
	with pytest.raises(Refused) as refused:
		coerce("Check", value)
	assert refused.value.reason == NOT_CHECK


def test_select_must_be_an_option() -> None:
	options = ("", "none", "success")
	assert coerce("Select", "success", options) == "success"
	with pytest.raises(Refused) as refused:
		coerce("Select", "sometimes", options)
	assert (refused.value.reason, refused.value.details) == (NOT_OPTION, ("none, success",))


def test_numbers_and_dates() -> None:
	assert coerce("Float", "2.5") == 2.5
	assert coerce("Float", 3) == 3.0
	with pytest.raises(Refused) as refused:
		coerce("Float", "two")
	assert refused.value.reason == NOT_NUMBER
	assert coerce("Date", "2026-05-01") == datetime.date(2026, 5, 1)
	with pytest.raises(Refused) as refused:
		coerce("Date", "01/05/2026")
	assert refused.value.reason == NOT_DATE


def test_every_refusal_has_a_chinese_message() -> None:
	from hqe_app.i18n import catalog
	from hqe_app.programme import coercion

	zh = catalog("zh")
	reasons = [value for name, value in vars(coercion).items() if name.startswith("NOT_")]
	assert len(reasons) == 7
	assert [r for r in reasons if r not in zh] == []
