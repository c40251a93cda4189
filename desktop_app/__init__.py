"""Paperasse: a household's French health-reimbursement paperwork, kept in order offline."""

__version__ = "0.1.0"
APP_NAME = "Paperasse"
APP_ID = "org.paperasse.Paperasse"
