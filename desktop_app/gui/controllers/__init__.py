"""Behaviour: wiring views to the services."""
