"""Domain model and rules. Imports nothing else of Paperasse, no Qt, no SQL."""
