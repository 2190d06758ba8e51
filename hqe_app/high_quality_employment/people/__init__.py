"""People and what they may see: staff onboarding, the region-tree permissions, link search, role profiles.

`staff_import` creates and moves staff from a workbook (one User Permission per person);
`permissions` is the no-node-no-access hook; `search` keeps link search inside the user's subtree;
`role_profiles` writes one Role Profile per level at install and migrate; `staff_indexes` adds the
indexes the assignee lookup needs; `apps_screen` decides who sees the app's tile.
"""
