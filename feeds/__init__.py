"""The reuse surface: RSS, Atom and JSON Feed, the embeddable widget, oEmbed and share images."""
