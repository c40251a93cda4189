"""Use cases composed from core, store and intake; what the CLI and GUI call."""
