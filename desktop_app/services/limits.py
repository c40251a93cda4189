"""Limits that keep one bad file from stalling or filling the machine."""

MAX_FILE_BYTES = 200 * 1024 * 1024
IMPORTABLE_SUFFIXES = {
    ".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif", ".webp", ".bmp",
}
