"""Table models: service rows shown in Qt views, testable without widgets."""
