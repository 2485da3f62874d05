"""The thin Qt layer of Nämndapp. Widgets call namndapp services and never query the database."""
