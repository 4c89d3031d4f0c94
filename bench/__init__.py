"""Benchmarks and synthetic data for the dashboard's queries."""
