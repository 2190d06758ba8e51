"""The application's lifecycle on the site: what each workflow move checks and what it sets in motion.

`guards` refuses a move that breaks a rule (deadline, quota, review, publication period); `effects`
records its consequences (review log, assignment, publication dates, awards); `actions` serves the
form's and the list's moves; `deadlines`, `publication_calendar`, `city_review`, `county_awards`,
`quota`, `history` and `reminders` each hold one of the rules they read. The states and moves
themselves are facts in hqe_app.programme.workflow.
"""
