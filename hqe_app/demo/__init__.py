"""Generators of demonstration and benchmark data.

`province_shape` and `province_history` plan a province without Frappe (tested in the frappe-free
tier); `province` writes that plan into a site in bulk.
"""
