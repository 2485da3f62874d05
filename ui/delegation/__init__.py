"""The Delegation screen: the decisions (a lazy list that opens at once on a million rows), the
delegationsordning in its versions, the import wizard and the anmälan to a meeting."""
