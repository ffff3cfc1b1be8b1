"""The respondent's pages, opened by a personal link."""
