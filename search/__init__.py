"""Site search: the search page, suggestions, Vietnamese folding and backend selection."""
