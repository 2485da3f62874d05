"""Delegation documents rendered from plain data built by services.delegation.reports: the summary list
(`summary_pdf`) and the detailed list (`detailed_pdf`)."""
