"""Delegation: the delegationsordning (versions of numbered points with their delegates), the decisions
taken under it, their import from the systems' CSV/XLSX exports, the delegation lists and their anmälan
to a meeting.

- `ordning`: versions of the delegationsordning and the check of a decision against the version in force.
- `decisions`: one decision at a time (entered by hand) and the filtered, paged list.
- `tabular`, `mapping`, `importing`: reading the files, mapping their columns, the atomic import.
- `reports`: the summary and detailed lists as plain data and PDF; `anmalan`: reporting to a meeting.
"""
