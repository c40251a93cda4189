"""The main window's parts, one mixin of MainWindow per job (gui/main_window.py puts them together)."""
