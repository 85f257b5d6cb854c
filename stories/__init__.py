"""'Người tốt, việc tốt' stories: exemplary people and deeds."""
