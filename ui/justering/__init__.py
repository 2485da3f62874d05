"""The justering screens: the round (approvers' answers, ändringsförslag per §), the freeze, the anslag."""
