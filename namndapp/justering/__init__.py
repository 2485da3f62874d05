"""Justering, anslag and signatures: the rules that make a protokoll a public record, free of Qt and SQL."""
