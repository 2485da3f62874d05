"""Justering: approvals per round, the freeze and seal of a justerat protokoll, the anslag and the state
that follows from them. The rules of time live in namndapp.justering.deadlines."""
