"""The SQL that joins a tjänsteskrivelse's confidentiality marks into an agenda item's or a §'s row, for
the one rule in namndapp.public.confidentiality (the columns `report_confidential`, `report_secrecy_ref`)."""


def report_marks(report_ids: str, case_id: str) -> str:
    """The columns for the report(s) the row names (`report_ids`: SQL expressions, comma-separated) or any
    confidential report of its case (`case_id`: an SQL expression)."""
    return f"""
    (SELECT MAX(r.confidential) FROM case_reports r
      WHERE r.id IN ({report_ids}) OR (r.case_id = {case_id} AND r.confidential = 1)) AS report_confidential,
    COALESCE((SELECT r.secrecy_ref FROM case_reports r WHERE r.id IN ({report_ids}) AND r.confidential = 1),
             (SELECT r.secrecy_ref FROM case_reports r WHERE r.case_id = {case_id} AND r.confidential = 1
               ORDER BY r.id DESC LIMIT 1)) AS report_secrecy_ref"""
