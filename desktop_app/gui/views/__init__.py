"""Layout-only widgets; behaviour lives in gui/controllers."""
