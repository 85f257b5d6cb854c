"""Public views of the reuse surface, one module a surface: feed documents, the widget and its
loader, oEmbed, share cards and the builder page."""
