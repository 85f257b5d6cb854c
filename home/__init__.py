"""The home page, site-wide settings, localities and the pieces every content section shares."""
