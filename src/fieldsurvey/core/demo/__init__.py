"""The deterministic demo workspace: trainers' data, test fixtures and benchmark data."""
