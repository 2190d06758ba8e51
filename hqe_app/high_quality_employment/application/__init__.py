"""One application's data on the site: scoring it with the engine, who may write which field, input checks.

`scoring` maps an HQE Application to the engine and back (scores are always recomputed here);
`authority` applies the programme's table of who writes what (hqe_app.programme.authority) to every
save; `input_checks` and `review_checks` refuse bad values by field; `gap_view` and
`community_history` shape the gap to the pass mark and a community's years for the forms.
"""
